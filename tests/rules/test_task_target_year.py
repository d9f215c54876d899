"""task-target-year: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_error, replace_in

TARGET = """        targets:
          - id: III.2.c-kp
            name: Kinh phí xã hội hóa huy động
            unit: tỷ đồng
            target: ít nhất 7.080 tỷ đồng
"""


def _with_a_task_target(plan: Path, timing: str) -> Path:
    path = plan / "tasks.yaml"
    replace_in(
        path,
        "timing: Năm 2024 và các năm tiếp theo.\n\n      - id: III.2.d",
        f"timing: {timing}\n{TARGET}\n      - id: III.2.d",
    )
    return path


def test_a_target_of_a_task_without_a_deadline_has_no_year(example_copy: Path) -> None:
    path = _with_a_task_target(example_copy, "Hằng năm")
    assert only_error(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'target: ít nhất 7.080')}:21: lỗi: chỉ tiêu III.2.c-kp của nhiệm vụ III.2.c "
        "không có năm: thời gian thực hiện 'Hằng năm' không có hạn; ghi chỉ tiêu theo năm (targets: {\"2026\": …}) "
        "[task-target-year]"
    )


def test_a_target_of_a_task_due_in_a_year_is_judged_that_year(example_copy: Path) -> None:
    _with_a_task_target(example_copy, "Năm 2026")
    invoke(["check", example_copy], 0)
