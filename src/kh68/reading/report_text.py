"""The department's own words in ``data/<year>.yaml`` (``report:``): checks against the plan.

Which parts of a year's report are still unwritten, and whether that matters yet:
before the report's deadline it is a reminder (``kh68 status``), from the deadline on a
warning of ``kh68 check`` (an error with ``--strict``). A plan that sets no day for its
report: a reminder while the year lasts, a warning once it is over (no deadline is invented).
"""

from __future__ import annotations

from datetime import date

from kh68.core.vnformat import format_date
from kh68.reading.enums import DutyKind
from kh68.reading.models import ReportPart
from kh68.reading.plan import Plan
from kh68.vocab import NO_DEADLINE


def report_due(plan: Plan, year: int) -> date | None:
    """The day the department reports ``year`` (the ``plan_report`` duty's deadline; ``None``: the plan sets none)."""
    return plan.due_in_year(DutyKind.PLAN_REPORT, year)


def due_words(due: date | None) -> str:
    """``hạn ngày <ngày>``, or ``kế hoạch không ghi hạn``."""
    return f"hạn ngày {format_date(due)}" if due is not None else NO_DEADLINE


def missing_parts(plan: Plan, year: int) -> list[ReportPart]:
    """Parts of ``year``'s report the department has not written (none before the plan period)."""
    data = plan.data.get(year)
    if data is None or year < plan.meta.period.start:
        return []
    return data.missing_report_parts()


def describe_missing(parts: list[ReportPart]) -> str:
    """``ưu điểm (report.assessment.strengths); …`` for a message."""
    return "; ".join(f"{p.label} (report.{p.value})" for p in parts)


def reminder(plan: Plan, year: int, today: date) -> str:
    """Before the deadline of ``year``'s report: which parts the department has still to write ('' if none)."""
    due = report_due(plan, year)
    parts = missing_parts(plan, year)
    if not parts or today > (due or date(year, 12, 31)):  # no day set: a reminder while the year lasts
        return ""
    return (
        f"Báo cáo năm {year} ({due_words(due)}): phần lời văn còn thiếu {describe_missing(parts)}; "
        f"ghi vào mục report của tệp data/{year}.yaml."
    )
