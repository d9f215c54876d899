"""``kh68 record`` and ``kh68 progress``: data entry without hand-editing YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from kh68.cli.common import PlanOption, app, handle_errors, period_option, year_option
from kh68.cli.outcome import check_numbers, echo, parse_past_day, plan_dir, when
from kh68.core.errors import UsageError
from kh68.kinds.periods import Period
from kh68.kinds.verdict import TaskState

if TYPE_CHECKING:
    from kh68.entry.edits import FileOutcome
    from kh68.reading.plan import Plan


def _report(outcome: FileOutcome, what: str, period: Period) -> None:
    if not outcome.changed:
        echo(f"Không thay đổi: {what} đã có trong {outcome.path.as_posix()}.")
    elif outcome.created:
        echo(f"Đã tạo {outcome.path.as_posix()} và ghi {what}.")
    else:
        echo(f"Đã ghi {what} vào {outcome.path.as_posix()}.")
    _not_begun(period)


def _not_begun(period: Period) -> None:
    """A figure or progress written for a period that has not begun: said, as status and report say it, since
    neither counts it before its first day (a year typed wrong, most likely)."""
    from datetime import date

    from kh68.core.vnformat import format_date

    today = date.today()
    if period.first_day > today:
        echo(
            f"kh68: cảnh báo: {period.label} bắt đầu ngày {format_date(period.first_day)}, sau hôm nay "
            f"({format_date(today)}): kh68 status và kh68 report chỉ tính nội dung này từ ngày đó; nếu gõ nhầm năm "
            "hay kỳ, ghi lại cho đúng",
            err=True,
        )


@app.command()
@handle_errors
def record(
    indicator: Annotated[str, typer.Argument(help="Mã chỉ tiêu (id trong indicators.yaml).", metavar="CHỈ_TIÊU")],
    year: Annotated[int | None, year_option("Năm của số liệu.", show_default=False)] = None,
    period: Annotated[
        str | None,
        period_option("Kỳ của số liệu (tháng 2026-11, quý 2026-Q3, 6 tháng 2026-H1): ghi vào data/<kỳ>.yaml."),
    ] = None,
    value: Annotated[
        str | None,
        typer.Option(
            "--value",
            help="Giá trị, ví dụ 99,5 hoặc 1.234,5 (dấu chấm ngăn cách hàng nghìn); có thể kèm dấu % của tỷ lệ hoặc đơn vị tính của chỉ tiêu (98%, 26.120 ha).",
        ),
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="Ghi cho đơn vị này (mã hoặc tên gọi).")] = None,
    numerator: Annotated[
        str | None, typer.Option("--numerator", help="Tử số: số đạt yêu cầu của tỷ lệ (số nguyên).")
    ] = None,
    denominator: Annotated[
        str | None, typer.Option("--denominator", help="Mẫu số: tổng số mà tỷ lệ tính trên đó (số nguyên).")
    ] = None,
    met: Annotated[
        bool | None,
        typer.Option("--met/--not-met", help="Đơn vị đạt chuẩn hay chưa (chỉ tiêu tính theo tỷ lệ đơn vị)."),
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Văn bản nguồn của số liệu.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Ghi chú.")] = None,
    plan: PlanOption = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè giá trị khác đã có.")] = False,
) -> None:
    """Ghi số liệu của một chỉ tiêu vào data/<năm>.yaml hoặc data/<kỳ>.yaml (giữ nguyên chú thích và định dạng)."""
    from kh68.entry.editing import apply_one, plan_for_edit
    from kh68.entry.edits import ValueEdit

    counts = ("--numerator", "--denominator")
    check_numbers({"--numerator": numerator, "--denominator": denominator}, count=counts)
    year, cadence = when(year, period)
    loaded = plan_for_edit(plan_dir(plan), cadence or Period.of_year(year))
    value = _without_unit(loaded, indicator, value)
    edit = ValueEdit(indicator, year, value, numerator, denominator, met, by, source, note, period=cadence)
    outcome = apply_one(loaded, edit, force=force)
    label = cadence.label if cadence else f"năm {year}"
    _report(outcome, f"chỉ tiêu {indicator} {label}" + (f" của {by}" if by else ""), cadence or Period.of_year(year))


def _without_unit(plan: Plan, indicator_id: str, value: str | None) -> str | None:
    """``--value`` as a form reads a cell: "98%" of a rate, "96,5 ha" of an amount in ha; then a number as every
    number is read, or refused naming the option and quoting what was typed (an indicator not in the plan: said by
    the edit)."""
    from kh68.core.safetext import excerpt
    from kh68.core.vnformat import parse_exact

    indicator = plan.indicator(indicator_id)
    if value is None or indicator is None:
        return value
    try:
        number = indicator.measure.without_unit(value)
    except ValueError as exc:
        raise UsageError(f"--value: {exc}") from None
    try:
        parse_exact(number)
    except ValueError as exc:
        raise UsageError(f"--value: {str(exc).replace(excerpt(number), excerpt(value), 1)}") from None
    return number


@app.command()
@handle_errors
def progress(
    task: Annotated[str, typer.Argument(help="Mã nhiệm vụ (id trong tasks.yaml).", metavar="NHIỆM_VỤ")],
    year: Annotated[int | None, year_option("Năm báo cáo.", show_default=False)] = None,
    period: Annotated[
        str | None, period_option("Kỳ báo cáo (tháng 2026-11, quý 2026-Q3, 6 tháng 2026-H1): ghi vào data/<kỳ>.yaml.")
    ] = None,
    *,
    unit: Annotated[str, typer.Option("--unit", help="Đơn vị báo cáo (mã hoặc tên gọi).")],
    state: Annotated[
        str,
        typer.Option(
            "--state",
            help=(
                "Trạng thái, bằng mã hoặc như biểu mẫu ghi: not_started (Chưa triển khai), in_progress (Đang triển "
                "khai), done (Hoàn thành), ongoing (Thực hiện thường xuyên)."
            ),
            metavar="<trạng_thái>",
        ),
    ],
    result: Annotated[str | None, typer.Option("--result", help="Kết quả đạt được.")] = None,
    difficulties: Annotated[
        str | None, typer.Option("--difficulties", help="Khó khăn, vướng mắc và nguyên nhân.")
    ] = None,
    directions: Annotated[str | None, typer.Option("--directions", help="Phương hướng năm tiếp theo.")] = None,
    proposals: Annotated[str | None, typer.Option("--proposals", help="Kiến nghị, đề xuất.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="Ngày báo cáo (2025-03-15 hoặc 15/3/2025).")] = None,
    plan: PlanOption = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè nội dung khác đã có.")] = False,
) -> None:
    """Ghi tiến độ một nhiệm vụ của một đơn vị vào data/<năm>.yaml (hoặc data/<kỳ>.yaml)."""
    from kh68.entry.editing import apply_one, plan_for_edit
    from kh68.entry.edits import ProgressEdit

    year, cadence = when(year, period)
    loaded = plan_for_edit(plan_dir(plan), cadence or Period.of_year(year))
    day = parse_past_day(on, "--date") if on else None  # as import refuses a form sent on a day still to come
    said = task_state(state)
    edit = ProgressEdit(task, year, unit, said, day, result, difficulties, directions, proposals, period=cadence)
    outcome = apply_one(loaded, edit, force=force)
    label = cadence.label if cadence else f"năm {year}"
    _report(outcome, f"tiến độ nhiệm vụ {task} {label} của {unit}", cadence or Period.of_year(year))


def task_state(written: str) -> TaskState:
    """``--state`` by its code (``in_progress``) or as the form writes it (``Đang triển khai``, any case): the
    form's reader of a state cell, with the option's own message."""
    from kh68.entry.forms.cells import task_state as read_state
    from kh68.vocab import TASK_STATE_LABELS

    try:
        return read_state(written)
    except ValueError:
        listed = "; ".join(f"{state.value} ({label})" for state, label in TASK_STATE_LABELS.items())
        raise UsageError(f"giá trị {written!r} của --state không hợp lệ; chọn một trong: {listed}") from None
