"""target-readings: a target that reads two ways is refused with both readings ("giảm 10%" of a rate; a structured
target whose own words say another bound: ``{text: "ít nhất 50", at_least: 60}``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.kinds.targets import Style, TargetUnparsable, parse_target
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.models import Indicator, TargetBase


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    meta = ctx.plan.meta
    period, tolerance = meta.period, meta.judging.approximate_tolerance / 100
    for ind, year, target, doc, where in ctx.targets():
        # The words read with what the plan leaves to itself, as the keys were: its period, the tolerance of "khoảng".
        defaults = {"year": year, "start": period.start, "end": period.end, "tolerance": tolerance}
        message = target.meaning.ambiguity(ind.measure) or _own_words(ind, target, defaults)
        if message is not None:
            yield Finding(doc, where, message)


def _own_words(ind: Indicator, target: TargetBase, defaults: dict[str, Any]) -> str | None:
    """A structured target whose words (``text``, what a report quotes) read as another bound than its keys.

    Words kh68 cannot read, or that count in another unit ("48,3 triệu USD" of an indicator in nghìn USD), are
    what the structured form is for: not compared."""
    meaning, words = target.meaning, target.meaning.display
    if words is None:
        return None
    try:
        said = parse_target(words).with_defaults(**defaults)
    except TargetUnparsable:
        return None
    if said.unit is not None and not ind.measure.accepts(said.unit, ind.name):
        return None
    if type(said) is type(meaning) and said.bounds() == meaning.bounds():
        return None
    direction = ind.better
    read, keyed = (t.words(Style.MEANING, ind.measure, direction) for t in (said, meaning))
    if read == keyed:
        return None
    if type(said) is type(meaning) and said.words(Style.REPORT, ind.measure, direction) == meaning.words(
        Style.REPORT, ind.measure, direction
    ):
        return None  # "khoảng 60%" of {approximately: 60, tolerance: 1}: the words leave the tolerance to the keys
    return (
        f"chỉ tiêu dạng cấu trúc đọc được hai cách: lời văn {excerpt(words)} là {read}, còn các khóa là {keyed}; "
        "sửa cho khớp (báo cáo trích lời văn, còn kh68 đánh giá theo các khóa)"
    )


RULE = Rule(
    "target-readings",
    Severity.ERROR,
    "chỉ tiêu chỉ đọc được một cách (ví dụ 'giảm 10%' của một tỷ lệ: 10 điểm phần trăm hay 10% của tỷ lệ?)",
    "chỉ tiêu 'giảm 10% so với năm 2025' của một tỷ lệ (%) đọc được hai cách: giảm 10 điểm phần trăm so với năm 2025, "
    "hoặc giảm 10% của giá trị so với năm 2025; …",
    check,
)
