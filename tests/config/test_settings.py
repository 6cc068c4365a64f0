from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from config.settings import SettingsError, default_settings_text, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_file_or_environment():
    settings = load_settings(None, environ={})
    assert settings.station.id == "desk-1"
    assert settings.database.url == ""
    assert not settings.satusehat.upload_enabled
    assert settings.source == "built-in defaults"


def test_shipped_default_file_is_valid_and_equals_the_schema_defaults(tmp_path):
    shipped = load_settings(write(tmp_path, default_settings_text()), environ={})
    assert shipped.model_dump(exclude={"source"}) == load_settings(None, environ={}).model_dump(
        exclude={"source"}
    )
    # every section of the schema is documented in the shipped file
    assert set(tomllib.loads(default_settings_text())) == {
        "station",
        "database",
        "devices",
        "checks",
        "ckg",
        "satusehat",
        "upload",
    }


def test_ckg_birthday_window(tmp_path):
    # Default 0: no birthday window, the Kemenkes rule since 1 March 2025
    # (docs/reference/satusehat.md 3.1).
    assert load_settings(None, environ={}).ckg.birthday_window_days == 0
    path = write(tmp_path, "[ckg]\nbirthday_window_days = 30\n")  # the rule at launch
    assert load_settings(path, environ={}).ckg.birthday_window_days == 30
    for bad in ("-1", "366", '"30"', "true"):
        path = write(tmp_path, f"[ckg]\nbirthday_window_days = {bad}\n")
        with pytest.raises(SettingsError, match=r"\[ckg\] birthday_window_days"):
            load_settings(path, environ={})
    with pytest.raises(SettingsError, match=r"\[ckg\] window: unknown key"):
        load_settings(write(tmp_path, "[ckg]\nwindow = 30\n"), environ={})


def test_unknown_key_is_named(tmp_path):
    path = write(tmp_path, '[station]\nlangauge = "id"\n')
    with pytest.raises(SettingsError, match=r"\[station\] langauge: unknown key"):
        load_settings(path, environ={})


def test_unknown_section_is_named(tmp_path):
    with pytest.raises(SettingsError, match="stations: unknown key"):
        load_settings(write(tmp_path, "[stations]\nid = 'x'\n"), environ={})


def test_wrong_type_is_named_with_the_value(tmp_path):
    path = write(tmp_path, '[station]\npatient_screen_clear_seconds = "abc"\n')
    with pytest.raises(SettingsError) as info:
        load_settings(path, environ={})
    message = str(info.value)
    assert str(path) in message
    assert "[station] patient_screen_clear_seconds" in message
    assert "'abc'" in message


def test_out_of_bounds_value(tmp_path):
    with pytest.raises(SettingsError, match="patient_screen_clear_seconds"):
        load_settings(write(tmp_path, "[station]\npatient_screen_clear_seconds = 1\n"), environ={})


def test_bad_station_id_shape(tmp_path):
    with pytest.raises(SettingsError, match=r"\[station\] id"):
        load_settings(write(tmp_path, '[station]\nid = "desk 1; drop"\n'), environ={})


def test_invalid_toml_and_missing_file(tmp_path):
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(write(tmp_path, "[station\n"), environ={})
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", environ={})


def test_environment_overrides_file(tmp_path):
    path = write(tmp_path, '[database]\nurl = "sqlite:///file.db"\n[satusehat]\nclient_id = "f"\n')
    settings = load_settings(
        path,
        environ={
            "VITALS_STATION_DB": "sqlite:///env.db",
            "SATUSEHAT_CLIENT_ID": "env-id",
            "SATUSEHAT_CLIENT_SECRET": "s3cret",
            "SATUSEHAT_ORGANIZATION_ID": "10000004",
            "SATUSEHAT_AUTH_URL": "http://127.0.0.1/oauth2/v1",
            "SATUSEHAT_BASE_URL": "http://127.0.0.1/fhir-r4/v1",
            "SATUSEHAT_LOCATION_ID": "loc",
            "SATUSEHAT_PRACTITIONER_NIK": "3174010101010001",
        },
    )
    assert settings.database.url == "sqlite:///env.db"
    assert settings.satusehat.client_id == "env-id"
    assert settings.satusehat.organization_id == "10000004"
    assert settings.satusehat.upload_enabled
    # the secret never appears in a representation that could reach a log
    assert "s3cret" not in repr(settings)
    assert "s3cret" not in str(settings.model_dump())


def test_config_path_from_environment(tmp_path):
    path = write(tmp_path, '[station]\nid = "desk-7"\n')
    assert load_settings(None, environ={"VITALS_STATION_CONFIG": str(path)}).station.id == "desk-7"


def test_device_settings_name_a_known_model(tmp_path):
    path = write(tmp_path, '[devices]\noximeter = "contec-cms50d-plus@/dev/ttyUSB0"\n')
    spec = load_settings(path, environ={}).devices.spec("oximeter")
    assert spec.model is not None
    assert spec.model.protocol == "contec-v7"
    assert spec.address == "/dev/ttyUSB0"


def test_a_simulated_model_is_that_model_marked_simulated(tmp_path):
    path = write(tmp_path, '[devices]\noximeter = "simulator:masimo-rad8"\n')
    spec = load_settings(path, environ={}).devices.spec("oximeter")
    assert spec.model is not None
    assert spec.model.protocol == "masimo-ascii"
    assert spec.simulator
    assert spec.simulated


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("and-ua-651ble@00:09:1F:80:12:34", "is a blood-pressure cuff, not an oximeter"),
        (
            "nonin-3150@/dev/ttyUSB0",
            "unknown device model 'nonin-3150'; known models: generic-ble-plx, contec",
        ),
        ("contec-cms50d-plus", "must be 'simulator', 'simulator:<model>' or '<model>@<address>'"),
        ("simulator:", "must be 'simulator', 'simulator:<model>' or '<model>@<address>'"),
        ("simulator:nonin-3150", "unknown device model 'nonin-3150'"),
        ("simulator:omron-ble-bls", "is a blood-pressure cuff, not an oximeter"),
    ],
)
def test_bad_device_settings_say_what_is_wrong(tmp_path, value, message):
    with pytest.raises(SettingsError, match=r"\[devices\] oximeter: ") as info:
        load_settings(write(tmp_path, f'[devices]\noximeter = "{value}"\n'), environ={})
    assert message in str(info.value)
