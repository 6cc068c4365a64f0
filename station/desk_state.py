"""The desk as an explicit state machine: one table of (phase, action) -> next phase.

Everything an operator can do at the desk is an ``Action``. ``transition`` applies one to a
``DeskState`` and returns the next state, or raises ``Refused`` and changes nothing when the
action is not in the table for the current phase, or its guard does not hold (a condition on
the state's data: a result exists, the blood-pressure protocol is complete, a device is not
measuring already). ``allowed`` lists what can be done now; the station sends it with every
change so the window only reads it to enable its buttons and never keeps its own copy of the
workflow (a second "call next" once lost a number that way, issue 11).

Phases::

    idle --call_next--> called --start_visit--> open <--measure/measure_done--> measuring
     ^  <----skip------ called (recall: called again)    open --confirm|cancel--> idle
     |  --offer_interrupted--> interrupted --resume--> open
     +------------------------ interrupted --cancel_interrupted

Pure: no I/O, no clock (times are passed in).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

__all__ = [
    "TRANSITIONS",
    "Action",
    "DeskState",
    "Phase",
    "Refused",
    "allowed",
    "seconds_until",
    "transition",
]


class Phase(StrEnum):
    IDLE = "idle"  # no number called
    CALLED = "called"  # a number is called; the person is being identified
    OPEN = "open"  # a visit is open: measure, enter by hand, discard, confirm, cancel
    MEASURING = "measuring"  # a visit is open and at least one device is measuring
    INTERRUPTED = "interrupted"  # a visit a crash left open waits: resume or cancel


class Action(StrEnum):
    CALL_NEXT = "call_next"
    RECALL = "recall"
    SKIP = "skip"
    START_VISIT = "start_visit"
    MEASURE = "measure"
    MEASURE_DONE = "measure_done"
    ENTER_MANUALLY = "enter_manually"
    DISCARD = "discard"
    CONFIRM = "confirm"
    CONFIRM_EARLY = "confirm_early"  # before the BP protocol is complete: needs a reason
    CANCEL = "cancel"
    OFFER_INTERRUPTED = "offer_interrupted"
    RESUME = "resume"
    CANCEL_INTERRUPTED = "cancel_interrupted"


class Refused(Exception):
    """The action is not possible in this state; nothing was changed."""

    def __init__(self, state: DeskState, action: Action, why: str) -> None:
        super().__init__(f"{action} refused in {state.phase}: {why}")
        self.state = state
        self.action = action
        self.why = why


@dataclass(frozen=True, slots=True)
class DeskState:
    """The desk's workflow state. ``measuring`` holds the device roles at work;
    ``has_result`` says a reading counts; ``protocol_complete`` whether the blood-pressure
    protocol needs no further reading (the station sets it False while no blood pressure was
    taken, so an SpO2-only visit is confirmed early, with a reason); ``bp_not_before`` when
    the next blood-pressure reading is due. OFFER_INTERRUPTED and MEASURE_DONE are the
    station's own actions: they appear in ``allowed`` but no button sends them."""

    phase: Phase = Phase.IDLE
    queue_number: int | None = None
    visit_id: str | None = None
    measuring: frozenset[str] = field(default_factory=frozenset)
    has_result: bool = False
    protocol_complete: bool = True
    bp_not_before: datetime | None = None


_Guard = Callable[[DeskState, str | None], str | None]


def _always(_state: DeskState, _role: str | None) -> str | None:
    return None


def _device_free(state: DeskState, role: str | None) -> str | None:
    if role is None:
        return "which device is not said"
    return "that device is measuring already" if role in state.measuring else None


def _device_busy(state: DeskState, role: str | None) -> str | None:
    return None if role in state.measuring else "that device is not measuring"


def _complete_result(state: DeskState, _role: str | None) -> str | None:
    if state.measuring:
        return "a device is still measuring"
    if not state.has_result:
        return "there is no valid result yet"
    return None if state.protocol_complete else "the blood-pressure protocol is not complete"


def _early_result(state: DeskState, _role: str | None) -> str | None:
    if state.measuring:
        return "a device is still measuring"
    if not state.has_result:
        return "there is no valid result yet"
    return "the protocol is complete: confirm normally" if state.protocol_complete else None


