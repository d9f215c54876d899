"""Tasks under way and reports owed, for one year: pure functions, no I/O.

A unit is expected to report for year Y when it exists on the deadline day
(its deadline in Y): a body that ceased in mid-year cannot send the year's report;
its successors (for the duty's function) owe it instead, and say so. A
month's or a quarter's report is owed likewise by the units of its own due
day (``period_owers``: the one answer for status, forms and import). A
coordinating unit never owes its report to itself, and the department never
owes a report to its own division. A request to an organisation outside the
department's authority (a task or duty of kind ``request``) is never owed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kh68 import vocab
from kh68.domain.coverage import expected_reporters
from kh68.domain.deadlines import in_time_by, unit_report_duties
from kh68.domain.derived import Derived, acts_for, derive, done_by_every_lead, lead_states, reports_owed
from kh68.kinds.periods import Period, Rhythm
from kh68.kinds.verdict import TaskState
from kh68.reading.bodies import issuer_id, tracker_id
from kh68.reading.enums import DutyKind, UnitKind
from kh68.reading.models import DateSource, Duty, Progress, SentReport, Task, YearData
from kh68.reading.plan import Current, Plan

DUE_SOON_DAYS = 30
"""A task whose deadline falls within this many days is said to be due soon."""


@dataclass(frozen=True)
class Due:
    """A task's deadline as seen on a day: how many days are left (negative: overdue)."""

    day: date
    days_left: int
    finished: bool  # reported done (or kept up after its deadline): never late

    @property
    def overdue(self) -> bool:
        return not self.finished and self.days_left < 0

    @property
    def soon(self) -> bool:
        return not self.finished and 0 <= self.days_left <= DUE_SOON_DAYS


@dataclass(frozen=True)
class TaskStatus:
    task: Task
    group_id: str
    state: TaskState | None
    entries: dict[str, Progress]
    missing_leads: list[str]
    lead_units: list[str]
    missing: list[Current] = field(default_factory=list)
    due: Due | None = None
    partners_only: bool = False  # every progress entry is a coordinating unit's: no lead reported
    done_in: int | None = None  # a one-off task reported done in an earlier year: done since (its state DONE)

    def missing_names(self, plan: Plan) -> list[str]:
        """Names of the units owing a progress report, saying whose duties a successor carries."""
        acting = {c.unit_id: c for c in self.missing if c.inherited}
        return [plan.acting_name(acting[uid]) if uid in acting else plan.unit_name(uid) for uid in self.missing_leads]

    @property
    def is_request(self) -> bool:
        return self.task.kind == "request"

    @property
    def state_label(self) -> str:
        """``Hoàn thành`` …; ``Chưa có báo cáo``, or ``Đề nghị phối hợp`` for a request nobody answered."""
        return vocab.task_state_label(self.state, request=self.is_request)


class SentOn(StrEnum):
    """Where the day a unit reported comes from (``date_source`` of ``kh68 status --format json``)."""

    FORM = "form"  # the sent date the unit wrote on its form (``forms:``, ``date_source: form``)
    RECEIVED = "received"  # the form gave none: the day it was received (``date_source: received``)
    ENTRY = "entry"  # no form: the date of its progress entry or of its figure's source


@dataclass(frozen=True)
class UnitReport:
    unit_id: str
    reported: bool
    on: date | None
    late: bool
    acting: Current | None = None
    source: SentOn | None = None  # where ``on`` comes from (``None``: not reported, or reported undated)

    @property
    def received(self) -> bool:
        """``on`` is the day the unit's form was received: the form gave no sent date."""
        return self.source is SentOn.RECEIVED

    def name(self, plan: Plan) -> str:
        """The unit's name, saying whose duties it carries when it is a successor."""
        return plan.acting_name(self.acting) if self.acting else plan.unit_name(self.unit_id)


