"""greater_than: ``trên 500``, ``hơn 500``, ``> 60``, ``khoảng trên 500`` (within the plan's tolerance)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.core.safetext import excerpt
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, as_written, decimals_written, number
from kh68.kinds.targets.base import Bounded, FieldType, Style, TargetUnparsable, say
from kh68.kinds.verdict import Direction

_PATTERN = re.compile(
    rf"^(?P<about>khoảng\s+|xấp xỉ\s+)?(?:trên|hơn|cao hơn|nhiều hơn|lớn hơn|>)\s*(?P<n>{NUMBER})\s*(?P<u>{UNIT})?$"
)

_AND_UP = re.compile(rf"^(?:trên|hơn|cao hơn|nhiều hơn|lớn hơn)\s*(?P<n>{NUMBER})\s*(?P<u>(?!trở\b){UNIT})?\s*trở lên$")


class GreaterThan(Bounded):
    kind = "greater_than"
    example = "trên 60"
    phrasings = ("trên 500", "hơn 500", "> 60", "khoảng trên 500")
    meaning = "giá trị > chỉ tiêu (bằng là Chưa đạt); 'khoảng trên': ≥ chỉ tiêu trừ dung sai"
    fields: ClassVar[dict[str, FieldType]] = {"greater_than": FieldType.NUMBER}
    strict = True
    side = Direction.HIGHER

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        if both := _AND_UP.match(phrase):  # "trên 90% trở lên": above 90, or from 90 up?
            said = as_written(text, f"{both['n']} {both['u'] or ''}".strip())  # "500 ha", "90%" as written
            raise TargetUnparsable(
                f"chỉ tiêu {excerpt(text)} đọc được hai cách: trên {said} (bằng {said} là chưa đạt), hoặc từ "
                f"{said} trở lên (bằng {said} là đạt); viết 'trên {said}' hoặc 'từ {said} trở lên'"
            )
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
        return cls(text=text, bound=float(fields["greater_than"]))

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        bound = say(self.bound, measure, self.decimals)
        about = "khoảng " if self.approximate else ""
        if style is Style.SHORT:
            return f"{'~' if self.approximate else ''}> {bound}"
        return f"{about}trên {bound}"
