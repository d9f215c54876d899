"""``kh68 check`` and ``kh68 export``: their options (the work is ``kh68.cli.readonly``'s)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kh68.cli.common import PlanOption, app, handle_errors
from kh68.cli.problem_formats import ProblemFormat
from kh68.cli.readonly import CHECK_FORMAT, run_check, run_export


@app.command()
@handle_errors
def check(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="Thư mục kế hoạch (thay cho --plan).", show_default=False, metavar="THƯ_MỤC", readable=False
        ),
    ] = None,
    plan: PlanOption = None,
    fmt: Annotated[
        ProblemFormat,
        typer.Option(
            "--format",
            help="parsable: tệp:dòng:cột; github: chú thích GitHub Actions; json: cho máy; "
            "auto: github trong GitHub Actions, nơi khác parsable.",
            metavar="<dạng>",
        ),
    ] = CHECK_FORMAT,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Coi hôm nay là ngày này (2025-12-20 hoặc 20/12/2025): báo cáo năm nào đã đến hạn.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Kiểm tra kế hoạch: cú pháp YAML, kiểu dữ liệu, mã đơn vị, năm, chỉ tiêu, lời văn báo cáo đã đến hạn."""
    run_check(directory, plan, fmt, strict, today)


@app.command()
@handle_errors
def export(plan: PlanOption = None) -> None:
    """Xuất kế hoạch đã kiểm tra dưới dạng JSON (UTF-8) ra stdout."""
    run_export(plan)
