"""deadline-impossible: a yearly deadline that some year of the plan period does not have."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, invoke, line_of, only_problem, replace_in
from kh68.lint.rules.deadline_impossible import missing_years


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        ("31/04", "hạn 31/04 không có thật: không kỳ báo cáo nào có ngày đó"),
        ("30/02", "hạn 30/02 không có thật: không kỳ báo cáo nào có ngày đó"),
        (
            "trước ngày 31 hằng tháng",
            (
                "hạn trước ngày 31 hằng tháng của tháng 2/2024, tháng 4/2024, tháng 6/2024, tháng 9/2024, "
                "tháng 11/2024, tháng 2/2025 và 29 kỳ khác rơi vào ngày không có; chọn một ngày có trong mọi kỳ"
            ),
        ),
        (
            # the second half's report due 29/02 of the year after: a day only leap years have (a review: the
            # message named the half-years as if the day were theirs)
            "ngày 31/8 và 29/02",
            (
                "hạn ngày 31/8 và 29/02 của 6 tháng cuối năm 2024, 6 tháng cuối năm 2025, 6 tháng cuối năm 2026, 6 "
                "tháng cuối năm 2028, 6 tháng cuối năm 2029, 6 tháng cuối năm 2030 rơi vào ngày không có; chọn một "
                "ngày có trong mọi kỳ"
            ),
        ),
        (
            # a probe: "trước ngày 31/4" passed, due 30/4; only 29/02 is a day "trước ngày" may name that some
            # years lack
            "trước ngày 31/4 và 31/10",
            (
                "hạn trước ngày 31/4 và 31/10 của 6 tháng đầu năm 2024, 6 tháng đầu năm 2025, 6 tháng đầu năm 2026, 6 "
                "tháng đầu năm 2027, 6 tháng đầu năm 2028, 6 tháng đầu năm 2029 và 1 kỳ khác rơi vào ngày không có; "
                "chọn một ngày có trong mọi kỳ"
            ),
        ),
        (
            "29/02",
            (
                "hạn 29/02 không có trong các năm 2025, 2026, 2027, 2029, 2030 của thời kỳ kế hoạch; "
                "chọn một ngày có trong mọi năm"
            ),
        ),
    ],
)
def test_an_impossible_deadline_is_an_error(fixture_copy: Path, deadline: str, message: str) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, "deadline: 05/11", f"deadline: {deadline}")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, f'deadline: {deadline}')}:15: lỗi: {message} [deadline-impossible]"
    )


def test_the_last_day_of_a_month_is_fine(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "plan.yaml", "deadline: 05/11", "deadline: 28/02")
    replace_in(fixture_copy / "plan.yaml", "deadline: 10/11", "deadline: 30/11")
    invoke(["check", "--strict", fixture_copy], 0)


def test_missing_years() -> None:
    assert missing_years(29, 2, range(2024, 2031)) == [2025, 2026, 2027, 2029, 2030]
    assert missing_years(31, 12, range(2024, 2031)) == []


@pytest.mark.parametrize("deadline", ["31/02", "29/02", "31/04"])
def test_an_impossible_deadline_in_a_plan_with_data_is_an_error_everywhere(example_copy: Path, deadline: str) -> None:
    """Rules that date the year's report (unit-inactive) used to fail on it: exit 70 at every command."""
    path = example_copy / "plan.yaml"
    replace_in(path, "deadline: 05/11", f"deadline: {deadline}")
    where = f"{path.as_posix()}:{line_of(path, f'deadline: {deadline}')}:15: lỗi: hạn {deadline} "
    for args in (
        ["check", example_copy],
        ["status", "--plan", example_copy, "--year", "2025"],
        ["record", "6.3", "--year", "2025", "--value", "95", "--force", "--plan", example_copy],
    ):
        out = invoke(args, 1).output
        assert any(line.startswith(where) and line.endswith("[deadline-impossible]") for line in out.splitlines()), out
