"""Who acts in store-level tests: an OS account, as on the command line (issue 12)."""

from __future__ import annotations

from datetime import UTC, datetime

from station.audit import Actor

TEST_ACTOR = Actor.os_account("tester")
# When a store-level test cancels a visit (the audit entry needs a time).
CANCEL_AT = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
