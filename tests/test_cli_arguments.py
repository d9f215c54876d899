"""An argument that is not UTF-8 text is a usage error naming its option, said before anything is read or written.

On Linux arguments are bytes; Python keeps each byte that is not UTF-8 as a lone surrogate
(``os.fsdecode(b"\\xfa") == "\\udcfa"``). ``kh68.cli.run`` sees them as the program does;
the subprocess tests pass real bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN
from kh68.cli import run

ADVICE = "kh68 chỉ nhận chữ mã UTF-8 (Unicode) — đặt bảng mã của cửa sổ lệnh là UTF-8 rồi gõ lại"
BAD = os.fsdecode(b"ghi ch\xfa")  # "ghi chú" typed on a terminal that is not UTF-8 (Latin-1 ú)


@pytest.mark.parametrize(
    ("argv", "holder", "shown", "command"),
    [
        (
            ["record", "6.1", "--year", "2025", "--value", "1", "--note", BAD],
            "giá trị của --note",
            "ghi ch\\xfa",
            "record",
        ),
        (
            ["record", "6.1", "--year", "2025", "--value", "1", f"--source={BAD}"],
            "giá trị của --source",
            "ghi ch\\xfa",
            "record",
        ),
        (
            ["progress", "III.1.a", "--year", "2025", "--unit", "phong_tchc", "--result", BAD],
            "giá trị của --result",
            "ghi ch\\xfa",
            "progress",
        ),
        (["status", "--unit", os.fsdecode(b"Ph\xf2ng")], "giá trị của --unit", "Ph\\xf2ng", "status"),
        (["report", "--year", "2025", "-o" + os.fsdecode(b"b\xe1o.md")], "giá trị của -o", "b\\xe1o.md", "report"),
        (["check", os.fsdecode(b"k\xea-ho\xe1ch")], "đối số THƯ_MỤC", "k\\xea-ho\\xe1ch", "check"),
        (["record", os.fsdecode(b"6.\xff1"), "--year", "2025"], "đối số CHỈ_TIÊU", "6.\\xff1", "record"),
        (["init", "moi", "--hook-rev", os.fsdecode(b"v1\xff")], "giá trị của --hook-rev", "v1\\xff", "init"),
        (["diff", os.fsdecode(b"main\xff")], "đối số BẢN_CŨ", "main\\xff", "diff"),
        (["record", os.fsdecode(b"--n\xf4te")], "tùy chọn", "--n\\xf4te", "record"),
        ([os.fsdecode(b"st\xe2tus")], "tên lệnh", "st\\xe2tus", None),
    ],
    ids=[
        "note",
        "source=",
        "result",
        "unit",
        "short-o",
        "directory",
        "indicator",
        "hook-rev",
        "revision",
        "option-name",
        "command",
    ],
)
def test_an_argument_that_is_not_utf8_names_its_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], holder: str, shown: str, command: str | None
) -> None:
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    help_of = f"kh68 {command}" if command else "kh68"
    assert captured.err == (
        f"kh68: lỗi: {holder} không phải chữ viết bằng mã UTF-8: '{shown}'; {ADVICE}\n"
        f"Xem '{help_of} --help' để biết cách dùng.\n"
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def kh68(*args: bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"kh68", *args], capture_output=True, timeout=120, check=False, env=env
    )


def test_real_bytes_leave_the_data_file_as_it_was(example_copy: Path) -> None:
    before = snapshot(example_copy)
    args = [b"record", b"6.1", b"--year", b"2025", b"--value", b"95", b"--force", b"--note", b"ghi ch\xfa"]
    done = kh68(*args, b"--plan", os.fsencode(example_copy))
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode("utf-8") == (
        f"kh68: lỗi: giá trị của --note không phải chữ viết bằng mã UTF-8: 'ghi ch\\xfa'; {ADVICE}\n"
        "Xem 'kh68 record --help' để biết cách dùng.\n"
    )
    assert snapshot(example_copy) == before


def test_real_bytes_skip_the_cache_of_a_read_only_command(tmp_path: Path) -> None:
    """``check`` and ``status`` may be answered from the cache: an undecodable argument never reaches it."""
    cache = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "KH68_NO_CACHE"} | {"KH68_CACHE_DIR": str(cache)}
    done = kh68(b"status", b"--plan", os.fsencode(EXAMPLE_PLAN), b"--unit", b"Ph\xf2ng", env=env)
    assert done.returncode == 2
    assert done.stderr.decode("utf-8").startswith(
        "kh68: lỗi: giá trị của --unit không phải chữ viết bằng mã UTF-8: 'Ph\\xf2ng'; "
    )
    assert not cache.exists() or not any(cache.iterdir())


@pytest.mark.parametrize(
    ("argv", "holder", "command"),
    [
        (["status", "--plan", ""], "giá trị của --plan", "status"),
        (["status", "--plan="], "giá trị của --plan", "status"),
        (["check", ""], "đối số THƯ_MỤC", "check"),
        (["import", "", "--plan", str(EXAMPLE_PLAN)], "đối số TỆP", "import"),
        (["import", "a.xlsx", "", "--plan", str(EXAMPLE_PLAN)], "đối số TỆP", "import"),  # after the first file
        (["report", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "-o", ""], "giá trị của -o", "report"),
        (["form", "--year", "2025", "--plan", str(EXAMPLE_PLAN), "--out", ""], "giá trị của --out", "form"),
        (["form", "--year", "2025", "--plan", str(EXAMPLE_PLAN), "-o", " "], "giá trị của -o", "form"),  # blank
    ],
    ids=[
        "plan",
        "plan-equals",
        "check-folder",
        "import-file",
        "import-second-file",
        "report-output",
        "form-folder",
        "form-blank-folder",
    ],
)
def test_an_empty_path_is_a_usage_error_never_the_folder_the_command_runs_in(
    capsys: pytest.CaptureFixture[str], argv: list[str], holder: str, command: str
) -> None:
    """`--plan ''` read the folder kh68 ran in as the plan (an empty KH68_PLAN means "not set", as documented)."""
    assert run(argv) == 2
    assert capsys.readouterr().err == (
        f"kh68: lỗi: {holder} trống: ghi một đường dẫn (thư mục hiện tại là '.')\n"
        f"Xem 'kh68 {command} --help' để biết cách dùng.\n"
    )


def test_an_empty_text_option_is_still_a_value(capsys: pytest.CaptureFixture[str]) -> None:
    """`--period ''` is a value, said wrong by the option itself, not taken for a path."""
    assert run(["status", "--plan", str(EXAMPLE_PLAN), "--today", "2025-11-06", "--period", ""]) == 2
    assert capsys.readouterr().err == (
        "kh68: lỗi: --period: kỳ '' không hợp lệ: viết 2026 (năm), 2026-H1 hoặc 2026-H2 (6 tháng), 2026-Q1 … 2026-Q4 "
        "(quý), 2026-01 … 2026-12 (tháng)\n"
    )


def test_an_empty_argument_too_many_is_said_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    """`kh68 check plan ''` said click's "Got unexpected extra argument(s) ()"."""
    assert run(["check", str(EXAMPLE_PLAN), ""]) == 2
    assert capsys.readouterr().err == "kh68: lỗi: thừa đối số: ''\nXem 'kh68 check --help' để biết cách dùng.\n"
