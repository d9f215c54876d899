"""status.build_status / view_to_dict: the JSON that ``kh68 status --json`` prints."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import EXAMPLE_PLAN, replace_in
from kh68.outputs.status_view import build_status, view_to_dict
from kh68.reading.load import load_plan

TODAY = date(2025, 11, 6)


@pytest.fixture(scope="module")
def demo():
    return load_plan(EXAMPLE_PLAN)


@pytest.fixture(scope="module")
def view2025(demo):
    return view_to_dict(build_status(demo, 2025, TODAY))


def by_id(view: dict) -> dict:
    return {i["id"]: i for i in view["indicators"]}


class TestShape:
    def test_top_level(self, view2025):
        assert {"year", "plan", "indicators", "tasks", "reporting"} <= set(view2025)
        assert view2025["year"] == 2025
        assert view2025["plan"] == "KH-SGDĐT"
        assert view2025["synthetic"] is True
        assert view2025["today"] == "2025-11-06"

    def test_is_plain_json(self, view2025):
        text = json.dumps(view2025, ensure_ascii=False)
        assert json.loads(text) == view2025

    def test_indicator_keys(self, view2025):
        for item in view2025["indicators"]:
            assert {"id", "name", "unit", "target", "value", "gap", "status", "progress"} <= set(item)
            assert set(item["progress"]) >= {"category", "ratio", "projected_2030"}
            if item["target"] is not None:
                assert set(item["target"]) >= {"text", "kind", "min", "max", "derived"}

    def test_numbers_are_numbers_and_unknown_is_null(self, view2025):
        for item in view2025["indicators"]:
            for key in ("value", "gap"):
                assert item[key] is None or isinstance(item[key], (int, float)), (item["id"], key)
            for key in ("ratio", "projected_2030"):
                v = item["progress"][key]
                assert v is None or isinstance(v, (int, float)), (item["id"], key)
            if item["target"]:
                for key in ("min", "max"):
                    v = item["target"][key]
                    assert v is None or isinstance(v, (int, float))

    def test_all_thirteen_indicators_in_plan_order(self, view2025):
        assert [i["id"] for i in view2025["indicators"]] == [f"6.{n}" for n in range(1, 14)]


class TestIndicators2025:
    def test_range_from_units(self, view2025):
        # 6.2: Σ numerators / Σ denominators = 10475 / 31930 = 32,8061 % in 30-35 → met, gap 0
        i = by_id(view2025)["6.2"]
        assert i["value"] == pytest.approx(32.8061, abs=1e-4)
        assert i["target"] == {
            "text": "30-35",
            "kind": "range",
            "min": 30,
            "max": 35,
            "derived": False,
            "display": "30-35%",
            "decimals": 2,
        }
        assert (i["status"], i["gap"]) == ("met", 0)
        # baseline 29,1 (2023), current 32,8061 (2025), T = 35 (2030):
        # g_o = (32,8061/29,1)^(1/2) − 1 = 0,061771; g_r = (35/29,1)^(1/7) − 1 = 0,026724 → R = 2,3115
        # projected = 32,8061 · (32,8061/29,1)^(5/2) = 44,2701
        assert i["progress"] == {
            "category": "substantial_progress",
            "category_label": "Đúng tiến độ",
            "ratio": 2.3115,
            "projected_2030": 44.2701,
        }

    def test_not_met_with_negative_gap(self, view2025):
        # 6.5: 58,8 against 60 → −1,2; toward "> 60": b 52,4 (2023) → 58,8 (2025), R = 3,0358
        i = by_id(view2025)["6.5"]
        assert (i["status"], i["status_label"], i["gap"]) == ("not_met", "Chưa đạt", -1.2)
        assert i["progress"]["category"] == "substantial_progress"
        assert i["progress"]["ratio"] == pytest.approx(3.0358, abs=1e-4)

    def test_exceeded(self, view2025):
        i = by_id(view2025)["6.13"]
        assert (i["value"], i["status"], i["gap"]) == (81.2, "exceeded", 1.2)

    def test_milestone_state(self, view2025):
        i = by_id(view2025)["6.1"]
        assert i["target"]["kind"] == "milestone"
        assert i["target"]["min"] is None
        assert (i["value"], i["state"], i["status"], i["gap"]) == (None, "in_progress", "in_progress", None)
        assert i["progress"] == {
            "category": "not_available",
            "category_label": "Chưa đủ số liệu",
            "ratio": None,
            "projected_2030": None,
        }

    def test_dash_is_no_target_even_with_a_value(self, view2025):
        i = by_id(view2025)["6.7"]
        assert (i["target"], i["value"], i["status"], i["gap"]) == (None, 94.1, "no_target", None)
        assert i["status_label"] == "Không đặt chỉ tiêu"

    def test_achieved_share_of_units(self, view2025):
        # 6.9: 11/12 districts in 2024 (91,67 %), 100 recorded in 2025 → met and final target achieved
        i = by_id(view2025)["6.9"]
        assert (i["value"], i["status"]) == (100, "met")
        assert i["progress"]["category"] == "target_achieved"


class TestOtherYears:
    def test_derived_target_and_no_data(self, demo):
        view = view_to_dict(build_status(demo, 2027, date(2027, 1, 1)))
        i = by_id(view)["6.2"]
        assert i["target"] == {
            "text": "32-37",
            "kind": "range",
            "min": 32,
            "max": 37,
            "derived": True,
            "display": "32-37%",
            "decimals": 2,
        }
        assert (i["value"], i["status"], i["gap"]) == (None, "no_data", None)
        # progress still uses the latest measured year (2025)
        assert i["progress"]["ratio"] == 2.3115

    def test_2024_share_of_units_computed(self, demo):
        i = by_id(view_to_dict(build_status(demo, 2024, TODAY)))["6.9"]
        assert i["value"] == pytest.approx(91.6667, abs=1e-4)  # 11/12
        assert i["target"] is None
        assert i["status"] == "no_target"


class TestTasksAndReporting:
    def test_tasks(self, view2025):
        tasks = {t["id"]: t for t in view2025["tasks"]}
        assert tasks["III.1.a"] == {
            "id": "III.1.a",
            "title": tasks["III.1.a"]["title"],
            "state": "ongoing",
            "lead_units": ["cac_phong_thuoc_so"],
            "missing_leads": [],
        }
        assert tasks["III.5"]["state"] is None
        assert tasks["III.2.b"]["missing_leads"] == ["cac_phong_thuoc_so", "to_cchc_cds"]

    def test_reporting(self, view2025):
        unit_report, plan_report = view2025["reporting"]
        assert (unit_report["duty"], unit_report["deadline"], unit_report["days_left"], unit_report["overdue"]) == (
            "unit_report",
            "2025-11-05",
            -1,
            True,
        )
        late = [u for u in unit_report["units"] if u["late"]]
        assert late == [{"unit": "phong_khtc", "reported": True, "date": "2025-11-07", "late": True}]
        assert (plan_report["deadline"], plan_report["days_left"], plan_report["overdue"]) == ("2025-11-10", 4, False)


class TestUnitFilter:
    def test_one_office(self, demo):
        view = view_to_dict(build_status(demo, 2025, TODAY, unit="phong_tchc"))
        assert view["unit"] == "phong_tchc"
        assert view["indicators"] == []  # TCHC is responsible for no indicator
        # tasks it leads itself or as one of "các phòng thuộc Sở"
        assert [t["id"] for t in view["tasks"]] == [
            "III.1.a",
            "III.1.b",
            "III.2.a",
            "III.2.b",
            "III.2.d",
            "III.3.b",
            "III.4",
        ]
        owed = {d["duty"]: [u["unit"] for u in d["units"]] for d in view["reporting"]}
        assert owed == {"unit_report": ["phong_tchc"], "plan_report": []}

    def test_indicators_of_an_office(self, demo):
        view = view_to_dict(build_status(demo, 2025, TODAY, unit="phong_gdtrh"))
        assert [i["id"] for i in view["indicators"]] == ["6.7", "6.8", "6.11", "6.12", "6.13"]


class TestPlanThresholds:
    def test_progress_thresholds_from_plan_yaml(self, example_copy):
        # 6.2 has R = 2,3115: substantial by default, moderate when substantial starts at 3
        replace_in(
            example_copy / "plan.yaml",
            "synthetic: true   #",
            "progress_thresholds:\n  substantial: 3\n  moderate: 2\nsynthetic: true   #",
        )
        view = view_to_dict(build_status(load_plan(example_copy), 2025, TODAY))
        assert by_id(view)["6.2"]["progress"]["category"] == "moderate_progress"
        assert by_id(view)["6.5"]["progress"]["category"] == "substantial_progress"  # R = 3,0358
