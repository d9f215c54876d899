"""Tasks and reporting deadlines (tracking.py) on the synthetic demo plan in examples/plan."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import COMMUNES, DISTRICTS, EXAMPLE_PLAN, invoke, replace_in
from kh68.domain.deadlines import report_day
from kh68.lint.check import load_plan
from kh68.reading.models import TaskState
from kh68.tracking.tasks import combine_states, deadlines, reported_units, task_statuses

DONE, ONGOING, IN_PROGRESS, NOT_STARTED = (
    TaskState.DONE,
    TaskState.ONGOING,
    TaskState.IN_PROGRESS,
    TaskState.NOT_STARTED,
)
DEPARTMENT = ["phong_tchc", "phong_khtc", "phong_gdth_gdmn", "phong_gdtrh", "phong_qlcl_gdtx"]
# The divisions owing their report to Phòng TCHC: all but Phòng TCHC itself.
DIVISIONS = DEPARTMENT[1:]


def tasks_by_id(plan, year):
    return {t.task.id: t for t in task_statuses(plan, year)}


def unit_report(plan, year, today):
    return next(d for d in deadlines(plan, year, today) if d.duty.id == "unit_report")


def add_to_data(root: Path, year: int, text: str) -> None:
    path = root / "data" / f"{year}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# ------------------------------------------------------------ combine_states


class TestCombineStates:
    @pytest.mark.parametrize(
        ("states", "expected"),
        [
            ([], None),
            ([DONE], DONE),
            ([DONE, DONE], DONE),
            ([NOT_STARTED, NOT_STARTED], NOT_STARTED),
            ([ONGOING, ONGOING], ONGOING),
            ([ONGOING, DONE], ONGOING),
            ([ONGOING, IN_PROGRESS], IN_PROGRESS),
            ([ONGOING, NOT_STARTED], IN_PROGRESS),
            ([DONE, NOT_STARTED], IN_PROGRESS),
            ([DONE, IN_PROGRESS], IN_PROGRESS),
            ([IN_PROGRESS, IN_PROGRESS, DONE], IN_PROGRESS),
        ],
    )
    def test_combination(self, states, expected):
        assert combine_states(states) is expected


# ------------------------------------------------------------------ tasks


class TestTaskStatuses:
    def test_every_task_listed_with_its_group(self, demo):
        statuses = task_statuses(demo, 2025)
        assert [t.task.id for t in statuses] == [t.id for t in demo.tasks]
        assert tasks_by_id(demo, 2025)["III.2.c"].group_id == "III.2"

    def test_group_lead_satisfied_by_a_member(self, demo):
        # III.1.a is led by "các phòng thuộc Sở"; Phòng TCHC (a member) reported
        t = tasks_by_id(demo, 2025)["III.1.a"]
        assert t.lead_units == ["cac_phong_thuoc_so"]
        assert t.missing_leads == []
        assert t.state is ONGOING
        assert list(t.entries) == ["phong_tchc"]

    def test_two_members_combine(self, demo):
        t = tasks_by_id(demo, 2025)["III.4"]
        assert set(t.entries) == {"phong_gdth_gdmn", "phong_gdtrh", "pgd_lam_ha", "xa_mh_01"}
        assert t.state is IN_PROGRESS

    def test_district_offices_replaced_by_their_successors_after_they_ended(self, demo):
        # phong_gddt_huyen ended 30/06/2025: on 05/11/2025 the communes owe its report, on 05/11/2024 itself
        assert tasks_by_id(demo, 2025)["III.2.b"].missing_leads == ["cac_phong_thuoc_so", "ubnd_cap_xa", "to_cchc_cds"]
        assert tasks_by_id(demo, 2024)["III.2.b"].missing_leads == [
            "cac_phong_thuoc_so",
            "phong_gddt_huyen",
            "to_cchc_cds",
        ]
        assert tasks_by_id(demo, 2025)["III.4"].missing_leads == []
        assert tasks_by_id(demo, 2024)["III.4"].missing_leads == ["cac_phong_thuoc_so"]  # pgd_da_lat reported

    def test_task_without_any_entry(self, demo):
        t = tasks_by_id(demo, 2025)["III.2.d"]
        assert t.state is None
        assert t.entries == {}
        # The union is asked, not assigned: never a missing report.
        assert t.missing_leads == ["cac_phong_thuoc_so", "cac_don_vi_truong_hoc", "ubnd_cap_xa"]

    def test_a_request_without_any_entry(self, demo):
        t = tasks_by_id(demo, 2025)["III.5"]
        assert (t.state, t.state_label, t.missing_leads) == (None, "Đề nghị phối hợp", [])

    def test_one_lead_reported_another_did_not(self, demo):
        # III.2.c: Phòng KHTC reported; the communes, in place of the district offices, did not
        t = tasks_by_id(demo, 2025)["III.2.c"]
        assert t.missing_leads == ["ubnd_cap_xa"]
        # III.3.a: "các phòng chuyên môn" answer as one: QLCL-GDTX, one of them, reported
        t = tasks_by_id(demo, 2025)["III.3.a"]
        assert t.state is ONGOING
        assert t.missing_leads == []

    def test_year_without_data(self, demo):
        statuses = tasks_by_id(demo, 2027)
        assert all(t.state is None and t.entries == {} for t in statuses.values())
        assert statuses["III.1.a"].missing_leads == ["cac_phong_thuoc_so"]
        assert statuses["III.2.c"].missing_leads == [
            "phong_khtc",
            "ubnd_cap_xa",
        ]  # the communes for the district offices

    def test_lead_state_wins_over_coordinators(self, example_copy):
        root = example_copy
        replace_in(
            root / "data" / "2025.yaml",
            "  III.1.b:\n",
            "  III.1.b:\n    Phòng KHTC:\n      state: done\n      date: 2025-11-01\n",
        )
        plan = load_plan(root)
        t = tasks_by_id(plan, 2025)["III.1.b"]
        # the lead (TCHC) says not_started; the coordinator's "done" does not count
        assert set(t.entries) == {"phong_tchc", "phong_khtc"}
        assert t.state is NOT_STARTED
        assert t.missing_leads == []

    def test_without_a_lead_entry_a_coordinators_state_is_not_the_tasks(self, example_copy):
        """A real plan's probe: a coordinating unit's "Hoàn thành" closed a task its lead never reported on (off the
        overdue list, "Nhiệm vụ đã hoàn thành" in the report). Its entry is kept; the task's state is the lead's."""
        root = example_copy
        add_to_data(root, 2025, "  III.3.b:\n    phong_khtc: {state: done, date: 2025-11-01}\n")
        t = tasks_by_id(load_plan(root), 2025)["III.3.b"]
        assert (t.state, list(t.entries), t.partners_only) == (None, ["phong_khtc"], True)
        assert t.missing_leads == ["phong_tchc"]

    def test_a_coordinators_done_leaves_the_task_overdue(self, example_copy):
        """A probe: a coordinating unit's "Hoàn thành" still took the task off the overdue list (the year it was
        done came from any unit's entry). The task is overdue until its lead reports it done."""
        root = example_copy
        tasks = root / "tasks.yaml"
        text = tasks.read_text(encoding="utf-8")
        at = text.index("  - id: III.3.b")
        head, tail = text[:at], text[at:]
        tasks.write_text(head + tail.replace("Năm 2024 và các năm tiếp theo.", "Quý II/2025", 1), encoding="utf-8")
        add_to_data(root, 2025, "  III.3.b:\n    phong_khtc: {state: done, date: 2025-06-20}\n")
        t = {s.task.id: s for s in task_statuses(load_plan(root), 2025, date(2025, 11, 6))}["III.3.b"]
        assert t.due is not None
        assert (t.state, t.due.finished, t.due.overdue) == (None, False, True)

    def test_a_unit_acting_for_a_ceased_lead_when_it_reported_reports_as_the_lead(self, example_copy):
        """A review: a lead that ceased (Cát Tiên, into Đạ Huoai from 01/12/2024), its successor reporting in March
        2025: its "Hoàn thành" is the lead's, though by the report's day in November Đạ Huoai had ceased too."""
        root = example_copy
        tasks = root / "tasks.yaml"
        text = tasks.read_text(encoding="utf-8")
        at = text.index("  - id: III.2.c")
        head, tail = text[:at], text[at:]
        tasks.write_text(
            head + re.sub(r"lead_units: \[[^]]*\]", "lead_units: [pgd_cat_tien]", tail, count=1), encoding="utf-8"
        )
        replace_in(
            root / "data" / "2025.yaml",
            "  III.2.c:\n    phong_khtc:\n      state: in_progress\n      date: 2025-11-07\n",
            "  III.2.c:\n    pgd_da_huoai:\n      state: done\n      date: 2025-03-07\n",
        )
        t = tasks_by_id(load_plan(root), 2025)["III.2.c"]
        assert (t.state, t.missing_leads, t.partners_only) == (DONE, [], False)

    def test_entry_written_with_a_short_name(self, example_copy):
        root = example_copy
        add_to_data(root, 2025, "  III.3.b:\n    Phòng TCHC: {state: in_progress, date: 2025-11-01}\n")
        t = tasks_by_id(load_plan(root), 2025)["III.3.b"]
        assert list(t.entries) == ["phong_tchc"]
        assert t.missing_leads == []
        assert t.state is IN_PROGRESS

    def test_one_district_office_satisfies_the_district_group_in_2024(self, example_copy):
        root = example_copy
        add_to_data(root, 2024, "  III.2.c:\n    pgd_da_lat: {state: in_progress, date: 2024-11-04}\n")
        t = tasks_by_id(load_plan(root), 2024)["III.2.c"]
        assert t.missing_leads == ["phong_khtc"]
        assert t.state is IN_PROGRESS


