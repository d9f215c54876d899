"""The fixture plans modelled on three real plans that report by month or quarter (tests/fixtures/plans/README.md):
Hà Nội 308/KH-UBND (monthly), the HCMC plan of QĐ 2820/QĐ-UBND (quarterly, no day given) and the Sơn La plan of QĐ
2954/QĐ-UBND (monthly, six-monthly and yearly, amounts summed from communes). Each passes ``kh68 check``; one period
of each shows its reports sent, late and missing and its tasks overdue or due soon, as far as the document allows
(the goldens of ``tests/golden/<fixture>/`` show the whole output).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, invoke, replace_in
from kh68.domain.deadlines import deadline, periods
from kh68.kinds.periods import Rhythm
from kh68.lint.check import load_plan

FIXTURES = REPO / "tests" / "fixtures" / "plans"
HANOI, HCMC, SONLA = FIXTURES / "hanoi-308", FIXTURES / "hcm-2820", FIXTURES / "sonla-2954"


def _status(plan: Any, period: str, today: str) -> dict[str, Any]:
    args = ["status", "--plan", plan, "--period", period, "--today", today, "--format", "json"]
    return json.loads(invoke(args, 0).stdout)


def _reports(shown: dict[str, Any], duty: str) -> dict[str, tuple[bool, bool]]:
    found = next(r for r in shown["reporting"] if r["duty"] == duty)
    return {u["unit"]: (u["reported"], u["late"]) for u in found["units"]}


@pytest.mark.parametrize("plan", [HANOI, HCMC, SONLA], ids=lambda p: p.name)
def test_each_real_plan_passes_check_without_errors(plan: Any) -> None:
    out = invoke(["check", plan], 0).output
    assert ": lỗi: " not in out, out


@pytest.mark.parametrize(
    ("period", "owed"),
    [
        # Issued 17/11/2025: November's unit reports were due 14/11 (before it), not owed; the UBND's report to the
        # Cục C06, due 19/11, is the first owed; December's both are.
        ("2025-11", ["bao_cao_de_an_06"]),
        ("2025-12", ["bao_cao_hang_thang", "bao_cao_de_an_06"]),
    ],
)
def test_hanoi_reports_due_before_the_plan_was_issued_are_not_owed(period: str, owed: list[str]) -> None:
    shown = _status(HANOI, period, "2025-12-20")
    assert [r["duty"] for r in shown["reporting"]] == owed


def test_a_duty_is_owed_from_the_first_period_due_on_or_after_the_plan_date(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(HANOI, plan)
    duty = load_plan(plan).meta.duties[0]
    assert (duty.owed_from, [p.key for p in periods(duty, 2025)]) == (date(2025, 11, 17), ["2025-12"])
    for issued, first in (("2025-11-14", "2025-11"), ("2025-11-15", "2025-12")):  # due 14/11: on the day, owed
        replace_in(plan / "plan.yaml", "date: 2025-11-17", f"date: {issued}")
        assert periods(load_plan(plan).meta.duties[0], 2025)[0].key == first
        replace_in(plan / "plan.yaml", f"date: {issued}", "date: 2025-11-17")
    # A duty's own start (an amendment's duty) overrides the plan's date.
    monthly = "    deadline: trước ngày 15 hằng tháng"
    replace_in(plan / "plan.yaml", monthly, f"    start: 2025-01-01\n{monthly}")
    assert len(periods(load_plan(plan).meta.duties[0], 2025)) == 12


def test_hanoi_monthly_reports_before_the_15th_and_tasks_due_by_the_end_of_2025() -> None:
    shown = _status(HANOI, "2025-12", "2025-12-20")
    due = next(r for r in shown["reporting"] if r["duty"] == "bao_cao_hang_thang")
    assert due["deadline"] == "2025-12-14"  # "trước ngày 15 hằng tháng": the 15th is late
    assert _reports(shown, "bao_cao_hang_thang") == {
        "so_tai_chinh": (True, False),
        "cong_an_tp": (True, True),
        "ubnd_xa_phuong": (False, False),
        "co_quan_to_chuc_lien_quan": (False, False),
    }
    soon = {t["id"] for t in shown["tasks"] if t["due"] and 0 <= t["days_left"] <= 30 and not t["overdue"]}
    assert {"II.2", "II.4.1", "II.4.2"} <= soon
    # every dated task of the plan is "Hoàn thành trong năm 2025": none can be overdue while others are due soon
    assert not [t for t in shown["tasks"] if t["overdue"]]


def test_hcmc_reports_each_quarter_without_a_day_so_no_report_is_due() -> None:
    plan = load_plan(HCMC)
    quarterly = [d for d in plan.meta.duties if d.rhythm is Rhythm.QUARTERLY]
    assert [d.id for d in quarterly] == ["bao_cao_quy_don_vi", "bao_cao_quy_stc"]
    assert all(d.deadline is None for d in quarterly)
    shown = _status(HCMC, "2026-Q4", "2026-12-10")
    # Each period's report is listed, with no day invented: nothing is late, nothing overdue.
    listed = [(r["duty"], r["period"], r["deadline"], r["days_left"], r["overdue"]) for r in shown["reporting"]]
    assert listed == [
        ("bao_cao_bo_tai_chinh", "2026", None, None, False),
        ("bao_cao_quy_don_vi", "2026-Q4", None, None, False),
        ("bao_cao_quy_stc", "2026-Q4", None, None, False),
    ]
    assert not any(u["late"] for r in shown["reporting"] for u in r["units"])
    overdue = [t["id"] for t in shown["tasks"] if t["overdue"]]
    assert overdue == ["I.1"]  # "Quý IV/2025"
    assert sum(1 for t in shown["tasks"] if t["due"] == "2026-12-31" and not t["overdue"]) >= 10


@pytest.mark.parametrize(
    ("task", "kind", "start", "end"),
    [
        ("LT.1", "span", date(2025, 1, 1), date(2026, 12, 31)),  # "(2025 - 2026)"
        ("LT.3", "from_year", date(2026, 1, 1), None),  # "(2026 trở đi)"
        ("LT.5", "span", date(2025, 1, 1), date(2035, 12, 31)),  # "(xuyên suốt 2025 - 2035)"
        ("VI.4", "when_needed", None, None),  # "Khi có phát sinh."
        ("V.1", "span", date(2025, 1, 1), date(2030, 12, 31)),  # "Năm 2025-2030"
    ],
)
def test_hcmc_timings_as_the_document_writes_them(task: str, kind: str, start: date | None, end: date | None) -> None:
    found = load_plan(HCMC).task(task)
    assert found is not None
    schedule = found.schedule
    assert schedule is not None
    assert (schedule.kind, schedule.start, schedule.end) == (kind, start, end)


def test_hcmc_timing_kh68_cannot_read_is_left_out_not_rewritten() -> None:
    # "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính" (annex VI.5): kept verbatim in the note only
    task = load_plan(HCMC).task("VI.5")
    assert task is not None
    assert task.timing is None
    assert "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính" in (task.note or "")


def test_sonla_reports_by_month_half_year_and_year_in_two_tiers() -> None:
    plan = load_plan(SONLA)
    due = {
        d.id: [(p.key, deadline(d, p)) for p in periods(d, 2026) if p.key in ("2026", "2026-H1", "2026-H2", "2026-11")]
        for d in plan.meta.duties
        if d.deadline is not None
    }
    assert due == {
        "sct_tong_ket_nam": [("2026", date(2026, 11, 29))],
        "don_vi_tong_ket_nam": [("2026", date(2026, 11, 19))],
        "don_vi_6_thang": [("2026-H1", date(2026, 6, 15))],
        "don_vi_hang_thang": [("2026-11", date(2026, 11, 15))],
        # the Sở's half-year report is due before the units' ("trước ngày 18/5" against "trước ngày 16/6"):
        # the document says so
        "sct_6_thang": [("2026-H1", date(2026, 5, 17))],
        "sct_hang_thang": [("2026-11", date(2026, 11, 17))],
    }


def test_sonla_november_reports_and_amounts_summed_from_communes() -> None:
    shown = _status(SONLA, "2026-11", "2026-12-02")
    monthly = _reports(shown, "don_vi_hang_thang")
    assert monthly["ubnd_xa_doan_ket"] == (True, False)
    assert monthly["ubnd_xa_van_ho"] == (True, True)
    assert monthly["ubnd_xa_chieng_son"] == (False, False)
    export = next(i for i in shown["indicators"] if i["id"] == "XK")
    assert (export["value"], export["status"]) == (28050.0, "provisional")  # 18.400 + 9.650 nghìn USD, 2/3 xã
    growth = next(i for i in shown["indicators"] if i["id"] == "XK-TB")
    assert growth["status"] == "no_base"  # "tăng bình quân … 10 - 13%/năm" from 2025, whose figure the plan lacks
    assert [t["id"] for t in shown["tasks"] if t["overdue"]] == ["V.1.b.2"]  # "… năm 2025"


def test_a_province_without_special_zones_says_xa_phuong() -> None:
    """Sơn La has no đặc khu: its communes are "xã, phường" (kh68's general word); a plan of a province with one
    says "xã, phường, đặc khu" through plan.yaml's unit_kind_labels (the demo plan of Lâm Đồng)."""
    text = invoke(["report", "--plan", SONLA, "--year", "2026", "--date", "2026-11-27"], 0).stdout
    assert (
        "Chỉ tiêu XK (giá trị hàng hóa tham gia xuất khẩu): tổng số liệu của các đơn vị đã báo cáo là 28.050 nghìn "
        "USD (số liệu tháng 11/2026, tạm tính, mới có 02/03 xã, phường báo cáo), chưa đánh giá so với chỉ tiêu năm "
        "2026 (240.000 nghìn USD)"  # a month's figure in the year's report says so (an official's reading)
    ) in text
    assert "đặc khu" not in text
    demo = REPO / "examples" / "plan"
    text = invoke(["report", "--plan", demo, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert "32,9% (số liệu tạm tính, mới có 07/10 xã, phường, đặc khu báo cáo)" in text


def test_sonla_targets_in_words_of_the_body_and_numbers_of_the_annex() -> None:
    plan = load_plan(SONLA)
    mango = plan.indicator("P2.1-L")
    assert mango is not None
    assert {y: t.text for y, t in mango.targets.items()} == {
        2026: "13.500",
        2027: "14.800",
        2028: "16.000",
        2029: "16.800",
        2030: "phấn đấu đến năm 2030 đạt 18.000 tấn",
    }
    growth = plan.indicator("XK-TB")
    assert growth is not None
    target: Any = growth.targets[2030].meaning
    assert (target.kind, target.rate, target.rate_high, target.base_year) == ("yearly_change", 10, 13, 2025)


_VIEWS = {
    "hanoi-308": ("2025-12", "2025-12-20"),
    "hcm-2820": ("2026-Q4", "2026-12-10"),
    "sonla-2954": ("2026-11", "2026-12-02"),
    "hue-188": ("2026", "2026-12-31"),
    "mot-nam": ("2026", "2026-12-31"),
    "lamdong-nq68": ("2025", "2025-11-06"),
}


@pytest.mark.parametrize("width", ["80", "120"])
@pytest.mark.parametrize("name", sorted(_VIEWS))
def test_the_status_table_never_cuts_a_number_nor_a_target_word(name: str, width: str) -> None:
    period, today = _VIEWS[name]
    args = ["--plan", FIXTURES / name, "--period", period, "--today", today]
    table = invoke(["status", *args], 0, env={"COLUMNS": width}).stdout
    shown = json.loads(invoke(["status", *args, "--format", "json"], 0).stdout)
    words = {word for line in table.splitlines() for word in line.split()}
    for indicator in shown["indicators"]:
        target = indicator["target"]
        for word in target["display"].split() if target else []:
            assert word in words, (indicator["id"], word)
        value = indicator["value_display"]
        for word in value.split() if value else []:
            assert word in words, (indicator["id"], word)


@pytest.mark.parametrize(
    ("width", "rows"),
    [
        (
            "80",
            [
                "XK          Giá trị hàng   240.000        28.050  -211.950  ≈ Tạm tính, 2/3 đơn",
                "            hóa tham gia   nghìn USD       nghìn            vị",
                "XK-TB       Tốc độ tăng    +10-13%/năm         –         –  ? Chưa có số liệu",
            ],
        ),
        (
            "120",
            [
                "XK          Giá trị hàng hóa tham gia xuất     240.000        28.050  -211.950  ≈ Tạm tính, 2/3 đơn",
                "XK-TB       Tốc độ tăng bình quân hàng năm     +10-13%/năm         –         –  ? Chưa có số liệu",
            ],
        ),
    ],
)
def test_sonla_large_gap_and_yearly_rate_are_whole(width: str, rows: list[str]) -> None:
    args = ["status", "--plan", SONLA, "--period", "2026-11", "--today", "2026-12-02"]
    lines = [line.rstrip() for line in invoke(args, 0, env={"COLUMNS": width}).stdout.splitlines()]
    for row in rows:
        assert row in lines, row
    # a yearly deadline in a month's view says which period it is
    said = (
        "Năm 2026: hạn 19/11/2026 (kế hoạch ghi: trước ngày 20/11 hàng năm) — gửi Sở Công Thương: ĐÃ QUÁ HẠN 13 ngày."
    )
    assert said in " ".join(lines)  # wrapped at the width
