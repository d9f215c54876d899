"""Plans valid for kh68 0.1 stay valid (issue 17, item 7): byte-for-byte copies from the git history of the 0.1
plan and of the 0.1.0 release's demo plan (tests/fixtures/plans/v0.1-*/README.md say from which commit)."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, invoke

FIXTURES = REPO / "tests" / "fixtures" / "plans"


def test_the_first_plan_of_kh68_0_1_checks_clean() -> None:
    plan = FIXTURES / "v0.1-plan"
    assert invoke(["check", "--strict", plan], 0).output == (
        f"{plan.as_posix()}: không có lỗi — 13 chỉ tiêu, 10 nhiệm vụ, 16 đơn vị, số liệu 0 năm.\n"
    )


def test_the_demo_plan_of_the_0_1_0_release_checks_with_no_error() -> None:
    plan = FIXTURES / "v0.1-example"
    out = invoke(["check", plan], 0).output.splitlines()
    assert out[-1] == f"{plan.as_posix()}: 0 lỗi, 5 cảnh báo."
    # 7/10 communes reported 6.2 in 2025, as 0.1.0 said; and what later kh68 reads in a report's words: tasks
    # of the year with no result written, a narrative that says a target was missed in a year without one.
    assert [line.rsplit(" ", 1)[-1] for line in out[:-1]] == [
        "[report-text-missing]",
        "[coverage-provisional]",
        "[report-text-missing]",
        "[report-text-missing]",
        "[report-verdict-contradicts]",
    ]


@pytest.mark.parametrize(("name", "year"), [("v0.1-plan", "2025"), ("v0.1-example", "2025"), ("v0.1-example", "2026")])
def test_status_runs_on_the_old_plans(name: str, year: str) -> None:
    args = ["status", "--plan", FIXTURES / name, "--year", year, "--today", f"{year}-11-20"]
    table = invoke(args, 0, env={"COLUMNS": "80"}).stdout
    assert f"năm {year}" in table.splitlines()[1] or f"năm {year}" in table.splitlines()[0]
    shown = json.loads(invoke([*args, "--format", "json"], 0).stdout)
    assert (shown["year"], len(shown["indicators"]), len(shown["tasks"])) == (int(year), 13, 10)
    assert [r["duty"] for r in shown["reporting"]] == ["unit_report", "plan_report"]