# -------------------------------------------------------------- reporting


class TestReportDay:
    def test_unit_report_deadline(self, demo):
        assert report_day(demo, 2025) == date(2025, 11, 5)
        assert report_day(demo, 2024) == date(2024, 11, 5)

    def test_without_a_unit_report_duty_the_year_end(self, fixture_copy):
        root = fixture_copy
        replace_in(root / "plan.yaml", "    deadline: 05/11\n", "")
        assert report_day(load_plan(root), 2025) == date(2025, 12, 31)


class TestReportedUnits:
    def test_latest_date_of_tasks_and_indicator_sources(self, demo):
        found = reported_units(demo, 2025)
        assert (
            found
            == {
                "phong_tchc": date(2025, 11, 3),
                "phong_khtc": date(2025, 11, 7),
                # source of 6.2/6.3 dated 30/10, task III.4 dated 04/11 → 04/11
                "phong_gdth_gdmn": date(2025, 11, 4),
                "phong_gdtrh": date(2025, 11, 5),
                "pgd_lam_ha": date(2025, 6, 20),  # its last report, before it ended
                "xa_mh_01": date(2025, 11, 4),  # a figure (undated) and task III.4 dated 04/11
                # source of 6.5 dated 03/11, task III.3.a dated 04/11 → 04/11
                "phong_qlcl_gdtx": date(2025, 11, 4),
                # figures by unit for 6.2, undated
                **dict.fromkeys(COMMUNES[1:7]),
            }
        )

    def test_undated_source_counts_as_reported_without_a_date(self, demo):
        assert reported_units(demo, 2024) == {
            "phong_tchc": date(2024, 11, 1),
            "pgd_da_lat": date(2024, 11, 4),
            "phong_gdth_gdmn": None,
            **dict.fromkeys(d for d in DISTRICTS if d != "pgd_da_lat"),
        }

    def test_year_without_data(self, demo):
        assert reported_units(demo, 2027) == {}


