"""timing-unparsable: a task's timing in words kh68 does not know."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_an_unknown_timing(plan_copy: Path) -> None:
    path = plan_copy / "tasks.yaml"
    replace_in(path, "timing: Khi tiến hành sơ kết, tổng kết Nghị quyết.", "timing: Hằng quý")
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'timing: Hằng quý')}:17: lỗi: timing: không hiểu thời gian thực hiện "
        "'Hằng quý': dùng 'Thường xuyên', 'Năm 2024 và các năm tiếp theo', 'Đến năm 2025 và các năm tiếp theo' "
        "hoặc 'Khi tiến hành sơ kết, tổng kết Nghị quyết' [timing-unparsable]"
    )
