"""The human form of ``kh68 status``: rich tables that fit 80 columns.

Status is always shown by symbol and word as well as colour, so the table
reads the same without colour (``NO_COLOR``, pipes, printers).
"""

from __future__ import annotations

from collections.abc import Iterator

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from kh68 import vocab
from kh68.core.vnformat import format_date, format_number, format_signed
from kh68.kinds.verdict import Direction, Status
from kh68.outputs.status_view import StatusView
from kh68.reading.bodies import none_named
from kh68.reading.enums import DutyKind
from kh68.tracking.engine import IndicatorResult
from kh68.tracking.tasks import DUE_SOON_DAYS, Deadline, Due, UnitReport
from kh68.vocab import Category

STATUS_STYLES = {
    Status.EXCEEDED: "bold green",
    Status.MET: "green",
    Status.NOT_MET: "bold red",
    Status.NO_DATA: "yellow",
    Status.NO_TARGET: "dim",
    Status.IN_PROGRESS: "cyan",
    Status.PROVISIONAL: "yellow",
    Status.NOT_COMPUTABLE: "magenta",
    Status.NO_BASE: "yellow",
    Status.NO_STATE: "yellow",
}
CATEGORY_STYLES = {
    Category.TARGET_ACHIEVED: "bold green",
    Category.TARGET_MISSED: "bold red",
    Category.SUBSTANTIAL: "green",
    Category.MODERATE: "yellow",
    Category.LIMITED: "red",
    Category.DETERIORATION: "bold red",
    Category.NOT_AVAILABLE: "dim",
}
MIN_WIDTH = 70
"""The narrowest table ``kh68 status`` lays out: every column kept (on a console narrower still, a long name or
target gives way within its column)."""
BAR_WIDTH = 8
_EIGHTHS = " ▏▎▍▌▋▊▉"
NONE = "–"


def bar(value: float | None, goal: float | None, direction: Direction) -> str:
    """``value`` as a share of ``goal`` in eighths of a cell; full means the goal is reached."""
    if value is None or not goal:
        return ""
    share = value / goal if direction is Direction.HIGHER else goal / max(value, 1e-9)
    eighths = round(max(0.0, min(share, 1.0)) * BAR_WIDTH * 8)
    full, rest = divmod(eighths, 8)
    cells = "█" * full + (_EIGHTHS[rest] if rest else "")
    return cells.ljust(BAR_WIDTH, "·")


def year_bar(result: IndicatorResult) -> str:
    """The value against the year's target (the bound it must reach)."""
    return bar(result.value, result.goal, result.indicator.better)


def final_bar(result: IndicatorResult) -> str:
    """The latest value against the final target."""
    goal = result.final.goal if result.final else None
    return bar(result.value, goal, result.indicator.better)


def target_text(result: IndicatorResult) -> str:
    """The target as compared (``99,96%``), marked ``*`` when it is an interpolated milestone."""
    target = result.target
    if target is None:
        return NONE
    return target.display + (vocab.DERIVED_MARK if target.derived else "")


def value_text(result: IndicatorResult) -> str:
    """The value, with a bar against the year's target on the line below."""
    if result.value is None:
        return NONE
    below = year_bar(result)
    return f"{result.value_display}\n{below}" if below else result.value_display


def gap_text(result: IndicatorResult) -> str:
    return format_signed(result.gap, result.decimals) if result.gap is not None else NONE


def status_cell(result: IndicatorResult) -> Text:
    return Text(f"{vocab.STATUS_SYMBOLS[result.status]} {result.status_label}", style=STATUS_STYLES[result.status])


def _table(**options: object) -> Table:
    return Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1, 0, 0), show_edge=False, **options)  # type: ignore[arg-type]


def _widest_word(texts: list[str], floor: int) -> int:
    """The width that breaks none of ``texts``' words (a number, "+10-13%/năm"), at least ``floor``."""
    return max([floor, *(len(word) for text in texts for word in text.split())])


