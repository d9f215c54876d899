"""One small inline SVG chart per indicator: measured values against the targets.

Pure string building, no I/O and no external resources: the SVG is embedded
in the HTML report as it is.  Every text in it goes through ``_text`` here
(``for_document``, then XML-escaped).  The chart reads the engine's result
(series, final target) and asks the engine for the target in force in each year
it draws; it computes no target of its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from kh68 import vocab
from kh68.core.safetext import for_document
from kh68.core.vnformat import format_date, format_number
from kh68.reading.plan import Plan
from kh68.tracking.engine import IndicatorResult, Point, TargetInForce, target_in_force

WIDTH, HEIGHT = 420, 200
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 16, 44
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
_NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


def _text(text: str) -> str:
    """Plan text inside the SVG: no control character, XML-escaped."""
    return escape(for_document(text))


def nice_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """Round axis ticks covering ``low``–``high``: steps of 1, 2, 2,5 or 5 times a power of ten."""
    span = max(high - low, 1e-9)
    raw = span / max(most - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in _NICE_STEPS if s * power >= raw - 1e-12)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    count = round((last - first) / step)
    return [round(first + i * step, 10) for i in range(count + 1)]


@dataclass(frozen=True)
class Frame:
    """The chart's axes: the years drawn and the value scale (round ticks)."""

    years: list[int]
    ticks: list[float]

    @property
    def low(self) -> float:
        return self.ticks[0]

    @property
    def high(self) -> float:
        return self.ticks[-1]

    @property
    def step(self) -> float:
        return PLOT_W / max(len(self.years), 1)

    def x(self, year: float) -> float:
        return LEFT + (year - self.years[0] + 0.5) * self.step

    def y(self, value: float) -> float:
        value = min(max(value, self.low), self.high)
        return TOP + (self.high - value) / (self.high - self.low) * PLOT_H


def _years(plan: Plan, result: IndicatorResult) -> list[int]:
    measured = [p.year for p in _shown(result)]
    final_year = result.final.year if result.final else plan.meta.period.end
    first = min(*measured, plan.meta.period.start)
    last = max(*measured, final_year, plan.meta.period.end)
    return list(range(first, last + 1))


def _targets(result: IndicatorResult, years: list[int]) -> dict[int, TargetInForce]:
    """The targets the plan set, by year: a chart goes in the annex of a report that leaves the body, which carries
    no milestone kh68 interpolated (``kh68 status`` shows those)."""
    found = {year: target_in_force(result.indicator, year, result.series) for year in years}
    return {year: t for year, t in found.items() if t is not None and t.requirement is not None and not t.derived}


def _frame(years: list[int], result: IndicatorResult, targets: dict[int, TargetInForce]) -> Frame:
    numbers = [p.value for p in _shown(result)]
    for t in targets.values():
        assert t.requirement is not None  # _targets keeps only those with a requirement
        numbers += [b for b in (t.requirement.goal, t.requirement.far) if b is not None]
    low, high = min(numbers), max(numbers)
    pad = max((high - low) * 0.15, 0.5)
    floor = low  # no axis below zero for figures that are none of them negative (an amount, a count)
    low, high = low - pad, high + pad
    if floor >= 0:
        low = max(low, 0.0)
    if result.indicator.measure.is_percent:
        low, high = max(low, 0.0), min(high, 100.0)
        if high - low < 1:
            low = max(0.0, high - 1)
    ticks = nice_ticks(low, high)
    if result.indicator.measure.is_percent:
        ticks = [t for t in ticks if 0 <= t <= 100] or ticks
    return Frame(years, ticks)


def _open(result: IndicatorResult) -> list[str]:
    title = _text(f"Chỉ tiêu {result.indicator.label}: {result.indicator.name}")
    return [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="bieu-do" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{title}">'
        ),
        f"<title>{title}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{PLOT_W}" height="{PLOT_H}" fill="#fff" stroke="#999" stroke-width="0.5"/>',
    ]


def _axes(frame: Frame) -> list[str]:
    out = []
    decimals = max((len(format_number(t, 4).partition(",")[2]) for t in frame.ticks), default=0)
    for tick in frame.ticks:
        ty = frame.y(tick)
        out.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{LEFT + PLOT_W}" y2="{ty:.1f}" stroke="#e4e4e4" stroke-width="0.5"/>'
        )
        out.append(
            f'<text x="{LEFT - 4}" y="{ty + 3:.1f}" font-size="9" text-anchor="end" fill="#444">'
            f"{_text(format_number(tick, decimals))}</text>"
        )
    out.extend(
        f'<text x="{frame.x(year):.1f}" y="{TOP + PLOT_H + 12}" font-size="9" text-anchor="middle" fill="#444">{year}</text>'
        for year in frame.years
    )
    return out


def _target_label(target: TargetInForce, final: bool = False) -> str:
    kind = "Mục tiêu" if final else "Chỉ tiêu"
    return f"{kind} năm {target.year}: {target.display}"


