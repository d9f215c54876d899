"""``kh68 check`` and ``kh68 export``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from kh68.cli.common import (
    ExitCode,
    PlanOption,
    app,
    count_problems,
    handle_errors,
    parse_day,
    plan_dir,
    print_problems,
)
from kh68.cli.problem_formats import ProblemFormat, as_json


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
    ] = ProblemFormat.parsable,
    strict: Annotated[bool, typer.Option("--strict", help="Coi cảnh báo là lỗi.")] = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", help="Coi hôm nay là ngày này (YYYY-MM-DD): báo cáo năm nào đã đến hạn.", show_default=False
        ),
    ] = None,
) -> None:
    """Kiểm tra kế hoạch: cú pháp YAML, kiểu dữ liệu, mã đơn vị, năm, chỉ tiêu, lời văn báo cáo đã đến hạn."""
    from kh68.core.vnformat import format_number
    from kh68.lint.check import check_plan

    day = parse_day(today, "--today")
    root = directory or plan_dir(plan)
    loaded, problems = check_plan(root, today=day, judge=_report_verdicts)
    chosen = fmt.chosen()
    errors, warnings = count_problems(problems)
    if chosen is ProblemFormat.json:
        typer.echo(as_json(problems, root.as_posix()))
        if errors or (strict and warnings):
            raise typer.Exit(ExitCode.PROBLEMS)
        return
    print_problems(problems, chosen, err=False)
    if errors or warnings or loaded is None:
        counted = f"{format_number(errors, 0)} lỗi, {format_number(warnings, 0)} cảnh báo"
        typer.echo(f"{root.as_posix()}: {counted}.")
    else:
        typer.echo(
            f"{root.as_posix()}: không có lỗi — {len(loaded.indicators)} chỉ tiêu, {len(loaded.tasks)} nhiệm vụ, "
            f"{len(loaded.units.units)} đơn vị, số liệu {len(loaded.data)} năm."
        )
    if errors or (strict and warnings):
        raise typer.Exit(ExitCode.PROBLEMS)


def _report_verdicts(plan: Any, files: Any, year: int) -> Any:
    """The report's verdicts, for the rule comparing the narrative with them (imported only when it has claims)."""
    from kh68.outputs.narrative import report_verdicts

    return report_verdicts(plan, files, year)


@app.command()
@handle_errors
def export(plan: PlanOption = None) -> None:
    """Xuất kế hoạch đã kiểm tra dưới dạng JSON (UTF-8) ra stdout."""
    from kh68.lint.check import load_plan
    from kh68.outputs.export import plan_to_dict

    loaded = load_plan(plan_dir(plan))
    typer.echo(json.dumps(plan_to_dict(loaded), ensure_ascii=False, indent=2))
