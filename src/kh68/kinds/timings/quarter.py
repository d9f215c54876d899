"""quarter: ``Quý II/2026``, ``Quý II năm 2026``, ``Xong trong Quý II/2026``, ``Quý I–II/2026``, ``Quý IV/2025 và Quý I/2026``."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Self

from kh68.kinds.timings.base import Timing, TimingUnparsable, point

_PATTERN = re.compile(r"^(?:trong\s+)?(?P<a>quý\s.+?)(?:\s*(?:và|,)\s*(?P<b>quý\s.+))?$")


class Quarter(Timing):
    kind = "quarter"
    example = "Quý II/2026"
    meaning = "trong quý ghi; hạn là ngày cuối quý (quý II: 30/6)"
    phrasings = (
        "Quý II/2026",
        "Quý II năm 2026",
        "Xong trong Quý II/2026",
        "Quý I - II/2026",
        "Quý IV/2025 và Quý I/2026",
        "Quý II và quý III/2026",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        last = point(match["b"]) if match["b"] else None
        first = point(match["a"]) or (last and _of_year(match["a"], last[1].year))  # "Quý II và quý III/2026"
        last = last or first
        if first is None or last is None or last[1] < first[0]:
            return None
        if match["b"] and first == last:
            raise TimingUnparsable(f"thời gian thực hiện {text!r} ghi một quý hai lần; ghi một lần")
        if match["b"] and last[0] != first[1] + timedelta(days=1):
            # "Quý II và quý IV/2026": two deadlines, of which kh68 keeps one (quý II's would never be late)
            raise TimingUnparsable(
                f"thời gian thực hiện {text!r} là hai quý không liền nhau (hai hạn); kh68 theo một hạn cho mỗi nhiệm vụ: "
                "ghi hai nhiệm vụ, một quý mỗi nhiệm vụ, hoặc dạng cấu trúc {text: '…', due: <hạn cuối>}"
            )
        return cls(text=text, start=first[0], end=last[1])


def _of_year(quarter: str, year: int) -> tuple[date, date] | None:
    """``quý ii`` written without its year, before a quarter that has it: of that year."""
    return point(f"{quarter}/{year}") if re.fullmatch(r"quý\s+[ivx]+", quarter.strip()) else None
