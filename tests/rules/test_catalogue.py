"""The rule list itself: ids unique and well formed, each rule registered, tested and in the manual."""

from __future__ import annotations

import pkgutil
import re
from importlib import import_module
from pathlib import Path

import pytest

import kh68.lint.rules as rules_package
from conftest import REPO
from kh68.lint.rules import ALL_RULES, RULES
from kh68.reading.ruledoc import RuleDoc

RULE_MODULES = sorted(m.name for m in pkgutil.iter_modules(rules_package.__path__) if m.name != "base")


def readme_row(rule: RuleDoc) -> str:
    cells = (f"`{rule.id}`", rule.severity.label, "có" if rule.adjustable else "không", rule.summary, rule.example)
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def test_ids_are_unique_and_dashed_lower_case() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids)), ids
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+|schema", i) for i in ids), ids


@pytest.mark.parametrize("module", RULE_MODULES)
def test_every_rule_module_is_registered_under_its_own_name(module: str) -> None:
    rule = import_module(f"kh68.lint.rules.{module}").RULE
    assert rule in RULES
    assert rule.id == module.replace("_", "-")


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_rule_has_its_test_file(rule: RuleDoc) -> None:
    test_file = Path(__file__).parent / f"test_{rule.id.replace('-', '_')}.py"
    assert test_file.is_file(), f"add {test_file.relative_to(REPO)}"
    assert f"[{rule.id}]" in test_file.read_text(encoding="utf-8"), "assert the rule id in the exact output"


def test_the_manual_lists_every_rule_and_nothing_else() -> None:
    readme = (REPO / "docs" / "huong-dan" / "quy-tac.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z0-9-]+)` \| (?:lỗi|cảnh báo) \|", readme, re.MULTILINE)
    assert listed == [rule.id for rule in ALL_RULES]
    for rule in ALL_RULES:
        assert readme_row(rule) in readme, f"docs/huong-dan/quy-tac.md row for {rule.id}:\n{readme_row(rule)}"
