"""Errors by type, not by accident (issue 10, item 19): the mapping says "this visit cannot be
mapped" with a ``MappingError``, and there is one ``mask_nik`` rule, the stricter one."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

import fhir_export.satusehat_client as client_module
import station.person as person_module
from fhir_export.errors import MappingError
from fhir_export.mapping import encounter_for, observation_for, upload_bundle
from fhir_export.masking import mask_nik
from tests.fhir_export.test_mapping import CTX, VISIT


@pytest.mark.parametrize(
    "build",
    [
        lambda: encounter_for(replace(VISIT, started=datetime(2025, 3, 1, 9, 0)), CTX),
        lambda: encounter_for(replace(VISIT, finished=VISIT.started.replace(year=2000)), CTX),
        lambda: encounter_for(replace(VISIT, patient_ihs=None, nik=""), CTX),
        lambda: observation_for(replace(VISIT.vitals[0], value=float("inf")), VISIT, CTX, "x"),
        lambda: observation_for(replace(VISIT.vitals[0], interpretation="?"), VISIT, CTX, "x"),
        lambda: observation_for(VISIT.vitals[0], VISIT, CTX, ""),
        lambda: upload_bundle(
            replace(VISIT, vitals=(VISIT.vitals[0], VISIT.vitals[0])),
            CTX,
            encounter_id=None,
            include={VISIT.vitals[0].identifier},
        ),
        # fhir.resources refuses it (an empty identifier value): a MappingError too
        lambda: encounter_for(replace(VISIT, encounter_identifier=""), CTX),
    ],
    ids=["naive", "finish-first", "no-patient", "inf", "interpretation", "no-encounter",
         "twice", "invalid-fhir"],
)  # fmt: skip
def test_a_visit_that_cannot_be_mapped_is_a_mapping_error(build):
    with pytest.raises(MappingError):
        build()


def test_the_station_and_the_client_mask_a_nik_by_one_rule():
    nik = "9271060312000001"
    assert client_module.mask_nik is person_module.mask_nik is mask_nik
    assert mask_nik(nik) == "9271************"  # birth date, sex and serial hidden
    assert "0001" not in mask_nik(nik)
    assert set(mask_nik("92710603")) == {"*"}  # a truncated NIK shows nothing
