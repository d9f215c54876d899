"""file-missing: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, only_problem


def test_missing_plan_file(fixture_copy: Path) -> None:
    (fixture_copy / "tasks.yaml").unlink()
    line = only_problem(check_fails(fixture_copy))
    assert (
        line
        == f"{fixture_copy.as_posix()}/tasks.yaml:1:1: lỗi: thiếu tệp tasks.yaml trong thư mục kế hoạch [file-missing]"
    )
