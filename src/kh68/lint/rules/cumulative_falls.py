"""cumulative-falls: an amount or a count of a period below the same figure of an earlier period of the year.

A month's, quarter's or half-year's figure is counted from the start of the year (its form says "Ghi số liệu lũy
kế từ đầu năm …") and the year's is the whole year's: a figure of a count or an amount that falls from one period
to the next is a period's own figure typed as the year's so far, or a typing slip. A rate (%), a figure per
something (``triệu đồng/người``), a place in a ranking and an indicator whose ``in_year`` says it is a level (what
there is on the day: poor households) may fall: not compared. A count or an amount that says nothing is warned of,
with the way to say it is a level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kh68.core.errors import Severity
from kh68.kinds.periods import Period
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.models import Indicator, Measurement, YearData
from kh68.reading.source import Key

EPSILON = 1e-9

Figures = dict[str | None, tuple[str | None, float]]
"""A period's figures of one indicator: the whole's (``None``) and each unit's, by unit id, with the unit as
written."""
Resolve = Callable[[str], str | None]


def check(ctx: Context) -> Iterator[Finding]:
    files = _files(ctx)
    resolve = ctx.plan.units.resolve
    for file in ctx.data_files:
        period = file.data.cadence
        earlier = [(p, d) for p, d in files.items() if p.year == period.year and _before(p, period)]
        if not earlier:
            continue
        for ind_id, measurement in file.data.indicators.items():
            indicator = ctx.plan.indicator(ind_id)
            if indicator is None or not indicator.accumulates:
                continue
            before = _latest(ind_id, earlier, resolve)
            for who, (written, value) in _figures(measurement, resolve).items():
                if who in before and value < before[who][1] - EPSILON:
                    then, had = before[who]
                    message = _message(ind_id, indicator, written, period, then, value, had)
                    yield Finding(file.doc, _where(ind_id, written), message)


def _files(ctx: Context) -> dict[Period, YearData]:
    """Every data file of the plan by its period: the ones checked as they are now, the plan's own for the others
    (one file checked alone before ``kh68 record`` writes it)."""
    files = dict(ctx.plan.files)
    files.update({file.data.cadence: file.data for file in ctx.data_files})
    return files


def _before(one: Period, other: Period) -> bool:
    """Whether ``one``'s figures are counted to an earlier day than ``other``'s (a year's file after December's)."""
    return (one.last_day, one.is_year) < (other.last_day, other.is_year)


def _figures(measurement: Measurement, resolve: Resolve) -> Figures:
    """The figures of one indicator in one file: the whole's (``None``) and each unit's by unit id, each with the
    unit as the file writes it."""
    found: Figures = {} if measurement.value is None else {None: (None, float(measurement.value))}
    for written, entry in measurement.by_unit.items():
        if entry.value is not None:
            found[resolve(written) or written] = (written, float(entry.value))
    return found


def _latest(
    ind_id: str, earlier: list[tuple[Period, YearData]], resolve: Resolve
) -> dict[str | None, tuple[Period, float]]:
    """Each figure's latest earlier period and value."""
    latest: dict[str | None, tuple[Period, float]] = {}
    for period, data in sorted(earlier, key=lambda item: (item[0].last_day, item[0].is_year)):
        measurement = data.indicators.get(ind_id)
        if measurement is not None:
            for who, (_, value) in _figures(measurement, resolve).items():
                latest[who] = (period, value)
    return latest


def _where(ind_id: str, written: str | None) -> Key:
    if written is None:
        return ("indicators", ind_id, "value")
    return ("indicators", ind_id, "by_unit", written, "value")


def _message(
    ind_id: str, indicator: Indicator, written: str | None, period: Period, then: Period, value: float, had: float
) -> str:
    measure = indicator.measure
    whose = "" if written is None else f" của {written}"
    counted = "số liệu năm là của cả năm" if period.is_year else f"số liệu {period.label} là lũy kế từ đầu năm"
    level = (
        ""
        if indicator.in_year is not None
        else "; nếu là số hiện có tại ngày (có thể giảm), ghi in_year: level cho chỉ tiêu"
    )
    return (
        f"chỉ tiêu {ind_id}{whose}: {period.label} ghi {measure.amount(value)}, thấp hơn {then.label} "
        f"({measure.amount(had)}); {counted}, không thấp hơn số của kỳ trước: kiểm tra lại số liệu kỳ này hoặc kỳ trước"
        f"{level}"
    )


RULE = Rule(
    "cumulative-falls",
    Severity.WARNING,
    "số lượng, giá trị của một kỳ (lũy kế từ đầu năm) không thấp hơn số của kỳ trước trong năm",
    "chỉ tiêu XK của xa_a: tháng 11/2026 ghi 9.650 nghìn USD, thấp hơn tháng 10/2026 (12.000 nghìn USD); số liệu "
    "tháng 11/2026 là lũy kế từ đầu năm, không thấp hơn số của kỳ trước: kiểm tra lại số liệu kỳ này hoặc kỳ trước",
    check,
    adjustable=True,
)
