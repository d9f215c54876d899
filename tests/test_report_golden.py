"""Golden files of ``kh68 report`` on the synthetic demo plan in examples/ and on the fixture plans of
tests/fixtures/plans (real plans of other bodies, and a one-year plan): Markdown, and the Word
document's text and structure (paragraph styles, tables, sections and their orientation); and of
``kh68 status`` on the fixture plans that report by month or quarter (the table, at a fixed width, and JSON).

After a deliberate change to the report, regenerate them with ``make golden``
(``KH68_REGENERATE_GOLDEN=1 pytest tests/test_report_golden.py``) and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, MONTHLY_DUTY, invoke, replace_in
from docx_outline import outline

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("KH68_REGENERATE_GOLDEN") == "1"

CASES = {
    # a year with figures, progress, the department's own words
    "bao-cao-2025.md": ["--year", "2025", "--date", "2025-11-10"],
    # the following year: no figures yet, no words yet — every part the department owes is a placeholder
    "bao-cao-2026.md": ["--year", "2026", "--date", "2026-11-10"],
    # first plan year: no target for the year yet
    "bao-cao-2024.md": ["--year", "2024", "--date", "2024-11-08"],
    # a year without any data
    "bao-cao-2027-chua-co-so-lieu.md": ["--year", "2027", "--date", "2027-11-10"],
    # a division's report to the coordinating division (dated the day it sent it, before the deadline of 05/11)
    "bao-cao-2025-phong-gdth-gdmn.md": ["--year", "2025", "--date", "2025-11-04", "--unit", "phong_gdth_gdmn"],
    # the coordinating division's internal summary, with the lateness table
    "tong-hop-noi-bo-2025.md": ["--year", "2025", "--date", "2025-11-08", "--internal"],
}
WORD_CASES = {
    "bao-cao-2025.docx.txt": ["--year", "2025", "--date", "2025-11-10"],
    "bao-cao-2026.docx.txt": ["--year", "2026", "--date", "2026-11-10"],
    "bao-cao-2025-phong-gdth-gdmn.docx.txt": ["--year", "2025", "--date", "2025-11-04", "--unit", "phong_gdth_gdmn"],
    "tong-hop-noi-bo-2025.docx.txt": ["--year", "2025", "--date", "2025-11-08", "--internal"],
}

# The demo reporting by period (issue 17 item 5): the department reports to the province every quarter (before the
# 20th of the quarter's last month), the divisions to the coordinating division every month (before the 15th).
QUARTERLY = "    deadline: trước ngày 20 của tháng cuối quý\n"
Q3_FIGURES = """period: 2026-Q3
synthetic: true
indicators:
  "6.3":
    value: 95,5
    source: {document: Báo cáo minh họa số 07/BC-MH, date: 2026-09-10, unit: phong_gdth_gdmn}
  "6.5":
    value: 59,6
report:
  data_as_of: 2026-09-14
  directing_documents:
    - kind: Công văn
      number: 88/MH-TCHC
      date: 2026-07-05
      subject: về việc báo cáo kết quả thực hiện Kế hoạch quý III năm 2026 (minh họa)
  group_summaries:
    "III.2": Các phòng thuộc Sở tiếp tục thực hiện các nhiệm vụ quản lý nhà nước theo kế hoạch (minh họa).
    "III.3": Chuẩn bị các điều kiện cho năm học mới 2026-2027 (minh họa).
    "III.4": Tổ chức tuyển sinh đầu cấp năm học 2026-2027 đúng kế hoạch (minh họa).
    "III.5": Công đoàn ngành phối hợp chuẩn bị năm học mới (minh họa).
  assessment:
    strengths: [các trường hoàn thành tuyển sinh đầu cấp đúng thời gian (minh họa)]
    shortcomings: [tỷ lệ trường mầm non đạt chuẩn quốc gia tăng chậm (minh họa)]
    objective_causes: [thời tiết mưa bão ảnh hưởng đến tiến độ sửa chữa trường lớp (minh họa)]
    subjective_causes: [một số đơn vị chậm hoàn thiện hồ sơ công nhận trường đạt chuẩn (minh họa)]
  directions: [tập trung hoàn thiện hồ sơ công nhận trường đạt chuẩn quốc gia (minh họa)]
  proposals: [đề nghị bố trí kinh phí sửa chữa trường lớp sau mưa bão (minh họa)]
