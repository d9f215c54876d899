"""target-readings: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_problem, replace_in


def test_a_percent_change_of_a_rate_is_refused_with_both_readings(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "tăng 10% so với năm 2025"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'tăng 10%')}:15: lỗi: chỉ tiêu 'tăng 10% so với năm 2025' của một tỷ lệ (%) "
        "đọc được hai cách: tăng 10 điểm phần trăm so với năm 2025, hoặc tăng 10% của giá trị so với năm 2025; viết rõ "
        "'tăng 10 điểm phần trăm so với năm 2025', hoặc dạng cấu trúc {change: 10, relative: true} cho cách đọc thứ hai "
        "[target-readings]"
    )


def test_a_yearly_change_of_a_rate_is_refused_with_both_readings(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "tăng bình quân 1,5%/năm"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'tăng bình quân')}:15: lỗi: chỉ tiêu 'tăng bình quân 1,5%/năm' của một tỷ lệ "
        "(%) đọc được hai cách: tăng bình quân 1,5 điểm phần trăm/năm, hoặc tăng bình quân 1,5% giá trị mỗi năm; viết rõ "
        "'tăng bình quân 1,5 điểm phần trăm/năm', hoặc dạng cấu trúc {yearly_change: 1.5, relative: true} cho cách đọc "
        "thứ hai [target-readings]"
    )


def test_points_or_the_structured_form_read_one_way(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "tăng 10 điểm phần trăm so với năm 2025"')
    invoke(["check", fixture_copy], 0)
    replace_in(
        path,
        '"2030": "tăng 10 điểm phần trăm so với năm 2025"',
        '"2030": {text: tăng 10%, change: 10, relative: true, base_year: 2025}',
    )
    invoke(["check", fixture_copy], 0)
