"""at_review: ``Khi tiến hành sơ kết, tổng kết Nghị quyết``: at the plan's reviews, not every year.

With no date the work is not expected in any year (nothing is ever late); the
structured form ``{text: …, date: 2027-06-30}`` gives the review's day, and so do the words when they name the time
("Tổng kết vào tháng 4 năm 2026": due 30/4/2026; a real plan's month was dropped, the work never late).
"""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing, point

_PATTERN = re.compile(
    r"^(?:khi\s+(?:tiến hành\s+)?|vào dịp\s+|trong\s+)?(?:sơ kết|tổng kết|sơ kết, tổng kết|sơ kết và tổng kết)\b"
)


class AtReview(Timing):
    kind = "at_review"
    example = "Khi tiến hành sơ kết, tổng kết"
    meaning = (
        "khi sơ kết, tổng kết (không theo năm); có ngày (date), hay lời ghi lúc tiến hành ('vào tháng 4 năm 2026'), "
        "thì hạn là ngày cuối của lúc đó"
    )
    phrasings = ("Khi tiến hành sơ kết, tổng kết Nghị quyết", "Sơ kết, tổng kết", "Tổng kết vào tháng 4 năm 2026")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        found = _PATTERN.match(phrase)
        if found is None:
            return None
        rest = phrase[found.end() :].strip(" ,")
        # a time said as one ("vào tháng 4 năm 2026", "trong quý II/2026"); "Tổng kết năm 2025", "Sơ kết quý
        # II/2026" is the review of that time, held after it: no day
        said = re.match(r"^(?:vào|trong)\s+", rest)
        when = point(rest[said.end() :]) if said else None
        if when is not None:
            return cls(text=text, start=when[0], end=when[1])
        return cls(text=text, on_event=True)
