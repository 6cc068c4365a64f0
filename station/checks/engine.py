"""The rule engine: from a visit's readings to findings, results, next step and referral.

One pure function, ``evaluate``, used by the desk (on every stored reading and at
confirmation) and by ``vitals-station check``. Three kinds of finding are kept apart
(docs/design.md section 6): *invalid* readings are blocked and never enter a result (plausibility);
the values that count are classified into *normal*, *abnormal* (graded) or *critical*; and
*notices* say how the readings were taken. The referral of the visit is the highest referral
of its classified results, with those results as its reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from devices.measurements import BloodPressure, HeartRate, Measurement, SpO2
from station.checks.classify import (
    Classification,
    classify_blood_pressure,
    classify_heart_rate,
    classify_spo2,
)
from station.checks.findings import Finding, Severity, blocks
from station.checks.messages import Params, ParamValue, check_params, texts
from station.checks.plausibility import check_measurement
from station.checks.protocol import (
    NextStep,
    ProtocolReading,
    StepCode,
    blood_pressure_protocol,
)
from station.checks.quality import device_clock_notice, pulse_agreement_notice, reading_notices
from station.checks.rulesets import FOLLOW_UP_WITHIN_KEY, Referral, RuleSet, highest_referral

__all__ = [
    "CheckReading",
    "Evaluation",
    "ResultValue",
    "advice_for",
    "advice_keys",
    "check_reading",
    "evaluate",
]


@dataclass(frozen=True, slots=True)
class CheckReading:
    measurement: Measurement
    # The station's time of arrival, naive local time (device clocks have no zone).
    received_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ResultValue:
    """A value that counts, with its classification."""

    parameter: str
    values: dict[str, float]
    unit: str
    classification: Classification
    readings_used: int = 1
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {**self.values, "unit": self.unit}
        data["category"] = self.classification.category
        data["severity"] = str(self.classification.severity)
        data["readings_used"] = self.readings_used
        if self.source is not None:
            data["source"] = self.source
        return data


@dataclass(frozen=True, slots=True)
class Evaluation:
    rule_set: RuleSet
    reading_findings: tuple[tuple[Finding, ...], ...]  # per input reading, same order
    visit_findings: tuple[Finding, ...]  # classifications and cross-reading notices
    blood_pressure: ResultValue | None
    spo2: ResultValue | None
    heart_rate: ResultValue | None
    next_step: NextStep
    referral: Referral
    referral_reasons: tuple[Classification, ...]
    bp_readings_taken: int = 0

    @property
    def findings(self) -> tuple[Finding, ...]:
        flat = [f for per in self.reading_findings for f in per]
        return (*flat, *self.visit_findings)

    @property
    def needs_acknowledgement(self) -> bool:
        """A critical result must be acknowledged, with what was done, before closing."""
        return any(c.severity is Severity.CRITICAL for c in self.referral_reasons)

    @property
    def critical(self) -> tuple[Classification, ...]:
        return tuple(c for c in self.referral_reasons if c.severity is Severity.CRITICAL)

    def result_json(self) -> dict[str, Any]:
        return {
            "blood_pressure": self.blood_pressure.to_json() if self.blood_pressure else None,
            "spo2": self.spo2.to_json() if self.spo2 else None,
            "heart_rate": self.heart_rate.to_json() if self.heart_rate else None,
        }

    def to_json(self) -> dict[str, Any]:
        """The ``vitals-station check`` contract (docs/design.md section 4), plus next step and
        advice."""
        health_worker, patient = advice_for(self.referral)
        return {
            "findings": [f.to_json() for f in self.findings],
            "result": self.result_json(),
            "guideline": self.rule_set.to_json(),
            "referral": str(self.referral),
            "referral_reasons": [
                {
                    "parameter": c.parameter,
                    "code": c.code,
                    "message": {"id": c.message_id, "en": c.message_en},
                }
                for c in self.referral_reasons
                if c.referral is not Referral.NONE
            ],
            "acknowledgement_required": self.needs_acknowledgement,
            "next_step": self.next_step.to_json(),
            "advice": {
                "health_worker": {"id": health_worker[0], "en": health_worker[1]},
                "patient": {"id": patient[0], "en": patient[1]},
            },
        }


def check_reading(reading: CheckReading) -> list[Finding]:
    """Findings about one reading on its own: plausibility (invalid), device status bits,
    how it was taken (notices). Used when the reading is stored."""
    findings = check_measurement(reading.measurement)
    if not blocks(findings):
        findings += reading_notices(reading.measurement)
    if isinstance(reading.measurement, BloodPressure | SpO2):
        clock = device_clock_notice(reading.measurement.timestamp, reading.received_at)
        if clock is not None:
            findings.append(clock)
    return findings


def _mmhg(reading: BloodPressure) -> tuple[float, float]:
    systolic = reading.in_mmhg(reading.systolic)
    diastolic = reading.in_mmhg(reading.diastolic)
    assert systolic is not None  # a valid reading has both
    assert diastolic is not None
    return systolic, diastolic


def evaluate(readings: Sequence[CheckReading], age_years: float, rules: RuleSet) -> Evaluation:
    """Everything the checks say about a visit's readings (oldest first)."""
    per_reading = tuple(tuple(check_reading(r)) for r in readings)
    valid = [r for r, found in zip(readings, per_reading, strict=True) if not blocks(found)]
    pressures = [r for r in valid if isinstance(r.measurement, BloodPressure)]
    oximetry = [r for r in valid if isinstance(r.measurement, SpO2)]
    heart_rates = [r for r in valid if isinstance(r.measurement, HeartRate)]

    protocol_readings = []
    for r in pressures:
        assert isinstance(r.measurement, BloodPressure)
        systolic, diastolic = _mmhg(r.measurement)
        protocol_readings.append(ProtocolReading(systolic, diastolic, r.received_at))
    protocol = blood_pressure_protocol(protocol_readings, rules)

    visit_findings: list[Finding] = []
    reasons: list[Classification] = []
    blood_pressure = None
    if protocol.systolic is not None and protocol.diastolic is not None:
        bp_class = classify_blood_pressure(protocol.systolic, protocol.diastolic, age_years, rules)
        blood_pressure = ResultValue(
            "blood_pressure",
            {"systolic": protocol.systolic, "diastolic": protocol.diastolic},
            "mmHg",
            bp_class,
            protocol.readings_used,
        )
        reasons.append(bp_class)

    spo2 = None
    oximeter_pulse: float | None = None
    if oximetry:
        last = oximetry[-1].measurement
        assert isinstance(last, SpO2)
        assert last.spo2 is not None  # a valid reading has a value
        spo2_class = classify_spo2(last.spo2, age_years)
        spo2 = ResultValue("spo2", {"value": last.spo2}, "%", spo2_class)
        reasons.append(spo2_class)
        oximeter_pulse = last.pulse_rate

    cuff_pulse = None
    if pressures:
        last_bp = pressures[-1].measurement
        assert isinstance(last_bp, BloodPressure)
        cuff_pulse = last_bp.pulse_rate
    heart_rate = None
    rate, source = _heart_rate(heart_rates, oximeter_pulse, cuff_pulse)
    if rate is not None:
        hr_class = classify_heart_rate(rate, age_years)
        heart_rate = ResultValue("heart_rate", {"value": rate}, "/min", hr_class, source=source)
        reasons.append(hr_class)
    agreement = pulse_agreement_notice(cuff_pulse, oximeter_pulse)
    if agreement is not None:
        visit_findings.append(agreement)
    visit_findings.extend(c.finding() for c in reasons)
    if protocol.next_step.code is not StepCode.COMPLETE and protocol.readings_taken:
        visit_findings.append(
            Finding.of(
                "blood_pressure",
                Severity.NOTICE,
                "protocol-incomplete",
                protocol.next_step.key,
                protocol.next_step.params,
            )
        )
    referral = highest_referral(*(c.referral for c in reasons))
    return Evaluation(
        rule_set=rules,
        reading_findings=per_reading,
        visit_findings=tuple(visit_findings),
        blood_pressure=blood_pressure,
        spo2=spo2,
        heart_rate=heart_rate,
        next_step=protocol.next_step,
        referral=referral,
        referral_reasons=tuple(reasons),
        bp_readings_taken=protocol.readings_taken,
    )


