#!/usr/bin/env python3
"""Set up and run the station or its tests on a fresh machine (Debian or Windows).

    python3 dev.py run [vitals-station arguments]   # default: --simulate
    python3 dev.py test [pytest arguments]

Creates ``.venv`` beside this file on first use and (re)installs the project whenever
``pyproject.toml`` changes. Needs only Python 3.11+ with venv (Debian: python3-venv).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-pyproject-sha256"


def _venv_bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def _ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"error: Python 3.11 or newer is needed, this is {sys.version.split()[0]}")
    if not _venv_bin("python").exists():
        print("Creating virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("Installing the station and its test tools into .venv ...", flush=True)
    python = str(_venv_bin("python"))
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def _build_translations() -> None:
    """The screens' translations compiled from ui/i18n/*.ts (quick; every run, so an edited
    .ts is never shown stale)."""
    command = [str(_venv_bin("python")), "-m", "ui.translations", "build"]
    if subprocess.run(command, cwd=ROOT, check=False, stdout=subprocess.DEVNULL).returncode:
        sys.exit("error: the translations could not be built (see above)")


def _run(command: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def run_station(args: list[str]) -> int:
    return _run([str(_venv_bin("vitals-station")), *(args or ["--simulate"])])


def run_tests(args: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps = [
        ("ruff", [str(_venv_bin("ruff")), "check", "."]),
        ("mypy", [str(_venv_bin("mypy"))]),
        ("import contracts", [str(_venv_bin("lint-imports"))]),
    ]
    for name, command in steps:
        print(f"== {name}", flush=True)
        if _run(command, env) != 0:
            print(f"error: {name} failed", file=sys.stderr)
            return 1
    print("== pytest", flush=True)
    return _run([str(_venv_bin("python")), "-m", "pytest", *args], env)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        return 2
    _ensure_environment()
    _build_translations()
    rest = sys.argv[2:]
    return run_station(rest) if sys.argv[1] == "run" else run_tests(rest)


if __name__ == "__main__":
    raise SystemExit(main())
