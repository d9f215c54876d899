"""completion: ``Hoàn thành`` (``hoàn thành 100%``): met when reported done; a share of units: 100%."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any, ClassVar, Self

from kh68.kinds.measure import Measure
from kh68.kinds.targets.base import Feed, FieldType, Requirement, Style, Target
from kh68.kinds.verdict import Direction

_PATTERN = re.compile(r"^hoàn thành(?: 100 ?%)?$")
WORD = "hoàn thành"


class Completion(Target):
    kind = "completion"
    example = "Hoàn thành"
    phrasings = ("Hoàn thành", "hoàn thành 100%")
    meaning = "trạng thái done (hoặc 100% với chỉ tiêu tính theo tỷ lệ đơn vị đạt chuẩn)"
    fields: ClassVar[dict[str, FieldType]] = {"completion": FieldType.FLAG}
    feed = Feed.STATE
    numeric = False

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return cls(text=text) if _PATTERN.match(phrase) else None

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        return cls(text=text)

    def share_requirement(self) -> Requirement | None:
        return Requirement(100.0)

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        return "hoàn thành" if style is Style.MEANING else self.text


def near_miss(phrase: str) -> bool:
    """A near miss of "Hoàn thành" (a typo or lost diacritics), not the word itself (``phrase`` is folded)."""
    if _PATTERN.match(phrase):
        return False
    matcher = difflib.SequenceMatcher(None, phrase, WORD)
    # The quick upper bounds first: a long text (10 MB of prose) is no near miss, and ratio() on it takes minutes.
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8
