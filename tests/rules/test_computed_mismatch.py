"""computed-mismatch: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke, line_of, only_problem, replace_in


def test_a_value_that_differs_from_its_units_by_more_than_0_05(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.2":\n    source:', '  "6.2":\n    value: 32,97\n    source:')
    assert only_problem(invoke(["check", example_copy], 0).output) == (
        f"{path.as_posix()}:{line_of(path, 'value: 32,97')}:12: cảnh báo: giá trị ghi 32,97 khác giá trị tính từ "
        "các đơn vị 32,9 (lệch hơn 0,05) [computed-mismatch]"
    )


def test_value_within_tolerance_gives_no_warning(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.2":\n    source:', '  "6.2":\n    value: 32,92\n    source:')
    invoke(["check", example_copy, "--strict"], 0)
