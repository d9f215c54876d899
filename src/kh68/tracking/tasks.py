"""Tasks under way and reports owed, for one year: pure functions, no I/O.

A unit is expected to report for year Y when it exists on the deadline day
(05/11/Y): a body that ceased in mid-year cannot send the November report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kh68.reading.models import Duty, Progress, Task, YearData
from kh68.reading.plan import Plan
from kh68.reading.targets import DutyKind, TaskState, TimingKind


@dataclass(frozen=True)
class TaskStatus:
    task: Task
    group_id: str
    state: TaskState | None
    entries: dict[str, Progress]
    missing_leads: list[str]
    lead_units: list[str]


@dataclass(frozen=True)
class UnitReport:
    unit_id: str
    reported: bool
    on: date | None
    late: bool


@dataclass(frozen=True)
class Deadline:
    duty: Duty
    due: date
    days_left: int
    units: list[UnitReport] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def missing(self) -> list[UnitReport]:
        return [u for u in self.units if not u.reported or u.late]


def combine_states(states: list[TaskState]) -> TaskState | None:
    """One state for a task from its units' states."""
    if not states:
        return None
    if len(set(states)) == 1:
        return states[0]
    if TaskState.ONGOING in states and TaskState.IN_PROGRESS not in states and TaskState.NOT_STARTED not in states:
        return TaskState.ONGOING
    return TaskState.IN_PROGRESS


def task_statuses(plan: Plan, year: int) -> list[TaskStatus]:
    data = plan.data.get(year)
    due = report_day(plan, year)
    result = []
    for group in plan.groups:
        for task in group.tasks:
            entries = _entries(plan, data, task.id)
            leads = plan.unit_ids(task.lead_units)
            lead_states = [p.state for uid, p in entries.items() if plan.covers(leads, uid)]
            state = combine_states(lead_states or [p.state for p in entries.values()])
            missing = [
                lead
                for lead in leads
                if year >= plan.meta.period.start
                and expected_in(task, year)
                and plan.active_units([lead], due)
                and not any(plan.covers([lead], uid) for uid in entries)
            ]
            result.append(TaskStatus(task, group.id, state, entries, missing, leads))
    return result


def expected_in(task: Task, year: int) -> bool:
    """Whether a yearly progress report on ``task`` is due in ``year``.

    Tasks timed "from 2024 on" are not due before 2024; tasks timed "at the
    review of the resolution" are reported at reviews, not every year.
    """
    timing = task.timing_spec
    if timing is None:
        return True
    return timing.kind is not TimingKind.AT_REVIEW and timing.active_in(year)


def _entries(plan: Plan, data: YearData | None, task_id: str) -> dict[str, Progress]:
    if data is None:
        return {}
    return {plan.units.resolve(ref) or ref: p for ref, p in data.tasks.get(task_id, {}).items()}


def report_day(plan: Plan, year: int) -> date:
    """The day units report for ``year`` (the ``unit_report`` duty's deadline, else 31/12)."""
    for duty in plan.meta.duties:
        if duty.kind is DutyKind.UNIT_REPORT and duty.deadline:
            return duty.deadline.in_year(year)
    return date(year, 12, 31)


def reported_units(plan: Plan, year: int) -> dict[str, date | None]:
    """Units that sent figures or progress for ``year``, with their latest date."""
    data = plan.data.get(year)
    found: dict[str, date | None] = {}
    if data is None:
        return found

    def note(ref: str | None, day: date | None) -> None:
        uid = plan.units.resolve(ref) if ref else None
        if uid is None:
            return
        previous = found.get(uid)
        found[uid] = max(d for d in (previous, day) if d) if (previous or day) else None

    for by_unit in data.tasks.values():
        for ref, entry in by_unit.items():
            note(ref, entry.date)
    for m in data.indicators.values():
        if m.source:
            note(m.source.unit, m.source.date)
    for ref, receipt in data.forms.items():  # a form received (kh68 import): its date is the report's
        note(ref, receipt.received)
    return found


def deadlines(plan: Plan, year: int, today: date) -> list[Deadline]:
    """Reporting deadlines of ``year``; none before the plan period (baseline years)."""
    if year < plan.meta.period.start:
        return []
    reported = reported_units(plan, year)
    out = []
    for duty in plan.meta.duties:
        if duty.deadline is None:
            continue
        due = duty.deadline.in_year(year)
        units = []
        if duty.kind is DutyKind.UNIT_REPORT:
            for uid in plan.active_units(duty.from_units, due):
                on = reported.get(uid)
                units.append(UnitReport(uid, uid in reported, on, bool(on and on > due)))
        out.append(Deadline(duty, due, (due - today).days, units))
    return out
