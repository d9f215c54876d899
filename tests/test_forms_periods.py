"""``kh68 form --period`` and ``kh68 import`` of a month's or a quarter's forms (issue 17 item 5).

The demo plan gets a monthly duty (the divisions report before the 15th of every month, as in
``test_periods``) and a quarterly one (the district offices, then from 01/7/2025 the communes that
succeed them, report before the 15th of the quarter's last month). Every test runs the real CLI:
form → fill with openpyxl → import → status.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import EXAMPLE_PLAN, MONTHLY_DUTY, REPO, invoke, replace_in
from tests.formtools import edit_workbook, fill, make_form, sent, snapshot

QUARTERLY = """  - id: quarterly_report
    section: IV.2.d
    kind: unit_report
    what: báo cáo kết quả thực hiện trước ngày 15 của tháng cuối quý, gửi Phòng Tổ chức hành chính Sở GDĐT.
    from_units: [phong_gddt_huyen]
    to_units: [phong_tchc]
    deadline: trước ngày 15 của tháng cuối quý
    function: giáo dục mầm non, tiểu học, trung học cơ sở
"""
DIVISIONS = ["phong_khtc", "phong_gdth_gdmn", "phong_gdtrh", "phong_qlcl_gdtx"]  # not phong_tchc: it receives
NOVEMBER = "bao-cao-2026-11-phong-gdth-gdmn.xlsx"
SUMMARY_REFUSED = "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"


@pytest.fixture
def monthly(example_copy: Path) -> Path:
    """The demo with the divisions reporting to the coordinating division before the 15th of every month."""
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", MONTHLY_DUTY + "  - id: plan_report\n")
    return example_copy


@pytest.fixture
def quarterly(example_copy: Path) -> Path:
    """The demo with the district offices (their communes from 01/7/2025) reporting every quarter."""
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", QUARTERLY + "  - id: plan_report\n")
    return example_copy


def _status(plan: Path, *args: str) -> dict:
    return json.loads(invoke(["status", "--plan", plan, "--format", "json", *args], 0).stdout)


def _reports(plan: Path, period: str, today: str, duty: str) -> dict[str, tuple[bool, str | None, bool]]:
    """``status --period`` as JSON: for ``duty``'s report of ``period``, each unit's (reported, date, late)."""
    data = _status(plan, "--period", period, "--today", today)
    (report,) = [d for d in data["reporting"] if d["duty"] == duty and d["period"] == period]
    return {u["unit"]: (u["reported"], u["date"], u["late"]) for u in report["units"]}


def _meta(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)["kh68"]
    return {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 9) if ws.cell(r, 1).value != "row"}


# ------------------------------------------------------------ who gets a form, and what it says


def test_a_months_forms_go_to_the_units_owing_that_month(monthly: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke(["form", "--plan", monthly, "--period", "2026-11"], 0)
    assert result.output == (
        "SỐ LIỆU MINH HỌA: biểu mẫu lập từ kế hoạch mẫu, không dùng cho báo cáo thật.\n"
        "  bao-cao-2026-11-phong-khtc.xlsx — Phòng Kế hoạch - Tài chính: 0 chỉ tiêu, 8 nhiệm vụ\n"
        "  bao-cao-2026-11-phong-gdth-gdmn.xlsx — Phòng Giáo dục Tiểu học - Giáo dục Mầm non: 8 chỉ tiêu, 8 nhiệm vụ\n"
        "  bao-cao-2026-11-phong-gdtrh.xlsx — Phòng Giáo dục Trung học: 5 chỉ tiêu, 8 nhiệm vụ\n"
        "  bao-cao-2026-11-phong-qlcl-gdtx.xlsx — Phòng Quản lý chất lượng – Giáo dục thường xuyên: 5 chỉ tiêu, "
        "8 nhiệm vụ\n"
        "Đã lập 4 biểu mẫu tháng 11/2026 trong bieu-mau-2026-11.\n"
    )
    assert sorted(p.name for p in (tmp_path / "bieu-mau-2026-11").iterdir()) == sorted(
        f"bao-cao-2026-11-{u.replace('_', '-')}.xlsx" for u in DIVISIONS
    )
    # the year's forms are as before: the divisions and the communes, into bieu-mau-2026
    assert invoke(["form", "--plan", monthly, "--year", "2026"], 0).output.endswith(
        "Đã lập 14 biểu mẫu năm 2026 trong bieu-mau-2026.\n"
    )


def test_a_months_form_says_its_month_its_deadline_and_the_month_before(monthly: Path, tmp_path: Path) -> None:
    invoke(["record", "6.3", "--period", "2026-10", "--value", "96,1", "--plan", monthly], 0)
    path = make_form(monthly, tmp_path, period="2026-11")
    wb = openpyxl.load_workbook(path)
    assert [wb[name]["A1"].value for name in ("Hướng dẫn", "Chỉ tiêu", "Nhiệm vụ")] == [
        "BIỂU MẪU BÁO CÁO THÁNG 11/2026",
        "SỐ LIỆU CHỈ TIÊU THÁNG 11/2026",
        "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ THÁNG 11/2026",
    ]
    guide = wb["Hướng dẫn"]
    lines = {guide.cell(r, 1).value: guide.cell(r, 2).value for r in range(1, guide.max_row + 1)}
    assert lines["Kỳ báo cáo"] == "tháng 11/2026"
    assert "Năm báo cáo" not in lines
    # "trước ngày 15": the 14th is the last day in time (the plan's rule, as status judges it)
    assert lines["Hạn gửi"] == "Chậm nhất ngày 14/11/2026 (kế hoạch ghi: trước ngày 15 hằng tháng)"
    assert lines["  Tháng 10/2026 (tham khảo)"] == "Giá trị đã báo cáo của kỳ trước (tháng 10/2026), để tham khảo."
    ws = wb["Chỉ tiêu"]
    assert [ws.cell(6, c).value for c in (4, 5)] == ["Chỉ tiêu năm 2026 theo kế hoạch", "Tháng 10/2026 (tham khảo)"]
    # 6.3: the year's target; for reference what October's report said (data/2026-10.yaml), not the year before
    assert [ws.cell(9, c).value for c in (1, 4, 5)] == ["6.3", "95 (nội suy)", "96,1%"]
    assert ws.cell(8, 5).value is None  # 6.2: nothing reported for October
    assert wb["Nhiệm vụ"].cell(6, 8).value == "Phương hướng tháng tiếp theo"
    assert wb.properties.title == "Báo cáo tháng 11/2026 — Phòng Giáo dục Tiểu học - Giáo dục Mầm non"
    meta = _meta(path)
    assert (meta["year"], meta["period"], meta["unit"], meta["version"]) == ("2026", "2026-11", "phong_gdth_gdmn", "3")


def test_a_years_form_is_still_version_2_without_a_period(monthly: Path, tmp_path: Path) -> None:
    path = make_form(monthly, tmp_path, year=2026)
    meta = _meta(path)
    assert "period" not in meta
    assert meta["version"] == "2"
    ws = openpyxl.load_workbook(path)["Chỉ tiêu"]
    assert [ws["A1"].value, ws["E6"].value] == ["SỐ LIỆU CHỈ TIÊU NĂM 2026", "Năm 2025 (tham khảo)"]
    assert ws["E9"].value == "95,4%"  # 6.3: the year before's figure


def test_a_quarters_forms_follow_the_units_of_its_due_day(quarterly: Path, tmp_path: Path) -> None:
    """Q1/2025 is due 14/3/2025: the district offices (not Cát Tiên and Đạ Tẻh, merged in 12/2024) report it;
    Q3/2025 is due 14/9/2025: the communes that succeeded them on 01/7/2025."""
    first = invoke(["form", "--plan", quarterly, "--period", "2025-Q1", "-o", tmp_path / "q1"], 0).output
    assert first.splitlines()[1:3] == [
        "  bao-cao-2025-Q1-pgd-da-lat.xlsx — Phòng GDĐT thành phố Đà Lạt: 2 chỉ tiêu, 8 nhiệm vụ",
        "  bao-cao-2025-Q1-pgd-bao-loc.xlsx — Phòng GDĐT thành phố Bảo Lộc: 2 chỉ tiêu, 8 nhiệm vụ",
    ]
    assert first.endswith(f"Đã lập 10 biểu mẫu quý I/2025 trong {(tmp_path / 'q1').as_posix()}.\n")
    assert "pgd-cat-tien" not in first
    assert "pgd-da-teh" not in first
    third = invoke(["form", "--plan", quarterly, "--period", "2025-Q3", "-o", tmp_path / "q3"], 0).output
    assert sorted(p.name for p in (tmp_path / "q3").iterdir()) == [
        f"bao-cao-2025-Q3-xa-mh-{n:02d}.xlsx" for n in range(1, 11)
    ]
    assert third.endswith(f"Đã lập 10 biểu mẫu quý III/2025 trong {(tmp_path / 'q3').as_posix()}.\n")
    # an office asks 6.2 (its share, the plan's reporters on 14/3/2025) and 6.9 (counted over district offices)
    ws = openpyxl.load_workbook(tmp_path / "q1" / "bao-cao-2025-Q1-pgd-da-lat.xlsx")["Chỉ tiêu"]
    assert [ws.cell(r, 1).value for r in (7, 8)] == ["6.2", "6.9"]
    assert ws["E6"].value == "Quý IV/2024 (tham khảo)"
    result = invoke(["form", "--plan", quarterly, "--period", "2025-Q3", "--unit", "pgd_da_lat", "-o", tmp_path], 1)
    assert result.output == (
        "kh68: lỗi: không lập biểu mẫu quý III/2025 cho pgd_da_lat: pgd_da_lat đã chấm dứt hoạt động từ 01/7/2025; "
        "nhiệm vụ chuyển cho ubnd_cap_xa (giáo dục mầm non, tiểu học, trung học cơ sở), so_gddt (trung học phổ "
        "thông và các đơn vị khác)\n"
    )


def _half_year_duty(plan: Path, when: str, what: str = "báo cáo 6 tháng.") -> None:
    """The demo with Phòng GDTrH reporting each half-year to Phòng TCHC (``when``: its deadline, or its period)."""
    half = (
        f"  - id: half_year_report\n    section: IV.2.e\n    kind: unit_report\n    what: {what}\n"
        f"    from_units: [phong_gdtrh]\n    to_units: [phong_tchc]\n    {when}\n"
    )
    replace_in(plan / "plan.yaml", "  - id: plan_report\n", half + "  - id: plan_report\n")


def test_a_half_years_form(example_copy: Path, tmp_path: Path) -> None:
    _half_year_duty(example_copy, "deadline: trước ngày 15/6 và 15/12")
    out = invoke(["form", "--plan", example_copy, "--period", "2026-H1", "-o", tmp_path], 0).output
    assert out.splitlines()[1:] == [
        "  bao-cao-2026-H1-phong-gdtrh.xlsx — Phòng Giáo dục Trung học: 5 chỉ tiêu, 8 nhiệm vụ",
        f"Đã lập 1 biểu mẫu 6 tháng đầu năm 2026 trong {tmp_path.as_posix()}.",
    ]
    wb = openpyxl.load_workbook(tmp_path / "bao-cao-2026-H1-phong-gdtrh.xlsx")
    guide = wb["Hướng dẫn"]
    assert [guide["A1"].value, guide["B5"].value, guide["B6"].value] == [
        "BIỂU MẪU BÁO CÁO 6 THÁNG ĐẦU NĂM 2026",
        "6 tháng đầu năm 2026",
        "Chậm nhất ngày 14/6/2026 (kế hoạch ghi: trước ngày 15/6 và 15/12)",
    ]
    assert [wb["Chỉ tiêu"]["E6"].value, wb["Nhiệm vụ"]["H6"].value] == [
        "6 tháng cuối năm 2025 (tham khảo)",
        "Phương hướng 6 tháng tiếp theo",
    ]
    # the figures are the year's so far (the year's view takes the latest period's), to the day the report is due
    so_far = (
        "Ghi số liệu lũy kế từ đầu năm 2026 đến ngày gửi báo cáo (tỷ lệ, số hiện có: tại ngày đó), "
        "không ghi riêng số phát sinh trong 6 tháng đầu năm 2026."
    )
    assert [wb["Chỉ tiêu"]["A4"].value, guide["A9"].value, guide["B9"].value] == [so_far, "Số liệu", so_far]


def test_a_period_due_after_it_ends_asks_the_figures_to_its_last_day(example_copy: Path, tmp_path: Path) -> None:
    _half_year_duty(example_copy, "deadline: trước ngày 10/7 và 10/01")
    invoke(["form", "--plan", example_copy, "--period", "2026-H1", "-o", tmp_path], 0)
    cell = openpyxl.load_workbook(tmp_path / "bao-cao-2026-H1-phong-gdtrh.xlsx")["Chỉ tiêu"]["A4"].value
    assert cell == (
        "Ghi số liệu lũy kế từ đầu năm 2026 đến hết ngày 30/6/2026 (tỷ lệ, số hiện có: tại ngày đó), "
        "không ghi riêng số phát sinh trong 6 tháng đầu năm 2026."
    )


# ------------------------------------------------------------ periods no duty reports


def test_a_period_the_plan_does_not_report_is_a_usage_error(monthly: Path, tmp_path: Path) -> None:
    out = ["-o", tmp_path / "out"]
    result = invoke(["form", "--plan", EXAMPLE_PLAN, "--period", "2026-11", *out], 2)
    assert result.output == (
        "kh68: lỗi: --period 2026-11: không đơn vị nào phải báo cáo tháng 11/2026; "
        "các kỳ báo cáo năm 2026 của kế hoạch: 2026 (năm)\n"
    )
    result = invoke(["form", "--plan", monthly, "--period", "2026-Q3", *out], 2)
    assert result.output == (
        "kh68: lỗi: --period 2026-Q3: không đơn vị nào phải báo cáo quý III/2026; "
        "các kỳ báo cáo năm 2026 của kế hoạch: 2026 (năm), 2026-01 … 2026-12 (tháng)\n"
    )
    replace_in(monthly / "plan.yaml", "  - id: plan_report\n", QUARTERLY + "  - id: plan_report\n")
    result = invoke(["form", "--plan", monthly, "--period", "2026-H2", *out], 2)
    assert result.output == (
        "kh68: lỗi: --period 2026-H2: không đơn vị nào phải báo cáo 6 tháng cuối năm 2026; "
        "các kỳ báo cáo năm 2026 của kế hoạch: 2026 (năm), 2026-Q1 … 2026-Q4 (quý), 2026-01 … 2026-12 (tháng)\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_plan_reporting_only_monthly_has_no_years_forms(monthly: Path, tmp_path: Path) -> None:
    replace_in(monthly / "plan.yaml", "    deadline: 05/11\n", "    deadline: trước ngày 20 hằng tháng\n")
    # The demo's 2024 figures of two offices merged on 01/12/2024 are of a plan whose year is reported on 05/11.
    (monthly / "data/2024.yaml").unlink()
    result = invoke(["form", "--plan", monthly, "--year", "2026", "-o", tmp_path], 2)
    assert result.output == (
        "kh68: lỗi: --year 2026: không đơn vị nào phải báo cáo năm 2026; "
        "các kỳ báo cáo năm 2026 của kế hoạch: 2026-01 … 2026-12 (tháng)\n"
    )
    # both monthly duties report November: the communes owe the 20th, the divisions the 15th as well
    out = invoke(["form", "--plan", monthly, "--period", "2026-11", "-o", tmp_path], 0).output
    assert out.endswith(f"Đã lập 14 biểu mẫu tháng 11/2026 trong {tmp_path.as_posix()}.\n")
    lines = openpyxl.load_workbook(tmp_path / "bao-cao-2026-11-phong-khtc.xlsx")["Hướng dẫn"]
    assert lines["B6"].value == "Chậm nhất ngày 14/11/2026 (kế hoạch ghi: trước ngày 15 hằng tháng)"
    lines = openpyxl.load_workbook(tmp_path / "bao-cao-2026-11-xa-mh-01.xlsx")["Hướng dẫn"]
    assert lines["B6"].value == "Chậm nhất ngày 19/11/2026 (kế hoạch ghi: trước ngày 20 hằng tháng)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "kh68: lỗi: thiếu tùy chọn bắt buộc --year (hoặc --period, ví dụ --period 2026-11)\n"),
        (["--year", "2025", "--period", "2026-11"], "kh68: lỗi: --year 2025 và --period 2026-11 không cùng một năm\n"),
        (
            ["--period", "2026-Q5"],
            (
                "kh68: lỗi: --period: kỳ '2026-Q5' không hợp lệ: viết 2026 (năm), 2026-H1 hoặc 2026-H2 (6 tháng), "
                "2026-Q1 … 2026-Q4 (quý), 2026-01 … 2026-12 (tháng)\n"
            ),
        ),
        (["--period", "2031-11"], "kh68: lỗi: năm 2031 nằm ngoài thời kỳ kế hoạch (2024–2030)\n"),
    ],
)
def test_a_form_needs_one_year_or_period(monthly: Path, tmp_path: Path, args: list[str], message: str) -> None:
    assert invoke(["form", "--plan", monthly, *args, "-o", tmp_path], 2).output == message


# ------------------------------------------------------------ round trip


def test_a_months_forms_round_trip_into_its_own_file(monthly: Path, tmp_path: Path) -> None:
    forms = tmp_path / "forms"
    invoke(["form", "--plan", monthly, "--period", "2026-11", "-o", forms], 0)
    fill(forms / NOVEMBER, {("Chỉ tiêu", "G9"): "96,2", ("Nhiệm vụ", "E7"): "Đang triển khai", **sent(16, 11, 2026)})
    fill(forms / "bao-cao-2026-11-phong-khtc.xlsx", {("Nhiệm vụ", "E7"): "Đang triển khai", **sent(13, 11, 2026)})
    for name in ("bao-cao-2026-11-phong-gdtrh.xlsx", "bao-cao-2026-11-phong-qlcl-gdtx.xlsx"):
        (forms / name).unlink()  # not returned
    year_file = (monthly / "data/2026.yaml").read_bytes()
    result = invoke(["import", "--plan", monthly, forms, "--received", "20/11/2026"], 0)
    month_file = monthly / "data/2026-11.yaml"
    assert result.output == (
        f"{NOVEMBER}: phong_gdth_gdmn tháng 11/2026: 1 số liệu, 1 nhiệm vụ, gửi ngày 16/11/2026\n"
        "bao-cao-2026-11-phong-khtc.xlsx: phong_khtc tháng 11/2026: 0 số liệu, 1 nhiệm vụ, gửi ngày 13/11/2026\n"
        f"Nhập 2 tệp: 2 tệp được nhận, 0 tệp bị từ chối; đã ghi {month_file.as_posix()}.\n"
    )
    text = month_file.read_text(encoding="utf-8")
    assert text.splitlines()[1:13] == [
        "# Số liệu và tiến độ tháng 11/2026 — ghi bằng 'kh68 record' / 'kh68 progress' hoặc sửa tay.",
        "# SỐ LIỆU MINH HỌA (không có thật).",
        "period: 2026-11",
        "synthetic: true",
        "indicators:",
        '  "6.3":',
        "    value: 96.2",
        "    source:",
        "      unit: phong_gdth_gdmn",
        "tasks:",
        "  III.1.a:",
        "    phong_gdth_gdmn:",
    ]
    assert "forms:\n  phong_gdth_gdmn:\n    received: 2026-11-16\n    date_source: form\n    version: 3\n" in text
    assert "  phong_khtc:\n    received: 2026-11-13\n    date_source: form\n    version: 3\n" in text
    assert (monthly / "data/2026.yaml").read_bytes() == year_file  # the year's file is not touched
    invoke(["check", monthly], 0)
    # due 14/11/2026 ("trước ngày 15"): 13/11 is in time, 16/11 late, two divisions sent nothing
    assert _reports(monthly, "2026-11", "2026-11-20", "monthly_report") == {
        "phong_khtc": (True, "2026-11-13", False),
        "phong_gdth_gdmn": (True, "2026-11-16", True),
        "phong_gdtrh": (False, None, False),
        "phong_qlcl_gdtx": (False, None, False),
    }
    table = invoke(["status", "--plan", monthly, "--period", "2026-11", "--today", "2026-11-20"], 0).output
    month = table[table.index("Tháng 11/2026: hạn 14/11/2026") :].split("\nNăm 2026: hạn ")[0]
    assert " ".join(month.split()) == (
        "Tháng 11/2026: hạn 14/11/2026 (kế hoạch ghi: trước ngày 15 hằng tháng) — gửi Phòng Tổ chức hành chính Sở GDĐT: ĐÃ QUÁ HẠN 6 ngày. "
        "• Phòng Giáo dục Tiểu học - Giáo dục Mầm non: gửi muộn ngày 16/11/2026 "
        "• Phòng Giáo dục Trung học: chưa gửi "
        "• Phòng Quản lý chất lượng – Giáo dục thường xuyên: chưa gửi"
    )
    # a November form is not the year's report: Phòng KHTC still owes that one (data/2026.yaml)
    assert _reports(monthly, "2026", "2026-11-20", "unit_report")["phong_khtc"] == (False, None, False)
    # importing the same forms again changes nothing
    again = invoke(["import", "--plan", monthly, forms, "--received", "20/11/2026"], 0).output
    assert again.endswith("Nhập 2 tệp: 2 tệp được nhận, 0 tệp bị từ chối; không có gì thay đổi.\n")


def test_a_months_form_made_before_it_said_its_figures_are_the_years_so_far_is_still_read(
    monthly: Path, tmp_path: Path
) -> None:
    path = make_form(monthly, tmp_path, "phong_gdth_gdmn", 2026, "2026-11")
    assert openpyxl.load_workbook(path)["Chỉ tiêu"]["A4"].value.startswith("Ghi số liệu lũy kế từ đầu năm 2026")
    fill(path, {("Chỉ tiêu", "A4"): None, ("Chỉ tiêu", "G9"): "96,2", **sent(13, 11, 2026)})
    result = invoke(["import", "--plan", monthly, path, "--received", "20/11/2026"], 0)
    assert result.output.startswith(f"{path.name}: phong_gdth_gdmn tháng 11/2026: 1 số liệu, 0 nhiệm vụ")
    # a year's form says nothing of it, and takes nothing there
    year_form = make_form(monthly, tmp_path, "phong_gdtrh", 2026)
    assert openpyxl.load_workbook(year_form)["Chỉ tiêu"]["A4"].value is None
    fill(year_form, {("Chỉ tiêu", "A4"): "ghi chú", ("Chỉ tiêu", "G9"): "99,3", **sent(4, 11, 2026)})
    result = invoke(["import", "--plan", monthly, year_form, "--received", "20/11/2026"], 1)
    assert "Chỉ tiêu › A4: có nội dung ngoài các ô của biểu mẫu; xóa nội dung ô này" in result.output


def test_a_year_form_of_a_monthly_plan_still_goes_into_the_years_file(monthly: Path, tmp_path: Path) -> None:
    path = fill(make_form(monthly, tmp_path, "phong_gdtrh", 2026), {("Chỉ tiêu", "G9"): "99,3", **sent(4, 11, 2026)})
    result = invoke(["import", "--plan", monthly, path, "--received", "05/11/2026"], 0)
    assert result.output == (
        "bao-cao-2026-phong-gdtrh.xlsx: phong_gdtrh năm 2026: 1 số liệu, 0 nhiệm vụ, gửi ngày 04/11/2026\n"
        f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; đã ghi {(monthly / 'data/2026.yaml').as_posix()}.\n"
    )
    assert not list((monthly / "data").glob("2026-*.yaml"))
    assert _reports(monthly, "2026", "2026-11-20", "unit_report")["phong_gdtrh"] == (True, "2026-11-04", False)


def test_several_months_of_one_unit_in_one_batch(monthly: Path, tmp_path: Path) -> None:
    october = fill(
        make_form(monthly, tmp_path / "a", period="2026-10"), {("Chỉ tiêu", "G9"): "96", **sent(14, 10, 2026)}
    )
    november = fill(
        make_form(monthly, tmp_path / "b", period="2026-11"), {("Chỉ tiêu", "G9"): "96,5", **sent(14, 11, 2026)}
    )
    result = invoke(["import", "--plan", monthly, october, november, "--received", "20/11/2026"], 0)
    assert result.output.endswith(
        f"đã ghi {(monthly / 'data/2026-10.yaml').as_posix()}, {(monthly / 'data/2026-11.yaml').as_posix()}.\n"
    )
    assert _reports(monthly, "2026-10", "2026-11-20", "monthly_report")["phong_gdth_gdmn"] == (
        True,
        "2026-10-14",
        False,
    )
    # November's form now shows October's figure for reference
    ws = openpyxl.load_workbook(make_form(monthly, tmp_path / "c", period="2026-11"))["Chỉ tiêu"]
    assert ws["E9"].value == "96%"
    copy = tmp_path / "copy.xlsx"
    shutil.copy(november, copy)
    result = invoke(["import", "--plan", monthly, november, copy], 1)
    assert (
        "kh68: lỗi: copy.xlsx: cùng đơn vị phong_gdth_gdmn tháng 11/2026 với tệp bao-cao-2026-11-phong-gdth-gdmn.xlsx "
        "trong lần nhập này; chỉ nhập một biểu mẫu cho mỗi đơn vị\n"
    ) in result.output


def test_a_quarters_forms_round_trip_with_the_units_of_that_quarter(quarterly: Path, tmp_path: Path) -> None:
    path = make_form(quarterly, tmp_path, "pgd_da_lat", period="2025-Q1")
    fill(path, {("Chỉ tiêu", "H7"): 2100, ("Chỉ tiêu", "I7"): 6000, ("Chỉ tiêu", "J8"): "Đạt", **sent(12, 3, 2025)})
    result = invoke(["import", "--plan", quarterly, path, "--received", "20/03/2025"], 0)
    quarter_file = quarterly / "data/2025-Q1.yaml"
    assert result.output == (
        "bao-cao-2025-Q1-pgd-da-lat.xlsx: pgd_da_lat quý I/2025: 2 số liệu, 0 nhiệm vụ, gửi ngày 12/3/2025\n"
        f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; đã ghi {quarter_file.as_posix()}.\n"
    )
    text = quarter_file.read_text(encoding="utf-8")
    assert "period: 2025-Q1\n" in text
    assert '  "6.2":\n    by_unit:\n      pgd_da_lat:\n        numerator: 2100\n        denominator: 6000\n' in text
    assert '  "6.9":\n    by_unit:\n      pgd_da_lat:\n        met: true\n' in text
    # an office's share is of the quarter's units (on 14/3/2025), though it ceased before the year's report day
    invoke(["check", quarterly], 0)
    reports = _reports(quarterly, "2025-Q1", "2025-03-20", "quarterly_report")
    assert reports["pgd_da_lat"] == (True, "2025-03-12", False)
    assert reports["pgd_bao_loc"] == (False, None, False)
    assert len(reports) == 10
    assert sorted(_reports(quarterly, "2025-Q3", "2025-09-20", "quarterly_report")) == [
        f"xa_mh_{n:02d}" for n in range(1, 11)
    ]


# ------------------------------------------------------------ a form of one period is never another's


def test_a_form_of_october_goes_into_octobers_file_whatever_its_name(monthly: Path, tmp_path: Path) -> None:
    october = fill(make_form(monthly, tmp_path, period="2026-10"), {("Chỉ tiêu", "G9"): "96", **sent(14, 10, 2026)})
    renamed = october.rename(tmp_path / NOVEMBER)  # named as November's form: the name decides nothing
    result = invoke(["import", "--plan", monthly, renamed, "--received", "20/11/2026"], 0)
    assert result.output == (
        f"{NOVEMBER}: phong_gdth_gdmn tháng 10/2026: 1 số liệu, 0 nhiệm vụ, gửi ngày 14/10/2026\n"
        f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; đã ghi {(monthly / 'data/2026-10.yaml').as_posix()}.\n"
    )
    assert not (monthly / "data/2026-11.yaml").exists()


def _refused(plan: Path, path: Path, *messages: str) -> None:
    before = snapshot(plan)
    result = invoke(["import", "--plan", plan, path, "--received", "20/11/2026"], 1)
    assert result.output == (
        f"{path.name}: bị từ chối, không ghi gì từ tệp này\n"
        + "".join(f"kh68: lỗi: {m}\n" for m in messages)
        + SUMMARY_REFUSED
    )
    assert snapshot(plan) == before


@pytest.fixture
def october(monthly: Path, tmp_path: Path) -> Path:
    """phong_gdth_gdmn's October form, filled; its hidden sheet: year B3, period B4, unit B5, fingerprint B7."""
    path = make_form(monthly, tmp_path, period="2026-10")
    return fill(path, {("Chỉ tiêu", "G9"): "96", **sent(14, 10, 2026)})


