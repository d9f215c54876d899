"""target-year: a year written in a target's words ("Đến năm 2030 đạt 100%") is the year it is written under; the
year a change is counted from ("giảm 10% so với năm 2025") is one before it whose figure the plan can hold."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    plan = ctx.plan
    first, last = plan.first_year(), plan.meta.period.end
    for _ind, year, target, doc, where in ctx.targets():
        written, base = target.meaning.year, target.meaning.base_year
        if written is not None and written != year:
            yield Finding(
                doc,
                where,
                f"chỉ tiêu {excerpt(target.shown)} ghi năm {written} nhưng đặt ở năm {year}",
            )
        if base is not None and not first <= base < year:
            said = f"chỉ tiêu {excerpt(target.shown)} năm {year} so với năm {base}"
            yield Finding(doc, where, f"{said}: {_why_not(base, year, first, last)}")


def _why_not(base: int, year: int, first: int, last: int) -> str:
    if base >= year:
        return f"năm gốc phải trước năm {year} của chỉ tiêu"
    return (
        f"số liệu năm {base} không ghi được (các năm có số liệu: {first}–{last}; năm số liệu gốc đặt ở "
        "period.baseline_years của plan.yaml), nên chỉ tiêu không bao giờ đánh giá được"
    )


RULE = Rule(
    "target-year",
    Severity.ERROR,
    "năm ghi trong lời chỉ tiêu ('Đến năm 2030 …') trùng năm mà chỉ tiêu được đặt; năm gốc ('so với năm 2025') là một "
    "năm trước đó mà kế hoạch ghi được số liệu",
    "chỉ tiêu 'Đến năm 2030 đạt 100%' ghi năm 2030 nhưng đặt ở năm 2025",
    check,
    adjustable=True,
)
