"""``kh68 report``: the yearly report (Markdown, HTML or Word).

jinja2 and python-docx are imported only here, inside the command, so that
``kh68 check`` and ``kh68 status`` start without them.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kh68.cli.common import PlanOption, app, handle_errors, parse_day, plan_dir
from kh68.errors import UsageError


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


@app.command()
@handle_errors
def report(
    year: Annotated[int, typer.Option("--year", help="Năm báo cáo (trong thời kỳ kế hoạch).", show_default=False)],
    plan: PlanOption = None,
    unit: Annotated[
        str | None, typer.Option("--unit", help="Chỉ phần việc của một đơn vị (mã hoặc tên gọi).", show_default=False)
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", help="Ngày ghi trên báo cáo, YYYY-MM-DD (mặc định: hôm nay).", show_default=False),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Mẫu Jinja khác (xem README, mục Mẫu báo cáo).", show_default=False),
    ] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="md (mặc định), html hoặc docx.")] = ReportFormat.md,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Ghi ra tệp (bắt buộc với docx).", show_default=False)
    ] = None,
) -> None:
    """Lập báo cáo kết quả thực hiện kế hoạch của một năm (Markdown, HTML hoặc Word)."""
    if fmt is ReportFormat.docx and output is None:
        raise UsageError("báo cáo Word (--format docx) cần tên tệp: thêm -o bao-cao.docx.")
    if fmt is ReportFormat.docx and template is not None:
        raise UsageError("--template chỉ dùng với --format md hoặc html; báo cáo Word dựng trực tiếp từ dữ liệu.")
    today = parse_day(day, "--date")

    from kh68.files import atomic_write, guard_output
    from kh68.outputs.report_context import build_report
    from kh68.reading.load import load_plan

    root = plan_dir(plan)
    if output is not None:
        guard_output(output, root)
    loaded = load_plan(root)
    context = build_report(loaded, year, today, unit)

    if fmt is ReportFormat.docx:
        from kh68.outputs.word import docx_bytes

        assert output is not None
        atomic_write(output, docx_bytes(context))
        typer.echo(f"Đã ghi báo cáo Word: {output}", err=True)
        return

    from kh68.outputs.render import render

    text = render(context, fmt.value, template)
    if output is None:
        typer.echo(text, nl=False)
        return
    atomic_write(output, text.encode("utf-8"))
    typer.echo(f"Đã ghi báo cáo: {output}", err=True)