class TestDeadlines:
    def test_duties_with_a_deadline_only(self, demo):
        owed = deadlines(demo, 2025, date(2025, 11, 1))
        assert [(d.duty.id, d.due) for d in owed] == [
            ("unit_report", date(2025, 11, 5)),
            ("plan_report", date(2025, 11, 10)),
        ]  # "funding" has no yearly date

    def test_only_units_active_on_the_deadline_are_expected(self, demo):
        # 2025: district offices ended 30/06/2025 → the divisions and the communes that succeeded them
        assert [u.unit_id for u in unit_report(demo, 2025, date(2025, 11, 1)).units] == DIVISIONS + COMMUNES
        # 2024: all twelve district offices, Cát Tiên and Đạ Tẻh included (they ended 30/11/2024)
        assert [u.unit_id for u in unit_report(demo, 2024, date(2024, 11, 1)).units] == DIVISIONS + DISTRICTS

    def test_late_and_on_time(self, demo):
        units = {u.unit_id: u for u in unit_report(demo, 2025, date(2025, 11, 10)).units}
        assert units["phong_khtc"].late is True  # 07/11 > 05/11
        assert units["phong_gdtrh"].late is False  # on the day itself
        assert "phong_tchc" not in units  # the coordinating division does not report to itself
        assert [u for u in units if not units[u].reported] == COMMUNES[7:]
        missing = ["phong_khtc", *COMMUNES[7:]]
        assert [u.unit_id for u in unit_report(demo, 2025, date(2025, 11, 10)).missing] == missing

    def test_missing_in_2024(self, demo):
        d = unit_report(demo, 2024, date(2024, 11, 6))
        reported = {u.unit_id: (u.reported, u.on, u.late) for u in d.units if u.reported}
        assert reported == {
            "phong_gdth_gdmn": (True, None, False),
            "pgd_da_lat": (True, date(2024, 11, 4), False),
            **dict.fromkeys(DISTRICTS[1:], (True, None, False)),  # their figures of 6.2 and 6.9
        }
        assert [u.unit_id for u in d.missing] == ["phong_khtc", "phong_gdtrh", "phong_qlcl_gdtx"]

    @pytest.mark.parametrize(
        ("today", "days_left", "overdue"),
        [
            (date(2025, 11, 1), 4, False),
            (date(2025, 11, 4), 1, False),
            (date(2025, 11, 5), 0, False),
            (date(2025, 11, 6), -1, True),
            (date(2025, 12, 31), -56, True),
            (date(2025, 1, 1), 308, False),
        ],
    )
    def test_days_left_and_overdue(self, demo, today, days_left, overdue):
        d = unit_report(demo, 2025, today)
        assert (d.days_left, d.overdue) == (days_left, overdue)

    def test_plan_report_days_left(self, demo):
        d = next(d for d in deadlines(demo, 2025, date(2025, 11, 6)) if d.duty.id == "plan_report")
        assert d.days_left == 4
        assert not d.overdue
        assert d.units == []

    def test_unit_ending_on_the_deadline_is_still_expected(self, example_copy):
        root = example_copy
        units = root / "units.yaml"
        replace_in(
            units,
            "short_names: [PGDĐT Lâm Hà]\n    kind: district_office\n    end: 2025-06-30",
            "short_names: [PGDĐT Lâm Hà]\n    kind: district_office\n    end: 2025-11-05",
        )
        replace_in(
            units,
            "short_names: [PGDĐT Lạc Dương]\n    kind: district_office\n    end: 2025-06-30",
            "short_names: [PGDĐT Lạc Dương]\n    kind: district_office\n    end: 2025-11-04",
        )
        replace_in(
            units, "pgd_lac_duong, pgd_lam_ha]\n    end: 2025-06-30", "pgd_lac_duong, pgd_lam_ha]\n    end: 2025-11-05"
        )
        ids = [u.unit_id for u in unit_report(load_plan(root), 2025, date(2025, 11, 1)).units]
        # Lâm Hà still exists on 05/11; Lạc Dương ended the day before, like the others: its communes owe it.
        assert ids == [*DIVISIONS, "pgd_lam_ha", *COMMUNES]

    def test_year_without_data_owes_everyone(self, demo):
        d = unit_report(demo, 2027, date(2027, 10, 1))
        assert [u.unit_id for u in d.missing] == DIVISIONS + COMMUNES
        assert d.days_left == 35


