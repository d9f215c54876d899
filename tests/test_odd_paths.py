"""Odd things where plan files should be: their own messages, never a hang or a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import invoke


def check_lines(plan: Path, code: int) -> list[str]:
    return invoke(["check", plan], code).output.splitlines()


def test_a_lone_yml_year_file_is_read(example_copy: Path) -> None:
    data = example_copy / "data"
    (data / "2025.yaml").rename(data / "2025.yml")
    assert check_lines(example_copy, 0)[-1].endswith("số liệu 3 năm.")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "đường dẫn là một thư mục, không phải tệp thông thường"),
        (os.mkfifo, "đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường"),
        (
            lambda p: (p.symlink_to(p.with_name("vong")), p.with_name("vong").symlink_to(p)),
            "đường dẫn có liên kết tượng trưng (symlink) vòng lặp",
        ),
    ],
    ids=["directory", "fifo", "symlink-loop"],
)
@pytest.mark.parametrize("name", ["data/2026.yaml", "units.yaml"])
def test_a_plan_path_that_is_not_a_file_has_its_own_message(example_copy: Path, make, reason: str, name: str) -> None:
    path = example_copy / name
    if path.exists():
        path.unlink()
    make(path)
    lines = check_lines(example_copy, 1)
    assert f"{path.as_posix()}:1:1: lỗi: không đọc được tệp: {reason} [file-unreadable]" in lines
    assert not any("thiếu tệp" in line for line in lines)


def test_a_plan_directory_that_is_a_fifo_or_a_loop(tmp_path: Path) -> None:
    fifo = tmp_path / "ke-hoach"
    os.mkfifo(fifo)
    assert invoke(["check", fifo], 2).output == (
        f"kh68: lỗi: '{fifo}' không phải thư mục kế hoạch (đó là một ống dẫn, thiết bị hoặc socket)\n"
    )
    loop = tmp_path / "vong"
    loop.symlink_to(loop)
    assert invoke(["status", "--plan", loop], 2).output == (
        f"kh68: lỗi: không mở được thư mục kế hoạch '{loop}': đường dẫn có liên kết tượng trưng (symlink) vòng lặp\n"
    )


def test_a_path_too_long_is_said_shortly(tmp_path: Path) -> None:
    long = tmp_path / ("a" * 300) / "plan"
    out = invoke(["check", long], 2).output
    assert out.startswith(f"kh68: lỗi: không mở được thư mục kế hoạch '{str(long)[:200]}…' (")
    assert out.endswith(" ký tự): tên tệp hoặc đường dẫn quá dài\n")