def test_an_october_form_relabelled_november_is_refused(monthly: Path, october: Path) -> None:
    edit_workbook(october, lambda wb: wb["kh68"].__setitem__("B4", "2026-11"))
    _refused(
        monthly,
        october,
        "bao-cao-2026-10-phong-gdth-gdmn.xlsx › thông tin biểu mẫu: thông tin biểu mẫu đã bị sửa (dấu vân tay "
        "không khớp với tháng 11/2026 và các dòng của biểu mẫu); dùng biểu mẫu gốc lập bằng 'kh68 form'",
    )


def test_an_october_form_with_novembers_hidden_sheet_is_refused_by_its_visible_cells(
    monthly: Path, october: Path, tmp_path: Path
) -> None:
    """Even November's fingerprint copied in: the sheets say October (the column of the month before first)."""
    november = make_form(monthly, tmp_path / "nov", period="2026-11")
    fingerprint = openpyxl.load_workbook(november)["kh68"]["B7"].value

    def relabel(wb) -> None:
        wb["kh68"]["B4"], wb["kh68"]["B7"] = "2026-11", fingerprint

    edit_workbook(october, relabel)
    _refused(
        monthly,
        october,
        "bao-cao-2026-10-phong-gdth-gdmn.xlsx › Chỉ tiêu › E6: tiêu đề cột phải là 'Tháng 10/2026 (tham khảo)', "
        "thấy 'Tháng 9/2026 (tham khảo)' (cột bị đổi tên, xóa, chèn hoặc sắp xếp lại)",
    )
    edit_workbook(october, lambda wb: wb["Chỉ tiêu"].__setitem__("E6", "Tháng 10/2026 (tham khảo)"))
    wrong = "biểu mẫu không phải của đơn vị hoặc kỳ ghi trong tệp — dùng biểu mẫu gốc lập bằng 'kh68 form'"
    _refused(
        monthly,
        october,
        "bao-cao-2026-10-phong-gdth-gdmn.xlsx › Hướng dẫn › A1: ô bị khóa đã bị sửa (phải là 'BIỂU MẪU BÁO CÁO "
        f"THÁNG 11/2026', thấy 'BIỂU MẪU BÁO CÁO THÁNG 10/2026'); {wrong}",
        "bao-cao-2026-10-phong-gdth-gdmn.xlsx › Chỉ tiêu › A1: ô bị khóa đã bị sửa (phải là 'SỐ LIỆU CHỈ TIÊU "
        f"THÁNG 11/2026', thấy 'SỐ LIỆU CHỈ TIÊU THÁNG 10/2026'); {wrong}",
        "bao-cao-2026-10-phong-gdth-gdmn.xlsx › Nhiệm vụ › A1: ô bị khóa đã bị sửa (phải là 'TIẾN ĐỘ THỰC HIỆN "
        f"NHIỆM VỤ THÁNG 11/2026', thấy 'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ THÁNG 10/2026'); {wrong}",
    )


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"B4": "2026"},
            "thông tin biểu mẫu đã bị sửa (kỳ 2026 không phải một tháng, quý hay 6 tháng của năm 2026)",
        ),
        (
            {"B4": "2025-10"},
            "thông tin biểu mẫu đã bị sửa (kỳ 2025-10 không phải một tháng, quý hay 6 tháng của năm 2026)",
        ),
        (
            {"B4": "tháng 10"},
            (
                "kỳ của biểu mẫu không hợp lệ: kỳ 'tháng 10' không hợp lệ: viết 2026 (năm), 2026-H1 hoặc 2026-H2 "
                "(6 tháng), 2026-Q1 … 2026-Q4 (quý), 2026-01 … 2026-12 (tháng)"
            ),
        ),
        ({"B6": "2"}, "thông tin biểu mẫu đã bị sửa (biểu mẫu năm có ghi kỳ '2026-10')"),
    ],
)
def test_a_hidden_period_that_cannot_be_is_refused(
    monthly: Path, october: Path, cells: dict[str, str], message: str
) -> None:
    def change(wb) -> None:
        for cell, value in cells.items():
            wb["kh68"][cell] = value

    edit_workbook(october, change)
    _refused(monthly, october, f"bao-cao-2026-10-phong-gdth-gdmn.xlsx › thông tin biểu mẫu: {message}")


