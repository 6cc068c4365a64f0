"""A keyring backend for tests: a JSON file named by ``VITALS_TEST_KEYRING_FILE``.

Selected in a test process with ``keyring.set_keyring(FileKeyring())``, and in a child
process (a console script) with ``PYTHON_KEYRING_BACKEND=tests.keyring_backend.FileKeyring``
plus ``VITALS_TEST_KEYRING_FILE``, so both see the same secrets, as with a real OS keyring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

ENV = "VITALS_TEST_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        # keyring chooses among every loaded KeyringBackend subclass: once this module is
        # imported, it must not become the default of a process that did not name a file.
        if ENV not in os.environ:
            raise RuntimeError(f"{ENV} is not set")
        return 1

    def _path(self) -> Path:
        return Path(os.environ[ENV])

    def _read(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def _write(self, data: dict[str, str]) -> None:
        self._path().write_text(json.dumps(data))

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}\n{username}"] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._write(data)
