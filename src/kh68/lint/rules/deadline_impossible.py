"""deadline-impossible: a reporting deadline names a day every period of the plan has (no 31/04, no 31 of June)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.domain.deadlines import periods
from kh68.kinds.periods import Period
from kh68.lint.rules.base import Context, Finding, Rule


def missing_years(day: int, month: int, years: range) -> list[int]:
    """The years in which ``day``/``month`` is no date (31/04 never is; 29/02 only in leap years)."""
    return [year for year in years if day > calendar.monthrange(year, month)[1]]


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    span = ctx.plan.meta.period
    years = range(span.start, span.end + 1)
    for i, duty in enumerate(ctx.plan.meta.duties):
        if duty.deadline is None:
            continue
        rule = duty.deadline.rule
        named = [p for year in years for p in periods(duty, year)]
        missing = [p for p in named if not rule.day_exists(p)]
        if missing:
            yield Finding(ctx.doc("plan"), ("duties", i, "deadline"), _message(duty.deadline.text, missing, named))


def _message(text: str, missing: list[Period], named: list[Period]) -> str:
    if len(missing) == len(named):
        return f"hạn {text} không có thật: không kỳ báo cáo nào có ngày đó"
    if all(p.is_year for p in missing):
        listed = ", ".join(str(p.year) for p in missing)
        return f"hạn {text} không có trong các năm {listed} của thời kỳ kế hoạch; chọn một ngày có trong mọi năm"
    shown = ", ".join(p.label for p in missing[:6]) + (f" và {len(missing) - 6} kỳ khác" if len(missing) > 6 else "")
    return f"hạn {text} của {shown} rơi vào ngày không có; chọn một ngày có trong mọi kỳ"


RULE = Rule(
    "deadline-impossible",
    Severity.ERROR,
    "hạn báo cáo là ngày có thật trong mọi kỳ của thời kỳ kế hoạch (không có 31/04; 29/02 chỉ có năm nhuận; "
    "ngày 31 hằng tháng không có trong tháng 4)",
    "hạn 29/02 không có trong các năm 2025, 2026, 2027, 2029, 2030 của thời kỳ kế hoạch; chọn một ngày có trong mọi năm",
    check,
    adjustable=True,
)
