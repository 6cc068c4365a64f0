"""Speaking aloud on the patient screen (issue 13): the speech engine, the chime, the player.

``[station] speak = true`` makes the desk say the queue call (after a chime) and the confirmed
results in the patient screen's language; off by default. What is said comes from
``station.spoken``; here it becomes sound:

* **Engine** (``find_engine``): on Linux (and any non-Windows system) ``espeak-ng`` on ``PATH``
  (Debian/Ubuntu package ``espeak-ng``), voices ``id`` and ``en``, written to a WAV file with
  ``-w``. On Windows the Speech API (SAPI) through Windows PowerShell's ``System.Speech``
  ``SpeechSynthesizer`` (``SetOutputToWaveFile`` then ``Speak``), with a voice of the
  language's culture when one is installed (Indonesian: the "id-ID" language pack's voice).
  The Windows path is written from Microsoft's documentation of System.Speech and is **not
  verified here** (no Windows machine in this build).
* **Chime** (``write_chime``): two short sine tones ("ding-dong"), made with numpy and written
  once with the ``wave`` module.
* **Player**: Qt Multimedia is not part of PySide6-Essentials (the station's Qt, see
  pyproject.toml), so the WAV files are played by a command through ``QProcess``, one after the
  other: ``paplay`` (PulseAudio / PipeWire), ``pw-play`` or ``aplay`` (ALSA) on Linux;
  ``System.Media.SoundPlayer`` through PowerShell on Windows (not verified here either).

Nothing slow runs on the GUI thread: synthesis and playing are ``QProcess`` children, whose
output arrives as signals. (Not a Python thread: PySide6 6.8-6.12 corrupts reference counts
when Qt objects are used from threads Qt did not create, see ``ui/bridge.py``.)

Without an engine or a player the station logs one warning, the desk shows the notice once in
its status bar, and everything else goes on as if ``speak`` were off.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import wave
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal, Slot

from station.events import QueueCalled, VisitConfirmed, VisitCorrected
from station.spoken import Language, Utterance, queue_call, results_speech
from ui.translations import as_language

__all__ = [
    "CHIME_RATE",
    "CHIME_SECONDS",
    "CHIME_TONES",
    "AudioPlayer",
    "CommandPlayer",
    "EspeakEngine",
    "Invocation",
    "NoSpeechEngineError",
    "PlayerCommand",
    "SapiEngine",
    "Speaker",
    "SpeechEngine",
    "SpeechError",
    "SpeechProblem",
    "chime_samples",
    "find_engine",
    "find_player",
    "synthesise",
    "write_chime",
]

_LOGGER = logging.getLogger(__name__)

# espeak-ng's voices for the two languages of the screens.
ESPEAK_VOICES: Mapping[Language, str] = {"id": "id", "en": "en"}
# Words per minute: espeak-ng's default is 175; slower is easier to follow for elderly people.
ESPEAK_WORDS_PER_MINUTE = 150
# Windows: the voice culture each language asks SAPI for (a prefix of e.g. "id-ID", "en-US").
SAPI_CULTURES: Mapping[Language, str] = {"id": "id", "en": "en"}
# A sentence takes espeak-ng well under a second; a hung engine is killed after this.
SYNTHESIS_TIMEOUT_S = 20.0
# A player that has not finished one file in this long is killed (the longest results
# sentence is under a minute).
PLAY_TIMEOUT_S = 120.0

# The chime: two short sine tones, high then low, 16-bit mono.
CHIME_RATE = 22050
CHIME_TONES: tuple[tuple[float, float], ...] = ((880.0, 0.18), (660.0, 0.30))  # (Hz, seconds)
CHIME_GAP_S = 0.04  # between the tones
CHIME_TAIL_S = 0.15  # silence after, before the first word
CHIME_FADE_S = 0.01  # raised-cosine fade in and out of each tone (no clicks)
CHIME_AMPLITUDE = 0.35  # of full scale
CHIME_SECONDS = sum(s for _, s in CHIME_TONES) + CHIME_GAP_S * (len(CHIME_TONES) - 1) + CHIME_TAIL_S

# Windows PowerShell (5.1, .NET Framework: System.Speech is part of it). The text, the file and
# the culture come in environment variables, never spliced into the script.
_SAPI_SCRIPT = (
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and "
    "$_.VoiceInfo.Culture.Name -like ($env:VITALS_SPEECH_CULTURE + '*') } | "
    "Select-Object -First 1; "
    "if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }; "
    "$s.Rate = -1; "
    "$s.SetOutputToWaveFile($env:VITALS_SPEECH_WAV); "
    "$s.Speak($env:VITALS_SPEECH_TEXT); "
    "$s.Dispose()"
)
_SOUND_PLAYER_SCRIPT = "(New-Object System.Media.SoundPlayer $env:VITALS_SOUND_FILE).PlaySync()"
_POWERSHELL_OPTIONS = ("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command")


class SpeechError(Exception):
    """The engine did not make the sound file; the message says why."""


class NoSpeechEngineError(SpeechError):
    """No speech engine on this machine."""


class SpeechProblem:
    """Why the desk cannot speak: the keys of the notice in ``ui.patient.speech_texts``."""

    NO_ENGINE = "speech_no_engine"
    NO_PLAYER = "speech_no_player"


@dataclass(frozen=True, slots=True)
class Invocation:
    """One command to run: the program, its arguments, variables added to the environment."""

    program: str
    arguments: tuple[str, ...]
    environment: Mapping[str, str] = field(default_factory=dict)


class SpeechEngine(Protocol):
    @property
    def name(self) -> str: ...

    def invocation(self, text: str, lang: Language, wav_path: Path) -> Invocation: ...


@dataclass(frozen=True, slots=True)
class EspeakEngine:
    """espeak-ng: ``espeak-ng -v id -s 150 -b 1 -w FILE -- TEXT`` (``-b 1``: the text is UTF-8)."""

    program: str
    name: str = "espeak-ng"

    def invocation(self, text: str, lang: Language, wav_path: Path) -> Invocation:
        return Invocation(
            self.program,
            (
                "-v",
                ESPEAK_VOICES[lang],
                "-s",
                str(ESPEAK_WORDS_PER_MINUTE),
                "-b",
                "1",
                "-w",
                str(wav_path),
                "--",
                text,
            ),
        )


@dataclass(frozen=True, slots=True)
class SapiEngine:
    """The Windows Speech API through PowerShell's System.Speech (not verified here)."""

    program: str
    name: str = "Windows SAPI"

    def invocation(self, text: str, lang: Language, wav_path: Path) -> Invocation:
        return Invocation(
            self.program,
            (*_POWERSHELL_OPTIONS, _SAPI_SCRIPT),
            {
                "VITALS_SPEECH_TEXT": text,
                "VITALS_SPEECH_WAV": str(wav_path),
                "VITALS_SPEECH_CULTURE": SAPI_CULTURES[lang],
            },
        )


