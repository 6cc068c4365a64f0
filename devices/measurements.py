"""Typed measurements decoded from device payloads.

These are frozen value types: a codec builds one from bytes, nothing changes it afterwards.
Every measurement keeps the exact bytes it came from (``raw``) so the stored record can always
be re-decoded and audited.

A value that the device marked as an IEEE 11073 special value (NaN, NRes, +/-INF, reserved)
is ``None`` here: never a number. Whether a measurement with missing values can be used is
decided by the checks in ``station.checks``, not here.

``to_json()`` produces exactly the keys that ``docs/design.md`` section 4 names for
``vitals-station decode``; ``measurement_from_json`` reads them back (used by
``vitals-station check`` and by the store).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal, TypeVar

__all__ = [
    "BloodPressure",
    "BloodPressureStatus",
    "CuffPressure",
    "HeartRate",
    "Measurement",
    "MeasurementKind",
    "NonFiniteValueError",
    "PlxDeviceStatus",
    "PlxMeasurementStatus",
    "PressureUnit",
    "SensorContact",
    "SpO2",
    "measurement_from_json",
]


class MeasurementKind(StrEnum):
    BLOOD_PRESSURE = "blood_pressure"
    CUFF_PRESSURE = "cuff_pressure"
    HEART_RATE = "heart_rate"
    SPO2 = "spo2"


class PressureUnit(StrEnum):
    MMHG = "mmHg"
    KPA = "kPa"


class SensorContact(StrEnum):
    DETECTED = "detected"
    NOT_DETECTED = "not_detected"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class BloodPressureStatus:
    """Measurement Status field of 0x2A35 (Bluetooth BLS 1.0 section 3.1.1.6).

    ``pulse_rate_out_of_range`` is true when bits 3-4 say the pulse exceeded the upper or
    fell below the lower limit; ``pulse_rate_range`` keeps which one (``within``, ``above``,
    ``below``, ``reserved``) for audit.
    """

    body_movement: bool = False
    cuff_loose: bool = False
    irregular_pulse: bool = False
    pulse_rate_out_of_range: bool = False
    improper_position: bool = False

    def to_json(self) -> dict[str, bool]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class PlxMeasurementStatus:
    """Measurement Status field of 0x2A5E/0x2A5F (Bluetooth PLXS 1.0, bits 5-15)."""

    measurement_ongoing: bool = False
    early_estimated_data: bool = False
    validated_data: bool = False
    fully_qualified_data: bool = False
    data_from_measurement_storage: bool = False
    data_for_demonstration: bool = False
    data_for_testing: bool = False
    calibration_ongoing: bool = False
    measurement_unavailable: bool = False
    questionable_measurement_detected: bool = False
    invalid_measurement_detected: bool = False


@dataclass(frozen=True, slots=True)
class PlxDeviceStatus:
    """Device and Sensor Status field of 0x2A5E/0x2A5F (Bluetooth PLXS 1.0, bits 0-15)."""

    extended_display_update_ongoing: bool = False
    equipment_malfunction_detected: bool = False
    signal_processing_irregularity_detected: bool = False
    inadequate_signal_detected: bool = False
    poor_signal_detected: bool = False
    low_perfusion_detected: bool = False
    erratic_signal_detected: bool = False
    nonpulsatile_signal_detected: bool = False
    questionable_pulse_detected: bool = False
    signal_analysis_ongoing: bool = False
    sensor_interference_detected: bool = False
    sensor_unconnected_to_user: bool = False
    unknown_sensor_connected: bool = False
    sensor_displaced: bool = False
    sensor_malfunctioning: bool = False
    sensor_disconnected: bool = False


class NonFiniteValueError(ValueError):
    """A measurement was given an infinite or NaN number. No codec may yield one (a device's
    special values are ``None``), and a stored ``Infinity`` would make its visit unreadable
    (issue 10), so the types refuse it when they are built."""


def _require_finite(kind: str, **values: float | int | None) -> None:
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            raise NonFiniteValueError(f"{kind} {name} must be a finite number, got {value!r}")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class BloodPressure:
    """Blood Pressure Measurement (0x2A35). Values are in ``unit`` exactly as sent."""

    systolic: float | None
    diastolic: float | None
    mean_arterial: float | None
    unit: PressureUnit
    raw: bytes
    pulse_rate: float | None = None
    # Device clock, naive: the device sends no zone. Never the effective time of a reading.
    timestamp: datetime | None = None
    user_id: int | None = None
    status: BloodPressureStatus = field(default_factory=BloodPressureStatus)
    kind: Literal[MeasurementKind.BLOOD_PRESSURE] = MeasurementKind.BLOOD_PRESSURE

    def __post_init__(self) -> None:
        _require_finite(
            "blood pressure",
            systolic=self.systolic,
            diastolic=self.diastolic,
            mean_arterial=self.mean_arterial,
            pulse_rate=self.pulse_rate,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "raw": self.raw.hex(),
            "systolic": self.systolic,
            "diastolic": self.diastolic,
            "mean_arterial": self.mean_arterial,
            "unit": str(self.unit),
            "pulse_rate": self.pulse_rate,
            "timestamp": _iso(self.timestamp),
            "user_id": self.user_id,
            "status": self.status.to_json(),
        }

    def in_mmhg(self, value: float | None) -> float | None:
        """Convert one of this reading's pressures to mmHg (1 kPa = 7.50062 mmHg)."""
        if value is None or self.unit is PressureUnit.MMHG:
            return value
        return round(value * KPA_TO_MMHG, 1)


