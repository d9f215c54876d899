"""progress-date-outside: see ``kh68.lint.rules`` and the manual's list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, invoke, only_problem, replace_in

DATA = Path("data") / "2025.yaml"


@pytest.mark.parametrize(("written", "shown"), [("2020-01-01", "01/01/2020"), ("2024-12-31", "31/12/2024")])
def test_progress_dated_before_the_year_it_reports_is_an_error(example_copy: Path, written: str, shown: str) -> None:
    path = example_copy / DATA
    replace_in(path, "      state: ongoing\n      date: 2025-11-03\n", f"      state: ongoing\n      date: {written}\n")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:82:13: lỗi: tiến độ nhiệm vụ III.1.a của phong_tchc ghi ngày {shown}, "
        "trước năm 2025 mà tệp báo cáo [progress-date-outside]"
    )


def test_progress_dated_in_its_year_or_later_is_accepted(example_copy: Path) -> None:
    path = example_copy / DATA
    replace_in(path, "      state: ongoing\n      date: 2025-11-03\n", "      state: ongoing\n      date: 2026-01-10\n")
    invoke(["check", example_copy], 0)  # sent after the year it reports: a late report, not a typo


def test_progress_records_no_date_before_the_year(example_copy: Path) -> None:
    args = ["progress", "III.1.a", "--year", "2025", "--unit", "phong_tchc", "--state", "ongoing", "--force"]
    done = invoke([*args, "--date", "2020-01-01", "--plan", example_copy], 1)
    assert "[progress-date-outside]" in done.stderr
    assert "date: 2020-01-01" not in (example_copy / DATA).read_text(encoding="utf-8")


def test_progress_refuses_a_date_still_to_come(example_copy: Path) -> None:
    from datetime import date, timedelta

    from kh68.core.vnformat import format_date

    later = date.today() + timedelta(days=30)
    args = ["progress", "III.1.a", "--year", "2025", "--unit", "phong_tchc", "--state", "ongoing", "--force"]
    done = invoke([*args, "--date", later.isoformat(), "--plan", example_copy], 2)
    assert done.stderr == f"kh68: lỗi: --date: ngày {format_date(later)} chưa tới (sau hôm nay)\n"


def test_progress_dated_years_after_the_year_it_reports_is_an_error(example_copy: Path) -> None:
    """9999-12-31 passed check; 01/01/0001 did not."""
    path = example_copy / DATA
    replace_in(path, "      state: ongoing\n      date: 2025-11-03\n", "      state: ongoing\n      date: 9999-12-31\n")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:82:13: lỗi: tiến độ nhiệm vụ III.1.a của phong_tchc ghi ngày 31/12/9999, cách kỳ báo cáo "
        "của tệp (năm 2025) hơn một năm: ngày hay năm gõ nhầm? [progress-date-outside]"
    )
