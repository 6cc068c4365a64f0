"""The one-folder bundle (packaging/build_bundle.py, PyInstaller) works on its own: built
from this checkout, then ``status``, ``decode`` and the desk app (offscreen, in both
languages) run from the bundle, not from the source tree (issue 14: ship it).

The bundle is started with an environment that holds no Python path and from a folder
without the sources, so nothing it needs can come from the checkout or the virtualenv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="the bundle is built with PyInstaller (test extra)")

ROOT = Path(__file__).resolve().parent.parent
BP = "1e 78 00 50 00 5d 00 e8 07 03 0f 0e 1e 2d 48 00 01 00 00"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build_bundle.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    executable = out / "dist" / "vitals-station" / "vitals-station"
    assert executable.is_file()
    return executable


def _run(bundle, tmp_path, *args, lang="id"):
    folder = tmp_path / lang
    folder.mkdir(exist_ok=True)
    config = folder / "station.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{folder / "station.sqlite3"}"\n'
        f'[station]\noperator_language = "{lang}"\n',
        encoding="utf-8",
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "LANG": "C.UTF-8",
    }
    if "TZ" in os.environ:
        env["TZ"] = os.environ["TZ"]
    result = subprocess.run(
        [str(bundle), "--config", str(config), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_decode_runs_from_the_bundle(bundle, tmp_path):
    decoded = json.loads(_run(bundle, tmp_path, "decode", "ble:blood-pressure", BP))
    assert (decoded["kind"], decoded["systolic"], decoded["diastolic"]) == (
        "blood_pressure",
        120.0,
        80.0,
    )


def test_status_creates_and_opens_the_encrypted_database(bundle, tmp_path):
    counts = json.loads(_run(bundle, tmp_path, "status"))
    assert counts["visits"] == 0
    assert counts["open_visits"] == 0
    assert (tmp_path / "id" / "station.sqlite3").is_file()


@pytest.mark.parametrize(
    ("lang", "title", "setup"),
    [
        ("id", "Stasiun tanda vital", "Penyiapan pertama"),
        ("en", "Vitals station", "First start"),
    ],
)
def test_the_desk_opens_offscreen_from_the_bundle_in_its_language(
    bundle, tmp_path, lang, title, setup
):
    out = _run(bundle, tmp_path, "--simulate", "--quit-after", "3", lang=lang)
    shown = json.loads(out.strip().splitlines()[-1])
    assert shown["visible"] is True
    assert shown["platform"] == "offscreen"
    assert shown["window"].startswith(title)
    assert shown["sign_in"].startswith(setup)  # the translations are in the bundle
