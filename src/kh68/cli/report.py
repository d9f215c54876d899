"""``kh68 report``: the yearly report (Markdown, HTML, Word or PDF), a division's report, the internal summary.

jinja2 and python-docx are imported only here, inside the command, so that
``kh68 check`` and ``kh68 status`` start without them.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kh68.cli.common import PlanOption, app, handle_errors, period_option, year_option
from kh68.cli.outcome import echo, parse_day, plan_dir, when
from kh68.core.errors import UsageError
from kh68.outputs.renderers import RENDERERS, Options, Renderer

ReportFormat = StrEnum("ReportFormat", [(name, name) for name in RENDERERS])  # type: ignore[misc]
"""The ``--format`` choices: the formats of ``kh68.outputs.renderers``, in its order."""
DEFAULT_FORMAT = ReportFormat(next(iter(RENDERERS)))
FORMAT_HELP = (
    ", ".join(f"{name}{f' ({r.note})' if r.note else ''}" for name, r in RENDERERS.items())
    + f"; mặc định: theo đuôi của tệp -o (bao-cao.docx: docx), không thì {DEFAULT_FORMAT.value}."
)
SUFFIXES = {f".{name}": name for name in RENDERERS} | {".htm": "html", ".markdown": "md"}
NOT_WRITTEN = frozenset({".doc", ".dot", ".odt", ".ott", ".rtf", ".pages", ".wps", ".xls", ".xlsx", ".ods"})
"""Suffixes of documents kh68 does not write: a name ending so is refused, never filled with Markdown (another
suffix, "bao-cao-ngay-10.12.2026", is part of a name: Markdown, as without one)."""
"""A report's format by the suffix of the file it is written to."""


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
    duty: Annotated[
        str | None,
        typer.Option(
            "--duty",
            help="Mã nhiệm vụ báo cáo (plan_report) khi kế hoạch có nhiều báo cáo gửi cấp trên (mặc định: nhiệm vụ "
            "đầu tiên báo cáo kỳ đó).",
            metavar="<mã>",
            show_default=False,
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Ngày ghi trên báo cáo, 2025-12-20 hoặc 20/12/2025 (mặc định: để trống 'ngày … tháng … năm …' cho người ký ghi).",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Mẫu Jinja khác (xem docs/huong-dan/bao-cao.md, mục Mẫu báo cáo).",
            show_default=False,
            readable=False,
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
    chosen: Annotated[ReportFormat | None, typer.Option("--format", help=FORMAT_HELP, show_default=False)] = None,
    written_output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Ghi ra tệp (bắt buộc với docx, pdf; '-': in ra màn hình).",
            metavar="<đường_dẫn>",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Lập báo cáo kết quả thực hiện kế hoạch của một năm hoặc một kỳ (Markdown, HTML, Word hoặc PDF)."""
    fmt = _format(chosen, written_output)
    renderer = RENDERERS[fmt.value]
    output = _output_file(written_output, fmt.value)
    _check_options(fmt.value, renderer, output, template, reference_docx, unit, internal)
    if duty is not None and (unit is not None or internal):
        raise UsageError("--duty chọn báo cáo gửi cấp trên: không dùng cùng --unit hay --internal.")
    year, cadence = when(year, period)
    from kh68.outputs.document import DocumentKind
    from kh68.outputs.kinds import KINDS, Request, make

    kind = DocumentKind.INTERNAL if internal else DocumentKind.UNIT_REPORT if unit is not None else DocumentKind.REPORT
    if cadence is not None and not KINDS[kind].periods:
        raise UsageError(f"{KINDS[kind].name} của năm: không dùng cùng --period.")
    today = parse_day(day, "--date")

    from kh68.core.files import atomic_write, guard_output
    from kh68.lint.check import load_plan

    root = plan_dir(plan)
    if output is not None:
        guard_output(output, root, {"--template": template, "--reference-docx": reference_docx})
    loaded = load_plan(root)
    # A request the plan cannot answer is a usage error, said before any document is made.
    loaded.require_year(year, baseline=False)
    unit_id = loaded.require_unit(unit) if unit is not None else None
    request = Request(loaded, year, today, dated_on=day is not None, period=cadence, unit=unit_id, duty=duty)
    document = make(kind, request)
    data = renderer.render(document, Options(template=template, reference=reference_docx))
    if output is None:
        echo(data.decode("utf-8"), nl=False)
    else:
        atomic_write(output, data)
    for warning in document.warnings:  # of a report made: a template, Word or write error is said alone
        echo(f"kh68: cảnh báo: {warning}", err=True)
    if output is not None:
        written = f"báo cáo {renderer.name}" if renderer.binary else "báo cáo"
        echo(f"Đã ghi {written}: {output}", err=True)


def _format(chosen: ReportFormat | None, written: str | None) -> ReportFormat:
    """``--format``; without it, the one the file's suffix names (``-o bao-cao.docx``: Word), else Markdown. A
    format other than the one the suffix names is refused: Markdown in a ``.docx`` no Word opens."""
    suffix = Path(written).suffix.lower() if written else ""
    named = SUFFIXES.get(suffix)
    if chosen is None:
        if suffix in NOT_WRITTEN:  # "-o bc.doc", "-o bc.odt": Markdown there would be a file nothing opens right
            kinds = ", ".join(sorted(SUFFIXES))
            raise UsageError(
                f"-o {written}: kh68 không lập tệp {suffix}; đuôi tệp kh68 lập được: {kinds} (hoặc ghi --format để "
                "chọn định dạng)"
            )
        return ReportFormat(named) if named else DEFAULT_FORMAT
    if named is not None and named != chosen.value:
        raise UsageError(
            f"--format {chosen.value} nhưng -o {written} là tệp {RENDERERS[named].name}: bỏ --format để lập theo đuôi "
            f"tệp, hoặc ghi tệp đuôi .{chosen.value}"
        )
    return chosen


def _output_file(written: str | None, fmt: str) -> Path | None:
    """The file ``-o`` names; ``None`` for standard output (``-o -``, as most tools read it). A name ending in a
    separator names a folder: refused, never written as a file of that name."""
    if written is None or written == "-":
        return None
    if written.endswith(("/", os.sep)):
        raise UsageError(f"-o {written}: cần tên tệp báo cáo, không phải thư mục (ví dụ {written}bao-cao.{fmt})")
    return Path(written)


def _check_options(
    name: str,
    renderer: Renderer,
    output: Path | None,
    template: Path | None,
    reference: Path | None,
    unit: str | None,
    internal: bool,
) -> None:
    if renderer.binary and output is None:
        raise UsageError(f"báo cáo {renderer.name} (--format {name}) cần tên tệp: thêm -o bao-cao.{name}.")
    if template is not None and not renderer.templated:
        text = " hoặc ".join(n for n, r in RENDERERS.items() if r.templated)
        built = ", ".join(r.name for r in RENDERERS.values() if not r.templated)
        raise UsageError(f"--template chỉ dùng với --format {text}; bản {built} dựng trực tiếp từ dữ liệu.")
    if reference is not None and not renderer.styled:
        styled = " hoặc ".join(n for n, r in RENDERERS.items() if r.styled)
        raise UsageError(f"--reference-docx chỉ dùng với --format {styled}.")
    if reference is not None and not os.path.lexists(reference):  # anything else is said when it is read
        raise UsageError(f"không có tệp Word mẫu '{reference}' (--reference-docx).")
    if unit is not None and internal:
        raise UsageError("--internal là bản tổng hợp của mọi đơn vị: không dùng cùng --unit.")