"""
SEPTEMBER = """period: 2026-09
synthetic: true
tasks:
  III.1.a:
    phong_tchc:
      state: ongoing
      date: 2026-09-12
      results: Tuyên truyền Kế hoạch trên cổng thông tin của Sở (minh họa).
  III.4:
    phong_gdth_gdmn:
      state: in_progress
      date: 2026-09-11
      results: Hoàn thành tuyển sinh mầm non, lớp 1 năm học 2026-2027 (minh họa).
      difficulties: Thiếu phòng học mầm non ở một số xã (minh họa).
      directions: Rà soát, bổ sung phòng học mầm non (minh họa).
      proposals: Đề nghị bố trí kinh phí xây dựng phòng học (minh họa).
"""


def by_period(root: Path) -> Path:
    """The demo, reporting by quarter and by month, with figures of quarter III and progress of September 2026."""
    plan = Path(shutil.copytree(EXAMPLE_PLAN, root / "plan"))
    replace_in(plan / "plan.yaml", "    deadline: 10/11\n", QUARTERLY)
    replace_in(plan / "plan.yaml", "  - id: plan_report\n", MONTHLY_DUTY + "  - id: plan_report\n")
    (plan / "data" / "2026-Q3.yaml").write_text(Q3_FIGURES, encoding="utf-8")
    (plan / "data" / "2026-09.yaml").write_text(SEPTEMBER, encoding="utf-8")
    return plan


PERIOD_CASES = {
    # the department's report of quarter III: figures known at its end, its own words, the deadline of the quarter
    "bao-cao-2026-quy-iii.md": ["--period", "2026-Q3", "--date", "2026-09-18"],
    # a division's report of September to the coordinating division
    "bao-cao-2026-09-phong-gdth-gdmn.md": ["--period", "2026-09", "--date", "2026-09-11", "--unit", "phong_gdth_gdmn"],
}


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"thiếu {path}: chạy 'make golden'"
    assert text == path.read_text(encoding="utf-8"), f"{name} khác tệp mẫu; nếu thay đổi là cố ý, chạy 'make golden'"


FIXTURES = Path(__file__).parent / "fixtures" / "plans"
# golden name → (fixture plan, arguments): each reads right for its own bodies.
FIXTURE_CASES = {
    # UBND thành phố Huế's plan tracked by its Sở Du lịch: the report the Sở drafts is issued and signed
    # as the UBND ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), kept by the Sở ("Lưu: VT, DL.")
    "hue-188/bao-cao-2026.md": ("hue-188", ["--year", "2026", "--date", "2026-12-28"]),
    # a commune's People's Committee reporting to the Sở: "ỦY BAN NHÂN DÂN / XÃ KHE TRE", signed TM.
    "hue-188/bao-cao-2026-ubnd-xa-khe-tre.md": (
        "hue-188",
        ["--year", "2026", "--date", "2026-12-20", "--unit", "ubnd_xa_khe_tre"],
    ),
    # the Sở's working summary under its own header "UBND THÀNH PHỐ HUẾ / SỞ DU LỊCH"
    "hue-188/tong-hop-noi-bo-2026.md": ("hue-188", ["--year", "2026", "--date", "2026-12-26", "--internal"]),
    # a commune body's plan without vision and without an indicator table, in its last year
    "luongminh-16/bao-cao-2026.md": ("luongminh-16", ["--year", "2026", "--date", "2026-04-30"]),
    # a one-year plan: a commune's division drafts, the commune's People's Committee issues and signs
    "mot-nam/bao-cao-2026.md": ("mot-nam", ["--year", "2026", "--date", "2026-11-30"]),
    # a unit under the commune ("UBND XÃ … / TRƯỜNG …"), and the division's summary ("UBND XÃ … / PHÒNG …")
    "mot-nam/bao-cao-2026-truong-tieu-hoc.md": (
        "mot-nam",
        ["--year", "2026", "--date", "2026-11-19", "--unit", "truong_tieu_hoc"],
    ),
    "mot-nam/tong-hop-noi-bo-2026.md": ("mot-nam", ["--year", "2026", "--date", "2026-11-26", "--internal"]),
    # Hà Nội 308/KH-UBND: drafted by the Sở Khoa học và Công nghệ, issued and signed as the UBND of the city
    # ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), to the Cục Cảnh sát QLHC về TTXH (monthly in the plan)
    "hanoi-308/bao-cao-2025.md": ("hanoi-308", ["--year", "2025", "--date", "2025-12-19"]),
    # HCMC, plan attached to QĐ 2820/QĐ-UBND: the yearly report to the Bộ Tài chính the Sở Tài chính drafts for the
    # UBND (annex VI.3, "Hằng năm.", no day), place "Thành phố Hồ Chí Minh"
    "hcm-2820/bao-cao-2026.md": ("hcm-2820", ["--year", "2026", "--date", "2026-12-15"]),
    # Sơn La, plan attached to QĐ 2954/QĐ-UBND: the Sở Công Thương's own yearly report ("UBND TỈNH SƠN LA / SỞ CÔNG
    # THƯƠNG", "BC-SCT", GIÁM ĐỐC) to Tỉnh ủy, HĐND, UBND tỉnh; indicators from the body and both annexes
    "sonla-2954/bao-cao-2026.md": ("sonla-2954", ["--year", "2026", "--date", "2026-11-27"]),
    # a commune (outside the document, with its source) reporting to the Sở Công Thương
    "sonla-2954/bao-cao-2026-ubnd-xa-doan-ket.md": (
        "sonla-2954",
        ["--year", "2026", "--date", "2026-11-19", "--unit", "ubnd_xa_doan_ket"],
    ),
}
FIXTURE_WORD_CASES = {
    "hue-188/bao-cao-2026.docx.txt": ("hue-188", ["--year", "2026", "--date", "2026-12-28"]),
    "luongminh-16/bao-cao-2026.docx.txt": ("luongminh-16", ["--year", "2026", "--date", "2026-04-30"]),
    "mot-nam/bao-cao-2026.docx.txt": ("mot-nam", ["--year", "2026", "--date", "2026-11-30"]),
    "hanoi-308/bao-cao-2025.docx.txt": ("hanoi-308", ["--year", "2025", "--date", "2025-12-19"]),
    "hcm-2820/bao-cao-2026.docx.txt": ("hcm-2820", ["--year", "2026", "--date", "2026-12-15"]),
    "sonla-2954/bao-cao-2026.docx.txt": ("sonla-2954", ["--year", "2026", "--date", "2026-11-27"]),
}
# golden name → (fixture plan, arguments of ``kh68 status``): one reporting period of each plan that reports by
# month or quarter, seen on a fixed day (reports sent, late and missing; tasks overdue and due within 30 days).
FIXTURE_STATUS_CASES = {
    # monthly reports "trước ngày 15 hằng tháng" (units) and "trước ngày 20 hằng tháng" (to the Cục), seen on 20/12
    "hanoi-308/status-2025-12": ("hanoi-308", ["--period", "2025-12", "--today", "2025-12-20"]),
    # quarterly reports without a day ("định kỳ hằng quý"): no report is due; task I.1 (Quý IV/2025) overdue
    "hcm-2820/status-2026-Q4": ("hcm-2820", ["--period", "2026-Q4", "--today", "2026-12-10"]),
    # monthly reports (16th, 18th) and the year's (20/11, 30/11) in November; per-commune amounts summed
    "sonla-2954/status-2026-11": ("sonla-2954", ["--period", "2026-11", "--today", "2026-12-02"]),
}
STATUS_WIDTH = {"COLUMNS": "100"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown_matches_golden(name: str) -> None:
    _compare(name, invoke(["report", "--plan", EXAMPLE_PLAN, *CASES[name]], 0).stdout)


@pytest.mark.parametrize("name", sorted(WORD_CASES))
def test_word_text_and_structure_match_golden(name: str, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    invoke(["report", "--plan", EXAMPLE_PLAN, *WORD_CASES[name], "--format", "docx", "-o", out], 0)
    _compare(name, "\n".join(outline(out)) + "\n")


@pytest.mark.parametrize("name", sorted(PERIOD_CASES))
def test_markdown_of_a_periods_report_matches_golden(name: str, tmp_path: Path) -> None:
    _compare(name, invoke(["report", "--plan", by_period(tmp_path), *PERIOD_CASES[name]], 0).stdout)


@pytest.mark.parametrize("name", sorted(FIXTURE_CASES))
def test_markdown_of_fixture_plans_matches_golden(name: str) -> None:
    plan, args = FIXTURE_CASES[name]
    _compare(name, invoke(["report", "--plan", FIXTURES / plan, *args], 0).stdout)


@pytest.mark.parametrize("name", sorted(FIXTURE_WORD_CASES))
def test_word_text_of_fixture_plans_matches_golden(name: str, tmp_path: Path) -> None:
    plan, args = FIXTURE_WORD_CASES[name]
    out = tmp_path / "bao-cao.docx"
    invoke(["report", "--plan", FIXTURES / plan, *args, "--format", "docx", "-o", out], 0)
    _compare(name, "\n".join(outline(out)) + "\n")


@pytest.mark.parametrize("name", sorted(FIXTURE_STATUS_CASES))
def test_status_table_of_fixture_plans_matches_golden(name: str) -> None:
    plan, args = FIXTURE_STATUS_CASES[name]
    _compare(f"{name}.txt", invoke(["status", "--plan", FIXTURES / plan, *args], 0, env=STATUS_WIDTH).stdout)


@pytest.mark.parametrize("name", sorted(FIXTURE_STATUS_CASES))
def test_status_json_of_fixture_plans_matches_golden(name: str) -> None:
    plan, args = FIXTURE_STATUS_CASES[name]
    _compare(f"{name}.json", invoke(["status", "--plan", FIXTURES / plan, *args, "--format", "json"], 0).stdout)


def test_a_year_report_says_which_part_of_the_year_a_figure_without_its_years_target_is(tmp_path: Path) -> None:
    """Quarter III's 70,2% of 6.8 (no target for 2026, only 2030's) in the report of the year 2026: not the year's
    result, as nothing in the annex or the body said."""
    plan = by_period(tmp_path)
    replace_in(plan / "data" / "2026-Q3.yaml", '  "6.5":\n', '  "6.8":\n    value: 70,2\n  "6.5":\n')
    text = invoke(["report", "--plan", plan, "--year", "2026", "--date", "2026-11-10"], 0).stdout
    row = next(line for line in text.splitlines() if line.startswith("| 6.8 |"))
    assert row.split(" | ")[4] == "70,2% (số liệu quý III/2026)"
    assert "đạt 70,2% (số liệu quý III/2026)" in next(line for line in text.splitlines() if "Chỉ tiêu 6.8 (" in line)


def test_what_units_proposed_is_the_material_of_the_parts_the_department_has_not_written(tmp_path: Path) -> None:
    """A unit's directions and proposals reached no report of the department (its difficulties did, in the
    placeholder of section III): each placeholder now carries what the units said of its part."""
    plan = by_period(tmp_path)
    q3 = plan / "data" / "2026-Q3.yaml"
    replace_in(q3, "  directions: [tập trung hoàn thiện hồ sơ công nhận trường đạt chuẩn quốc gia (minh họa)]\n", "")
    replace_in(q3, "  proposals: [đề nghị bố trí kinh phí sửa chữa trường lớp sau mưa bão (minh họa)]\n", "")
    lines = invoke(["report", "--plan", plan, "--period", "2026-Q3", "--date", "2026-09-18"], 0).stdout.splitlines()
    unit = "Phòng Giáo dục Tiểu học - Giáo dục Mầm non (nhiệm vụ III.4)"
    assert [line for line in lines if "các đơn vị đã báo cáo" in line] == [
        (
            "**\\[Chưa có nội dung: phương hướng, nhiệm vụ quý IV năm 2026. Ghi vào mục report › directions của tệp "
            f"data/2026-Q3.yaml. Phương hướng các đơn vị đã báo cáo: {unit}: Rà soát, bổ sung phòng học mầm non (minh "
            "họa).\\]**"
        ),
        (
            "**\\[Chưa có nội dung: kiến nghị, đề xuất. Ghi vào mục report › proposals của tệp data/2026-Q3.yaml. Kiến "
            f"nghị, đề xuất các đơn vị đã báo cáo: {unit}: Đề nghị bố trí kinh phí xây dựng phòng học (minh họa).\\]**"
        ),
    ]


def test_a_provisional_figure_without_its_years_target_is_compared_with_nothing(example_copy: Path) -> None:
    """Đồng Tháp 556: 3 of 4 communes reported; the report said "tăng 105 ha so với năm 2025 … còn thấp hơn 95 ha,
    bình quân mỗi năm cần tăng …" of a sum the fourth would change. Here 6.2 of 2026 from 9 of 10 communes."""
    replace_in(example_copy / "data" / "2026.yaml", "      xa_mh_10: {numerator: 1056, denominator: 3300}\n", "")
    text = invoke(["report", "--plan", example_copy, "--year", "2026", "--date", "2026-11-10"], 0).stdout
    line = next(line for line in text.splitlines() if line.startswith("- Chỉ tiêu 6.2 ("))
    assert line == (
        "- Chỉ tiêu 6.2 (tỷ lệ huy động trẻ em nhà trẻ) đạt 33,71% (số liệu tạm tính, mới có 09/10 xã, phường, đặc "
        "khu báo cáo), chưa so sánh với năm trước và mục tiêu cuối kỳ;"
    )
    row = next(line for line in text.splitlines() if line.startswith("| 6.2 |"))
    assert row.split(" | ")[6] == "–"  # no distance to the final target of a provisional figure


