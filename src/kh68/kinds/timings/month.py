"""month: ``tháng 5/2026``, ``Tháng 5 năm 2026``, ``trong tháng 01/2024``: due on the month's last day."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing, point

_PATTERN = re.compile(r"^(?:trong\s+)?(?P<m>tháng\s.+)$")


class Month(Timing):
    kind = "month"
    example = "tháng 5/2026"
    meaning = "trong tháng ghi; hạn là ngày cuối tháng"
    phrasings = ("tháng 5/2026", "Tháng 5 năm 2026", "Trong tháng 01/2024")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        window = point(match["m"]) if match else None
        return cls(text=text, start=window[0], end=window[1]) if window else None
