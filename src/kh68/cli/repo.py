"""``kh68 schema``, ``kh68 diff`` and ``kh68 init``: the plan as a git repository.

Only typer, ``kh68.cli.common`` and ``kh68.cli.outcome`` are imported at start-up;
each command imports its own module when it runs.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kh68 import __version__
from kh68.cli.common import PlanOption, app, handle_errors
from kh68.cli.outcome import CommandExit, echo, plan_dir
from kh68.core.errors import ExitCode


@app.command()
@handle_errors
def schema(
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi các tệp *.schema.json.", readable=False)] = Path(
        "schemas"
    ),
) -> None:
    """Ghi JSON Schema của từng loại tệp kế hoạch (sinh từ mô hình dữ liệu) cho trình soạn thảo."""
    from kh68.outputs.schema import write_schemas
    from kh68.reading.load import default_plan_dir

    for path in write_schemas(out, default_plan_dir()):
        echo(f"Đã ghi {path.as_posix()}")


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
@handle_errors
def diff(
    rev_a: Annotated[
        str | None,
        typer.Argument(
            help="Bản cũ (mặc định HEAD); cũng nhận dạng A..B hoặc A...B.", show_default=False, metavar="BẢN_CŨ"
        ),
    ] = None,
    rev_b: Annotated[
        str | None, typer.Argument(help="Bản mới (mặc định: thư mục đang sửa).", show_default=False, metavar="BẢN_MỚI")
    ] = None,
    plan: PlanOption = None,
    fmt: Annotated[
        DiffFormat,
        typer.Option("--format", help="text: đọc trên màn hình; markdown: bình luận pull request; json: cho máy."),
    ] = DiffFormat.text,
) -> None:
    """So sánh kế hoạch giữa hai bản git: mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị chủ trì, số liệu, tình trạng.

    Mã thoát 1 khi bản mới không hợp lệ (bản cũ không hợp lệ chỉ được báo).
    """
    from kh68.outputs.diff_compare import compare
    from kh68.outputs.diff_render import to_json, to_markdown, to_text
    from kh68.repo.gitplan import load_revisions

    old, new = load_revisions(plan_dir(plan), rev_a, rev_b)
    result = compare(old, new)
    render = {DiffFormat.text: to_text, DiffFormat.markdown: to_markdown, DiffFormat.json: to_json}[fmt]
    echo(render(result))
    # Exit 1 when the change leaves the plan invalid; an invalid old revision is only reported.
    if not result.new.valid:
        raise CommandExit(ExitCode.PROBLEMS)


@app.command()
@handle_errors
def init(
    directory: Annotated[
        Path,
        typer.Argument(help="Thư mục của kho kế hoạch mới.", show_default=False, metavar="THƯ_MỤC", readable=False),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Ghi vào thư mục không rỗng (tệp đã có vẫn được giữ nguyên).")
    ] = False,
    hook_repo: Annotated[
        str | None,
        typer.Option(
            "--hook-repo",
            help="Kho git của kh68 mà pre-commit và CI lấy kh68 (cùng --hook-rev). Mặc định: hook chạy kh68 đã cài "
            f"trên máy, CI cài kh68=={__version__} (phiên bản này) từ kho gói Python.",
            show_default=False,
            metavar="ĐỊA_CHỈ",
        ),
    ] = None,
    hook_rev: Annotated[
        str | None,
        typer.Option(
            "--hook-rev",
            help="Phiên bản cố định của kh68 trong kho --hook-repo: tag (ví dụ v1.2.0) hoặc mã commit đủ 40 ký tự; "
            "không nhận tên nhánh như main.",
            show_default=False,
            metavar="TAG",
        ),
    ] = None,
    git: Annotated[
        bool, typer.Option("--git/--no-git", help="Khởi tạo kho git nếu thư mục chưa nằm trong kho nào.")
    ] = True,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Bắt đầu từ một kế hoạch đã có (thư mục kế hoạch): chép đơn vị, nhiệm vụ báo cáo, chỉ tiêu, nhiệm vụ; "
            "không chép số liệu, để trống số và ngày của kế hoạch mới.",
            show_default=False,
            metavar="THƯ_MỤC_KẾ_HOẠCH",
        ),
    ] = None,
) -> None:
    """Tạo kho kế hoạch mới: khung kế hoạch có chỗ để điền (hoặc từ một kế hoạch đã có), JSON Schema, pre-commit, CI, README."""
    from kh68.repo.scaffold import FIRST_COMMIT_MESSAGE, scaffold

    report = scaffold(directory, force=force, hook_repo=hook_repo, hook_rev=hook_rev, git=git, source=source)
    for path in report.created:
        echo(f"Đã tạo {path}")
    for path in report.kept:
        echo(f"Giữ nguyên tệp đã có {path}")
    if report.git_init:
        echo("đã khởi tạo kho git")
    if report.first_commit:
        echo(f'đã tạo commit đầu tiên "{FIRST_COMMIT_MESSAGE}" (kh68 diff so sánh với commit này)')
    elif report.first_commit is False:
        echo(
            "chưa tạo được commit đầu tiên: git cần biết người commit — chạy "
            'git config --global user.name "Họ tên" và git config --global user.email "email", '
            f'rồi trong {directory.as_posix()}: git add . && git commit -m "Kế hoạch mới"; '
            "khi đó kh68 diff mới có bản để so sánh."
        )
    if report.kh68 is not None and report.kh68.repo is None:
        echo(f"Hook pre-commit chạy kh68 đã cài trên máy (không cần mạng); CI cài {report.kh68.requirement}.")
    elif report.kh68 is not None:
        echo(f"Hook pre-commit và CI dùng {report.kh68.requirement}.")
    root = directory.as_posix()
    if source is not None:
        echo(
            f"Kế hoạch mới chép từ {source.as_posix()} (không có số liệu): sửa số, ngày, trích yếu, thời kỳ, "
            "nhiệm vụ và chỉ tiêu theo văn bản mới."
        )
    echo(f"Tiếp theo: kh68 check {root}/plan; trong {root}: pre-commit install.")
