"""quarterly_days: ``trước ngày 15/3, 15/6, 15/9 và 15/12``, ``trước ngày 20 các tháng 3, 6, 9, 12``: a day in each
quarter, four reports a year, each due by its quarter's day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Self

from kh68.kinds.periods.base import Deadline, Period, Rhythm, exists, safe_day

_PAIR = r"(?:ngày\s+)?[0-9]{1,2}\s*/\s*[0-9]{1,2}"
_LISTED = re.compile(
    rf"^(?P<how>trước|chậm nhất|hạn|đến)?\s*(?P<days>{_PAIR}(?:\s*(?:,|và|, và)\s*{_PAIR}){{3}})"
    r"(?:\s+(?:hằng|hàng|mỗi) năm)?$"
)
_MONTHS = re.compile(
    r"^(?P<how>trước|chậm nhất|hạn|đến)?\s*ngày\s+(?P<d>[0-9]{1,2})\s+(?:của\s+)?các tháng\s+"
    r"(?P<months>[0-9]{1,2}(?:\s*(?:,|và|, và)\s*[0-9]{1,2}){3})(?:\s+(?:hằng|hàng|mỗi) năm)?$"
)


@dataclass(frozen=True, kw_only=True)
class QuarterlyDays(Deadline):
    kind = "quarterly_days"
    example = "trước ngày 15/3, 15/6, 15/9 và 15/12"
    meaning = "báo cáo quý: mỗi quý hạn ngày ghi cho quý ấy (ngày thứ nhất cho quý I …)"
    phrasings = ("trước ngày 15/3, 15/6, 15/9 và 15/12", "trước ngày 20 các tháng 3, 6, 9, 12")

    days: tuple[tuple[int, int], ...]  # (day, month) of quarters I … IV

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        if listed := _LISTED.match(phrase):
            pairs = re.findall(r"([0-9]{1,2})\s*/\s*([0-9]{1,2})", listed["days"])
            days = tuple((int(d), int(m)) for d, m in pairs)
            how = listed["how"]
        elif named := _MONTHS.match(phrase):
            days = tuple((int(named["d"]), int(m)) for m in re.findall(r"[0-9]{1,2}", named["months"]))
            how = named["how"]
        else:
            return None
        # each day in its own quarter, in order: "15/3, 15/6, 15/9 và 15/12" (never a day of another quarter)
        if not all(1 <= d <= 31 and (m - 1) // 3 == i for i, (d, m) in enumerate(days)):
            return None
        return cls(text=text, rhythm=Rhythm.QUARTERLY, days=days, before=how == "trước")

    def day_exists(self, period: Period) -> bool:
        day, month = self.days[period.index - 1]
        # "trước ngày 29/2": due by the day before, which every year has
        return exists(period.year, month, day) or (self.before and exists(period.year, month, day - 1))

    def named_day(self, period: Period) -> date | None:
        if period.rhythm is not Rhythm.QUARTERLY:
            return None
        day, month = self.days[period.index - 1]
        if self.before and not exists(period.year, month, day):  # "trước ngày 29/2" of 2026: the day after 28/2
            return safe_day(period.year, month, day - 1) + timedelta(days=1)
        return safe_day(period.year, month, day)
