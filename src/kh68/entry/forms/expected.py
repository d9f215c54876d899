"""Who gets a form for a reporting period, and what each form asks.

The one place that decides what a form asks: the units owing the period's
report on its due day (``kh68.tracking.tasks.period_owers``, as ``status``
counts them), the indicators they lead (the province-wide figure) or report
their own share of (aggregated), and the tasks they lead or coordinate.

A period is a year (``--year 2026``: the yearly report) or a month, quarter or
half-year a duty reports (``--period 2026-11``). A period's form asks for the
targets of its year and shows, for reference, what was reported for the
period before it (its own data file: ``data/2026-10.yaml`` for 2026-11); a
year's form shows the year before's figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kh68.core.errors import InputError, UsageError
from kh68.core.vnformat import format_number, format_value
from kh68.domain.coverage import unit_of_count_gone
from kh68.domain.deadlines import deadline, in_time_by, period_day, report_periods, reporters_of, unit_report_duties
from kh68.entry.forms.layout import (
    NOUNS,
    FormSpec,
    IndicatorRow,
    Scope,
    TaskRow,
    plan_id,
    plan_label,
    previous_period,
)
from kh68.kinds.periods import Period, Rhythm
from kh68.reading.bodies import above_the_units, stands_for_many
from kh68.reading.enums import Basis, DutyKind
from kh68.reading.models import Duty, Indicator, UnitValue, YearData
from kh68.reading.plan import Plan
from kh68.tracking.engine import observed_value, target_in_force
from kh68.tracking.tasks import Owed, period_owers
from kh68.vocab import task_state_label


def as_period(when: Period | int) -> Period:
    """A year given as a number is the year's period."""
    return when if isinstance(when, Period) else Period.of_year(when)


def expected_units(plan: Plan, when: Period | int) -> list[str]:
    """Units expected to send a form for a period (a year given as a number: the yearly report): those owing
    its report on its due day (the same expected reporters as ``status`` and the report: successors for
    ceased units, never the coordinating division itself nor the department)."""
    return [owed.unit.unit_id for owed in period_owers(plan, as_period(when))]


def formable_units(plan: Plan, period: Period) -> tuple[list[str], list[tuple[str, str]]]:
    """The units owing ``period``'s report that can have a form, and those that cannot with why
    (``no_form_reason``), the period's owers worked out once."""
    owers = period_owers(plan, period)
    units: list[str] = []
    refused: list[tuple[str, str]] = []
    for owed in owers:
        uid = owed.unit.unit_id
        reason = no_form_reason(plan, period, uid, owers)
        if reason is None:
            units.append(uid)
        else:
            refused.append((uid, reason))
    return units, refused


def require_reported(plan: Plan, period: Period) -> None:
    """Refuse a period no ``unit_report`` duty reports (a month of a plan reporting yearly), naming those it does.

    A year is refused only when the plan's unit reports are all within the year (monthly, quarterly); a plan
    without any ``unit_report`` duty keeps its yearly forms (to the units named with ``--unit``).
    """
    if unit_report_duties(plan, period):
        return
    if period.is_year and not any(d.kind is DutyKind.UNIT_REPORT for d in plan.meta.duties):
        return
    known = report_periods(plan, period.year)
    option = f"--year {period.year}" if period.is_year else f"--period {period.key}"
    if not known:
        reason = "kế hoạch không có nhiệm vụ báo cáo nào của đơn vị (kind: unit_report)"
    else:
        reason = f"các kỳ báo cáo năm {period.year} của kế hoạch: {periods_text(known)}"
    raise UsageError(f"{option}: không đơn vị nào phải báo cáo {period.label}; {reason}")


def periods_text(periods: list[Period]) -> str:
    """``2026 (năm), 2026-01 … 2026-12 (tháng)``: the periods as ``--year``/``--period`` name them, by rhythm."""
    parts = []
    for rhythm in Rhythm:
        keys = [p.key for p in periods if p.rhythm is rhythm]
        if not keys:
            continue
        every = len(keys) == rhythm.per_year and len(keys) > 2
        parts.append(f"{f'{keys[0]} … {keys[-1]}' if every else ', '.join(keys)} ({NOUNS[rhythm]})")
    return ", ".join(parts)


@dataclass(frozen=True)
class _Due:
    """The deadline a unit's form shows: the day and the duty whose words set it (``None``: no duty)."""

    day: date
    duty: Duty | None


def _due(plan: Plan, period: Period, owed: Owed | None) -> _Due:
    """The earliest deadline of the duties ``owed`` (a unit owing none: of every duty reporting the period)."""
    duties = list(owed.duties) if owed is not None else unit_report_duties(plan, period)
    if not duties:
        return _Due(period_day(plan, period), None)
    duty = min(duties, key=lambda d: in_time_by(d, period))
    return _Due(in_time_by(duty, period), duty)


