"""window: ``Từ tháng 12/2025 đến quý I/2026``, ``từ ngày 15/12/2024 đến ngày 28/02/2025``, ``Từ năm 2026 đến năm 2030``.

From the first day of one point of time to the last day of another.
"""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing, point

_PATTERN = re.compile(r"^(?:từ\s+)?(?P<a>.+?)\s+(?:đến|tới)\s+(?:hết\s+)?(?P<b>(?:ngày|tháng|quý|năm)\s.+|[0-9].+)$")


class Window(Timing):
    kind = "window"
    example = "Từ tháng 12/2025 đến quý I/2026"
    meaning = "từ ngày đầu của mốc thứ nhất; hạn là ngày cuối của mốc thứ hai"
    phrasings = (
        "Từ tháng 12/2025 đến quý I/2026",
        "Từ ngày 15/12/2024 đến ngày 28/02/2025",
        "Từ năm 2026 đến năm 2030",
        "Từ tháng 3 đến tháng 6/2026",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        first, last = point(match["a"]), point(match["b"])
        if first is None or last is None or last[1] < first[0]:
            return None
        return cls(text=text, start=first[0], end=last[1])
