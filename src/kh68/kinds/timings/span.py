"""span: ``Giai đoạn 2026-2030``, ``2026 - 2030``, ``xuyên suốt 2025 - 2035``: from 01/01 of the first year to 31/12 of the last."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import YEAR, Timing, year_end, year_start

# "xuyên suốt" (throughout): HCMC 2820, mục III "(xuyên suốt 2025 - 2035)"
_PATTERN = re.compile(rf"^(?:trong\s+|xuyên suốt\s+)?(?:giai đoạn\s+|năm\s+)?(?P<a>{YEAR}) - (?P<b>{YEAR})$")


class Span(Timing):
    kind = "span"
    example = "Giai đoạn 2026-2030"
    meaning = "thực hiện mọi năm của giai đoạn; hạn là 31/12 năm cuối"
    phrasings = ("Giai đoạn 2026-2030", "2026 - 2030", "2026–2027")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None or int(match["b"]) < int(match["a"]):
            return None
        return cls(text=text, start=year_start(int(match["a"])), end=year_end(int(match["b"])))

    def words(self) -> str:
        assert self.start is not None
        assert self.end is not None
        return f"giai đoạn {self.start.year} - {self.end.year}"
