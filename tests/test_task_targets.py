"""Targets written inside tasks (issue 17.6): judged, recorded and shown like the indicator table's."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import invoke, replace_in

TARGET = """        targets:
          - id: III.2.c-kp
            name: Kinh phí xã hội hóa huy động
            unit: tỷ đồng
            target: ít nhất 7.080 tỷ đồng
"""


def _plan(example_copy: Path) -> Path:
    replace_in(
        example_copy / "tasks.yaml",
        "timing: Năm 2024 và các năm tiếp theo.\n\n      - id: III.2.d",
        f"timing: Năm 2026\n{TARGET}\n      - id: III.2.d",
    )
    return example_copy


def test_a_task_target_is_judged_in_the_year_the_task_is_due(example_copy: Path) -> None:
    plan = _plan(example_copy)
    invoke(["record", "III.2.c-kp", "--year", "2026", "--value", "7.079", "--plan", plan], 0)
    data = json.loads(
        invoke(["status", "--plan", plan, "--year", "2026", "--today", "2026-08-04", "--format", "json"], 0).stdout
    )
    found = next(i for i in data["indicators"] if i["id"] == "III.2.c-kp")
    assert (found["target"]["text"], found["target"]["kind"], found["target"]["min"]) == (
        "ít nhất 7.080 tỷ đồng",
        "at_least",
        7080,
    )
    assert (found["value"], found["value_display"], found["status"], found["gap"]) == (
        7079,
        "7.079 tỷ đồng",
        "not_met",
        -1,
    )


def test_a_task_target_has_no_target_in_other_years(example_copy: Path) -> None:
    plan = _plan(example_copy)
    data = json.loads(
        invoke(["status", "--plan", plan, "--year", "2025", "--today", "2025-11-06", "--format", "json"], 0).stdout
    )
    found = next(i for i in data["indicators"] if i["id"] == "III.2.c-kp")
    assert (found["target"], found["status"]) == (None, "no_target")


def test_a_task_target_is_exported_with_its_task(example_copy: Path) -> None:
    plan = _plan(example_copy)
    exported = json.loads(invoke(["export", "--plan", plan], 0).stdout)
    found = next(i for i in exported["indicators"] if i["id"] == "III.2.c-kp")
    assert (found["task"], found["responsible_units"], found["targets"]["2026"]["kind"]) == (
        "III.2.c",
        ["phong_khtc", "phong_gddt_huyen"],
        "at_least",
    )
