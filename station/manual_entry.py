"""Manual entry: what the operator typed, read into a measurement and checked like a device's.

The full fallback when a device fails or is absent (docs/design.md section 1, step 3): blood
pressure (systolic, diastolic, optional pulse) or SpO2 with its pulse. Pure: no I/O, no clock.

Decisions:

* **Whole numbers only**, digits 0-9 with optional spaces around them. Cuffs and oximeters
  display whole mmHg and whole percent, so a decimal typed by hand is a misread or a typo.
  And in Bahasa Indonesia the comma is the decimal mark and the point groups thousands, so
  "120,0", "120.0" or "1.20" cannot be read one way for every operator: they are refused with
  a message saying to type a whole number, never guessed. A minus sign, a unit, letters or
  other digits (Arabic-Indic, full-width) are refused the same way.
* **The range is the checks' job, not the parser's.** A readable number of up to
  ``MAX_DIGITS`` digits becomes a measurement and ``check_reading`` judges it, so a typed
  350/80 is blocked with the very message a cuff sending 350/80 gets
  (``station.checks.plausibility``). More digits than that are refused here: no vital sign
  has them, and a number of hundreds of digits would not even fit a float (issue 16).
* **SpO2 needs its pulse.** Every oximeter shows both; a missing pulse would otherwise reach
  the checks as "the device sent no value", which is not what happened. The pulse of a
  blood-pressure entry is optional, as cuffs send it optionally.
* **The raw record says what was entered**: ``raw`` is the UTF-8 of a canonical text,
  ``manual:bp:120/80/72`` (``-`` for a pulse left empty) or ``manual:spo2:98/72``, so the
  stored reading keeps what the person typed (as read) next to its decoded JSON.
* ``MANUAL_SOURCE`` is the reading source of every manual reading (``source`` ``manual``,
  never simulated). Its label is neutral; the screens write it in their language
  (``ui.formatting``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from devices.measurements import BloodPressure, MeasurementKind, PressureUnit, SpO2
from station.checks.classify import (
    Classification,
    classify_blood_pressure,
    classify_heart_rate,
    classify_spo2,
)
from station.checks.engine import CheckReading, check_reading
from station.checks.findings import Finding, blocks
from station.checks.messages import Params, ParamValue, check_params, texts
from station.checks.rulesets import RuleSet
from station.store.repository import ReadingSource

__all__ = [
    "FIELDS",
    "MANUAL_KINDS",
    "MANUAL_SOURCE",
    "MAX_DIGITS",
    "Checker",
    "ManualAssessment",
    "ManualEntryError",
    "ManualField",
    "ManualMeasurement",
    "assess",
    "check_manual",
    "fields_of",
    "parse_manual",
    "raw_text",
]

ManualMeasurement = BloodPressure | SpO2
# What the checks say about a manual measurement (``check_manual`` or a partial of it).
Checker = Callable[[ManualMeasurement], Sequence[Finding]]
FieldName = Literal["systolic", "diastolic", "pulse_rate", "spo2"]
ErrorCode = Literal["required", "not-whole-number", "not-a-number", "too-long"]

MANUAL_KINDS: tuple[MeasurementKind, ...] = (MeasurementKind.BLOOD_PRESSURE, MeasurementKind.SPO2)
MANUAL_SOURCE = ReadingSource(
    device_id="manual", device_label="manual entry", simulated=False, source="manual"
)
MAX_DIGITS = 6


@dataclass(frozen=True, slots=True)
class ManualField:
    """One box of the form: the measurement field it fills, whether it must be filled, its
    unit and an example value for the messages."""

    name: FieldName
    required: bool
    unit: str
    example: str


FIELDS: dict[MeasurementKind, tuple[ManualField, ...]] = {
    MeasurementKind.BLOOD_PRESSURE: (
        ManualField("systolic", True, "mmHg", "120"),
        ManualField("diastolic", True, "mmHg", "80"),
        ManualField("pulse_rate", False, "/min", "72"),
    ),
    MeasurementKind.SPO2: (
        ManualField("spo2", True, "%", "98"),
        ManualField("pulse_rate", True, "/min", "72"),
    ),
}

_DIGITS = re.compile(r"[0-9]+")
# Digits with one comma or point among them: a decimal (or a thousands group) was typed.
_DECIMAL = re.compile(r"[0-9]+[.,][0-9]*|[.,][0-9]+")
_RAW_PREFIX = {MeasurementKind.BLOOD_PRESSURE: "manual:bp:", MeasurementKind.SPO2: "manual:spo2:"}


class ManualEntryError(ValueError):
    """A typed value cannot be read; ``field`` names the box, ``code`` says what is wrong
    (``required``, ``not-whole-number``, ``not-a-number``, ``too-long``), the messages say it
    in both languages; ``key`` and ``params`` are the message as a catalogue key for the
    screens to render in their language (None: words only)."""

    def __init__(
        self,
        code: ErrorCode,
        field: FieldName,
        message_id: str,
        message_en: str,
        *,
        key: str | None = None,
        params: Params | None = None,
    ) -> None:
        super().__init__(message_en)
        self.code = code
        self.field = field
        self.message_id = message_id
        self.message_en = message_en
        self.key = key
        self.params = params if params is not None else Params()

    @classmethod
    def of(
        cls, code: ErrorCode, field: FieldName, key: str, params: Mapping[str, ParamValue]
    ) -> ManualEntryError:
        """The error with its words from the catalogue (``MessageError`` on a bad key)."""
        kept = check_params(key, params)
        message_id, message_en = texts(key, kept)
        return cls(code, field, message_id, message_en, key=key, params=kept)


def fields_of(kind: MeasurementKind) -> tuple[ManualField, ...]:
    """The boxes of a manual entry of ``kind``, in reading order."""
    try:
        return FIELDS[kind]
    except KeyError:
        raise ValueError(f"{kind} cannot be entered by hand, only blood pressure or SpO2") from None


def _error(code: ErrorCode, field: ManualField) -> ManualEntryError:
    label = f"parameter.{field.name}"  # the box's name, a label of the catalogue
    if code == "required":
        return ManualEntryError.of(code, field.name, "manual.required", {"parameter": label})
    if code == "not-whole-number":
        return ManualEntryError.of(
            code,
            field.name,
            "manual.not_whole_number",
            {"parameter": label, "example": field.example},
        )
    if code == "too-long":
        return ManualEntryError.of(
            code, field.name, "manual.too_long", {"parameter": label, "limit": MAX_DIGITS}
        )
    return ManualEntryError.of(
        code, field.name, "manual.not_a_number", {"parameter": label, "example": field.example}
    )


def _read(field: ManualField, typed: str) -> float | None:
    """The number in one box (``None`` for an empty optional box), or ``ManualEntryError``."""
    text = typed.strip()
    if not text:
        if field.required:
            raise _error("required", field)
        return None
    if not _DIGITS.fullmatch(text):
        code: ErrorCode = "not-whole-number" if _DECIMAL.fullmatch(text) else "not-a-number"
        raise _error(code, field)
    digits = text.lstrip("0") or "0"
    if len(digits) > MAX_DIGITS:
        raise _error("too-long", field)
    return float(int(digits))


def _measurement(kind: MeasurementKind, values: Mapping[str, float | None]) -> ManualMeasurement:
    raw = raw_text(kind, values).encode("utf-8")
    if kind is MeasurementKind.BLOOD_PRESSURE:
        return BloodPressure(
            systolic=values["systolic"],
            diastolic=values["diastolic"],
            mean_arterial=None,
            unit=PressureUnit.MMHG,
            raw=raw,
            pulse_rate=values["pulse_rate"],
        )
    return SpO2(spo2=values["spo2"], pulse_rate=values["pulse_rate"], raw=raw)


def raw_text(kind: MeasurementKind, values: Mapping[str, float | None]) -> str:
    """``manual:bp:120/80/72`` or ``manual:spo2:98/72``; ``-`` for an empty box."""
    parts = (values.get(f.name) for f in fields_of(kind))
    return _RAW_PREFIX[kind] + "/".join("-" if v is None else f"{v:g}" for v in parts)


@dataclass(frozen=True, slots=True)
class ManualAssessment:
    """Everything about one form as typed: the measurement (when every box can be read),
    each box's error, and what the checks say about the measurement."""

    kind: MeasurementKind
    measurement: ManualMeasurement | None
    errors: tuple[ManualEntryError, ...]
    findings: tuple[Finding, ...]

    @property
    def blocked(self) -> bool:
        """True when it cannot be saved: a box cannot be read or a check blocks the value."""
        return self.measurement is None or blocks(self.findings)

    def error_for(self, field: str) -> ManualEntryError | None:
        return next((e for e in self.errors if e.field == field), None)


