"""What the operator is told when the desk's transition table refuses an action
(``station.desk_state.Refused``): a ``StationError`` with a code and the words in both
languages, chosen by the action and the state it was refused in."""

from __future__ import annotations

from station.desk_state import Action, Phase, Refused
from station.errors import ErrorCode, StationError

__all__ = ["refusal"]


_REFUSALS: dict[Action, tuple[str, str]] = {
    Action.CALL_NEXT: (
        "Nomor sudah dipanggil: panggil ulang, lewati, atau selesaikan kunjungan dahulu.",
        "A number is called already: recall it, skip it, or finish the visit first.",
    ),
    Action.RECALL: ("Belum ada nomor yang dipanggil.", "No number is called."),
    Action.SKIP: ("Belum ada nomor yang dipanggil.", "No number is called."),
    Action.START_VISIT: (
        "Panggil nomor antrean berikutnya dahulu.",
        "Call the next queue number first.",
    ),
    Action.MEASURE: ("Isi data orang yang diperiksa dahulu.", "Enter the person's details first."),
    Action.ENTER_MANUALLY: (
        "Isi data orang yang diperiksa dahulu.",
        "Enter the person's details first.",
    ),
    Action.DISCARD: ("Tidak ada kunjungan yang berjalan.", "No visit is in progress."),
    Action.CONFIRM: ("Tidak ada kunjungan yang berjalan.", "No visit is in progress."),
    Action.CONFIRM_EARLY: ("Tidak ada kunjungan yang berjalan.", "No visit is in progress."),
    Action.CANCEL: ("Tidak ada kunjungan yang berjalan.", "No visit is in progress."),
    Action.RESUME: ("Sudah ada kunjungan yang berjalan.", "A visit is already in progress."),
    Action.CANCEL_INTERRUPTED: (
        "Tidak ada kunjungan terputus.",
        "There is no interrupted visit.",
    ),
}


def refusal(refused: Refused) -> StationError:
    state, action = refused.state, refused.action
    if action is Action.MEASURE and "measuring already" in refused.why:
        return StationError(
            ErrorCode.DEVICE_BUSY, "Alat sedang mengukur.", "The device is already measuring."
        )
    if action in (Action.CONFIRM, Action.CONFIRM_EARLY) and state.phase is Phase.MEASURING:
        return StationError(
            ErrorCode.NOT_NOW,
            "Tunggu sampai pengukuran selesai.",
            "Wait until the measurement has finished.",
        )
    closing = action in (Action.CONFIRM, Action.CONFIRM_EARLY)
    if closing and not state.has_result and state.phase is Phase.OPEN:
        return StationError(
            ErrorCode.NO_VALID_RESULT,
            "Belum ada hasil yang sah untuk dikonfirmasi. Ukur dahulu.",
            "There is no valid result to confirm yet. Measure first.",
        )
    if action is Action.START_VISIT and state.phase in (Phase.OPEN, Phase.MEASURING):
        return StationError(
            ErrorCode.NOT_NOW,
            "Sudah ada kunjungan yang berjalan.",
            "A visit is already in progress.",
        )
    if action is Action.CALL_NEXT and state.phase in (Phase.OPEN, Phase.MEASURING):
        return StationError(
            ErrorCode.NOT_NOW,
            "Selesaikan atau batalkan kunjungan yang sedang berjalan dahulu.",
            "Confirm or cancel the current visit first.",
        )
    if action is Action.CALL_NEXT and state.phase is Phase.INTERRUPTED:
        return StationError(
            ErrorCode.NOT_NOW,
            "Lanjutkan atau batalkan kunjungan yang terputus dahulu.",
            "Resume or cancel the interrupted visit first.",
        )
    message_id, message_en = _REFUSALS.get(
        action, ("Tindakan ini tidak dapat dilakukan sekarang.", "This cannot be done now.")
    )
    return StationError(ErrorCode.NOT_NOW, message_id, message_en)
