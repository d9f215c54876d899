"""at_most: ``không quá 5``, ``tối đa 2``, ``không vượt quá 5%``, ``≤ 5``, ``từ 5 trở xuống``: lower is better."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, decimals_written, number
from kh68.kinds.targets.base import Bounded, FieldType, Style, TargetUnparsable, say
from kh68.kinds.verdict import Direction

_PATTERN = re.compile(
    rf"^(?:(?:không quá|không vượt quá|tối đa|không cao hơn|không nhiều hơn|không lớn hơn|≤|<=)\s*"
    rf"(?P<n>{NUMBER})\s*(?P<u>{UNIT})?"
    rf"|(?:từ\s+)?(?P<m>{NUMBER})\s*(?P<v>{UNIT})?\s*trở xuống"
    rf"|(?:(?:nằm\s+)?(?:trong|thuộc|vào)\s+)?(?:nhóm\s+)?(?:top|tốp)\s+(?P<t>{NUMBER})"
    r"(?:\s+(?:cả nước|toàn quốc|của cả nước))?)$"
)
"""… and a place in a ranking: "top 03", "nằm trong top 10 cả nước" (the 3rd place or better)."""


class AtMost(Bounded):
    kind = "at_most"
    example = "không quá 5"
    phrasings = ("không quá 5", "tối đa 2", "không vượt quá 5%", "≤ 5", "từ 5 trở xuống", "top 03", "giảm xuống còn 2%")
    meaning = "giá trị ≤ chỉ tiêu (bằng là Đạt, thấp hơn là Vượt); chỉ tiêu càng thấp càng tốt"
    fields: ClassVar[dict[str, FieldType]] = {"at_most": FieldType.NUMBER}
    side = Direction.LOWER

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        digits, unit = (
            (match["n"], match["u"]) if match["n"] else (match["m"], match["v"]) if match["m"] else (match["t"], None)
        )
        bound = float(number(digits, TargetUnparsable, text))
        return cls(text=text, bound=bound, unit=unit, decimals=decimals_written(digits), place=bool(match["t"]))

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        return cls(text=text, bound=float(fields["at_most"]))

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        bound = say(self.bound, measure, self.decimals)
        return f"≤ {bound}" if style is Style.SHORT else f"không quá {bound}"
