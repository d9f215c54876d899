"""``kh68 form`` and ``kh68 import``: Excel forms out to the units, filled forms back in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kh68.cli.common import PlanOption, app, handle_errors, period_option, year_option
from kh68.cli.outcome import CommandExit, echo, parse_day, parse_past_day, plan_dir, say_error, when
from kh68.core.errors import ExitCode, UsageError
from kh68.kinds.periods import Period

if TYPE_CHECKING:
    from kh68.entry.forms.dating import Arrival


@app.command()
@handle_errors
def form(
    year: Annotated[int | None, year_option("Năm báo cáo (báo cáo năm).", show_default=False)] = None,
    period: Annotated[
        str | None,
        period_option("Kỳ báo cáo (tháng 2026-11, quý 2026-Q3, 6 tháng 2026-H1) mà kế hoạch giao đơn vị báo cáo."),
    ] = None,
    unit: Annotated[
        list[str] | None,
        typer.Option("--unit", help="Chỉ lập cho đơn vị này (mã hoặc tên gọi; lặp lại cho nhiều đơn vị)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "-o", "--out", help="Thư mục ghi biểu mẫu (mặc định: bieu-mau-<năm> hoặc bieu-mau-<kỳ>).", readable=False
        ),
    ] = None,
    made: Annotated[
        str | None,
        typer.Option("--date", help="Ngày lập ghi trong tệp (mặc định: ngày của kế hoạch), để tệp lặp lại được."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Ghi đè tệp cùng tên đã có trong thư mục mà khác biểu mẫu sắp lập.")
    ] = False,
    plan: PlanOption = None,
) -> None:
    """Lập biểu mẫu Excel (.xlsx) cho từng đơn vị phải báo cáo trong năm (hoặc trong kỳ: tháng, quý, 6 tháng)."""
    from kh68.entry.forms.expected import formable_units, require_reported
    from kh68.entry.forms.files import write_forms
    from kh68.lint.check import load_plan

    year, cadence = when(year, period)
    reported = cadence or Period.of_year(year)
    loaded = load_plan(plan_dir(plan))
    loaded.require_year(year, baseline=False)
    require_reported(loaded, reported)
    skipped: list[str] = []
    if unit:  # a unit named twice (its id, its name): one form; one that can have none is refused, named
        units = list(dict.fromkeys(loaded.require_unit(u) for u in unit))
    else:  # every unit owing the report: those that can have no form ("UBND các xã" of no members) are said
        units, refused = formable_units(loaded, reported)
        skipped = [f"không lập biểu mẫu cho {uid}: {reason}" for uid, reason in refused]
    if not units:
        raise UsageError(f"{reported.label} không có đơn vị nào phải báo cáo" + "".join(f"; {s}" for s in skipped))
    folder = out if out is not None else Path(f"bieu-mau-{reported.key}")
    day = parse_day(made, "--date") if made else None
    written = write_forms(loaded, reported, units, folder, day, force=force)
    if loaded.synthetic:
        echo("SỐ LIỆU MINH HỌA: biểu mẫu lập từ kế hoạch mẫu, không dùng cho báo cáo thật.")
    for item in written:
        echo(
            f"  {item.path.name} — {item.spec.unit_name}: "
            f"{len(item.spec.indicators)} chỉ tiêu, {len(item.spec.tasks)} nhiệm vụ"
        )
    echo(f"Đã lập {len(written)} biểu mẫu {reported.label} trong {folder.as_posix()}.")
    for said in skipped:  # on standard error: the list of forms made stays what it is
        echo(f"kh68: cảnh báo: {said}", err=True)


@app.command("import")
@handle_errors
def import_(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Các biểu mẫu .xlsx, tệp .csv hoặc thư mục chứa chúng.", readable=False, metavar="TỆP"),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Chỉ in những gì sẽ được ghi vào các tệp số liệu; không ghi gì.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè giá trị khác đã có.")] = False,
    received: Annotated[
        str | None,
        typer.Option(
            "--received",
            help="Ngày nhận các biểu mẫu (15/3/2025 hoặc 2025-03-15; mặc định: hôm nay): "
            "ngày báo cáo của biểu mẫu không ghi ngày gửi.",
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
) -> None:
    """Nhập số liệu và tiến độ từ các biểu mẫu đã điền (và tệp CSV) vào data/<năm>.yaml hoặc data/<kỳ>.yaml."""
    from kh68.entry.importing import import_files
    from kh68.lint.check import load_plan

    arrival = _arrival(received)
    loaded = load_plan(plan_dir(plan))
    batch = import_files(loaded, paths, force=force, dry_run=dry_run, arrival=arrival)
    for note in batch.notes:
        echo(f"kh68: cảnh báo: {note}", err=True)
    for result in batch.files:
        if result.accepted:
            echo(f"{result.path.name}: {result.summary}")
        else:
            echo(f"{result.path.name}: bị từ chối, không ghi gì từ tệp này", err=True)
            for problem in result.problems:
                say_error(problem)
    written: list[str] = []
    if batch.outcome is not None:
        for outcome in batch.outcome.files:
            if dry_run and outcome.changed:
                echo(outcome.diff(), nl=False)
            if outcome.changed:
                written.append(outcome.path.as_posix())
    total, refused = len(batch.files), len(batch.refused)
    line = f"Nhập {total} tệp: {total - refused} tệp được nhận, {refused} tệp bị từ chối; "
    if not written:
        line += "không có gì thay đổi."
    elif dry_run:
        line += f"chạy thử, chưa ghi {', '.join(written)}."
    else:
        line += f"đã ghi {', '.join(written)}."
    echo(line)
    if refused:
        raise CommandExit(ExitCode.PROBLEMS)


def _arrival(received: str | None) -> Arrival | None:
    """``--received``: a date like any other date option, and not one still to come."""
    from kh68.entry.forms.dating import Arrival

    if received is None:
        return None
    return Arrival(parse_past_day(received, "--received"), given=True)
