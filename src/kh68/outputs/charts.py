"""One small inline SVG chart per indicator: measured values against the targets.

Pure string building, no I/O and no external resources: the SVG is embedded
in the HTML report as it is.  Every text in it is XML-escaped here.
"""

from __future__ import annotations

from html import escape

from kh68.reading.models import Indicator
from kh68.reading.plan import Plan
from kh68.tracking.engine import target_in_force
from kh68.vnformat import format_number, format_value

WIDTH, HEIGHT = 420, 200
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 16, 44


def _ticks(low: float, high: float, count: int = 4) -> list[float]:
    step = (high - low) / count
    return [low + step * i for i in range(count + 1)]


def indicator_chart(plan: Plan, indicator: Indicator, series: dict[int, float]) -> str:
    """SVG of ``series`` (year → value) with the yearly targets and the final target.

    Stated targets are drawn solid, interpolated ones lighter; a range is a band,
    a single number a line.  Returns ``""`` when there is nothing to draw.
    """
    if not series:
        return ""
    unit = indicator.unit
    stated_years = sorted(indicator.targets)
    final_year = stated_years[-1] if stated_years else plan.meta.period.end
    first = min(min(series), plan.meta.period.start)
    last = max(max(series), final_year, plan.meta.period.end)
    years = list(range(first, last + 1))

    targets = {}
    for year in years:
        t = target_in_force(indicator, year)
        if t is not None and t.kind.numeric:
            targets[year] = t
    final = targets.get(final_year)

    numbers = list(series.values())
    for t in targets.values():
        numbers += [t.spec.min] + ([t.spec.max] if t.spec.max is not None else [])
    low, high = min(numbers), max(numbers)
    pad = max((high - low) * 0.15, 0.5)
    low, high = low - pad, high + pad
    if unit == "%":
        low, high = max(low, 0.0), min(high, 100.0)
        if high - low < 1:
            low = max(0.0, high - 1)

    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(years), 1)

    def x(year: float) -> float:
        return LEFT + (year - first + 0.5) * step

    def y(value: float) -> float:
        value = min(max(value, low), high)
        return TOP + (high - value) / (high - low) * plot_h

    title = f"Chỉ tiêu {indicator.id}: {indicator.name}"
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="bieu-do" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">'
        ),
        f"<title>{escape(title)}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fff" stroke="#999" stroke-width="0.5"/>',
    ]
    for tick in _ticks(low, high):
        ty = y(tick)
        out.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{LEFT + plot_w}" y2="{ty:.1f}" stroke="#e4e4e4" stroke-width="0.5"/>'
        )
        out.append(
            f'<text x="{LEFT - 4}" y="{ty + 3:.1f}" font-size="9" text-anchor="end" fill="#444">'
            f"{escape(format_number(tick, 1))}</text>"
        )
    out.extend(
        f'<text x="{x(year):.1f}" y="{TOP + plot_h + 12}" font-size="9" text-anchor="middle" fill="#444">{year}</text>'
        for year in years
    )

    for year, t in sorted(targets.items()):
        opacity = "0.35" if t.derived else "0.6"
        x0, x1 = x(year) - step * 0.45, x(year) + step * 0.45
        if t.spec.max is not None:
            y0, y1 = y(t.spec.max), y(t.spec.min)
            out.append(
                f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{max(y1 - y0, 1):.1f}" '
                f'fill="#8fc98f" fill-opacity="{opacity}"><title>{escape(_target_label(year, t, unit))}</title></rect>'
            )
        else:
            dash = ' stroke-dasharray="3,2"' if t.derived else ""
            out.append(
                f'<line x1="{x0:.1f}" y1="{y(t.spec.min):.1f}" x2="{x1:.1f}" y2="{y(t.spec.min):.1f}" '
                f'stroke="#2e7d32" stroke-width="2" stroke-opacity="{opacity}"{dash}>'
                f"<title>{escape(_target_label(year, t, unit))}</title></line>"
            )
    if final is not None:
        fy = y(final.spec.goal(indicator.direction))
        fx = x(final_year)
        out.append(
            f'<path d="M{fx:.1f},{fy - 6:.1f} l6,6 l-6,6 l-6,-6 z" fill="#b71c1c">'
            f"<title>{escape(_target_label(final_year, final, unit, final=True))}</title></path>"
        )

    points = sorted(series.items())
    if len(points) > 1:
        path = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="#1f4e9c" stroke-width="2"/>')
    for yr, v in points:
        label = format_value(v, unit)
        out.append(
            f'<circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="3.5" fill="#1f4e9c"><title>{yr}: {escape(label)}</title></circle>'
        )
        out.append(
            f'<text x="{x(yr):.1f}" y="{y(v) - 6:.1f}" font-size="9" text-anchor="middle" fill="#1f4e9c">{escape(label)}</text>'
        )

    ly = HEIGHT - 10
    out.append(f'<line x1="{LEFT}" y1="{ly - 3}" x2="{LEFT + 16}" y2="{ly - 3}" stroke="#1f4e9c" stroke-width="2"/>')
    out.append(f'<text x="{LEFT + 20}" y="{ly}" font-size="9" fill="#333">Kết quả thực hiện</text>')
    out.append(f'<rect x="{LEFT + 110}" y="{ly - 8}" width="14" height="8" fill="#8fc98f" fill-opacity="0.6"/>')
    out.append(f'<text x="{LEFT + 128}" y="{ly}" font-size="9" fill="#333">Chỉ tiêu năm (nhạt: nội suy)</text>')
    if final is not None:
        out.append(f'<path d="M{LEFT + 258},{ly - 8} l4,4 l-4,4 l-4,-4 z" fill="#b71c1c"/>')
        out.append(
            f'<text x="{LEFT + 266}" y="{ly}" font-size="9" fill="#333">'
            f"{escape(f'Mục tiêu {final_year}: {final.text}')}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _target_label(year: int, target, unit: str, final: bool = False) -> str:
    kind = "Mục tiêu" if final else "Chỉ tiêu"
    suffix = " (mốc nội suy)" if target.derived else ""
    text = target.text + ("%" if unit == "%" and not target.text.endswith("%") else "")
    return f"{kind} năm {year}: {text}{suffix}"
