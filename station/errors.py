"""Errors between the station and the screens: a code and the field concerned, not a sentence
to be matched (the window once routed errors by looking for "NIK" in the text, issue 11).

The messages in both languages travel with the code so the command line and logs can show
them; the desk decides where an error goes (beside a field, in the status line) by ``code``
and ``field`` only.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from station.checks.messages import Params, ParamValue, check_params, texts

__all__ = ["ErrorCode", "StationError"]


class ErrorCode(StrEnum):
    NOT_NOW = "not_now"  # the desk's state does not allow the action (desk_state.Refused)
    INVALID_PERSON = "invalid_person"  # NIK, name or birth date wrong: ``field`` says which
    INVALID_VALUE = "invalid_value"  # a typed value cannot be a measurement: ``field``
    BLOCKED_VALUE = "blocked_value"  # a typed value the checks block (impossible)
    NO_DEVICE = "no_device"
    DEVICE_BUSY = "device_busy"
    PROTOCOL_WAIT = "protocol_wait"  # the blood-pressure protocol's minute has not passed
    NO_VALID_RESULT = "no_valid_result"
    NEEDS_ACKNOWLEDGEMENT = "needs_acknowledgement"  # a critical result: what was done
    NEEDS_REASON = "needs_reason"  # early confirm, discard, correction, skip reason
    VISIT_CLOSED = "visit_closed"
    VISIT_UNREADABLE = "visit_unreadable"
    NOT_CORRECTABLE = "not_correctable"
    STORE_FAILED = "store_failed"
    NOT_SIGNED_IN = "not_signed_in"  # the desk is locked: an operator must sign in first
    NOT_PERMITTED = "not_permitted"  # the signed-in operator's role does not allow it
    SIGN_IN_REFUSED = "sign_in_refused"  # wrong name or PIN, locked out, or disabled
    INVALID_OPERATOR = "invalid_operator"  # the first admin's details: ``field`` says which


class StationError(Exception):
    """An operator action is not possible now. ``code`` says why, ``field`` which input it
    concerns (``nik``, ``name``, ``birth_date``, ``reason``, a value's name) or None.
    ``key`` and ``params``: the message as a catalogue key (station/checks/messages.py), for
    the screens to render in their language; None for words only (an error built from
    words, as a test does)."""

    def __init__(
        self,
        code: ErrorCode,
        message_id: str,
        message_en: str,
        *,
        field: str | None = None,
        key: str | None = None,
        params: Params | None = None,
    ) -> None:
        super().__init__(message_en)
        self.code = code
        self.field = field
        self.message_id = message_id
        self.message_en = message_en
        self.key = key
        self.params = params if params is not None else Params()

    @classmethod
    def of(
        cls,
        code: ErrorCode,
        key: str,
        params: Mapping[str, ParamValue] | None = None,
        *,
        field: str | None = None,
    ) -> StationError:
        """An error whose words come from the catalogue (``MessageError`` on a bad key)."""
        kept = check_params(key, params or {})
        message_id, message_en = texts(key, kept)
        return cls(code, message_id, message_en, field=field, key=key, params=kept)

    @classmethod
    def wrapping(
        cls, code: ErrorCode, error: Exception, *, field: str | None = None
    ) -> StationError:
        """An error of the station's own (a ``PersonError``, ``CorrectionRefused``,
        ``OperatorError``...) as the desk is told it: its words, and its key and parameters
        when it has them, so the screens still render it in their language."""
        message_id = str(getattr(error, "message_id", error))
        message_en = str(getattr(error, "message_en", error))
        key = getattr(error, "key", None)
        params = getattr(error, "params", None)
        return cls(
            code,
            message_id,
            message_en,
            field=field,
            key=key if isinstance(key, str) else None,
            params=params if isinstance(params, Params) else None,
        )
