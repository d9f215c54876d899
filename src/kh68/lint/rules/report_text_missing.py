"""report-text-missing: a year's report, due by the day checked (``kh68 check --today``), has the department's words.

The parts only the department can write (directing documents, assessment,
directions, proposals) under ``report:`` of ``data/<year>.yaml``, and a sentence
on every task due in the year (a unit's progress under ``tasks:``, or the
department's summary of its group): the report shows a placeholder for each. Before the
report's deadline ``kh68 status`` reminds; from the deadline on it is a warning
(an error with ``--strict``). Without ``--today`` there is no day to judge by.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date
from kh68.domain.deadlines import report_due
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.report_text import describe_missing, unwritten_tasks
from kh68.vocab import NO_DEADLINE


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.today is None:
        return
    plan = ctx.plan
    for file in ctx.data_files:
        year = file.data.year
        if file.data.period is not None or year < plan.meta.period.start:
            continue  # a month's or quarter's file, or a baseline year: no report of the year here
        due = report_due(plan, year)
        parts = file.data.missing_report_parts()
        not_yet = ctx.today < due if due is not None else ctx.today <= date(year, 12, 31)  # no day: once the year ends
        tasks = unwritten_tasks(plan, plan.data.get(year, file.data), year) if ctx.whole_plan else []
        if not_yet or not (parts or tasks):
            continue
        when = f"đến hạn ngày {format_date(due)}" if due is not None else f"({NO_DEADLINE}; năm {year} đã hết)"
        where = ("report",) if file.data.report is not None else ("year",)
        yield Finding(
            file.doc,
            where,
            f"báo cáo năm {year} {when} còn thiếu phần lời văn: {describe_missing(parts, tasks)}",
            key=True,
        )


RULE = Rule(
    "report-text-missing",
    Severity.WARNING,
    "báo cáo năm đã đến hạn (theo --today) có đủ phần lời văn trong mục report của tệp số liệu và kết quả của "
    "mọi nhiệm vụ đến kỳ (tiến độ của đơn vị hoặc tóm tắt của nhóm)",
    "báo cáo năm 2025 đến hạn ngày 15/12/2025 còn thiếu phần lời văn: ưu điểm (report.assessment.strengths)",
    check,
    adjustable=True,
)
