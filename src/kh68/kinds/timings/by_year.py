"""by_year: ``Đến năm 2025 và các năm tiếp theo``: done by the end of that year, and kept up after it."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import YEAR, Timing, year_end

_PATTERN = re.compile(rf"^(?:đến|tới)\s+(?:hết\s+)?năm\s+(?P<y>{YEAR})\s*(?:,\s*)?(?:và|đến) các năm tiếp theo$")


class ByYear(Timing):
    kind = "by_year"
    example = "Đến năm 2025 và các năm tiếp theo"
    meaning = "hoàn thành trước hết năm ghi, rồi duy trì các năm sau"
    phrasings = ("Đến năm 2025 và các năm tiếp theo",)

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        return cls(text=text, end=year_end(int(match["y"]))) if match else None

    @property
    def keeps_on(self) -> bool:
        return True
