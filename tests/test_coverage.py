"""Expected reporters, coverage of aggregated values and series breaks, on the demo plan.

The demo story: 6.2 is reported by unit — twelve district offices in 2023 and 2024, ten
illustrative communes from 2025 (seven of them in 2025, all ten in 2026); 6.9 is counted over
"số huyện, thành phố", which no longer exist after 01/7/2025; the province merger of
01/7/2025 breaks every series.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import COMMUNES, DISTRICTS, FIXTURE_PLAN, REPO, replace_in
from kh68.domain.coverage import coverage, unit_of_count_gone, unit_of_count_text
from kh68.domain.deadlines import reporters_of
from kh68.lint.check import load_plan
from kh68.tracking.series import break_before, comparable_part, comparable_since, crossed
from kh68.vocab import unit_kind_label


def cover(plan, ind_id, year):
    ind = plan.indicator(ind_id)
    data = plan.data.get(year)
    return coverage(plan, ind, year, data.indicators.get(ind_id) if data else None)


class TestExpectedReporters:
    @pytest.mark.parametrize(("year", "expected"), [(2024, DISTRICTS), (2025, COMMUNES), (2026, COMMUNES)])
    def test_6_2_follows_the_reorganisation(self, demo, year, expected):
        # Only the successors for preschool education: the department (upper secondary) is not expected.
        assert [c.unit_id for c in reporters_of(demo, demo.indicator("6.2"), year)] == expected

    def test_the_communes_say_whose_figures_they_report(self, demo):
        first = reporters_of(demo, demo.indicator("6.2"), 2025)[0]
        assert demo.acting_name(first) == (
            "UBND xã minh họa 01 (tiếp nhận nhiệm vụ của Phòng GDĐT các huyện, thành phố từ 01/7/2025)"
        )
        own = reporters_of(demo, demo.indicator("6.2"), 2024)[0]
        assert demo.acting_name(own) == "Phòng GDĐT thành phố Đà Lạt"

    def test_6_9_in_2024(self, demo):
        assert [c.unit_id for c in reporters_of(demo, demo.indicator("6.9"), 2024)] == DISTRICTS

    @pytest.mark.parametrize("year", [2024, 2025, 2026])
    def test_indicators_without_reporters_expect_none(self, demo, year):
        assert [i.id for i in demo.indicators if reporters_of(demo, i, year) is not None] == ["6.2", "6.9"]


class TestCoverage:
    def test_2024_complete(self, demo):
        c = cover(demo, "6.2", 2024)
        assert (len(c.reported), len(c.expected), c.complete, c.provisional) == (12, 12, True, False)
        assert c.label == "đủ 12/12 đơn vị"
        assert c.denominator_share is None  # the province's denominator is not given for 2024

    def test_2025_provisional_seven_of_ten(self, demo):
        c = cover(demo, "6.2", 2025)
        assert (c.reported, c.missing) == (tuple(COMMUNES[:7]), COMMUNES[7:])
        assert (c.provisional, c.share) == (True, 70.0)
        assert (c.denominator_reported, c.denominator_expected) == (30800, 41600)
        assert round(c.denominator_share, 4) == 74.0385
        assert c.label == "tạm tính, 7/10 đơn vị, 74% mẫu số"

    def test_2026_complete(self, demo):
        c = cover(demo, "6.2", 2026)
        assert (c.label, c.denominator_share) == ("đủ 10/10 đơn vị", 100.0)

    def test_a_year_without_data_covers_nobody(self, demo):
        c = cover(demo, "6.2", 2027)
        assert (c.reported, len(c.missing), c.label) == ((), 10, "tạm tính, 0/10 đơn vị")

    def test_a_province_value_written_directly_has_no_coverage(self, example_copy):
        replace_in(
            example_copy / "data" / "2025.yaml", '  "6.2":\n    source:', '  "6.2":\n    value: 32,9\n    source:'
        )
        plan = load_plan(example_copy)
        assert cover(plan, "6.2", 2025) is None

    def test_6_9_2024_counts_over_the_twelve_districts(self, demo):
        assert cover(demo, "6.9", 2024).label == "đủ 12/12 đơn vị"


class TestUnitOfCount:
    @pytest.mark.parametrize("ind_id", ["6.1", "6.9"])
    def test_no_more_districts_after_01_07_2025(self, demo, ind_id):
        ind = demo.indicator(ind_id)
        assert unit_of_count_gone(demo, ind, 2024) is None
        assert unit_of_count_gone(demo, ind, 2025) == date(2025, 7, 1)
        assert unit_of_count_gone(demo, ind, 2026) == date(2025, 7, 1)
        assert unit_of_count_text(unit_kind_label(demo, ind.counted_over), date(2025, 7, 1)) == (
            "không còn đơn vị đếm (huyện, thành phố) từ 01/7/2025: tỷ lệ theo huyện, thành phố không tính được; "
            "kế hoạch không nói đơn vị thay thế"
        )
        assert cover(demo, ind_id, 2025) is None

    def test_the_bundled_plan_says_the_same(self):
        plan = load_plan(FIXTURE_PLAN)
        assert [i.id for i in plan.indicators if unit_of_count_gone(plan, i, 2025)] == ["6.1", "6.9"]
        assert [i.id for i in plan.indicators if unit_of_count_gone(plan, i, 2024)] == []


class TestBreaks:
    @pytest.mark.parametrize(("year", "since"), [(2023, None), (2024, None), (2025, 2025), (2026, 2025)])
    def test_comparable_since(self, demo, year, since):
        assert comparable_since(demo, demo.indicator("6.3"), year) == since

    def test_the_break_says_why(self, demo):
        b = break_before(demo, demo.indicator("6.3"), 2026)
        assert b.text == "không so sánh được do thay đổi địa giới từ 01/7/2025"
        assert crossed(demo, demo.indicator("6.3"), 2024, 2025) == b
        assert crossed(demo, demo.indicator("6.3"), 2025, 2026) is None
        assert crossed(demo, demo.indicator("6.3"), 2023, 2024) is None

    def test_comparable_part_of_a_series(self):
        series = {2023: 94.2, 2024: 94.6, 2025: 95.4, 2026: 95.6}
        assert comparable_part(series, 2025) == {2025: 95.4, 2026: 95.6}
        assert comparable_part(series, None) == series

    def test_an_indicator_break_of_definition(self, example_copy):
        replace_in(
            example_copy / "indicators.yaml",
            "    responsible_text: Phòng QLCL-GDTX và GDTH-GDMN\n",
            "    responsible_text: Phòng QLCL-GDTX và GDTH-GDMN\n"
            "    breaks:\n      - {date: 2026-01-01, kind: definition, reason: Tiêu chuẩn mới (minh họa)}\n",
        )
        plan = load_plan(example_copy)
        ind = plan.indicator("6.5")
        assert comparable_since(plan, ind, 2026) == 2026
        assert break_before(plan, ind, 2026).text == "không so sánh được do thay đổi định nghĩa từ 01/01/2026"
        assert comparable_since(plan, plan.indicator("6.3"), 2026) == 2025  # other indicators: the plan's break

    def test_a_break_after_the_reporting_day_starts_the_next_year(self, example_copy):
        replace_in(example_copy / "plan.yaml", "  - date: 2025-07-01\n", "  - date: 2025-11-06\n")
        plan = load_plan(example_copy)
        assert comparable_since(plan, plan.indicator("6.3"), 2026) == 2026
        assert comparable_since(plan, plan.indicator("6.3"), 2025) is None


def test_a_group_leading_an_indicator_is_its_reporters_each_member_its_own_share(tmp_path) -> None:
    """A real plan's probe: "UBND các xã, phường" leading an indicator without ``reporters``: every commune was asked
    the province-wide figure, and one commune's answer became the province's. The group's members are its reporters:
    each is asked its share, and one of two is a provisional figure."""
    import shutil

    from conftest import REPO, invoke
    from kh68.entry.forms.expected import Scope, indicator_scope

    plan = tmp_path / "plan"
    shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "mot-nam", plan)
    with (plan / "units.yaml").open("a", encoding="utf-8") as units:
        units.write(
            "\n  - id: xa_a\n    name: Ủy ban nhân dân xã An\n    kind: commune\n"
            "\n  - id: xa_b\n    name: Ủy ban nhân dân xã Bình\n    kind: commune\n"
            "\n  - id: cac_xa\n    name: Ủy ban nhân dân các xã\n    members: [xa_a, xa_b]\n"
        )
    with (plan / "indicators.yaml").open("a", encoding="utf-8") as indicators:
        indicators.write(
            '\n  - id: "3"\n    name: Tỷ lệ hồ sơ giải quyết đúng hạn\n    unit: "%"\n'
            '    targets:\n      "2026": ít nhất 95%\n    responsible_units: [cac_xa]\n'
        )
    replace_in(
        plan / "data" / "2026.yaml",
        "    value: 7\n",
        '    value: 7\n  "3":\n    by_unit:\n      xa_a: {numerator: 98, denominator: 100}\n',
    )
    loaded = load_plan(plan)
    indicator = loaded.indicator("3")
    assert indicator is not None
    assert [c.unit_id for c in reporters_of(loaded, indicator, 2026) or []] == ["xa_a", "xa_b"]
    assert [indicator_scope(loaded, indicator, 2026, uid) for uid in ("xa_a", "xa_b")] == [Scope.UNIT, Scope.UNIT]
    assert invoke(["check", plan], 0).output.splitlines()[0] == (
        f"{(plan / 'data' / '2026.yaml').as_posix()}:11:3: cảnh báo: chỉ tiêu 3 năm 2026: giá trị tạm tính, 1/2 đơn vị "
        "đã báo cáo (chưa báo cáo: xa_b) [coverage-provisional]"
    )
    # A member's own view is never the group's total said as its own (a real plan's probe: a commune's report)
    args = ["status", "--plan", plan, "--year", "2026", "--unit", "xa_a", "--today", "2026-11-20", "--format", "json"]
    view = json.loads(invoke(args, 0).stdout)
    assert [i["id"] for i in view["indicators"]] == []


def test_a_groups_reporters_are_never_the_body_that_issues_or_tracks_the_plan(example_copy) -> None:
    """A probe: a group of district offices (whose fields passed to the communes and to the Sở) leading an
    indicator counted the Sở among its reporters: "10/11 đơn vị (chưa báo cáo: so_gddt)", a share no form asks."""
    from conftest import invoke

    with (example_copy / "indicators.yaml").open("a", encoding="utf-8") as indicators:
        indicators.write(
            '\n  - id: "8.4"\n    name: Số lớp học mới\n    unit: lớp\n    targets:\n      "2030": "500"\n'
            "    responsible_units: [phong_gddt_huyen]\n"
        )
    shares = "".join(f"      xa_mh_{i:02d}: {{value: {i}}}\n" for i in range(1, 11))
    replace_in(example_copy / "data" / "2026.yaml", "indicators:\n", f'indicators:\n  "8.4":\n    by_unit:\n{shares}')
    out = invoke(["check", example_copy], 0).output
    assert "8.4" not in out
    plan = load_plan(example_copy)
    indicator = plan.indicator("8.4")
    assert indicator is not None
    assert len(reporters_of(plan, indicator, 2026) or []) == 10


def test_the_body_reports_go_to_is_no_reporter_of_a_group_it_belongs_to(tmp_path) -> None:
    """A probe of a real plan: reporters "các sở, ngành" held the Sở the reports go to, which no form asks a share;
    its figure was "chưa báo cáo" forever ("tạm tính, 4/7 đơn vị"). Named on its own, it stays a reporter."""
    import shutil

    root = shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "sonla-2954", tmp_path / "plan")
    (root / "data" / "2026-11.yaml").unlink()  # the communes' figures: no reporters of XK here
    path = root / "indicators.yaml"
    xk = '    responsible_text: (văn bản không ghi)\n    reporters: {units: [ubnd_xa_phuong]}\n\n  # Mục I.3: "…, tăng'
    replace_in(path, xk, xk.replace("[ubnd_xa_phuong]", "[cac_so_nganh]"))
    plan = load_plan(root)
    expected = [c.unit_id for c in reporters_of(plan, plan.indicator("XK"), 2026)]
    assert "so_cong_thuong" not in expected
    assert expected[:2] == ["so_nnmt", "so_tai_chinh"]
    replace_in(path, "reporters: {units: [cac_so_nganh]}", "reporters: {units: [so_cong_thuong, so_nnmt]}")
    plan = load_plan(root)
    assert [c.unit_id for c in reporters_of(plan, plan.indicator("XK"), 2026)] == ["so_cong_thuong", "so_nnmt"]


def test_a_body_that_receives_reports_and_sends_its_own_on_stays_a_reporter(example_copy) -> None:
    """A review: with schools reporting to the district offices (a second unit_report duty), the offices, receivers
    of it, were left out of the group reporting 6.2, and the plan had 55 errors."""
    replace_in(
        example_copy / "plan.yaml",
        "  - id: plan_report\n",
        "  - id: truong_bao_cao\n    section: IV.2.d\n    kind: unit_report\n"
        "    what: các trường báo cáo Phòng GDĐT trước ngày 25/10 hằng năm.\n"
        "    from_units: [cac_don_vi_truong_hoc]\n    to_units: [phong_gddt_huyen]\n    deadline: 25/10\n"
        "  - id: plan_report\n",
    )
    plan = load_plan(example_copy)
    assert [c.unit_id for c in reporters_of(plan, plan.indicator("6.2"), 2025)] == COMMUNES
