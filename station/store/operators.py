"""Operators in the database (issue 12): added with an argon2id hash of their PIN (via
argon2-cffi; the PIN itself is never stored, printed or logged), listed, disabled, given a
new practitioner NIK or PIN, and checked at sign-in with a lockout after repeated wrong PINs
(``station.operators``). Every change is audited in the same transaction."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station.audit import Actor, AuditAction
from station.checks.messages import Params, ParamValue, check_params, texts
from station.operators import (
    Role,
    locked_until,
    validate_operator,
    validate_practitioner_nik,
    validate_secret,
)
from station.store import audit
from station.store.database import Database
from station.store.models import OperatorRow

__all__ = [
    "DEMO_OPERATOR_NAME",
    "Operator",
    "OperatorStore",
    "OperatorStoreError",
    "SignIn",
]

OPERATOR = "operator"  # the audit's record kind for an operator
DEMO_OPERATOR_NAME = "Demo (simulated, not a person)"
# A made-up practitioner NIK for the demo operator: valid in form (station.person), never sent
# as anyone's (``demo`` runs simulated devices; its Observations name it as the demo).
DEMO_PRACTITIONER_NIK = "3171000000000000"

# argon2-cffi's defaults: argon2id, RFC 9106's second recommended option (t=3, m=64 MiB, p=4).
_HASHER = PasswordHasher()


class OperatorStoreError(Exception):
    """The operation was refused and nothing was changed. The message says why in English
    (the exception's text, ``message_en``) and in Bahasa Indonesia (``message_id``);
    ``field`` names the input it concerns (``name`` or ``role``)."""

    def __init__(
        self,
        message_en: str,
        message_id: str,
        *,
        field: str = "name",
        key: str | None = None,
        params: Params | None = None,
    ) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_id = message_id
        self.field = field
        self.key = key
        self.params = params if params is not None else Params()

    @classmethod
    def of(
        cls, key: str, params: Mapping[str, ParamValue] | None = None, *, field: str = "name"
    ) -> OperatorStoreError:
        """The refusal with its words from the catalogue (``MessageError`` on a bad key)."""
        kept = check_params(key, params or {})
        message_id, message_en = texts(key, kept)
        return cls(message_en, message_id, field=field, key=key, params=kept)


def _no_such_operator(name: str) -> OperatorStoreError:
    return OperatorStoreError.of("operator.no_such_operator", {"name": name})


@dataclass(frozen=True, slots=True)
class Operator:
    id: int
    name: str
    role: Role
    practitioner_nik: str
    disabled: bool
    created_at: datetime
    builtin: bool = False


@dataclass(frozen=True, slots=True)
class SignIn:
    """The outcome of a sign-in: the operator, or why not (``wrong``, ``locked``,
    ``disabled``, ``unknown``) with when to try again when locked."""

    operator: Operator | None
    refusal: str = ""
    retry_at: datetime | None = None


def _people(session: Session) -> int:
    """Operators who are people (not the built-in demo operator), disabled or not."""
    return int(
        session.scalar(
            select(func.count()).select_from(OperatorRow).where(OperatorRow.builtin.is_(False))
        )
        or 0
    )


def _operator(row: OperatorRow) -> Operator:
    return Operator(
        row.id,
        row.name,
        Role(row.role),
        row.practitioner_nik,
        row.disabled,
        row.created_at,
        bool(row.builtin),
    )


def _changeable(session: Session, name: str) -> OperatorRow:
    """The operator named ``name`` (spaces as ``add`` cleans them), locked for the change;
    ``OperatorStoreError`` for no such operator or the built-in demo operator."""
    row = session.scalars(
        select(OperatorRow).where(OperatorRow.name == " ".join(name.split())).with_for_update()
    ).one_or_none()
    if row is None:
        raise _no_such_operator(name)
    if row.builtin:
        raise OperatorStoreError.of("operator.builtin")
    return row


def _changed(
    session: Session,
    row: OperatorRow,
    action: AuditAction,
    *,
    actor: Actor,
    station_id: str,
    now: datetime,
    detail: Mapping[str, Any] | None = None,
) -> Operator:
    """Audit a change just made to ``row`` (in the same transaction) and return it."""
    session.flush()
    audit.append(
        session,
        station_id=station_id,
        actor=actor,
        action=action,
        at=now,
        record_kind=OPERATOR,
        record_id=str(row.id),
        detail=detail,
    )
    return _operator(row)


class OperatorStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def add(
        self,
        name: str,
        role: str,
        practitioner_nik: str,
        secret: str,
        now: datetime,
        *,
        actor: Actor,
        station_id: str,
        only_if_first: bool = False,
    ) -> Operator:
        """Add an operator, audited. The first one must be an admin: someone has to be
        able to add the others, and there is never a default account. ``only_if_first``:
        the desk's first-start setup, refused once any operator exists (two desks set up
        at once on one database: one admin, the other desk is told to sign in)."""
        clean, chosen, nik = validate_operator(name, role, practitioner_nik, secret)
        row = OperatorRow(
            name=clean,
            role=str(chosen),
            practitioner_nik=nik,
            pin_hash=_HASHER.hash(secret),
            disabled=False,
            failed_attempts=0,
            created_at=now,
        )
        try:
            with self._db.sessions.begin() as session:
                audit.serialise(session)  # two first operators added at once: one admin
                if only_if_first and _people(session):
                    raise OperatorStoreError.of("operator.not_first")
                if chosen is not Role.ADMIN and not _people(session):
                    raise OperatorStoreError.of("operator.first_is_admin", field="role")
                session.add(row)
                session.flush()
                audit.append(
                    session,
                    station_id=station_id,
                    actor=actor,
                    action=AuditAction.OPERATOR_ADDED,
                    at=now,
                    record_kind=OPERATOR,
                    record_id=str(row.id),
                    detail={"role": str(chosen)},
                )
                return _operator(row)
        except IntegrityError as exc:
            raise OperatorStoreError.of("operator.name_taken", {"name": clean}) from exc

    def demo_operator(self, now: datetime) -> Operator:
        """The built-in demo operator whom ``demo`` records as (created on first use). It has
        no PIN anyone knows (a random hash input) and is refused at sign-in, so it can never
        be used at a desk; its name says what it is."""
        with self._db.sessions.begin() as session:
            row = session.scalars(
                select(OperatorRow).where(OperatorRow.builtin.is_(True))
            ).one_or_none()
            if row is None:
                row = OperatorRow(
                    name=DEMO_OPERATOR_NAME,
                    role=str(Role.HEALTH_WORKER),
                    practitioner_nik=DEMO_PRACTITIONER_NIK,
                    pin_hash=_HASHER.hash(secrets.token_urlsafe(32)),
                    disabled=False,
                    failed_attempts=0,
                    created_at=now,
                    builtin=True,
                )
                session.add(row)
                session.flush()
            return _operator(row)

    def count(self) -> int:
        """How many operators there are (the built-in demo operator does not count)."""
        with self._db.sessions() as session:
            return _people(session)

    def list(self) -> list[Operator]:
        with self._db.sessions() as session:
            rows = session.scalars(select(OperatorRow).order_by(OperatorRow.name))
            return [_operator(row) for row in rows]

    def disable(self, name: str, *, actor: Actor, station_id: str, now: datetime) -> Operator:
        """Disable an operator (kept for the record), audited."""
        with self._db.sessions.begin() as session:
            row = session.scalars(
                select(OperatorRow).where(
                    OperatorRow.name == " ".join(name.split()), OperatorRow.builtin.is_(False)
                )
            ).one_or_none()
            if row is None:
                raise _no_such_operator(name)
            row.disabled = True
            return _changed(
                session,
                row,
                AuditAction.OPERATOR_DISABLED,
                actor=actor,
                station_id=station_id,
                now=now,
            )

    def set_practitioner_nik(
        self, name: str, practitioner_nik: str, *, actor: Actor, station_id: str, now: datetime
    ) -> Operator:
        """Give an operator another practitioner NIK (checked as ``add`` checks it), audited
        without the NIK. Every upload from now on names the operator by it, also of visits
        recorded before and not sent yet: the uploader reads the NIK at each upload and
        looks IHS numbers up (and caches them) per NIK, so the new one is looked up anew."""
        nik = validate_practitioner_nik(practitioner_nik)
        with self._db.sessions.begin() as session:
            row = _changeable(session, name)
            row.practitioner_nik = nik
            return _changed(
                session,
                row,
                AuditAction.OPERATOR_NIK_CHANGED,
                actor=actor,
                station_id=station_id,
                now=now,
            )

    def set_pin(
        self, name: str, secret: str, *, actor: Actor, station_id: str, now: datetime
    ) -> Operator:
        """Give an operator a new PIN (the rules of ``add``), audited without it; also ends
        a lockout after wrong PINs (the entry says whether there was one)."""
        validate_secret(secret)
        pin_hash = _HASHER.hash(secret)  # slow on purpose: before the transaction's locks
        with self._db.sessions.begin() as session:
            row = _changeable(session, name)
            was_locked = row.locked_until is not None and row.locked_until > now
            row.pin_hash = pin_hash
            row.failed_attempts = 0
            row.locked_until = None
            return _changed(
                session,
                row,
                AuditAction.OPERATOR_PIN_SET,
                actor=actor,
                station_id=station_id,
                now=now,
                detail={"lockout_cleared": was_locked},
            )

    def sign_in(self, name: str, secret: str, now: datetime, *, station_id: str) -> SignIn:
        """Check a PIN, audited either way (``signed_in``, or ``sign_in_failed`` with why):
        counts wrong attempts and locks after too many. The refusal says ``unknown`` or
        ``wrong`` for the audit only; the desk shows one message for both, so a guess tells
        no one which names exist. A name no operator has is audited under the desk, never
        as typed (it may be anyone's name)."""
        with self._db.sessions.begin() as session:
            row = session.scalars(
                select(OperatorRow)
                .where(OperatorRow.name == " ".join(name.split()))
                .with_for_update()
            ).one_or_none()
            outcome = self._check_pin(row, secret, now)
            known = row if row is not None and not row.builtin else None
            audit.append(
                session,
                station_id=station_id,
                actor=Actor(known.id, known.name) if known else Actor.desk(station_id),
                action=AuditAction.SIGNED_IN if outcome.operator else AuditAction.SIGN_IN_FAILED,
                at=now,
                record_kind=OPERATOR if known else None,
                record_id=str(known.id) if known else None,
                detail=None if outcome.operator else {"refusal": outcome.refusal},
            )
            return outcome

    @staticmethod
    def _check_pin(row: OperatorRow | None, secret: str, now: datetime) -> SignIn:
        if row is None or row.builtin:
            return SignIn(None, "unknown")
        if row.disabled:
            return SignIn(None, "disabled")
        if row.locked_until is not None and row.locked_until > now:
            return SignIn(None, "locked", row.locked_until)
        try:
            _HASHER.verify(row.pin_hash, secret)
        except (VerificationError, InvalidHashError):
            row.failed_attempts += 1
            row.locked_until = locked_until(row.failed_attempts, now)
            if row.locked_until is not None:
                row.failed_attempts = 0
                return SignIn(None, "locked", row.locked_until)
            return SignIn(None, "wrong")
        row.failed_attempts = 0
        row.locked_until = None
        if _HASHER.check_needs_rehash(row.pin_hash):
            row.pin_hash = _HASHER.hash(secret)
        return SignIn(_operator(row))
