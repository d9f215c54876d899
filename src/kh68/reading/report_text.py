"""The department's own words in ``data/<year>.yaml`` (``report:``): checks against the plan.

Which parts of a year's report are still unwritten, and whether that matters yet:
before the report's deadline it is a reminder (``kh68 status``), from the deadline on a
warning of ``kh68 check`` (an error with ``--strict``). A task due in the year of which
nothing is known (no unit's progress, no summary of its group) is such a part too: its
paragraph in the report is a visible placeholder until someone writes it. A plan that sets no day for its
report: a reminder while the year lasts, a warning once it is over (no deadline is invented).
"""

from __future__ import annotations

from collections.abc import Sequence

from kh68.reading.models import ReportPart, Task, YearData
from kh68.reading.plan import Plan


def missing_parts(plan: Plan, year: int) -> list[ReportPart]:
    """Parts of ``year``'s report the department has not written (none before the plan period)."""
    if year < plan.meta.period.start:
        return []
    data = plan.data.get(year)
    return data.missing_report_parts() if data is not None else list(ReportPart)  # no file yet: nothing written


def unwritten_tasks(plan: Plan, data: YearData | None, year: int) -> list[Task]:
    """Tasks due in ``year`` whose results ``data`` (the year's figures and progress) does not say: no unit reported
    results on them (a state alone says none) and the department wrote no summary of them or of their group (none
    before the plan period)."""
    if year < plan.meta.period.start:
        return []
    summaries = data.report.group_summaries if data is not None and data.report is not None else {}
    written = data.tasks if data is not None else {}
    return [
        task
        for group in plan.groups
        if group.id not in summaries
        for task in group.tasks
        if task.expected_in(year)
        and not any(p.results for p in written.get(task.id, {}).values())
        and task.id not in summaries
    ]


def describe_missing(parts: Sequence[ReportPart], tasks: Sequence[Task] = ()) -> str:
    """``ưu điểm (report.assessment.strengths); kết quả nhiệm vụ 2.1, 2.3 (tasks, report.group_summaries)``."""
    said = [f"{p.label} (report.{p.value})" for p in parts]
    if tasks:
        said.append(f"kết quả nhiệm vụ {', '.join(t.id for t in tasks)} (tasks hoặc report.group_summaries)")
    return "; ".join(said)