@dataclass(frozen=True)
class Deadline:
    """A duty's report of one period: when it is due, who owes it and who sent it."""

    duty: Duty
    due: date | None  # None: the plan's words give no day (``deadline-missing``): nothing is late, nothing overdue
    days_left: int | None
    units: list[UnitReport] = field(default_factory=list)
    recipients: list[Current] = field(default_factory=list)
    period: Period | None = None  # the period reported (a year, a half-year, a quarter, a month)
    sent: SentReport | None = None  # the report on the plan as sent by the day seen (``report › sent``)

    @property
    def cadence(self) -> Period:
        if self.period is not None:
            return self.period
        assert self.due is not None
        return Period.of_year(self.due.year)

    def recipient_names(self, plan: Plan) -> list[str]:
        """Who receives the report in its year: "<đơn vị kế thừa> (tiếp nhận nhiệm vụ của … từ <ngày>)"."""
        return [plan.acting_name(r) for r in self.recipients] or plan.unit_names(self.duty.to_units)

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0 and self.sent is None

    @property
    def sent_late(self) -> bool:
        return self.sent is not None and self.due is not None and self.sent.date > self.due

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


def task_statuses(plan: Plan, year: int, today: date | None = None) -> list[TaskStatus]:
    """Each task's state in ``year``, the units owing its progress report, and its deadline as seen ``today``."""
    return statuses(plan, derive(plan, year, indicators=()), today)


def statuses(plan: Plan, derived: Derived, today: date | None = None) -> list[TaskStatus]:
    """``task_statuses`` from what the domain worked out about the year."""
    data = derived.data
    due = derived.report_day
    seen = today if today is not None else date(derived.year, 12, 31)
    result = []
    for group in plan.groups:
        for task in group.tasks:
            entries = _entries(data, task.id)
            leads = plan.unit_ids(task.lead_units)
            own = lead_states(plan, task, entries, due)
            state = combine_states(own if own is not None else [p.state for p in entries.values()])
            if state is TaskState.DONE and own is not None and not done_by_every_lead(plan, task, entries, due):
                state = TaskState.IN_PROGRESS  # one lead's part done, another's not reported done
            earlier = derived.done_in.get(task.id)
            done_in = earlier if earlier is not None and earlier < derived.year and _over(task, derived.year) else None
            if state is None and done_in is not None:
                state = TaskState.DONE  # done once and for all in an earlier year ("Chưa có báo cáo" said otherwise)
            owing = []
            if task.kind != "request" and derived.in_period and task.id in derived.expected:
                owing = [
                    c
                    for lead in leads
                    if not _lead_reported(plan, lead, due, entries)
                    for c in _owers(plan, [lead], due, whole_groups=True)
                ]
            missing = list(dict.fromkeys(c.named if not c.inherited else c.unit_id for c in owing))
            deadline = task_due(task, state, derived.year, seen, done_by=derived.done_in.get(task.id))
            partners_only = bool(entries) and own is not None and not own
            result.append(
                TaskStatus(task, group.id, state, entries, missing, leads, owing, deadline, partners_only, done_in)
            )
    return result


def _over(task: Task, year: int) -> bool:
    """A one-off task whose time ended before ``year`` (work done every round, or going on, is never over)."""
    return task.schedule is not None and not task.schedule.recurs and not task.expected_in(year)


def task_due(task: Task, state: TaskState | None, year: int, today: date, *, done_by: int | None = None) -> Due | None:
    """The deadline of ``task`` in ``year`` as seen ``today``: a one-off task's ("Quý II/2026", "trước ngày
    30/6/2026"), or the day of ``year``'s round of work done every year ("Quý IV hằng năm").

    Other recurring and ongoing work has no deadline to miss (its reports are owed each
    period instead); a request is asked, not assigned. A one-off task reported done in an
    earlier year (``done_by``) stays done; a round done one year does not do the next's.
    """
    schedule = task.schedule
    due = schedule.due_in(year) if schedule is not None else None
    if schedule is None or due is None or task.kind == "request":
        return None
    finished = state in (TaskState.DONE, TaskState.ONGOING) or (done_by is not None and not schedule.recurs)
    return Due(due, (due - today).days, finished)


