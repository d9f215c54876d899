"""ongoing: ``Thường xuyên`` (``thường xuyên, liên tục``, ``cả năm``): under way every year, no deadline."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing

_PATTERN = re.compile(
    r"^(?:thường xuyên|liên tục|thường xuyên, liên tục|thường xuyên và liên tục|cả năm|quanh năm"
    r"|thường xuyên,? (?:hằng|hàng) năm|(?:hằng|hàng) năm,? thường xuyên"  # "Thường xuyên, hằng năm": going on
    r"|thường xuyên,? (?:và )?định kỳ|định kỳ,? (?:và )?thường xuyên"  # "Thường xuyên, định kỳ": going on
    r"|thường xuyên,? (?:và )?(?:theo yêu cầu|khi có yêu cầu)(?: (?:của )?nhiệm vụ)?)$"  # and when asked too
)


class Ongoing(Timing):
    kind = "ongoing"
    example = "Thường xuyên"
    meaning = "thực hiện mọi năm, không có hạn hoàn thành"
    phrasings = (
        "Thường xuyên",
        "Thường xuyên, liên tục",
        "Thực hiện thường xuyên",
        "Cả năm",
        "Quanh năm",
        "Thường xuyên, định kỳ",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return cls(text=text) if _PATTERN.match(phrase) else None
