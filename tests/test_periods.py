"""Reporting periods (issue 17 item 5): a duty reporting monthly, figures and progress per month, ``--period``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MONTHLY_DUTY, invoke, replace_in


@pytest.fixture
def monthly(example_copy: Path) -> Path:
    """The demo with a second duty: the divisions report to the coordinating division before the 15th of every month."""
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", MONTHLY_DUTY + "  - id: plan_report\n")
    return example_copy


def _status(plan: Path, *args: str) -> dict:
    return json.loads(invoke(["status", "--plan", plan, "--format", "json", *args], 0).stdout)


def test_a_figure_is_recorded_in_its_months_file(monthly: Path) -> None:
    out = invoke(["record", "6.3", "--period", "2026-10", "--value", "96,1", "--plan", monthly], 0).output
    assert out == f"Đã tạo {(monthly / 'data/2026-10.yaml').as_posix()} và ghi chỉ tiêu 6.3 tháng 10/2026.\n"
    text = (monthly / "data/2026-10.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[1:] == [
        "# Số liệu và tiến độ tháng 10/2026 — ghi bằng 'kh68 record' / 'kh68 progress' hoặc sửa tay.",
        "# SỐ LIỆU MINH HỌA (không có thật).",
        "period: 2026-10",
        "synthetic: true",
        "indicators:",
        '  "6.3":',
        "    value: 96,1",
    ]
    invoke(["check", monthly], 0)


def test_a_period_sees_the_figures_up_to_its_end(monthly: Path) -> None:
    invoke(["record", "6.3", "--period", "2026-10", "--value", "96,1", "--plan", monthly], 0)
    invoke(["record", "6.3", "--period", "2026-11", "--value", "96,8", "--plan", monthly], 0)
    value = {
        p: {i["id"]: i["value"] for i in _status(monthly, "--period", p, "--today", "2026-12-01")["indicators"]}["6.3"]
        for p in ("2026-09", "2026-10", "2026-11")
    }
    # September: nothing of 2026 known yet (the year's own file, data/2026.yaml, counts at the year's end)
    assert value == {"2026-09": None, "2026-10": 96.1, "2026-11": 96.8}
    assert {i["id"]: i["value"] for i in _status(monthly, "--year", "2026", "--today", "2027-01-05")["indicators"]}[
        "6.3"
    ] == 95.6  # the year's own report wins


def test_who_reported_for_a_month_and_who_was_late(monthly: Path) -> None:
    plan = monthly
    invoke(
        [
            "progress",
            "III.2.c",
            "--period",
            "2026-10",
            "--unit",
            "phong_khtc",
            "--state",
            "in_progress",
            "--date",
            "13/10/2026",
            "--plan",
            plan,
        ],
        0,
    )
    invoke(
        [
            "progress",
            "III.2.a",
            "--period",
            "2026-10",
            "--unit",
            "phong_tchc",
            "--state",
            "in_progress",
            "--date",
            "15/10/2026",
            "--plan",
            plan,
        ],
        0,
    )
    data = _status(plan, "--period", "2026-10", "--today", "2026-10-20")
    assert data["period"] == "2026-10"
    (october,) = [d for d in data["reporting"] if d["duty"] == "monthly_report"]
    assert (october["period"], october["deadline"], october["days_left"], october["overdue"]) == (
        "2026-10",
        "2026-10-14",
        -6,
        True,
    )
    by_unit = {u["unit"]: (u["reported"], u["date"], u["late"]) for u in october["units"]}
    assert by_unit["phong_khtc"] == (True, "2026-10-13", False)
    assert by_unit["phong_gdth_gdmn"] == (False, None, False)


def test_the_years_view_lists_each_month_due_or_past(monthly: Path) -> None:
    out = " ".join(invoke(["status", "--plan", monthly, "--year", "2026", "--today", "2026-03-05"], 0).output.split())
    assert (
        "Tháng 1/2026: hạn 14/01/2026 (kế hoạch ghi: trước ngày 15 hằng tháng) — gửi Phòng Tổ chức hành chính Sở GDĐT: ĐÃ QUÁ HẠN 50 ngày."
        in out
    )
    assert (
        "Tháng 3/2026: hạn 14/3/2026 (kế hoạch ghi: trước ngày 15 hằng tháng) — gửi Phòng Tổ chức hành chính Sở GDĐT: còn 9 ngày."
        in out
    )
    assert "Tháng 5/2026" not in out  # due in more than 30 days: not yet listed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--period", "2026-13"],
            "kh68: lỗi: --period: kỳ '2026-13' không hợp lệ: viết 2026 (năm), 2026-H1 hoặc 2026-H2 (6 tháng), 2026-Q1 … 2026-Q4 (quý), 2026-01 … 2026-12 (tháng)\n",
        ),
        (["--year", "2025", "--period", "2026-11"], "kh68: lỗi: --year 2025 và --period 2026-11 không cùng một năm\n"),
    ],
)
def test_a_period_that_is_none_is_a_usage_error(monthly: Path, args: list[str], message: str) -> None:
    assert invoke(["status", "--plan", monthly, *args], 2).output == message


def test_each_units_latest_figure_counts_in_the_later_periods(monthly: Path) -> None:
    """A unit's October figure stays in November's view when another unit reports in November (not replaced), but
    it has not reported November: the total is provisional, as check says of November's file (a probe found status
    "đủ 2/2 đơn vị" beside check's "tạm tính, 1/2"); a unit written by name in a later month replaces its own
    earlier entry, never counts twice."""
    record = ["record", "6.2", "--plan", monthly]
    invoke([*record, "--period", "2026-10", "--by", "xa_mh_01", "--numerator", "100", "--denominator", "400"], 0)
    invoke([*record, "--period", "2026-11", "--by", "xa_mh_02", "--numerator", "300", "--denominator", "400"], 0)
    (monthly / "data" / "2026-12.yaml").write_text(
        'period: 2026-12\nsynthetic: true\nindicators:\n  "6.2":\n    by_unit:\n'
        "      Xã minh họa 01: {numerator: 200, denominator: 400}\n",
        encoding="utf-8",
    )

    def seen(period: str) -> tuple[float, list[str]]:
        rows = _status(monthly, "--period", period, "--today", "2027-01-05")["indicators"]
        row = next(i for i in rows if i["id"] == "6.2")
        return row["value"], row["coverage"]["reported"]

    assert seen("2026-10") == (25.0, ["xa_mh_01"])
    assert seen("2026-11") == (50.0, ["xa_mh_02"])  # (100 + 300) / (400 + 400): xa_mh_01's of October
    assert seen("2026-12") == (62.5, ["xa_mh_01"])  # (200 + 300) / (400 + 400): xa_mh_01's latest, xa_mh_02's of Nov.


@pytest.mark.parametrize(
    ("deadline", "period", "said"),
    [
        (
            "trước ngày 20 hằng tháng",
            "yearly",
            "period: yearly (hằng năm) nhưng deadline 'trước ngày 20 hằng tháng' là hạn hằng tháng",
        ),
        (
            "trước ngày 15/6 và 15/12",
            "quarterly",
            "period: quarterly (hằng quý) nhưng deadline 'trước ngày 15/6 và 15/12' là hạn 6 tháng một lần",
        ),
    ],
)
def test_a_duty_whose_period_and_deadline_disagree_is_refused_with_both(
    example_copy: Path, deadline: str, period: str, said: str
) -> None:
    """A monthly deadline with `period: yearly` was taken as yearly, due 31/12, and the unit reports vanished."""
    path = example_copy / "plan.yaml"
    replace_in(path, "    deadline: 05/11\n", f"    deadline: {deadline}\n    period: {period}\n")
    output = invoke(["check", example_copy], 1).stdout
    assert f"lỗi: {said}: hai cách đọc; ghi một trong hai cho đúng văn bản [schema]" in output


def test_a_day_of_the_year_with_a_period_is_the_day_of_each_of_its_reports(example_copy: Path) -> None:
    replace_in(example_copy / "plan.yaml", "    deadline: 05/11\n", "    deadline: 05/11\n    period: six_monthly\n")
    invoke(["check", example_copy], 0)


QUARTERLY_AND_HALVES = """  - id: quarterly_report
    section: IV.2.c
    kind: unit_report
    what: báo cáo hằng quý, trước ngày 15 của tháng cuối quý.
    from_units: [ubnd_cap_xa]
    to_units: [phong_tchc]
    deadline: trước ngày 15 của tháng cuối quý
  - id: half_report
    section: IV.2.d
    kind: plan_report
    what: báo cáo 6 tháng (trước ngày 20/6) và năm (trước ngày 20/12).
    from_units: [phong_tchc]
    to_units: [ubnd_tinh]
    deadline: 6 tháng (trước ngày 20/6) và năm (trước ngày 20/12)
