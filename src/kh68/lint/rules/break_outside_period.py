"""break-outside-period: a series break is dated within the plan period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.models import SeriesBreak
from kh68.reading.source import Document, Key


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    period = ctx.plan.meta.period
    first, last = date(period.start, 1, 1), date(period.end, 12, 31)

    def outside(doc: Document, loc: Key, b: SeriesBreak) -> Iterator[Finding]:
        if not first <= b.date <= last:
            yield Finding(
                doc,
                (*loc, "date"),
                f"điểm gãy ngày {format_date(b.date)} nằm ngoài thời kỳ kế hoạch "
                f"({format_date(first)}–{format_date(last)})",
            )

    for i, b in enumerate(ctx.plan.meta.breaks):
        yield from outside(ctx.doc("plan"), ("breaks", i), b)
    for indicator, doc, where in ctx.indicators():
        for j, b in enumerate(indicator.breaks):
            yield from outside(doc, (*where, "breaks", j), b)


RULE = Rule(
    "break-outside-period",
    Severity.ERROR,
    "ngày của điểm gãy chuỗi số liệu (breaks) nằm trong thời kỳ kế hoạch",
    "điểm gãy ngày 01/01/2031 nằm ngoài thời kỳ kế hoạch (01/01/2024–31/12/2030)",
    check,
    adjustable=True,
)