def indicator_table(view: StatusView) -> Table:
    """The indicators, each column as wide as its content needs: a number or a word of a target is never cut or
    broken; only the indicator's name gives way (it wraps between words)."""
    table = _table(expand=True)
    code, name, target, value, gap, status = vocab.INDICATOR_COLUMNS
    rows = [
        (r, r.indicator.name + (vocab.SHARE_SUFFIX if r.indicator.share_of else ""), target_text(r), value_text(r))
        for r in view.results
    ]
    gaps = [gap_text(r) for r in view.results]
    longest_id = max((len(r.indicator.id) for r in view.results), default=0)
    table.add_column(code, width=min(max(5, longest_id), 12), overflow="fold")  # an id is never cut short
    table.add_column(name, min_width=12, ratio=1, overflow="fold")
    table.add_column(target, width=_widest_word([t for _, _, t, _ in rows], 9), overflow="fold")
    table.add_column(value, width=_widest_word([v for _, _, _, v in rows], 8), justify="right", overflow="fold")
    table.add_column(gap, width=max([6, *map(len, gaps)]), justify="right", no_wrap=True)
    table.add_column(status, width=20, overflow="fold")
    for (r, label, target_cell, value_cell), gap_cell in zip(rows, gaps, strict=True):
        table.add_row(r.indicator.id, label, target_cell, value_cell, gap_cell, status_cell(r))
    return table


def final_text(result: IndicatorResult) -> str:
    final = result.final
    return f"{final.display} ({final.year})" if final else NONE


def progress_row(result: IndicatorResult) -> list[str | Text]:
    p = result.progress
    ratio = format_number(p.ratio, 2) if p.ratio is not None else NONE
    projected = vocab.amount(p.projected, result.indicator.unit, result.decimals) if p.projected is not None else NONE
    label = Text(p.category.label, style=CATEGORY_STYLES[p.category])
    return [result.indicator.id, final_text(result), label, ratio, projected, final_bar(result)]


def progress_table(view: StatusView) -> Table:
    """Progress to the final targets: an id, a number and the bar are never cut; the final target gives way first
    (it wraps between words), then the words of the progress."""
    rows = [progress_row(r) for r in view.results]
    code, final, category, ratio, projected, reached = vocab.PROGRESS_COLUMNS
    table = _table()
    table.add_column(code, width=min(max(len(code), *(len(str(row[0])) for row in rows)), 12), overflow="fold")
    table.add_column(final, min_width=12, ratio=1, overflow="fold")
    table.add_column(category, min_width=_widest_word([str(row[2]) for row in rows], 8), overflow="fold")
    for i, heading in ((3, ratio), (4, projected)):
        table.add_column(heading, justify="right", no_wrap=True, min_width=max(len(heading), *_widths(rows, i)))
    table.add_column(reached, no_wrap=True, min_width=max(len(reached), BAR_WIDTH))
    for row in rows:
        table.add_row(*row)
    return table


def _widths(rows: list[list[str | Text]], column: int) -> list[int]:
    return [0, *(len(str(row[column])) for row in rows)]


def task_lines(view: StatusView) -> list[str]:
    counts: dict[str, int] = {}
    for t in view.tasks:
        label = t.state_label
        counts[label] = counts.get(label, 0) + 1
    summary = ", ".join(f"{label} {n}" for label, n in counts.items())
    lines = [f"{len(view.tasks)} nhiệm vụ: {summary}." if view.tasks else "Không có nhiệm vụ nào."]
    overdue = [t for t in view.tasks if t.due and t.due.overdue]
    if overdue:
        lines.append("Quá hạn:")
        lines += [f"• {t.task.id} {t.task.report_title} — {due_words(t.due)}" for t in overdue if t.due]
    soon = [t for t in view.tasks if t.due and t.due.soon]
    if soon:
        lines.append(f"Đến hạn trong {DUE_SOON_DAYS} ngày tới:")
        lines += [f"• {t.task.id} {t.task.report_title} — {due_words(t.due)}" for t in soon if t.due]
    missing = [t for t in view.tasks if t.missing_leads]
    if missing:
        lines.append("Chưa có báo cáo tiến độ của đơn vị chủ trì:")
        for t in missing:
            names = ", ".join(t.missing_names(view.plan))
            lines.append(f"• {t.task.id} {t.task.report_title} — {names}")
    # counted "Chưa có báo cáo" above, owed by no unit: led by the body that tracks the plan, which writes it itself
    unsaid = [
        t
        for t in view.tasks
        if t.state is None and not t.missing_leads and not t.is_request and t.task.expected_in(view.year)
    ]
    if unsaid:
        lines.append("Chưa ghi tiến độ (đơn vị chủ trì không phải gửi báo cáo; ghi bằng kh68 progress):")
        for t in unsaid:
            names = ", ".join(view.plan.unit_names(t.lead_units)) or "kế hoạch không ghi đơn vị chủ trì"
            lines.append(f"• {t.task.id} {t.task.report_title} — {names}")
    return lines