def _grades(
    measurement: ManualMeasurement, age_years: float, rules: RuleSet
) -> list[Classification]:
    """What each value on its own would be graded (a visit's result is graded by the engine,
    after the blood-pressure protocol; this is for showing the operator at once)."""
    grades = []
    if isinstance(measurement, BloodPressure):
        if measurement.systolic is not None and measurement.diastolic is not None:
            grades.append(
                classify_blood_pressure(
                    measurement.systolic, measurement.diastolic, age_years, rules
                )
            )
    elif measurement.spo2 is not None:
        grades.append(classify_spo2(measurement.spo2, age_years))
    if measurement.pulse_rate is not None:
        grades.append(classify_heart_rate(measurement.pulse_rate, age_years))
    return grades


def check_manual(
    measurement: ManualMeasurement,
    *,
    received_at: datetime | None = None,
    age_years: float | None = None,
    rules: RuleSet | None = None,
) -> list[Finding]:
    """The checks of a device reading (``check_reading``: the same findings, the same
    messages; store these). With ``age_years`` and ``rules``, a value that is not blocked
    also gets its grade (critical, abnormal, normal) for the operator to see before saving."""
    findings = check_reading(CheckReading(measurement, received_at))
    if age_years is None or rules is None or blocks(findings):
        return findings
    return findings + [c.finding() for c in _grades(measurement, age_years, rules)]


def assess(
    kind: MeasurementKind, typed: Mapping[str, str], checker: Checker = check_manual
) -> ManualAssessment:
    """Read every box of ``typed`` (field name to text; a missing name is an empty box),
    collecting each box's error, then run ``checker`` on the measurement when all could be
    read (``check_manual``, or it with the person's age and rule set for the grades:
    ``functools.partial(check_manual, age_years=..., rules=...)``)."""
    values: dict[str, float | None] = {}
    errors: list[ManualEntryError] = []
    for field in fields_of(kind):
        try:
            values[field.name] = _read(field, typed.get(field.name, ""))
        except ManualEntryError as exc:
            errors.append(exc)
    if errors:
        return ManualAssessment(kind, None, tuple(errors), ())
    measurement = _measurement(kind, values)
    return ManualAssessment(kind, measurement, (), tuple(checker(measurement)))


def parse_manual(kind: MeasurementKind, typed: Mapping[str, str]) -> ManualMeasurement:
    """The measurement the boxes hold, or the first box's ``ManualEntryError``. It is not
    checked: run ``check_manual`` (as for a device reading) before storing it."""
    values: dict[str, float | None] = {}
    for field in fields_of(kind):
        values[field.name] = _read(field, typed.get(field.name, ""))
    return _measurement(kind, values)