def _owers(
    plan: Plan,
    refs: list[str],
    day: date,
    function: str | None = None,
    to: Iterable[str] = (),
    *,
    whole_groups: bool = False,
) -> list[Current]:
    """Units owing a report on ``day`` for ``refs`` (the expected-reporter logic of coverage), never
    the recipients themselves, nor the department, which reports through its divisions, nor an
    organisation outside the department's authority, which is asked, not assigned."""
    # The bodies that issue and track the plan report through their divisions; they owe no report themselves.
    departments = (issuer_id(plan), tracker_id(plan))
    excluding = [*to, *(d for d in departments if d)]
    owing = expected_reporters(plan, refs, day, function, excluding, whole_groups=whole_groups)
    return [c for c in owing if plan.units.units[c.unit_id].kind is not UnitKind.ORGANISATION]


def _lead_reported(plan: Plan, lead: str, day: date, entries: dict[str, Progress]) -> bool:
    """Whether a lead (or a unit acting for it on ``day``, or on the day of its own entry) reported progress."""
    return any(acts_for(plan, [lead], reporter, progress, day) for reporter, progress in entries.items())


def _entries(data: YearData | None, task_id: str) -> dict[str, Progress]:
    if data is None:
        return {}
    return dict(data.progress.get(task_id, {}))


def reported_units(plan: Plan, period: Period | int, until: date | None = None) -> dict[str, date | None]:
    """Units that sent figures (their own, or as a figure's source) or progress for ``period`` (a year: its own file,
    or with the periods of a plan that reports only within the year), with their latest date; with ``until``, only
    what was sent by that day (a later date is a report not yet sent then)."""
    return {uid: day for uid, (day, _) in _sent(plan, period, until).items()}


def _sent(plan: Plan, period: Period | int, until: date | None = None) -> dict[str, tuple[date | None, SentOn | None]]:
    """``reported_units`` with where each unit's latest date comes from (a form's receipt wins a tie)."""
    found: dict[str, tuple[date | None, SentOn | None]] = {}

    def note(uid: str | None, day: date | None, source: SentOn) -> None:
        if uid not in plan.units.units or (until is not None and day is not None and day > until):
            return
        previous, previous_source = found.get(uid, (None, None))
        if day is None:
            found[uid] = (previous, previous_source)
        elif previous is None or day > previous or (day == previous and source is not SentOn.ENTRY):
            found[uid] = (day, source)

    for data in _files_of(plan, period):
        for by_unit in data.progress.values():
            for uid, entry in by_unit.items():
                note(uid, entry.date, SentOn.ENTRY)
        for m in data.indicators.values():
            if m.source:
                note(m.source_unit, m.source.date, SentOn.ENTRY)
            for uid, figure in m.by_id.items():  # a figure by unit is part of that unit's report (dated by its source)
                note(uid, figure.source.date if figure.source is not None else None, SentOn.ENTRY)
        for uid, receipt in data.received.items():  # a form received (kh68 import): its date is the report's
            from_form = SentOn.RECEIVED if receipt.date_source is DateSource.RECEIVED else SentOn.FORM
            note(uid, receipt.received, from_form)
    return found


def _files_of(plan: Plan, period: Period | int) -> list[YearData]:
    """The figures and progress sent for ``period``: its own data file (a year given as a number: the year's); for
    the second half-year, the year's file too (its report is the year's: a unit that wrote its report there was
    "chưa gửi" under the second half, a probe of a real plan)."""
    found = [_file_of(plan, period)]
    if isinstance(period, Period) and period.rhythm is Rhythm.SIX_MONTHLY and period.index == 2:
        found.append(_file_of(plan, period.year))
    return [d for d in found if d is not None]


def _file_of(plan: Plan, period: Period | int) -> YearData | None:
    """The data file of ``period`` (a year given as a number: the year's)."""
    if isinstance(period, int):
        return plan.data.get(period)
    return plan.files.get(period) if plan.files else (plan.data.get(period.year) if period.is_year else None)


