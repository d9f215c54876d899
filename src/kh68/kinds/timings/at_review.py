"""at_review: ``Khi tiến hành sơ kết, tổng kết Nghị quyết``: at the plan's reviews, not every year.

With no date the work is not expected in any year (nothing is ever late); the
structured form ``{text: …, date: 2027-06-30}`` gives the review's day.
"""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing

_PATTERN = re.compile(
    r"^(?:khi\s+(?:tiến hành\s+)?|vào dịp\s+|trong\s+)?(?:sơ kết|tổng kết|sơ kết, tổng kết|sơ kết và tổng kết)\b"
)


class AtReview(Timing):
    kind = "at_review"
    example = "Khi tiến hành sơ kết, tổng kết"
    meaning = "khi sơ kết, tổng kết (không theo năm); có ngày (date) thì hạn là ngày đó"
    phrasings = ("Khi tiến hành sơ kết, tổng kết Nghị quyết", "Sơ kết, tổng kết")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return cls(text=text, on_event=True) if _PATTERN.match(phrase) else None
