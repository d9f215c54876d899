"""target-year: a year written in a target's words ("Đến năm 2030 đạt 100%") is the year it is written under."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for _ind, year, target, doc, where in ctx.targets():
        written = target.meaning.year
        if written is not None and written != year:
            yield Finding(
                doc,
                where,
                f"chỉ tiêu {excerpt(target.shown)} ghi năm {written} nhưng đặt ở năm {year}",
            )


RULE = Rule(
    "target-year",
    Severity.ERROR,
    "năm ghi trong lời chỉ tiêu ('Đến năm 2030 …') trùng năm mà chỉ tiêu được đặt",
    "chỉ tiêu 'Đến năm 2030 đạt 100%' ghi năm 2030 nhưng đặt ở năm 2025",
    check,
    adjustable=True,
)
