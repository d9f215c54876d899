"""recurring: ``Hằng năm`` / ``Hàng năm``, ``Hằng quý``, ``Hằng tháng``, ``6 tháng một lần``: due at the end of each period."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.periods.base import Rhythm
from kh68.kinds.timings.base import Timing

_RHYTHMS = {
    "năm": Rhythm.YEARLY,
    "quý": Rhythm.QUARTERLY,
    "tháng": Rhythm.MONTHLY,
    "6 tháng": Rhythm.SIX_MONTHLY,
    "sáu tháng": Rhythm.SIX_MONTHLY,
    "3 tháng": Rhythm.QUARTERLY,
    "ba tháng": Rhythm.QUARTERLY,
}
_PATTERN = re.compile(r"^(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?P<r>năm|quý|tháng|6 tháng|sáu tháng|3 tháng|ba tháng)$")
_EVERY = re.compile(r"^(?:định kỳ\s+)?(?P<r>6 tháng|sáu tháng|3 tháng|ba tháng|quý|tháng|năm) một lần$")
_PERIODIC = re.compile(r"^định kỳ\s+(?P<r>6 tháng|sáu tháng|3 tháng|ba tháng|quý|tháng|năm)$")  # "Định kỳ 06 tháng"


class Recurring(Timing):
    kind = "recurring"
    example = "Hằng năm"
    meaning = "làm lại mỗi kỳ (năm, 6 tháng, quý, tháng): không có hạn hoàn thành một lần; tiến độ báo cáo theo từng kỳ báo cáo"
    phrasings = (
        "Hằng năm",
        "Hàng năm",
        "Hằng quý",
        "Hàng tháng",
        "Định kỳ hằng năm",
        "6 tháng một lần",
        "Định kỳ 06 tháng",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase) or _EVERY.match(phrase) or _PERIODIC.match(phrase)
        return cls(text=text, every=_RHYTHMS[match["r"]]) if match else None
