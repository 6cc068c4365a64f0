"""How long a person's identity stays on the station (issue 12, ``[station]
keep_days_after_upload``), pure and table-tested.

UU PDP 27/2022 asks that personal data be kept no longer than its purpose needs. Once every
result of a visit is in SATUSEHAT, the national record holds it; the station keeps the
values (for the day's statistics and the audit trail) but, ``keep_days`` after the last
result was sent, no longer who they belonged to: NIK, name and birth date are removed.

Decisions, for the next person:
- A confirmed visit is purgeable only when it has results to send and *every* one of them
  is sent (pending, sending, failed and dead entries, amendments included, hold it back), and
  the last was sent ``keep_days`` ago or more. A confirmed visit without any outbox entry
  (no valid reading) is never purged: nothing says it reached SATUSEHAT.
- A cancelled visit sends nothing; it is purged ``keep_days`` after it started.
- An open visit is never purged (it is someone's visit in progress or to be resumed).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

__all__ = ["PURGE_EVERY", "purge_cutoff", "purge_due", "purgeable"]

# The purge runs after an upload round at most this often (the desk's and ``sync``'s rounds
# come every few seconds; a day's granularity is all ``keep_days`` needs).
PURGE_EVERY = timedelta(hours=24)


def purge_cutoff(now: datetime, keep_days: int) -> datetime:
    """Results sent at or before this moment have been kept long enough."""
    if keep_days < 1:
        raise ValueError("keep_days_after_upload must be at least 1")
    return now - timedelta(days=keep_days)


def purgeable(
    *,
    status: str,
    started_at: datetime,
    outbox_states: Collection[str],
    last_sent_at: datetime | None,
    cutoff: datetime,
) -> bool:
    """Whether a visit's identity may be removed now (see the module's decisions)."""
    if status == "cancelled":
        return started_at <= cutoff
    if status != "confirmed" or not outbox_states:
        return False
    if any(state != "sent" for state in outbox_states):
        return False
    return last_sent_at is not None and last_sent_at <= cutoff


def purge_due(last_run: datetime | None, now: datetime) -> bool:
    """Whether the purge is to run after this round: never run in this process, or a day
    since; a clock set back before the last run also counts (rather than waiting that long)."""
    return last_run is None or now < last_run or now - last_run >= PURGE_EVERY
