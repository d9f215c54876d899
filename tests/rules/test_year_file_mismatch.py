"""year-file-mismatch: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, problem_lines, replace_in


def test_data_year_not_matching_file_name(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "year: 2025", "year: 2024")
    line = line_of(path, "year: 2024")
    assert (
        f"{path.as_posix()}:{line}:7: lỗi: năm 2024 không khớp tên tệp 2025.yaml [year-file-mismatch]"
        in problem_lines(check_fails(example_copy))
    )
