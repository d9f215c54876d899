"""coverage-empty-group: an indicator's reporters resolve to some unit in every year of the plan period."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date
from kh68.domain.deadlines import report_day, reporters_of
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    plan = ctx.plan
    period = plan.meta.period
    for indicator, doc, where in ctx.indicators():
        if indicator.reporters is None:
            continue
        for year in range(period.start, period.end + 1):
            day = report_day(plan, year)
            kind = indicator.counted_over
            if kind is not None and not plan.units.kind_exists_on(kind, day):
                continue  # nothing to count that year: said so, not expected
            if not reporters_of(plan, indicator, year):
                yield Finding(
                    doc,
                    (*where, "reporters"),
                    f"nhóm đơn vị báo cáo chỉ tiêu {indicator.id} không có đơn vị nào hoạt động vào "
                    f"{format_date(day)} (năm {year}): thêm đơn vị kế thừa hoặc thành viên",
                )
                break


RULE = Rule(
    "coverage-empty-group",
    Severity.ERROR,
    "nhóm đơn vị báo cáo một chỉ tiêu (reporters) có ít nhất một đơn vị hoạt động trong mỗi năm của thời kỳ",
    "nhóm đơn vị báo cáo chỉ tiêu 1.2 không có đơn vị nào hoạt động vào 15/12/2026 (năm 2026): thêm đơn vị kế thừa "
    "hoặc thành viên",
    check,
    adjustable=True,
)
