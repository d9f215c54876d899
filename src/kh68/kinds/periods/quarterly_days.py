"""quarterly_days: ``trước ngày 15/3, 15/6, 15/9 và 15/12``, ``trước ngày 20 các tháng 3, 6, 9, 12``: a day in each
quarter, four reports a year, each due by its quarter's day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Self

from kh68.kinds.periods.base import ListedDays, Rhythm

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
class QuarterlyDays(ListedDays):
    kind = "quarterly_days"
    example = "trước ngày 15/3, 15/6, 15/9 và 15/12"
    meaning = (
        "báo cáo quý: mỗi quý hạn ngày rơi vào tháng cuối quý hoặc sau khi quý kết thúc (15/1, 15/4, 15/7 và 15/10: "
        "quý IV hạn 15/1 năm sau)"
    )
    phrasings = ("trước ngày 15/3, 15/6, 15/9 và 15/12", "trước ngày 20 các tháng 3, 6, 9, 12")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        if listed := _LISTED.match(phrase):
            pairs = re.findall(r"([0-9]{1,2})\s*/\s*([0-9]{1,2})", listed["days"])
            return cls.listed(text, Rhythm.QUARTERLY, [(int(d), int(m)) for d, m in pairs], listed["how"])
        if named := _MONTHS.match(phrase):
            months = re.findall(r"[0-9]{1,2}", named["months"])
            return cls.listed(text, Rhythm.QUARTERLY, [(int(named["d"]), int(m)) for m in months], named["how"])
        return None
