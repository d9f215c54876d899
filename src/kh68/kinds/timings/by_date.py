"""by_date: ``trước ngày 01/01/2030``, ``Chậm nhất ngày 10/12/2025``, ``đến ngày 30/6/2026``: due by a day.

"Chậm nhất", "đến", "hạn" and a day alone ("Ngày 30/6/2026") include the day itself. Whether "trước ngày X" does is
the plan's rule (``plan.yaml`` › ``judging`` › ``before_day_inclusive``; by default
it does not: the work is due by the day before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Self

from kh68.kinds.timings.base import Timing, TimingUnparsable

_PATTERN = re.compile(
    r"^(?:(?P<how>trước|chậm nhất|muộn nhất|đến|hạn|hạn chót|hoàn thành trước)\s+)?(?:ngày\s+)?"
    r"(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})\s*/\s*(?P<y>[0-9]{4})$"
)


@dataclass(frozen=True, kw_only=True)
class ByDate(Timing):
    kind = "by_date"
    example = "trước ngày 01/01/2030"
    meaning = (
        "hạn là ngày ghi ('chậm nhất', 'đến'); 'trước ngày X' theo quy tắc của kế hoạch (mặc định: ngày X là muộn)"
    )
    phrasings = (
        "trước ngày 01/01/2030",
        "Chậm nhất ngày 10/12/2025",
        "đến ngày 30/6/2026",
        "Ngày 30/6/2026",
        "Đến hết tháng 9/2026",
        "Chậm nhất trong quý III/2026",
    )

    day: date | None = None
    before: bool = False  # "trước ngày X": whether X itself is in time is the plan's rule

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            raise TimingUnparsable(f"thời gian thực hiện {text!r} ghi một ngày không có thật") from None
        before = match["how"] in ("trước", "hoàn thành trước")
        end = day - timedelta(days=1) if before else day
        return cls(text=text, day=day, before=before, end=end)

    def with_defaults(self, *, before_day_inclusive: bool = False, **_: Any) -> Timing:
        if self.before and self.day is not None:
            return replace(self, end=self.day if before_day_inclusive else self.day - timedelta(days=1))
        return self
