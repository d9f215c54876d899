"""What the plan's organisation and calendar say about one year, worked out once: pure functions, no I/O.

``derive(plan, year)`` asks the domain and the plan everything the tracking of a year
needs (the reporting day, each duty's periods and deadlines, the tasks due, each
indicator's figures, coverage, break and unit of count, the parts of the report still
unwritten) and hands it over as values: tracking judges from :class:`Derived` and asks
nothing more of the domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from kh68.domain.coverage import Coverage, coverage, unit_of_count_gone
from kh68.domain.deadlines import deadline, periods, report_day
from kh68.domain.measures import computed_value, unit_value
from kh68.kinds.periods import Period
from kh68.kinds.verdict import TaskState
from kh68.reading.enums import DutyKind
from kh68.reading.models import Duty, Indicator, Measurement, Progress, ReportPart, SeriesBreak, Task, YearData
from kh68.reading.plan import Plan
from kh68.reading.report_text import missing_parts, unwritten_tasks
from kh68.vocab import unit_kind_label


@dataclass(frozen=True)
class IndicatorFacts:
    """One indicator in one year as the organisation model sees it, with its figures by year.

    A unit's share of an indicator is judged on that unit's own figures, with no coverage,
    break or unit of count of its own.
    """

    indicator: Indicator
    measurement: Measurement | None  # the year's
    computed: float | None  # the year's value combined from the units' entries
    values: tuple[tuple[int, float], ...]  # the observed value (recorded, else combined) by year, oldest first
    coverage: Coverage | None = None
    series_break: tuple[SeriesBreak, int] | None = None  # the latest break begun by the year, and its first year
    unit_of_count_gone: date | None = None
    unit_of_count_label: str = ""
    provisional_years: frozenset[int] = frozenset()  # years whose figure is not the whole year's (few units, part)
    known_until: Period | None = None


@dataclass(frozen=True)
class Derived:
    """Everything the tracking of ``year`` needs from the domain and the plan."""

    year: int
    report_day: date  # the day units report for the year: who exists, who owes
    in_period: bool  # the year is within the plan period (a baseline year owes nothing)
    data: YearData | None  # the year's figures and progress
    owed: tuple[tuple[Duty, Period, date | None], ...]  # each duty's reports of the year: period and deadline
    indicators: tuple[IndicatorFacts, ...]
    done_in: Mapping[str, int]  # the first year up to this one in which a task was reported done
    expected: frozenset[str]  # the tasks whose progress is reported in the year
    missing_parts: tuple[ReportPart, ...]  # parts of the year's report the department has not written
    unwritten_tasks: tuple[Task, ...]  # tasks due in the year that nobody reported on


def derive(plan: Plan, year: int, indicators: Iterable[Indicator] | None = None) -> Derived:
    """What the domain and the plan say about ``year`` (of ``indicators``, else all the plan's)."""
    chosen = plan.indicators if indicators is None else indicators
    day = report_day(plan, year)
    in_period = year >= plan.meta.period.start
    owed = reports_owed(plan, year) if in_period else ()
    facts = tuple(indicator_facts(plan, indicator, year) for indicator in chosen)
    done = _done(plan, year)
    data = plan.data.get(year)
    tasks = [task for group in plan.groups for task in group.tasks]
    expected = frozenset(t.id for t in tasks if t.expected_in(year))
    parts = tuple(missing_parts(plan, year))
    unwritten = tuple(unwritten_tasks(plan, data, year))
    return Derived(year, day, in_period, data, owed, facts, done, expected, parts, unwritten)


def reports_owed(plan: Plan, year: int) -> tuple[tuple[Duty, Period, date | None], ...]:
    """Each duty's reports of ``year``, in the plan's order: a request is asked, not owed; a duty with neither a
    deadline nor a period reports nothing on its own, but the report on the plan, owed each year even where the plan
    sets no day ("báo cáo … theo quy định": its line says so, and that it was sent when ``report › sent`` says)."""
    return tuple(
        (duty, period, deadline(duty, period))
        for duty in plan.meta.duties
        if duty.kind is not DutyKind.REQUEST
        and (duty.deadline is not None or duty.period is not None or duty.kind is DutyKind.PLAN_REPORT)
        for period in periods(duty, year)
    )


def _done(plan: Plan, year: int) -> dict[str, int]:
    """Each task reported done by ``year`` by its leads (every unit, for a task without one): the first year it was.
    A coordinating unit's "Hoàn thành" is its own part done: it took a task no lead reported on off the overdue
    list."""
    found: dict[str, int] = {}
    tasks = {task.id: task for task in plan.tasks}
    for y in sorted(plan.data):
        if y > year:
            continue
        for task_id, by_unit in plan.data[y].tasks.items():
            task = tasks.get(task_id)
            if task_id in found or task is None:
                continue
            day = report_day(plan, y)
            own = lead_states(plan, task, by_unit, day)
            states = own if own is not None else [p.state for p in by_unit.values()]
            if (
                states
                and all(state is TaskState.DONE for state in states)
                and done_by_every_lead(plan, task, by_unit, day)
            ):
                found[task_id] = y
    return found


def lead_states(plan: Plan, task: Task, entries: Mapping[str, Progress], day: date) -> list[TaskState] | None:
    """The states ``task``'s leads reported (a member of a lead group, or a unit acting for a lead that has ceased on
    the day of its entry, else on ``day``, reports as the lead); ``None`` for a task the plan gives no lead. The
    task's state is its leads' to report: a coordinating unit's is its own part of the work."""
    leads = plan.unit_ids(task.lead_units)
    if not leads:
        return None

    return [p.state for uid, p in entries.items() if acts_for(plan, leads, uid, p, day)]


def done_by_every_lead(plan: Plan, task: Task, entries: Mapping[str, Progress], day: date) -> bool:
    """Whether each lead of ``task`` (a group as a whole) reported it done: one lead's "Hoàn thành" of a task two
    lead is its own half ("Bộ CHQS tỉnh, UBND cấp xã": the communes' part not reported is not done)."""
    return all(
        any(p.state is TaskState.DONE and acts_for(plan, [lead], uid, p, day) for uid, p in entries.items())
        for lead in plan.unit_ids(task.lead_units)
    )


def acts_for(plan: Plan, leads: list[str], unit_id: str, progress: Progress, day: date) -> bool:
    """Whether ``unit_id``'s entry is a lead's: a lead, a member of a lead group, or a unit acting for a ceased lead
    on ``day`` or on the day of its entry."""
    if plan.covers(leads, unit_id, day):
        return True
    return progress.date is not None and unit_id in plan.units.current_ids(leads, progress.date)


def indicator_facts(plan: Plan, indicator: Indicator, year: int) -> IndicatorFacts:
    """What the plan's organisation says about ``indicator`` in ``year``: its figures, coverage, break and unit of
    count; a unit's share of an indicator, that unit's own figures alone."""
    if indicator.share_of is not None:
        own = _share_data(plan, indicator)
        m = own[year].indicators.get(indicator.id) if year in own else None
        return IndicatorFacts(indicator, m, None, _values(indicator, own))
    year_data = plan.data.get(year)
    m = year_data.indicators.get(indicator.id) if year_data else None

    def cover(y: int) -> Coverage | None:
        data = plan.data.get(y)
        return coverage(plan, indicator, y, data.indicators.get(indicator.id) if data else None)

    covered = {y: cover(y) for y in {*plan.data, year}}  # each year's coverage once
    return IndicatorFacts(
        indicator,
        m,
        computed_value(m, indicator) if m else None,
        _values(indicator, plan.data),
        coverage=covered[year],
        series_break=_break_before(plan, indicator, year),
        unit_of_count_gone=unit_of_count_gone(plan, indicator, year),
        unit_of_count_label=unit_kind_label(plan, indicator.counted_over) if indicator.counted_over else "đơn vị",
        provisional_years=frozenset(
            y
            for y in plan.data
            if ((c := covered[y]) is not None and c.provisional) or indicator.id in plan.known_until.get(y, {})
        ),
        known_until=plan.known_until.get(year, {}).get(indicator.id),
    )


def _values(indicator: Indicator, data: Mapping[int, YearData]) -> tuple[tuple[int, float], ...]:
    """The observed value of ``indicator`` by year: recorded, else combined from the units' entries."""
    found = []
    for y in sorted(data):
        m = data[y].indicators.get(indicator.id)
        value = None if m is None else m.value if m.value is not None else computed_value(m, indicator)
        if value is not None:
            found.append((y, value))
    return tuple(found)


def _break_before(plan: Plan, indicator: Indicator, year: int) -> tuple[SeriesBreak, int] | None:
    """The latest declared break whose new series has begun by ``year``, with the first year of that series."""
    started = [(b, first) for b, first in dated_breaks(plan, indicator) if first <= year]
    return started[-1] if started else None


def dated_breaks(plan: Plan, indicator: Indicator) -> list[tuple[SeriesBreak, int]]:
    """The plan's breaks and the indicator's own, by date, each with the first year of the series it starts."""
    declared = sorted([*plan.meta.breaks, *indicator.breaks], key=lambda b: b.date)
    return [(b, first_year_after(plan, b)) for b in declared]


def first_year_after(plan: Plan, declared: SeriesBreak) -> int:
    """The first year whose reporting day falls on or after the break."""
    y = declared.date.year
    return y if report_day(plan, y) >= declared.date else y + 1


def _share_data(plan: Plan, share: Indicator) -> dict[int, YearData]:
    """The figures of one unit's share of an indicator by year: that unit's own entry of each year."""
    found: dict[int, YearData] = {}
    for y, data in plan.data.items():
        m = data.indicators.get(share.id)
        entry = m.by_id.get(share.share_of) if m is not None and share.share_of is not None else None
        if entry is None:
            continue
        own = Measurement.model_construct(
            value=unit_value(entry, share), state=None, source=entry.source, note=entry.note, by_unit={}
        )
        found[y] = YearData.model_construct(
            year=y, period=None, synthetic=data.synthetic, indicators={share.id: own}, tasks={}, forms={}
        )
    return found