# 1 kPa = 1000 Pa / 133.322387415 Pa per mmHg (BIPM conventional millimetre of mercury).
KPA_TO_MMHG = 1000.0 / 133.322387415


@dataclass(frozen=True, slots=True)
class CuffPressure:
    """Intermediate Cuff Pressure (0x2A36): the live cuff pressure while inflating."""

    cuff_pressure: float | None
    unit: PressureUnit
    raw: bytes
    kind: Literal[MeasurementKind.CUFF_PRESSURE] = MeasurementKind.CUFF_PRESSURE

    def __post_init__(self) -> None:
        _require_finite("cuff pressure", cuff_pressure=self.cuff_pressure)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "raw": self.raw.hex(),
            "cuff_pressure": self.cuff_pressure,
            "unit": str(self.unit),
        }


@dataclass(frozen=True, slots=True)
class HeartRate:
    """Heart Rate Measurement (0x2A37)."""

    heart_rate: int
    sensor_contact: SensorContact
    raw: bytes
    energy_expended: int | None = None
    # RR intervals in seconds (the wire unit is 1/1024 s).
    rr_intervals: tuple[float, ...] = ()
    kind: Literal[MeasurementKind.HEART_RATE] = MeasurementKind.HEART_RATE

    def __post_init__(self) -> None:
        _require_finite("heart rate", heart_rate=self.heart_rate)
        _require_finite("heart rate", energy_expended=self.energy_expended)
        for interval in self.rr_intervals:
            _require_finite("heart rate", rr_interval=interval)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "raw": self.raw.hex(),
            "heart_rate": self.heart_rate,
            "sensor_contact": str(self.sensor_contact),
            "energy_expended": self.energy_expended,
            "rr_intervals": list(self.rr_intervals),
        }


@dataclass(frozen=True, slots=True)
class SpO2:
    """PLX Spot-Check (0x2A5E) or Continuous (0x2A5F) measurement, or a serial oximeter's."""

    spo2: float | None
    pulse_rate: float | None
    raw: bytes
    timestamp: datetime | None = None
    pulse_amplitude_index: float | None = None
    measurement_status: PlxMeasurementStatus | None = None
    device_status: PlxDeviceStatus | None = None
    device_clock_not_set: bool = False
    kind: Literal[MeasurementKind.SPO2] = MeasurementKind.SPO2

    def status_json(self) -> dict[str, bool]:
        status: dict[str, bool] = {"device_clock_not_set": self.device_clock_not_set}
        for part in (self.measurement_status, self.device_status):
            if part is not None:
                status.update({f.name: getattr(part, f.name) for f in fields(part)})
        return status

    def __post_init__(self) -> None:
        _require_finite(
            "SpO2",
            spo2=self.spo2,
            pulse_rate=self.pulse_rate,
            pulse_amplitude_index=self.pulse_amplitude_index,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "raw": self.raw.hex(),
            "spo2": self.spo2,
            "pulse_rate": self.pulse_rate,
            "timestamp": _iso(self.timestamp),
            "pulse_amplitude_index": self.pulse_amplitude_index,
            "status": self.status_json(),
        }


Measurement = BloodPressure | CuffPressure | HeartRate | SpO2


class MeasurementJsonError(ValueError):
    """A measurement in JSON form is malformed; the message names the key."""


def _number(data: dict[str, Any], key: str, *, required: bool = False) -> float | None:
    if key not in data:
        if required:
            raise MeasurementJsonError(f"missing key '{key}'")
        return None
    value = data[key]
    if value is None:
        return None
    return _finite(value, f"'{key}'", "a number or null")


