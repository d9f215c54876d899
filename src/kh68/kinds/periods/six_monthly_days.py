"""six_monthly_days: ``trước ngày 15/6 và 15/12``, ``ngày 20/6 và ngày 20/12 hằng năm``: two reports a year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Self

from kh68.kinds.periods.base import ListedDays, Rhythm

_DAY = r"(?:ngày\s+)?(?P<d{n}>[0-9]{{1,2}})\s*/\s*(?P<m{n}>[0-9]{{1,2}})"
_PATTERN = re.compile(
    rf"^(?P<how>trước|chậm nhất|hạn|đến)?\s*{_DAY.format(n=1)}\s*(?:và|,)\s*{_DAY.format(n=2)}(?:\s+(?:hằng|hàng|mỗi) năm)?$"
)


@dataclass(frozen=True, kw_only=True)
class SixMonthlyDays(ListedDays):
    kind = "six_monthly_days"
    example = "trước ngày 15/6 và 15/12"
    meaning = (
        "báo cáo 6 tháng: mỗi kỳ hạn ngày rơi vào tháng cuối kỳ hoặc sau khi kỳ kết thúc (05/7 và 05/01: 6 tháng "
        "cuối năm hạn 05/01 năm sau)"
    )
    phrasings = (
        "trước ngày 15/6 và 15/12",
        "ngày 20/6 và ngày 20/12 hằng năm",
        "trước ngày 15/6 và trước ngày 15/12 hằng năm",
        "Định kỳ 6 tháng (gửi trước ngày 15/6) và hằng năm (gửi trước ngày 15/11)",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        pairs = [(int(match["d1"]), int(match["m1"])), (int(match["d2"]), int(match["m2"]))]
        return cls.listed(text, Rhythm.SIX_MONTHLY, pairs, match["how"])
