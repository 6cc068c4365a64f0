"""The streamed file export gives what ``to_json(export_bundle(...))`` gives (issue 14)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime

import pytest

from fhir_export.bundle_stream import BundleWriter
from fhir_export.errors import MappingError
from fhir_export.mapping import export_bundle, to_json
from fhir_export.model import VisitExport
from tests.fhir_export.test_mapping import CTX, EMPTY_CTX, VISIT, WIB

GENERATED = datetime(2025, 3, 2, 8, 0, tzinfo=WIB)


def another(visit: VisitExport, number: int) -> VisitExport:
    visit_id = f"v{number + 2}"
    return replace(
        visit,
        visit_id=visit_id,
        encounter_identifier=f"desk-1-{visit_id}",
        name=f'{visit.name} {number} — Ñ\n"quoted"',  # non-ASCII, newline and quotes
        vitals=tuple(
            replace(v, identifier=v.identifier.replace("v1", visit_id)) for v in visit.vitals
        ),
    )


def streamed(visits, ctx=CTX, generated=GENERATED) -> str:
    handle = io.StringIO()
    writer = BundleWriter(handle, ctx, generated=generated)
    for visit in visits:
        writer.add(visit)
    writer.close()
    return handle.getvalue()


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("generated", [None, GENERATED])
@pytest.mark.parametrize("ctx", [CTX, EMPTY_CTX])
def test_the_same_bytes_as_the_whole_bundle(count, generated, ctx):
    visits = [VISIT, *(another(VISIT, n) for n in range(count - 1))][:count]
    whole = to_json(export_bundle(visits, ctx, generated=generated))
    assert streamed(visits, ctx, generated) == whole


def test_a_visit_without_vitals_is_its_encounter_alone():
    visits = [replace(VISIT, vitals=()), another(VISIT, 1)]
    assert streamed(visits) == to_json(export_bundle(visits, CTX, generated=GENERATED))


def test_a_resource_twice_is_refused_and_nothing_of_it_written():
    handle = io.StringIO()
    writer = BundleWriter(handle, CTX, generated=GENERATED)
    assert writer.add(VISIT) == 1 + len(VISIT.vitals)
    before = handle.getvalue()
    with pytest.raises(MappingError, match="appears twice in one Bundle"):
        writer.add(replace(another(VISIT, 1), vitals=VISIT.vitals))  # VISIT's readings again
    assert handle.getvalue() == before
    # The writer goes on: the file holds the visits that were added, and nothing else.
    second = another(VISIT, 2)
    writer.add(second)
    writer.close()
    assert handle.getvalue() == to_json(export_bundle([VISIT, second], CTX, generated=GENERATED))


def test_an_invalid_visit_is_refused_before_anything_is_written():
    handle = io.StringIO()
    writer = BundleWriter(handle, CTX)
    with pytest.raises(MappingError):
        writer.add(replace(VISIT, nik="", patient_ihs=None))
    assert handle.getvalue() == ""
    writer.close()
    assert handle.getvalue() == to_json(export_bundle([], CTX))
