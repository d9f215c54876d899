"""total: ``tổng giai đoạn 2026 - 2030 ít nhất 5.000 ha``, ``lũy kế 5.000 ha``, ``cả giai đoạn 12.000 tỷ đồng``.

A bound on the sum of the yearly values over a span (the words' "giai đoạn Y1 -
Y2", else the plan's period up to the target's year). Before the span's last
year a sum short of the bound is under way (``Status.IN_PROGRESS``), not missed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Self

from kh68.kinds.measure import Measure
from kh68.kinds.phrases import YEAR
from kh68.kinds.targets.base import Aggregate, FieldType, History, Requirement, Style, Target
from kh68.kinds.verdict import Direction

_PATTERN = re.compile(
    rf"^(?:tổng cộng|tổng số|tổng|lũy kế|cả giai đoạn|trong cả giai đoạn|trong giai đoạn|giai đoạn)"
    rf"(?:\s+(?:giai đoạn\s+)?(?P<a>{YEAR}) - (?P<b>{YEAR}))?\s*(?:,|:)?\s*(?:đạt\s+)?(?P<rest>.+)$"
)


@dataclass(frozen=True, kw_only=True)
class Total(Target):
    kind = "total"
    example = "tổng giai đoạn 5.000 ha"
    phrasings = ("tổng giai đoạn 2026 - 2030 ít nhất 5.000 ha", "lũy kế 5.000 ha", "cả giai đoạn 12.000 tỷ đồng")
    meaning = (
        "tổng các năm của giai đoạn tới năm xét so với chỉ tiêu; trước năm cuối giai đoạn, chưa đủ là Đang thực hiện"
    )
    fields: ClassVar[dict[str, FieldType]] = {"total": FieldType.NUMBER}

    inner: Target
    first: int | None = None
    last: int | None = None

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        from kh68.kinds.targets import parse_nested

        match = _PATTERN.match(phrase)
        if match is None or match["rest"].startswith(("tăng", "giảm")):
            return None
        inner = parse_nested(match["rest"], text)
        if inner is None:
            return None
        first, last = (int(match["a"]), int(match["b"])) if match["a"] else (None, None)
        return cls(text=text, inner=inner, first=first, last=last, unit=inner.unit, decimals=inner.decimals)

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        from kh68.kinds.targets.at_least import AtLeast

        return cls(text=text, inner=AtLeast(text=text, bound=float(fields["total"]), qualified=False))

    @property
    def implied_direction(self) -> Direction | None:
        return self.inner.implied_direction

    def bounds(self, direction: Direction | None = None) -> tuple[float | None, float | None]:
        """The bound of the sum of the span's years (``ít nhất 5.000 ha`` of ``tổng giai đoạn … ít nhất 5.000 ha``)."""
        return self.inner.bounds(direction)

    def figures(self) -> dict[str, Any]:
        return self.inner.figures() | {"aggregate": "sum"}

    @property
    def span(self) -> tuple[int, int] | None:
        return (self.first, self.last) if self.first is not None and self.last is not None else None

    def with_defaults(self, *, year: int | None = None, start: int | None = None, **defaults: Any) -> Target:
        inner = self.inner.with_defaults(year=year, start=start, **defaults)
        first = self.first if self.first is not None else start
        last = self.last if self.last is not None else year
        return replace(self, inner=inner, first=first, last=last)

    def requirement(self, direction: Direction, history: History) -> Requirement | None:
        inner = self.inner.requirement(direction, history)
        return None if inner is None else replace(inner, aggregate=Aggregate.SUM, span=self.span)

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        span = f" {self.first}–{self.last}" if self.span else ""
        lead = f"tổng{span}" if style is Style.SHORT else f"tổng giai đoạn{span}"
        return f"{lead} {self.inner.words(style, measure, direction)}"
