"""The desk's transition table (station.desk_state): every (phase, action) pair either leads
where the table says or is refused and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from station.desk_state import (
    TRANSITIONS,
    Action,
    DeskState,
    Phase,
    Refused,
    allowed,
    seconds_until,
    transition,
)

OPEN = DeskState(Phase.OPEN, queue_number=4, visit_id="v", has_result=True)
EXPECTED = [
    # (phase, action, next phase)
    (Phase.IDLE, Action.CALL_NEXT, Phase.CALLED),
    (Phase.IDLE, Action.OFFER_INTERRUPTED, Phase.INTERRUPTED),
    (Phase.CALLED, Action.RECALL, Phase.CALLED),
    (Phase.CALLED, Action.SKIP, Phase.IDLE),
    (Phase.CALLED, Action.START_VISIT, Phase.OPEN),
    (Phase.OPEN, Action.MEASURE, Phase.MEASURING),
    (Phase.OPEN, Action.ENTER_MANUALLY, Phase.OPEN),
    (Phase.OPEN, Action.DISCARD, Phase.OPEN),
    (Phase.OPEN, Action.CONFIRM, Phase.IDLE),
    (Phase.OPEN, Action.CONFIRM_EARLY, Phase.IDLE),
    (Phase.OPEN, Action.CANCEL, Phase.IDLE),
    (Phase.MEASURING, Action.MEASURE, Phase.MEASURING),
    (Phase.MEASURING, Action.MEASURE_DONE, Phase.OPEN),
    (Phase.MEASURING, Action.ENTER_MANUALLY, Phase.MEASURING),
    (Phase.MEASURING, Action.DISCARD, Phase.MEASURING),
    (Phase.MEASURING, Action.CANCEL, Phase.IDLE),
    (Phase.INTERRUPTED, Action.RESUME, Phase.OPEN),
    (Phase.INTERRUPTED, Action.CANCEL_INTERRUPTED, Phase.IDLE),
]


def _state_for(phase: Phase, action: Action) -> DeskState:
    """A state of ``phase`` in which ``action``'s guard holds."""
    state = DeskState(phase, queue_number=4, visit_id="v", has_result=True)
    if phase is Phase.MEASURING:
        state = replace(state, measuring=frozenset({"oximeter"}))
    if action is Action.CONFIRM_EARLY:
        state = replace(state, protocol_complete=False)
    return state


def test_the_table_is_exactly_the_expected_one():
    assert {(p, a): TRANSITIONS[(p, a)][0] for p, a, _ in EXPECTED} == {
        key: target for key, (target, _guard) in TRANSITIONS.items()
    }


@pytest.mark.parametrize(("phase", "action", "target"), EXPECTED)
def test_each_transition_leads_where_the_table_says(phase, action, target):
    role = "blood_pressure" if action is Action.MEASURE else "oximeter"
    after = transition(_state_for(phase, action), action, role)
    assert after.phase is target


@pytest.mark.parametrize("phase", list(Phase))
@pytest.mark.parametrize("action", list(Action))
def test_an_action_not_in_the_table_is_refused_and_changes_nothing(phase, action):
    if (phase, action) in TRANSITIONS:
        return
    state = _state_for(phase, action)
    with pytest.raises(Refused) as info:
        transition(state, action, "oximeter")
    assert info.value.state == state  # frozen: nothing could change
    assert action not in allowed(state)


def test_a_second_call_next_is_refused_so_no_number_is_lost():
    called = replace(transition(DeskState(), Action.CALL_NEXT), queue_number=7)
    with pytest.raises(Refused):
        transition(called, Action.CALL_NEXT)
    assert allowed(called) == {Action.RECALL, Action.SKIP, Action.START_VISIT}
    assert transition(called, Action.RECALL).queue_number == 7


@pytest.mark.parametrize(
    ("has_result", "complete", "measuring", "confirm", "early"),
    [
        (False, True, False, False, False),  # nothing counts yet
        (True, True, False, True, False),  # protocol complete: plain confirm
        (True, False, False, False, True),  # protocol incomplete: confirm needs a reason
        (True, True, True, False, False),  # a device still at work
    ],
)
def test_confirm_guards(has_result, complete, measuring, confirm, early):
    phase = Phase.MEASURING if measuring else Phase.OPEN
    state = DeskState(
        phase,
        visit_id="v",
        has_result=has_result,
        protocol_complete=complete,
        measuring=frozenset({"oximeter"}) if measuring else frozenset(),
    )
    now = allowed(state)
    assert (Action.CONFIRM in now) is confirm
    assert (Action.CONFIRM_EARLY in now) is early


def test_two_devices_measure_at_once_and_the_visit_reopens_when_both_are_done():
    both = transition(
        transition(OPEN, Action.MEASURE, "blood_pressure"), Action.MEASURE, "oximeter"
    )
    assert both.measuring == {"blood_pressure", "oximeter"}
    with pytest.raises(Refused, match="measuring already"):
        transition(both, Action.MEASURE, "oximeter")
    one = transition(both, Action.MEASURE_DONE, "oximeter")
    assert one.phase is Phase.MEASURING
    assert transition(one, Action.MEASURE_DONE, "blood_pressure").phase is Phase.OPEN


def test_closing_a_visit_leaves_nothing_of_it_in_the_state():
    closed = transition(OPEN, Action.CONFIRM)
    assert closed == DeskState()


@pytest.mark.parametrize(
    ("offset_s", "expected"), [(None, 0), (-5, 0), (0, 0), (0.2, 1), (59.01, 60), (60, 60)]
)
def test_countdown_seconds_round_up(offset_s, expected):
    now = datetime(2026, 12, 2, 9, 0, 0)
    moment = None if offset_s is None else now + timedelta(seconds=offset_s)
    assert seconds_until(moment, now) == expected
