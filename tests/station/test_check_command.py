"""``vitals-station check``: the JSON contract of docs/design.md section 4, through the real entry
point (``station.cli.main``) and once through a real process.

Inputs are built from ``measurement.to_json()``, i.e. exactly what ``vitals-station decode``
prints. Thresholds behind the expected categories: ``docs/reference/clinical-rules.md``
(CR) 3.1-3.8, tested row by row in ``test_rule_tables.py``.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from devices.measurements import BloodPressure, HeartRate, PressureUnit, SensorContact, SpO2
from station.cli import main
from tests.console import SCRIPT

SEVERITIES = {"invalid", "critical", "abnormal", "notice", "normal"}
REFERRALS = {"none", "follow_up", "same_day", "urgent"}


def bp(systolic, diastolic, pulse=72.0, timestamp=None, received_at=None):
    data = BloodPressure(
        systolic,
        diastolic,
        None,
        PressureUnit.MMHG,
        bytes.fromhex("1e"),
        pulse_rate=pulse,
        timestamp=timestamp,
    ).to_json()
    if received_at is not None:
        data["received_at"] = received_at
    return data


def ox(spo2, pulse=72.0):
    return SpO2(spo2, pulse, b"").to_json()


def visit(age, *readings, sex="female", **extra):
    return {"age_years": age, "sex": sex, "readings": list(readings), **extra}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """Built-in settings only: no config file or overrides from the developer's shell."""
    for key in list(os.environ):
        if key.startswith(("VITALS_STATION_", "SATUSEHAT_")):
            monkeypatch.delenv(key)


@pytest.fixture
def check(capsys):
    """Run ``vitals-station check`` in-process; returns (exit status, stdout, stderr)."""

    def run(payload, *options):
        text = payload if isinstance(payload, str) else json.dumps(payload)
        status = main([*options, "check", text])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def ok(result):
    status, out, err = result
    assert status == 0, err
    assert err == ""
    data = json.loads(out)
    assert_contract(data)
    return data


def assert_contract(data):
    """The output keys docs/design.md section 4 promises."""
    assert isinstance(data["findings"], list)
    for finding in data["findings"]:
        assert isinstance(finding["parameter"], str)
        assert finding["parameter"]
        assert finding["severity"] in SEVERITIES
        assert isinstance(finding["code"], str)
        assert finding["code"]
        assert isinstance(finding["message"]["id"], str)
        assert finding["message"]["id"]
        assert isinstance(finding["message"]["en"], str)
        assert finding["message"]["en"]
    assert set(data["result"]) >= {"blood_pressure", "spo2", "heart_rate"}
    for value in data["result"].values():
        assert value is None or isinstance(value["category"], str)
    assert isinstance(data["guideline"]["id"], str)
    assert isinstance(data["guideline"]["version"], str)
    assert data["referral"] in REFERRALS


def codes(data, severity=None):
    return [f["code"] for f in data["findings"] if severity is None or f["severity"] == severity]


def assert_usage_error(result, *fragments):
    status, out, err = result
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0]


# -- results ---------------------------------------------------------------------------------


def test_normal_adult(check):
    data = ok(check(visit(45, bp(118, 76), bp(116, 74), ox(98))))
    result = data["result"]
    assert result["blood_pressure"]["systolic"] == 117
    assert result["blood_pressure"]["diastolic"] == 75
    assert result["blood_pressure"]["category"] == "optimal"  # ESH 2023 <120/<80 (CR 3.3)
    assert result["blood_pressure"]["readings_used"] == 2
    assert result["spo2"]["value"] == 98
    assert result["spo2"]["category"] == "normal"  # CR 3.6 >=95
    assert result["heart_rate"]["value"] == 72
    assert result["heart_rate"]["category"] == "normal"  # NEWS2 51-90 (CR 3.7)
    assert data["guideline"] == {
        "id": "esh-2023",
        "version": "1",
        "name": data["guideline"]["name"],
    }
    assert data["referral"] == "none"
    assert data["acknowledgement_required"] is False
    assert data["next_step"]["code"] == "complete"
    assert not codes(data, "invalid")
    assert not codes(data, "critical")


