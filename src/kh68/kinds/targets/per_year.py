"""per_year: ``trung bình mỗi năm từ 05 trở lên``, ``bình quân mỗi năm 500 ha``, ``hằng năm trên 95%``.

A bound (any kind that may follow, e.g. ``từ 05 trở lên``) that holds every
year of a span: "trung bình"/"bình quân" on the mean of the yearly values so far,
"hằng năm"/"mỗi năm" on each year's own value. The span is "giai đoạn Y1 - Y2"
when the words say it, else the plan's period up to the target's year.
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
    rf"^(?:(?:trong\s+)?giai đoạn\s+(?P<a>{YEAR}) - (?P<b>{YEAR}),?\s*)?"
    rf"(?P<lead>(?P<mean>trung bình|bình quân)\s+(?:mỗi|hằng|hàng|một) năm|(?P<every>hằng năm|hàng năm|mỗi năm))"
    rf"\s*(?:,|:)?\s*(?:(?:đạt|có)\s+)?(?P<rest>.+)$"
)


@dataclass(frozen=True, kw_only=True)
class PerYear(Target):
    kind = "per_year"
    example = "trung bình mỗi năm từ 05 trở lên"
    phrasings = ("trung bình mỗi năm từ 05 trở lên", "bình quân mỗi năm 500 ha", "hằng năm trên 95%")
    meaning = "'trung bình mỗi năm': trung bình các năm của giai đoạn tới năm xét; 'hằng năm': từng năm của giai đoạn"
    fields: ClassVar[dict[str, FieldType]] = {"average": FieldType.NUMBER}

    inner: Target
    mean: bool
    first: int | None = None
    last: int | None = None
    lead: str | None = None  # the plan's own words for it ("mỗi năm", "bình quân hằng năm"), said as written

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        from kh68.kinds.targets import parse_nested

        match = _PATTERN.match(phrase)
        if match is None or match["rest"].startswith(("tăng", "giảm")):
            return None
        inner = parse_nested(match["rest"], text)
        if inner is None:
            return None
        return cls(
            text=text,
            inner=inner,
            mean=bool(match["mean"]),
            lead=" ".join(match["lead"].split()),
            first=int(match["a"]) if match["a"] else None,
            last=int(match["b"]) if match["b"] else None,
            unit=inner.unit,
            decimals=inner.decimals,
        )

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        from kh68.kinds.targets.at_least import AtLeast

        return cls(text=text, inner=AtLeast(text=text, bound=float(fields["average"]), qualified=False), mean=True)

    @property
    def implied_direction(self) -> Direction | None:
        return self.inner.implied_direction

    def bounds(self, direction: Direction | None = None) -> tuple[float | None, float | None]:
        """The bound of the inner words (``từ 05 trở lên`` of ``mỗi năm từ 05 trở lên``)."""
        return self.inner.bounds(direction)

    def figures(self) -> dict[str, Any]:
        return self.inner.figures() | {"aggregate": "mean" if self.mean else "each_year"}

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
        if inner is None:
            return None
        return replace(inner, aggregate=Aggregate.MEAN if self.mean else Aggregate.YEAR, span=self.span)

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        lead = self.lead or ("trung bình mỗi năm" if self.mean else "hằng năm")
        if style is Style.SHORT:
            lead = "TB/năm" if self.mean else "mỗi năm"
        return f"{lead} {self.inner.words(style, measure, direction)}"