def due_words(due: Due) -> str:
    """``hạn 30/6/2026, quá hạn 35 ngày`` · ``hạn 30/6/2026, còn 12 ngày`` · ``hạn là hôm nay (30/6/2026)``."""
    if due.days_left < 0:
        return f"hạn {format_date(due.day)}, quá hạn {format_number(-due.days_left)} ngày"
    if due.days_left == 0:
        return f"hạn là hôm nay ({format_date(due.day)})"
    return f"hạn {format_date(due.day)}, còn {format_number(due.days_left)} ngày"


def days_text(deadline: Deadline) -> str:
    if deadline.sent is not None:  # the report on the plan, sent: its number, its day, late or not
        number = f"Báo cáo số {deadline.sent.number} " if deadline.sent.number else ""
        late = ""
        if deadline.sent_late and deadline.due is not None:
            late = f", chậm {format_number((deadline.sent.date - deadline.due).days)} ngày"
        return f"đã gửi {number}ngày {format_date(deadline.sent.date)}{late}"
    if deadline.days_left is None:
        return ""
    if deadline.days_left > 0:
        return f"còn {format_number(deadline.days_left)} ngày"
    if deadline.days_left == 0:
        return "hạn là hôm nay"
    if deadline.units and not deadline.missing:  # every unit owing it sent in time: the day passed, nothing is late
        return f"hạn đã qua {format_number(-deadline.days_left)} ngày"
    return f"ĐÃ QUÁ HẠN {format_number(-deadline.days_left)} ngày"


SOON = 30
"""A year's view lists a monthly or quarterly report once it is due within this many days (or past)."""


def deadline_lines(view: StatusView) -> list[str]:
    lines = []
    for d in (*view.carried, *view.deadlines):  # the year before's reports due this year first
        period = d.cadence
        # A month or quarter still far off (by its deadline, else by its end): the year's view lists the reports
        # due or past.
        if not period.is_year and view.period is None and ((d.due or period.last_day) - view.today).days > SOON:
            continue
        to = ", ".join(d.recipient_names(view.plan))
        if d.due is None:
            sent = f": {days_text(d)}" if d.sent is not None else ""
            lines.append(f"{vocab.sentence(period.label)}: {vocab.NO_DEADLINE} — gửi {to}{sent}.")
        else:
            lines.append(
                f"{vocab.sentence(period.label)}: hạn {format_date(d.due)}{_as_written(d)} — gửi {to}: {days_text(d)}."
            )
        if d.duty.kind is not DutyKind.UNIT_REPORT:
            continue
        for u in d.missing:
            name = u.name(view.plan)
            why = late_words(u) if u.late and u.on else "chưa gửi"
            if not u.reported and none_named(view.plan, u.unit_id):
                why += " (nhóm đơn vị không ghi thành viên, members: không biết đơn vị nào phải gửi)"
            lines.append(f"• {name}: {why}")
        if d.units and not d.missing:
            lines.append("• Tất cả đơn vị đã gửi đúng hạn." if d.due is not None else "• Tất cả đơn vị đã gửi.")
    return lines


def _as_written(d: Deadline) -> str:
    """`` (kế hoạch ghi: trước ngày 15/11 hằng năm)`` when the day shown is not the day the plan's words name (the
    day before "trước ngày 15/11"), so that 14/11 is never taken for the plan's own day; '' otherwise."""
    words = d.duty.deadline
    if words is None or words.rule.named_day(d.cadence) == d.due:
        return ""
    return f" (kế hoạch ghi: {words.text})"


