"""quarterly_day: ``trước ngày 15 của tháng cuối quý``, ``trước ngày 05 của tháng đầu quý sau``, ``ngày 20 hằng quý``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Self

from kh68.kinds.periods.base import Deadline, Period, Rhythm, exists, safe_day

_PATTERN = re.compile(
    r"^(?P<how>trước|chậm nhất|muộn nhất|hạn|đến)?\s*(?:ngày\s+)?(?P<d>[0-9]{1,2})\s+"
    r"(?:(?:của\s+)?tháng (?P<which>cuối quý|đầu quý sau|đầu quý tiếp theo|đầu của quý sau)|(?:hằng|hàng|mỗi) quý)$"
)


@dataclass(frozen=True, kw_only=True)
class QuarterlyDay(Deadline):
    kind = "quarterly_day"
    example = "trước ngày 15 của tháng cuối quý"
    meaning = "báo cáo quý, hạn là ngày ghi của tháng cuối quý ('tháng đầu quý sau': của tháng đầu quý kế tiếp)"
    phrasings = ("trước ngày 15 của tháng cuối quý", "trước ngày 05 của tháng đầu quý sau", "ngày 20 hằng quý")

    day: int
    after: bool = False  # in the first month of the next quarter

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None or not 1 <= int(match["d"]) <= 31:
            return None
        after = bool(match["which"]) and match["which"] != "cuối quý"
        return cls(text=text, rhythm=Rhythm.QUARTERLY, day=int(match["d"]), after=after, before=match["how"] == "trước")

    def _month(self, period: Period) -> tuple[int, int]:
        year, month = period.year, period.index * 3
        return ((year + 1, 1) if month == 12 else (year, month + 1)) if self.after else (year, month)

    def day_exists(self, period: Period) -> bool:
        return exists(*self._month(period), self.day)

    def named_day(self, period: Period) -> date | None:
        if period.rhythm is not Rhythm.QUARTERLY:
            return None
        return safe_day(*self._month(period), self.day)
