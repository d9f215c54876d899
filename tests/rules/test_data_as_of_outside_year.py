"""data-as-of-outside-year: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, invoke, line_of, only_problem, replace_in


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("2027-10-31", "31/10/2027"),
        ("2024-12-31", "31/12/2024"),
        ("2026-01-01", "01/01/2026"),
        ("1025-10-31", "31/10/1025"),
    ],
    ids=["years-after", "day-before-the-year", "day-after-the-year", "typo-of-the-century"],
)
def test_a_cut_off_day_outside_the_year_is_an_error(example_copy: Path, written: str, shown: str) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "data_as_of: 2025-10-31", f"data_as_of: {written}")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'data_as_of')}:15: lỗi: số liệu tính đến ngày {shown} nằm ngoài "
        "năm 2025 mà báo cáo mô tả (01/01/2025–31/12/2025) [data-as-of-outside-year]"
    )


@pytest.mark.parametrize("written", ["2025-01-01", "2025-12-31"])
def test_any_day_of_the_year_is_accepted(example_copy: Path, written: str) -> None:
    replace_in(example_copy / "data" / "2025.yaml", "data_as_of: 2025-10-31", f"data_as_of: {written}")
    invoke(["check", example_copy], 0)


def test_the_report_refuses_a_cut_off_day_after_its_own_date(example_copy: Path, tmp_path: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    out = tmp_path / "bao-cao.md"
    args = ["report", "--plan", example_copy, "--year", "2025", "-o", out, "--date"]
    result = invoke([*args, "2025-10-30"], 2)
    assert result.output == (
        "kh68: lỗi: báo cáo ghi ngày 30/10/2025 (--date), trước ngày chốt số liệu 31/10/2025 "
        f"({path.as_posix()}:{line_of(path, 'data_as_of')}:15, report › data_as_of): ghi --date từ "
        "31/10/2025 trở đi, hoặc sửa ngày chốt số liệu\n"
    )
    assert not out.exists()
    invoke([*args, "2025-10-31"], 0)
    assert "(số liệu tính đến ngày 31/10/2025)" in out.read_text(encoding="utf-8")
