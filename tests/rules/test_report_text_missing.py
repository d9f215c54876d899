"""report-text-missing: see ``kh68.lint.rules`` (its cases are in tests/test_report_text.py)."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke


def test_without_a_day_to_judge_by_the_rule_is_silent(example_copy: Path) -> None:
    assert "[report-text-missing]" not in invoke(["check", example_copy], 0).stdout


def test_it_can_be_turned_off(example_copy: Path) -> None:
    plan = example_copy / "plan.yaml"
    data = example_copy / "data" / "2024.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text[: text.index("# Lời văn của Sở")] + text[text.index("tasks:\n") :], encoding="utf-8")
    assert "[report-text-missing]" in invoke(["check", example_copy, "--today", "2025-01-15"], 0).stdout
    plan.write_text(plan.read_text(encoding="utf-8") + "rules:\n  report-text-missing: 'off'\n", encoding="utf-8")
    assert "[report-text-missing]" not in invoke(["check", example_copy, "--today", "2025-01-15"], 0).stdout
