"""Speaking aloud on the patient screen (issue 13): real synthesis to WAV files, the chime, the
desk without an engine, speak off, and the repeat button.

The synthesis tests need espeak-ng (Debian/Ubuntu package ``espeak-ng``); without it they are
skipped with that reason. The desk's sound player is a test double (a CI machine has no sound
card); the command player is tested with a stand-in command through the real ``QProcess``.
"""

from __future__ import annotations

import logging
import shutil
import sys
import wave
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from config.settings import SettingsError
from station.service import DeviceRole
from station.spoken import queue_call, results_speech
from tests.station.test_spoken import visit_results
from tests.ui.conftest import (
    click,
    desk_app,
    follow_bp_protocol,
    identify_person,
    measure,
    sign_in,
)
from ui.patient import speech_texts
from ui.patient.speech import (
    CHIME_RATE,
    CHIME_SECONDS,
    CHIME_TONES,
    CommandPlayer,
    EspeakEngine,
    Invocation,
    NoSpeechEngineError,
    PlayerCommand,
    SapiEngine,
    Speaker,
    SpeechProblem,
    find_engine,
    find_player,
    synthesise,
    write_chime,
)

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (Debian/Ubuntu: apt-get install espeak-ng)",
)

# Speech is at least this long per word (espeak-ng at 150 words a minute: ~0.4 s a word).
MIN_SECONDS_PER_WORD = 0.15
# ... and shorter than this per word (a stuck or looping engine).
MAX_SECONDS_PER_WORD = 1.5
# Root mean square of the samples, as a fraction of full scale: speech is far above this,
# silence (or a file of zeros) far below.
RMS_FLOOR = 0.02
NIK = "3174015507850002"


def read_wav(path: Path) -> tuple[int, np.ndarray]:
    """(frame rate, mono samples scaled to -1..1) of a 16-bit PCM WAV file."""
    with wave.open(str(path), "rb") as wav:
        assert wav.getsampwidth() == 2
        rate = wav.getframerate()
        frames = wav.readframes(wav.getnframes())
        channels = wav.getnchannels()
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float64) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return rate, samples


def assert_speech(path: Path, text: str) -> float:
    """The file holds speech long enough for ``text``; returns its duration in seconds."""
    rate, samples = read_wav(path)
    assert len(samples) > 0
    assert 8000 <= rate <= 48000
    words = len(text.split())
    duration = len(samples) / rate
    assert duration >= words * MIN_SECONDS_PER_WORD, (duration, words)
    assert duration <= words * MAX_SECONDS_PER_WORD, (duration, words)
    rms = float(np.sqrt(np.mean(samples**2)))
    assert rms > RMS_FLOOR, rms
    return duration


class RecordingPlayer:
    """The desk's sound player as a test double: records what it was asked to play, checking
    each file is there and readable when asked (the desk removes old files later)."""

    def __init__(self) -> None:
        self.played: list[tuple[Path, ...]] = []
        self.durations: list[tuple[float, ...]] = []
        self.stops = 0

    def play(self, files):
        durations = []
        for path in files:
            rate, samples = read_wav(path)
            durations.append(len(samples) / rate)
        self.played.append(tuple(files))
        self.durations.append(tuple(durations))

    def stop(self):
        self.stops += 1

    def close(self):
        pass


# --- synthesis to WAV with the real engine -------------------------------------------------


@needs_espeak
@pytest.mark.parametrize("lang", ["id", "en"])
def test_queue_call_synthesised(tmp_path, lang):
    said = queue_call(12, "desk-1", lang)
    wav = synthesise(said.text, lang, tmp_path / "call.wav")
    assert wav == tmp_path / "call.wav"
    assert_speech(wav, said.text)


@needs_espeak
@pytest.mark.parametrize("lang", ["id", "en"])
def test_results_synthesised(tmp_path, lang):
    said = results_speech(visit_results(146, 94, spo2=97, pulse=72), lang)
    assert len(said.text.split()) > 30
    duration = assert_speech(synthesise(said.text, lang, tmp_path / "results.wav"), said.text)
    # A longer text takes longer: the results say much more than the queue call.
    call = queue_call(12, "desk-1", lang)
    call_duration = assert_speech(synthesise(call.text, lang, tmp_path / "call.wav"), call.text)
    assert duration > 2 * call_duration


