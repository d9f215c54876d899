"""percent-range: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, problem_lines, replace_in


def test_percentage_target_above_100(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"2030": "190"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '190')}:15: lỗi: chỉ tiêu '190' nằm ngoài khoảng 0–100% [percent-range]"
    )


def test_percentage_range_target_above_100(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": 35-40', '"2030": 95-120')
    assert "chỉ tiêu '95-120' nằm ngoài khoảng 0–100%" in only_problem(check_fails(fixture_copy))


def test_percentage_data_value_outside_0_100(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "value: 95,4", "value: 195,4")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, '195,4')}:12: lỗi: tỷ lệ 195,4% nằm ngoài khoảng 0–100 [percent-range]"
    )


def test_negative_percentage_by_unit(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "xa_mh_07: {numerator: 1188, denominator: 3600}", "xa_mh_07: {value: -3}")
    # A rate's value per unit is refused whatever it is (by-unit-combine); out of 0–100 it is said as well.
    line = next(line for line in problem_lines(check_fails(example_copy)) if line.endswith("[percent-range]"))
    assert line.startswith(f"{path.as_posix()}:{line_of(path, 'value: -3')}:")
    assert "tỷ lệ -3% nằm ngoài khoảng 0–100" in line


def test_a_rate_whose_dot_groups_thousands_is_said_with_its_other_reading(example_copy: Path) -> None:
    """A probe: "1.234" is 1234 (the dot groups thousands); "1.234% nằm ngoài 0–100" hid that a unit meant 1,234%."""
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "value: 95,4", 'value: "1.234"')
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, '1.234')}:12: lỗi: tỷ lệ 1.234% nằm ngoài khoảng 0–100 ('1.234': dấu "
        "chấm ngăn cách hàng nghìn; nếu là 1,234% hãy ghi 1,234) [percent-range]"
    )
