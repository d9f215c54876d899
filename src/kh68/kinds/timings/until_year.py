"""until_year: ``Đến năm 2030``, ``đến hết năm 2026``, ``trước năm 2030``: due by the end of a year."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import YEAR, Timing, year_end

_PATTERN = re.compile(rf"^(?P<how>đến|tới|trước|chậm nhất)\s+(?:hết\s+|cuối\s+)?năm\s+(?P<y>{YEAR})$")


class UntilYear(Timing):
    kind = "until_year"
    example = "Đến năm 2030"
    meaning = "hạn là 31/12 năm ghi ('trước năm 2030': 31/12/2029)"
    phrasings = ("Đến năm 2030", "Đến hết năm 2026", "Trước năm 2030", "Cuối năm 2026")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        year = int(match["y"]) - (1 if match["how"] == "trước" else 0)
        return cls(text=text, end=year_end(year))
