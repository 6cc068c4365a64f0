"""The upload's plain-data FHIR (``upload_bundle_data``, ``observation_update_data``) against
its oracle, the fhir.resources-validated form (``to_dict`` of ``upload_bundle`` and
``observation_update``): for generated visits covering every shape the mapping can produce,
the same JSON text (keys, order, ``+00:00`` datetimes, integers), accepted by the R4B models,
and a ``MappingError`` exactly when the validated form raises one.

And the upload path does not load fhir.resources at all (issue 14: its models cost the upload
22 times the plain dicts)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from fhir_export.errors import MappingError
from fhir_export.mapping import (
    UPDATE_STATUSES,
    observation_update,
    observation_update_data,
    to_dict,
    upload_bundle,
    upload_bundle_data,
)
from fhir_export.model import (
    BP_ARMS,
    ExportContext,
    Practitioner,
    VisitExport,
    VitalKind,
    VitalSign,
)

_ZONES = st.sampled_from(
    [UTC, timezone(timedelta(hours=7)), timezone(timedelta(hours=9)), timezone(timedelta(0))]
)
# Mostly ordinary values, sometimes what fhir.resources refuses (empty, whitespace only).
_TEXTS = st.one_of(
    st.sampled_from(["", " ", "\x0b", "Siti Rahayu", "  Budi ", "Omron HEM-7142T1"]),
    st.text(max_size=12),
)
_IDS = st.one_of(st.sampled_from(["", "P1", "10009880728", "a b"]), st.text(max_size=6))
_NIKS = st.sampled_from(["3174015507850002"] * 6 + ["", "\x0b"])


@st.composite
def _moments(draw: st.DrawFn, naive_sometimes: bool = True) -> datetime:
    moment = draw(
        st.datetimes(
            min_value=datetime(2020, 1, 1),
            max_value=datetime(2030, 12, 31),
        )
    )
    if naive_sometimes and draw(st.integers(0, 30)) == 0:
        return moment  # naive: a MappingError
    return moment.replace(tzinfo=draw(_ZONES))


_VALUES = st.one_of(
    st.integers(-5, 400).map(float),
    st.integers(-5, 400).map(float),
    st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda v: round(v, 2)),
    st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda v: round(v, 2)),
    st.floats(),  # NaN, infinities, huge and tiny values
)


@st.composite
def _practitioners(draw: st.DrawFn) -> Practitioner | None:
    if draw(st.booleans()):
        return None
    return Practitioner(draw(_NIKS), draw(st.one_of(st.none(), _IDS)))


@st.composite
def _vitals(draw: st.DrawFn, start: datetime) -> VitalSign:
    return VitalSign(
        # From a few names: duplicates (a MappingError) come up too.
        identifier=draw(st.sampled_from(["desk-1-v1-a", "desk-1-v1-b", "desk-1-v1-c", "", "d"])),
        kind=draw(st.sampled_from(list(VitalKind))),
        value=draw(_VALUES),
        effective=draw(_moments()) if draw(st.integers(0, 9)) == 0 else start,
        device_label=draw(_TEXTS),
        simulated=draw(st.booleans()),
        interpretation=draw(
            st.sampled_from([None, None, "N", "H", "HH", "L", "LL", "A"] * 3 + ["X"])
        ),
        interpretation_text=draw(st.one_of(st.none(), _TEXTS)),
        reference_low=draw(st.one_of(st.none(), _VALUES)),
        reference_high=draw(st.one_of(st.none(), _VALUES)),
        manual=draw(st.booleans()),
        performer=draw(_practitioners()),
    )


@st.composite
def _visits(draw: st.DrawFn) -> VisitExport:
    started = draw(_moments())
    finished = (
        draw(_moments())
        if draw(st.integers(0, 9)) == 0  # sometimes before the start: a MappingError
        else started + timedelta(seconds=draw(st.integers(0, 7200)))
    )
    return VisitExport(
        visit_id="v1",
        encounter_identifier=draw(st.sampled_from(["desk-1-v1", "desk-1-v1", "", "x y"])),
        nik=draw(_NIKS),
        name=draw(_TEXTS),
        birth_date=date(1985, 7, 15),
        started=started,
        finished=finished,
        vitals=tuple(
            draw(
                st.lists(_vitals(started), max_size=5)
                if draw(st.integers(0, 4)) == 0  # the same identifier twice now and then
                else st.lists(_vitals(started), max_size=5, unique_by=lambda v: v.identifier)
            )
        ),
        patient_ihs=draw(st.one_of(st.none(), st.sampled_from(["P1", "10009880728"]), _IDS)),
        attender=draw(_practitioners()),
    )


_CONTEXTS = st.builds(
    ExportContext,
    organization_id=st.sampled_from(["", "10000004"]),
    location_id=st.sampled_from(["", "b017aa54-f1df-4ec2-9d84-8823815d7228"]),
    practitioner_nik=st.sampled_from(["", "3174010101800001"]),
    practitioner_ihs=st.one_of(st.none(), st.sampled_from(["10009880728", ""])),
    bp_arm=st.sampled_from(BP_ARMS),
)


def _outcome(build: Any) -> tuple[str, Any]:
    try:
        return "ok", build()
    except MappingError as exc:
        return "MappingError", str(exc)


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    visit=_visits(),
    ctx=_CONTEXTS,
    encounter_id=st.one_of(st.none(), st.sampled_from(["E1", "0f3c-41.a"])),
    include_all=st.booleans(),
    chosen=st.sets(st.sampled_from(["desk-1-v1-a", "desk-1-v1-b", "desk-1-v1-c", "", "d"])),
)
def test_upload_bundle_data_is_the_validated_bundle(
    *,
    visit: VisitExport,
    ctx: ExportContext,
    encounter_id: str | None,
    include_all: bool,
    chosen: set[str],
) -> None:
    include = {v.identifier for v in visit.vitals} if include_all else chosen
    kind, oracle = _outcome(
        lambda: to_dict(upload_bundle(visit, ctx, encounter_id=encounter_id, include=include))
    )
    plain_kind, plain = _outcome(
        lambda: upload_bundle_data(visit, ctx, encounter_id=encounter_id, include=include)
    )
    event(kind)
    assert plain_kind == kind, (oracle, plain)
    if kind == "ok":
        assert _text(plain) == _text(oracle)
        Bundle.model_validate(plain)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    visit=_visits(),
    ctx=_CONTEXTS,
    which=st.integers(0, 4),
    server_id=st.one_of(
        st.sampled_from(["abc-1.2", "0f3c9e1a-77d2", "17"] * 4 + ["", "a b", "a_b"]),
        st.sampled_from(["abc-1.2", "0f3c9e1a-77d2", "17"]),
        st.text(max_size=5),
    ),
    status=st.sampled_from([*UPDATE_STATUSES] * 3 + ["final"]),
    issued=_moments(),
)
def test_observation_update_data_is_the_validated_update(
    *,
    visit: VisitExport,
    ctx: ExportContext,
    which: int,
    server_id: str,
    status: str,
    issued: datetime,
) -> None:
    if not visit.vitals:
        spo2 = VitalSign("desk-1-v1-a", VitalKind.SPO2, 97, visit.started, "", simulated=False)
        visit = replace(visit, vitals=(spo2,))
    vital = visit.vitals[which % len(visit.vitals)]
    arguments: dict[str, Any] = {
        "encounter_id": "E1",
        "server_id": server_id,
        "status": status,
        "issued": issued,
    }
    kind, oracle = _outcome(lambda: to_dict(observation_update(vital, visit, ctx, **arguments)))
    plain_kind, plain = _outcome(lambda: observation_update_data(vital, visit, ctx, **arguments))
    event(kind)
    assert plain_kind == kind, (oracle, plain)
    if kind == "ok":
        assert _text(plain) == _text(oracle)
        Observation.model_validate(plain)


def test_the_upload_path_does_not_load_fhir_resources() -> None:
    """Importing the uploader, the sync loop and the background upload (and building a
    Bundle the upload's way) loads neither fhir.resources nor its pydantic core models."""
    code = (
        "import sys\n"
        "import station.upload.background, station.upload.sync, station.upload.wiring\n"
        "from datetime import UTC, datetime\n"
        "from fhir_export.mapping import upload_bundle_data\n"
        "from fhir_export.model import ExportContext, VisitExport\n"
        "now = datetime(2025, 3, 1, tzinfo=UTC)\n"
        "visit = VisitExport('v1', 'desk-1-v1', '3174015507850002', 'Siti', None, now, now, (),"
        " patient_ihs='P1')\n"
        "upload_bundle_data(visit, ExportContext('1', '', ''), encounter_id=None, include=())\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('fhir', 'fhir_core'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]", result.stdout
