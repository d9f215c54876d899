"""indicator-unknown: a data file records only the plan's indicators."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_error, only_problem, replace_in


def test_an_indicator_the_plan_does_not_have(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.13":\n    value: 81,2', '  "6.14":\n    value: 81,2')
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, '6.14')}:3: lỗi: không có chỉ tiêu '6.14' (các mã: 6.1, 6.2, 6.3, 6.4, "
        "6.5, 6.6, 6.7, 6.8, 6.9, 6.10, 6.11, 6.12, 6.13) [indicator-unknown]"
    )


def test_an_id_with_an_invisible_character_is_shown_with_it(example_copy: Path) -> None:
    """'6.1\\u200b3' looks like 6.13 on a terminal: the message shows the zero-width space."""
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.13":\n    value: 81,2', '  "6.1\\u200b3":\n    value: 81,2')
    line = line_of(path, "6.1\\u200b3")
    assert only_error(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line}:3: lỗi: không có chỉ tiêu '6.1\\u200b3' (các mã: 6.1, 6.2, 6.3, "
        "6.4, 6.5, 6.6, 6.7, 6.8, 6.9, 6.10, 6.11, 6.12, 6.13) [indicator-unknown]"
    )
    assert "ký tự ẩn \\u200b" in check_fails(example_copy)  # and named where it is (text-control-chars)


def test_a_plan_without_indicators_says_so_rather_than_an_empty_list(example_copy: Path) -> None:
    (example_copy / "indicators.yaml").unlink()
    out = invoke(["check", example_copy], 1).stdout
    data = (example_copy / "data" / "2023.yaml").as_posix()
    assert f"{data}:7:3: lỗi: không có chỉ tiêu '6.2' (kế hoạch chưa có chỉ tiêu nào) [indicator-unknown]\n" in out