def test_grade_2_adult_with_three_readings(check):
    """First reading >= 140/90 asks for a third (CR 3.4); mean of the last two, half up:
    (165 + 162) / 2 = 163.5 -> 164, (101 + 100) / 2 = 100.5 -> 101; ESH grade 2 (CR 3.3) ->
    see a doctor today (CR 3.5)."""
    readings = [
        bp(172, 104, received_at="2025-03-03T09:00:00"),
        bp(165, 101, received_at="2025-03-03T09:01:10"),
        bp(162, 100, received_at="2025-03-03T09:02:20"),
        ox(97),
    ]
    data = ok(check(visit(60, *readings, sex="male")))
    pressure = data["result"]["blood_pressure"]
    assert (pressure["systolic"], pressure["diastolic"]) == (164, 101)
    assert pressure["category"] == "grade_2"
    assert pressure["severity"] == "abnormal"
    assert pressure["readings_used"] == 2
    assert data["referral"] == "same_day"
    assert data["acknowledgement_required"] is False
    assert data["next_step"]["code"] == "complete"
    assert "esh-2023:grade_2" in codes(data, "abnormal")
    assert "protocol-incomplete" not in codes(data)


def test_two_readings_that_need_a_third_say_so(check):
    readings = [
        bp(150, 92, received_at="2025-03-03T09:00:00"),
        bp(146, 90, received_at="2025-03-03T09:01:00"),
    ]
    data = ok(check(visit(50, *readings)))
    assert data["next_step"]["code"] == "third_reading"
    assert data["next_step"]["not_before"] == "2025-03-03T09:02:00"
    assert "protocol-incomplete" in codes(data, "notice")


def test_critical_spo2(check):
    data = ok(check(visit(70, bp(128, 82), bp(126, 80), ox(88))))
    assert data["result"]["spo2"]["category"] == "hypoxaemia_severe"  # CR 3.6 <90
    assert data["result"]["spo2"]["severity"] == "critical"
    assert "spo2:below-90" in codes(data, "critical")
    assert data["referral"] == "urgent"
    assert data["acknowledgement_required"] is True
    assert [r["code"] for r in data["referral_reasons"]] == ["spo2:below-90"]


def test_child_of_8(check):
    """Under 13 without height only AAP's caps apply (CR 3.8): below 120/80 needs a
    percentile assessment; HR 90 is inside Fleming 2011's 1st-99th centile for 8-12 years
    (52-115)."""
    data = ok(check(visit(8, bp(104, 66, pulse=90), bp(102, 64, pulse=90), ox(98, pulse=90))))
    pressure = data["result"]["blood_pressure"]
    assert pressure["category"] == "needs_percentile"
    assert pressure["severity"] == "notice"
    assert "esh-2023:aap-2017-child:needs_percentile" in codes(data, "notice")
    assert data["result"]["heart_rate"]["category"] == "normal"
    assert data["referral"] == "none"


def test_blocked_reading_is_reported_invalid_and_absent_from_the_result(check):
    """Systolic 40 is below the block limit of 50 (CR 3.1)."""
    data = ok(check(visit(45, bp(122, 80), bp(40, 30), bp(118, 78))))
    invalid = [f for f in data["findings"] if f["severity"] == "invalid"]
    assert [(f["parameter"], f["code"]) for f in invalid] == [("systolic", "implausible-value")]
    assert "40" in invalid[0]["message"]["en"]
    pressure = data["result"]["blood_pressure"]
    assert (pressure["systolic"], pressure["diastolic"]) == (120, 79)
    assert pressure["readings_used"] == 2
    assert pressure["category"] == "normal"


# A real Beurer BM85 capture (derdilla/blood-pressure-monitor-fl,
# app/test/features/bluetooth/logic/characteristics/ble_measurement_data_test.dart): the cuff
# sends its pulse big-endian; decoded by the Bluetooth specification the pulse is -256000.
BEURER_BM85 = "566a0047000000ea07080b121f00003f000000"


