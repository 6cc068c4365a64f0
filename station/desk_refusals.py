"""What the operator is told when the desk's transition table refuses an action
(``station.desk_state.Refused``): a ``StationError`` with a code and a catalogue key
(station/checks/messages.py, ``refusal.*``), chosen by the action and the state it was
refused in."""

from __future__ import annotations

from station.desk_state import Action, Phase, Refused
from station.errors import ErrorCode, StationError

__all__ = ["refusal"]


_REFUSALS: dict[Action, str] = {
    Action.CALL_NEXT: "refusal.number_called",
    Action.RECALL: "refusal.no_number_called",
    Action.SKIP: "refusal.no_number_called",
    Action.START_VISIT: "refusal.call_next_first",
    Action.MEASURE: "refusal.person_first",
    Action.ENTER_MANUALLY: "refusal.person_first",
    Action.DISCARD: "refusal.no_visit",
    Action.CONFIRM: "refusal.no_visit",
    Action.CONFIRM_EARLY: "refusal.no_visit",
    Action.CANCEL: "refusal.no_visit",
    Action.RESUME: "refusal.visit_in_progress",
    Action.CANCEL_INTERRUPTED: "refusal.no_interrupted",
}


def refusal(refused: Refused) -> StationError:
    state, action = refused.state, refused.action
    if action is Action.MEASURE and "measuring already" in refused.why:
        return StationError.of(ErrorCode.DEVICE_BUSY, "refusal.device_busy")
    if action in (Action.CONFIRM, Action.CONFIRM_EARLY) and state.phase is Phase.MEASURING:
        return StationError.of(ErrorCode.NOT_NOW, "refusal.wait_measurement")
    closing = action in (Action.CONFIRM, Action.CONFIRM_EARLY)
    if closing and not state.has_result and state.phase is Phase.OPEN:
        return StationError.of(ErrorCode.NO_VALID_RESULT, "refusal.no_valid_result")
    if action is Action.START_VISIT and state.phase in (Phase.OPEN, Phase.MEASURING):
        return StationError.of(ErrorCode.NOT_NOW, "refusal.visit_in_progress")
    if action is Action.CALL_NEXT and state.phase in (Phase.OPEN, Phase.MEASURING):
        return StationError.of(ErrorCode.NOT_NOW, "refusal.finish_current_visit")
    if action is Action.CALL_NEXT and state.phase is Phase.INTERRUPTED:
        return StationError.of(ErrorCode.NOT_NOW, "refusal.finish_interrupted_visit")
    return StationError.of(ErrorCode.NOT_NOW, _REFUSALS.get(action, "refusal.not_now"))
