"""Deadlines per duty and period: the one place a reporting duty's day is worked out.

``deadline(duty, period)`` is the day a report of ``period`` is in time (``None``: the plan sets no day, or the
duty does not report that period); every other day here (a year's reporting day, a period's, the department's
report) is read from it. Pure functions, no I/O.
"""

from __future__ import annotations

from datetime import date

from kh68.kinds.periods import Period, Rhythm
from kh68.reading.enums import DutyKind
from kh68.reading.models import Duty, Indicator
from kh68.reading.plan import Current, Plan


def deadline(duty: Duty, period: Period) -> date | None:
    """The last day ``duty``'s report of ``period`` is in time (``None``: no day set, or the duty does not report it).
    The year's report of a duty reporting each half-year is its second half's ("6 tháng (…) và năm (…)")."""
    if period.is_year and duty.rhythm is Rhythm.SIX_MONTHLY:
        period = duty.rhythm.periods(period.year)[-1]
    return duty.deadline.rule.due(period) if duty.deadline is not None else None


def in_time_by(duty: Duty, period: Period) -> date:
    """``deadline``, or the period's last day for a duty that sets none: the day its reporters are resolved on."""
    return deadline(duty, period) or period.last_day


def periods(duty: Duty, year: int) -> list[Period]:
    """The periods of ``year`` ``duty`` reports on (a duty whose deadline names some periods only: those), from
    the first whose report is due on or after the day the duty begins (``owed_from``: a report due before the
    plan was issued is not owed; a period without a day counts from its last day)."""
    found = duty.rhythm.periods(year)
    if duty.deadline is not None:
        found = [p for p in found if duty.deadline.rule.named_day(p) is not None]
    owed_from = duty.owed_from
    if owed_from is not None:
        found = [p for p in found if in_time_by(duty, p) >= owed_from]
    return found


def last_deadline(plan: Plan, kind: DutyKind, year: int) -> date | None:
    """The last deadline in ``year`` of the plan's first duty of ``kind`` (``None``: the plan sets no day)."""
    duty = plan.duty(kind)
    found = periods(duty, year) if duty is not None else []
    return deadline(duty, found[-1]) if duty is not None and found else None


def report_day(plan: Plan, year: int) -> date:
    """The day units report for ``year`` (the ``unit_report`` duty's deadline, else 31/12: a day to resolve units
    on, never shown as a deadline).

    What a year's figures and expected reporters are judged on: a unit that ceased
    before that day cannot send the year's report, one not yet started neither.
    """
    return last_deadline(plan, DutyKind.UNIT_REPORT, year) or date(year, 12, 31)


def report_due(plan: Plan, year: int) -> date | None:
    """The day the department reports ``year`` (the ``plan_report`` duty's deadline; ``None``: the plan sets none)."""
    return last_deadline(plan, DutyKind.PLAN_REPORT, year)


def unit_report_duties(plan: Plan, period: Period) -> list[Duty]:
    """The ``unit_report`` duties that report ``period`` (a monthly duty: each month; a yearly one: the year)."""
    return [d for d in plan.meta.duties if d.kind is DutyKind.UNIT_REPORT and period in periods(d, period.year)]


def plan_report_duty(plan: Plan, period: Period) -> Duty | None:
    """The report on the plan for ``period``: the year's, the plan's first ``plan_report`` duty; a month's,
    quarter's or half-year's, the first ``plan_report`` duty that reports that period (``None``: no such duty)."""
    if period.is_year:
        return plan.duty(DutyKind.PLAN_REPORT)
    return next(
        (d for d in plan.meta.duties if d.kind is DutyKind.PLAN_REPORT and period in periods(d, period.year)), None
    )


def period_day(plan: Plan, period: Period) -> date:
    """The day units report for ``period``: a year's is ``report_day``; a month's, quarter's or half-year's the
    earliest day a ``unit_report`` duty reporting it is due (its last day when no duty sets one).

    What a period's figures are judged on, as ``report_day`` is for a year: which units exist, who reports.
    """
    if period.is_year:
        return report_day(plan, period.year)
    days = (due for d in unit_report_duties(plan, period) if (due := deadline(d, period)) is not None)
    return min(days, default=period.last_day)


def report_periods(plan: Plan, year: int) -> list[Period]:
    """The periods of ``year`` some ``unit_report`` duty reports on: the year, half-years, quarters, months."""
    found = {p for d in plan.meta.duties if d.kind is DutyKind.UNIT_REPORT for p in periods(d, year)}
    return sorted(found, key=lambda p: (-p.rhythm.months, p.last_day))


def reporters_of(plan: Plan, indicator: Indicator, year: int) -> list[Current] | None:
    """The units expected to report ``indicator``'s figures for ``year`` (``None``: the plan names none).

    The plan's reporters resolved on the year's reporting day: groups expanded,
    ceased units replaced by their successors for the reporters' function.
    """
    return plan.reporters_on(indicator, report_day(plan, year))