Which = Callable[[str], str | None]


def _windows(platform: str) -> bool:
    return platform.startswith(("win32", "cygwin"))


def find_engine(platform: str = sys.platform, which: Which = shutil.which) -> SpeechEngine | None:
    """The speech engine of this machine, or None."""
    if _windows(platform):
        powershell = which("powershell")
        return SapiEngine(powershell) if powershell else None
    espeak = which("espeak-ng")
    return EspeakEngine(espeak) if espeak else None


@dataclass(frozen=True, slots=True)
class PlayerCommand:
    """A command that plays one WAV file and exits when it has finished."""

    name: str
    program: str
    arguments: tuple[str, ...] = ()
    # Windows: the file goes in this environment variable instead of the last argument.
    file_variable: str = ""

    def invocation(self, path: Path) -> Invocation:
        if self.file_variable:
            return Invocation(self.program, self.arguments, {self.file_variable: str(path)})
        return Invocation(self.program, (*self.arguments, str(path)))


# Linux players, first found wins: PulseAudio's (also served by PipeWire on current desktops),
# PipeWire's own, then ALSA's.
_LINUX_PLAYERS = (("paplay", ()), ("pw-play", ()), ("aplay", ("-q",)))


def find_player(platform: str = sys.platform, which: Which = shutil.which) -> PlayerCommand | None:
    """The command that plays sound on this machine, or None."""
    if _windows(platform):
        powershell = which("powershell")
        if powershell is None:
            return None
        return PlayerCommand(
            "SoundPlayer",
            powershell,
            (*_POWERSHELL_OPTIONS, _SOUND_PLAYER_SCRIPT),
            file_variable="VITALS_SOUND_FILE",
        )
    for name, arguments in _LINUX_PLAYERS:
        program = which(name)
        if program:
            return PlayerCommand(name, program, arguments)
    return None


