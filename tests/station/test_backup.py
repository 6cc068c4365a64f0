"""``vitals-station backup`` and ``restore`` (issue 12): the file format's checks as pure
tests (a changed byte anywhere, the wrong passphrase, a foreign file, another format), and
the round trip through the real console script on a real SQLite file and PostgreSQL: the
same ``status`` after restore, the audit chain intact, a damaged backup refused with the
database left as it was."""

from __future__ import annotations

import json
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station.backup_format import MAGIC, BackupError, open_backup, seal_backup
from tests.console import clean_environ, console_runner
from tests.station.test_cli import assert_one_line_error

PASSPHRASE = "kunci cadangan klinik 2026"
PAYLOAD = json.dumps({"tables": {"visits": [{"nik": "3174015507850002"}]}}).encode()
HEADER = {"station_id": "desk-1", "created_at": "2026-12-03T09:00:00+00:00"}
SEALED = seal_backup(PAYLOAD, PASSPHRASE, HEADER, os.urandom)


def test_a_backup_opens_to_what_was_sealed_and_hides_it():
    header, payload = open_backup(SEALED, PASSPHRASE)
    assert payload == PAYLOAD
    assert header["station_id"] == "desk-1"
    assert header["cipher"]["name"] == "AES-256-GCM"
    assert b"3174015507850002" not in SEALED
    assert seal_backup(PAYLOAD, PASSPHRASE, HEADER, os.urandom) != SEALED  # fresh salt, nonce


@pytest.mark.parametrize(
    ("data", "passphrase", "fragment"),
    [
        (SEALED, "another passphrase!", "damaged or the passphrase is wrong"),
        (SEALED[:-1], PASSPHRASE, "damaged or the passphrase is wrong"),
        (SEALED[:10], PASSPHRASE, "cut short"),
        (b'{"resourceType": "Bundle"}', PASSPHRASE, "not a vitals-station backup"),
        (b"", PASSPHRASE, "not a vitals-station backup"),
        (SEALED.replace(b'"format": 1', b'"format": 2'), PASSPHRASE, "format 2"),
        (SEALED.replace(b"desk-1", b"desk-2"), PASSPHRASE, "damaged or the passphrase"),
    ],
)
def test_a_bad_backup_is_refused_with_what_is_wrong(data, passphrase, fragment):
    with pytest.raises(BackupError, match=fragment):
        open_backup(data, passphrase)


def test_a_short_passphrase_is_refused():
    with pytest.raises(BackupError, match="at least 12 characters"):
        seal_backup(PAYLOAD, "short", HEADER, os.urandom)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(min_value=0, max_value=len(SEALED) - 1), flip=st.integers(1, 255))
def test_any_changed_byte_is_refused(position, flip):
    damaged = bytearray(SEALED)
    damaged[position] ^= flip
    with pytest.raises(BackupError):
        open_backup(bytes(damaged), PASSPHRASE)


# -- through the console script --------------------------------------------------------------


@pytest.fixture
def run(tmp_path, any_db_url):
    return console_runner(clean_environ(any_db_url), tmp_path)


def status(run):
    return json.loads(run("status").stdout)


def test_backup_then_restore_gives_the_same_status_and_refuses_damage(run, tmp_path):
    run("demo", "--visits", "2", "--seed", "3")
    before = status(run)
    backup = tmp_path / "clinic.vsbackup"
    written = json.loads(run("backup", str(backup), stdin=f"{PASSPHRASE}\n").stdout)
    assert written["rows"]["visits"] == 2
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert backup.read_bytes()[: len(MAGIC)] == MAGIC

    run("demo", "--visits", "1", "--seed", "4")  # the day goes on after the backup
    assert status(run) != before
    after_demo = status(run)

    damaged = tmp_path / "damaged.vsbackup"
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged.write_bytes(bytes(data))
    refused = run("restore", str(damaged), stdin=f"{PASSPHRASE}\n", check=False)
    assert_one_line_error(refused, "damaged or the passphrase is wrong")
    wrong = run("restore", str(backup), stdin="not the passphrase at all\n", check=False)
    assert_one_line_error(wrong, "damaged or the passphrase is wrong")
    foreign = tmp_path / "export.json"
    run("export", "--fhir", str(foreign))
    assert_one_line_error(
        run("restore", str(foreign), stdin=f"{PASSPHRASE}\n", check=False),
        "not a vitals-station backup",
    )
    assert status(run) == after_demo  # nothing refused changed anything

    restored = json.loads(run("restore", str(backup), stdin=f"{PASSPHRASE}\n").stdout)
    assert restored["audit_ok"] is True
    assert status(run) == before
    assert json.loads(run("audit", "verify").stdout)["ok"] is True
    actions = [e["action"] for e in json.loads(run("audit", "show").stdout)]
    assert actions[-1] == "restored"
    assert "backed_up" not in actions  # the backup's own entry came after its moment
    # The restored database takes new visits (PostgreSQL's sequences were set past the ids).
    run("demo", "--visits", "1", "--seed", "5")
    assert status(run)["visits"] == before["visits"] + 1


def test_a_backup_needs_a_passphrase_long_enough(run, tmp_path):
    result = run("backup", str(tmp_path / "b.vsbackup"), stdin="short\n", check=False)
    assert_one_line_error(result, "at least 12 characters")
    assert not (tmp_path / "b.vsbackup").exists()
