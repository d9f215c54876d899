"""The human form of ``kh68 status``: rich tables that fit 80 columns.

Status is always shown by symbol and word as well as colour, so the table
reads the same without colour (``NO_COLOR``, pipes, printers).
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kh68.outputs.status_view import StatusView
from kh68.tracking.engine import Category, Result, Status, final_target
from kh68.tracking.tasks import Deadline
from kh68.vnformat import format_date, format_number, format_signed, format_value

STATUS_STYLES = {
    Status.EXCEEDED: "bold green",
    Status.MET: "green",
    Status.NOT_MET: "bold red",
    Status.NO_DATA: "yellow",
    Status.NO_TARGET: "dim",
    Status.IN_PROGRESS: "cyan",
}
CATEGORY_STYLES = {
    Category.TARGET_ACHIEVED: "bold green",
    Category.SUBSTANTIAL: "green",
    Category.MODERATE: "yellow",
    Category.LIMITED: "red",
    Category.DETERIORATION: "bold red",
    Category.NOT_AVAILABLE: "dim",
}
BAR_WIDTH = 8
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float | None, goal: float | None, direction: str) -> str:
    """``value`` as a share of ``goal`` in eighths of a cell; full means the goal is reached."""
    if value is None or not goal:
        return ""
    share = value / goal if direction == "higher" else goal / max(value, 1e-9)
    eighths = round(max(0.0, min(share, 1.0)) * BAR_WIDTH * 8)
    full, rest = divmod(eighths, 8)
    cells = "█" * full + (_EIGHTHS[rest] if rest else "")
    return cells.ljust(BAR_WIDTH, "·")


def year_bar(result: Result) -> str:
    """The value against the year's target (the bound it must reach)."""
    target = result.target
    if target is None or not target.kind.numeric:
        return ""
    return bar(result.value, target.spec.goal(result.indicator.direction), result.indicator.direction)


def final_bar(result: Result) -> str:
    """The latest value against the final target."""
    final = final_target(result.indicator)
    direction = result.indicator.direction
    return bar(result.value, final[1].goal(direction) if final else None, direction)


def target_text(result: Result) -> str:
    target = result.target
    if target is None:
        return "–"
    text = target.text
    if target.kind.numeric and result.indicator.unit == "%":
        text += "%"
    return f"~{text}*" if target.derived else text


def value_text(result: Result) -> str:
    """The value, with a bar against the year's target on the line below."""
    if result.value is None:
        return "–"
    text = format_value(result.value, result.indicator.unit)
    return f"{text}\n{year_bar(result)}" if year_bar(result) else text


def status_cell(status: Status) -> Text:
    return Text(f"{status.symbol} {status.label}", style=STATUS_STYLES[status])


def indicator_table(view: StatusView) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0), show_edge=False, expand=True)
    table.add_column("Mã", width=5, no_wrap=True)
    table.add_column("Chỉ tiêu", min_width=20, ratio=1, overflow="fold")
    table.add_column("Mục tiêu", width=9, no_wrap=True, overflow="ellipsis")
    table.add_column("Đạt được", width=8, justify="right", no_wrap=True)
    table.add_column("Chênh", width=6, justify="right", no_wrap=True)
    table.add_column("Tình trạng", width=19, no_wrap=True)
    for r in view.results:
        gap = format_signed(r.gap) if r.gap is not None else "–"
        table.add_row(r.indicator.id, r.indicator.name, target_text(r), value_text(r), gap, status_cell(r.status))
    return table


