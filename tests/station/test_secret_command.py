"""``vitals-station secret set`` (issue 12): the SATUSEHAT client secret kept in the OS
keyring (here the test keyring of tests/keyring_backend.py, in the console script's own
process), never printed, used by ``sync`` when the environment has none; a machine with no
keyring is told what to do instead."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.console import clean_environ, console_runner
from tests.station.test_cli import assert_one_line_error
from tests.station.test_upload import ORG, record_visits, satusehat_environ

SECRET = "Rahasia-Klinik-7731"
CLIENT = "cid-keyring"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def keyring_file(tmp_path):
    return tmp_path / "keyring.json"


def keyring_environ(keyring_file):
    return {
        "PYTHON_KEYRING_BACKEND": "tests.keyring_backend.FileKeyring",
        "VITALS_TEST_KEYRING_FILE": str(keyring_file),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }


def test_the_client_secret_set_in_the_keyring_is_used_by_sync(
    tmp_path, db_url, server, make_settings, keyring_file
):
    settings = make_settings(**satusehat_environ(server))
    record_visits(settings, server, visits=1)
    server.add_client(CLIENT, SECRET, ORG)
    without_secret = {k: v for k, v in satusehat_environ(server).items() if "SECRET" not in k}
    without_secret["SATUSEHAT_CLIENT_ID"] = CLIENT
    run = console_runner(
        clean_environ(db_url, **without_secret, **keyring_environ(keyring_file)), tmp_path
    )
    paused = run("sync", "--once", check=False)
    assert_one_line_error(paused, "SATUSEHAT_CLIENT_SECRET")
    assert "secret set" in paused.stderr

    stored = run("secret", "set", stdin=f"{SECRET}\n")
    assert SECRET not in stored.stdout + stored.stderr
    assert json.loads(stored.stdout) == {"stored": "satusehat-client-secret", "where": "OS keyring"}
    assert SECRET in keyring_file.read_text()

    synced = json.loads(run("sync", "--once").stdout)
    assert synced["sent"] == 3
    assert SECRET not in run("status").stdout


def test_secret_set_refuses_an_empty_secret_and_a_machine_without_keyring(
    tmp_path, db_url, keyring_file
):
    run = console_runner(clean_environ(db_url, **keyring_environ(keyring_file)), tmp_path)
    assert_one_line_error(run("secret", "set", stdin="\n", check=False), "is empty")
    no_keyring = run(
        "secret",
        "set",
        stdin="s3cret\n",
        check=False,
        environ={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert_one_line_error(no_keyring, "no OS keyring")
    assert "SATUSEHAT_CLIENT_SECRET" in no_keyring.stderr
    assert not keyring_file.exists()
