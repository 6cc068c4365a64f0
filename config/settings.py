"""The station's settings: one typed, bounded schema, loaded from TOML, overridden by env.

Loading order: the defaults below, then the TOML file (``--config PATH`` or
``VITALS_STATION_CONFIG``), then the environment variables that ``docs/design.md`` names
(``VITALS_STATION_DB`` and ``SATUSEHAT_*``). Any problem raises ``SettingsError`` with one
message that names the file and the key, so a clinic's IT person can fix it without reading a
traceback. The settings object is passed to whoever needs it; nothing imports it as a global.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from config.catalog import DeviceSpec, DeviceSpecError, Kind, load_catalog, parse_device_spec
from config.errors import SettingsError

__all__ = [
    "CONFIG_ENV",
    "DB_ENV",
    "SATUSEHAT_ENV",
    "Settings",
    "SettingsError",
    "default_settings_text",
    "load_settings",
]

CONFIG_ENV = "VITALS_STATION_CONFIG"
DB_ENV = "VITALS_STATION_DB"
# Environment variable -> key in the [satusehat] table (docs/design.md section 4).
SATUSEHAT_ENV: Mapping[str, str] = {
    "SATUSEHAT_AUTH_URL": "auth_url",
    "SATUSEHAT_BASE_URL": "base_url",
    "SATUSEHAT_CLIENT_ID": "client_id",
    "SATUSEHAT_CLIENT_SECRET": "client_secret",
    "SATUSEHAT_ORGANIZATION_ID": "organization_id",
    "SATUSEHAT_LOCATION_ID": "location_id",
    "SATUSEHAT_PRACTITIONER_NIK": "practitioner_nik",
}


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class StationSection(_Section):
    id: str = Field(
        default="desk-1",
        min_length=1,
        max_length=40,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="Identifies this desk in stored records and FHIR identifiers.",
    )
    patient_language: Literal["id", "en"] = Field(
        default="id", description="Language of the patient screen."
    )
    operator_language: Literal["id", "en"] = Field(
        default="id", description="Language of the operator's desk window."
    )
    patient_screen_clear_seconds: int = Field(
        default=45,
        ge=5,
        le=600,
        description="How long confirmed results stay on the patient screen.",
    )
    bp_arm: Literal["left", "right", ""] = Field(
        default="",
        description=(
            "The arm this desk measures blood pressure on: 'left', 'right', or '' (not "
            "recorded: the uploaded blood-pressure Observations carry no body site)."
        ),
    )
    lock_after_minutes: int = Field(
        default=5,
        ge=1,
        le=240,
        description=(
            "Minutes without a key press or click after which the desk locks: personal data "
            "is hidden on both screens until an operator signs in again; the visit is kept."
        ),
    )
    keep_days_after_upload: int = Field(
        default=365,
        ge=1,
        le=36500,
        description=(
            "Days after a visit was fully sent to SATUSEHAT before its NIK, name and birth "
            "date are removed from this station (audited; unsent visits are never touched)."
        ),
    )
    speak: bool = Field(
        default=False,
        description=(
            "Speak the queue call (after a chime) and the results aloud on the patient "
            "screen, in its language, through the machine's speech engine (espeak-ng on "
            "Linux, the Windows speech API); the desk gets a button to repeat."
        ),
    )
    slip_paper: Literal["a6", "a5", "receipt-80mm"] = Field(
        default="a6",
        description=(
            "Paper of the person's result slip (printed and PDF): 'a6' (105 x 148 mm), "
            "'a5' (148 x 210 mm) or 'receipt-80mm' (thermal receipt roll, 80 mm wide, as "
            "long as the slip)."
        ),
    )
    clinic_name: str = Field(
        default="",
        max_length=80,
        description=(
            "The clinic's name as the person knows it, printed on the result slip (empty: "
            "the SATUSEHAT organization id is printed instead)."
        ),
    )
    slip_print_on_confirm: bool = Field(
        default=False,
        description=(
            "Print the result slip on the default printer as soon as a visit is confirmed, "
            "without the print dialog ('Print slip' still prints it again with the dialog)."
        ),
    )


class DatabaseSection(_Section):
    url: str = Field(
        default="", description="SQLAlchemy URL; empty means SQLite in the user data folder."
    )


class DevicesSection(_Section):
    blood_pressure: str = Field(
        default="simulator", description="Blood-pressure cuff: 'simulator' or '<model>@<address>'."
    )
    oximeter: str = Field(
        default="simulator", description="Pulse oximeter: 'simulator' or '<model>@<address>'."
    )
    simulator_pace_seconds: float = Field(
        default=0.15, ge=0.0, le=5.0, description="Seconds between simulated packets."
    )

    @field_validator("blood_pressure", "oximeter")
    @classmethod
    def _known_device(cls, value: str, info: ValidationInfo) -> str:
        kind: Kind = "blood_pressure" if info.field_name == "blood_pressure" else "oximeter"
        try:
            parse_device_spec(value, kind, load_catalog())
        except DeviceSpecError as exc:
            raise ValueError(str(exc)) from exc
        return value

    def spec(self, kind: Kind) -> DeviceSpec:
        return parse_device_spec(getattr(self, kind), kind, load_catalog())


class ChecksSection(_Section):
    rule_set: Literal["esh-2023", "acc-aha-2017"] = Field(
        default="esh-2023",
        description=(
            "Guideline the checks classify by: 'esh-2023' (ESH/ESC grades, 140/90, as "
            "Indonesian guidance uses) or 'acc-aha-2017' (ACC/AHA stages, 130/80)."
        ),
    )


class CkgSection(_Section):
    birthday_window_days: int = Field(
        default=0,
        ge=0,
        le=365,
        description=(
            "Days after the birthday during which the CKG birthday check is allowed; "
            "0 = no window, any day of the year (the rule since 1 March 2025)."
        ),
    )


class SatusehatSection(_Section):
    auth_url: str = ""
    base_url: str = ""
    client_id: str = ""
    client_secret: SecretStr = SecretStr("")
    organization_id: str = ""
    location_id: str = ""
    practitioner_nik: str = ""

    @property
    def upload_enabled(self) -> bool:
        """Upload runs only with credentials; until then results queue up."""
        return bool(self.client_id and self.client_secret.get_secret_value())


class UploadSection(_Section):
    lease_seconds: float = Field(
        default=30.0,
        ge=1.0,
        le=600.0,
        description=(
            "How long a sync process holds a visit without renewing; a visit left by a "
            "process that died is taken up again by the next sync after this long."
        ),
    )
    concurrency: int = Field(
        default=4, ge=1, le=16, description="Visits uploaded at the same time by one process."
    )
    interval_seconds: float = Field(
        default=15.0,
        ge=1.0,
        le=3600.0,
        description="How often the background upload looks for new results.",
    )
    request_deadline_seconds: float = Field(
        default=60.0,
        ge=1.0,
        le=600.0,
        description=(
            "Longest one request to SATUSEHAT may take, answer included, however slowly the "
            "server sends it; then it counts as a timeout."
        ),
    )


class Settings(_Section):
    station: StationSection = StationSection()
    database: DatabaseSection = DatabaseSection()
    devices: DevicesSection = DevicesSection()
    checks: ChecksSection = ChecksSection()
    ckg: CkgSection = CkgSection()
    satusehat: SatusehatSection = SatusehatSection()
    upload: UploadSection = UploadSection()
    # Where the settings came from, for messages ("built-in defaults" or a path).
    source: str = "built-in defaults"

    @property
    def facility_name(self) -> str:
        """The clinic as the result slip names it: its name, else its SATUSEHAT id."""
        return self.station.clinic_name.strip() or self.satusehat.organization_id


def default_settings_text() -> str:
    """The documented default settings file shipped in ``config/default.toml``."""
    return resources.files("config").joinpath("default.toml").read_text(encoding="utf-8")


def _describe_location(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc]
    if len(parts) >= 2:
        return f"[{parts[0]}] {'.'.join(parts[1:])}"
    return parts[0] if parts else "(top level)"


def _describe_error(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return "unknown key"
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    value = error.get("input")
    if isinstance(value, str | int | float | bool):
        return f"{message} (got {value!r})"
    return message


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SettingsError(f"settings file {path} does not exist") from exc
    except OSError as exc:
        raise SettingsError(f"settings file {path} cannot be read: {exc.strerror}") from exc
    try:
        # utf-8-sig: a byte-order mark at the start (what Windows Notepad writes) is accepted.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SettingsError(
            f"settings file {path} is not UTF-8 text (byte {exc.start} is {data[exc.start]:#04x})"
        ) from exc
    if "\x00" in text:
        raise SettingsError(f"settings file {path} is not a text file (it contains NUL bytes)")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise SettingsError(f"settings file {path} is nested too deeply to be settings") from exc


def _apply_environment(data: dict[str, Any], environ: Mapping[str, str]) -> None:
    if environ.get(DB_ENV):
        data.setdefault("database", {})
        if isinstance(data["database"], dict):
            data["database"]["url"] = environ[DB_ENV]
    for variable, key in SATUSEHAT_ENV.items():
        if variable in environ:
            data.setdefault("satusehat", {})
            if isinstance(data["satusehat"], dict):
                data["satusehat"][key] = environ[variable]


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Load and validate the settings; raises ``SettingsError`` naming the bad key."""
    env = os.environ if environ is None else environ
    if path is None and env.get(CONFIG_ENV):
        path = Path(env[CONFIG_ENV])
    data: dict[str, Any] = _read_toml(path) if path is not None else {}
    source = str(path) if path is not None else "built-in defaults"
    if "source" in data:
        raise SettingsError(f"settings file {source}: unknown key 'source'")
    _apply_environment(data, env)
    try:
        return Settings.model_validate({**data, "source": source})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _describe_location(tuple(first["loc"]))
        raise SettingsError(f"settings file {source}: {where}: {_describe_error(first)}") from exc
