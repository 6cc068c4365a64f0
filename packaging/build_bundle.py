"""Build the station as a one-folder bundle with PyInstaller (issue 14: ship it).

    .venv/bin/python packaging/build_bundle.py [--dist DIR]

The bundle holds Python, Qt with its platform plugins, the translations (compiled first),
the device catalogue and settings template, the database migrations (alembic reads them as
files), keyring's backends and SQLCipher. Its ``vitals-station`` runs every command,
and the desk app when given none. The same script builds the Windows bundle on Windows
(``packaging\\build-windows.ps1`` calls it); PyInstaller does not cross-compile.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEP = os.pathsep  # PyInstaller's --add-data separator (":" here, ";" on Windows)


def pyinstaller_args(dist: Path, work: Path) -> list[str]:
    data = [
        (ROOT / "station" / "store" / "migrations", "station/store/migrations"),
        # The compiled translations only: without their .ts beside them ui.translations
        # takes them as they are (a .ts newer than its .qm would be compiled again, with
        # lrelease, which a bundle does not carry).
        *((qm, "ui/i18n") for qm in sorted((ROOT / "ui" / "i18n").glob("*.qm"))),
    ]
    return [
        str(ROOT / "packaging" / "entry.py"),
        "--name",
        "vitals-station",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        # The sources themselves (a development install finds them through an import hook
        # PyInstaller does not follow).
        "--paths",
        str(ROOT),
        # Our packages import their parts lazily (the command line starts fast), so
        # PyInstaller's import analysis cannot see them all.
        *[f"--collect-submodules={name}" for name in ("station", "devices", "ui", "fhir_export")],
        "--collect-submodules=config",
        "--collect-data=config",
        "--collect-data=fhir.resources",
        "--collect-submodules=keyring.backends",
        "--copy-metadata=keyring",
        "--collect-data=segno",
        *[f"--add-data={source}{SEP}{target}" for source, target in data],
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "bundle")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    work = args.work
    subprocess.run([sys.executable, "-m", "ui.translations", "build"], check=True, cwd=ROOT)
    from PyInstaller.__main__ import run  # noqa: PLC0415 - only needed to build

    run(pyinstaller_args(args.dist, work))
    sys.stdout.write(f"{args.dist / 'vitals-station'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
