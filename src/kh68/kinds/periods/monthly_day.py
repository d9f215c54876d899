"""monthly_day: ``trước ngày 20 hằng tháng``, ``ngày 25 hàng tháng``, ``trước ngày 05 của tháng sau``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Self

from kh68.kinds.periods.base import Deadline, Period, Rhythm, exists, safe_day

_PATTERN = re.compile(
    r"^(?P<how>trước|chậm nhất|muộn nhất|hạn|đến)?\s*(?:ngày\s+)?(?P<d>[0-9]{1,2})\s+"
    r"(?:(?:hằng|hàng|mỗi|của mỗi|của) tháng|(?P<next>(?:của\s+)?tháng sau|(?:của\s+)?tháng tiếp theo|(?:của\s+)?tháng kế tiếp))$"
)


@dataclass(frozen=True, kw_only=True)
class MonthlyDay(Deadline):
    kind = "monthly_day"
    example = "trước ngày 20 hằng tháng"
    meaning = "báo cáo tháng, hạn là ngày ghi của tháng báo cáo ('của tháng sau': của tháng kế tiếp)"
    phrasings = ("trước ngày 20 hằng tháng", "ngày 25 hàng tháng", "trước ngày 05 của tháng sau")

    day: int
    next_month: bool = False

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None or not 1 <= int(match["d"]) <= 31:
            return None
        return cls(
            text=text,
            rhythm=Rhythm.MONTHLY,
            day=int(match["d"]),
            next_month=bool(match["next"]),
            before=match["how"] == "trước",
        )

    def day_exists(self, period: Period) -> bool:
        named = self._month(period)
        return exists(*named, self.day)

    def _month(self, period: Period) -> tuple[int, int]:
        year, month = period.year, period.index
        return ((year + 1, 1) if month == 12 else (year, month + 1)) if self.next_month else (year, month)

    def named_day(self, period: Period) -> date | None:
        if period.rhythm is not Rhythm.MONTHLY:
            return None
        return safe_day(*self._month(period), self.day)