def late_words(u: UnitReport) -> str:
    """``gửi muộn ngày 07/11/2025``; for a form that gave no sent date, the day it was received."""
    assert u.on is not None
    if u.received:
        return f"nhận muộn ngày {format_date(u.on)} (biểu mẫu không ghi ngày gửi)"
    return f"gửi muộn ngày {format_date(u.on)}"


def print_status(view: StatusView, console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=False, markup=False, emoji=False)
    # At most 100 columns (lines stay readable); at least MIN_WIDTH, which the table needs to keep every column:
    # a narrower console (COLUMNS=30, 0) wraps the lines rather than losing them.
    console.width = min(max(console.width, MIN_WIDTH), 100)
    plan = view.plan
    if plan.synthetic:
        console.print(Text(vocab.SYNTHETIC_BANNER, style="bold magenta"))
    scope = f" — {plan.unit_name(view.unit)}" if view.unit else ""
    meta = plan.meta
    # as the reports name it: "kế hoạch số …/KH-XYZ" while its number is not written yet (the symbol alone named
    # no document an official could look up)
    named = vocab.plan_name(meta.type.lower(), meta.number, meta.symbol, meta.issued_with)
    heading = vocab.STATUS_HEADING.format(plan=named, when=view.when)
    console.print(console.render_str(heading + scope, style="bold"))  # plan text: escaped before the layout
    console.print(f"Ngày xem: {format_date(view.today)}")
    console.print()
    console.print(indicator_table(view))
    if view.results.has_derived:
        console.print(vocab.DERIVED_NOTE)
    console.print(vocab.GAP_NOTE)
    by_note: dict[str, list[str]] = {}
    for r in view.results:
        for note in r.notes:
            by_note.setdefault(note, []).append(r.indicator.id)
    notes = [f"• {', '.join(ids)}: {note}" for note, ids in by_note.items()]
    if notes:
        console.print(vocab.DATA_NOTES_HEADING)
        print_lines(console, notes)
    if _progress_makes_sense(view):
        console.print()
        console.print(Text(vocab.PROGRESS_HEADING, style="bold"))
        console.print(progress_table(view))
        thresholds = plan.meta.progress_thresholds
        console.print(vocab.progress_method_note(thresholds.substantial, thresholds.moderate))
    console.print()
    console.print(Text(vocab.TASKS_HEADING, style="bold"))
    print_lines(console, task_lines(view))
    console.print()
    console.print(Text(vocab.REPORTING_HEADING, style="bold"))
    print_lines(console, deadline_lines(view))


def _progress_makes_sense(view: StatusView) -> bool:
    """Progress toward a final target needs one: indicators, and a plan of more than one year."""
    period = view.plan.meta.period
    return bool(view.results) and period.end > period.start


def print_lines(console: Console, lines: list[str]) -> None:
    """Print lines; a bullet's continuation lines are indented under its text."""
    console.print(_Lines(lines))


BULLET = "  • "
"""A bullet line starts with this, and its continuation lines with as many spaces."""


class _Lines:
    """Lines as ``print_lines`` shows them: each wrapped at the console's width, a word longer than the line folded,
    never cut, no line ending in spaces; a bullet ("• …") hangs its text under its first word."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines:
            if line.startswith("• "):
                yield from _wrapped(console, options, line[2:], BULLET)
            else:
                yield from _wrapped(console, options, line, "")


def _wrapped(console: Console, options: ConsoleOptions, text: str, bullet: str) -> Iterator[Segment]:
    """``text`` wrapped, its first line after ``bullet`` and the others under it (flush left on a console too
    narrow for it)."""
    indent = len(bullet) if options.max_width >= len(bullet) + 4 else 0
    width = max(options.max_width - indent, 2)  # a wide character takes two cells
    first = True
    for paragraph in console.render_str(text).split("\n"):
        for i, line in enumerate(paragraph.wrap(console, width)):
            if i:  # a line the wrap began: the space it broke at is not indentation
                line = line[len(line.plain) - len(line.plain.lstrip(" ")) :]
            line.rstrip()
            prefix = (bullet if first else " " * len(bullet))[:indent]
            yield Segment(prefix if line.plain else prefix.rstrip())
            yield from line.render(console)
            yield Segment.line()
            first = False
