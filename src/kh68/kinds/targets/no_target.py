"""none: ``-`` (or an empty cell): the plan sets no target for that year."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.kinds.measure import Measure
from kh68.kinds.targets.base import Feed, FieldType, Style, Target
from kh68.kinds.verdict import Direction

_MARKS = {"", "-", "–", "—"}


class NoTarget(Target):
    kind = "none"
    example = "-"
    phrasings = ("-", "(ô trống)")
    meaning = "kế hoạch không đặt chỉ tiêu năm đó"
    fields: ClassVar[dict[str, FieldType]] = {"none": FieldType.FLAG}
    feed = Feed.NOTHING
    numeric = False

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return cls(text=text) if phrase.strip() in _MARKS else None

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        return cls(text=text)

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        return "không đặt chỉ tiêu" if style is Style.MEANING else "–"
