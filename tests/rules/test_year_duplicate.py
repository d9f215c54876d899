"""year-duplicate: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem


def test_two_data_files_for_one_year(example_copy: Path) -> None:
    data = example_copy / "data"
    (data / "2025.yml").write_bytes((data / "2025.yaml").read_bytes())
    assert only_problem(check_fails(example_copy)) == (
        f"{(data / '2025.yml').as_posix()}:{line_of(data / '2025.yml', 'year: 2025')}:7: lỗi: "
        "số liệu năm 2025 đã có trong tệp 2025.yaml [year-duplicate]"
    )
