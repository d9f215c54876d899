"""``kh68 report``: the yearly report (Markdown, HTML, Word or PDF), a division's report, the internal summary.

jinja2 and python-docx are imported only here, inside the command, so that
``kh68 check`` and ``kh68 status`` start without them.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kh68.cli.common import PlanOption, app, echo, handle_errors, parse_day, period_option, plan_dir, when, year_option
from kh68.core.errors import UsageError

if TYPE_CHECKING:
    from kh68.outputs.document import StateDocument


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"
    pdf = "pdf"


BINARY = (ReportFormat.docx, ReportFormat.pdf)


@app.command()
@handle_errors
def report(
    year: Annotated[int | None, year_option("Năm báo cáo (trong thời kỳ kế hoạch).", show_default=False)] = None,
    period: Annotated[
        str | None,
        period_option(
            "Báo cáo của một kỳ (tháng 2026-11, quý 2026-Q3, 6 tháng 2026-H1) khi kế hoạch quy định báo cáo theo kỳ: "
            "số liệu tới hết kỳ, hạn của kỳ."
        ),
    ] = None,
    plan: PlanOption = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="Báo cáo của một đơn vị gửi đơn vị đầu mối (mã hoặc tên gọi).", show_default=False),
    ] = None,
    internal: Annotated[
        bool,
        typer.Option("--internal", help="Bản tổng hợp nội bộ báo cáo của các đơn vị (kèm bảng đơn vị báo cáo chậm)."),
    ] = False,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Ngày ghi trên báo cáo, YYYY-MM-DD (mặc định: để trống 'ngày … tháng … năm …' cho người ký ghi).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template", help="Mẫu Jinja khác (xem README, mục Mẫu báo cáo).", show_default=False, readable=False
        ),
    ] = None,
    reference_docx: Annotated[
        Path | None,
        typer.Option(
            "--reference-docx",
            help="Tệp Word mẫu của cơ quan để lấy kiểu chữ, giãn dòng (styles) cho bản docx/pdf.",
            show_default=False,
            readable=False,
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="md (mặc định), html, docx hoặc pdf (cần LibreOffice).")
    ] = ReportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Ghi ra tệp (bắt buộc với docx, pdf).", show_default=False, readable=False),
    ] = None,
) -> None:
    """Lập báo cáo kết quả thực hiện kế hoạch của một năm hoặc một kỳ (Markdown, HTML, Word hoặc PDF)."""
    _check_options(fmt, output, template, reference_docx, unit, internal)
    year, cadence = when(year, period)
    if cadence is not None and internal:
        raise UsageError("--internal là bản tổng hợp của năm: không dùng cùng --period.")
    today = parse_day(day, "--date")

    from kh68.core.files import atomic_write, guard_output
    from kh68.reading.load import load_plan

    root = plan_dir(plan)
    if output is not None:
        guard_output(output, root)
    loaded = load_plan(root)
    if internal:
        from kh68.outputs.internal_summary import build_internal_summary

        document = build_internal_summary(loaded, year, today)
    else:
        from kh68.outputs.report_context import build_report

        document = build_report(loaded, year, today, unit, dated_on=day is not None, period=cadence)
    for warning in document.warnings:
        echo(f"kh68: cảnh báo: {warning}", err=True)

    if fmt in BINARY:
        assert output is not None
        data = _binary(document, fmt, reference_docx)
        atomic_write(output, data)
        kind = "Word" if fmt is ReportFormat.docx else "PDF"
        typer.echo(f"Đã ghi báo cáo {kind}: {output}", err=True)
        return

    from kh68.outputs.render import render

    text = render(document.template_vars(), fmt.value, template)
    if output is None:
        typer.echo(text, nl=False)
        return
    atomic_write(output, text.encode("utf-8"))
    typer.echo(f"Đã ghi báo cáo: {output}", err=True)


def _check_options(
    fmt: ReportFormat,
    output: Path | None,
    template: Path | None,
    reference: Path | None,
    unit: str | None,
    internal: bool,
) -> None:
    if fmt in BINARY and output is None:
        kind = "Word" if fmt is ReportFormat.docx else "PDF"
        raise UsageError(f"báo cáo {kind} (--format {fmt.value}) cần tên tệp: thêm -o bao-cao.{fmt.value}.")
    if fmt in BINARY and template is not None:
        raise UsageError("--template chỉ dùng với --format md hoặc html; bản Word, PDF dựng trực tiếp từ dữ liệu.")
    if reference is not None and fmt not in BINARY:
        raise UsageError("--reference-docx chỉ dùng với --format docx hoặc pdf.")
    if reference is not None and not os.path.lexists(reference):  # anything else is said when it is read
        raise UsageError(f"không có tệp Word mẫu '{reference}' (--reference-docx).")
    if unit is not None and internal:
        raise UsageError("--internal là bản tổng hợp của mọi đơn vị: không dùng cùng --unit.")


def _binary(document: StateDocument, fmt: ReportFormat, reference: Path | None) -> bytes:
    from kh68.outputs.word import docx_bytes

    data = docx_bytes(document, reference)
    if fmt is ReportFormat.docx:
        return data
    from kh68.outputs.pdf import pdf_from_docx

    return pdf_from_docx(data)