def deadlines(plan: Plan, year: int, today: date, within: Period | None = None) -> list[Deadline]:
    """Reporting deadlines of ``year`` (only those of periods in ``within`` when given: a month, a quarter);
    none before the plan period (baseline years). A duty reporting monthly has one per month; a duty whose
    period the plan states without a day ("định kỳ hằng quý") has one per period with no day (``due`` None)."""
    return owed_reports(plan, derive(plan, year, indicators=()), today, within)


def carried_over(plan: Plan, year: int, today: date) -> list[Deadline]:
    """The reports of the year before's periods due in ``year`` (the second half's, due 05/01): only those, so
    that a year's view costs nothing more when a plan has none."""
    if year - 1 < plan.meta.period.start:
        return []
    due_now = [(duty, p, due) for duty, p, due in reports_owed(plan, year - 1) if due is not None and due.year == year]
    return [_deadline(plan, duty, period, due, today) for duty, period, due in due_now]


def owed_reports(plan: Plan, derived: Derived, today: date, within: Period | None = None) -> list[Deadline]:
    """``deadlines`` from what the domain worked out about the year."""
    return [
        _deadline(plan, duty, period, due, today)
        for duty, period, due in derived.owed
        if within is None or period.within(within) or within.within(period)
    ]


def _deadline(plan: Plan, duty: Duty, period: Period, due: date | None, today: date) -> Deadline:
    """Who owed ``duty``'s report of ``period`` (due on ``due``, if the plan sets a day), who sent it by ``today``
    and when."""
    recipients = recipients_of(plan, duty, in_time_by(duty, period))
    units = []
    if duty.kind is DutyKind.UNIT_REPORT:
        sent = _sent(plan, period, until=today)  # a report dated after ``today`` is not yet sent on ``today``
        for c in unit_report_owers(plan, duty, period):
            on, source = sent.get(c.unit_id, (None, None))
            late = bool(on and due and on > due)
            units.append(UnitReport(c.unit_id, c.unit_id in sent, on, late, c, source))
    days_left = (due - today).days if due is not None else None
    return Deadline(duty, due, days_left, units, recipients, period, _sent_report(plan, duty, period, today))


def _sent_report(plan: Plan, duty: Duty, period: Period, today: date) -> SentReport | None:
    """The plan's report of ``period`` for ``duty`` as sent by ``today``: its own file's ``report › sent``, or the
    year's file's for the period that ends the year (the second half's report is the year's)."""
    files = [_file_of(plan, period)]
    if not period.is_year and period.last_day == Period.of_year(period.year).last_day:
        files.append(_file_of(plan, period.year))
    for data in files:
        sent = data.report.sent.get(duty.id) if data is not None and data.report is not None else None
        if sent is not None and sent.date <= today:
            return sent
    return None


def unit_report_owers(plan: Plan, duty: Duty, period: Period) -> list[Current]:
    """The units owing ``duty``'s report of ``period``, resolved on the day it is due: the expected reporters
    of status, report, forms and import alike."""
    due = in_time_by(duty, period)
    return _owers(plan, duty.from_units, due, duty.function, [r.unit_id for r in recipients_of(plan, duty, due)])


@dataclass(frozen=True)
class Owed:
    """A unit's report of one period: the duties it owes for it and the earliest day one is due."""

    unit: Current
    duties: tuple[Duty, ...]
    due: date


def period_owers(plan: Plan, period: Period) -> list[Owed]:
    """Every unit owing a report of ``period``, in the order the duties name them: the units of ``kh68 form``
    for that period, as ``status`` counts them (``unit_report_owers`` of each duty reporting it)."""
    found: dict[str, Owed] = {}
    for duty in unit_report_duties(plan, period):
        due = in_time_by(duty, period)
        for c in unit_report_owers(plan, duty, period):
            known = found.get(c.unit_id)
            if known is None:
                found[c.unit_id] = Owed(c, (duty,), due)
            else:
                found[c.unit_id] = Owed(known.unit, (*known.duties, duty), min(known.due, due))
    return list(found.values())


def recipients_of(plan: Plan, duty: Duty, day: date) -> list[Current]:
    """Who receives ``duty``'s report on ``day``: the named recipients, or their successors for its function."""
    return plan.units.current(duty.to_units, day, duty.function)