def test_a_sent_date_before_the_month_is_refused(monthly: Path, tmp_path: Path) -> None:
    path = fill(make_form(monthly, tmp_path, period="2026-11"), {("Chỉ tiêu", "G9"): "96", **sent(28, 10, 2026)})
    _refused(
        monthly,
        path,
        f"{NOVEMBER} › Nhiệm vụ › C4:G4: ngày gửi báo cáo 28/10/2026 trước kỳ báo cáo tháng 11/2026 (từ 01/11/2026)",
    )


def test_a_conflict_names_the_month(monthly: Path, tmp_path: Path) -> None:
    invoke(["record", "6.3", "--period", "2026-11", "--value", "95", "--plan", monthly], 0)
    path = fill(make_form(monthly, tmp_path, period="2026-11"), {("Chỉ tiêu", "G9"): "96", **sent(12, 11, 2026)})
    _refused(
        monthly,
        path,
        f"{NOVEMBER} › Chỉ tiêu › G9: chỉ tiêu 6.3 tháng 11/2026 đã có value = 95; dùng --force để ghi đè bằng 96",
    )


# ------------------------------------------------------------ CSV


def test_a_csv_names_each_rows_period(monthly: Path, tmp_path: Path) -> None:
    path = tmp_path / "so-lieu-2026-12.csv"  # the file's name decides nothing
    path.write_text(
        'indicator,year,period,unit,value\n6.3,,2026-10,,"96,1"\n6.3,2026,2026-11,,"96,4"\n6.4,2026,,,"99,7"\n',
        encoding="utf-8",
    )
    result = invoke(["import", "--plan", monthly, path, "--force"], 0)
    data = monthly / "data"
    assert result.output == (
        f"{path.name}: 3 số liệu năm 2026, tháng 10/2026, tháng 11/2026\n"
        f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; đã ghi {(data / '2026-10.yaml').as_posix()}, "
        f"{(data / '2026-11.yaml').as_posix()}, {(data / '2026.yaml').as_posix()}.\n"
    )
    assert '  "6.3":\n    value: 96.1\n' in (data / "2026-10.yaml").read_text(encoding="utf-8")
    assert '  "6.3":\n    value: 96.4\n' in (data / "2026-11.yaml").read_text(encoding="utf-8")
    assert '  "6.4":\n    value: 99.7\n' in (data / "2026.yaml").read_text(encoding="utf-8")
    assert not (data / "2026-12.yaml").exists()
    invoke(["check", monthly], 0)


