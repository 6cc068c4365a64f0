"""Running the real ``vitals-station`` console script in tests, with a clean environment."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("vitals-station" + (".exe" if os.name == "nt" else ""))
TIMEOUT_S = 120
KEY_ENV = "VITALS_STATION_DB_KEY"


def clean_environ(db_url: str | None = None, **extra: str) -> dict[str, str]:
    """This process's environment without any SATUSEHAT_* or VITALS_STATION_* variable (a
    developer's own settings must not leak into a test), then ``db_url`` and ``extra``.
    The database key the suite set (tests/conftest.py, ``test_database_key``) is kept: the
    console script and the test open the same encrypted files."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SATUSEHAT_", "VITALS_STATION_")) or key == KEY_ENV
    }
    # Never the machine's own OS keyring; a test that wants one names it in ``extra``.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if db_url is not None:
        env["VITALS_STATION_DB"] = db_url
    env.update(extra)
    return env


def run_console(
    args: tuple[str, ...] | list[str],
    env: Mapping[str, str],
    cwd: Path,
    *,
    check: bool = False,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``vitals-station ARGS`` as its own process; ``check``: it must exit 0; ``stdin``:
    what it reads from standard input (else nothing)."""
    result = subprocess.run(
        [str(SCRIPT), *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=dict(env),
        cwd=cwd,
        check=False,
        timeout=TIMEOUT_S,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def console_runner(
    env: Mapping[str, str], cwd: Path
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run(*args, check=True, environ=None)`` for a fixture: the same environment each
    time, plus ``environ`` for one call."""

    def run(
        *args: str,
        check: bool = True,
        environ: Mapping[str, str] | None = None,
        stdin: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return run_console(args, {**env, **(environ or {})}, cwd, check=check, stdin=stdin)

    return run
