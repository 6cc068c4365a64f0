"""The store as the command line opens it, and the audit entry of a command-line action.

Apart from ``station.wiring`` (devices, the station service, Bluetooth): a headless command
such as ``status`` needs only the database, and starts without importing the rest (issue 14).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from station.os_account import os_actor
from station.store import audit
from station.store.audit_baseline import baseline_unaudited
from station.store.database import Database, open_database
from station.store.repository import Store

if TYPE_CHECKING:
    from config.settings import Settings
    from station.audit import AuditAction

__all__ = ["audit_command", "open_store"]


def open_store(settings: Settings) -> Store:
    """Open the database; records from before the audit trail get their baseline entries
    (``station.store.audit_baseline``; once, on the first open after migration 0006)."""
    database: Database = open_database(settings.database.url or None)
    baseline_unaudited(database, actor=os_actor(), now=datetime.now(UTC))
    return Store(database)


def audit_command(
    store: Store, settings: Settings, action: AuditAction, detail: Mapping[str, Any]
) -> None:
    """Audit a command-line action under the OS account that ran it (issue 12: the command
    line serves whoever holds the database, and says who that was)."""
    audit.record_alone(
        store.database,
        station_id=settings.station.id,
        actor=os_actor(),
        action=action,
        at=datetime.now(UTC),
        detail=detail,
    )