def test_a_csv_period_is_checked_like_a_form(monthly: Path, tmp_path: Path) -> None:
    path = tmp_path / "sai.csv"
    path.write_text(
        "indicator;year;period;unit;value\n"
        "6.3;;2026-13;;96\n"
        "6.3;2025;2026-11;;96\n"
        "6.3;;2026-11;;96\n"
        "6.3;;2026-11;;97\n"
        "6.3;;;;97\n"
        "6.2;;2025-Q3;pgd_da_lat;5\n",
        encoding="utf-8",
    )
    before = snapshot(monthly)
    result = invoke(["import", "--plan", monthly, path], 1)
    assert result.output == (
        "sai.csv: bị từ chối, không ghi gì từ tệp này\n"
        "kh68: lỗi: sai.csv › dòng 2 › period: kỳ '2026-13' không hợp lệ: viết 2026 (năm), 2026-H1 hoặc 2026-H2 "
        "(6 tháng), 2026-Q1 … 2026-Q4 (quý), 2026-01 … 2026-12 (tháng)\n"
        "kh68: lỗi: sai.csv › dòng 3 › period: kỳ 2026-11 không thuộc năm 2025 (cột year)\n"
        "kh68: lỗi: sai.csv › dòng 5 › indicator: trùng với dòng 4 (cùng chỉ tiêu, kỳ và đơn vị)\n"
        "kh68: lỗi: sai.csv › dòng 6 › year: thiếu năm hoặc kỳ\n"
        "kh68: lỗi: sai.csv › dòng 7 › unit: đơn vị không còn báo cáo quý III/2025: pgd_da_lat đã chấm dứt hoạt "
        "động từ 01/7/2025; nhiệm vụ chuyển cho ubnd_cap_xa (giáo dục mầm non, tiểu học, trung học cơ sở), "
        "so_gddt (trung học phổ thông và các đơn vị khác)\n" + SUMMARY_REFUSED
    )
    assert snapshot(monthly) == before


