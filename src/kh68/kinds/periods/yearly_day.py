"""yearly_day: ``15/12``, ``trước ngày 15/12 hằng năm``, ``trước ngày 15 tháng 10``, ``ngày 25/12 năm 2026, năm 2027``,
``trước ngày 10/12/2026``, ``trước ngày 15/01 năm sau`` (the year's report due in the next year)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Self

from kh68.kinds.periods.base import Deadline, Period, Rhythm, exists, period_of_day, safe_day

_DAY = r"(?P<d>[0-9]{1,2})\s*(?:/|\s+tháng\s+)\s*(?P<m>[0-9]{1,2})"
_PATTERN = re.compile(
    rf"^(?P<how>trước|chậm nhất|muộn nhất|hạn|đến)?\s*(?:ngày\s+)?{_DAY}"
    rf"(?:\s+(?:hằng|hàng|mỗi) năm|\s*(?:/|\s+năm\s+)(?P<years>[0-9]{{4}}(?:\s*(?:,|và)\s*(?:năm\s+)?[0-9]{{4}})*)"
    r"|\s+(?P<next>(?:của\s+)?(?:năm sau|năm tiếp theo|năm liền sau)))?$"
)


@dataclass(frozen=True, kw_only=True)
class YearlyDay(Deadline):
    kind = "yearly_day"
    example = "trước ngày 15/12 hằng năm"
    meaning = "báo cáo năm, hạn là ngày/tháng ghi của mỗi năm (hoặc của các năm ghi)"
    phrasings = (
        "15/12",
        "trước ngày 15/12 hằng năm",
        "trước ngày 15 tháng 10",
        "ngày 25/12 năm 2026, năm 2027",
        "trước ngày 10/12/2026",
        "trước ngày 15/01 năm sau",
        "hạn cuối ngày 15 tháng 12 hàng năm",
        "trước ngày 15/12 hằng năm và đột xuất khi có yêu cầu",
    )

    day: int
    month: int
    years: tuple[int, ...] = ()  # only these years ("ngày 25/12 năm 2026, năm 2027"); empty: every year
    next_year: bool = False  # "trước ngày 15/01 năm sau": the day is in the year after the one reported on

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None or not (1 <= int(match["d"]) <= 31 and 1 <= int(match["m"]) <= 12):
            return None
        years = tuple(int(y) for y in re.findall(r"[0-9]{4}", match["years"] or ""))
        before = match["how"] == "trước"
        return cls(
            text=text,
            rhythm=Rhythm.YEARLY,
            day=int(match["d"]),
            month=int(match["m"]),
            years=years,
            before=before,
            next_year=bool(match["next"]),
        )

    def day_exists(self, period: Period) -> bool:
        years_after = self._after(period)
        return exists(period.year + years_after, self.month, self.day)

    def _after(self, period: Period) -> int:
        """How many years after ``period``'s year the day falls ("năm sau": one, in the year's view as in a period's)."""
        if self.next_year:
            return 1
        return 0 if period.is_year else period_of_day(period.rhythm, self.month)[1]

    def named_day(self, period: Period) -> date | None:
        """The day in ``period``'s year; for a duty reporting half-years or quarters ("6 tháng (trước ngày 16/6)"),
        only the period the day is the deadline of reports: the one it falls in, or, early in a period, the one
        just ended ("trước ngày 05/7": the first half, never the second due on its fifth day)."""
        if self.years and period.year not in self.years:
            return None
        if period.is_year:
            return safe_day(period.year + self._after(period), self.month, self.day)
        index, _ = period_of_day(period.rhythm, self.month)
        return safe_day(period.year + self._after(period), self.month, self.day) if period.index == index else None
