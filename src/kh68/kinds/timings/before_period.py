"""before_period: ``Trước quý III/2026``, ``Hoàn thành trước quý III/2026``, ``trước tháng 7/2026``: done before the
quarter or month begins, due on the day before it (quý III: 30/6)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Self

from kh68.kinds.timings.base import Timing, point

_PATTERN = re.compile(r"^(?:hoàn thành\s+)?trước\s+(?P<p>(?:quý|tháng)\s.+)$")


class BeforePeriod(Timing):
    kind = "before_period"
    example = "Trước quý III/2026"
    meaning = "xong trước khi quý (tháng) ghi bắt đầu; hạn là ngày liền trước ngày đầu quý (quý III: 30/6)"
    phrasings = ("Trước quý III/2026", "Hoàn thành trước quý III/2026", "Trước tháng 7/2026")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        found = point(match["p"]) if match else None
        if found is None:
            return None
        return cls(text=text, end=found[0] - timedelta(days=1))
