"""value-negative: a count or an amount is not below zero."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, check_fails, invoke, line_of, only_error, replace_in

SONLA = REPO / "tests" / "fixtures" / "plans" / "sonla-2954"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SONLA, tmp_path / "plan"))


def test_a_units_negative_amount_is_an_error_where_it_is_written(plan: Path) -> None:
    """A new user's probe: "-5" typed in a form's cell of an area in ha was imported and summed into the whole."""
    path = plan / "data" / "2026-11.yaml"
    replace_in(path, 'ubnd_xa_van_ho: {value: "9.650"', 'ubnd_xa_van_ho: {value: "-9.650"')
    line = line_of(path, '"-9.650"')
    assert only_error(check_fails(plan)) == (
        f"{path.as_posix()}:{line}:31: lỗi: chỉ tiêu XK của ubnd_xa_van_ho: -9.650 nghìn USD là số âm; số lượng, giá "
        "trị ghi số có (hoặc đã làm) của kỳ, không ghi mức tăng, giảm [value-negative]"
    )


def test_the_whole_areas_negative_amount_is_an_error(plan: Path) -> None:
    path = plan / "data" / "2026-11.yaml"
    replace_in(path, '  P2.2-L:\n    value: "6.100"', '  P2.2-L:\n    value: "-6.100"')
    assert only_error(check_fails(plan)).startswith(
        f"{path.as_posix()}:{line_of(path, '-6.100')}:12: lỗi: chỉ tiêu P2.2-L: "
    )


def test_zero_is_a_figure_and_a_plan_may_turn_the_rule_off(plan: Path) -> None:
    path = plan / "data" / "2026-11.yaml"
    replace_in(path, 'ubnd_xa_van_ho: {value: "9.650"', 'ubnd_xa_van_ho: {value: "0"')
    invoke(["check", plan], 0)
    replace_in(path, 'ubnd_xa_van_ho: {value: "0"', 'ubnd_xa_van_ho: {value: "-1"')
    with (plan / "plan.yaml").open("a", encoding="utf-8") as handle:
        handle.write("rules:\n  value-negative: off\n")
    invoke(["check", plan], 0)
