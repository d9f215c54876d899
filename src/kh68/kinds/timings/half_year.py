"""half_year: ``6 tháng đầu năm 2026``, ``sáu tháng cuối năm 2026``: from 01/01 to 30/6, or from 01/7 to 31/12."""

from __future__ import annotations

import re
from datetime import date
from typing import Self

from kh68.kinds.timings.base import YEAR, Timing

_PATTERN = re.compile(rf"^(?:trong\s+)?(?:6|sáu) tháng (?P<half>đầu|cuối) năm\s+(?P<y>{YEAR})$")


class HalfYear(Timing):
    kind = "half_year"
    example = "6 tháng đầu năm 2026"
    meaning = "hạn 30/6 (6 tháng đầu năm) hoặc 31/12 (6 tháng cuối năm)"
    phrasings = ("6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "Trong 6 tháng đầu năm 2026", "06 tháng đầu năm 2026")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        year = int(match["y"])
        if match["half"] == "đầu":
            return cls(text=text, start=date(year, 1, 1), end=date(year, 6, 30))
        return cls(text=text, start=date(year, 7, 1), end=date(year, 12, 31))
