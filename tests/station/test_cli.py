"""The ``vitals-station`` console script, run as a real process (docs/design.md section 4)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.console import SCRIPT, clean_environ, console_runner


@pytest.fixture
def run(tmp_path, db_url):
    return console_runner(clean_environ(db_url), tmp_path)


def assert_one_line_error(result, *fragments):
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_console_script_is_installed():
    assert SCRIPT.exists(), "run 'python3 dev.py test', which installs the project"


def test_demo_then_status_reports_the_visits(run):
    demo = json.loads(run("demo", "--visits", "3", "--seed", "7").stdout)
    assert demo["visits"] == 3
    assert demo["readings"] == 9  # two cuff readings and one oximeter reading per visit
    status = json.loads(run("status").stdout)
    assert status == {
        "visits": 3,
        "readings": 9,
        "outbox": {"pending": 9, "sending": 0, "sent": 0, "failed": 0, "dead": 0},
        "last_upload": None,
        "last_error": None,
        "open_visits": 0,
    }


def test_export_writes_a_bundle_that_fhir_resources_parses(run, tmp_path):
    run("demo", "--visits", "2", "--seed", "3")
    out = tmp_path / "export.json"
    summary = json.loads(run("export", "--fhir", str(out)).stdout)
    assert summary["visits"] == 2
    bundle = Bundle.model_validate_json(out.read_text(encoding="utf-8"))
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry]
    assert kinds.count("Encounter") == 2
    assert kinds.count("Observation") == summary["observations"] == 2 * (2 * 2 + 2)
    loinc = {
        coding.code
        for entry in bundle.entry
        if entry.resource.get_resource_type() == "Observation"
        for coding in entry.resource.code.coding
    }
    assert {"8480-6", "8462-4", "8867-4", "2708-6"} <= loinc
    raw = json.loads(out.read_text(encoding="utf-8"))
    observation = next(
        e["resource"] for e in raw["entry"] if e["resource"]["resourceType"] == "Observation"
    )
    assert observation["effectiveDateTime"].endswith("+00:00")
    assert observation["category"][0]["coding"][0]["code"] == "vital-signs"


def test_export_to_a_missing_folder_is_a_clear_error(run, tmp_path):
    result = run("export", "--fhir", str(tmp_path / "no" / "such" / "x.json"), check=False)
    assert_one_line_error(result, "does not exist")


def test_decode_prints_the_design_keys(run):
    # docs/reference/device-protocols.md 1.2 realistic vector: 120/80 mmHg, MAP 93, 2024-03-15
    # 14:30:45, pulse 72, user 1, status 0.
    result = run("decode", "2a35", "1e 78 00 50 00 5d 00 e8 07 03 0f 0e 1e 2d 48 00 01 00 00")
    assert json.loads(result.stdout) == {
        "kind": "blood_pressure",
        "raw": "1e780050005d00e807030f0e1e2d4800010000",
        "systolic": 120.0,
        "diastolic": 80.0,
        "mean_arterial": 93.0,
        "unit": "mmHg",
        "pulse_rate": 72.0,
        "timestamp": "2024-03-15T14:30:45",
        "user_id": 1,
        "status": {
            "body_movement": False,
            "cuff_loose": False,
            "irregular_pulse": False,
            "pulse_rate_out_of_range": False,
            "improper_position": False,
        },
    }


def test_decode_special_value_is_null(run):
    # docs/reference/device-protocols.md 1.4 negative vector: SpO2 = NaN
    result = run("decode", "ble:plx-spot-check", "00 ff 07 48 00")
    decoded = json.loads(result.stdout)
    assert decoded["spo2"] is None
    assert decoded["pulse_rate"] == 72.0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("decode", "2a35", "01 02 03 04 05 06"), "0x2A35"),
        (("decode", "2a35", "zz"), "hex"),
        (("decode", "nonsense", "00"), "ble:blood-pressure"),
        (("demo", "--visits", "0"), "--visits"),
        (("demo", "--visits", "many"), "many"),
        (("frobnicate",), "frobnicate"),
    ],
)
def test_bad_input_is_one_error_line_with_status_2(run, args, fragment):
    assert_one_line_error(run(*args, check=False), fragment)


def test_bad_settings_file_is_named(run, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[station]\nlangauge = "id"\n', encoding="utf-8")
    result = run("--config", str(path), "status", check=False)
    assert_one_line_error(result, "langauge", "unknown key")


def test_unusable_database_is_a_clear_error(run, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database " * 100)
    result = run("status", check=False)  # uses the fixture database: fine
    assert result.returncode == 0
    env_result = subprocess.run(
        [str(SCRIPT), "status"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "VITALS_STATION_DB": f"sqlite:///{notes}"},
    )
    assert_one_line_error(env_result, "cannot open the database")
    assert notes.read_text() == "not a database " * 100


def test_devices_lists_configuration_ports_and_says_why_no_bluetooth(run):
    listing = json.loads(run("devices", "--scan-seconds", "0.5").stdout)
    assert [d["role"] for d in listing["configured"]] == ["blood_pressure", "oximeter"]
    assert all(d["simulated"] for d in listing["configured"])
    assert isinstance(listing["serial_ports"], list)
    assert "contec-cms50d-plus" in listing["known_models"]
    bluetooth = listing["bluetooth"]
    if not bluetooth["available"]:  # CI machines have no adapter: the reason must be given
        assert "no Bluetooth adapter" in bluetooth["message"]


def test_sync_without_satusehat_settings_says_which_are_missing(run):
    run("demo", "--visits", "1", "--seed", "1")
    result = run("sync", "--once", check=False)
    assert_one_line_error(
        result, "upload is paused", "SATUSEHAT_CLIENT_ID", "SATUSEHAT_CLIENT_SECRET"
    )
    assert json.loads(run("status").stdout)["outbox"]["pending"] == 3  # nothing lost


def _ignore_sigint() -> None:
    """What a shell started with ``nohup`` or ``trap '' INT`` hands its children."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_sync_keeps_running_until_interrupted(tmp_path, db_url):
    """``sync`` without ``--once``: uploads, prints each round, and stops on Ctrl-C, even when
    started by a parent that ignores SIGINT (nohup, some CI runners): the long-running sync
    sets its own SIGINT disposition. The process is killed whatever happens, so a failure
    here never leaves a sync running into the other tests."""
    from station.store.database import open_database
    from station.store.repository import Store
    from tests.satusehat_server import SatusehatServer
    from tests.station.test_upload import satusehat_environ

    with SatusehatServer(
        organization_id="10000004", client_id="cid", client_secret="secret"
    ) as server:
        env = clean_environ()
        config = tmp_path / "station.toml"
        config.write_text("[upload]\ninterval_seconds = 1\n", encoding="utf-8")
        env.update(
            satusehat_environ(server), VITALS_STATION_DB=db_url, VITALS_STATION_CONFIG=str(config)
        )
        subprocess.run(
            [str(SCRIPT), "demo", "--visits", "2", "--seed", "3"],
            env=env,
            capture_output=True,
            check=True,
            timeout=120,
        )
        database = open_database(db_url)
        store = Store(database)
        for visit in store.visits():
            server.register_patient(visit.person.nik, "P" + visit.person.nik[-11:])
        process = subprocess.Popen(
            [str(SCRIPT), "sync"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=_ignore_sigint if os.name == "posix" else None,  # noqa: PLW1509
        )
        try:
            deadline = time.monotonic() + 60
            while store.counts()["outbox"]["sent"] < 6 and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(1.5)  # at least one more (empty) round
            database.close()
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.decode().strip().splitlines()[-1] == "error: interrupted"
    assert out.decode().count('"round"') >= 2
    assert len(server.resources("Observation")) == 12
