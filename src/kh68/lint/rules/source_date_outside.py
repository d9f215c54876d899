"""source-date-outside: a figure's source document is dated near the period its file reports.

The figures of ``data/2025.yaml`` come from documents of 2025, or of the years on either
side (a yearly report made in January 2026, a plan's expected figure of late 2024). A
source dated further away (``01/01/0001``, ``31/12/9999``, ``04/11/2052`` for ``04/11/2025``)
is a typo of the day or the year; a report would print it in its footnotes as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date
from kh68.kinds.periods import Period
from kh68.lint.rules.base import Context, Finding, Rule

SLACK_YEARS = 1
"""How many years before or after its period a figure's source may be dated."""


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        cadence = file.data.cadence
        for indicator_id, measurement in file.data.indicators.items():
            places = [
                ((), measurement.source),
                *((("by_unit", ref), entry.source) for ref, entry in measurement.by_unit.items()),
            ]
            for place, source in places:
                day = source.date if source is not None else None
                if day is not None and _far_from(day, cadence):
                    whose = f" của {place[1]}" if place else ""
                    message = (
                        f"nguồn số liệu chỉ tiêu {indicator_id}{whose} ghi ngày {format_date(day)}, cách kỳ báo cáo của "
                        f"tệp ({cadence.label}) hơn một năm: ngày hay năm gõ nhầm?"
                    )
                    yield Finding(file.doc, ("indicators", indicator_id, *place, "source", "date"), message)


def _far_from(day: date, cadence: Period) -> bool:
    return day.year < cadence.first_day.year - SLACK_YEARS or day.year > cadence.last_day.year + SLACK_YEARS


RULE = Rule(
    "source-date-outside",
    Severity.ERROR,
    "ngày của văn bản nguồn số liệu (source › date) không cách kỳ mà tệp số liệu báo cáo hơn một năm",
    "nguồn số liệu chỉ tiêu 1.2 của phong_a ghi ngày 31/12/9999, cách kỳ báo cáo của tệp (năm 2025) hơn một năm: "
    "ngày hay năm gõ nhầm?",
    check,
    adjustable=True,
)
