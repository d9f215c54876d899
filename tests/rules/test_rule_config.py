"""rule-config: a plan sets its rules (plan.yaml › rules, '# kh68: disable-line …'), as yamllint and sqlfluff do."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DEMO_PROVISIONAL, check_fails, invoke, line_of, only_error, replace_in

PROVISIONAL = DEMO_PROVISIONAL.removeprefix("cảnh báo: ")


def _rules(plan: Path, text: str) -> Path:
    path = plan / "plan.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path


def test_a_warning_raised_to_an_error_fails_check(example_copy: Path) -> None:
    _rules(example_copy, "rules:\n  coverage-provisional: error\n")
    data = example_copy / "data" / "2025.yaml"
    assert only_error(check_fails(example_copy)) == (
        f"{data.as_posix()}:12:3: lỗi: {PROVISIONAL} (chưa báo cáo: xa_mh_08, xa_mh_09, xa_mh_10) "
        "[coverage-provisional]"
    )


def test_a_rule_turned_off_says_nothing(example_copy: Path) -> None:
    _rules(example_copy, "rules:\n  coverage-provisional: 'off'\n")
    out = invoke(["check", example_copy, "--strict"], 0).stdout
    assert out == f"{example_copy.as_posix()}: không có lỗi — 13 chỉ tiêu, 10 nhiệm vụ, 42 đơn vị, số liệu 4 năm.\n"


def test_an_error_lowered_to_a_warning_leaves_the_plan_usable(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "indicators.yaml", '"2030": "90"', '"2030": "190"')
    _rules(fixture_copy, "rules:\n  percent-range: warning\n")
    out = invoke(["check", fixture_copy], 0).stdout
    assert out.splitlines()[-1] == f"{fixture_copy.as_posix()}: 0 lỗi, 1 cảnh báo."


def test_a_line_silenced_by_a_comment(example_copy: Path) -> None:
    data = example_copy / "data" / "2025.yaml"
    replace_in(data, '  "6.2":\n', '  "6.2":   # kh68: disable-line coverage-provisional\n')
    assert "[coverage-provisional]" not in invoke(["check", example_copy, "--strict"], 0).stdout


def test_the_next_line_silenced_by_a_comment(example_copy: Path) -> None:
    data = example_copy / "data" / "2025.yaml"
    replace_in(data, '  "6.2":\n', '  # kh68: disable-next-line coverage-provisional, percent-range\n  "6.2":\n')
    assert "[coverage-provisional]" not in invoke(["check", example_copy, "--strict"], 0).stdout


def test_an_unknown_rule_is_an_error_with_a_suggestion(example_copy: Path) -> None:
    path = _rules(example_copy, "rules:\n  coverage-provisonal: 'off'\n")
    assert only_error(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'coverage-provisonal')}:3: lỗi: không có quy tắc 'coverage-provisonal' "
        "(có phải ý bạn là 'coverage-provisional'?) [rule-config]"
    )


def test_a_rule_that_keeps_the_plan_readable_cannot_be_turned_off(fixture_copy: Path) -> None:
    path = _rules(fixture_copy, "rules:\n  unit-unknown: 'off'\n")
    assert only_error(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'unit-unknown')}:3: lỗi: quy tắc unit-unknown không tắt hay đổi mức được: "
        "lỗi này làm kế hoạch không đọc được hay đọc được hai cách [rule-config]"
    )


def test_a_comment_naming_no_rule_is_an_error(example_copy: Path) -> None:
    data = example_copy / "data" / "2025.yaml"
    replace_in(data, '  "6.2":\n', '  "6.2":   # kh68: disable-line coverage\n')
    assert only_error(check_fails(example_copy)) == (
        f"{data.as_posix()}:{line_of(data, 'disable-line coverage')}:33: lỗi: không có quy tắc 'coverage' [rule-config]"
    )


def test_check_as_json(example_copy: Path) -> None:
    data = json.loads(invoke(["check", example_copy, "--format", "json"], 0).stdout)
    assert (data["plan"], data["errors"], data["warnings"]) == (example_copy.as_posix(), 0, 1)
    assert data["problems"] == [
        {
            "file": (example_copy / "data" / "2025.yaml").as_posix(),
            "line": 12,
            "column": 3,
            "severity": "warning",
            "rule": "coverage-provisional",
            "message": f"{PROVISIONAL} (chưa báo cáo: xa_mh_08, xa_mh_09, xa_mh_10)",
        }
    ]


def test_auto_is_github_inside_github_actions(example_copy: Path) -> None:
    inside = invoke(["check", example_copy, "--format", "auto"], 0, env={"GITHUB_ACTIONS": "true"}).stdout
    assert inside.splitlines()[0].startswith("::warning file=")
    outside = invoke(["check", example_copy, "--format", "auto"], 0, env={"GITHUB_ACTIONS": ""}).stdout
    assert ": cảnh báo: " in outside.splitlines()[0]


def test_a_command_that_needs_only_errors_runs_no_rule_that_can_only_warn(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kh68.lint.check

    def never(ctx: object) -> list[object]:
        raise AssertionError("ran")

    rules = tuple(replace(r, check=never) if r.id == "coverage-provisional" else r for r in kh68.lint.check.RULES)
    monkeypatch.setattr(kh68.lint.check, "RULES", rules)
    assert kh68.lint.check.load_plan(example_copy).meta.symbol  # a warning could not have stopped it: not looked for
    with pytest.raises(AssertionError, match="ran"):
        kh68.lint.check.check_plan(example_copy)  # check says every warning
    _rules(example_copy, "rules:\n  coverage-provisional: error\n")
    with pytest.raises(AssertionError, match="ran"):
        kh68.lint.check.load_plan(example_copy)  # raised to an error by the plan: it stops every command


def test_a_warning_raised_to_an_error_stops_status(example_copy: Path) -> None:
    _rules(example_copy, "rules:\n  coverage-provisional: error\n")
    done = invoke(["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-06"], 1)
    assert "[coverage-provisional]" in done.stderr + done.stdout


def test_a_refused_plan_lists_its_warnings_with_its_errors(example_copy: Path) -> None:
    replace_in(example_copy / "tasks.yaml", "lead_units: [cac_phong_thuoc_so]", "lead_units: [khong_co_don_vi]")
    done = invoke(["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-06"], 1)
    assert "[coverage-provisional]" in done.stderr  # a warning, shown with the error that refuses the plan
    assert "[unit-unknown]" in done.stderr


def test_record_follows_the_plans_rule_levels(fixture_copy: Path) -> None:
    record = ["record", "6.2", "--year", "2025", "--value", "150", "--plan", fixture_copy]
    assert "[percent-range]" in invoke(record, 1).stderr
    _rules(fixture_copy, "rules:\n  percent-range: 'off'\n")
    invoke([*record, "--force"], 0)
    assert "150" in (fixture_copy / "data" / "2025.yaml").read_text(encoding="utf-8")
