"""at_least: ``ít nhất 30%``, ``tối thiểu 500``, ``không dưới 95``, ``từ 05 trở lên``, ``từ 05``, ``≥ 90``, or a bare
``99,5``.

A bare number is the bound to reach on the indicator's better side: at least for
an indicator where higher is better, at most for one where lower is better.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, decimals_written, number
from kh68.kinds.targets.base import Bounded, FieldType, Style, TargetUnparsable, say
from kh68.kinds.verdict import Direction

_QUALIFIED = re.compile(
    rf"^(?:(?:ít nhất|tối thiểu|không dưới|không thấp hơn|không ít hơn|≥|>=)\s*(?P<n>{NUMBER})\s*(?P<u>{UNIT})?"
    r"(?:\s*trở lên)?"  # "tối thiểu 90% trở lên": said twice, one bound
    rf"|(?:từ\s+)?(?P<m>{NUMBER})\s*(?P<v>{UNIT})?\s*trở lên"
    rf"|từ\s+(?P<k>{NUMBER})\s*(?P<w>(?!trở\b){UNIT})?)$"  # "từ 05" alone: from 5 up ("từ 5 đến 10" is a range's)
)
_BARE = re.compile(rf"^(?P<n>{NUMBER})\s*(?P<u>(?!trở\b){UNIT})?$")


class AtLeast(Bounded):
    kind = "at_least"
    example = "99,5 | ít nhất 30%"
    phrasings = (
        "99,5",
        "95%",
        "500 ha",
        "ít nhất 30%",
        "tối thiểu 500",
        "không dưới 95",
        "không thấp hơn 95",
        "không ít hơn 95",
        "từ 05 trở lên",
        "tối thiểu 90% trở lên",
        "100% xã, phường",
        "100% (trừ thủ tục đặc thù)",
        "từ 05",
        "≥ 90",
        "nâng lên 60%",
        "hoàn thành tối thiểu 4.800 căn",
    )
    meaning = "giá trị ≥ chỉ tiêu (bằng là Đạt, hơn là Vượt); số không kèm chữ: theo chiều tốt của chỉ tiêu"
    fields: ClassVar[dict[str, FieldType]] = {"at_least": FieldType.NUMBER}
    side = Direction.HIGHER

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        if match := _QUALIFIED.match(phrase):
            digits, unit = next((match[n], match[u]) for n, u in (("n", "u"), ("m", "v"), ("k", "w")) if match[n])
            return cls._of(digits, unit, text, qualified=True)
        if match := _BARE.match(phrase):
            return cls._of(match["n"], match["u"], text, qualified=False)
        return None

    @classmethod
    def _of(cls, digits: str, unit: str | None, text: str, *, qualified: bool) -> Self:
        bound = float(number(digits, TargetUnparsable, text))
        return cls(text=text, bound=bound, unit=unit, qualified=qualified, decimals=decimals_written(digits))

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        return cls(text=text, bound=float(fields["at_least"]), qualified=True)

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        bound = say(self.bound, measure, self.decimals)
        if measure.is_percent and self.bound >= 100 and direction is Direction.HIGHER:
            return f"đạt {bound}" if style is Style.MEANING else bound  # nothing above all: "từ 100% trở lên" is 100%
        if style is Style.MEANING:
            return f"từ {bound} trở lên" if direction is Direction.HIGHER else f"không quá {bound}"
        if not self.qualified:
            return bound if direction is Direction.HIGHER or style is Style.SHORT else f"không quá {bound}"
        return f"≥ {bound}" if style is Style.SHORT else f"từ {bound} trở lên"