def test_missing_leads_follow_the_task_timing() -> None:
    plan = load_plan(EXAMPLE_PLAN)
    by_id_2023 = {t.task.id: t for t in task_statuses(plan, 2023)}
    by_id_2024 = {t.task.id: t for t in task_statuses(plan, 2024)}
    by_id_2025 = {t.task.id: t for t in task_statuses(plan, 2025)}
    # 2023 is a baseline year, before the plan period: nothing is owed.
    assert all(t.missing_leads == [] for t in by_id_2023.values())
    # "Năm 2024 và các năm tiếp theo": owed from 2024 on.
    assert by_id_2024["III.3.b"].missing_leads == ["phong_tchc"]
    assert by_id_2025["III.3.b"].missing_leads == ["phong_tchc"]
    # "Khi tiến hành sơ kết, tổng kết Nghị quyết": reported at reviews, never owed yearly.
    assert by_id_2024["III.1.b"].missing_leads == []
    # Untimed tasks are owed every year of the plan.
    # The union among its leads is asked, not assigned: never owed.
    assert by_id_2024["III.2.d"].missing_leads == ["cac_phong_thuoc_so", "cac_don_vi_truong_hoc", "phong_gddt_huyen"]


def test_no_deadlines_in_baseline_years() -> None:
    plan = load_plan(EXAMPLE_PLAN)
    assert deadlines(plan, 2023, date(2026, 1, 1)) == []
    assert [d.duty.id for d in deadlines(plan, 2024, date(2026, 1, 1))] == ["unit_report", "plan_report"]


def test_a_task_of_two_leads_is_not_done_until_both_say_so(example_copy) -> None:
    """A real plan's probe: "Bộ CHQS tỉnh, UBND cấp xã" lead one task; the first reported it done, and the task was
    "Hoàn thành", off the overdue list, the communes' part never reported."""
    tasks = example_copy / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    timing = text.index("timing:", text.index("id: III.2.c"))
    tasks.write_text(text[:timing] + "timing: Quý II/2026" + text[text.index("\n", timing) :], encoding="utf-8")
    args = ["progress", "III.2.c", "--plan", example_copy, "--year", "2026", "--state", "done", "--date", "2026-05-02"]
    invoke([*args, "--unit", "phong_khtc"], 0)
    status = ["status", "--plan", example_copy, "--year", "2026", "--today", "2026-09-10", "--format", "json"]
    task = next(t for t in json.loads(invoke(status, 0).stdout)["tasks"] if t["id"] == "III.2.c")
    assert (task["state"], task["overdue"]) == ("in_progress", True)
    invoke([*args, "--unit", "xa_mh_01"], 0)  # a commune, for the communes as a whole
    task = next(t for t in json.loads(invoke(status, 0).stdout)["tasks"] if t["id"] == "III.2.c")
    assert (task["state"], task["overdue"]) == ("done", False)
