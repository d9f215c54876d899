"""Everything ``kh68 status`` shows for one year, as values (no printing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kh68.core.vnformat import format_date, format_number
from kh68.domain.coverage import Coverage
from kh68.domain.deadlines import deadline, plan_report_duty, report_due
from kh68.kinds.periods import Period
from kh68.kinds.targets import Requirement
from kh68.kinds.verdict import Status
from kh68.outputs.export import target_to_dict
from kh68.reading.enums import DutyKind
from kh68.reading.models import Indicator, ReportPart, Task
from kh68.reading.plan import Plan
from kh68.reading.report_text import describe_missing, missing_parts, unwritten_tasks
from kh68.tracking.engine import IndicatorResult, PlanResult, TargetInForce
from kh68.tracking.tasks import Deadline, TaskStatus, carried_over
from kh68.tracking.tracked import track
from kh68.vocab import due_words


@dataclass(frozen=True)
class StatusView:
    """The engine's verdicts (``results``) with the tasks and deadlines of the year."""

    plan: Plan
    year: int
    today: date
    unit: str | None
    results: PlanResult
    tasks: list[TaskStatus]
    deadlines: list[Deadline]
    period: Period | None = None  # a month, quarter or half-year of ``year`` the view is seen at
    unwritten_parts: tuple[ReportPart, ...] = ()  # parts of the year's report the department has not written
    unwritten_tasks: tuple[Task, ...] = ()  # tasks due in the year that nobody reported on
    unseen: tuple[Period, ...] = ()  # periods with a data file the view leaves out: they begin after ``today``
    # Reports of periods of the year before due in this year (the second half's, due 05/01): a year's view in
    # January lists them, as they are what is due then.
    carried: tuple[Deadline, ...] = ()

    @property
    def unseen_warnings(self) -> tuple[str, ...]:
        """What the view leaves out, never silently: the figures, progress and forms sent after the day it is seen
        on (of the plan's view; a unit's report quotes its own), and each data file whose period begins after that day
        (a year's file of 2030 seen in 2026 made every figure "chưa có số liệu")."""
        left = self.plan.left_out  # a unit's view: its own, not the others'
        later = sum(left.values()) if self.unit is None else left.get(self.unit, 0)
        said = f"{format_number(later, 0)} số liệu, tiến độ hay biểu mẫu gửi sau ngày {format_date(self.today)}"
        sent_later = (f"{said} không được tính (chưa gửi vào ngày đó)",) if later else ()
        return sent_later + tuple(
            f"số liệu {p.label} ({self.plan.data_file(p)}) không được tính: {p.label} bắt đầu ngày "
            f"{format_date(p.first_day)}, sau ngày xem {format_date(self.today)}; nếu tệp ghi nhầm kỳ, sửa tên tệp "
            "và năm trong tệp"
            for p in self.unseen
        )

    @property
    def when(self) -> str:
        """``năm 2026``, ``tháng 11/2026``."""
        return self.period.label if self.period is not None else f"năm {self.year}"


def build_status(
    plan: Plan, year: int, today: date, unit: str | None = None, period: Period | None = None
) -> StatusView:
    """Indicators, tasks and deadlines for ``year`` (as known at the end of ``period``, and only the reports of
    that period, when given: a month, a quarter); with ``unit``, only what it leads or owes. As seen ``today``:
    nothing of a period that begins after it, no report dated after it."""
    cut = period or Period.of_year(year)
    unseen = tuple(p for p in plan.files if today < p.first_day <= cut.last_day)
    plan = plan.as_of(period, today)
    indicators = _of_unit(plan, unit) if unit is not None else plan.indicators
    tracked = track(plan, year, today, period, indicators)
    tasks, owed = tracked.tasks, tracked.deadlines
    carried = carried_over(plan, year, today) if period is None else []
    if unit is not None:
        tasks = [t for t in tasks if plan.covers(t.task.lead_units, unit, today)]  # its own, and those it took over
        owed, carried = _of_unit_reports(plan, owed, unit, today), _of_unit_reports(plan, carried, unit, today)
    return StatusView(
        plan,
        year,
        today,
        unit,
        tracked.results,
        tasks,
        owed,
        period,
        tracked.missing_parts,
        tracked.unwritten_tasks,
        unseen,
        tuple(carried),
    )


