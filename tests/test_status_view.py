"""status.build_status / view_to_dict: the JSON that ``kh68 status --json`` prints."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import EXAMPLE_PLAN, FIXTURE_PLAN, replace_in
from kh68.lint.check import load_plan
from kh68.outputs.status_view import build_status, view_to_dict

TODAY = date(2025, 11, 6)


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
            assert set(item["progress"]) >= {"category", "ratio", "projected_final"}
            if item["target"] is not None:
                assert set(item["target"]) >= {"text", "kind", "min", "max", "derived"}

    def test_numbers_are_numbers_and_unknown_is_null(self, view2025):
        for item in view2025["indicators"]:
            for key in ("value", "gap"):
                assert item[key] is None or isinstance(item[key], (int, float)), (item["id"], key)
            for key in ("ratio", "projected_final"):
                v = item["progress"][key]
                assert v is None or isinstance(v, (int, float)), (item["id"], key)
            if item["target"]:
                for key in ("min", "max"):
                    v = item["target"][key]
                    assert v is None or isinstance(v, (int, float))

    def test_all_thirteen_indicators_in_plan_order(self, view2025):
        assert [i["id"] for i in view2025["indicators"]] == [f"6.{n}" for n in range(1, 14)]


class TestIndicators2025:
    def test_range_from_units_is_provisional_never_met(self, view2025):
        # 6.2: 7 of the 10 communes reported: Σ numerators / Σ denominators = 10132 / 30800 = 32,8961 %,
        # inside 30-35, but the value covers 7/10 units (30800 of the province's 41600 children, 74%).
        i = by_id(view2025)["6.2"]
        assert i["value"] == pytest.approx(32.8961, abs=1e-4)
        assert i["target"] == {
            "text": "30-35",
            "kind": "range",
            "min": 30,
            "max": 35,
            "derived": False,
            "display": "30-35%",
            "decimals": 2,
        }
        assert (i["status"], i["status_label"], i["provisional"], i["gap"]) == (
            "provisional",
            "Tạm tính, 7/10 đơn vị, 74% mẫu số",
            True,
            0,
        )
        assert i["coverage"] == {
            "expected": [f"xa_mh_{n:02d}" for n in range(1, 11)],
            "reported": [f"xa_mh_{n:02d}" for n in range(1, 8)],
            "missing": ["xa_mh_08", "xa_mh_09", "xa_mh_10"],
            "share": 70.0,
            "denominator_reported": 30800,
            "denominator_expected": 41600,
            "denominator_share": 74.0385,
            "complete": False,
            "label": "tạm tính, 7/10 đơn vị, 74% mẫu số",
        }
        # A provisional year is no basis for progress, and 2023–2024 are across the break.
        assert i["progress"]["category"] == "not_available"
        assert i["comparable_since"] == 2025
        assert i["series_break"] == {
            "date": "2025-07-01",
            "text": "không so sánh được do thay đổi địa giới từ 01/7/2025",
        }

    def test_not_met_with_negative_gap(self, view2025):
        # 6.5: 58,8 against 60 → −1,2; progress: 2025 is the first comparable year, one point only
        i = by_id(view2025)["6.5"]
        assert (i["status"], i["status_label"], i["gap"]) == ("not_met", "Chưa đạt", -1.2)
        assert i["progress"]["category"] == "not_available"
        # The previous year is across the break: no change is computed.
        assert i["previous"] == {"year": 2024, "value": 55, "change": None, "comparable": False}

    def test_exceeded(self, view2025):
        i = by_id(view2025)["6.13"]
        assert (i["value"], i["status"], i["gap"]) == (81.2, "exceeded", 1.2)

    def test_milestone_state(self, view2025):
        # 6.1 in 2025: the milestone "Triển khai theo đề án" is judged by its state; the note says the
        # districts it counts over are gone.
        i = by_id(view2025)["6.1"]
        assert i["target"]["kind"] == "milestone"
        assert i["target"]["min"] is None
        assert (i["value"], i["state"], i["status"], i["gap"]) == (None, "in_progress", "in_progress", None)
        assert i["unit_of_count_gone"] == "2025-07-01"
        # judged by its state: never also said "không tính được" (that is 6.9's note)
        assert i["notes"] == []
        assert i["progress"] == {
            "category": "not_available",
            "category_label": "Chưa đủ số liệu",
            "ratio": None,
            "projected_final": None,
            "final_year": 2030,
        }

    def test_dash_is_no_target_even_with_a_value(self, view2025):
        i = by_id(view2025)["6.7"]
        assert (i["target"], i["value"], i["status"], i["gap"]) == (None, 94.1, "no_target", None)
        assert i["status_label"] == "Không đặt chỉ tiêu"

    def test_share_of_districts_is_not_computed_over_nothing(self, view2025):
        # 6.9 counts districts, which no longer exist on 05/11/2025.
        i = by_id(view2025)["6.9"]
        assert (i["value"], i["status"], i["status_label"], i["gap"]) == (
            None,
            "not_computable",
            "Không tính được",
            None,
        )
        assert i["coverage"] is None


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
        assert i["coverage"]["label"] == "tạm tính, 0/10 đơn vị"
        # One complete comparable year (2026; 2025 is provisional): no progress ratio.
        assert (i["progress"]["category"], i["progress"]["ratio"]) == ("not_available", None)

    def test_2024_share_of_units_computed(self, demo):
        i = by_id(view_to_dict(build_status(demo, 2024, TODAY)))["6.9"]
        assert i["value"] == pytest.approx(91.6667, abs=1e-4)  # 11/12
        assert i["target"] is None
        assert i["status"] == "no_target"
        assert i["coverage"]["label"] == "đủ 12/12 đơn vị"

    def test_2026_complete_coverage_is_met(self, demo):
        i = by_id(view_to_dict(build_status(demo, 2026, date(2026, 11, 10))))["6.2"]
        # 13968 / 41600 = 33,5769 % inside the derived 31-36
        assert (round(i["value"], 4), i["status"], i["status_label"], i["provisional"]) == (
            33.5769,
            "met",
            "Đạt",
            False,
        )

    def test_2026_progress_does_not_cross_the_break(self, demo):
        # 6.13: 81,2 (2025) → 82 (2026), T = 90 (2030): g_o = 82/81,2 − 1 = 0,009852;
        # g_r = (90/81,2)^(1/5) − 1 = 0,020792 → R = 0,4738; projected = 82 · 1,009852^4 = 85,2796.
        # (Across the break, from 76 in 2023, R would be 1,05.)
        i = by_id(view_to_dict(build_status(demo, 2026, date(2026, 11, 10))))["6.13"]
        assert i["progress"] == {
            "category": "limited_progress",
            "category_label": "Chậm tiến độ",
            "ratio": 0.4738,
            "projected_final": 85.2796,
            "final_year": 2030,
        }
        assert i["previous"] == {"year": 2025, "value": 81.2, "change": 0.8, "comparable": True}
        assert i["notes"] == ["không so sánh được do thay đổi địa giới từ 01/7/2025: tiến độ chỉ tính từ năm 2025"]


class TestTasksAndReporting:
    def test_tasks(self, view2025):
        tasks = {t["id"]: t for t in view2025["tasks"]}
        assert tasks["III.1.a"] == {
            "id": "III.1.a",
            "title": tasks["III.1.a"]["title"],
            "state": "ongoing",
            "lead_units": ["cac_phong_thuoc_so"],
            "missing_leads": [],
            "timing": "Thường xuyên",
            "due": None,
            "days_left": None,
            "overdue": False,
        }
        # "Đến năm 2025 và các năm tiếp theo", seen on 06/11/2025: due 31/12/2025, 55 days left
        assert {k: tasks["III.2.b"][k] for k in ("due", "days_left", "overdue")} == {
            "due": "2025-12-31",
            "days_left": 55,
            "overdue": False,
        }
        assert (tasks["III.5"]["state"], tasks["III.5"]["missing_leads"]) == (None, [])
        assert tasks["III.2.b"]["missing_leads"] == ["cac_phong_thuoc_so", "ubnd_cap_xa", "to_cchc_cds"]

    def test_reporting(self, view2025):
        unit_report, plan_report = view2025["reporting"]
        assert (unit_report["duty"], unit_report["deadline"], unit_report["days_left"], unit_report["overdue"]) == (
            "unit_report",
            "2025-11-05",
            -1,
            True,
        )
        # phong_khtc's progress is dated 07/11/2025: on 06/11 (the view's day) it has not reported yet
        assert [u for u in unit_report["units"] if u["late"]] == []
        khtc = {"unit": "phong_khtc", "reported": False, "date": None, "date_source": None, "late": False}
        assert khtc in unit_report["units"]
        assert (plan_report["deadline"], plan_report["days_left"], plan_report["overdue"]) == ("2025-11-10", 4, False)

    @pytest.mark.parametrize(
        ("today", "khtc"),
        [
            ("2025-11-06", {"unit": "phong_khtc", "reported": False, "date": None, "date_source": None, "late": False}),
            (
                "2025-11-07",
                {"unit": "phong_khtc", "reported": True, "date": "2025-11-07", "date_source": "entry", "late": True},
            ),
        ],
    )
    def test_a_report_dated_after_the_day_seen_is_not_yet_sent(self, demo, today, khtc):
        view = view_to_dict(build_status(demo, 2025, date.fromisoformat(today)))
        assert khtc in view["reporting"][0]["units"]

    def test_the_unreported_units_are_the_expected_reporters_who_did_not_report(self, demo):
        view = view_to_dict(build_status(demo, 2025, date(2025, 11, 8)))
        unit_report = view["reporting"][0]
        unreported = [u["unit"] for u in unit_report["units"] if not u["reported"]]
        # The same units as the coverage of 6.2 lacks: one expected-reporter logic.
        assert unreported == by_id(view)["6.2"]["coverage"]["missing"] == ["xa_mh_08", "xa_mh_09", "xa_mh_10"]


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
        # The coordinating division owes no report to itself; it owes the plan report.
        owed = {d["duty"]: [u["unit"] for u in d["units"]] for d in view["reporting"]}
        assert owed == {"plan_report": []}

    def test_indicators_of_an_office(self, demo):
        view = view_to_dict(build_status(demo, 2025, TODAY, unit="phong_gdtrh"))
        assert [i["id"] for i in view["indicators"]] == ["6.7", "6.8", "6.11", "6.12", "6.13"]


class TestPlanThresholds:
    def test_progress_thresholds_from_plan_yaml(self, example_copy):
        # 6.13 in 2026 has R = 0,4738: limited by default, moderate when moderate starts at 0,4
        replace_in(
            example_copy / "plan.yaml",
            "synthetic: true   #",
            "progress_thresholds:\n  substantial: 0.9\n  moderate: 0.4\nsynthetic: true   #",
        )
        view = view_to_dict(build_status(load_plan(example_copy), 2026, date(2026, 11, 10)))
        assert by_id(view)["6.13"]["progress"]["category"] == "moderate_progress"


def test_the_reminder_of_a_period_view_is_of_that_periods_report_and_file() -> None:
    from kh68.kinds.periods import parse_period
    from kh68.outputs.status_view import reminder

    hanoi = load_plan(
        FIXTURE_PLAN.parent / "hanoi-308"
    )  # a report each month (plan_report: "trước ngày 20 hằng tháng")
    note = reminder(hanoi, 2025, date(2025, 12, 10), parse_period("2025-12"))
    assert note.startswith("Báo cáo tháng 12/2025 (hạn ngày 19/12/2025): phần lời văn còn thiếu ")
    assert note.endswith("; ghi vào tệp data/2025-12.yaml.")
    assert reminder(hanoi, 2025, date(2025, 12, 20), parse_period("2025-12")) == ""  # past its deadline
    demo = load_plan(EXAMPLE_PLAN)  # a report of the year only: a month's view reminds of nothing
    assert reminder(demo, 2025, date(2025, 11, 6), parse_period("2025-11")) == ""


def test_work_done_every_year_is_due_in_each_year_and_one_years_round_does_not_do_the_next(example_copy) -> None:
    plan = example_copy
    tasks = plan / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    at = text.index("id: III.2.a")
    timing = text.index("timing: Đến năm 2025 và các năm tiếp theo.", at)
    tasks.write_text(text[:timing] + "timing: Quý III hằng năm" + text[text.index("\n", timing) :], encoding="utf-8")
    loaded = load_plan(plan)
    seen = {
        year: {k: by_id_task(view_to_dict(build_status(loaded, year, day)))[k] for k in ("state", "due", "overdue")}
        for year, day in ((2025, date(2025, 11, 6)), (2026, date(2026, 11, 10)), (2027, date(2027, 10, 1)))
    }
    assert seen == {  # reported under way in 2025, done in 2026, nothing yet of 2027's round
        2025: {"state": "in_progress", "due": "2025-09-30", "overdue": True},
        2026: {"state": "done", "due": "2026-09-30", "overdue": False},
        2027: {"state": None, "due": "2027-09-30", "overdue": True},
    }


def by_id_task(view: dict) -> dict:
    return next(t for t in view["tasks"] if t["id"] == "III.2.a")
