"""The target and gap engine: pure functions, no I/O.

For an indicator and a year: the target in force (stated or interpolated),
the value (recorded or computed from units), its status and gap, and the
progress toward the final target by the UN SDG Progress Chart method (as
implemented in Open SDG's sdg-build).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from kh68.reading.measures import computed_value
from kh68.reading.models import Indicator, Measurement, TaskState, Thresholds
from kh68.reading.targets import TargetKind, TargetSpec
from kh68.vnformat import format_number

EPSILON = 1e-9


class Status(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    NO_TARGET = "no_target"
    IN_PROGRESS = "in_progress"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS[self]


STATUS_LABELS = {
    Status.EXCEEDED: "Vượt chỉ tiêu",
    Status.MET: "Đạt",
    Status.NOT_MET: "Chưa đạt",
    Status.NO_DATA: "Chưa có số liệu",
    Status.NO_TARGET: "Không có chỉ tiêu",
    Status.IN_PROGRESS: "Đang triển khai",
}
STATUS_SYMBOLS = {
    Status.EXCEEDED: "▲",
    Status.MET: "✓",
    Status.NOT_MET: "✗",
    Status.NO_DATA: "?",
    Status.NO_TARGET: "–",
    Status.IN_PROGRESS: "…",
}


class Category(StrEnum):
    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL = "substantial_progress"
    MODERATE = "moderate_progress"
    LIMITED = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    Category.TARGET_ACHIEVED: "Đã đạt mục tiêu cuối kỳ",
    Category.SUBSTANTIAL: "Tiến bộ đáng kể",
    Category.MODERATE: "Tiến bộ vừa phải",
    Category.LIMITED: "Tiến bộ hạn chế",
    Category.DETERIORATION: "Đi xuống",
    Category.NOT_AVAILABLE: "Chưa đủ số liệu",
}


@dataclass(frozen=True)
class TargetInForce:
    """The target for a year: the plan's own (``derived`` False) or interpolated."""

    year: int
    text: str
    spec: TargetSpec
    derived: bool = False
    footnote: str | None = None

    @property
    def kind(self) -> TargetKind:
        return self.spec.kind


@dataclass(frozen=True)
class Progress:
    category: Category
    ratio: float | None = None
    projected: float | None = None
    final_year: int | None = None


@dataclass(frozen=True)
class Result:
    """Everything the engine says about one indicator in one year."""

    indicator: Indicator
    year: int
    target: TargetInForce | None
    value: float | None
    computed: float | None
    state: TaskState | None
    status: Status
    gap: float | None
    progress: Progress
    measurement: Measurement | None


# ------------------------------------------------------------------ targets


def target_in_force(indicator: Indicator, year: int) -> TargetInForce | None:
    """The stated target for ``year``, else one interpolated between stated years."""
    stated = sorted(indicator.targets)
    if year in indicator.targets:
        target = indicator.targets[year]
        if target.spec.kind is TargetKind.NONE:
            return None
        return TargetInForce(year, target.text, target.spec, footnote=target.footnote)
    before = [y for y in stated if y < year]
    after = [y for y in stated if y > year]
    if not before or not after:
        return None
    y0, y1 = before[-1], after[0]
    t0, t1 = indicator.targets[y0], indicator.targets[y1]
    if t0.spec.kind is TargetKind.NONE:
        return None
    if not (t0.spec.kind.numeric and t1.spec.kind.numeric):
        return TargetInForce(year, t0.text, t0.spec, derived=True, footnote=t0.footnote)
    spec = _interpolate(t0.spec, t1.spec, (year - y0) / (y1 - y0), indicator.direction)
    return TargetInForce(year, format_target(spec), spec, derived=True)


def _interpolate(a: TargetSpec, b: TargetSpec, share: float, direction: str = "higher") -> TargetSpec:
    """Bound by bound between two ranges; otherwise between the bounds a value must reach.

    That bound is a range's lower one when higher is better and its upper one when
    lower is better (a range 2-4 of a rate to bring down is met at 4 or below).
    """

    def between(x: float, y: float) -> float:
        return round(x + (y - x) * share, 4)

    if a.kind is b.kind is TargetKind.RANGE:
        return TargetSpec(TargetKind.RANGE, between(a.min, b.min), between(a.max, b.max))
    kind = TargetKind.GREATER_THAN if a.kind is b.kind is TargetKind.GREATER_THAN else TargetKind.AT_LEAST
    return TargetSpec(kind, between(a.goal(direction), b.goal(direction)))


def format_target(spec: TargetSpec) -> str:
    if spec.kind is TargetKind.RANGE:
        return f"{format_number(spec.min)}-{format_number(spec.max)}"
    if spec.kind is TargetKind.GREATER_THAN:
        return f"> {format_number(spec.min)}"
    return format_number(spec.min)


def final_target(indicator: Indicator) -> tuple[int, TargetSpec] | None:
    """The last stated target, as a number to reach (``Hoàn thành`` of a share is 100)."""
    if not indicator.targets:
        return None
    year = max(indicator.targets)
    spec = indicator.targets[year].spec
    if spec.kind is TargetKind.COMPLETION and indicator.basis == "share_of_units":
        return year, TargetSpec(TargetKind.AT_LEAST, 100.0)
    return (year, spec) if spec.kind.numeric else None


