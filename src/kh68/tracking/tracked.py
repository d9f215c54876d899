"""The tracking of one year, in one descent: pure functions, no I/O.

``track`` asks the domain once (``kh68.domain.derived.derive``) and judges from what it
hands back: the indicators' verdicts, the tasks, the reports owed, and what the
department has still to write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kh68.domain.derived import derive
from kh68.kinds.periods import Period
from kh68.reading.models import Indicator, ReportPart, Task
from kh68.reading.plan import Plan
from kh68.tracking.engine import PlanResult, judge_all
from kh68.tracking.tasks import Deadline, TaskStatus, owed_reports, statuses


@dataclass(frozen=True)
class Tracked:
    """A year as tracking sees it (as known ``today``)."""

    results: PlanResult
    tasks: list[TaskStatus]
    deadlines: list[Deadline]
    missing_parts: tuple[ReportPart, ...]  # parts of the year's report the department has not written
    unwritten_tasks: tuple[Task, ...]  # tasks due in the year that nobody reported on


def track(
    plan: Plan, year: int, today: date, within: Period | None = None, indicators: Iterable[Indicator] | None = None
) -> Tracked:
    """``year`` of ``plan`` (of ``indicators``, else all the plan's; only the reports of periods in ``within``)."""
    derived = derive(plan, year, indicators)
    return Tracked(
        judge_all(derived, plan.meta.progress_thresholds),
        statuses(plan, derived, today),
        owed_reports(plan, derived, today, within),
        derived.missing_parts,
        derived.unwritten_tasks,
    )