def test_a_csv_without_year_or_period_column_is_refused(monthly: Path, tmp_path: Path) -> None:
    path = tmp_path / "thieu.csv"
    path.write_text("indicator,value\n6.3,96\n", encoding="utf-8")
    result = invoke(["import", "--plan", monthly, path], 1)
    assert (
        "kh68: lỗi: thieu.csv › dòng 1: tiêu đề không hợp lệ (thiếu cột year (hoặc period)); các cột: indicator, "
        "year, period, unit, value, numerator, denominator, met, state, document, document_date, note, reported_by\n"
    ) in result.output


def test_a_form_of_a_duty_without_a_day_sets_none(example_copy: Path, tmp_path: Path) -> None:
    """ "Định kỳ 6 tháng" with no day: the form says the plan sets none, as status does (never the period's last day)."""
    _half_year_duty(example_copy, "period: six_monthly", "báo cáo định kỳ 6 tháng.")
    invoke(["form", "--plan", example_copy, "--period", "2026-H1", "-o", tmp_path], 0)
    guide = openpyxl.load_workbook(tmp_path / "bao-cao-2026-H1-phong-gdtrh.xlsx")["Hướng dẫn"]
    assert (guide["A6"].value, guide["B6"].value) == ("Hạn gửi", "Kế hoạch không ghi hạn")
    late = _reports(example_copy, "2026-H1", "2026-07-20", "half_year_report")
    assert late == {"phong_gdtrh": (False, None, False)}


