"""What of a claimed visit is created, updated or withdrawn (station.upload.work), per
kind of outbox entry."""

from __future__ import annotations

import dataclasses

import pytest

from fhir_export.model import VitalKind
from station.export import visit_to_export, vital_identifier
from station.store.models import OutboxStatus
from station.store.outbox import ClaimedVisit, OutboxEntry
from station.upload.work import plan_upload
from tests.station.test_corrections import make_visit


def entry(number, reading_id, *, attempts=0, server_ids=(), amendment=0):
    return OutboxEntry(
        number, reading_id, "v1", OutboxStatus.SENDING, attempts, tuple(server_ids), amendment
    )


def claim_of(visit, *entries):
    return ClaimedVisit("token", visit, tuple(entries), encounter_server_id="enc-1")


SYS = vital_identifier("r1", VitalKind.SYSTOLIC)
DIA = vital_identifier("r1", VitalKind.DIASTOLIC)
SPO2 = vital_identifier("r3", VitalKind.SPO2)
HR = vital_identifier("r3", VitalKind.HEART_RATE)


@pytest.mark.parametrize(
    ("entries", "amending", "known", "lookup"),
    [
        # never attempted: created, nothing to look up
        ((entry(1, "r1"),), set(), {}, False),
        # attempted, no ids: created unless the look-up finds it
        ((entry(1, "r1", attempts=1),), set(), {}, True),
        # sent then corrected: updated at the recorded ids, no look-up
        (
            (entry(1, "r1", attempts=1, server_ids=("s", "d"), amendment=2),),
            {SYS, DIA},
            {SYS: "s", DIA: "d"},
            False,
        ),
        # corrected after an unanswered attempt: looked up, then updated or created
        ((entry(1, "r1", attempts=1, amendment=2),), {SYS, DIA}, {}, True),
        # recorded ids that do not line up with the vital signs are not trusted
        ((entry(1, "r1", attempts=1, server_ids=("s",), amendment=2),), {SYS, DIA}, {}, True),
    ],
)
def test_what_each_entry_sends(entries, amending, known, lookup):
    visit = make_visit()
    work = plan_upload(claim_of(visit, *entries), visit_to_export(visit))
    assert {v.identifier for v in work.current} == {SYS, DIA}
    assert work.withdrawn == ()
    assert work.amending == amending
    assert work.known == known
    assert work.needs_lookup is lookup


def test_a_discarded_reading_is_withdrawn_where_the_server_has_it():
    visit = make_visit()
    r3 = dataclasses.replace(visit.readings[2], discarded_reason="wrong finger")
    visit = dataclasses.replace(visit, readings=(*visit.readings[:2], r3))
    claimed = entry(3, "r3", attempts=1, server_ids=("o2", "hr"), amendment=2)
    work = plan_upload(claim_of(visit, claimed), visit_to_export(visit))
    assert work.current == ()
    assert [v.identifier for v in work.withdrawn] == [SPO2, HR]
    assert [(v.identifier, sid, status) for v, sid, status in work.updates(work.known)] == [
        (SPO2, "o2", "entered-in-error"),
        (HR, "hr", "entered-in-error"),
    ]
    assert work.by_entry(claimed) == work.withdrawn
