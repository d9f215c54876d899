"""recurring: ``Hằng năm`` / ``Hàng năm``, ``Hằng quý``, ``Hằng tháng``, ``6 tháng một lần``: due at the end of each period."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.periods.base import Rhythm
from kh68.kinds.timings.base import Timing, quarter_number

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
_ENDS = re.compile(
    r"^(?:(?:trong|vào)\s+)?(?P<what>tháng|quý)\s+(?P<list>[0-9ivx]+(?:\s*(?:,|và)\s*(?:tháng\s+|quý\s+)?[0-9ivx]+)+)"
    r"\s+(?:hằng|hàng|mỗi)\s+năm$"
)
""""Tháng 6 và tháng 12 hằng năm", "Quý II và quý IV hằng năm": the last month (quarter) of each half-year or quarter,
which is work done each half-year (quarter); any other months are refused."""
_EVERY_END = {
    ("tháng", (6, 12)): Rhythm.SIX_MONTHLY,
    ("tháng", (3, 6, 9, 12)): Rhythm.QUARTERLY,
    ("quý", (2, 4)): Rhythm.SIX_MONTHLY,
}


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
        "Tháng 6 và tháng 12 hằng năm",
        "Quý II và quý IV hằng năm",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase) or _EVERY.match(phrase) or _PERIODIC.match(phrase)
        if match:
            return cls(text=text, every=_RHYTHMS[match["r"]])
        ends = _ENDS.match(phrase)
        if ends is None:
            return None
        numbers = tuple(quarter_number(n) for n in re.findall(r"\b(?:[0-9]{1,2}|iv|i{1,3})\b", ends["list"]))
        every = _EVERY_END.get((ends["what"], numbers))
        return cls(text=text, every=every) if every is not None else None
