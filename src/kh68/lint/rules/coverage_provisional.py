"""coverage-provisional: an aggregated value that not every expected unit reported is provisional.

A warning (an error under ``kh68 check --strict``): the value is shown everywhere as
"tạm tính, 7/10 đơn vị", never as met.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.domain.coverage import coverage
from kh68.domain.deadlines import report_day
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    for file in ctx.data_files:
        year = file.data.year
        for ind_id, m in file.data.indicators.items():
            indicator = plan.indicator(ind_id)
            if indicator is None or m.value is not None or not m.by_unit:
                continue
            kind = indicator.counted_over
            if kind is not None and not plan.units.kind_exists_on(kind, report_day(plan, year)):
                continue  # not computable at all: the status says so
            cover = coverage(plan, indicator, year, m)  # as the engine computes it, once, in the domain
            if cover is None:
                continue
            expected, missing = cover.expected, cover.missing
            if missing:
                shown = ", ".join(missing[:5]) + (f" và {len(missing) - 5} đơn vị khác" if len(missing) > 5 else "")
                yield Finding(
                    file.doc,
                    ("indicators", ind_id),
                    f"chỉ tiêu {ind_id} {file.data.cadence.label}: giá trị tạm tính, {len(expected) - len(missing)}/{len(expected)} "
                    f"đơn vị đã báo cáo (chưa báo cáo: {shown})",
                    key=True,
                )


RULE = Rule(
    "coverage-provisional",
    Severity.WARNING,
    "giá trị tổng hợp từ các đơn vị có đủ các đơn vị phải báo cáo (thiếu thì là tạm tính; lỗi khi dùng --strict)",
    "chỉ tiêu 1.2 năm 2025: giá trị tạm tính, 7/10 đơn vị đã báo cáo (chưa báo cáo: xa_08, xa_09, xa_10)",
    check,
    adjustable=True,
)
