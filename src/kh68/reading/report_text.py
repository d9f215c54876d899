"""The department's own words in ``data/<year>.yaml`` (``report:``): checks against the plan.

Which parts of a year's report are still unwritten, and whether that matters yet:
before the report's deadline it is a reminder (``kh68 status``), from the deadline on a
warning of ``kh68 check`` (an error with ``--strict``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kh68.core.errors import Problem, warning
from kh68.core.vnformat import format_date
from kh68.reading.enums import DutyKind
from kh68.reading.models import ReportPart
from kh68.reading.plan import Plan
from kh68.reading.source import Document

RULE_MISSING = "report-text-missing"


def report_due(plan: Plan, year: int) -> date:
    """The day the department reports ``year`` (the ``plan_report`` duty's deadline, else 31/12)."""
    for duty in plan.meta.duties:
        if duty.kind is DutyKind.PLAN_REPORT and duty.deadline:
            return duty.deadline.in_year(year)
    return date(year, 12, 31)


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
    if not parts or today > due:
        return ""
    return (
        f"Báo cáo năm {year} (hạn ngày {format_date(due)}): phần lời văn còn thiếu {describe_missing(parts)}; "
        f"ghi vào mục report của tệp data/{year}.yaml."
    )


def overdue_text(plan: Plan, today: date) -> list[Problem]:
    """A warning for each year whose report is due by ``today`` and still lacks the department's words."""
    problems = []
    for year in sorted(plan.data):
        due = report_due(plan, year)
        parts = missing_parts(plan, year)
        if today < due or not parts:
            continue
        doc = _document_of(plan, year)
        if doc is None:
            continue
        line, column = doc.position(("report",), key=True) if data_has_report(plan, year) else (1, 1)
        problems.append(
            warning(
                doc.path,
                line,
                column,
                f"báo cáo năm {year} đến hạn ngày {format_date(due)} còn thiếu phần lời văn: {describe_missing(parts)}",
                RULE_MISSING,
            )
        )
    return problems


def data_has_report(plan: Plan, year: int) -> bool:
    data = plan.data.get(year)
    return data is not None and data.report is not None


def _document_of(plan: Plan, year: int) -> Document | None:
    """The document of ``data/<year>.yaml`` (the loader requires the file name to be its year)."""
    for name, doc in plan.documents.items():
        if name.startswith("data/") and Path(name).stem == str(year):
            return doc
    return None
