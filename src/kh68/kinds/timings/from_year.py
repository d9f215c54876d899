"""from_year: ``Năm 2024 và các năm tiếp theo``, ``Từ năm 2026``, ``Quý IV năm 2024 và các năm tiếp theo``.

Under way every year from the point it names, with no deadline.
"""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing, point

_PATTERN = re.compile(r"^(?:từ\s+)?(?P<point>.+?)(?:,?\s*(?:và|đến) các năm tiếp theo|\s+trở đi)$")
_FROM = re.compile(r"^từ\s+(?P<point>(?:năm|quý|tháng|ngày)\s.+)$")


class FromYear(Timing):
    kind = "from_year"
    example = "Năm 2024 và các năm tiếp theo"
    meaning = "thực hiện mọi năm từ thời điểm ghi, không có hạn hoàn thành"
    phrasings = (
        "Năm 2024 và các năm tiếp theo",
        "Từ năm 2026",
        "Quý IV năm 2024 và các năm tiếp theo",
        "Từ năm 2026 trở đi",
        "Từ ngày 01/3/2026",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase) or _FROM.match(phrase)
        if match is None or match["point"].startswith("đến"):
            return None
        window = point(match["point"].split(",")[0])
        return cls(text=text, start=window[0]) if window else None
