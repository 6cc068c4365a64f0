"""``[station] bp_arm``: the arm a desk measures on, sent as the BP Observations' bodySite
(issue 10 item 4; docs/design.md section 4 names the setting). Empty by default: nobody recorded
an arm, so no body site is sent. Through the real settings loader, the one ExportContext
builder that ``export --fhir`` and the uploader share, and the console script."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from config.settings import SettingsError, load_settings
from station.export import export_context
from tests.console import SCRIPT, clean_environ


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "station.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_is_empty_and_sends_no_body_site():
    settings = load_settings(environ={})
    assert settings.station.bp_arm == ""
    assert export_context(settings).bp_arm == ""


@pytest.mark.parametrize("arm", ["left", "right", ""])
def test_each_allowed_value_reaches_the_export_context(tmp_path, arm):
    path = settings_file(tmp_path, f'[station]\nbp_arm = "{arm}"\n')
    assert export_context(load_settings(path, environ={})).bp_arm == arm


@pytest.mark.parametrize("value", ['"Left"', '"kiri"', '"both"', "1", "true"])
def test_anything_else_is_a_settings_error_naming_the_key(tmp_path, value):
    path = settings_file(tmp_path, f"[station]\nbp_arm = {value}\n")
    with pytest.raises(SettingsError, match=r"\[station\] bp_arm"):
        load_settings(path, environ={})


def _export(tmp_path: Path, arm: str | None) -> dict:
    env = clean_environ()
    env["VITALS_STATION_DB"] = f"sqlite:///{tmp_path / 'station.db'}"
    args = []
    if arm is not None:
        args = ["--config", str(settings_file(tmp_path, f'[station]\nbp_arm = "{arm}"\n'))]
    for command in (["demo", "--visits", "1", "--seed", "5"], ["export", "--fhir", "out.json"]):
        result = subprocess.run(
            [str(SCRIPT), *args, *command],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    text = (tmp_path / "out.json").read_text(encoding="utf-8")
    Bundle.model_validate_json(text)
    return json.loads(text)


def _blood_pressure_observations(bundle: dict) -> list[dict]:
    return [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["code"] in ("8480-6", "8462-4")
    ]


def test_export_without_an_arm_sends_no_body_site(tmp_path):
    observations = _blood_pressure_observations(_export(tmp_path, None))
    assert observations
    assert all("bodySite" not in o for o in observations)


def test_export_with_the_left_arm_set(tmp_path):
    observations = _blood_pressure_observations(_export(tmp_path, "left"))
    assert observations
    for observation in observations:
        assert observation["bodySite"]["coding"] == [
            {
                "system": "http://snomed.info/sct",
                "code": "368208006",
                "display": "Left upper arm structure",
            }
        ]
