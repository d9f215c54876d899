"""target-direction: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_problem, replace_in


def test_words_against_the_written_direction_are_an_error(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path,
        '    unit: "%"\n    targets:\n      "2025": "60"',
        '    unit: "%"\n    direction: higher\n    targets:\n      "2025": "không quá 60"',
    )
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'không quá 60')}:15: lỗi: chỉ tiêu 'không quá 60' nói càng thấp càng tốt, "
        "trái với chiều tốt ghi ở direction (càng cao càng tốt) [target-direction]"
    )


def test_two_targets_saying_opposite_directions_are_an_error(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2025": "60"\n      "2030": "> 60"', '"2025": "không quá 60"\n      "2030": "> 60"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '> 60')}:15: lỗi: chỉ tiêu '> 60' nói càng cao càng tốt, "
        "trái với chỉ tiêu năm trước (càng thấp càng tốt) [target-direction]"
    )


def test_an_indicator_without_direction_takes_its_targets(fixture_copy: Path) -> None:
    replace_in(
        fixture_copy / "indicators.yaml",
        '"2025": "60"\n      "2030": "> 60"',
        '"2025": "không quá 60"\n      "2030": "dưới 50"',
    )
    invoke(["check", fixture_copy], 0)


def test_a_place_in_a_ranking_is_better_the_smaller_its_number(fixture_copy: Path) -> None:
    """A real plan's probe: "15" of a rank (unit hạng) was read as rank 15 or worse; "tối thiểu 15" likewise, in
    silence. A rank is better the smaller its number: a bare bound is the rank to reach, "tối thiểu" contradicts it."""
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path,
        '    unit: "%"\n    targets:\n      "2025": "60"\n      "2030": "> 60"',
        '    unit: hạng\n    targets:\n      "2025": "tối thiểu 15"\n      "2030": "10"',
    )
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'tối thiểu 15')}:15: lỗi: chỉ tiêu 'tối thiểu 15' nói càng cao càng tốt, "
        "trái với một thứ hạng (càng thấp càng tốt) [target-direction]"
    )


def test_words_that_read_two_ways_are_said_once_by_target_readings(fixture_copy: Path) -> None:
    """ "tăng 3 hạng" with direction: lower, as the two-readings message says to write: no second error."""
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path,
        '    unit: "%"\n    targets:\n      "2025": "60"\n      "2030": "> 60"',
        '    unit: hạng\n    direction: lower\n    targets:\n      "2025": "tăng 3 hạng so với năm 2024"\n      "2030": "10"',
    )
    assert only_problem(check_fails(fixture_copy)).endswith("[target-readings]")


def test_a_bare_level_that_every_value_meets_is_an_error(fixture_copy: Path) -> None:
    """A new user's plan: "0 vụ" (forest fires) of an indicator the higher the better was read "≥ 0", so 7 fires
    were "Vượt chỉ tiêu"."""
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path, '    unit: "%"\n    targets:\n      "2025": "60"', '    unit: "%"\n    targets:\n      "2025": "0%"'
    )
    line = line_of(path, '"2025": "0%"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line}:15: lỗi: chỉ tiêu '0%' của một chỉ tiêu càng cao càng tốt thì giá trị nào cũng "
        "đạt; nếu văn bản đặt mức không quá '0%', ghi direction: lower cho chỉ tiêu, hoặc viết 'không quá …' trong "
        "chỉ tiêu [target-direction]"
    )
    replace_in(path, '"2025": "0%"', '"2025": "ít nhất 0%"')  # the side said: what the plan wrote
    assert "giá trị nào cũng đạt" not in invoke(["check", fixture_copy], 0).output
