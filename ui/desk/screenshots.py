"""Screenshots of the day's view and the follow-up view with a made-up clinic morning:
``python -m ui.desk.screenshots OUT_FOLDER [id|en]`` saves ``day.png`` and ``followups.png`` at
1280x720 (fits a 1366x768 screen with the taskbar and window frame).

The people are invented; the views get plain data, as the desk gives them after loading.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtWidgets import QApplication

from station.checks.rulesets import Referral
from station.day import DayVisit, UploadState, summarise_day
from station.followup import FollowUp
from station.store.models import VisitStatus
from ui.desk.day import DayView
from ui.desk.followups import FollowupsView
from ui.texts import Language

SIZE = (1280, 720)
WIB = timezone(timedelta(hours=7))
DAY = date(2026, 11, 23)
_GIVEN = ("Siti", "Budi", "Dewi", "Agus", "Rina", "Wayan", "Putri", "Joko", "Ani", "Made")
_FAMILY = ("Rahayu", "Santoso", "Lestari", "Wijaya", "Hasanah", "Saputra", "Kurniawan")


def _nik(rng: random.Random, born: date) -> str:
    return f"3174{rng.randint(1, 99):02d}{born.day:02d}{born.month:02d}{born.year % 100:02d}" + (
        f"{rng.randint(1, 9999):04d}"
    )


def sample_day(rng: random.Random) -> list[DayVisit]:
    visits = []
    start = datetime(DAY.year, DAY.month, DAY.day, 7, 50, tzinfo=WIB)
    referrals = [Referral.NONE] * 12 + [Referral.FOLLOW_UP] * 5 + [Referral.SAME_DAY] * 2
    referrals.append(Referral.URGENT)
    sent: UploadState = "sent"
    waiting: UploadState = "waiting"
    uploads: list[UploadState] = [sent] * 14 + [waiting] * 5 + ["dead"]
    for number in range(1, 25):
        start += timedelta(minutes=rng.randint(6, 18))
        born = date(rng.randint(1948, 2021), rng.randint(1, 12), rng.randint(1, 28))
        status = VisitStatus.CONFIRMED
        if number in {7, 16}:
            status = VisitStatus.CANCELLED
        elif number == 24:
            status = VisitStatus.OPEN
        confirmed = status == VisitStatus.CONFIRMED
        visits.append(
            DayVisit(
                visit_id=f"visit-{number}",
                queue_number=number,
                station_id="meja-1" if number % 3 else "meja-2",
                started_at=start,
                status=status,
                nik=_nik(rng, born),
                name=f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
                birth_date=born,
                referral=rng.choice(referrals) if confirmed else None,
                upload=rng.choice(uploads) if confirmed else "none" if number != 24 else "waiting",
                manual_readings=1 if number in {4, 11} else 0,
            )
        )
    return visits


def sample_followups(rng: random.Random) -> list[FollowUp]:
    items = []
    for index, (days_ago, referral, returned) in enumerate(
        (
            (45, Referral.FOLLOW_UP, False),
            (33, Referral.FOLLOW_UP, True),
            (31, Referral.FOLLOW_UP, False),
            (30, Referral.FOLLOW_UP, False),
            (12, Referral.URGENT, True),
            (6, Referral.SAME_DAY, False),
            (2, Referral.FOLLOW_UP, False),
            (1, Referral.URGENT, False),
            (0, Referral.FOLLOW_UP, False),
        ),
        start=1,
    ):
        day = DAY - timedelta(days=days_ago)
        born = date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28))
        due = day + timedelta(days=30) if referral is Referral.FOLLOW_UP else day
        items.append(
            FollowUp(
                visit_id=f"referred-{index}",
                queue_number=rng.randint(1, 30),
                day=day,
                nik=_nik(rng, born),
                name=f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
                referral=referral,
                due=due,
                returned=returned,
            )
        )
    return items


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else ".")
    lang: Language = "en" if argv[2:] == ["en"] else "id"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    rng = random.Random(23)  # noqa: S311 - invented people
    visits = sample_day(rng)
    day_view = DayView(lang, tz=WIB)
    day_view.resize(*SIZE)
    day_view.show_data(visits, summarise_day(DAY, visits, skipped=3, tz=WIB))
    day_view.show()
    followups_view = FollowupsView(lang)
    followups_view.resize(*SIZE)
    followups_view.show_data(sample_followups(rng), DAY)
    followups_view.show()
    app.processEvents()
    day_view.grab().save(str(out / "day.png"))
    followups_view.grab().save(str(out / "followups.png"))
    day_view.close()
    followups_view.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv))
