"""report-group-unknown: the department's summary per task group (or per task) names a group or a task of the plan."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_problem, replace_in


def test_a_summary_of_a_group_the_plan_does_not_have(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '    "III.4": >-\n', '    "III.9": >-\n')
    line = line_of(path, '"III.9"')
    assert only_problem(check_fails(example_copy, "--today", "2025-11-01")) == (
        f"{path.as_posix()}:{line}:5: lỗi: không có nhóm nhiệm vụ hay nhiệm vụ 'III.9' trong tasks.yaml; "
        "các nhóm: III.1, III.2, III.3, III.4, III.5 [report-group-unknown]"
    )


def test_a_summary_of_a_group_of_the_plan(example_copy: Path) -> None:
    invoke(["check", example_copy, "--today", "2025-11-01"], 0)  # (--strict: the demo's provisional 6.2)