def _owed(owers: list[Owed], unit_id: str) -> Owed | None:
    return next((o for o in owers if o.unit.unit_id == unit_id), None)


def form_day(plan: Plan, when: Period | int, unit_id: str, owers: list[Owed] | None = None) -> date:
    """The day ``unit_id``'s report of a period is due: what its units are judged on (who exists, who reports).
    ``owers``: the period's ``period_owers``, when already known."""
    period = as_period(when)
    return _due(plan, period, _owed(owers if owers is not None else period_owers(plan, period), unit_id)).day


def inactive_reason(plan: Plan, when: Period | int, unit_id: str, owers: list[Owed] | None = None) -> str | None:
    """Why ``unit_id`` cannot report for a period (it did not exist on the day its report is due), or ``None``."""
    return plan.units.inactive_reason(unit_id, form_day(plan, when, unit_id, owers))


def no_form_reason(plan: Plan, when: Period | int, unit_id: str, owers: list[Owed] | None = None) -> str | None:
    """Why ``unit_id`` can have no form for a period (it did not exist on its due day, it receives the forms, it
    is the plan's body or many bodies under one name), or ``None``."""
    period = as_period(when)
    owed = _owed(owers if owers is not None else period_owers(plan, period), unit_id)
    reason = plan.units.inactive_reason(unit_id, _due(plan, period, owed).day)
    if reason:
        return reason
    if unit_id in plan.unit_ids(_recipients(plan, period, owed)):  # "Gửi đến: <itself>": the forms go back to it
        return f"{plan.unit_name(unit_id)} là nơi nhận báo cáo của các đơn vị, không gửi báo cáo cho chính mình"
    unit = plan.units.units[unit_id]
    why = above_the_units(plan, unit_id) or (_many(plan, unit_id) if stands_for_many(unit) else None)
    return f"{plan.unit_name(unit_id)} {why}" if why is not None else None  # the Sở itself, "UBND các xã": no one


def _many(plan: Plan, unit_id: str) -> str:
    """Why a group has no form of its own, and whose forms it has: its members' (by their ids), or none named."""
    members = plan.units.units[unit_id].members
    if not members:
        return "là nhiều đơn vị chung một tên, kế hoạch không ghi thành viên (members): ghi các đơn vị vào members"
    shown = ", ".join(members[:5]) + (f" và {len(members) - 5} đơn vị khác" if len(members) > 5 else "")
    return (
        f"là nhiều đơn vị chung một tên: mỗi thành viên có biểu mẫu riêng (--unit {members[0]}, …: {shown}), hoặc bỏ "
        "--unit để lập biểu mẫu cho mọi đơn vị"
    )


def _duties(plan: Plan, period: Period, owed: Owed | None) -> list[Duty]:
    duties = list(owed.duties) if owed is not None else unit_report_duties(plan, period)
    if not duties and period.is_year:  # no duty reports the year: whoever the plan's unit reports go to
        duties = [d for d in plan.meta.duties if d.kind is DutyKind.UNIT_REPORT]
    return duties


def _recipients(plan: Plan, period: Period, owed: Owed | None) -> list[str]:
    return list(dict.fromkeys(u for d in _duties(plan, period, owed) for u in d.to_units))


def form_for(plan: Plan, when: Period | int, unit_id: str, owers: list[Owed] | None = None) -> FormSpec:
    """The form of ``unit_id`` for a period (a year given as a number: the yearly report); ``InputError`` naming
    ``no_form_reason`` when it can have none. ``owers``: the period's ``period_owers``, when already known."""
    period = as_period(when)
    owers = owers if owers is not None else period_owers(plan, period)
    reason = no_form_reason(plan, period, unit_id, owers)
    if reason is not None:
        raise InputError(f"không lập biểu mẫu {period.label} cho {unit_id}: {reason}")
    owed = _owed(owers, unit_id)
    due = _due(plan, period, owed)
    recipients = _recipients(plan, period, owed)
    return FormSpec(
        plan_id=plan_id(plan),
        plan_label=plan_label(plan),
        period=period,
        unit_id=unit_id,
        unit_name=plan.unit_name(unit_id),
        deadline=deadline(due.duty, period) if due.duty is not None else None,
        recipient=", ".join(plan.unit_names(recipients)) or plan.unit_name(plan.meta.issuing_unit),
        synthetic=plan.synthetic,
        indicators=tuple(_indicator_rows(plan, period, unit_id, due.day)),
        tasks=tuple(_task_rows(plan, period.year, unit_id, due.day)),
        deadline_text=str(due.duty.deadline) if due.duty is not None and due.duty.deadline is not None else None,
    )


