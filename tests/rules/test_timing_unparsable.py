"""timing-unparsable: a task's timing in words kh68 does not know."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_problem, replace_in

FORMS = (
    "Thường xuyên | Hằng năm | Quý IV hằng năm | Đến năm 2025 và các năm tiếp theo | Từ tháng 12/2025 đến quý I/2026 | Năm 2024 và "
    "các năm tiếp theo | Khi tiến hành sơ kết, tổng kết | Khi có phát sinh | 6 tháng đầu năm 2026 | Giai đoạn 2026-2030 | Quý II/2026 | "
    "tháng 5/2026 | Trước quý III/2026 | trước ngày 01/01/2030 | Đến năm 2030 | Năm 2026 | Theo lộ trình, hướng dẫn của Bộ, ngành (hoặc dạng cấu trúc {text: '…', due: 2026-06-30}: lời văn "
    "như kế hoạch viết, kèm hạn)"
)


def test_an_unknown_timing_names_every_accepted_form(fixture_copy: Path) -> None:
    path = fixture_copy / "tasks.yaml"
    replace_in(path, "timing: Khi tiến hành sơ kết, tổng kết Nghị quyết.", "timing: Cuối kỳ")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'timing: Cuối kỳ')}:17: lỗi: timing: không hiểu thời gian thực hiện "
        f"'Cuối kỳ'; các dạng đọc được: {FORMS} [timing-unparsable]"
    )


def test_the_timings_plans_write_are_read(fixture_copy: Path) -> None:
    path = fixture_copy / "tasks.yaml"
    replace_in(path, "timing: Khi tiến hành sơ kết, tổng kết Nghị quyết.", "timing: Hằng quý")
    invoke(["check", fixture_copy], 0)
    replace_in(path, "timing: Hằng quý", "timing: {text: Khi tiến hành sơ kết, due: 2027-06-30}")
    invoke(["check", fixture_copy], 0)
