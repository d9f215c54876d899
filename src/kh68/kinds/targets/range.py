"""range: ``30-35``, ``95 – 97%``, ``từ 90 đến 95``, ``trong khoảng 90-95%``, ``khoảng 30-35``.

"khoảng 30-35" is about that range, as "khoảng 500" is about 500: its edges move out by the plan's tolerance
(``plan.yaml`` › ``judging`` › ``approximate_tolerance``); "trong khoảng 30-35" is the range itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Self

from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number, with_unit
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, decimals_written, number
from kh68.kinds.targets.base import FieldType, History, Requirement, Style, Target, TargetUnparsable, say
from kh68.kinds.verdict import Direction

_PATTERN = re.compile(
    rf"^(?:(?P<lead>trong khoảng|khoảng)\s+|từ\s+)?(?P<a>{NUMBER})\s*(?P<u1>%)?\s*(?: - |đến\s+)\s*"
    rf"(?P<b>{NUMBER})\s*(?P<u>{UNIT})?$"
)


@dataclass(frozen=True, kw_only=True)
class Range(Target):
    kind = "range"
    example = "30-35"
    phrasings = ("30-35", "95 – 97%", "từ 90 đến 95", "trong khoảng 90-95%")
    meaning = (
        "trong khoảng là Đạt; ra ngoài khoảng về phía tốt là Vượt; 'khoảng 30-35': hai đầu nới theo dung sai "
        "(mặc định 5%)"
    )
    fields: ClassVar[dict[str, FieldType]] = {"range": FieldType.PAIR}
    nestable = True

    low: float
    high: float
    lead: str | None = None  # "khoảng", "trong khoảng" as the plan writes it: said again by a report
    tolerance: float | None = None  # "khoảng 30-35": a share of each edge, filled in from the plan

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        low = float(number(match["a"], TargetUnparsable, text))
        high = float(number(match["b"], TargetUnparsable, text))
        places = max(decimals_written(match["a"]), decimals_written(match["b"]))
        found = cls._checked(text, low, high, match["u"] or match["u1"], places)
        return replace(found, lead=match["lead"]) if match["lead"] else found

    @classmethod
    def _checked(cls, text: str, low: float, high: float, unit: str | None, places: int = 0) -> Self:
        if low > high:
            raise TargetUnparsable(f"khoảng chỉ tiêu {excerpt(text)} có cận dưới lớn hơn cận trên")
        return cls(text=text, low=low, high=high, unit=unit, decimals=places)

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        low, high = fields["range"]
        return cls._checked(text, float(low), float(high), None)

    def requirement(self, direction: Direction, history: History) -> Requirement | None:
        share = self.tolerance or 0.0
        low, high = self.low - abs(self.low) * share, self.high + abs(self.high) * share
        near = self.low if direction is Direction.HIGHER else self.high  # as written: a shortfall is said from it
        written = near if self.tolerance else None
        if direction is Direction.HIGHER:
            return Requirement(low, far=high, written=written)
        return Requirement(high, far=low, written=written)

    def with_defaults(self, *, tolerance: float | None = None, **_: Any) -> Target:
        if self.lead == "khoảng" and self.tolerance is None and tolerance is not None:
            return replace(self, tolerance=tolerance)
        return self

    def bounds(self, direction: Direction | None = None) -> tuple[float | None, float | None]:
        return self.low, self.high

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        places = max(self.decimals, 2)
        low, high = say(self.low, measure, places), say(self.high, measure, places)
        if style is Style.SHORT:
            return with_unit(f"{format_number(self.low, places)}-{format_number(self.high, places)}", measure.unit)
        if style is Style.MEANING:
            return f"trong khoảng {format_number(self.low, places)}–{high}"
        if self.lead:  # "khoảng 10–12 xã, phường", as the plan says it
            return f"{self.lead} {format_number(self.low, places)}–{high}"
        # "từ 30% đến 35%"; a unit in words once, at the end: "từ 10 đến 12 xã, phường"
        return f"từ {low if measure.is_percent else format_number(self.low, places)} đến {high}"
