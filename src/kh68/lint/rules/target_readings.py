"""target-readings: a target that reads two ways is refused with both readings ("giảm 10%" of a rate)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for ind, _year, target, doc, where in ctx.targets():
        message = target.meaning.ambiguity(ind.measure)
        if message is not None:
            yield Finding(doc, where, message)


RULE = Rule(
    "target-readings",
    Severity.ERROR,
    "chỉ tiêu chỉ đọc được một cách (ví dụ 'giảm 10%' của một tỷ lệ: 10 điểm phần trăm hay 10% của tỷ lệ?)",
    "chỉ tiêu 'giảm 10% so với năm 2025' của một tỷ lệ (%) đọc được hai cách: giảm 10 điểm phần trăm so với năm 2025, "
    "hoặc giảm 10% của giá trị so với năm 2025; …",
    check,
)
