"""milestone: a qualitative target, words without a number (``Triển khai theo đề án``): judged by reported state.

Words with a number that no kind reads are refused, not taken for a milestone;
a qualitative milestone that does contain a number is written in the structured
form ``{milestone: true, text: "Triển khai Đề án 06"}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.core.safetext import excerpt
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import fold
from kh68.kinds.targets.base import Feed, FieldType, Style, Target
from kh68.kinds.targets.completion import near_miss
from kh68.kinds.verdict import Direction


class Milestone(Target):
    kind = "milestone"
    example = "mốc định tính không có chữ số"
    phrasings = ("Triển khai theo đề án",)
    meaning = "theo trạng thái được báo cáo"
    fields: ClassVar[dict[str, FieldType]] = {"milestone": FieldType.FLAG}
    feed = Feed.STATE
    numeric = False

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        if re.search(r"[0-9]", phrase) or phrase[:1] in "<>≥≤=~":
            return None
        return cls(text=text)

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        return cls(text=text)

    def doubt(self) -> str | None:
        if near_miss(fold(self.text)):
            return f"{excerpt(self.text)} được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'"
        return None

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        return "mốc định tính" if style is Style.MEANING else self.text