def test_the_years_report_follows_the_yearly_duty_whatever_comes_first(example_copy: Path) -> None:
    """Đồng Tháp 556 (with a quarterly duty added before the yearly one): the year's report came out as the
    quarterly duty's, issued by the People's Committee ("TM. ỦY BAN NHÂN DÂN"), not the Sở's own yearly one."""
    quarterly = (
        "  - id: quarterly_to_province\n    section: IV.1\n    kind: plan_report\n    what: báo cáo hằng quý.\n"
        "    from_units: [phong_tchc]\n    to_units: [so_ldtbxh]\n    deadline: trước ngày 20 của tháng cuối quý\n"
        "    issued_as: ubnd_tinh\n"
    )
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", quarterly + "  - id: plan_report\n")
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert "| **GIÁM ĐỐC**" in text
    assert "TM. ỦY BAN NHÂN DÂN" not in text
    quarter = invoke(["report", "--plan", example_copy, "--period", "2025-Q3", "--date", "2025-09-18"], 0).stdout
    assert "**TM. ỦY BAN NHÂN DÂN**" in quarter  # the quarter's own duty, issued as the People's Committee


def test_a_result_only_a_coordinating_unit_reported_says_whose_it_is(example_copy: Path) -> None:
    """Đồng Tháp 556: a commune, a partner, reported on a task the Sở leads; the report printed its words as the
    task's result, naming no one."""
    replace_in(
        example_copy / "data" / "2025.yaml",
        "  III.1.a:\n    phong_tchc:\n",
        "  III.1.a:\n    cong_doan_nganh:\n",
    )
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    line = next(line for line in text.splitlines() if line.startswith("a) Tuyên truyền"))
    assert line.endswith(
        ": Công đoàn ngành Giáo dục tỉnh (đơn vị phối hợp): Tổ chức quán triệt, tuyên truyền kế hoạch đến các phòng, "
        "đơn vị, trường học (minh họa)."
    )
