"""target-unparsable: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in

FORMS = (
    "99,5 | ít nhất 30% | trên 60 | không quá 5 | dưới 5 | 30-35 | khoảng 500 | giảm 10% so với năm 2025 | "
    "tăng bình quân 8%/năm | trung bình mỗi năm từ 05 trở lên | tổng giai đoạn 5.000 ha | Hoàn thành | - | "
    "mốc định tính không có chữ số (hoặc dạng cấu trúc {at_least: 3, text: '…'})"
)


def test_unparseable_target_names_every_accepted_form(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2025": 99,5\n      "2030": 99,5', '"2025": 9O,5\n      "2030": 99,5')
    line = only_problem(check_fails(fixture_copy))
    assert line == (
        f"{path.as_posix()}:{line_of(path, '9O,5')}:15: lỗi: không đọc được chỉ tiêu '9O,5'; "
        f"các dạng đọc được: {FORMS} [target-unparsable]"
    )


def test_reversed_target_range(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": 35-40', '"2030": 40-35')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '40-35')}:15: lỗi: khoảng chỉ tiêu '40-35' có cận dưới lớn hơn cận trên "
        "[target-unparsable]"
    )


def test_a_comparison_without_a_number_is_an_error(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "> sáu mươi"')
    line = only_problem(check_fails(fixture_copy))
    assert line == (
        f"{path.as_posix()}:{line_of(path, 'sáu mươi')}:15: lỗi: không đọc được chỉ tiêu '> sáu mươi'; "
        f"các dạng đọc được: {FORMS} [target-unparsable]"
    )