def _heart_rate(
    heart_rates: list[CheckReading], oximeter_pulse: float | None, cuff_pulse: float | None
) -> tuple[float | None, str | None]:
    """The heart rate of record: a heart-rate sensor, else the oximeter's pulse (steadier
    than the cuff's, which is a by-product of the oscillometric measurement), else the cuff's."""
    if heart_rates:
        last = heart_rates[-1].measurement
        assert isinstance(last, HeartRate)
        return float(last.heart_rate), "heart_rate_sensor"
    if oximeter_pulse is not None:
        return oximeter_pulse, "oximeter"
    if cuff_pulse is not None:
        return cuff_pulse, "cuff"
    return None, None


def advice_keys(referral: Referral) -> tuple[tuple[str, Params], tuple[str, Params]]:
    """The catalogue keys and parameters of a referral level's advice (health worker,
    patient), for a screen to render in its language (station/checks/messages.py)."""
    worker: dict[str, ParamValue] = {}
    if referral is Referral.FOLLOW_UP:
        # The due date of the follow-up list is FOLLOW_UP_DAYS after the visit.
        worker["within"] = FOLLOW_UP_WITHIN_KEY
    return (
        (
            f"advice.health_worker.{referral}",
            check_params(f"advice.health_worker.{referral}", worker),
        ),
        (f"advice.patient.{referral}", Params()),
    )


_ADVICE: dict[Referral, tuple[tuple[str, str], tuple[str, str]]] = {
    level: (texts(*advice_keys(level)[0]), texts(*advice_keys(level)[1])) for level in Referral
}


def advice_for(referral: Referral) -> tuple[tuple[str, str], tuple[str, str]]:
    """(health worker (id, en), patient (id, en)) texts for a referral level."""
    return _ADVICE[referral]
