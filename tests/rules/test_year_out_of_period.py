"""year-out-of-period: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_target_year_outside_plan_period(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"2031": "90"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '2031')}:7: lỗi: năm 2031 nằm ngoài thời kỳ kế hoạch 2024–2030 [year-out-of-period]"
    )