def _of_unit_reports(plan: Plan, owed: list[Deadline], unit: str, today: date) -> list[Deadline]:
    """The reports ``unit`` owes or sends (its own, or those of a unit it took over from), each with its own line."""
    return [
        Deadline(d.duty, d.due, d.days_left, [u for u in d.units if u.unit_id == unit], d.recipients, d.period, d.sent)
        for d in owed
        if plan.covers(d.duty.from_units, unit, today)
        and (d.duty.kind is not DutyKind.UNIT_REPORT or any(u.unit_id == unit for u in d.units))
    ]


def _of_unit(plan: Plan, unit: str) -> list[Indicator]:
    """What ``unit`` answers for: its own share of an indicator where the plan gives it one (``unit_targets``),
    else the indicators it leads by name. A member of a group that leads one reports its share (the group's members
    are its reporters): its figure is its own, never the group's total said as the unit's."""
    own = {share.id: share for share in plan.shares if share.share_of == unit}
    return [own.get(i.id, i) for i in plan.indicators if i.id in own or unit in plan.unit_ids(i.responsible_units)]


def _kind(target: TargetInForce) -> str:
    """The kind of a stated target; an interpolated milestone is named by its shape, as a stated one would be."""
    if target.meaning is not None:
        return target.meaning.kind
    requirement = target.requirement
    if requirement is None or requirement.far is None:
        return "greater_than" if requirement is not None and requirement.strict else "at_least"
    return "range"


def _bounds(requirement: Requirement | None) -> tuple[float | None, float | None]:
    """An interpolated milestone's bounds: the goal, and the far bound of a range."""
    if requirement is None:
        return None, None
    if requirement.far is None:
        return requirement.goal, None
    low, high = sorted((requirement.goal, requirement.far))
    return low, high


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def coverage_to_dict(c: Coverage | None) -> dict[str, Any] | None:
    """Units expected, reported and missing; the share of the denominator when known."""
    if c is None:
        return None
    return {
        "expected": [u.unit_id for u in c.expected],
        "reported": list(c.reported),
        "missing": c.missing,
        "share": _number(c.share),
        "denominator_reported": c.denominator_reported,
        "denominator_expected": c.denominator_expected,
        "denominator_share": _number(c.denominator_share),
        "complete": c.complete,
        "label": c.label,
    }


def result_to_dict(r: IndicatorResult) -> dict[str, Any]:
    """One indicator's verdict as JSON-ready data (numbers as numbers, unknown as null)."""
    target: dict[str, Any] | None = None
    if r.target is not None:
        low, high = (
            r.target.meaning.bounds(r.indicator.better)
            if r.target.meaning is not None
            else _bounds(r.target.requirement)
        )
        meaning = r.target.meaning
        target = {"text": r.target.text, "kind": _kind(r.target)} | {
            "min": low,
            "max": high,
            "derived": r.target.derived,
            "display": r.target.display,
            "decimals": r.target.decimals,
        }
        if meaning is not None:  # as the export says it: exclusive, a span and how its years add up, a change
            spanned: dict[str, Any] = {"span": list(meaning.span)} if meaning.span is not None else {}
            target = target | spanned | meaning.figures()
    final = None
    if r.final is not None:
        final = target_to_dict(r.final.text, r.final.meaning, r.indicator.better) | {
            "year": r.final.year,
            "goal": r.final.goal,
        }
    previous = None
    if r.previous is not None:
        previous = {
            "year": r.previous.year,
            "value": _number(r.previous.value),
            "change": _number(r.previous.change),
            "comparable": r.previous.crossed is None,
        }
    return {
        "id": r.indicator.id,
        "name": r.indicator.name,
        "share_of": r.indicator.share_of,
        "unit": r.indicator.unit,
        "target": target,
        "value": _number(r.value),
        "value_display": r.value_display or None,
        "state": r.state.value if r.state else None,
        "gap": _number(r.gap),
        "status": r.status.value,
        "status_label": r.status_label,
        "provisional": r.provisional,
        "coverage": coverage_to_dict(r.coverage),
        "comparable_since": r.comparable_since,
        "series_break": None
        if r.series_break is None
        else {"date": r.series_break.declared.date.isoformat(), "text": r.series_break.text},
        "unit_of_count_gone": r.unit_of_count_gone.isoformat() if r.unit_of_count_gone else None,
        "notes": list(r.notes),
        "previous": previous,
        "series": [{"year": p.year, "value": _number(p.value)} for p in r.series],
        "final": final,
        "progress": {
            "category": r.progress.category.value,
            "category_label": r.progress.category.label,
            "ratio": _number(r.progress.ratio),
            "projected_final": _number(r.progress.projected),  # the value projected to the final target's year
            "final_year": r.progress.final_year or (r.final.year if r.final else None),
        },
    }


