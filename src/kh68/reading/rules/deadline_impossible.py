"""deadline-impossible: a yearly deadline (day/month) exists in every year of the plan period."""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.reading.rules.base import Context, Finding, Rule


def missing_years(day: int, month: int, years: range) -> list[int]:
    """The years in which ``day``/``month`` is no date (31/04 never is; 29/02 only in leap years)."""
    return [year for year in years if day > calendar.monthrange(year, month)[1]]


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    period = ctx.plan.meta.period
    years = range(period.start, period.end + 1)
    for i, duty in enumerate(ctx.plan.meta.duties):
        deadline = duty.deadline
        if deadline is None:
            continue
        missing = missing_years(deadline.day, deadline.month, years)
        if not missing:
            continue
        if len(missing) == len(years):
            message = f"hạn {deadline} không có thật: tháng {deadline.month} không có ngày {deadline.day}"
        else:
            listed = ", ".join(str(y) for y in missing)
            message = (
                f"hạn {deadline} không có trong các năm {listed} của thời kỳ kế hoạch; chọn một ngày có trong mọi năm"
            )
        yield Finding(ctx.doc("plan"), ("duties", i, "deadline"), message)


RULE = Rule(
    "deadline-impossible",
    Severity.ERROR,
    "hạn hằng năm (ngày/tháng) có thật trong mọi năm của thời kỳ kế hoạch (không có 31/04; 29/02 chỉ có năm nhuận)",
    "hạn 29/02 không có trong các năm 2025, 2026, 2027, 2029, 2030 của thời kỳ kế hoạch; chọn một ngày có trong mọi năm",
    check,
)
