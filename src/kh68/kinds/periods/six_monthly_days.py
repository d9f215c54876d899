"""six_monthly_days: ``trước ngày 15/6 và 15/12``, ``ngày 20/6 và ngày 20/12 hằng năm``: two reports a year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Self

from kh68.kinds.periods.base import Deadline, Period, Rhythm, exists, safe_day

_DAY = r"(?:ngày\s+)?(?P<d{n}>[0-9]{{1,2}})\s*/\s*(?P<m{n}>[0-9]{{1,2}})"
_PATTERN = re.compile(
    rf"^(?P<how>trước|chậm nhất|hạn|đến)?\s*{_DAY.format(n=1)}\s*(?:và|,)\s*{_DAY.format(n=2)}(?:\s+(?:hằng|hàng|mỗi) năm)?$"
)


@dataclass(frozen=True, kw_only=True)
class SixMonthlyDays(Deadline):
    kind = "six_monthly_days"
    example = "trước ngày 15/6 và 15/12"
    meaning = "báo cáo 6 tháng: 6 tháng đầu năm hạn ngày thứ nhất, 6 tháng cuối năm hạn ngày thứ hai"
    phrasings = ("trước ngày 15/6 và 15/12", "ngày 20/6 và ngày 20/12 hằng năm")

    first: tuple[int, int]
    second: tuple[int, int]

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        first, second = (int(match["d1"]), int(match["m1"])), (int(match["d2"]), int(match["m2"]))
        if not all(1 <= d <= 31 and 1 <= m <= 12 for d, m in (first, second)) or first[1] > second[1]:
            return None
        return cls(text=text, rhythm=Rhythm.SIX_MONTHLY, first=first, second=second, before=match["how"] == "trước")

    def day_exists(self, period: Period) -> bool:
        day, month = self.first if period.index == 1 else self.second
        return exists(period.year, month, day)

    def named_day(self, period: Period) -> date | None:
        if period.rhythm is not Rhythm.SIX_MONTHLY:
            return None
        day, month = self.first if period.index == 1 else self.second
        return safe_day(period.year, month, day)
