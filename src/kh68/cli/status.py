"""``kh68 status``: where every indicator, task and report stands in a year."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from kh68.cli.common import (
    ExitCode,
    PlanOption,
    app,
    handle_errors,
    parse_day,
    period_option,
    plan_dir,
    when,
    year_option,
)


class StatusFormat(StrEnum):
    table = "table"
    json = "json"


class FailOn(StrEnum):
    not_met = "not_met"
    no_data = "no_data"


@app.command()
@handle_errors
def status(
    year: Annotated[int | None, year_option("Năm cần xem (mặc định: năm hiện tại).")] = None,
    period: Annotated[
        str | None,
        period_option("Kỳ cần xem (tháng 2026-11, quý 2026-Q3, 6 tháng 2026-H1): số liệu tới hết kỳ, báo cáo của kỳ."),
    ] = None,
    plan: PlanOption = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Chỉ những gì đơn vị này chủ trì hoặc phải báo cáo.")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Coi hôm nay là ngày này (YYYY-MM-DD), để kết quả lặp lại được.")
    ] = None,
    fmt: Annotated[
        StatusFormat, typer.Option("--format", help="table: bảng cho người đọc; json: cho máy.")
    ] = StatusFormat.table,
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option(
            "--fail-on",
            help="Thoát với mã 1 nếu có chỉ tiêu ở tình trạng này (dùng trong CI); ghi nhiều lần để chọn nhiều "
            "tình trạng: --fail-on not_met --fail-on no_data.",
        ),
    ] = None,
) -> None:
    """Tình hình thực hiện: chỉ tiêu, khoảng cách tới mục tiêu, nhiệm vụ, hạn báo cáo."""
    from kh68.lint.check import load_plan
    from kh68.outputs.status_view import build_status, view_to_dict

    loaded = load_plan(plan_dir(plan))
    day = parse_day(today, "--today")
    year, cadence = when(year, period, default=day.year)
    loaded.require_year(year)
    unit_id = loaded.require_unit(unit) if unit is not None else None
    view = build_status(loaded, year, day, unit_id, cadence)
    from kh68.outputs.status_view import reminder
    from kh68.reading.report_text import missing_parts, unwritten_tasks

    if fmt is StatusFormat.json:
        data = view_to_dict(view)
        if unit_id is None:
            data["report_text_missing"] = [p.value for p in missing_parts(loaded, year)]
            data["report_tasks_missing"] = [t.id for t in unwritten_tasks(loaded, loaded.data.get(year), year)]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from kh68.cli.common import console
        from kh68.cli.status_table import print_status

        print_status(view, console(soft_wrap=False))
        note = reminder(loaded, year, day) if unit_id is None else ""
        if note:
            typer.echo(f"\n{note}")
    failing = {f.value for f in fail_on or []}
    if any(r.status.value in failing for r in view.results):
        raise typer.Exit(ExitCode.PROBLEMS)
