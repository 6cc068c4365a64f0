"""A Masimo Rad-8 printing ASCII 1 lines on a real pseudo-terminal (POSIX)."""

from __future__ import annotations

import os
import threading
import tty
from datetime import datetime
from pathlib import Path

from devices.codecs.masimo import EXC_SENSOR_OFF, encode_masimo_line

__all__ = ["MasimoPtySimulator"]

MASIMO_SET_ACTIVE = 0x800


class MasimoPtySimulator:
    def __init__(
        self, port_path: Path, *, spo2: int = 98, pulse: int = 70, interval_s: float = 0.05
    ) -> None:
        # Real devices print once a second; tests run faster.
        self.port_path = port_path
        self.spo2 = spo2
        self.pulse = pulse
        self.sensor_off = False
        self.interval_s = interval_s
        self._master: int | None = None
        self._slave: int | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="masimo-sim", daemon=True)

    def start(self) -> None:
        master, slave = os.openpty()
        tty.setraw(master)
        self._master, self._slave = master, slave
        self.port_path.unlink(missing_ok=True)
        self.port_path.symlink_to(os.ttyname(slave))
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        with self._lock:
            for fd in (self._master, self._slave):
                if fd is not None:
                    os.close(fd)
            self._master = self._slave = None
        self.port_path.unlink(missing_ok=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            exceptions = MASIMO_SET_ACTIVE | (EXC_SENSOR_OFF if self.sensor_off else 0)
            line = encode_masimo_line(
                datetime.now().replace(microsecond=0),  # noqa: DTZ005 - the device prints local time
                None if self.sensor_off else self.spo2,
                None if self.sensor_off else self.pulse,
                exceptions=exceptions,
            )
            with self._lock:
                if self._master is None:
                    return
                try:
                    os.write(self._master, line)
                except OSError:
                    return
