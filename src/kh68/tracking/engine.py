"""The target and gap engine: pure functions, no I/O.

For an indicator and a year the engine returns ONE complete verdict,
:class:`IndicatorResult`, and for a plan and a year :class:`PlanResult` (all
indicators).  Status table, JSON, the report formats, charts and ``kh68 diff``
read these results and recompute nothing:

* ``target``: the target in force (stated, or a milestone interpolated between
  two stated years), with ``decimals``, the precision it is compared at, and
  ``display``, its text in Vietnamese number form, which is exactly what is
  compared (a derived milestone is rounded to ``decimals`` before comparing);
* ``value`` (recorded, else computed from the units), ``status`` and ``gap``,
  both taken at ``decimals``: the shown value, target and gap always agree with
  the shown status;
* ``previous``: the previous year's value and the change from it;
* ``series``: every measured value by year;
* ``final``: the final target (last stated year), as a number to reach, and
  its ``goal`` (the bound a value must reach);
* ``progress``: progress toward the final target by the method of Open SDG's
  sdg-build (Statistics Canada's, after Eurostat): the ratio R of the observed
  to the required compound yearly growth, categorised at the plan's thresholds
  (R ≥ 0,95 on track, 0,6 ≤ R < 0,95 acceleration needed, 0 ≤ R < 0,6 limited,
  R < 0 deterioration), and the value projected to the final year;
* ``coverage``: which of the units expected to report an aggregated value did
  (``kh68.domain.coverage``); below 100% the status is ``PROVISIONAL``, never
  met, and the year is left out of progress;
* ``comparable_since`` and ``series_break``: the first year comparable with this
  one after a declared break (``kh68.tracking.series``); progress, projection and
  the change from the previous year use only the comparable part of the series;
* ``unit_of_count_gone``: for an indicator counted over a kind of unit that no
  longer exists ("số huyện, thành phố" after 01/07/2025), the day it ceased; the
  status is then ``NOT_COMPUTABLE`` and no value is computed over nothing (a
  milestone is still judged by its reported state, with the note).

Words for all of these come from ``kh68.vocab``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date

from kh68.core.vnformat import rounded
from kh68.domain.coverage import Coverage, unit_of_count_text
from kh68.domain.derived import Derived, IndicatorFacts, indicator_facts
from kh68.domain.measures import computed_value
from kh68.kinds.measure import Measure
from kh68.kinds.periods import Period
from kh68.kinds.targets import Aggregate, Feed, History, Requirement, Style, requirement_words
from kh68.kinds.targets import Target as Meaning
from kh68.kinds.verdict import STATE_STATUS, Direction, Status, TaskState
from kh68.reading.enums import Basis
from kh68.reading.models import Indicator, Measurement, Target, Thresholds, YearData
from kh68.reading.plan import Plan
from kh68.tracking.series import Break
from kh68.vocab import STATUS_LABELS, Category, amount, sentence

EPSILON = 1e-9
MIN_DECIMALS = 2
"""Values, targets and gaps are compared and shown at no fewer decimals than this."""

__all__ = [
    "Category",
    "Coverage",
    "FinalTarget",
    "IndicatorResult",
    "Organisation",
    "PlanResult",
    "Point",
    "PreviousYear",
    "ProgressAssessment",
    "Status",
    "TargetInForce",
    "assess",
    "computed_value",
    "evaluate",
    "evaluate_plan",
    "final_target",
    "judge",
    "judge_all",
    "observed_value",
    "progress",
    "target_in_force",
]


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class TargetInForce:
    """The target for a year: the plan's own (``meaning`` is its kind) or a milestone interpolated (``derived``).

    ``text`` is the plan's words for a stated target, the milestone for a derived
    one; ``display`` is what outputs print and what is compared, at ``decimals``;
    ``requirement`` is what a value must do (``None`` for a target judged by
    state, or one set against a base year whose figure is not recorded).
    """

    year: int
    text: str
    display: str
    requirement: Requirement | None = None
    meaning: Meaning | None = None
    decimals: int = MIN_DECIMALS
    derived: bool = False
    footnote: str | None = None

    @property
    def numeric(self) -> bool:
        """Judged on a number (a milestone between numeric targets is too)."""
        return self.meaning.numeric if self.meaning is not None else True

    @property
    def ranged(self) -> bool:
        """Met anywhere between two bounds (a range, "khoảng")."""
        return self.requirement is not None and self.requirement.far is not None


@dataclass(frozen=True)
class FinalTarget:
    """The last stated target, as a number to reach (``Hoàn thành`` of a share of units is 100)."""

    year: int
    text: str
    meaning: Meaning
    requirement: Requirement | None
    display: str

    @property
    def goal(self) -> float | None:
        return self.requirement.goal if self.requirement is not None else None


@dataclass(frozen=True)
class Point:
    year: int
    value: float


@dataclass(frozen=True)
class PreviousYear:
    """The previous year's value and the change to this year's (at the result's precision)."""

    year: int
    value: float
    change: float | None
    crossed: Break | None = None  # the break between the two years: no change is computed across it


@dataclass(frozen=True)
class ProgressAssessment:
    """Progress toward the final target (sdg-build's method); ``data_year`` is the latest year used."""

    category: Category
    ratio: float | None = None
    projected: float | None = None
    final_year: int | None = None
    data_year: int | None = None


@dataclass(frozen=True)
class Organisation:
    """What the organisation model says about one indicator in one year (see the module docstring)."""

    coverage: Coverage | None = None
    series_break: Break | None = None
    unit_of_count_gone: date | None = None
    unit_of_count_label: str = ""  # what the plan calls its unit of count ("huyện, thành phố")
    provisional_years: frozenset[int] = frozenset()  # not the whole year's figure: from few units, or part of it
    known_until: Period | None = None  # the figure is a month's, quarter's or half-year's, not yet the year's

    @property
    def comparable_since(self) -> int | None:
        return self.series_break.first_year if self.series_break else None


@dataclass(frozen=True)
class IndicatorResult:
    """Everything the engine says about one indicator in one year."""

    indicator: Indicator
    year: int
    target: TargetInForce | None
    value: float | None
    computed: float | None
    state: TaskState | None
    status: Status
    gap: float | None
    decimals: int
    previous: PreviousYear | None
    series: tuple[Point, ...]
    final: FinalTarget | None
    progress: ProgressAssessment
    measurement: Measurement | None
    coverage: Coverage | None = None
    comparable_since: int | None = None
    series_break: Break | None = None
    unit_of_count_gone: date | None = None
    unit_of_count_label: str = ""
    known_until: Period | None = None  # the figure is known up to the end of this period, before the year's end

    @property
    def provisional(self) -> bool:
        """A value aggregated from fewer units than expected: never shown as met."""
        return self.coverage is not None and self.coverage.provisional and self.value is not None

    @property
    def status_label(self) -> str:
        """``Tạm tính, 7/10 đơn vị`` for a provisional value (never a plain ``Đạt``); else the status's word."""
        if self.provisional and self.coverage is not None:
            return sentence(self.coverage.label)
        return STATUS_LABELS[self.status]

    @property
    def notes(self) -> tuple[str, ...]:
        """What a reader must know beside the value: coverage, a break, a unit of count gone."""
        out = []
        if self.unit_of_count_gone is not None and self.status is Status.NOT_COMPUTABLE:
            out.append(unit_of_count_text(self.unit_of_count_label, self.unit_of_count_gone))
        if self.provisional and self.coverage is not None:
            out.append(self.coverage.label)
        gone = self.unit_of_count_gone is not None
        if (
            not gone
            and self.series_break is not None
            and any(p.year < self.series_break.first_year for p in self.series)
        ):
            out.append(f"{self.series_break.text}: tiến độ chỉ tính từ năm {self.series_break.first_year}")
        return tuple(out)

    @property
    def has_data(self) -> bool:
        return self.value is not None or self.state is not None

    @property
    def value_display(self) -> str:
        """The value as compared, in its unit: ``99,96%``; ``""`` without a value."""
        return "" if self.value is None else amount(self.value, self.indicator.unit, self.decimals)

    @property
    def goal(self) -> float | None:
        """The bound of this year's numeric target that a value must reach."""
        if self.target is None or self.target.requirement is None:
            return None
        return self.target.requirement.goal

    def series_until(self, year: int) -> tuple[Point, ...]:
        return tuple(p for p in self.series if p.year <= year)


@dataclass(frozen=True)
class PlanResult:
    """All indicators of a plan (or of one unit's share of it) in one year."""

    year: int
    results: tuple[IndicatorResult, ...]

    def __iter__(self) -> Iterator[IndicatorResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def get(self, indicator_id: str) -> IndicatorResult | None:
        return next((r for r in self.results if r.indicator.id == indicator_id), None)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status is status)

    def with_status(self, *statuses: Status) -> tuple[IndicatorResult, ...]:
        return tuple(r for r in self.results if r.status in statuses)

    @property
    def final_year(self) -> int | None:
        """The latest final-target year of any indicator."""
        return max((r.final.year for r in self.results if r.final), default=None)

    @property
    def has_derived(self) -> bool:
        return any(r.target is not None and r.target.derived for r in self.results)


# ------------------------------------------------------------------ targets


@dataclass(frozen=True)
class _History:
    """The figures of an indicator by year, as a target set against other years reads them."""

    year: int
    values: Mapping[int, float]

    def value_in(self, year: int) -> float | None:
        return self.values.get(year)


def _decimals(*targets: Meaning) -> int:
    return max(MIN_DECIMALS, *(t.decimals for t in targets))


def _requirement(indicator: Indicator, meaning: Meaning, history: History) -> Requirement | None:
    """What a value must do for ``meaning``; for a share of units, "Hoàn thành" is 100%."""
    if indicator.basis is Basis.SHARE_OF_UNITS and not meaning.numeric:
        return meaning.share_requirement()
    return meaning.requirement(indicator.better, history)


def target_in_force(indicator: Indicator, year: int, series: Iterable[Point] = ()) -> TargetInForce | None:
    """The stated target for ``year``, else a target whose span covers it, else a milestone between stated years."""
    history = _History(year, {p.year: p.value for p in series})
    stated = indicator.targets.get(year) or _spanning(indicator, year)
    if stated is not None:
        meaning = stated.meaning
        if meaning.feed is Feed.NOTHING:
            return None
        places = _decimals(meaning)
        requirement = _requirement(indicator, meaning, history)
        shown = meaning.words(Style.SHORT, indicator.measure, indicator.better) if meaning.numeric else stated.shown
        return TargetInForce(year, stated.shown, shown, requirement, meaning, places, footnote=stated.footnote)
    return _milestone(indicator, year, history)


def _spanning(indicator: Indicator, year: int) -> Target | None:
    """A target written for a later year whose span (a total, an average, a yearly change) covers ``year``."""
    for target_year in sorted(indicator.targets):
        span = indicator.targets[target_year].meaning.span
        if target_year > year and span is not None and span[0] <= year <= span[1]:
            return indicator.targets[target_year]
    return None


def _milestone(indicator: Indicator, year: int, history: History) -> TargetInForce | None:
    """A milestone between the stated targets before and after ``year`` (never written by the plan)."""
    before = [y for y in indicator.targets if y < year]
    after = [y for y in indicator.targets if y > year]
    if not before or not after:
        return None
    t0, t1 = indicator.targets[max(before)], indicator.targets[min(after)]
    m0, m1 = t0.meaning, t1.meaning
    if m0.feed is Feed.NOTHING:
        return None
    places = _decimals(m0, m1)
    r0 = _requirement(indicator, m0, history)
    r1 = _requirement(indicator, m1, history) if m1.numeric else None
    if r0 is None or r1 is None or not m0.numeric or r0.aggregate is not Aggregate.YEAR:
        # Toward a target of another sort (a milestone, a "-"), the earlier target holds until the next.
        shown = m0.words(Style.SHORT, indicator.measure, indicator.better) if m0.numeric else t0.shown
        return TargetInForce(year, t0.shown, shown, r0, m0, _decimals(m0), derived=True, footnote=t0.footnote)
    share = (year - max(before)) / (min(after) - max(before))
    requirement = r0.between(r1, share, places)
    shown = requirement_words(requirement, indicator.measure, places)
    plain = requirement_words(requirement, Measure(""), places)
    return TargetInForce(year, plain, shown, requirement, None, places, derived=True)


def final_target(indicator: Indicator, series: Iterable[Point] = ()) -> FinalTarget | None:
    """The last stated target, as a number to reach (``Hoàn thành`` of a share is 100); a milestone's words with no
    number (``Hoàn thành``, ``Được hoàn thiện …``): still the plan's final target, shown, never measured against;
    none when the plan sets none ("-")."""
    if not indicator.targets:
        return None
    year = max(indicator.targets)
    target = indicator.targets[year]
    meaning = target.meaning
    requirement = _requirement(indicator, meaning, _History(year, {p.year: p.value for p in series}))
    if requirement is None and not meaning.numeric and meaning.feed is Feed.NOTHING:
        return None
    shown = meaning.words(Style.SHORT, indicator.measure, indicator.better) if meaning.numeric else target.shown
    return FinalTarget(year, target.shown, meaning, requirement, shown)


# ------------------------------------------------------------------- values


def observed_value(m: Measurement | None, indicator: Indicator) -> float | None:
    if m is None:
        return None
    return m.value if m.value is not None else computed_value(m, indicator)


def series_of(indicator: Indicator, data: Mapping[int, YearData]) -> tuple[Point, ...]:
    """Measured values of ``indicator`` by year, oldest first."""
    points = []
    for year in sorted(data):
        value = observed_value(data[year].indicators.get(indicator.id), indicator)
        if value is not None:
            points.append(Point(year, value))
    return tuple(points)


# ------------------------------------------------------------ status and gap


def compared_value(requirement: Requirement, value: float, series: Iterable[Point], year: int) -> float:
    """The value a requirement judges: the year's own, or the mean or sum over its span up to ``year``."""
    if requirement.aggregate is Aggregate.YEAR or requirement.span is None:
        return value
    first = requirement.span[0]
    values = {p.year: p.value for p in series if first <= p.year < year}
    values[year] = value
    total = sum(values.values())
    return total / len(values) if requirement.aggregate is Aggregate.MEAN else total


def assess(
    indicator: Indicator,
    target: TargetInForce | None,
    value: float | None,
    state: TaskState | None,
    places: int = 6,
    series: Iterable[Point] = (),
) -> tuple[Status, float | None]:
    """Status and gap of a year's value (or state) against its target, at ``places`` decimals."""
    if target is None:
        return Status.NO_TARGET, None
    direction = indicator.better
    requirement = target.requirement
    if value is not None:
        value = rounded(value, places)
    if requirement is not None and value is not None:
        compared = rounded(compared_value(requirement, value, series, target.year), places)
        status = requirement.judge(compared, direction)
        distance = requirement.gap(compared, direction, places)
        if status is Status.NOT_MET and state is not None and not target.numeric:
            return STATE_STATUS[state], distance
        if status is Status.NOT_MET and _under_way(requirement, target.year):
            return Status.IN_PROGRESS, distance
        return status, distance
    if target.numeric:
        if requirement is None and target.meaning is not None and target.meaning.base_year is not None:
            return Status.NO_BASE, None
        return Status.NO_DATA, None
    if state is None:  # a figure says nothing of words ("Triển khai theo đề án"): the state judges them
        return (Status.NO_DATA if value is None else Status.NO_STATE), None
    return STATE_STATUS[state], None


def _under_way(requirement: Requirement, year: int) -> bool:
    """A total over a span that is short of its bound before the span's last year is under way, not missed."""
    return requirement.aggregate is Aggregate.SUM and requirement.span is not None and year < requirement.span[1]


# ----------------------------------------------------------------- progress


def progress(
    indicator: Indicator,
    series: Iterable[Point] | Mapping[int, float],
    year: int,
    thresholds: Thresholds,
    final: FinalTarget | None = None,
) -> ProgressAssessment:
    """Progress toward the final target at the observed pace (Open SDG sdg-build's method)."""
    pairs = series.items() if isinstance(series, Mapping) else ((p.year, p.value) for p in series)
    points = sorted((y, v) for y, v in pairs if y <= year)
    final = final or final_target(indicator, [Point(y, v) for y, v in points])
    requirement = final.requirement if final is not None else None
    if final is None or requirement is None or requirement.aggregate is not Aggregate.YEAR or not points:
        return ProgressAssessment(Category.NOT_AVAILABLE)  # a total or a mean has no pace of its own to project
    direction = indicator.better
    t, current = points[-1]
    base_year = final.meaning.base_year
    if base_year is not None and t <= base_year:
        # no figure after the base year yet: the base's own figure says nothing of a change from it ("không giảm so
        # với năm 2025" of the 2025 figure alone was "Đã đạt mục tiêu cuối kỳ")
        return ProgressAssessment(Category.NOT_AVAILABLE, final_year=final.year, data_year=t)
    # values judged as shown, at the target's decimals, as ``assess`` judges a year's (60,001 against "trên 60" is
    # "Chưa đạt" in the year's row: never "Đã đạt mục tiêu cuối kỳ" beside it)
    places = _decimals(final.meaning)
    if requirement.span is not None:  # a bound every year of a span: no pace to project, each year judged in its own
        kept = _kept_every_year(requirement, {y: rounded(v, places) for y, v in points}, direction)
        category = Category.TARGET_ACHIEVED if kept else Category.NOT_AVAILABLE
        return ProgressAssessment(category, final_year=final.year, data_year=t)
    if requirement.judge(rounded(current, places), direction) in (Status.MET, Status.EXCEEDED):
        return ProgressAssessment(Category.TARGET_ACHIEVED, final_year=final.year, data_year=t)
    if t >= final.year:  # the final year's own figure short of it: no pace left to project
        return ProgressAssessment(Category.TARGET_MISSED, final_year=final.year, data_year=t)
    if len(points) < 2 or final.year <= points[0][0]:
        return ProgressAssessment(Category.NOT_AVAILABLE, final_year=final.year, data_year=t)
    t0, baseline = points[0]
    base = baseline or 0.001
    observed = _growth(current / base, t - t0)
    required = _growth((final.goal or 0.001) / base, final.year - t0)
    if observed is None or required is None:
        return ProgressAssessment(Category.NOT_AVAILABLE, final_year=final.year, data_year=t)
    d = direction.sign
    s = -1 if baseline < 0 else 1
    projected = indicator.measure.clamp(round(current * (1 + observed) ** (final.year - t), 6))
    if abs(required) < EPSILON:
        # The baseline sits on the target (possible only for "> N", or moving away): R is 0/0.
        if d * observed > EPSILON:
            category = Category.SUBSTANTIAL
        elif d * observed < -EPSILON:
            category = Category.DETERIORATION
        else:
            category = Category.LIMITED
        return ProgressAssessment(category, None, projected, final.year, t)
    ratio = s * d * observed / abs(required)
    return ProgressAssessment(_categorise(ratio, thresholds), round(ratio, 6), projected, final.year, t)


def _kept_every_year(requirement: Requirement, values: Mapping[int, float], direction: Direction) -> bool:
    """A yearly bound over a span is reached only once every year of the span has a value that meets it."""
    assert requirement.span is not None
    first, last = requirement.span
    met = (Status.MET, Status.EXCEEDED)
    return all(y in values and requirement.judge(values[y], direction) in met for y in range(first, last + 1))


def _growth(factor: float, years: int) -> float | None:
    """Compound yearly growth for ``factor`` over ``years``; None when undefined."""
    if years <= 0 or factor < 0:
        return None
    return math.pow(factor, 1 / years) - 1


def _categorise(ratio: float, thresholds: Thresholds) -> Category:
    if ratio >= thresholds.substantial:
        return Category.SUBSTANTIAL
    if ratio >= thresholds.moderate:
        return Category.MODERATE
    if ratio >= 0:
        return Category.LIMITED
    return Category.DETERIORATION


# ----------------------------------------------------------------- together


def _previous(
    series: tuple[Point, ...], year: int, value: float | None, places: int, crossing: Break | None = None
) -> PreviousYear | None:
    before = next((p for p in series if p.year == year - 1), None)
    if before is None:
        return None
    if crossing is not None:
        return PreviousYear(before.year, before.value, None, crossing)
    change = None if value is None else rounded(rounded(value, places) - rounded(before.value, places), places)
    return PreviousYear(before.year, before.value, change)


def _comparable(series: tuple[Point, ...], org: Organisation) -> tuple[Point, ...]:
    """The part of a series progress may use: after the break, complete years only (never a provisional figure,
    nor a month's or quarter's: "Không đạt mục tiêu cuối kỳ" of a final year's March would be a guess)."""
    since = org.comparable_since
    return tuple(p for p in series if (since is None or p.year >= since) and p.year not in org.provisional_years)


def evaluate(
    indicator: Indicator,
    year: int,
    data: Mapping[int, YearData],
    thresholds: Thresholds,
    org: Organisation | None = None,
) -> IndicatorResult:
    """The engine's whole verdict on ``indicator`` in ``year`` (``org``: what the organisation model says)."""
    year_data = data.get(year)
    m = year_data.indicators.get(indicator.id) if year_data else None
    computed = computed_value(m, indicator) if m else None
    return _verdict(indicator, year, m, computed, series_of(indicator, data), thresholds, org or Organisation())


def judge(facts: IndicatorFacts, year: int, thresholds: Thresholds) -> IndicatorResult:
    """``evaluate`` from what the domain worked out about the indicator (``kh68.domain.derived``)."""
    series = tuple(Point(y, v) for y, v in facts.values)
    broken = Break(*facts.series_break) if facts.series_break is not None else None
    org = Organisation(
        coverage=facts.coverage,
        series_break=broken,
        unit_of_count_gone=facts.unit_of_count_gone,
        unit_of_count_label=facts.unit_of_count_label,
        provisional_years=facts.provisional_years,
        known_until=facts.known_until,
    )
    return _verdict(facts.indicator, year, facts.measurement, facts.computed, series, thresholds, org)


def _verdict(
    indicator: Indicator,
    year: int,
    m: Measurement | None,
    computed: float | None,
    series: tuple[Point, ...],
    thresholds: Thresholds,
    org: Organisation,
) -> IndicatorResult:
    """The verdict on the year's measurement ``m`` (``computed``: its value combined from the units)."""
    value = None if m is None else m.value if m.value is not None else computed
    state = m.state if m else None
    target = target_in_force(indicator, year, series)
    places = target.decimals if target is not None else MIN_DECIMALS
    counted = target is None or target.requirement is not None  # a milestone is judged by its state
    if org.unit_of_count_gone is not None and counted:
        return _not_computable(indicator, year, target, places, series, m, org)
    status, distance = assess(indicator, target, value, state, places, series)
    if org.known_until is not None and value is not None and status in (Status.MET, Status.EXCEEDED, Status.NOT_MET):
        status = Status.IN_PROGRESS  # a figure of part of the year against the year's target: under way
    if org.coverage is not None and org.coverage.provisional and value is not None and status is not Status.NO_TARGET:
        status = Status.PROVISIONAL
    crossing = org.series_break if org.series_break and org.series_break.first_year == year else None
    # a count or an amount of part of the year is no change from the whole of the year before (18 fires by June
    # against 20 in 2025 is no fall of 2)
    partial_sum = org.known_until is not None and indicator.accumulates
    final = final_target(indicator, series)
    result = IndicatorResult(
        indicator=indicator,
        year=year,
        target=target,
        value=value,
        computed=computed,
        state=state,
        status=status,
        gap=distance,
        decimals=places,
        previous=_previous(series, year, None if partial_sum else value, places, crossing),
        series=series,
        final=final,
        progress=progress(indicator, _comparable(series, org), year, thresholds, final),
        measurement=m,
    )
    return replace(
        result,
        coverage=org.coverage,
        comparable_since=org.comparable_since,
        series_break=org.series_break,
        unit_of_count_gone=org.unit_of_count_gone,
        unit_of_count_label=org.unit_of_count_label,
        known_until=org.known_until,
    )


def _not_computable(
    indicator: Indicator,
    year: int,
    target: TargetInForce | None,
    places: int,
    series: tuple[Point, ...],
    m: Measurement | None,
    org: Organisation,
) -> IndicatorResult:
    """An indicator whose unit of count no longer exists: said so, not computed over nothing."""
    return IndicatorResult(
        indicator=indicator,
        year=year,
        target=target,
        value=None,
        computed=None,
        state=None,
        status=Status.NOT_COMPUTABLE,
        gap=None,
        decimals=places,
        previous=None,
        series=series,
        final=final_target(indicator, series),
        progress=ProgressAssessment(Category.NOT_AVAILABLE),
        measurement=m,
        comparable_since=org.comparable_since,
        series_break=org.series_break,
        unit_of_count_gone=org.unit_of_count_gone,
        unit_of_count_label=org.unit_of_count_label,
    )


def evaluate_in(plan: Plan, indicator: Indicator, year: int) -> IndicatorResult:
    """``evaluate`` with what the plan's organisation says (coverage, breaks, units of count); a unit's share of
    an indicator judged on that unit's own figures."""
    return judge(indicator_facts(plan, indicator, year), year, plan.meta.progress_thresholds)


def evaluate_plan(plan: Plan, year: int, indicators: Iterable[Indicator] | None = None) -> PlanResult:
    """Every indicator of ``plan`` (or those given) in ``year``."""
    chosen = plan.indicators if indicators is None else indicators
    return PlanResult(year, tuple(evaluate_in(plan, ind, year) for ind in chosen))


def judge_all(derived: Derived, thresholds: Thresholds) -> PlanResult:
    """``evaluate_plan`` from what the domain worked out about the year."""
    return PlanResult(derived.year, tuple(judge(facts, derived.year, thresholds) for facts in derived.indicators))
