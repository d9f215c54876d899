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
* ``coverage`` and ``comparable_since``: slots for the organisation model
  (which units reported; the first year comparable after a series break).

Words for all of these come from ``kh68.vocab``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from kh68.reading.measures import computed_value
from kh68.reading.models import Indicator, Measurement, Thresholds, YearData
from kh68.reading.plan import Plan
from kh68.reading.targets import Basis, Direction, TargetKind, TargetSpec, TaskState, written_decimals
from kh68.vocab import Category, Status, amount, target_display

EPSILON = 1e-9
MIN_DECIMALS = 2
"""Values, targets and gaps are compared and shown at no fewer decimals than this."""

FULL = TargetSpec(TargetKind.AT_LEAST, 100.0)

__all__ = [
    "Category",
    "Coverage",
    "FinalTarget",
    "IndicatorResult",
    "PlanResult",
    "Point",
    "PreviousYear",
    "ProgressAssessment",
    "Status",
    "TargetInForce",
    "assess",
    "compare",
    "computed_value",
    "evaluate",
    "evaluate_plan",
    "final_target",
    "gap",
    "observed_value",
    "progress",
    "target_in_force",
]


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class TargetInForce:
    """The target for a year: the plan's own (``derived`` False) or interpolated.

    ``text`` is the plan's words for a stated target, the milestone for a derived
    one; ``display`` is what outputs print and what is compared, at ``decimals``.
    """

    year: int
    text: str
    spec: TargetSpec
    display: str
    decimals: int = MIN_DECIMALS
    derived: bool = False
    footnote: str | None = None

    @property
    def kind(self) -> TargetKind:
        return self.spec.kind


@dataclass(frozen=True)
class FinalTarget:
    """The last stated target, as a number to reach (``Hoàn thành`` of a share of units is 100)."""

    year: int
    text: str
    spec: TargetSpec
    goal: float | None
    display: str


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


@dataclass(frozen=True)
class ProgressAssessment:
    """Progress toward the final target (sdg-build's method); ``data_year`` is the latest year used."""

    category: Category
    ratio: float | None = None
    projected: float | None = None
    final_year: int | None = None
    data_year: int | None = None


@dataclass(frozen=True)
class Coverage:
    """Which of the units expected to send a figure did so (filled by ``kh68.tracking.coverage``)."""

    reported: int
    expected: int

    @property
    def complete(self) -> bool:
        return self.reported >= self.expected

    @property
    def share(self) -> float | None:
        return None if self.expected == 0 else 100.0 * self.reported / self.expected


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
        if self.target is None or not self.target.kind.numeric:
            return None
        return self.target.spec.goal(self.indicator.direction)

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


def _decimals(*texts: str) -> int:
    return max(MIN_DECIMALS, *(written_decimals(t) for t in texts))


def target_in_force(indicator: Indicator, year: int) -> TargetInForce | None:
    """The stated target for ``year``, else one interpolated between stated years."""
    unit = indicator.unit
    if year in indicator.targets:
        target = indicator.targets[year]
        if target.spec.kind is TargetKind.NONE:
            return None
        places = _decimals(target.text)
        shown = target_display(target.spec, unit, places) if target.spec.kind.numeric else target.text
        return TargetInForce(year, target.text, target.spec, shown, places, footnote=target.footnote)
    before = [y for y in indicator.targets if y < year]
    after = [y for y in indicator.targets if y > year]
    if not before or not after:
        return None
    y0, y1 = max(before), min(after)
    t0, t1 = indicator.targets[y0], indicator.targets[y1]
    if t0.spec.kind is TargetKind.NONE:
        return None
    if not (t0.spec.kind.numeric and t1.spec.kind.numeric):
        return TargetInForce(year, t0.text, t0.spec, t0.text, derived=True, footnote=t0.footnote)
    places = _decimals(t0.text, t1.text)
    spec = _interpolate(t0.spec, t1.spec, (year - y0) / (y1 - y0), indicator.direction, places)
    shown = target_display(spec, unit, places)
    return TargetInForce(year, target_display(spec, "", places), spec, shown, places, derived=True)


def _interpolate(a: TargetSpec, b: TargetSpec, share: float, direction: Direction, places: int) -> TargetSpec:
    """Bound by bound between two ranges; otherwise between the bounds a value must reach.

    That bound is a range's lower one when higher is better and its upper one when
    lower is better (a range 2-4 of a rate to bring down is met at 4 or below).
    Bounds are rounded to ``places``: the milestone compared is the one shown.
    """

    def between(x: float | None, y: float | None) -> float:
        assert x is not None  # numeric targets always carry their bounds
        assert y is not None
        return round(x + (y - x) * share, places)

    if a.kind is b.kind is TargetKind.RANGE:
        return TargetSpec(TargetKind.RANGE, between(a.min, b.min), between(a.max, b.max))
    kind = TargetKind.GREATER_THAN if a.kind is b.kind is TargetKind.GREATER_THAN else TargetKind.AT_LEAST
    return TargetSpec(kind, between(a.goal(direction), b.goal(direction)))


def final_target(indicator: Indicator) -> FinalTarget | None:
    """The last stated target, as a number to reach (``Hoàn thành`` of a share is 100)."""
    if not indicator.targets:
        return None
    year = max(indicator.targets)
    target = indicator.targets[year]
    spec = target.spec
    if spec.kind is TargetKind.COMPLETION and indicator.basis is Basis.SHARE_OF_UNITS:
        spec = FULL
    elif not spec.kind.numeric:
        return None
    shown = (
        target_display(target.spec, indicator.unit, _decimals(target.text)) if target.spec.kind.numeric else target.text
    )
    return FinalTarget(year, target.text, spec, spec.goal(indicator.direction), shown)


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