def _target_marks(frame: Frame, targets: dict[int, TargetInForce]) -> list[str]:
    out = []
    for year, t in sorted(targets.items()):
        x0, x1 = frame.x(year) - frame.step * 0.45, frame.x(year) + frame.step * 0.45
        label = _text(_target_label(t))
        assert t.requirement is not None
        goal, far = t.requirement.goal, t.requirement.far
        low = min(goal, far) if far is not None else goal
        if far is not None:
            y0, y1 = frame.y(max(goal, far)), frame.y(low)
            out.append(
                f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{max(y1 - y0, 1):.1f}" '
                f'fill="#8fc98f" fill-opacity="0.6"><title>{label}</title></rect>'
            )
        else:
            out.append(
                f'<line x1="{x0:.1f}" y1="{frame.y(low):.1f}" x2="{x1:.1f}" y2="{frame.y(low):.1f}" '
                f'stroke="#2e7d32" stroke-width="2" stroke-opacity="0.6">'
                f"<title>{label}</title></line>"
            )
    return out


def _final_mark(frame: Frame, result: IndicatorResult, targets: dict[int, TargetInForce]) -> list[str]:
    final = result.final
    stated = targets.get(final.year) if final else None
    if final is None or stated is None or final.goal is None:
        return []
    fx, fy = frame.x(final.year), frame.y(final.goal)
    title = _text(_target_label(stated, final=True))
    return [f'<path d="M{fx:.1f},{fy - 6:.1f} l6,6 l-6,6 l-6,-6 z" fill="#b71c1c"><title>{title}</title></path>']


def _shown(result: IndicatorResult) -> tuple[Point, ...]:
    """The points a report of the result's year may show: none after that year."""
    return result.series_until(result.year)


def _break_mark(frame: Frame, result: IndicatorResult) -> list[str]:
    """A dashed line where the series breaks, between the last year before it and the first after."""
    b = result.series_break
    if b is None or not any(p.year < b.first_year for p in _shown(result)):
        return []
    x = frame.x(b.first_year - 0.5)
    title = _text(vocab.sentence(b.text))
    return [
        (
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{TOP + PLOT_H}" stroke="#555" stroke-width="1" '
            f'stroke-dasharray="4,3"><title>{title}</title></line>'
        ),
        f'<text x="{x + 3:.1f}" y="{TOP + 10}" font-size="8" fill="#555">{_text(format_date(b.declared.date))}</text>',
    ]


def _values(frame: Frame, result: IndicatorResult) -> list[str]:
    out = []
    unit = result.indicator.unit
    points = _shown(result)
    since = result.series_break.first_year if result.series_break else None
    # Never a line across a break: one line before it, one after.
    for part in (
        [p for p in points if since is None or p.year < since],
        [p for p in points if since is not None and p.year >= since],
    ):
        if len(part) > 1:
            path = " ".join(f"{frame.x(p.year):.1f},{frame.y(p.value):.1f}" for p in part)
            out.append(f'<polyline points="{path}" fill="none" stroke="#1f4e9c" stroke-width="2"/>')
    for p in points:
        label = _text(vocab.amount(p.value, unit, result.decimals))
        cx, cy = frame.x(p.year), frame.y(p.value)
        out.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="#1f4e9c"><title>{p.year}: {label}</title></circle>'
        )
        out.append(
            f'<text x="{cx:.1f}" y="{cy - 6:.1f}" font-size="9" text-anchor="middle" fill="#1f4e9c">{label}</text>'
        )
    return out


def _legend(result: IndicatorResult, with_final: bool) -> list[str]:
    ly = HEIGHT - 10
    out = [
        f'<line x1="{LEFT}" y1="{ly - 3}" x2="{LEFT + 16}" y2="{ly - 3}" stroke="#1f4e9c" stroke-width="2"/>',
        f'<text x="{LEFT + 20}" y="{ly}" font-size="9" fill="#333">Kết quả thực hiện</text>',
        f'<rect x="{LEFT + 110}" y="{ly - 8}" width="14" height="8" fill="#8fc98f" fill-opacity="0.6"/>',
        f'<text x="{LEFT + 128}" y="{ly}" font-size="9" fill="#333">Chỉ tiêu năm</text>',
    ]
    if with_final and result.final is not None:
        out.append(f'<path d="M{LEFT + 258},{ly - 8} l4,4 l-4,4 l-4,-4 z" fill="#b71c1c"/>')
        text = _text(f"Mục tiêu {result.final.year}: {result.final.display}")
        out.append(f'<text x="{LEFT + 266}" y="{ly}" font-size="9" fill="#333">{text}</text>')
    return out


def indicator_chart(plan: Plan, result: IndicatorResult) -> str:
    """SVG of the result's series with the yearly targets and the final target.

    Only the targets the plan set are drawn (a report carries no interpolated milestone); a range is a band,
    a single number a line.  Returns ``""`` when there is nothing to draw.
    """
    if not _shown(result):
        return ""
    years = _years(plan, result)
    targets = _targets(result, years)
    frame = _frame(years, result, targets)
    final = _final_mark(frame, result, targets)
    parts = [
        *_open(result),
        *_axes(frame),
        *_target_marks(frame, targets),
        *final,
        *_break_mark(frame, result),
        *_values(frame, result),
        *_legend(result, bool(final)),
        "</svg>",
    ]
    return "\n".join(parts)
