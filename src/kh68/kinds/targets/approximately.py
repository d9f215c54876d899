"""approximately: ``khoảng 500``, ``xấp xỉ 500 ha``, ``gần 500``: met within the plan's tolerance either side.

The tolerance is a share of the target (5% unless ``plan.yaml`` › ``targets`` ›
``approximate_tolerance`` says otherwise) or, in the structured form, an amount
in the indicator's unit (``{approximately: 500, tolerance: 25}``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Self

from kh68.core.vnformat import format_number
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, decimals_written, number
from kh68.kinds.targets.base import FieldType, History, Requirement, Style, Target, TargetUnparsable, say
from kh68.kinds.verdict import Direction

_PATTERN = re.compile(rf"^(?:khoảng|xấp xỉ|gần|~)\s*(?P<n>{NUMBER})\s*(?P<u>{UNIT})?$")


@dataclass(frozen=True, kw_only=True)
class Approximately(Target):
    kind = "approximately"
    example = "khoảng 500"
    phrasings = ("khoảng 500", "xấp xỉ 500 ha", "gần 500")
    meaning = "trong dung sai quanh chỉ tiêu (mặc định ±5%) là Đạt; ra ngoài về phía tốt là Vượt"
    fields: ClassVar[dict[str, FieldType]] = {"approximately": FieldType.NUMBER, "tolerance": FieldType.NUMBER}
    nestable = True

    value: float
    tolerance: float | None = None  # an amount in the indicator's unit
    share: float | None = None  # a share of the value (the plan's default), when no amount is given

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        match = _PATTERN.match(phrase)
        if match is None:
            return None
        value = float(number(match["n"], TargetUnparsable, text))
        return cls(text=text, value=value, unit=match["u"], decimals=decimals_written(match["n"]))

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        tolerance = fields.get("tolerance")
        if tolerance is not None and float(tolerance) < 0:
            raise TargetUnparsable(f"dung sai (tolerance) {format_number(float(tolerance), 6)} âm: ghi số ≥ 0")
        return cls(
            text=text, value=float(fields["approximately"]), tolerance=None if tolerance is None else float(tolerance)
        )

    @property
    def slack(self) -> float:
        if self.tolerance is not None:
            return self.tolerance
        return abs(self.value) * (self.share or 0.0)

    def requirement(self, direction: Direction, history: History) -> Requirement | None:
        d = direction.sign
        return Requirement(self.value - d * self.slack, far=self.value + d * self.slack, written=self.value)

    def with_defaults(self, *, tolerance: float | None = None, **_: Any) -> Target:
        if self.tolerance is None and self.share is None and tolerance is not None:
            return replace(self, share=tolerance)
        return self

    def bounds(self, direction: Direction | None = None) -> tuple[float | None, float | None]:
        return self.value - self.slack, self.value + self.slack

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        value = say(self.value, measure, self.decimals)
        if style is Style.SHORT:
            return f"~{value}"
        if style is Style.MEANING:
            return f"khoảng {value} (±{format_number(self.slack, max(self.decimals, 2))})"
        return f"khoảng {value}"
