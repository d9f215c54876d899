"""The department's own words in ``data/<year>.yaml`` (``report:``): checks against the plan.

Which parts of a year's report are still unwritten, and whether that matters yet:
before the report's deadline it is a reminder (``kh68 status``), from the deadline on a
warning of ``kh68 check`` (an error with ``--strict``). A plan that sets no day for its
report: a reminder while the year lasts, a warning once it is over (no deadline is invented).
"""

from __future__ import annotations

from kh68.reading.models import ReportPart
from kh68.reading.plan import Plan


def missing_parts(plan: Plan, year: int) -> list[ReportPart]:
    """Parts of ``year``'s report the department has not written (none before the plan period)."""
    data = plan.data.get(year)
    if data is None or year < plan.meta.period.start:
        return []
    return data.missing_report_parts()


def describe_missing(parts: list[ReportPart]) -> str:
    """``ưu điểm (report.assessment.strengths); …`` for a message."""
    return "; ".join(f"{p.label} (report.{p.value})" for p in parts)
