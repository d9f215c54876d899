"""Units through time: activity dates, successors (several, per function), groups, and the checks.

On the demo plan (examples/plan): twelve district offices until 30/06/2025 (Cát Tiên and
Đạ Tẻh merged into Đạ Huoai on 01/12/2024), ten illustrative communes from 01/7/2025, the
Sở LĐTBXH until 28/02/2025 with its functions split among four successors.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import COMMUNES, DISTRICTS, FIXTURE_PLAN, invoke, line_of
from kh68.lint.check import load_plan
from kh68.reading.models import Unit
from kh68.reading.plan import UnitIndex
from kh68.tracking.tasks import deadlines, task_statuses

DIVISIONS = ["phong_khtc", "phong_gdth_gdmn", "phong_gdtrh", "phong_qlcl_gdtx"]  # without phong_tchc


@pytest.fixture(scope="module")
def real():
    return load_plan(FIXTURE_PLAN)


def index(*units: dict) -> UnitIndex:
    return UnitIndex([Unit.model_validate({"name": u["id"], **u}) for u in units])


# ------------------------------------------------------------ UnitIndex


class TestActiveOn:
    def test_the_merger_of_01_12_2024(self, demo):
        before, after = demo.units.active_on(date(2024, 11, 30)), demo.units.active_on(date(2024, 12, 1))
        assert {"pgd_cat_tien", "pgd_da_teh"} <= set(before)
        assert not {"pgd_cat_tien", "pgd_da_teh"} & set(after)
        assert [u for u in DISTRICTS if u in after] == [u for u in DISTRICTS if u not in ("pgd_cat_tien", "pgd_da_teh")]

    def test_district_offices_end_and_communes_start_on_01_07_2025(self, demo):
        june, july = set(demo.units.active_on(date(2025, 6, 30))), set(demo.units.active_on(date(2025, 7, 1)))
        assert "pgd_lam_ha" in june
        assert "pgd_lam_ha" not in july
        assert not set(COMMUNES) & june
        assert set(COMMUNES) <= july
        assert "so_ldtbxh" not in june
        assert "so_noi_vu" in june


class TestCurrent:
    def test_a_group_follows_its_members_then_its_successors(self, demo):
        assert demo.units.current_ids(["phong_gddt_huyen"], date(2024, 11, 5)) == DISTRICTS
        # After 30/06/2025: the communes and the department, nobody twice.
        assert demo.units.current_ids(["phong_gddt_huyen"], date(2025, 11, 5)) == ["so_gddt", *COMMUNES]

    def test_a_merged_office_points_at_its_successor_until_that_one_ends(self, demo):
        assert demo.units.current_ids(["pgd_cat_tien"], date(2024, 12, 1)) == ["pgd_da_huoai"]
        assert demo.units.current_ids(["pgd_cat_tien"], date(2025, 7, 1)) == ["so_gddt", *COMMUNES]

    def test_successors_by_function(self, real):
        day = date(2025, 11, 10)
        assert real.units.current_ids(["so_ldtbxh"], day, "chính sách xã hội") == ["so_noi_vu"]
        assert real.units.current_ids(["so_ldtbxh"], day, "giáo dục nghề nghiệp") == ["so_gddt"]
        assert real.units.current_ids(["so_ldtbxh"], day) == ["so_noi_vu", "so_gddt", "so_y_te", "so_nn_mt"]
        assert real.units.current_ids(["so_ldtbxh"], date(2025, 2, 28), "chính sách xã hội") == ["so_ldtbxh"]

    def test_says_whose_duties_a_successor_carries(self, real):
        (acting,) = real.units.current(["so_ldtbxh"], date(2025, 11, 10), "chính sách xã hội")
        assert (acting.unit_id, acting.named, acting.since) == ("so_noi_vu", "so_ldtbxh", date(2025, 3, 1))
        assert real.acting_name(acting) == (
            "Sở Nội vụ tỉnh Lâm Đồng (tiếp nhận nhiệm vụ của Sở Lao động – Thương binh và Xã hội từ 01/3/2025)"
        )

    def test_a_unit_not_yet_started_stands_for_nothing(self, demo):
        assert demo.units.current_ids(["ubnd_cap_xa"], date(2024, 11, 5)) == []

    def test_cycles_of_members_and_of_successors_end(self):
        units = index(
            {"id": "a", "members": ["b"]},
            {"id": "b", "members": ["a", "c"]},
            {"id": "c", "end": "2024-01-01", "successors": ["d"]},
            {"id": "d", "end": "2024-01-01", "successors": ["c"]},
        )
        assert units.expand("a") == ["c"]
        assert units.current_ids(["a"], date(2025, 1, 1)) == []
        assert units.successor_cycle("c") == ["c", "d", "c"]

    def test_a_deep_chain_of_successors_does_not_recurse(self):
        chain = [{"id": f"u{i}", "end": "2024-01-01", "successors": [f"u{i + 1}"]} for i in range(5000)]
        units = index(*chain, {"id": "u5000"})
        assert units.current_ids(["u0"], date(2025, 1, 1)) == ["u5000"]

    def test_inactive_reason(self, demo):
        reason = demo.units.inactive_reason
        assert reason("pgd_cat_tien", date(2025, 11, 5)) == "pgd_cat_tien đã sáp nhập vào pgd_da_huoai từ 01/12/2024"
        assert reason("xa_mh_01", date(2024, 11, 5)) == "xa_mh_01 bắt đầu hoạt động từ 01/7/2025"
        assert reason("pgd_lam_ha", date(2025, 11, 5)) == (
            "pgd_lam_ha đã chấm dứt hoạt động từ 01/7/2025; nhiệm vụ chuyển cho ubnd_cap_xa "
            "(giáo dục mầm non, tiểu học, trung học cơ sở), so_gddt (trung học phổ thông và các đơn vị khác)"
        )
        assert reason("pgd_lam_ha", date(2025, 6, 30)) is None


# ------------------------------------------------------------ duties follow successors


def duty(plan, year, duty_id):
    return next(d for d in deadlines(plan, year, date(year, 11, 1)) if d.duty.id == duty_id)


class TestRecipients:
    @pytest.mark.parametrize(
        ("year", "recipients"),
        [
            (2024, ["Ủy ban nhân dân tỉnh Lâm Đồng", "Sở Lao động – Thương binh và Xã hội"]),
            (
                2025,
                [
                    "Ủy ban nhân dân tỉnh Lâm Đồng",
                    (
                        "Sở Nội vụ tỉnh Lâm Đồng (tiếp nhận nhiệm vụ của Sở Lao động – Thương binh và Xã hội "
                        "từ 01/3/2025)"
                    ),
                ],
            ),
            (
                2026,
                [
                    "Ủy ban nhân dân tỉnh Lâm Đồng",
                    (
                        "Sở Nội vụ tỉnh Lâm Đồng (tiếp nhận nhiệm vụ của Sở Lao động – Thương binh và Xã hội "
                        "từ 01/3/2025)"
                    ),
                ],
            ),
        ],
    )
    def test_the_plan_report_goes_to_bodies_that_exist(self, demo, year, recipients):
        d = duty(demo, year, "plan_report")
        assert [demo.acting_name(r) for r in d.recipients] == recipients


class TestUnitReportOwers:
    def test_2024_divisions_and_twelve_district_offices(self, demo):
        assert [u.unit_id for u in duty(demo, 2024, "unit_report").units] == DIVISIONS + DISTRICTS

    @pytest.mark.parametrize("year", [2025, 2026])
    def test_after_mid_2025_divisions_and_communes(self, demo, year):
        d = duty(demo, year, "unit_report")
        assert [u.unit_id for u in d.units] == DIVISIONS + COMMUNES
        commune = d.units[len(DIVISIONS)]
        assert demo.acting_name(commune.acting) == (
            "UBND xã minh họa 01 (tiếp nhận nhiệm vụ của Phòng GDĐT các huyện, thành phố từ 01/7/2025)"
        )

    @pytest.mark.parametrize("year", [2024, 2025, 2026])
    def test_no_unit_owes_its_report_to_itself(self, demo, year):
        d = duty(demo, year, "unit_report")
        recipients = {r.unit_id for r in d.recipients}
        assert recipients == {"phong_tchc"}
        assert not recipients & {u.unit_id for u in d.units}
        assert "so_gddt" not in {u.unit_id for u in d.units}  # the department reports through its divisions


class TestRequests:
    @pytest.mark.parametrize("year", [2024, 2025, 2026])
    def test_the_request_to_the_union_is_never_a_missing_report(self, demo, year):
        statuses = {t.task.id: t for t in task_statuses(demo, year)}
        iii_5 = statuses["III.5"]
        assert iii_5.task.kind == "request"
        assert (iii_5.missing_leads, iii_5.state_label) == ([], "Đề nghị phối hợp")
        assert "union_request" not in [d.duty.id for d in deadlines(demo, year, date(year, 11, 1))]

    def test_a_lead_that_ceased_is_owed_by_its_successors(self, demo):
        # III.2.c, led by "Phòng Kế hoạch - Tài chính và các phòng GDĐT", has no report in 2024 nor 2026.
        by_year = {year: {t.task.id: t for t in task_statuses(demo, year)}["III.2.c"] for year in (2024, 2026)}
        assert by_year[2024].missing_leads == ["phong_khtc", "phong_gddt_huyen"]
        # The lead answers as a whole: the communes' group, not each commune.
        assert by_year[2026].missing_leads == ["phong_khtc", "ubnd_cap_xa"]
        assert by_year[2026].missing_names(demo) == [
            "Phòng Kế hoạch - Tài chính",
            (
                "Ủy ban nhân dân các xã, phường, đặc khu (tiếp nhận nhiệm vụ của Phòng GDĐT các huyện, thành phố "
                "từ 01/7/2025)"
            ),
        ]

    def test_one_successor_reporting_answers_for_the_lead(self, demo):
        # III.4 in 2025: xa_mh_01 reported for the former district offices, the divisions for theirs.
        assert {t.task.id: t for t in task_statuses(demo, 2025)}["III.4"].missing_leads == []


# ------------------------------------------------------------ bad input, through the CLI


# ------------------------------------------------------------ record and progress refuse it too


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class TestEntryRefusesInactiveUnits:
    def test_record_refuses_a_figure_from_a_ceased_office(self, example_copy):
        before = snapshot(example_copy)
        args = ["record", "6.2", "--year", "2025", "--by", "PGDĐT Lâm Hà", "--numerator", "10", "--denominator", "100"]
        out = invoke([*args, "--plan", example_copy], 1).output
        path = (example_copy / "data" / "2025.yaml").as_posix()
        # The line the new entry would have had: right after the last commune's.
        line = line_of(example_copy / "data" / "2025.yaml", "xa_mh_07: {numerator") + 1
        lines = out.splitlines()
        assert lines[0] == (
            f"{path}:{line}:7: lỗi: số liệu năm 2025 (hạn báo cáo 05/11/2025): pgd_lam_ha đã chấm dứt hoạt động từ "
            "01/7/2025; nhiệm vụ chuyển cho ubnd_cap_xa (giáo dục mầm non, tiểu học, trung học cơ sở), so_gddt "
            "(trung học phổ thông và các đơn vị khác) [unit-inactive]"
        )
        assert lines[-1] == f"kh68: lỗi: thay đổi bị từ chối vì các lỗi trên; {path} giữ nguyên"
        assert snapshot(example_copy) == before

    def test_record_refuses_a_figure_from_a_commune_before_it_existed(self, example_copy):
        before = snapshot(example_copy)
        args = ["record", "6.2", "--year", "2024", "--by", "xa_mh_01", "--numerator", "10", "--denominator", "100"]
        out = invoke([*args, "--plan", example_copy], 1).output
        assert "xa_mh_01 bắt đầu hoạt động từ 01/7/2025 [unit-inactive]" in out.splitlines()[0]
        assert snapshot(example_copy) == before

    def test_progress_refuses_a_report_dated_after_the_merger(self, example_copy):
        before = snapshot(example_copy)
        args = ["progress", "III.4", "--year", "2024", "--unit", "pgd_cat_tien", "--state", "in_progress"]
        out = invoke([*args, "--date", "2024-12-15", "--plan", example_copy], 1).output
        path = (example_copy / "data" / "2024.yaml").as_posix()
        first = out.splitlines()[0]
        assert first.startswith(f"{path}:")
        assert first.endswith(
            ": lỗi: tiến độ ngày 15/12/2024: pgd_cat_tien đã sáp nhập vào pgd_da_huoai từ 01/12/2024 [unit-inactive]"
        )
        assert snapshot(example_copy) == before

    def test_progress_accepts_a_report_dated_before_the_merger(self, example_copy):
        args = ["progress", "III.4", "--year", "2024", "--unit", "pgd_cat_tien", "--state", "in_progress"]
        invoke([*args, "--date", "2024-11-04", "--plan", example_copy], 0)
