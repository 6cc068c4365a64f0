"""What the health worker records about a critical result before a visit closes (issue 4),
at confirmation and when a correction makes a result critical."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Acknowledgement", "CriticalAction"]


class CriticalAction(StrEnum):
    """What was done about a critical result (issue 4)."""

    REFERRED = "referred"
    SEEN_BY_DOCTOR = "seen_by_doctor"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    action: CriticalAction
    note: str = ""
