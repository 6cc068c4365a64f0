"""A Contec CMS50 oximeter on a real pseudo-terminal (POSIX), speaking the real bytes.

The station opens ``port_path`` (a symlink to the pty's slave side, like a udev name for a
USB cable) with pyserial exactly as it would a real ``/dev/ttyUSB0``. ``unplug`` closes the
master side and removes the link; ``replug`` makes a new pty behind the same path. V7
firmware streams only after START_REALTIME and stops if keep-alives stop, as the real one does.
"""

from __future__ import annotations

import math
import os
import threading
import time
import tty
from pathlib import Path

from devices.codecs.contec import (
    KEEP_ALIVE,
    START_REALTIME,
    STOP_REALTIME,
    ContecGeneration,
    encode_legacy_frame,
    encode_v7_realtime,
)

__all__ = ["ContecPtySimulator"]

FRAME_INTERVAL_S = 1 / 60
# The V7 firmware stops streaming when it hears no keep-alive for this long.
KEEP_ALIVE_TIMEOUT_S = 10.0


class ContecPtySimulator:
    def __init__(
        self,
        port_path: Path,
        generation: ContecGeneration = ContecGeneration.V7,
        *,
        spo2: int = 97,
        pulse: int = 72,
    ) -> None:
        self.port_path = port_path
        self.generation = generation
        self.spo2 = spo2
        self.pulse = pulse
        self.finger_out = False
        self.garbage_every = 0  # > 0: a burst of noise every that many frames
        self.commands: list[bytes] = []
        self._master: int | None = None
        self._slave: int | None = None
        self._streaming = generation is ContecGeneration.LEGACY
        self._last_keep_alive = time.monotonic()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="contec-sim", daemon=True)

    def start(self) -> None:
        self.replug()
        self._thread.start()

    def replug(self) -> None:
        master, slave = os.openpty()
        tty.setraw(master)
        with self._lock:
            self._master, self._slave = master, slave
            self._streaming = self.generation is ContecGeneration.LEGACY
        if self.port_path.is_symlink() or self.port_path.exists():
            self.port_path.unlink()
        self.port_path.symlink_to(os.ttyname(slave))

    def unplug(self) -> None:
        with self._lock:
            master, slave = self._master, self._slave
            self._master = self._slave = None
        self.port_path.unlink(missing_ok=True)
        for fd in (master, slave):
            if fd is not None:
                os.close(fd)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.unplug()

    def _frame(self, count: int) -> bytes:
        # A pulse-shaped plethysmogram at the simulated heart rate (0-127 device units).
        phase = (count * FRAME_INTERVAL_S * self.pulse / 60) % 1.0
        pleth = int(20 + 90 * math.exp(-(((phase - 0.2) / 0.12) ** 2)))
        if self.generation is ContecGeneration.LEGACY:
            return encode_legacy_frame(self.spo2, self.pulse, pleth, finger_out=self.finger_out)
        return encode_v7_realtime(self.spo2, self.pulse, pleth, finger_out=self.finger_out)

    def _read_commands(self, master: int) -> None:
        os.set_blocking(master, False)
        try:
            data = os.read(master, 256)
        except (BlockingIOError, OSError):
            return
        for start in range(0, len(data) - 8, 9):
            command = data[start : start + 9]
            self.commands.append(command)
            if command == START_REALTIME:
                self._streaming = True
                self._last_keep_alive = time.monotonic()
            elif command == STOP_REALTIME:
                self._streaming = False
            elif command == KEEP_ALIVE:
                self._last_keep_alive = time.monotonic()

    def _run(self) -> None:
        count = 0
        while not self._stop.is_set():
            time.sleep(FRAME_INTERVAL_S)
            with self._lock:
                master = self._master
                if master is None:
                    continue
                self._read_commands(master)
                if self.generation is ContecGeneration.V7 and (
                    time.monotonic() - self._last_keep_alive > KEEP_ALIVE_TIMEOUT_S
                ):
                    self._streaming = False
                if not self._streaming:
                    continue
                count += 1
                payload = self._frame(count)
                if self.garbage_every and count % self.garbage_every == 0:
                    payload = b"\xff\x13\x80\x00" + payload
                try:
                    os.write(master, payload)
                except OSError:
                    continue
