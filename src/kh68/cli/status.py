"""``kh68 status``: its options (the work, where every indicator, task and report stands, is ``kh68.cli.readonly``'s)."""

from __future__ import annotations

from typing import Annotated

import typer

from kh68.cli.common import PlanOption, app, handle_errors, period_option, year_option
from kh68.cli.readonly import STATUS_FORMAT, FailOn, StatusFormat, run_status


@app.command()
@handle_errors
def status(
    year: Annotated[
        int | None,
        year_option(
            "Năm cần xem (mặc định: năm hiện tại, hoặc năm gần nhất của kế hoạch khi năm hiện tại ngoài các năm của kế hoạch)."
        ),
    ] = None,
    period: Annotated[
        str | None,
        period_option("Kỳ cần xem (tháng 2026-11, quý 2026-Q3, 6 tháng 2026-H1): số liệu tới hết kỳ, báo cáo của kỳ."),
    ] = None,
    plan: PlanOption = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Chỉ những gì đơn vị này chủ trì hoặc phải báo cáo.")
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Coi hôm nay là ngày này (2025-12-20 hoặc 20/12/2025), để kết quả lặp lại được."),
    ] = None,
    fmt: Annotated[
        StatusFormat, typer.Option("--format", help="table: bảng cho người đọc; json: cho máy.")
    ] = STATUS_FORMAT,
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
    run_status(year, period, plan, unit, today, fmt, fail_on)
