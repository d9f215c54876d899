"""in_year: ``Năm 2026``, ``trong năm 2026``, ``2026``: from 01/01 to 31/12 of that year."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import YEAR, Timing, year_end, year_start

_PATTERN = re.compile(rf"^(?:trong\s+|cả\s+)?(?:năm\s+)?(?P<y>{YEAR})$")


class InYear(Timing):
    kind = "in_year"
    example = "Năm 2026"
    meaning = "trong năm ghi; hạn là 31/12"
    phrasings = ("Năm 2026", "Trong năm 2026", "Cả năm 2026", "2026", "Thường xuyên trong năm 2026")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        year = int(match["y"])
        return cls(text=text, start=year_start(year), end=year_end(year))

    def words(self) -> str:
        assert self.start is not None
        return f"năm {self.start.year}"