@needs_espeak
def test_the_voices_differ_by_language(tmp_path):
    """The same text is said by the Indonesian and the English voice, not one voice twice."""
    text = "Nomor antrean dua belas"
    _, indonesian = read_wav(synthesise(text, "id", tmp_path / "id.wav"))
    _, english = read_wav(synthesise(text, "en", tmp_path / "en.wav"))
    assert len(indonesian) != len(english) or not np.array_equal(indonesian, english)


def test_synthesise_without_an_engine(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(NoSpeechEngineError, match="espeak-ng"):
        synthesise("satu", "id", tmp_path / "x.wav")


# --- the chime -------------------------------------------------------------------------------


def test_chime_has_its_length_and_two_tones(tmp_path):
    rate, samples = read_wav(write_chime(tmp_path / "chime.wav"))
    assert rate == CHIME_RATE
    assert abs(len(samples) / rate - CHIME_SECONDS) < 2 / rate
    assert 0.4 < CHIME_SECONDS < 1.0  # short: a call, not a tune
    start = 0.0
    for frequency, seconds in CHIME_TONES:
        part = samples[round(start * rate) : round((start + seconds) * rate)]
        spectrum = np.abs(np.fft.rfft(part * np.hanning(len(part))))
        peak = np.fft.rfftfreq(len(part), 1 / rate)[int(np.argmax(spectrum))]
        assert abs(peak - frequency) < 10, (peak, frequency)
        assert float(np.sqrt(np.mean(part**2))) > 0.1
        start += seconds + 0.04
    tail = samples[-round(0.1 * rate) :]
    assert np.all(tail == 0)  # silence before the first word
    assert np.max(np.abs(samples)) < 0.5  # no clipping


# --- finding the engine and the player -------------------------------------------------------


def _which(*present):
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_engine_found_on_linux():
    engine = find_engine("linux", _which("espeak-ng"))
    assert engine == EspeakEngine("/usr/bin/espeak-ng")
    call = engine.invocation("Nomor satu", "id", Path("/tmp/a.wav"))
    assert call.program == "/usr/bin/espeak-ng"
    assert call.arguments[:2] == ("-v", "id")
    assert call.arguments[-4:] == ("-w", "/tmp/a.wav", "--", "Nomor satu")
    assert engine.invocation("one", "en", Path("/tmp/a.wav")).arguments[:2] == ("-v", "en")
    assert find_engine("linux", _which()) is None
    assert find_engine("linux", _which("espeak")) is None  # only espeak-ng has the id voice


def test_engine_on_windows_is_the_speech_api():
    """Not run on Windows here: the command is checked, not what SAPI does with it."""
    engine = find_engine("win32", _which("powershell"))
    assert isinstance(engine, SapiEngine)
    call = engine.invocation("Nomor satu", "id", Path("C:/t/a.wav"))
    script = call.arguments[-1]
    for part in ("System.Speech", "SpeechSynthesizer", "SetOutputToWaveFile", "Speak("):
        assert part in script
    # The text never goes into the script itself.
    assert "Nomor" not in script
    assert call.environment["VITALS_SPEECH_TEXT"] == "Nomor satu"
    assert call.environment["VITALS_SPEECH_WAV"] == str(Path("C:/t/a.wav"))
    assert call.environment["VITALS_SPEECH_CULTURE"] == "id"
    assert find_engine("win32", _which()) is None


def test_player_found_in_order():
    assert find_player("linux", _which("aplay", "paplay")).name == "paplay"
    assert find_player("linux", _which("aplay", "pw-play")).name == "pw-play"
    aplay = find_player("linux", _which("aplay"))
    assert aplay.invocation(Path("/t/a.wav")) == Invocation("/usr/bin/aplay", ("-q", "/t/a.wav"))
    assert find_player("linux", _which()) is None
    windows = find_player("win32", _which("powershell"))
    call = windows.invocation(Path("C:/t/a.wav"))
    assert "SoundPlayer" in call.arguments[-1]
    assert call.environment == {"VITALS_SOUND_FILE": str(Path("C:/t/a.wav"))}


def test_command_player_plays_the_files_in_order(qtbot, tmp_path):
    """The real QProcess path with a stand-in command that writes down each file it got."""
    log = tmp_path / "played.txt"
    code = f"import sys; open({str(log)!r}, 'a').write(sys.argv[1] + '\\n')"
    player = CommandPlayer(PlayerCommand("stand-in", sys.executable, ("-c", code)))
    try:
        player.play([tmp_path / "chime.wav", tmp_path / "speech.wav"])
        qtbot.waitUntil(lambda: log.is_file() and len(log.read_text().splitlines()) == 2)
        assert log.read_text().splitlines() == [
            str(tmp_path / "chime.wav"),
            str(tmp_path / "speech.wav"),
        ]
    finally:
        player.close()


def test_command_player_stops(qtbot, tmp_path):
    log = tmp_path / "played.txt"
    code = f"import sys, time; time.sleep(30); open({str(log)!r}, 'a').write('late')"
    player = CommandPlayer(PlayerCommand("slow", sys.executable, ("-c", code)))
    try:
        player.play([tmp_path / "a.wav", tmp_path / "b.wav"])
        player.stop()
        qtbot.wait(200)
    finally:
        player.close()  # nothing left running (Qt would warn of a destroyed running process)
    assert not log.exists()


# --- the Speaker -----------------------------------------------------------------------------


def test_speak_off_looks_for_nothing_and_says_nothing(qtbot):
    player = RecordingPlayer()

    def no_looking():
        pytest.fail("speak is off: no engine is looked for")

    speaker = Speaker(enabled=False, lang="id", player=player, find_engine=no_looking)
    try:
        speaker.say(queue_call(1, "desk-1", "id"))
        speaker.repeat()
        qtbot.wait(100)
        assert speaker.synthesised == 0
        assert player.played == []
        assert speaker.last is None
        assert speaker.problem is None
        assert not speaker.available
    finally:
        speaker.close()


class FailingEngine:
    name = "failing"

    def invocation(self, text, lang, wav_path):
        return Invocation(sys.executable, ("-c", "import sys; sys.exit(3)"))


def test_an_engine_that_fails_is_logged_and_nothing_plays(qtbot, caplog):
    player = RecordingPlayer()
    speaker = Speaker(enabled=True, lang="id", player=player, find_engine=FailingEngine)
    try:
        with caplog.at_level(logging.WARNING, logger="ui.patient.speech"):
            speaker.say(queue_call(1, "desk-1", "id"))
            qtbot.waitUntil(lambda: "made no sound" in caplog.text)
        assert player.played == []
    finally:
        speaker.close()


@needs_espeak
def test_a_new_utterance_supersedes_one_being_made(qtbot):
    player = RecordingPlayer()
    speaker = Speaker(enabled=True, lang="en", player=player)
    try:
        speaker.say(results_speech(visit_results(128, 82), "en"))
        speaker.say(queue_call(7, "desk-2", "en"))
        qtbot.waitUntil(lambda: len(player.played) == 1)
        qtbot.wait(300)
        assert len(player.played) == 1  # only the newer one was said
        assert speaker.last == queue_call(7, "desk-2", "en")
        assert len(player.played[0]) == 2  # chime, speech
    finally:
        speaker.close()


# --- settings --------------------------------------------------------------------------------


def test_speak_setting(make_settings):
    assert make_settings().station.speak is False
    assert make_settings("[station]\nspeak = true\n").station.speak is True
    with pytest.raises(SettingsError, match=r"\[station\] speak"):
        make_settings('[station]\nspeak = "yes"\n')


# --- the desk --------------------------------------------------------------------------------


def key(qtbot, window, key):
    """A key press where the operator's keyboard is (the desk window's shortcuts)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(QApplication.focusWidget() or window, key)


@pytest.fixture
def speaking_desk(qtbot, make_settings):
    """The desk with ``speak = true`` and a recording sound player; (app, player)."""
    made = []

    def make(lang="id"):
        settings = make_settings(f'[station]\nspeak = true\npatient_language = "{lang}"\n')
        player = RecordingPlayer()
        app = desk_app(settings, seed=11, pace_s=0.0, audio_player=player)
        made.append(app)
        qtbot.addWidget(app.operator)
        qtbot.addWidget(app.patient)
        app.show()
        sign_in(qtbot, app.operator)
        return app, player

    yield make
    for app in made:
        app.close()


def test_without_an_engine_the_desk_says_so_once_and_works_on(
    qtbot, speaking_desk, tmp_path, monkeypatch, caplog
):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with caplog.at_level(logging.WARNING, logger="ui.patient.speech"):
        app, player = speaking_desk()
        window, patient = app.operator, app.patient
        bar = window.status_bar
        assert app.speaker.problem == SpeechProblem.NO_ENGINE
        assert bar.speech_notice.isVisible()
        assert bar.speech_notice.text() == "Suara mati"
        assert bar.speech_notice.toolTip() == speech_texts.tr("speech_no_engine", "id")
        assert not bar.repeat_speech_button.isVisible()
        # Said once on the desk's notice line, from the sign-in until the first call.
        assert window.status_line.text() == speech_texts.tr("speech_no_engine", "id")

        click(qtbot, window.call_next_button)
        qtbot.waitUntil(lambda: "Nomor antrean 1" in patient.visible_text())
        click(qtbot, window.recall_button)
        qtbot.wait(200)
        app.speaker.repeat()
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert "no speech engine" in warnings[0].getMessage()
    assert player.played == []
    assert app.speaker.synthesised == 0
    assert patient.beep_on_recall  # no chime: the recall has the system's beep
    # Locked and signed in again: not said a second time.
    click(qtbot, window.lock_button)
    sign_in(qtbot, window)
    assert speech_texts.tr("speech_no_engine", "id") not in window.status_line.text()


def test_speak_off_nothing_is_synthesised(qtbot, desk):
    window = desk.operator
    bar = window.status_bar
    assert not bar.repeat_speech_button.isVisible()
    assert not bar.speech_notice.isVisible()
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: "Nomor antrean 1" in desk.patient.visible_text())
    key(qtbot, window, Qt.Key.Key_F11)
    qtbot.wait(300)  # a button's key would click it a moment later (it is hidden: none)
    assert desk.speaker.synthesised == 0
    assert desk.speaker.last is None


@needs_espeak
def test_repeat_button_says_the_last_thing_again(qtbot, speaking_desk):
    app, player = speaking_desk()
    window, patient = app.operator, app.patient
    button = window.status_bar.repeat_speech_button
    assert button.isVisible()
    assert button.text() == "Ulangi suara  [F11]"
    assert not window.status_bar.speech_notice.isVisible()
    assert not patient.beep_on_recall  # the chime announces a recall, not a beep as well

    # The queue call: the chime, then the sentence, synthesised for real.
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: len(player.played) == 1, timeout=10000)
    call = queue_call(1, "desk-1", "id")
    assert app.speaker.last == call
    chime, speech = player.played[0]
    assert abs(player.durations[0][0] - CHIME_SECONDS) < 0.01
    assert_speech(speech, call.text)
    assert "Nomor antrean 1" in patient.visible_text()

    click(qtbot, button)
    assert player.played[1] == (chime, speech)  # the same sound, at once
    key(qtbot, window, Qt.Key.Key_F11)  # a button's key clicks it a moment later
    qtbot.waitUntil(lambda: len(player.played) == 3)
    assert player.played[2] == (chime, speech)

    # A whole visit: the results are said (no chime), and a repeat says them again.
    identify_person(qtbot, window.identify_panel, NIK, "Siti Rahayu", "15071985")
    qtbot.waitUntil(window.bp_panel.button.isEnabled)
    rows = follow_bp_protocol(qtbot, window, 0)
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    qtbot.waitUntil(window.confirm_button.isEnabled)
    click(qtbot, window.confirm_button)
    qtbot.waitUntil(lambda: len(player.played) == 4, timeout=10000)
    (results,) = player.played[3]
    said = app.speaker.last
    assert said.text.startswith("Hasil pemeriksaan Anda. Tekanan darah: ")
    assert said.text.endswith("Ini hasil pemeriksaan awal, bukan diagnosis.")
    assert "Siti" not in said.text  # never a name, in a waiting room
    assert "alat simulasi" in said.text  # the desk runs simulated devices
    assert_speech(results, said.text)
    assert not speech.exists()  # the queue call's sound is no longer kept

    click(qtbot, button)
    assert player.played[4] == (results,)

    # The patient screen clears: nothing of that person is left to repeat.
    patient.clear_timer.timeout.emit()
    click(qtbot, button)
    qtbot.wait(200)
    assert len(player.played) == 5
    assert app.speaker.last is None


@needs_espeak
def test_queue_call_in_english(qtbot, speaking_desk):
    app, player = speaking_desk("en")
    click(qtbot, app.operator.call_next_button)
    qtbot.waitUntil(lambda: len(player.played) == 1, timeout=10000)
    call = queue_call(1, "desk-1", "en")
    assert call.text == "Queue number one, please come to desk one."
    assert app.speaker.last == call
    assert_speech(player.played[0][1], call.text)


@needs_espeak
def test_locking_the_desk_forgets_what_was_said(qtbot, speaking_desk):
    app, player = speaking_desk()
    window = app.operator
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: len(player.played) == 1, timeout=10000)
    stops = player.stops
    click(qtbot, window.lock_button)
    qtbot.waitUntil(lambda: window.locked)
    assert app.speaker.last is None
    assert player.stops > stops
    app.speaker.repeat()
    assert len(player.played) == 1