def test_a_batch_makes_every_form_it_can_and_says_which_unit_gets_none(tmp_path: Path) -> None:
    """A probe of a real plan: "Các cơ quan, đơn vị có liên quan" (a group the plan names without members) owed
    November's report, and `kh68 form --period 2026-11` made no form at all."""
    plan = Path(shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "sonla-2954", tmp_path / "plan"))
    result = invoke(["form", "--plan", plan, "--period", "2026-11", "-o", tmp_path / "out"], 0)
    assert result.stdout.splitlines()[-1] == f"Đã lập 11 biểu mẫu tháng 11/2026 trong {(tmp_path / 'out').as_posix()}."
    assert result.stderr == (
        "kh68: cảnh báo: không lập biểu mẫu cho co_quan_don_vi_lien_quan: Các cơ quan, đơn vị có liên quan là nhiều "
        "đơn vị chung một tên, kế hoạch không ghi thành viên (members): ghi các đơn vị vào members\n"
    )
    asked = invoke(
        ["form", "--plan", plan, "--period", "2026-11", "--unit", "co_quan_don_vi_lien_quan", "-o", tmp_path], 1
    )
    assert asked.stderr == (
        "kh68: lỗi: không lập biểu mẫu tháng 11/2026 cho co_quan_don_vi_lien_quan: Các cơ quan, đơn vị có liên quan "
        "là nhiều đơn vị chung một tên, kế hoạch không ghi thành viên (members): ghi các đơn vị vào members\n"
    )
