"""A unit's own target (``unit_targets``): the part of an indicator the plan gives each unit, judged on the unit's
own figure in ``status --unit`` and the unit's report; its words and its unit checked like any target."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import check_fails, invoke, line_of, only_error, replace_in

OWN = """    unit_targets:
      xa_mh_01: {"2025": ít nhất 35}
      Xã minh họa 02: {"2025": ít nhất 30}
"""


def _give(plan: Path, text: str = OWN) -> Path:
    path = plan / "indicators.yaml"
    replace_in(
        path,
        "    reporters:\n      units: [phong_gddt_huyen]\n",
        f"{text}    reporters:\n      units: [phong_gddt_huyen]\n",
    )
    return path


def _row(plan: Path, unit: str) -> dict:
    args = ["status", "--plan", plan, "--year", "2025", "--today", "2025-11-20", "--unit", unit, "--format", "json"]
    return next(r for r in json.loads(invoke(args, 0).stdout)["indicators"] if r["id"] == "6.2")


def test_each_unit_is_judged_on_its_own_figure_against_its_own_target(example_copy: Path) -> None:
    _give(example_copy)
    first, second = _row(example_copy, "xa_mh_01"), _row(example_copy, "xa_mh_02")
    # xa_mh_01: 1768 / 5200 = 34%, short of its 35%; xa_mh_02: 1584 / 4800 = 33%, above its 30%
    assert (first["share_of"], first["value"], first["target"]["text"], first["status"]) == (
        "xa_mh_01", 34.0, "ít nhất 35", "not_met"
    )  # fmt: skip
    assert (second["share_of"], second["value"], second["status"]) == ("xa_mh_02", 33.0, "exceeded")
    assert second["coverage"] is None


def test_the_table_names_the_row_as_the_units_own(example_copy: Path) -> None:
    _give(example_copy)
    args = ["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-20", "--unit", "xa_mh_01"]
    out = invoke(args, 0, env={"COLUMNS": "100"}).stdout.splitlines()
    at = next(i for i, line in enumerate(out) if line.startswith("6.2 "))
    assert [line.rstrip() for line in out[at : at + 2]] == [
        "6.2    Tỷ lệ huy động trẻ em nhà trẻ (chỉ tiêu     ≥ 35%           34%      -1  ✗ Chưa đạt",
        "       giao cho đơn vị)                                       ███████▊",
    ]


def test_a_unit_without_its_own_target_sees_the_plans_indicator_as_before(example_copy: Path) -> None:
    _give(example_copy)
    row = _row(example_copy, "phong_gdth_gdmn")
    assert (row["share_of"], row["status"]) == (None, "provisional")


def test_a_unit_the_plan_does_not_know(example_copy: Path) -> None:
    path = _give(example_copy, '    unit_targets:\n      xa_mh_99: {"2025": ít nhất 35}\n')
    assert only_error(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'xa_mh_99')}:7: lỗi: không có đơn vị 'xa_mh_99' trong units.yaml "
        "(có phải ý bạn là 'xa_mh_09'?) [unit-unknown]"
    )


def test_a_units_target_is_read_like_any_target(example_copy: Path) -> None:
    path = _give(example_copy, '    unit_targets:\n      xa_mh_01: {"2025": ít nhất 135}\n')
    assert only_error(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'ít nhất 135')}:26: lỗi: chỉ tiêu 'ít nhất 135' nằm ngoài khoảng 0–100% "
        "[percent-range]"
    )
