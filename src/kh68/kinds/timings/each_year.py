"""each_year: ``Quý IV hằng năm``, ``Tháng 12 hằng năm``, ``Trước ngày 15/12 hằng năm``, ``Hằng năm, trước ngày
15/12``: work done again every year, due in each year by the quarter's or month's last day, or by the day named.

"Trước ngày X" follows the plan's rule as a one-off deadline does (``judging`` › ``before_day_inclusive``).
A day only some years have (29/02) is refused: the plan gives its deadline another way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Self

from kh68.kinds.periods.base import Rhythm, exists
from kh68.kinds.timings.base import MONTH, QUARTER, Timing, TimingUnparsable, month_end, quarter_number

_EVERY_YEAR = r"(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm"
_POINT = (
    rf"(?:(?:trong|vào)\s+)?(?:quý\s+(?P<q>{QUARTER})|tháng\s+(?P<m>{MONTH}))"
    rf"|(?P<how>trước|chậm nhất|muộn nhất|đến|hạn|hoàn thành trước)?\s*(?:ngày\s+)?"
    r"(?P<d>[0-9]{1,2})\s*/\s*(?P<dm>[0-9]{1,2})"
)
_PATTERNS = (
    re.compile(rf"^(?:{_POINT})\s+{_EVERY_YEAR}$"),  # "quý iv hằng năm", "trước ngày 15/12 hằng năm"
    re.compile(rf"^{_EVERY_YEAR}\s*(?:,|:|-)?\s*(?:{_POINT})$"),  # "hằng năm, trước ngày 15/12"
)
_BEFORE = ("trước", "hoàn thành trước")
_ANY_YEAR = 2023  # a year that is not a leap year: a day it has, every year has
_LEAP_YEAR = 2024


@dataclass(frozen=True, kw_only=True)
class EachYear(Timing):
    kind = "each_year"
    example = "Quý IV hằng năm"
    meaning = (
        "làm lại mỗi năm; hạn trong từng năm là ngày cuối quý (tháng) ghi, hoặc ngày ghi "
        "('trước ngày X' theo quy tắc của kế hoạch)"
    )
    phrasings = ("Quý IV hằng năm", "Tháng 12 hằng năm", "Trước ngày 15/12 hằng năm", "Hằng năm, trước ngày 15/12")

    month: int = 12
    day: int | None = None  # None: the month's last day
    before: bool = False  # "trước ngày X": whether X itself is in time is the plan's rule
    inclusive: bool = False  # the plan's rule, once settled

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = next((m for pattern in _PATTERNS if (m := pattern.match(phrase))), None)
        if match is None:
            return None
        if match["q"]:
            return cls(text=text, every=Rhythm.YEARLY, month=3 * quarter_number(match["q"]))
        if match["m"]:
            return cls(text=text, every=Rhythm.YEARLY, month=int(match["m"]))
        day, month = int(match["d"]), int(match["dm"])
        if not _real(_ANY_YEAR, month, day):
            said = "chỉ năm nhuận có" if _real(_LEAP_YEAR, month, day) else "không có thật"
            raise TimingUnparsable(
                f"thời gian thực hiện {text!r} ghi ngày {day:02d}/{month:02d}, {said}: ghi một ngày năm nào cũng có"
            )
        return cls(text=text, every=Rhythm.YEARLY, month=month, day=day, before=match["how"] in _BEFORE)

    def with_defaults(self, *, before_day_inclusive: bool = False, **_: Any) -> Timing:
        return replace(self, inclusive=before_day_inclusive)

    def due_in(self, year: int) -> date | None:
        """The day of ``year`` by which that year's round is due (none after the window's last day)."""
        if self.day is None:
            due = month_end(year, self.month)
        else:
            named = date(year, self.month, self.day)
            due = named - timedelta(days=1) if self.before and not self.inclusive else named
        if (self.start is not None and due < self.start) or (self.end is not None and due > self.end):
            return None
        return due


def _real(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and day >= 1 and exists(year, month, day)
