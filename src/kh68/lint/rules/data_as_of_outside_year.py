"""data-as-of-outside-year: a year's report counts its figures up to a day of that year.

``report › data_as_of`` of ``data/<năm>.yaml`` is printed in the report's opening
("số liệu tính đến ngày …"): a day before the year, or after it (years off, a typo of
the year), would count figures of a period the report does not describe. Whether it
also precedes the report's own date is for ``kh68 report`` to say, which knows that date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        report, year = file.data.report, file.data.year
        day = report.data_as_of if report else None
        if day is not None and day.year != year:
            first, last = format_date(date(year, 1, 1)), format_date(date(year, 12, 31))
            message = f"số liệu tính đến ngày {format_date(day)} nằm ngoài năm {year} mà báo cáo mô tả ({first}–{last})"
            yield Finding(file.doc, ("report", "data_as_of"), message)


RULE = Rule(
    "data-as-of-outside-year",
    Severity.ERROR,
    "ngày chốt số liệu của báo cáo năm (report › data_as_of) nằm trong năm đó",
    "số liệu tính đến ngày 31/10/2027 nằm ngoài năm 2025 mà báo cáo mô tả (01/01/2025–31/12/2025)",
    check,
    adjustable=True,
)