def _indicator_rows(plan: Plan, period: Period, unit_id: str, day: date) -> list[IndicatorRow]:
    rows = []
    year = period.year
    before = _previous_data(plan, period)
    for indicator in plan.indicators:
        scope = indicator_scope(plan, indicator, year, unit_id, day)
        if scope is None:
            continue
        target = target_in_force(indicator, year)
        if target is None:
            target_text = "Không có chỉ tiêu năm này"
        else:
            target_text = target.text + (" (nội suy)" if target.derived else "")
        rows.append(
            IndicatorRow(
                indicator_id=indicator.id,
                name=indicator.name,
                unit=indicator.unit,
                target=target_text,
                scope=scope,
                inputs=inputs_for(indicator, scope),
                percent=indicator.measure.is_percent,
                previous=_previous(plan, indicator, before, unit_id if scope is Scope.UNIT else None),
            )
        )
    return rows


def indicator_scope(plan: Plan, indicator: Indicator, year: int, unit_id: str, on: date | None = None) -> Scope | None:
    """How ``unit_id`` reports ``indicator`` in ``year`` (in the report due ``on``, a period's), if at all.

    A unit the plan names as a reporter on that day sends its own share, even when it also leads the indicator
    (several units leading one indicator would otherwise each send the province-wide figure, and their forms
    would contradict each other); a unit that leads the indicator sends the province-wide figure; a unit that
    reported its own share (``by_unit``) the year before is asked for its share again (never from the year
    itself, so that importing a form does not change what the form should have asked).
    """
    expected = plan.reporters_on(indicator, on) if on is not None else reporters_of(plan, indicator, year)
    named = expected is not None and any(c.unit_id == unit_id for c in expected)
    gone = unit_of_count_gone(plan, indicator, year, on)
    if plan.covers(indicator.responsible_units, unit_id) and (gone or not named):
        return Scope.PROVINCE
    if gone:
        return None  # what it counts over no longer exists: nothing to ask
    if expected is not None:  # the plan says who reports it by unit that year
        return Scope.UNIT if named else None
    data = plan.data.get(year - 1)
    measurement = data.indicators.get(indicator.id) if data else None
    if measurement and unit_id in measurement.by_id:
        return Scope.UNIT
    return None


def inputs_for(indicator: Indicator, scope: Scope) -> tuple[str, ...]:
    if scope is Scope.UNIT:
        if indicator.basis is Basis.SHARE_OF_UNITS:
            return ("met",)
        return ("numerator", "denominator") if indicator.measure.is_percent else ("value",)
    if indicator.takes_value and indicator.takes_state:
        return ("value", "state")
    return ("state",) if indicator.takes_state else ("value",)


def _previous_data(plan: Plan, period: Period) -> YearData | None:
    """What the "previous" column shows: the year before's figures (as known at its end) for a year's form;
    for a month's, quarter's or half-year's, what was reported for the period before it (its own file)."""
    before = previous_period(period)
    if period.is_year:
        return plan.data.get(before.year)
    return plan.files.get(before)


def _previous(plan: Plan, indicator: Indicator, data: YearData | None, unit_id: str | None) -> str:
    measurement = data.indicators.get(indicator.id) if data else None
    if measurement is None:
        return ""
    if unit_id is None:
        value = observed_value(measurement, indicator)
        if value is not None:
            return format_value(value, indicator.unit)
        return task_state_label(measurement.state) if measurement.state else ""
    entry = measurement.by_id.get(unit_id)
    return _unit_value_text(entry, indicator.unit) if entry else ""


def _unit_value_text(entry: UnitValue, unit: str) -> str:
    if entry.met is not None:
        return "Đạt" if entry.met else "Chưa đạt"
    if entry.numerator is not None and entry.denominator is not None:
        return f"{format_number(entry.numerator)}/{format_number(entry.denominator)}"
    return format_value(entry.value, unit)


def _task_rows(plan: Plan, year: int, unit_id: str, due: date) -> list[TaskRow]:
    rows = []
    for task in plan.tasks:
        if not task.expected_in(year):
            continue
        if unit_id in plan.units.current_ids(task.lead_units, due):  # itself, or a successor of a lead
            role = "Chủ trì"
        elif unit_id in plan.units.current_ids(task.coordinating_units, due):
            role = "Phối hợp"
        else:
            continue
        rows.append(TaskRow(task.id, task.title, role, task.timing_text or ""))
    return rows