def test_issue_10_beurer_capture_by_the_spec_is_invalid_never_urgent(check, capsys):
    assert main(["decode", "2a35", BEURER_BM85]) == 0
    decoded = json.loads(capsys.readouterr().out)
    assert decoded["pulse_rate"] == -256000
    data = ok(check(visit(45, decoded)))
    invalid = {(f["parameter"], f["code"]) for f in data["findings"] if f["severity"] == "invalid"}
    assert ("pulse_rate", "implausible-value") in invalid
    assert ("mean_arterial", "implausible-value") in invalid  # MAP 0x0000 read as 0
    assert not [f for f in data["findings"] if f["severity"] in ("critical", "abnormal")]
    assert "heart-rate:extreme" not in codes(data)
    assert data["result"] == {"blood_pressure": None, "spo2": None, "heart_rate": None}
    assert data["referral"] == "none"
    assert data["acknowledgement_required"] is False


def test_issue_10_beurer_capture_with_the_quirk_is_graded(check, capsys):
    assert main(["decode", "ble:beurer-bm", BEURER_BM85]) == 0
    decoded = json.loads(capsys.readouterr().out)
    assert (decoded["pulse_rate"], decoded["mean_arterial"]) == (63, None)
    data = ok(check(visit(45, decoded)))
    assert not codes(data, "invalid")
    assert data["result"]["heart_rate"]["value"] == 63
    assert data["result"]["heart_rate"]["category"] == "normal"
    assert data["result"]["blood_pressure"]["category"] == "optimal"  # 106/71, ESH 2023


def test_an_impossible_cuff_pulse_beside_an_oximeter_changes_nothing(check):
    healthy = [bp(122, 80), bp(118, 78), ox(98, pulse=72.0)]
    baseline = ok(check(visit(45, *healthy)))
    data = ok(check(visit(45, *healthy, bp(120, 80, pulse=-256000.0))))
    assert ("pulse_rate", "invalid") in {(f["parameter"], f["severity"]) for f in data["findings"]}
    assert data["result"] == baseline["result"]
    assert data["referral"] == baseline["referral"] == "none"


def test_only_a_blocked_reading_gives_no_blood_pressure_result(check):
    data = ok(check(visit(45, bp(40, 30))))
    assert "implausible-value" in codes(data, "invalid")
    assert data["result"]["blood_pressure"] is None
    assert data["referral"] == "none"
    assert data["next_step"]["code"] == "first_reading"


def test_stdin(check, monkeypatch):
    payload = json.dumps(visit(45, bp(118, 76), bp(116, 74)))
    monkeypatch.setattr(sys, "stdin", io.StringIO(payload))
    data = ok(check("-"))
    assert data["result"]["blood_pressure"]["category"] == "optimal"


def test_rule_set_in_the_input_overrides_the_settings(check):
    """128/76 is ESH 2023 "normal" but ACC/AHA 2017 "elevated" (CR 3.3)."""
    readings = (bp(128, 76), bp(128, 76))
    default = ok(check(visit(45, *readings)))
    assert default["guideline"]["id"] == "esh-2023"
    assert default["result"]["blood_pressure"]["category"] == "normal"
    acc = ok(check(visit(45, *readings, rule_set="acc-aha-2017")))
    assert acc["guideline"] == {
        "id": "acc-aha-2017",
        "version": "1",
        "name": acc["guideline"]["name"],
    }
    assert acc["result"]["blood_pressure"]["category"] == "elevated"
    assert "acc-aha-2017:elevated" in codes(acc, "abnormal")


def test_rule_set_from_the_settings_file(check, tmp_path):
    config = tmp_path / "station.toml"
    config.write_text('[checks]\nrule_set = "acc-aha-2017"\n', encoding="utf-8")
    data = ok(check(visit(45, bp(128, 76), bp(128, 76)), "--config", str(config)))
    assert data["guideline"]["id"] == "acc-aha-2017"
    explicit = ok(
        check(visit(45, bp(128, 76), bp(128, 76), rule_set="esh-2023"), "--config", str(config))
    )
    assert explicit["guideline"]["id"] == "esh-2023"


