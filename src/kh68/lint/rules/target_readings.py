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
from kh68.reading.plan import target_defaults


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for ind, year, target, doc, where in ctx.targets():
        # The words read with what the plan leaves to itself, as the keys were: its period, the tolerance of "khoảng".
        defaults = target_defaults(ctx.plan.meta, year)
        message = target.meaning.ambiguity(ind.measure) or _own_words(ind, target, defaults)
        if message is not None:
            yield Finding(doc, where, message)


def _own_words(ind: Indicator, target: TargetBase, defaults: dict[str, Any]) -> str | None:
    """A structured target whose words (``text``, what a report quotes) read as another bound than its keys.

    Words kh68 cannot read, with no number at all, or that count in another unit ("48,3 triệu USD" of an indicator
    in nghìn USD), are what the structured form is for: not compared."""
    meaning, words = target.meaning, target.meaning.display
    if words is None:
        return None
    try:
        said = parse_target(words).with_defaults(**defaults)
    except TargetUnparsable:
        return None
    if not said.numeric and meaning.numeric:  # words with no number ("không để xảy ra tử vong"): the keys say it
        return None
    if said.unit is not None and not ind.measure.accepts(said.unit, ind.name):
        return None
    measure, direction = ind.measure, ind.better
    read, keyed = (t.words(Style.MEANING, measure, direction) for t in (said, meaning))
    # One kind that says the same bounds or the same words agrees: "khoảng 60%" of {approximately: 60,
    # tolerance: 1} leaves its tolerance to the keys.
    same_kind = type(said) is type(meaning) and (
        said.bounds() == meaning.bounds()
        or said.words(Style.REPORT, measure, direction) == meaning.words(Style.REPORT, measure, direction)
    )
    if read == keyed or same_kind:
        return None
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
