"""less_than: ``dưới 5``, ``< 5``, ``ít hơn 5``, ``thấp hơn 2%``, ``khoảng dưới 5``: lower is better."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, decimals_written, number
from kh68.kinds.targets.base import Bounded, FieldType, Style, TargetUnparsable, say
from kh68.kinds.verdict import Direction

_PATTERN = re.compile(
    rf"^(?P<about>khoảng\s+|xấp xỉ\s+)?(?:dưới|ít hơn|thấp hơn|nhỏ hơn|<)\s*(?P<n>{NUMBER})\s*(?P<u>{UNIT})?$"
)


class LessThan(Bounded):
    kind = "less_than"
    example = "dưới 5"
    phrasings = ("dưới 5", "< 5", "ít hơn 5", "thấp hơn 2%", "khoảng dưới 5", "giảm xuống dưới 2%")
    meaning = "giá trị < chỉ tiêu (bằng là Chưa đạt); chỉ tiêu càng thấp càng tốt"
    fields: ClassVar[dict[str, FieldType]] = {"less_than": FieldType.NUMBER}
    strict = True
    side = Direction.LOWER

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        bound = float(number(match["n"], TargetUnparsable, text))
        return cls(
            text=text,
            bound=bound,
            unit=match["u"],
            approximate=bool(match["about"]),
            decimals=decimals_written(match["n"]),
        )

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        return cls(text=text, bound=float(fields["less_than"]))

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        bound = say(self.bound, measure, self.decimals)
        if style is Style.SHORT:
            return f"{'~' if self.approximate else ''}< {bound}"
        return f"{'khoảng ' if self.approximate else ''}dưới {bound}"
