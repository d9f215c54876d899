"""unit-end-before-start: a unit that ends before it starts."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_problem, replace_in


def test_end_before_start(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    replace_in(path, "  - id: phong_khtc\n", "  - id: phong_khtc\n    start: 2025-07-01\n    end: 2025-06-30\n")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'end: 2025-06-30')}:10: lỗi: ngày kết thúc trước ngày bắt đầu "
        "[unit-end-before-start]"
    )


def test_a_unit_of_one_day(fixture_copy: Path) -> None:
    replace_in(
        fixture_copy / "units.yaml",
        "  - id: phong_khtc\n",
        "  - id: phong_khtc\n    start: 2025-07-01\n    end: 2025-07-01\n",
    )
    invoke(["check", "--strict", fixture_copy], 0)
