"""A random walk through the desk: two desks on one SQLite file take random actions (call,
recall, skip, identify, measure, type in, discard, confirm with or without a reason, cancel,
let time pass, restart and resume or cancel what was left open) and the store never becomes
inconsistent.

After every step: at most one open visit per desk; the day's queue numbers are 1..N, each
called / visit / skipped once, one visit per served number; no outbox entry for a discarded
or invalid reading or a cancelled visit, and one for every reading that counts; a confirmed
visit has a result and an early-confirm reason exactly when its protocol was not complete;
each desk's state agrees with the store and with its last announcement. Every refused
action raised ``StationError`` with a code that fits (the desk's state, or what was typed),
and changed no row, not the desk's state, and sent no event; every action that succeeded
was allowed by the table.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections import Counter
from pathlib import Path

import hypothesis
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import select

from devices.device import DeviceError, DeviceFault
from devices.measurements import MeasurementKind
from station.checks.protocol import StepCode
from station.desk_state import Action, Phase, allowed
from station.manual_entry import parse_manual
from station.results import summarise
from station.service import (
    Acknowledgement,
    CriticalAction,
    DeskChanged,
    DeviceRole,
    ErrorCode,
    InterruptedVisit,
    StationError,
)
from station.store.models import (
    OutboxRow,
    QueueCallRow,
    QueueCounterRow,
    ReadingRow,
    VisitRow,
    VisitStatus,
)
from tests.station.desk_harness import Clock, bp, build_desk, snapshot, spo2

PEOPLE = {
    "siti": ("3174015507850002", "Siti Rahayu"),
    "budi": ("3174010101850003", "Budi Santoso"),
    "short nik": ("317401550785", "Siti Rahayu"),
    "no name": ("3174015507850002", " "),
}
CUFF = {
    "122/78": lambda: bp(122.0, 78.0),
    "118/80": lambda: bp(118.0, 80.0),
    "150/95": lambda: bp(150.0, 95.0),
    "190/125 critical": lambda: bp(190.0, 125.0),
    "no values": lambda: bp(None, None),
    "350/80 impossible": lambda: bp(350.0, 80.0),
    "link lost": lambda: DeviceError("cuff went away", DeviceFault.LINK_LOST),
}
OXIMETER = {
    "97%": lambda: spo2(97.0, 71.0),
    "85% critical": lambda: spo2(85.0, 110.0),
    "101% impossible": lambda: spo2(101.0, 72.0),
    "no reading": lambda: DeviceError("nothing came", DeviceFault.NO_READING),
}
TYPED = {
    "bp 128/84": (MeasurementKind.BLOOD_PRESSURE, {"systolic": "128", "diastolic": "84"}),
    "bp 350/80": (MeasurementKind.BLOOD_PRESSURE, {"systolic": "350", "diastolic": "80"}),
    "spo2 96": (MeasurementKind.SPO2, {"spo2": "96", "pulse_rate": "70"}),
    "spo2 101": (MeasurementKind.SPO2, {"spo2": "101", "pulse_rate": "70"}),
}

# A refusal by the desk's state; and, when the table allowed the action, refusals about what
# was given (codes per action).
STATE_CODES = {ErrorCode.NOT_NOW, ErrorCode.NO_VALID_RESULT, ErrorCode.DEVICE_BUSY}
CONTENT_CODES = {
    "start_visit": {ErrorCode.INVALID_PERSON},
    "measure": {ErrorCode.PROTOCOL_WAIT},
    "enter_manually": {ErrorCode.BLOCKED_VALUE},
    "discard": {ErrorCode.NEEDS_REASON, ErrorCode.NOT_NOW},  # not this visit's, or again
    "confirm": {ErrorCode.NEEDS_REASON, ErrorCode.NEEDS_ACKNOWLEDGEMENT},
}
CONFIRMS = {Action.CONFIRM, Action.CONFIRM_EARLY}

# How often an allowed action is taken, against 1 for the others (so visits get confirmed).
WEIGHTS = {
    "start_visit": 3,
    "measure": 4,
    "enter_manually": 2,
    "discard": 2,
    "confirm": 3,
    "resume": 2,
}
_NOTHING = st.just(None)
# Each operator action: the desk actions that allow it, and what it is given.
OPERATIONS = {
    "call_next": ({Action.CALL_NEXT}, _NOTHING),
    "recall": ({Action.RECALL}, _NOTHING),
    "skip": ({Action.SKIP}, _NOTHING),
    "start_visit": (
        {Action.START_VISIT},
        st.sampled_from(["siti", "budi", "siti", "budi", "short nik", "no name"]),
    ),
    "measure": (
        {Action.MEASURE},
        st.one_of(
            st.tuples(st.just(DeviceRole.BLOOD_PRESSURE), st.sampled_from(sorted(CUFF))),
            st.tuples(st.just(DeviceRole.OXIMETER), st.sampled_from(sorted(OXIMETER))),
        ),
    ),
    "enter_manually": ({Action.ENTER_MANUALLY}, st.sampled_from(sorted(TYPED))),
    "discard": (
        {Action.DISCARD},
        st.tuples(
            st.sampled_from(["last", "first", "last", "another visit's", "unknown"]),
            st.sampled_from(["cuff slipped", "", "cuff slipped", "  "]),
        ),
    ),
    "confirm": (
        CONFIRMS,
        st.tuples(st.sampled_from(["the person had to leave", None, ""]), st.booleans()),
    ),
    "cancel": ({Action.CANCEL}, _NOTHING),
    "resume": ({Action.RESUME}, _NOTHING),
    "cancel_interrupted": ({Action.CANCEL_INTERRUPTED}, _NOTHING),
}


class DeskWalk(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.url = f"sqlite:///{Path(self.folder.name) / 'station.sqlite3'}"
        self.clock = Clock()
        self.runner = asyncio.Runner()
        self.desks = [self.new_desk(i) for i in (0, 1)]
        self.offered: dict[int, str] = {}  # the interrupted visit each desk offered

    def new_desk(self, index):
        return build_desk(self.url, station_id=f"desk-{index + 1}", clock=self.clock)

    def teardown(self) -> None:
        for desk in self.desks:
            desk.close()
        self.runner.close()
        self.folder.cleanup()

    def attempt(self, index, name, needs, call):
        """Run ``call(desk)``; a refusal must fit and change nothing, a success must have
        been allowed."""
        desk = self.desks[index]
        rows, state, sent = snapshot(desk.database), desk.station.state, len(desk.events)
        permitted = bool(needs & allowed(state))
        error = None
        try:
            result = self.runner.run(call(desk))
        except StationError as refused:
            error = refused
        if error is not None:
            assert snapshot(desk.database) == rows, f"refused {name} ({error.code}) changed rows"
            assert desk.station.state == state, f"refused {name} changed the desk"
            assert desk.events[sent:] == [], f"refused {name} sent events"
            codes = CONTENT_CODES.get(name, set()) if permitted else STATE_CODES
            assert error.code in codes, f"{name} refused with {error.code} in {state}"
            return None
        assert permitted, f"{name} succeeded though the table refuses it in {state}"
        return result

    # -- the walk ----------------------------------------------------------------------------

    @rule(data=st.data())
    def step(self, data):
        """Mostly an action the desk allows now (so visits get somewhere), sometimes any
        action at all (to be refused), time passing, or a restart."""
        i = data.draw(st.sampled_from([0, 0, 1]), label="desk")  # desk-1 acts more often
        how = data.draw(st.sampled_from(["allowed"] * 6 + ["any"] * 2 + ["wait", "restart"]))
        if how == "wait":
            self.clock.advance(data.draw(st.sampled_from([30, 60, 300]), label="seconds"))
            return
        if how == "restart":
            self.restart(i)
            return
        can = allowed(self.desks[i].station.state)
        names = [
            name
            for name, (needs, _) in OPERATIONS.items()
            for _ in range(1 if how == "any" else WEIGHTS.get(name, 1))
            if how == "any" or needs & can
        ]
        name = data.draw(st.sampled_from(names), label="action")
        needs, given = OPERATIONS[name]
        argument = data.draw(given, label=name)
        self.attempt(i, name, needs, getattr(self, name)(i, argument))

    def call_next(self, _i, _argument):
        return lambda d: d.station.call_next()

    def recall(self, _i, _argument):
        return lambda d: d.station.recall()

    def skip(self, _i, _argument):
        return lambda d: d.station.skip()

    def start_visit(self, _i, person):
        nik, name = PEOPLE[person]
        return lambda d: d.station.start_visit(nik, name, None)

    def measure(self, i, step):
        role, what = step
        desk = self.desks[i]
        device, script = (
            (desk.cuff, CUFF) if role is DeviceRole.BLOOD_PRESSURE else (desk.oximeter, OXIMETER)
        )

        async def measure(d):
            device.script = [script[what]()]
            try:
                return await d.station.measure(role)
            finally:
                device.script = []

        return measure

    def enter_manually(self, _i, typed):
        measurement = parse_manual(*TYPED[typed])
        return lambda d: d.station.enter_manually(measurement)

    def discard(self, i, argument):
        which, reason = argument
        reading_id = self.reading_for(self.desks[i], which)
        return lambda d: d.station.discard(reading_id, reason)

    def reading_for(self, desk, which):
        visit = desk.station.current_visit
        with desk.database.sessions() as session:
            ids = session.scalars(  # in an order that does not depend on the random ids
                select(ReadingRow.id)
                .join(VisitRow)
                .where(ReadingRow.visit_id != (visit.id if visit else ""))
                .order_by(VisitRow.started_at, VisitRow.station_id, ReadingRow.sequence)
            ).all()
        if which == "another visit's":
            return ids[0] if ids else "no-such-reading"
        if which == "unknown" or visit is None or not visit.readings:
            return "no-such-reading"
        return visit.readings[0 if which == "first" else -1].id

    def confirm(self, _i, argument):
        reason, acknowledged = argument
        ack = Acknowledgement(CriticalAction.REFERRED, "to the doctor") if acknowledged else None
        return lambda d: d.station.confirm(ack, early_reason=reason)

    def cancel(self, _i, _argument):
        return lambda d: d.station.cancel()

    def resume(self, i, _argument):
        visit_id = self.offered.get(i, "no-such-visit")
        return lambda d: d.station.resume(visit_id)

    def cancel_interrupted(self, i, _argument):
        visit_id = self.offered.get(i, "no-such-visit")
        return lambda d: d.station.cancel_interrupted(visit_id)

    def restart(self, i):
        """The desk stops (a crash: nothing is closed first) and starts again."""
        self.desks[i].close()
        desk = self.desks[i] = self.new_desk(i)
        offered = self.runner.run(desk.station.find_interrupted())
        if offered is None:
            self.offered.pop(i, None)
        else:
            self.offered[i] = offered.id
            assert desk.of_type(InterruptedVisit)[-1].visit.id == offered.id

    # -- what must always hold -----------------------------------------------------------------

    @invariant()
    def the_store_is_consistent(self):
        database = self.desks[0].database
        with database.sessions() as session:
            visits = session.scalars(select(VisitRow)).all()
            readings = session.scalars(select(ReadingRow)).all()
            outbox = session.scalars(select(OutboxRow)).all()
            calls = session.scalars(select(QueueCallRow).order_by(QueueCallRow.queue_number)).all()
            counters = session.scalars(select(QueueCounterRow)).all()
        status = {v.id: v.status for v in visits}

        opened = Counter(v.station_id for v in visits if v.status == VisitStatus.OPEN)
        assert all(n == 1 for n in opened.values()), f"open visits per desk: {opened}"

        numbers = [c.queue_number for c in calls]
        assert numbers == list(range(1, len(calls) + 1)), f"queue numbers {numbers}"
        assert [c.last_number for c in counters] == ([len(calls)] if calls else [])
        for call in calls:
            assert call.outcome in {"called", "visit", "skipped"}
            assert (call.closed_at is None) == (call.outcome == "called"), call.queue_number
        waiting = Counter(c.station_id for c in calls if c.outcome == "called")
        assert all(n == 1 for n in waiting.values()), f"numbers waiting per desk: {waiting}"
        served = {c.queue_number: c.station_id for c in calls if c.outcome == "visit"}
        by_number = Counter(v.queue_number for v in visits)
        assert all(n == 1 for n in by_number.values()), f"visits per number: {by_number}"
        assert {v.queue_number: v.station_id for v in visits} == served

        sent = Counter(o.reading_id for o in outbox)
        for reading in readings:
            counts = reading.valid and reading.discarded_reason is None
            wanted = counts and status[reading.visit_id] != VisitStatus.CANCELLED
            assert sent[reading.id] == int(wanted), f"outbox of reading {reading.id}"
            assert (reading.discarded_reason is None) == (reading.discarded_at is None)
            assert reading.discarded_reason != ""

        store = self.desks[0].store
        for visit in visits:
            if visit.status != VisitStatus.CONFIRMED:
                continue
            stored = store.visit(visit.id)
            assert any(r.counts for r in stored.readings), f"{visit.id} confirmed without result"
            complete = summarise(stored).evaluation.next_step.code is StepCode.COMPLETE
            assert (visit.early_confirm_reason is None) == complete, visit.id

        for desk in self.desks:
            self.desk_agrees(desk, visits, calls, readings)

    def desk_agrees(self, desk, visits, calls, readings):
        state = desk.station.state
        changes = desk.of_type(DeskChanged)
        if changes:
            assert changes[-1].state == state
            assert changes[-1].allowed == allowed(state)
        me = desk.station.station_id
        mine_open = [v.id for v in visits if v.station_id == me and v.status == VisitStatus.OPEN]
        waiting = [c.queue_number for c in calls if c.station_id == me and c.outcome == "called"]
        current = desk.station.current_visit
        if state.phase is Phase.IDLE:
            assert (mine_open, waiting, current) == ([], [], None)
        elif state.phase is Phase.CALLED:
            assert (mine_open, waiting, current) == ([], [state.queue_number], None)
        elif state.phase is Phase.INTERRUPTED:
            assert mine_open == [self.offered[self.desks.index(desk)]]
            assert waiting == []
        else:
            assert state.phase is Phase.OPEN  # a measurement never outlives its step here
            assert mine_open == [state.visit_id] == [current.id]
            assert waiting == []
            counting = [
                r for r in readings if r.visit_id == current.id and r.valid and not r.discarded_at
            ]
            assert state.has_result == bool(counting)


# No shrinking: a failing walk (at most 30 steps) is printed as found, within seconds, where
# shrinking it would take minutes (each replay opens databases and commits) and hit the
# suite's 120 s timeout before saying anything.
DeskWalk.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=30,
    deadline=None,
    phases=[hypothesis.Phase.explicit, hypothesis.Phase.reuse, hypothesis.Phase.generate],
)
TestDeskWalk = DeskWalk.TestCase
