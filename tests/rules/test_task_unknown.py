"""task-unknown: a data file reports progress only on the plan's tasks."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_a_task_the_plan_does_not_have(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "  III.4:\n", "  III.9:\n")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'III.9:')}:3: lỗi: không có nhiệm vụ 'III.9' [task-unknown]"
    )