"""


def test_a_half_year_seen_through_the_quarters_that_close_it(example_copy: Path) -> None:
    """A new user's plan: communes report each quarter, the Sở each half-year; the half-year's report said "mới có
    00/06 xã, phường báo cáo" beside "tổng hợp từ số liệu của 05 đơn vị", and the second half's (the year's) had no
    figure recorded for the year."""
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", QUARTERLY_AND_HALVES + "  - id: plan_report\n")
    record = ["record", "6.2", "--plan", example_copy]
    invoke([*record, "--period", "2026-Q2", "--by", "xa_mh_01", "--numerator", "100", "--denominator", "400"], 0)
    half = _status(example_copy, "--period", "2026-H1", "--today", "2026-07-01")
    row = next(i for i in half["indicators"] if i["id"] == "6.2")
    assert (row["value"], row["coverage"]["reported"]) == (25.0, ["xa_mh_01"])
    invoke(["record", "6.3", "--plan", example_copy, "--year", "2026", "--value", "96,1", "--force"], 0)
    second = _status(example_copy, "--period", "2026-H2", "--today", "2027-01-05")
    assert next(i for i in second["indicators"] if i["id"] == "6.3")["value"] == 96.1


MONTHS_AND_AN_EARLY_HALF = """  - id: xa_hang_thang
    section: IV.2.c
    kind: unit_report
    what: các xã báo cáo trước ngày 15 hằng tháng.
    from_units: [ubnd_cap_xa]
    to_units: [phong_tchc]
    deadline: trước ngày 15 hằng tháng
  - id: half_report
    section: IV.2.d
    kind: plan_report
    what: báo cáo 6 tháng (trước ngày 18/5) và năm (trước ngày 20/12).
    from_units: [phong_tchc]
    to_units: [ubnd_tinh]
    deadline: trước ngày 18/5 và 20/12
"""


def test_a_half_year_seen_before_it_ends_counts_the_units_of_its_latest_month(example_copy: Path) -> None:
    """An official's second reading: a half-year's report due on 17/5 said "mới có 00/03 xã báo cáo" beside "tổng
    hợp từ số liệu của 02 đơn vị": the communes had sent May's report, the latest there was."""
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", MONTHS_AND_AN_EARLY_HALF + "  - id: plan_report\n")
    record = ["record", "6.2", "--plan", example_copy]
    invoke([*record, "--period", "2026-04", "--by", "xa_mh_02", "--numerator", "50", "--denominator", "400"], 0)
    invoke([*record, "--period", "2026-05", "--by", "xa_mh_01", "--numerator", "100", "--denominator", "400"], 0)
    half = _status(example_copy, "--period", "2026-H1", "--today", "2026-05-17")
    row = next(i for i in half["indicators"] if i["id"] == "6.2")
    assert row["coverage"]["reported"] == ["xa_mh_01"]  # xa_mh_02's is April's, an earlier report