# ------------------------------------------------------------------- values


def observed_value(m: Measurement | None, indicator: Indicator) -> float | None:
    if m is None:
        return None
    return m.value if m.value is not None else computed_value(m, indicator)


# ------------------------------------------------------------ status and gap


def compare(spec: TargetSpec, value: float, direction: str) -> Status:
    """Status of a numeric value against a numeric target."""
    d = 1 if direction == "higher" else -1
    if spec.kind is TargetKind.RANGE:
        low, high = (spec.min, spec.max) if d == 1 else (spec.max, spec.min)
        if d * (value - high) > EPSILON:
            return Status.EXCEEDED
        return Status.NOT_MET if d * (value - low) < -EPSILON else Status.MET
    diff = d * (value - spec.min)
    if diff > EPSILON:
        return Status.EXCEEDED
    if spec.kind is TargetKind.GREATER_THAN or diff < -EPSILON:
        return Status.NOT_MET
    return Status.MET


def gap(spec: TargetSpec, value: float, direction: str) -> float:
    """Signed distance to the target, positive = better; 0 inside a range."""
    d = 1 if direction == "higher" else -1
    if spec.kind is TargetKind.RANGE:
        if value < spec.min:
            return round(d * (value - spec.min), 6)
        if value > spec.max:
            return round(d * (value - spec.max), 6)
        return 0.0
    return round(d * (value - spec.min), 6)


_STATE_STATUS = {
    TaskState.DONE: Status.MET,
    TaskState.IN_PROGRESS: Status.IN_PROGRESS,
    TaskState.ONGOING: Status.IN_PROGRESS,
    TaskState.NOT_STARTED: Status.NOT_MET,
}


def assess(
    indicator: Indicator, target: TargetInForce | None, value: float | None, state: TaskState | None
) -> tuple[Status, float | None]:
    """Status and gap of a year's value (or state) against its target."""
    if target is None:
        return Status.NO_TARGET, None
    if target.kind.numeric:
        if value is None:
            return Status.NO_DATA, None
        return compare(target.spec, value, indicator.direction), gap(target.spec, value, indicator.direction)
    if target.kind is TargetKind.COMPLETION and value is not None and indicator.basis == "share_of_units":
        full = TargetSpec(TargetKind.AT_LEAST, 100.0)
        status = compare(full, value, indicator.direction)
        if status is Status.NOT_MET and state is not None:
            return _STATE_STATUS[state], gap(full, value, indicator.direction)
        return status, gap(full, value, indicator.direction)
    if state is None:
        return Status.NO_DATA, None
    return _STATE_STATUS[state], None


# ----------------------------------------------------------------- progress


def progress(indicator: Indicator, series: dict[int, float], year: int, thresholds: Thresholds) -> Progress:
    """Progress toward the final target at the observed pace (SDG Progress Chart)."""
    final = final_target(indicator)
    points = sorted((y, v) for y, v in series.items() if y <= year)
    if final is None or not points:
        return Progress(Category.NOT_AVAILABLE)
    final_year, spec = final
    t, current = points[-1]
    if compare(spec, current, indicator.direction) in (Status.MET, Status.EXCEEDED):
        return Progress(Category.TARGET_ACHIEVED, final_year=final_year)
    if len(points) < 2 or final_year <= points[0][0]:
        return Progress(Category.NOT_AVAILABLE, final_year=final_year)
    t0, baseline = points[0]
    goal = spec.goal(indicator.direction)
    base = baseline or 0.001
    observed = _growth(current / base, t - t0)
    required = _growth((goal or 0.001) / base, final_year - t0)
    if observed is None or required is None:
        return Progress(Category.NOT_AVAILABLE, final_year=final_year)
    d = 1 if indicator.direction == "higher" else -1
    s = -1 if baseline < 0 else 1
    projected = round(current * (1 + observed) ** (final_year - t), 6)
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
        return Progress(category, None, projected, final_year)
    ratio = s * d * observed / abs(required)
    return Progress(_categorise(ratio, thresholds), round(ratio, 6), projected, final_year)


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


def series_of(indicator: Indicator, data: dict) -> dict[int, float]:
    """Measured values of ``indicator`` by year from ``{year: YearData}``."""
    series = {}
    for year, year_data in data.items():
        value = observed_value(year_data.indicators.get(indicator.id), indicator)
        if value is not None:
            series[year] = value
    return series


def evaluate(indicator: Indicator, year: int, data: dict, thresholds: Thresholds) -> Result:
    """The engine's whole verdict on ``indicator`` in ``year``."""
    year_data = data.get(year)
    m = year_data.indicators.get(indicator.id) if year_data else None
    value = observed_value(m, indicator)
    state = m.state if m else None
    target = target_in_force(indicator, year)
    status, distance = assess(indicator, target, value, state)
    return Result(
        indicator=indicator,
        year=year,
        target=target,
        value=value,
        computed=computed_value(m, indicator) if m else None,
        state=state,
        status=status,
        gap=distance,
        progress=progress(indicator, series_of(indicator, data), year, thresholds),
        measurement=m,
    )