# (phase, action) -> (next phase, guard). Anything not here is refused.
TRANSITIONS: dict[tuple[Phase, Action], tuple[Phase, _Guard]] = {
    (Phase.IDLE, Action.CALL_NEXT): (Phase.CALLED, _always),
    (Phase.IDLE, Action.OFFER_INTERRUPTED): (Phase.INTERRUPTED, _always),
    (Phase.CALLED, Action.RECALL): (Phase.CALLED, _always),
    (Phase.CALLED, Action.SKIP): (Phase.IDLE, _always),
    (Phase.CALLED, Action.START_VISIT): (Phase.OPEN, _always),
    (Phase.OPEN, Action.MEASURE): (Phase.MEASURING, _device_free),
    (Phase.OPEN, Action.ENTER_MANUALLY): (Phase.OPEN, _always),
    (Phase.OPEN, Action.DISCARD): (Phase.OPEN, _always),
    (Phase.OPEN, Action.CONFIRM): (Phase.IDLE, _complete_result),
    (Phase.OPEN, Action.CONFIRM_EARLY): (Phase.IDLE, _early_result),
    (Phase.OPEN, Action.CANCEL): (Phase.IDLE, _always),
    (Phase.MEASURING, Action.MEASURE): (Phase.MEASURING, _device_free),
    (Phase.MEASURING, Action.MEASURE_DONE): (Phase.OPEN, _device_busy),
    (Phase.MEASURING, Action.ENTER_MANUALLY): (Phase.MEASURING, _always),
    (Phase.MEASURING, Action.DISCARD): (Phase.MEASURING, _always),
    # Cancelling while a device works: what it sends later is bound to no one and dropped.
    (Phase.MEASURING, Action.CANCEL): (Phase.IDLE, _always),
    (Phase.INTERRUPTED, Action.RESUME): (Phase.OPEN, _always),
    (Phase.INTERRUPTED, Action.CANCEL_INTERRUPTED): (Phase.IDLE, _always),
}

_VISIT_PHASES = frozenset({Phase.OPEN, Phase.MEASURING})


def transition(state: DeskState, action: Action, role: str | None = None) -> DeskState:
    """The state after ``action`` (``role``: the device role for MEASURE / MEASURE_DONE).

    The returned state keeps the data that still holds; the caller fills in what the
    action produced (queue number, visit id, results) with ``dataclasses.replace``."""
    rule = TRANSITIONS.get((state.phase, action))
    if rule is None:
        raise Refused(state, action, f"not possible while {state.phase}")
    target, guard = rule
    why = guard(state, role)
    if why is not None:
        raise Refused(state, action, why)
    if action is Action.MEASURE:
        assert role is not None
        return replace(state, phase=Phase.MEASURING, measuring=state.measuring | {role})
    if action is Action.MEASURE_DONE:
        still = state.measuring - {role}
        return replace(state, phase=Phase.MEASURING if still else Phase.OPEN, measuring=still)
    if target is Phase.IDLE:
        return DeskState()  # the person's traces go with the visit
    if target is Phase.CALLED and state.phase is Phase.IDLE:
        return DeskState(phase=Phase.CALLED)
    return replace(state, phase=target)


def allowed(state: DeskState) -> frozenset[Action]:
    """The actions possible now (MEASURE when at least one device is free, which the
    station checks per device)."""
    possible: set[Action] = set()
    for (phase, action), (_target, guard) in TRANSITIONS.items():
        if phase is not state.phase:
            continue
        if action in (Action.MEASURE, Action.MEASURE_DONE):
            possible.add(action)
            continue
        if guard(state, None) is None:
            possible.add(action)
    if state.phase not in _VISIT_PHASES:
        possible -= {Action.MEASURE, Action.MEASURE_DONE}
    if not state.measuring:
        possible.discard(Action.MEASURE_DONE)
    return frozenset(possible)


def seconds_until(moment: datetime | None, now: datetime) -> int:
    """Whole seconds left until ``moment`` (rounded up, 0 when past or unknown): the
    countdown the measure button shows."""
    if moment is None:
        return 0
    left = (moment - now).total_seconds()
    return max(int(-(-left // 1)), 0)
