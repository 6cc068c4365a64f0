"""What the mapping needs to know about a visit: plain values, no database, no Qt.

``station`` builds these from its store; ``fhir_export.mapping`` turns them into FHIR R4
resources. Keeping this boundary as data lets the mapping stay a pure function that tests can
drive with hand-made visits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

__all__ = [
    "BP_ARMS",
    "BpArm",
    "ExportContext",
    "Practitioner",
    "VisitExport",
    "VitalKind",
    "VitalSign",
]

# The arm the desk's cuff is put on (``[station] bp_arm``); "" = not recorded.
BpArm = Literal["left", "right", ""]
BP_ARMS: tuple[BpArm, ...] = ("left", "right", "")


class VitalKind(StrEnum):
    SYSTOLIC = "systolic"
    DIASTOLIC = "diastolic"
    HEART_RATE = "heart_rate"
    SPO2 = "spo2"


@dataclass(frozen=True, slots=True)
class Practitioner:
    """A health worker by practitioner NIK, with the SATUSEHAT IHS number once looked up
    (issue 12: the operator who measured or confirmed)."""

    nik: str
    ihs: str | None = None


@dataclass(frozen=True, slots=True)
class VitalSign:
    """One value that becomes one Observation.

    ``identifier`` is the deterministic business identifier of the Observation (derived from
    the stored reading), so a retry can never create a second copy.
    ``effective`` must be timezone-aware (the station's clock, never the device's).
    ``interpretation`` is a v3-ObservationInterpretation code (``N``, ``H``, ``HH``, ``L``,
    ``LL``, ``A``) or None.
    ``manual`` is true when the health worker typed the value in (no device sent it): the
    Observation then names no device and carries a note saying so.
    ``performer`` is the operator who measured; None (recorded before operators existed, or
    by the demo) falls back to the context's practitioner (``SATUSEHAT_PRACTITIONER_NIK``).
    """

    identifier: str
    kind: VitalKind
    value: float
    effective: datetime
    device_label: str
    simulated: bool
    interpretation: str | None = None
    interpretation_text: str | None = None
    reference_low: float | None = None
    reference_high: float | None = None
    manual: bool = False
    performer: Practitioner | None = None


@dataclass(frozen=True, slots=True)
class VisitExport:
    """One confirmed visit: the person, its times and its vital signs."""

    visit_id: str
    encounter_identifier: str
    nik: str
    name: str
    birth_date: date | None
    started: datetime
    finished: datetime
    vitals: tuple[VitalSign, ...]
    # SATUSEHAT IHS numbers when known (after lookup); otherwise references use the NIK.
    patient_ihs: str | None = None
    # The operator who confirmed the visit (the Encounter's attender); None falls back to
    # the context's practitioner, as for ``VitalSign.performer``.
    attender: Practitioner | None = None


@dataclass(frozen=True, slots=True)
class ExportContext:
    """Facility and desk facts from the settings (``SATUSEHAT_*``, ``[station] bp_arm``);
    empty strings when not configured.

    ``bp_arm`` is the arm this desk measures blood pressure on. It becomes the blood-pressure
    Observations' bodySite; empty means nobody recorded it and no bodySite is sent (never
    invent clinical data).
    """

    organization_id: str
    location_id: str
    practitioner_nik: str
    practitioner_ihs: str | None = None
    bp_arm: BpArm = ""

    def __post_init__(self) -> None:
        if self.bp_arm not in BP_ARMS:
            raise ValueError(f"bp_arm must be 'left', 'right' or '', got {self.bp_arm!r}")
