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


def test_a_structured_target_whose_words_say_another_bound_is_refused_with_both(fixture_copy: Path) -> None:
    """The report quotes the words, kh68 judges by the keys: they must say the same."""
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": {text: "ít nhất 50", at_least: 60}')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'ít nhất 50')}:15: lỗi: chỉ tiêu dạng cấu trúc đọc được hai cách: lời văn "
        "'ít nhất 50' là từ 50% trở lên, còn các khóa là từ 60% trở lên; sửa cho khớp (báo cáo trích lời văn, còn kh68 "
        "đánh giá theo các khóa) [target-readings]"
    )


def test_words_that_agree_cannot_be_read_or_count_in_another_unit_are_the_structured_forms_to_keep(
    fixture_copy: Path,
) -> None:
    path = fixture_copy / "indicators.yaml"
    for written in ('{text: "ít nhất 60%", at_least: 60}', '{text: "tối thiểu 8–10 mô hình", at_least: 8}'):
        replace_in(path, '"2030": "> 60"', f'"2030": {written}')
        invoke(["check", fixture_copy], 0)
        replace_in(path, f'"2030": {written}', '"2030": "> 60"')
    replace_in(path, 'chuẩn quốc gia\n    unit: "%"', "chuẩn quốc gia\n    unit: nghìn USD")  # 6.5: another unit
    replace_in(path, '"2030": "> 60"', '"2030": {text: "trên 48,3 triệu USD", greater_than: 48300}')
    invoke(["check", fixture_copy], 0)


def test_about_a_number_in_words_agrees_with_its_keys_whatever_tolerance_they_give(fixture_copy: Path) -> None:
    """ "khoảng 60%" leaves its tolerance to the plan (±5% of it) or to the keys: read with the plan's, it agrees."""
    path = fixture_copy / "indicators.yaml"
    for keys in ("approximately: 60", "approximately: 60, tolerance: 1"):
        replace_in(path, '"2030": "> 60"', f'"2030": {{text: "khoảng 60%", {keys}}}')
        invoke(["check", fixture_copy], 0)
        replace_in(path, f'"2030": {{text: "khoảng 60%", {keys}}}', '"2030": "> 60"')
