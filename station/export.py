"""From stored visits to the plain export model of ``fhir_export``.

Which readings become Observations (decided here, documented for the next person):
every *valid* reading is exported, so each raw blood-pressure reading of the protocol is kept
(``docs/reference/clinical-rules.md`` 3.4 step 6): a cuff reading gives a systolic and a diastolic
Observation; an oximeter reading gives SpO2 and heart rate (the oximeter's pulse is the heart
rate of record); a heart-rate strap reading gives heart rate. Blocked readings are never
exported. Observation identifiers derive from the stored reading id, so they never change.
Interpretation and reference range come from the visit's rule set and the person's age
(``station.checks.interpretation``). A blood-pressure reading missing either value is not
exported (the pair is judged together; plausibility blocks such readings anyway).

Who did it (issue 12): ``practitioners`` maps an operator's id to their practitioner NIK (and
IHS number once looked up); each vital sign names the operator who recorded its reading as
performer and the Encounter the one who confirmed the visit as attender. A reading with no
operator, or one not in the map (the built-in demo operator), names no one here and the
mapping falls back to ``SATUSEHAT_PRACTITIONER_NIK``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from config.settings import Settings
from devices.measurements import BloodPressure, HeartRate, Measurement, SpO2
from fhir_export.errors import MappingError
from fhir_export.model import ExportContext, Practitioner, VisitExport, VitalKind, VitalSign
from station.checks.interpretation import (
    Interpretation,
    blood_pressure_interpretation,
    heart_rate_interpretation,
    spo2_interpretation,
)
from station.checks.rulesets import RuleSet, UnknownRuleSetError, rule_set
from station.results import age_on, local_naive
from station.store.repository import StoredReading, StoredVisit, visit_operators

Practitioners = Mapping[int, Practitioner]  # operator id -> the practitioner they are
NO_PRACTITIONERS: Practitioners = {}

__all__ = [
    "NO_PRACTITIONERS",
    "Practitioners",
    "export_context",
    "operators_of",
    "reading_of",
    "reading_vitals",
    "visit_to_export",
    "vital_identifier",
    "vital_kinds",
]


def export_context(settings: Settings) -> ExportContext:
    satusehat = settings.satusehat
    return ExportContext(
        organization_id=satusehat.organization_id,
        location_id=satusehat.location_id,
        practitioner_nik=satusehat.practitioner_nik,
        bp_arm=settings.station.bp_arm,
    )


def vital_identifier(reading_id: str, kind: VitalKind) -> str:
    """The Observation's business identifier: the stored reading's id and the vital sign."""
    return f"{reading_id}-{kind.value}"


def reading_of(identifier: str) -> str:
    """The stored reading an Observation identifier came from (kinds have no hyphen)."""
    return identifier.rsplit("-", 1)[0]


def _vital(
    reading: StoredReading,
    kind: VitalKind,
    value: float,
    judged: Interpretation,
    performer: Practitioner | None,
) -> VitalSign:
    return VitalSign(
        identifier=vital_identifier(reading.id, kind),
        kind=kind,
        value=value,
        effective=reading.received_at,
        device_label=reading.source.device_label,
        simulated=reading.source.simulated,
        manual=reading.manual,
        interpretation=judged.code,
        interpretation_text=judged.text,
        reference_low=judged.low,
        reference_high=judged.high,
        performer=performer,
    )


def vital_kinds(measurement: Measurement) -> tuple[VitalKind, ...]:
    """The vital signs a reading becomes, in the order ``_vitals`` writes them (an outbox
    entry's server ids are recorded in this order)."""
    if isinstance(measurement, BloodPressure):
        systolic, diastolic = measurement.systolic, measurement.diastolic
        if systolic is not None and diastolic is not None:
            return (VitalKind.SYSTOLIC, VitalKind.DIASTOLIC)
        return ()
    if isinstance(measurement, SpO2):
        kinds = (VitalKind.SPO2,) if measurement.spo2 is not None else ()
        return kinds + ((VitalKind.HEART_RATE,) if measurement.pulse_rate is not None else ())
    if isinstance(measurement, HeartRate):
        return (VitalKind.HEART_RATE,)
    return ()


def _vitals(
    reading: StoredReading, age_years: float, rules: RuleSet, practitioners: Practitioners
) -> Iterable[VitalSign]:
    m = reading.measurement
    by = practitioners.get(reading.operator_id) if reading.operator_id is not None else None
    if isinstance(m, BloodPressure):
        systolic, diastolic = m.in_mmhg(m.systolic), m.in_mmhg(m.diastolic)
        if systolic is not None and diastolic is not None:
            judged_sys, judged_dia = blood_pressure_interpretation(
                systolic, diastolic, age_years, rules
            )
            yield _vital(reading, VitalKind.SYSTOLIC, systolic, judged_sys, by)
            yield _vital(reading, VitalKind.DIASTOLIC, diastolic, judged_dia, by)
    elif isinstance(m, SpO2):
        if m.spo2 is not None:
            judged = spo2_interpretation(m.spo2, age_years)
            yield _vital(reading, VitalKind.SPO2, m.spo2, judged, by)
        if m.pulse_rate is not None:
            judged = heart_rate_interpretation(m.pulse_rate, age_years)
            yield _vital(reading, VitalKind.HEART_RATE, m.pulse_rate, judged, by)
    elif isinstance(m, HeartRate):
        rate = float(m.heart_rate)
        judged = heart_rate_interpretation(rate, age_years)
        yield _vital(reading, VitalKind.HEART_RATE, rate, judged, by)


def _age_and_rules(visit: StoredVisit) -> tuple[float, RuleSet]:
    age = age_on(visit.person.birth_date, visit.person.nik, local_naive(visit.started_at).date())
    try:
        return age, rule_set(visit.rule_set)
    except UnknownRuleSetError as exc:
        raise MappingError(f"visit {visit.id}: {exc}") from exc


def reading_vitals(
    visit: StoredVisit, reading: StoredReading, practitioners: Practitioners = NO_PRACTITIONERS
) -> tuple[VitalSign, ...]:
    """The vital signs of one reading of ``visit`` whether or not it counts: a reading
    discarded by a same-day correction is still on the server until its Observations are
    updated to ``entered-in-error`` (``station.corrections``)."""
    age, rules = _age_and_rules(visit)
    return tuple(_vitals(reading, age, rules, practitioners))


def operators_of(visit: StoredVisit) -> frozenset[int]:
    """The operators whose practitioners ``visit`` names: who recorded a reading, and who
    confirmed it (``station.store.repository.visit_operators``, which the upload claim uses
    too)."""
    return visit_operators(visit)


def visit_to_export(
    visit: StoredVisit, practitioners: Practitioners = NO_PRACTITIONERS
) -> VisitExport:
    if visit.confirmed_at is None:
        raise MappingError(f"visit {visit.id} is not confirmed and cannot be exported")
    age, rules = _age_and_rules(visit)
    return VisitExport(
        visit_id=visit.id,
        encounter_identifier=f"{visit.station_id}-{visit.id}",
        nik=visit.person.nik,
        name=visit.person.name,
        birth_date=visit.person.birth_date,
        started=visit.started_at,
        finished=visit.confirmed_at,
        vitals=tuple(
            v for r in visit.readings if r.counts for v in _vitals(r, age, rules, practitioners)
        ),
        attender=(
            practitioners.get(visit.confirmed_by) if visit.confirmed_by is not None else None
        ),
    )