def progress_table(view: StatusView) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0), show_edge=False)
    table.add_column("Mã", no_wrap=True)
    table.add_column("Mục tiêu cuối kỳ", no_wrap=True)
    table.add_column("Tiến độ đến cuối kỳ", no_wrap=True)
    table.add_column("R", justify="right", no_wrap=True)
    table.add_column("Dự báo cuối kỳ", justify="right", no_wrap=True)
    table.add_column("Hiện đạt", no_wrap=True)
    for r in view.results:
        p = r.progress
        final_year = max(r.indicator.targets) if r.indicator.targets else None
        final = r.indicator.targets[final_year].text if final_year else "–"
        ratio = format_number(p.ratio, 2) if p.ratio is not None else "–"
        projected = format_value(p.projected, r.indicator.unit) if p.projected is not None else "–"
        label = Text(p.category.label, style=CATEGORY_STYLES[p.category])
        table.add_row(
            r.indicator.id, f"{final} ({final_year})" if final_year else "–", label, ratio, projected, final_bar(r)
        )
    return table


def task_lines(view: StatusView) -> list[str]:
    counts: dict[str, int] = {}
    for t in view.tasks:
        counts[t.state_label] = counts.get(t.state_label, 0) + 1
    summary = ", ".join(f"{label} {n}" for label, n in counts.items())
    lines = [f"{len(view.tasks)} nhiệm vụ: {summary}."]
    missing = [t for t in view.tasks if t.missing_leads]
    if missing:
        lines.append("Chưa có báo cáo tiến độ của đơn vị chủ trì:")
        for t in missing:
            names = ", ".join(t.missing_names(view.plan))
            lines.append(f"• {t.task.id} {t.task.title} — {names}")
    return lines


def days_text(deadline: Deadline) -> str:
    if deadline.days_left > 0:
        return f"còn {format_number(deadline.days_left)} ngày"
    if deadline.days_left == 0:
        return "hạn là hôm nay"
    return f"ĐÃ QUÁ HẠN {format_number(-deadline.days_left)} ngày"


def deadline_lines(view: StatusView) -> list[str]:
    lines = []
    for d in view.deadlines:
        to = ", ".join(d.recipient_names(view.plan))
        lines.append(f"Hạn {format_date(d.due)} — gửi {to}: {days_text(d)}.")
        if d.duty.kind != "unit_report":
            continue
        for u in d.missing:
            name = u.name(view.plan)
            why = f"gửi muộn ngày {format_date(u.on)}" if u.late else "chưa gửi"
            lines.append(f"• {name}: {why}")
        if d.units and not d.missing:
            lines.append("• Tất cả đơn vị đã gửi đúng hạn.")
    return lines


def print_status(view: StatusView, console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=False, markup=False, emoji=False)
    if console.width > 100:
        console.width = 100
    plan = view.plan
    if plan.synthetic:
        console.print(Text("SỐ LIỆU MINH HỌA — không phải số liệu thật", style="bold magenta"))
    scope = f" — {plan.unit_name(view.unit)}" if view.unit else ""
    console.print(
        Text(f"Tình hình thực hiện {plan.meta.type.lower()} {plan.meta.symbol} năm {view.year}{scope}", style="bold")
    )
    console.print(f"Ngày xem: {format_date(view.today)}")
    console.print()
    console.print(indicator_table(view))
    if any(r.target and r.target.derived for r in view.results):
        console.print("~…*: mốc nội suy giữa hai mục tiêu, không phải chỉ tiêu do kế hoạch ghi.")
    console.print(
        "Chênh: theo đơn vị tính (điểm % với tỷ lệ), dương là tốt hơn mục tiêu; với khoảng mục tiêu, so với cận gần nhất (0 nếu nằm trong khoảng)."
    )
    console.print()
    console.print(Text("Tiến độ đến mục tiêu cuối kỳ", style="bold"))
    console.print(progress_table(view))
    console.print()
    console.print(Text("Nhiệm vụ", style="bold"))
    print_lines(console, task_lines(view))
    console.print()
    console.print(Text("Báo cáo", style="bold"))
    print_lines(console, deadline_lines(view))


def print_lines(console: Console, lines: list[str]) -> None:
    """Print lines; a bullet's continuation lines are indented under its text."""
    for line in lines:
        if line.startswith("• "):
            console.print(_bullet(line[2:]))
        else:
            console.print(line)


def _bullet(text: str) -> Table:
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    grid.add_row("•", text)
    return grid