def compare(spec: TargetSpec, value: float, direction: Direction) -> Status:
    """Status of a numeric value against a numeric target."""
    d = direction.sign
    low_bound = spec.min if spec.min is not None else 0.0
    if spec.kind is TargetKind.RANGE and spec.max is not None:
        low, high = (low_bound, spec.max) if d == 1 else (spec.max, low_bound)
        if d * (value - high) > EPSILON:
            return Status.EXCEEDED
        return Status.NOT_MET if d * (value - low) < -EPSILON else Status.MET
    diff = d * (value - low_bound)
    if diff > EPSILON:
        return Status.EXCEEDED
    if spec.kind is TargetKind.GREATER_THAN or diff < -EPSILON:
        return Status.NOT_MET
    return Status.MET


def gap(spec: TargetSpec, value: float, direction: Direction, places: int = 6) -> float:
    """Signed distance to the target, positive = better; 0 inside a range."""
    d = direction.sign
    low = spec.min if spec.min is not None else 0.0
    if spec.kind is TargetKind.RANGE and spec.max is not None:
        if value < low:
            return round(d * (value - low), places)
        if value > spec.max:
            return round(d * (value - spec.max), places)
        return 0.0
    return round(d * (value - low), places)


_STATE_STATUS = {
    TaskState.DONE: Status.MET,
    TaskState.IN_PROGRESS: Status.IN_PROGRESS,
    TaskState.ONGOING: Status.IN_PROGRESS,
    TaskState.NOT_STARTED: Status.NOT_MET,
}


def assess(
    indicator: Indicator,
    target: TargetInForce | None,
    value: float | None,
    state: TaskState | None,
    places: int = 6,
) -> tuple[Status, float | None]:
    """Status and gap of a year's value (or state) against its target, at ``places`` decimals."""
    if target is None:
        return Status.NO_TARGET, None
    direction = indicator.direction
    if value is not None:
        value = round(value, places)
    if target.kind.numeric:
        if value is None:
            return Status.NO_DATA, None
        return compare(target.spec, value, direction), gap(target.spec, value, direction, places)
    if target.kind is TargetKind.COMPLETION and value is not None and indicator.basis is Basis.SHARE_OF_UNITS:
        status = compare(FULL, value, direction)
        if status is Status.NOT_MET and state is not None:
            return _STATE_STATUS[state], gap(FULL, value, direction, places)
        return status, gap(FULL, value, direction, places)
    if state is None:
        return Status.NO_DATA, None
    return _STATE_STATUS[state], None


# ----------------------------------------------------------------- progress


def progress(
    indicator: Indicator,
    series: Iterable[Point] | Mapping[int, float],
    year: int,
    thresholds: Thresholds,
    final: FinalTarget | None = None,
) -> ProgressAssessment:
    """Progress toward the final target at the observed pace (Open SDG sdg-build's method)."""
    final = final or final_target(indicator)
    pairs = series.items() if isinstance(series, Mapping) else ((p.year, p.value) for p in series)
    points = sorted((y, v) for y, v in pairs if y <= year)
    if final is None or not points:
        return ProgressAssessment(Category.NOT_AVAILABLE)
    direction = indicator.direction
    t, current = points[-1]
    if compare(final.spec, current, direction) in (Status.MET, Status.EXCEEDED):
        return ProgressAssessment(Category.TARGET_ACHIEVED, final_year=final.year, data_year=t)
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
    projected = round(current * (1 + observed) ** (final.year - t), 6)
    if indicator.unit == "%":
        projected = min(max(projected, 0.0), 100.0)
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


def _previous(series: tuple[Point, ...], year: int, value: float | None, places: int) -> PreviousYear | None:
    before = next((p for p in series if p.year == year - 1), None)
    if before is None:
        return None
    change = None if value is None else round(round(value, places) - round(before.value, places), places)
    return PreviousYear(before.year, before.value, change)


def evaluate(indicator: Indicator, year: int, data: Mapping[int, YearData], thresholds: Thresholds) -> IndicatorResult:
    """The engine's whole verdict on ``indicator`` in ``year``."""
    year_data = data.get(year)
    m = year_data.indicators.get(indicator.id) if year_data else None
    value = observed_value(m, indicator)
    state = m.state if m else None
    target = target_in_force(indicator, year)
    places = target.decimals if target is not None else MIN_DECIMALS
    status, distance = assess(indicator, target, value, state, places)
    series = series_of(indicator, data)
    final = final_target(indicator)
    return IndicatorResult(
        indicator=indicator,
        year=year,
        target=target,
        value=value,
        computed=computed_value(m, indicator) if m else None,
        state=state,
        status=status,
        gap=distance,
        decimals=places,
        previous=_previous(series, year, value, places),
        series=series,
        final=final,
        progress=progress(indicator, series, year, thresholds, final),
        measurement=m,
    )


def evaluate_plan(plan: Plan, year: int, indicators: Iterable[Indicator] | None = None) -> PlanResult:
    """Every indicator of ``plan`` (or those given) in ``year``."""
    chosen = plan.indicators if indicators is None else indicators
    thresholds = plan.meta.progress_thresholds
    return PlanResult(year, tuple(evaluate(ind, year, plan.data, thresholds) for ind in chosen))