def _finite(value: Any, what: str, expected: str) -> float:
    """``value`` as a finite float. A JSON integer of hundreds of digits is refused here, not
    left to overflow later (issue 16)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MeasurementJsonError(f"{what} must be {expected}, got {_short(value)}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise MeasurementJsonError(f"{what} must be a finite number, got {_short(value)}")
    return number


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"


def _timestamp(data: dict[str, Any]) -> datetime | None:
    value = data.get("timestamp")
    if value is None:
        return None
    if not isinstance(value, str):
        raise MeasurementJsonError(f"'timestamp' must be an ISO 8601 string or null, got {value!r}")
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise MeasurementJsonError(f"'timestamp' is not ISO 8601: {value!r}") from exc


def _unit(data: dict[str, Any]) -> PressureUnit:
    unit_text = data.get("unit", "mmHg")
    try:
        return PressureUnit(unit_text)
    except ValueError as exc:
        raise MeasurementJsonError(f"'unit' must be 'mmHg' or 'kPa', got {unit_text!r}") from exc


def _raw(data: dict[str, Any]) -> bytes:
    value = data.get("raw", "")
    if not isinstance(value, str):
        raise MeasurementJsonError("'raw' must be a hex string")
    try:
        return bytes.fromhex(value)
    except ValueError as exc:
        raise MeasurementJsonError(f"'raw' is not hex: {value!r}") from exc


_Flags = TypeVar("_Flags", BloodPressureStatus, PlxMeasurementStatus, PlxDeviceStatus)


def _flags(cls: type[_Flags], value: Any, key: str) -> _Flags:
    if value is None:
        return cls()
    if not isinstance(value, dict):
        raise MeasurementJsonError(f"'{key}' must be an object of booleans")
    names = {f.name for f in fields(cls)}
    chosen = {k: bool(v) for k, v in value.items() if k in names}
    return cls(**chosen)


def measurement_from_json(data: Any) -> Measurement:
    """Read a measurement back from the JSON that ``to_json`` wrote.

    Raises ``MeasurementJsonError`` naming the first wrong key.
    """
    if not isinstance(data, dict):
        raise MeasurementJsonError("a reading must be a JSON object")
    kind = data.get("kind")
    if kind == MeasurementKind.BLOOD_PRESSURE:
        unit = _unit(data)
        user_id = data.get("user_id")
        if user_id is not None and (isinstance(user_id, bool) or not isinstance(user_id, int)):
            raise MeasurementJsonError("'user_id' must be an integer or null")
        return BloodPressure(
            systolic=_number(data, "systolic", required=True),
            diastolic=_number(data, "diastolic", required=True),
            mean_arterial=_number(data, "mean_arterial"),
            unit=unit,
            raw=_raw(data),
            pulse_rate=_number(data, "pulse_rate"),
            timestamp=_timestamp(data),
            user_id=user_id,
            status=_flags(BloodPressureStatus, data.get("status"), "status"),
        )
    if kind == MeasurementKind.CUFF_PRESSURE:
        return CuffPressure(
            cuff_pressure=_number(data, "cuff_pressure", required=True),
            unit=_unit(data),
            raw=_raw(data),
        )
    if kind == MeasurementKind.HEART_RATE:
        rate = _number(data, "heart_rate", required=True)
        if rate is None:
            raise MeasurementJsonError("'heart_rate' must be a number")
        contact_text = data.get("sensor_contact", "unsupported")
        try:
            contact = SensorContact(contact_text)
        except ValueError as exc:
            raise MeasurementJsonError(
                "'sensor_contact' must be detected, not_detected or unsupported, "
                f"got {contact_text!r}"
            ) from exc
        rr = data.get("rr_intervals") or []
        if not isinstance(rr, list):
            raise MeasurementJsonError("'rr_intervals' must be a list of numbers")
        rr = [_finite(x, "'rr_intervals'", "a list of numbers") for x in rr]
        energy = _number(data, "energy_expended")
        return HeartRate(
            heart_rate=int(rate),
            sensor_contact=contact,
            raw=_raw(data),
            energy_expended=int(energy) if energy is not None else None,
            rr_intervals=tuple(float(x) for x in rr),
        )
    if kind == MeasurementKind.SPO2:
        status = data.get("status") or {}
        if not isinstance(status, dict):
            raise MeasurementJsonError("'status' must be an object of booleans")
        return SpO2(
            spo2=_number(data, "spo2", required=True),
            pulse_rate=_number(data, "pulse_rate"),
            raw=_raw(data),
            timestamp=_timestamp(data),
            pulse_amplitude_index=_number(data, "pulse_amplitude_index"),
            measurement_status=_flags(PlxMeasurementStatus, status, "status"),
            device_status=_flags(PlxDeviceStatus, status, "status"),
            device_clock_not_set=bool(status.get("device_clock_not_set", False)),
        )
    raise MeasurementJsonError(
        f"'kind' must be one of {', '.join(k.value for k in MeasurementKind)}, got {kind!r}"
    )