def test_heart_rate_sensor_reading(check):
    sensor = HeartRate(72, SensorContact.DETECTED, b"").to_json()
    data = ok(check(visit(45, sensor)))
    assert data["result"]["heart_rate"]["category"] == "normal"
    assert data["result"]["heart_rate"]["source"] == "heart_rate_sensor"
    assert data["result"]["blood_pressure"] is None
    assert data["result"]["spo2"] is None


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "fragments"),
    [
        pytest.param("{not json", ("not JSON",), id="not JSON"),
        pytest.param("[1, 2]", ("JSON object",), id="not an object"),
        pytest.param({"sex": "female", "readings": []}, ("age_years",), id="missing age_years"),
        pytest.param(visit(-1), ("age_years", "-1"), id="age -1"),
        pytest.param(visit("45"), ("age_years",), id="age a string"),
        pytest.param(visit(45, sex="x"), ("sex", "'x'"), id="sex x"),
        pytest.param(
            {"age_years": 45, "sex": "male", "readings": {"kind": "spo2"}},
            ("readings",),
            id="readings not a list",
        ),
        pytest.param(
            visit(45, {**bp(120, 80), "systolic": "120"}),
            ("readings[0]", "systolic"),
            id="systolic a string",
        ),
        pytest.param(
            visit(45, bp(120, 80), {**ox(97), "pulse_rate": [72]}),
            ("readings[1]", "pulse_rate"),
            id="pulse_rate a list",
        ),
        pytest.param(
            visit(45, {**bp(120, 80), "kind": "temperature"}),
            ("readings[0]", "kind"),
            id="unknown reading kind",
        ),
        pytest.param(
            visit(45, bp(120, 80, received_at="yesterday")),
            ("readings[0]", "received_at"),
            id="received_at not ISO 8601",
        ),
        pytest.param(
            visit(45, bp(120, 80), rule_set="who-2099"),
            ("unknown rule set", "who-2099"),
            id="unknown rule set",
        ),
    ],
)
def test_bad_input_exits_2_with_one_error_line(check, payload, fragments):
    assert_usage_error(check(payload), *fragments)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '{"age_years": 45, "readings": [{"kind": "heart_rate", "heart_rate": 1e999}]}',
            id="heart_rate 1e999",
        ),
        pytest.param(
            '{"age_years": 45, "readings": [{"kind": "heart_rate", "heart_rate": NaN}]}',
            id="heart_rate NaN",
        ),
    ],
)
def test_non_finite_heart_rate_is_a_usage_error(check, text):
    assert_usage_error(check(text), "readings[0]", "heart_rate")


def test_zoned_device_timestamp_with_received_at_does_not_crash(check):
    reading = bp(
        120,
        80,
        timestamp=datetime(2025, 3, 3, 2, 0, tzinfo=UTC),
        received_at="2025-03-03T09:00:00",
    )
    status, _out, err = check(visit(45, reading))
    # either a usage error or a result, never an exception
    assert status in {0, 2}, err


# -- a real process --------------------------------------------------------------------------


def test_console_script_reads_stdin_in_a_real_process(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SATUSEHAT_", "VITALS_STATION_"))
    }
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "station.cli"]
    payload = json.dumps(visit(45, bp(118, 76), bp(116, 74), ox(88)))
    done = subprocess.run(
        [*command, "check", "-"],
        input=payload,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    data = json.loads(done.stdout)
    assert_contract(data)
    assert data["result"]["spo2"]["category"] == "hypoxaemia_severe"
    assert data["referral"] == "urgent"

    bad = subprocess.run(
        [*command, "check", "{"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )
    assert_usage_error((bad.returncode, bad.stdout, bad.stderr), "not JSON")
    assert "Traceback" not in bad.stderr