def view_to_dict(view: StatusView) -> dict[str, Any]:
    return {
        "year": view.year,
        "period": view.period.key if view.period is not None else None,
        "today": view.today.isoformat(),
        "plan": view.plan.meta.symbol,
        "synthetic": view.plan.synthetic,
        "unit": view.unit,
        "indicators": [result_to_dict(r) for r in view.results],
        "summary": {status.value: view.results.count(status) for status in Status},
        "tasks": [
            {
                "id": t.task.id,
                "title": t.task.title,
                "state": t.state.value if t.state else None,
                "lead_units": t.lead_units,
                "missing_leads": t.missing_leads,
                "timing": t.task.timing_text,
                "due": t.due.day.isoformat() if t.due else None,
                "days_left": t.due.days_left if t.due else None,
                "overdue": t.due.overdue if t.due else False,
            }
            for t in view.tasks
        ],
        "reporting": [
            {
                "duty": d.duty.id,
                "period": d.cadence.key,
                "deadline": d.due.isoformat() if d.due else None,
                "days_left": d.days_left,
                "overdue": d.overdue,
                "sent": {"number": d.sent.number, "date": d.sent.date.isoformat(), "late": d.sent_late}
                if d.sent is not None
                else None,
                "units": [
                    {
                        "unit": u.unit_id,
                        "reported": u.reported,
                        "date": u.on.isoformat() if u.on else None,
                        "date_source": u.source.value if u.source else None,
                        "late": u.late,
                    }
                    for u in d.units
                ],
            }
            for d in (*view.carried, *view.deadlines)
        ],
    }


def unwritten(plan: Plan, year: int, period: Period | None = None) -> tuple[list[ReportPart], list[Task]]:
    """The parts of the report ``kh68 status`` is seen for that the department has not written, and the tasks due
    that nobody reported on: the year's report, or (``period``) that month's or quarter's, of its own file."""
    if period is not None and not period.is_year:
        data = plan.files.get(period)
        return (data.missing_report_parts() if data is not None else []), unwritten_tasks(plan, data, year)
    return missing_parts(plan, year), unwritten_tasks(plan, plan.data.get(year), year)


def reminder(plan: Plan, year: int, today: date, period: Period | None = None) -> str:
    """Before the deadline of the report ``kh68 status`` is seen for: which parts the department has still to
    write ('' if none).

    The year's report, of the year's text as the plan holds it; a month's or a quarter's (``period``), the report of
    that period the plan asks for, of that period's file (none: no reminder)."""
    parts, tasks = unwritten(plan, year, period)
    if period is not None and not period.is_year:
        duty = plan_report_duty(plan, period)
        if duty is None:
            return ""  # the plan asks no report of this period
        due, label, last = deadline(duty, period), period.label, period.last_day
    else:
        due, label, last = report_due(plan, year), f"năm {year}", date(year, 12, 31)
        period = Period.of_year(year)
    if not (parts or tasks) or today > (due or last):  # no day set: a reminder while the period lasts
        return ""
    return (
        f"Báo cáo {label} ({due_words(due)}): phần lời văn còn thiếu {describe_missing(parts, tasks)}; "
        f"ghi vào tệp {plan.data_file(period)}."
    )
