"""year-out-of-period: target years lie in the plan period, data years in it or its baseline years."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    period = ctx.plan.meta.period
    if ctx.whole_plan:
        for _ind, year, _, doc, where in ctx.targets():
            if not period.start <= year <= period.end:
                message = f"năm {year} nằm ngoài thời kỳ kế hoạch {period.start}–{period.end}"
                yield Finding(doc, where, message, key=where[-1] != "target")
    first = ctx.plan.first_year()
    for file in ctx.data_files:
        if not first <= file.data.year <= period.end:
            message = f"năm {file.data.year} nằm ngoài khoảng cho phép {first}–{period.end}"
            yield Finding(file.doc, ("year",), message)


RULE = Rule(
    "year-out-of-period",
    Severity.ERROR,
    "năm của chỉ tiêu nằm trong thời kỳ kế hoạch; năm số liệu nằm trong thời kỳ hoặc các năm số liệu gốc",
    "năm 2031 nằm ngoài thời kỳ kế hoạch 2024–2030",
    check,
    adjustable=True,
)