def synthesise(
    text: str, lang: Language, wav_path: Path, engine: SpeechEngine | None = None
) -> Path:
    """Say ``text`` into the WAV file ``wav_path`` (blocking: for tests and tools; the desk
    uses ``Speaker``, which never waits)."""
    engine = engine if engine is not None else find_engine()
    if engine is None:
        raise NoSpeechEngineError("no speech engine found (Linux: install espeak-ng)")
    call = engine.invocation(text, lang, wav_path)
    try:
        completed = subprocess.run(  # noqa: S603 - our engine, a fixed argument list, no shell
            [call.program, *call.arguments],
            env={**os.environ, **call.environment},
            capture_output=True,
            timeout=SYNTHESIS_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpeechError(f"{engine.name} could not run: {exc}") from exc
    if completed.returncode != 0:
        detail = completed.stderr.decode(errors="replace").strip()
        raise SpeechError(f"{engine.name} failed ({completed.returncode}): {detail}")
    if not _has_sound_file(wav_path):
        raise SpeechError(f"{engine.name} wrote no sound to {wav_path}")
    return wav_path


def _has_sound_file(path: Path) -> bool:
    # More than a WAV header (44 bytes).
    return path.is_file() and path.stat().st_size > 44


def chime_samples(rate: int = CHIME_RATE) -> np.ndarray:
    """The chime as 16-bit samples: each tone with a short fade in and out, a gap between
    them, a little silence after."""
    parts: list[np.ndarray] = []
    fade = round(CHIME_FADE_S * rate)
    for index, (frequency, seconds) in enumerate(CHIME_TONES):
        if index:
            parts.append(np.zeros(round(CHIME_GAP_S * rate)))
        n = round(seconds * rate)
        tone = np.sin(2 * np.pi * frequency * np.arange(n) / rate)
        envelope = np.ones(n)
        ramp = 0.5 - 0.5 * np.cos(np.pi * np.arange(fade) / fade)
        envelope[:fade] = ramp
        envelope[-fade:] = ramp[::-1]
        parts.append(tone * envelope)
    parts.append(np.zeros(round(CHIME_TAIL_S * rate)))
    signal = np.concatenate(parts) * CHIME_AMPLITUDE
    return np.asarray(np.round(signal * 32767), dtype="<i2")


def write_chime(path: Path, rate: int = CHIME_RATE) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(chime_samples(rate).tobytes())
    return path


def _configure(process: QProcess, call: Invocation) -> None:
    if call.environment:
        environment = QProcessEnvironment.systemEnvironment()
        for name, value in call.environment.items():
            environment.insert(name, value)
        process.setProcessEnvironment(environment)
    process.setProgram(call.program)
    process.setArguments(list(call.arguments))
    # Nobody reads the engine's or player's chatter; it must not fill a pipe and stall them.
    process.setStandardOutputFile(QProcess.nullDevice())
    process.setStandardErrorFile(QProcess.nullDevice())


Ended = Callable[[QProcess, bool], None]


class _Processes(QObject):
    """The ``QProcess`` children of an owner: each deleted when it has ended, the running
    ones killed (and waited for, briefly) on ``close``, so none is destroyed while running.

    The owner's callback is held weakly: a connection of the process's signals must never be
    what keeps a Python-owned owner alive, or the owner would be deleted from inside the
    process's own destructor (when its connections are dropped), deleting the process twice.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._running: set[QProcess] = set()

    def create(self, call: Invocation, ended: Ended, timeout_s: float) -> QProcess:
        """A process for ``call``, not started yet (a program that cannot start may end
        within ``start``: the caller keeps the process first); ``ended(process, ok)`` (a
        bound method) when it has ended, ok when it exited with status 0; killed after
        ``timeout_s``."""
        process = QProcess(self)
        _configure(process, call)
        timer = QTimer(process)
        timer.setSingleShot(True)
        timer.setInterval(round(timeout_s * 1000))
        timer.timeout.connect(process.kill)
        callback = weakref.WeakMethod(ended)
        running = self._running
        over = False

        def end(ok: bool) -> None:
            nonlocal over
            if over:
                return
            over = True
            timer.stop()
            running.discard(process)
            process.deleteLater()
            owner = callback()
            if owner is not None:
                owner(process, ok)

        def finished(code: int, status: QProcess.ExitStatus) -> None:
            end(status is QProcess.ExitStatus.NormalExit and code == 0)

        def failed(error: QProcess.ProcessError) -> None:
            if error is QProcess.ProcessError.FailedToStart:
                end(False)  # no finished signal follows

        process.finished.connect(finished)
        process.errorOccurred.connect(failed)
        process.started.connect(timer.start)
        running.add(process)
        return process

    def close(self) -> None:
        for process in list(self._running):
            process.kill()
            process.waitForFinished(2000)


class AudioPlayer(Protocol):
    """Plays sound files one after the other; a new ``play`` stops what is playing."""

    def play(self, files: Sequence[Path]) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


class CommandPlayer(QObject):
    """An ``AudioPlayer`` running a ``PlayerCommand`` per file through ``QProcess``."""

    def __init__(self, command: PlayerCommand, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._command = command
        self._processes = _Processes(self)
        self._queue: list[Path] = []
        self._current: QProcess | None = None
        self._failed_once = False

    def play(self, files: Sequence[Path]) -> None:
        self.stop()
        self._queue = list(files)
        self._next()

    def stop(self) -> None:
        self._queue = []
        current, self._current = self._current, None
        if current is not None:
            current.kill()  # its end is ignored: it is no longer current

    def close(self) -> None:
        self.stop()
        self._processes.close()

    def _next(self) -> None:
        if not self._queue:
            return
        path = self._queue.pop(0)
        process = self._processes.create(
            self._command.invocation(path), self._ended, PLAY_TIMEOUT_S
        )
        self._current = process
        process.start()

    def _ended(self, process: QProcess, ok: bool) -> None:
        if process is not self._current:
            return
        self._current = None
        if not ok and not self._failed_once:
            self._failed_once = True
            _LOGGER.warning("speech: %s could not play a sound file", self._command.name)
        self._next()


class Speaker(QObject):
    """Says the queue call and the results on the patient screen, in its language.

    ``enabled`` is ``[station] speak``: when False nothing is ever synthesised or played (no
    engine is even looked for). ``find_engine`` and ``player`` are the seams tests use; by
    default the machine's engine and player are found. ``problem`` is why it cannot speak
    (a ``SpeechProblem``), or None.
    """

    spoken = Signal(object)  # Utterance: handed to the player

    def __init__(
        self,
        *,
        enabled: bool,
        lang: Language,
        player: AudioPlayer | None = None,
        find_engine: Callable[[], SpeechEngine | None] = find_engine,
        find_player: Callable[[], PlayerCommand | None] = find_player,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._enabled = enabled
        self._lang = lang
        self._engine: SpeechEngine | None = None
        self._player: AudioPlayer | None = None
        self.problem: str | None = None
        self.synthesised = 0  # syntheses started (tests: none while speak is off)
        self._processes = _Processes(self)
        self._synthesis: QProcess | None = None
        self._making: dict[QProcess, tuple[Utterance, Path]] = {}  # what each process says
        self._last: Utterance | None = None
        self._last_visit_id: str | None = None
        self._last_wav: Path | None = None
        self._files: set[Path] = set()
        self._counter = 0
        self._work: tempfile.TemporaryDirectory[str] | None = None
        self._chime: Path | None = None
        if enabled:
            self._engine = find_engine()
            self._player = player if player is not None else self._command_player(find_player)
            if self._engine is None:
                self.problem = SpeechProblem.NO_ENGINE
                _LOGGER.warning(
                    "speech: no speech engine found (Linux: install espeak-ng, e.g. "
                    "apt-get install espeak-ng); the station goes on without speaking"
                )
            elif self._player is None:
                self.problem = SpeechProblem.NO_PLAYER
                _LOGGER.warning(
                    "speech: no sound player found (paplay, pw-play or aplay); the station "
                    "goes on without speaking"
                )

    def _command_player(self, find: Callable[[], PlayerCommand | None]) -> CommandPlayer | None:
        command = find()
        return CommandPlayer(command, self) if command is not None else None

    @property
    def available(self) -> bool:
        return self._enabled and self.problem is None

    @property
    def last(self) -> Utterance | None:
        """What was said last (and what ``repeat`` says), or None."""
        return self._last

    # The bridge's signals (connected in ui/app.py).

    @Slot(object)
    def on_queue_called(self, event: QueueCalled) -> None:
        self.say(queue_call(event.queue_number, event.station_id, self._lang))

    @Slot(object)
    def on_confirmed(self, event: VisitConfirmed) -> None:
        self.say(results_speech(event.results, self._lang), visit_id=event.visit.id)

    @Slot(object)
    def on_corrected(self, event: VisitCorrected) -> None:
        """A same-day correction is not said aloud; if its results were the last thing said,
        a repeat says the corrected ones."""
        if self._enabled and event.visit.id == self._last_visit_id:
            self._last = results_speech(event.results, self._lang)
            self._last_wav = None

    def say(self, utterance: Utterance, visit_id: str | None = None) -> None:
        """Say ``utterance`` (after the chime if it has one); it becomes the last thing said.
        Whatever was being said stops when the new sound starts."""
        if not self._enabled:
            return
        self._last, self._last_visit_id, self._last_wav = utterance, visit_id, None
        self._synthesise(utterance)

    @Slot()
    def set_language(self, lang: str) -> None:
        """Speak ``lang`` from now on (the patient screen's language changed, F9)."""
        if (known := as_language(lang)) is not None:
            self._lang = known

    def repeat(self) -> None:
        """Say the last thing again (the sound already made, if it is still there)."""
        if not self._enabled or self._last is None:
            return
        if self._last_wav is not None and self._last_wav.is_file():
            self._play(self._last, self._last_wav)
        elif self._synthesis is None:
            self._synthesise(self._last)
        # else: it is being made and is played as soon as it is there.

    @Slot()
    def forget(self) -> None:
        """Silence, and nothing left to repeat: the patient screen cleared, the visit was
        cancelled, the number skipped or the desk locked (nothing of anyone stays)."""
        self._last = self._last_visit_id = self._last_wav = None
        self._cancel_synthesis()
        if self._player is not None:
            self._player.stop()
        self._remove_files(keep=None)

    def close(self) -> None:
        self.forget()
        if self._player is not None:
            self._player.close()
        self._processes.close()
        if self._work is not None:
            self._work.cleanup()
            self._work = None

    def _folder(self) -> Path:
        if self._work is None:
            self._work = tempfile.TemporaryDirectory(prefix="vitals-speech-")
        return Path(self._work.name)

    def _chime_file(self) -> Path:
        if self._chime is None or not self._chime.is_file():
            self._chime = write_chime(self._folder() / "chime.wav")
        return self._chime

    def _cancel_synthesis(self) -> None:
        synthesis, self._synthesis = self._synthesis, None
        if synthesis is not None:
            synthesis.kill()  # its end is ignored: it is no longer current

    def _synthesise(self, utterance: Utterance) -> None:
        if self._engine is None or self._player is None:
            return  # said once, at the start (problem); the station works on without sound
        self._cancel_synthesis()
        self._counter += 1
        wav = self._folder() / f"speech-{self._counter}.wav"
        self._files.add(wav)
        call = self._engine.invocation(utterance.text, utterance.lang, wav)
        self.synthesised += 1
        process = self._processes.create(call, self._synthesis_ended, SYNTHESIS_TIMEOUT_S)
        self._synthesis = process
        self._making[process] = (utterance, wav)
        process.start()

    def _synthesis_ended(self, process: QProcess, ok: bool) -> None:
        utterance, wav = self._making.pop(process)
        self._synthesised(process, ok, utterance, wav)

    def _synthesised(self, process: QProcess, ok: bool, utterance: Utterance, wav: Path) -> None:
        if process is not self._synthesis:
            wav.unlink(missing_ok=True)  # superseded or forgotten
            self._files.discard(wav)
            return
        self._synthesis = None
        if not ok or not _has_sound_file(wav):
            assert self._engine is not None
            _LOGGER.warning("speech: %s made no sound for the text", self._engine.name)
            return
        if utterance is self._last:
            self._last_wav = wav
        self._play(utterance, wav)

    def _play(self, utterance: Utterance, wav: Path) -> None:
        assert self._player is not None
        files = [self._chime_file(), wav] if utterance.chime else [wav]
        self._player.play(files)
        self.spoken.emit(utterance)
        self._remove_files(keep=wav)

    def _remove_files(self, keep: Path | None) -> None:
        """Sound files no longer needed: a day of visits leaves nothing behind."""
        for path in list(self._files):
            if path != keep:
                path.unlink(missing_ok=True)
                self._files.discard(path)
