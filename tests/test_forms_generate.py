"""``kh68 form``: one workbook per unit, protected, validated, printable, the same bytes every time."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import EXAMPLE_PLAN, invoke

# Phòng TCHC receives the reports (it owes none to itself); the communes succeed the district offices.
FORMS_2025 = [
    "bao-cao-2025-phong-khtc.xlsx",
    "bao-cao-2025-phong-gdth-gdmn.xlsx",
    "bao-cao-2025-phong-gdtrh.xlsx",
    "bao-cao-2025-phong-qlcl-gdtx.xlsx",
    *(f"bao-cao-2025-xa-mh-{n:02d}.xlsx" for n in range(1, 11)),
]


def test_form_writes_one_workbook_per_expected_unit(tmp_path: Path) -> None:
    result = invoke(["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "-o", tmp_path / "out"], 0)
    assert result.output == (
        "SỐ LIỆU MINH HỌA: biểu mẫu lập từ kế hoạch mẫu, không dùng cho báo cáo thật.\n"
        "  bao-cao-2025-phong-khtc.xlsx — Phòng Kế hoạch - Tài chính: 0 chỉ tiêu, 8 nhiệm vụ\n"
        "  bao-cao-2025-phong-gdth-gdmn.xlsx — Phòng Giáo dục Tiểu học - Giáo dục Mầm non: 8 chỉ tiêu, 8 nhiệm vụ\n"
        "  bao-cao-2025-phong-gdtrh.xlsx — Phòng Giáo dục Trung học: 5 chỉ tiêu, 8 nhiệm vụ\n"
        "  bao-cao-2025-phong-qlcl-gdtx.xlsx — Phòng Quản lý chất lượng – Giáo dục thường xuyên: 5 chỉ tiêu, 8 nhiệm vụ\n"
        + "".join(
            f"  bao-cao-2025-xa-mh-{n:02d}.xlsx — UBND xã minh họa {n:02d}: 1 chỉ tiêu, 8 nhiệm vụ\n"
            for n in range(1, 11)
        )
        + f"Đã lập 14 biểu mẫu năm 2025 trong {(tmp_path / 'out').as_posix()}.\n"
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FORMS_2025)


def test_district_offices_get_forms_until_they_end(tmp_path: Path) -> None:
    invoke(["form", "--plan", EXAMPLE_PLAN, "--year", "2024", "-o", tmp_path], 0)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 16  # 4 divisions (not Phòng TCHC, which receives them) + 12 district offices
    assert "bao-cao-2024-pgd-cat-tien.xlsx" in names  # ends 30/11/2024, after the 05/11 deadline


def test_a_merged_away_unit_gets_no_form(tmp_path: Path) -> None:
    result = invoke(["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", "pgd_cat_tien", "-o", tmp_path], 1)
    assert result.output == (
        "kh68: lỗi: không lập biểu mẫu năm 2025 cho pgd_cat_tien: pgd_cat_tien đã sáp nhập vào pgd_da_huoai từ 01/12/2024\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_forms_never_land_in_the_plan(example_copy: Path) -> None:
    before = sorted(p.relative_to(example_copy) for p in example_copy.rglob("*"))
    result = invoke(["form", "--plan", example_copy, "--year", "2025", "-o", example_copy / "data"], 2)
    out = (
        example_copy / "data" / "bao-cao-2025-phong-khtc.xlsx"
    ).as_posix()  # the first form: Phòng TCHC receives, owes none
    assert result.output == (
        f"kh68: lỗi: không ghi ra {out}: đường dẫn nằm trong thư mục kế hoạch {example_copy.as_posix()} "
        "(tệp đầu ra không được ghi đè tệp của kế hoạch); chọn chỗ khác, không ghi gì\n"
    )
    assert sorted(p.relative_to(example_copy) for p in example_copy.rglob("*")) == before


def _workbook(tmp_path: Path, unit: str = "phong_gdth_gdmn") -> openpyxl.Workbook:
    invoke(["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", unit, "-o", tmp_path], 0)
    return openpyxl.load_workbook(tmp_path / f"bao-cao-2025-{unit.replace('_', '-')}.xlsx")


def test_sheets_metadata_and_protection(tmp_path: Path) -> None:
    wb = _workbook(tmp_path)
    assert wb.sheetnames == ["Hướng dẫn", "Chỉ tiêu", "Nhiệm vụ", "kh68"]
    meta = wb["kh68"]
    assert meta.sheet_state == "veryHidden"
    assert meta.protection.sheet
    assert [meta.cell(r, 1).value for r in range(1, 8)] == [
        "plan",
        "plan_label",
        "year",
        "unit",
        "version",
        "fingerprint",
        "made",
    ]
    assert meta["C8"].value is not None
    assert meta["B8"].value == "chỉ tiêu 6.1"
    assert (meta["B3"].value, meta["B4"].value, meta["B5"].value) == ("2025", "phong_gdth_gdmn", "2")
    assert meta["B6"].value.startswith("sha256:")
    assert meta["B7"].value == "2024-01-01"  # the plan has no date: 1 January of its year
    assert wb.security.lockStructure
    for name in ("Hướng dẫn", "Chỉ tiêu", "Nhiệm vụ"):
        assert wb[name].protection.sheet, name


def test_indicator_sheet_inputs_validation_and_print(tmp_path: Path) -> None:
    ws = _workbook(tmp_path)["Chỉ tiêu"]
    headers = [ws.cell(6, c).value for c in range(1, 15)]
    assert headers == [
        "Mã chỉ tiêu",
        "Tên chỉ tiêu",
        "Đơn vị tính",
        "Chỉ tiêu năm 2025 theo kế hoạch",
        "Năm 2024 (tham khảo)",
        "Cách báo cáo",
        "Giá trị",
        "Tử số",
        "Mẫu số",
        "Đạt chuẩn",
        "Trạng thái",
        "Số văn bản nguồn",
        "Ngày văn bản",
        "Ghi chú",
    ]
    # Row 9 is 6.3 (value 95 in 2025; 94,6% in 2024): only the value, source and note are open.
    assert [ws.cell(9, c).value for c in range(1, 7)] == [
        "6.3",
        "Tỷ lệ huy động trẻ em mẫu giáo",
        "%",
        "95",
        "94,6%",
        "Ghi giá trị",
    ]
    open_cells = [ws.cell(9, c).column_letter for c in range(1, 15) if not ws.cell(9, c).protection.locked]
    assert open_cells == ["G", "L", "M", "N"]
    # 6.1 takes a value and a state (its 2025 target is a milestone).
    assert [ws.cell(7, c).column_letter for c in range(1, 15) if not ws.cell(7, c).protection.locked] == [
        "G",
        "K",
        "L",
        "M",
        "N",
    ]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    # Values and dates are text cells: Excel keeps "99,5" and "04/11/2025" as typed, in any locale.
    percent = rules["G7 G8 G9 G10 G11 G12 G13 G14"]
    assert (percent.type, percent.showErrorMessage, percent.prompt) == (
        None,
        False,
        "Ghi số từ 0 đến 100, ví dụ 95,4 hoặc 95.4.",
    )
    dated = rules["M7 M8 M9 M10 M11 M12 M13 M14"]
    assert (dated.type, dated.prompt) == (None, "Ghi ngày/tháng/năm, ví dụ 04/11/2025.")
    assert [ws[f"{c}9"].number_format for c in "GLMN"] == ["@", "General", "@", "General"]  # free text: General
    state = next(dv for dv in rules.values() if dv.type == "list")
    assert state.formula1 == '"Chưa triển khai,Đang triển khai,Hoàn thành,Thực hiện thường xuyên"'
    assert ws.freeze_panes == "C7"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$6:$6"
    assert ws.column_dimensions["B"].width == 42
    assert ws["B7"].alignment.wrap_text


def test_task_sheet_has_the_sent_date_and_state_lists(tmp_path: Path) -> None:
    ws = _workbook(tmp_path)["Nhiệm vụ"]
    assert [ws[c].value for c in ("A4", "B4", "D4", "F4")] == [None, "Ngày gửi báo cáo: ngày", "tháng", "năm"]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    for cell, bounds, error in (
        ("C4", ("1", "31"), "Ô ngày nhận số từ 1 đến 31, ví dụ 4."),
        ("E4", ("1", "12"), "Ô tháng nhận số từ 1 đến 12, ví dụ 11."),
        ("G4", ("2025", "2030"), "Ô năm nhận năm từ 2025 đến 2030, ví dụ 2025."),
    ):
        assert not ws[cell].protection.locked
        assert ws[cell].number_format == "General"
        rule = rules[cell]
        assert (rule.type, rule.errorStyle, (rule.formula1, rule.formula2), rule.error) == (
            "whole",
            "stop",
            bounds,
            error,
        )
    assert [ws.cell(6, c).value for c in range(1, 10)] == [
        "Mã nhiệm vụ",
        "Tên nhiệm vụ",
        "Vai trò của đơn vị",
        "Thời gian thực hiện",
        "Trạng thái",
        "Kết quả đạt được",
        "Khó khăn, vướng mắc và nguyên nhân",
        "Phương hướng năm tiếp theo",
        "Kiến nghị, đề xuất",
    ]
    assert (ws["A7"].value, ws["C7"].value) == ("III.1.a", "Chủ trì")
    counts = next(dv for dv in ws.data_validations.dataValidation if dv.type == "list")
    assert "E7" in str(counts.sqref)


def test_guide_says_deadline_recipient_and_number_form(tmp_path: Path) -> None:
    ws = _workbook(tmp_path)["Hướng dẫn"]
    lines = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert ws["A2"].value == "SỐ LIỆU MINH HỌA: biểu mẫu lập từ kế hoạch mẫu, không dùng cho báo cáo thật."
    assert lines["Hạn gửi"] == "Chậm nhất ngày 05/11/2025 (kế hoạch ghi: 05/11)"  # 05/11 is in time, as status says
    assert lines["Gửi đến"] == "Phòng Tổ chức hành chính Sở GDĐT"
    assert lines["Cách viết số"] == (
        "Số thập phân ghi bằng dấu phẩy hoặc dấu chấm, ví dụ 99,5 hoặc 99.5; tỷ lệ có thể kèm dấu %, ví dụ 99,5%."
    )
    assert lines["Cách viết ngày"] == "Ngày văn bản ghi ngày/tháng/năm, ví dụ 04/11/2025."


def test_plan_text_is_never_a_formula(example_copy: Path, tmp_path: Path) -> None:
    from tests.conftest import replace_in

    replace_in(example_copy / "indicators.yaml", "name: Tỷ lệ huy động trẻ em mẫu giáo", 'name: "=HYPERLINK(1)"')
    invoke(["form", "--plan", example_copy, "--year", "2025", "--unit", "phong_gdth_gdmn", "-o", tmp_path], 0)
    ws = openpyxl.load_workbook(tmp_path / "bao-cao-2025-phong-gdth-gdmn.xlsx")["Chỉ tiêu"]
    assert (ws["B9"].value, ws["B9"].data_type) == ("=HYPERLINK(1)", "s")


def _generate_in_process(out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "kh68", "form", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "-o", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


@pytest.mark.slow  # two interpreters, each building every form
def test_two_processes_write_the_same_bytes(tmp_path: Path) -> None:
    _generate_in_process(tmp_path / "a")
    time.sleep(1.1)  # a different second: nothing may depend on the clock
    _generate_in_process(tmp_path / "b")
    for name in FORMS_2025:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_form_is_the_same_bytes_wherever_the_plan_is(example_copy: Path, tmp_path: Path) -> None:
    """(tests/formtools.make_form makes each form once per process by the plan's files, not its path.)"""
    made = []
    for plan, out in ((EXAMPLE_PLAN, tmp_path / "a"), (example_copy, tmp_path / "b")):
        invoke(["form", "--plan", plan, "--year", "2025", "--unit", "phong_gdth_gdmn", "-o", out], 0)
        made.append((out / "bao-cao-2025-phong-gdth-gdmn.xlsx").read_bytes())
    assert made[0] == made[1]


def test_generation_costs_little_more_than_a_bare_workbook() -> None:
    """A form costs at most 4 times openpyxl saving a bare workbook of as many cells (40 ms here, idle)."""
    import io
    from datetime import date

    from openpyxl import Workbook

    from kh68.entry.forms.expected import form_for
    from kh68.entry.forms.generate import form_bytes
    from kh68.lint.check import load_plan

    spec = form_for(load_plan(EXAMPLE_PLAN), 2025, "phong_gdth_gdmn")

    def bare() -> None:
        wb = Workbook()
        for name in ("a", "b", "c"):
            ws = wb.create_sheet(name)
            for r in range(1, 16):
                for c in range(1, 15):
                    ws.cell(r, c, "x")
        wb.save(io.BytesIO())

    def best(action) -> float:
        times = []
        for _ in range(5):
            start = time.process_time()  # CPU time: the other processes of a loaded machine do not count
            for _ in range(5):
                action()
            times.append(time.process_time() - start)
        return min(times)

    form = best(lambda: form_bytes(spec, date(2024, 1, 1)))
    assert form < 4 * best(bare), form / 5


@pytest.mark.parametrize("year", [2019, 2031])
def test_form_year_outside_the_plan_period(tmp_path: Path, year: int) -> None:
    result = invoke(["form", "--plan", EXAMPLE_PLAN, "--year", str(year), "-o", tmp_path], 2)
    assert result.output == f"kh68: lỗi: năm {year} nằm ngoài thời kỳ kế hoạch (2024–2030)\n"


def test_forms_are_created_readable_like_any_new_file(tmp_path: Path) -> None:
    import os
    import stat

    invoke(["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", "phong_gdtrh", "-o", tmp_path], 0)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((tmp_path / "bao-cao-2025-phong-gdtrh.xlsx").stat().st_mode) == 0o666 & ~mask


@pytest.mark.slow  # a pool of worker processes
def test_many_forms_built_by_workers_are_the_same_bytes() -> None:
    from datetime import date

    from kh68.entry.forms import files
    from kh68.entry.forms.expected import expected_units, form_for
    from kh68.entry.forms.generate import form_bytes
    from kh68.lint.check import load_plan

    plan = load_plan(EXAMPLE_PLAN)
    specs = [form_for(plan, 2024, unit) for unit in expected_units(plan, 2024)] * 3
    assert len(specs) >= files.PARALLEL_FROM
    built = list(files._build(specs, date(2024, 1, 1)))
    assert built == [form_bytes(spec, date(2024, 1, 1)) for spec in specs]


def test_a_form_already_in_the_folder_that_differs_is_never_written_over_unasked(tmp_path: Path) -> None:
    """A unit's filled form saved back into the forms folder: `kh68 form` again wrote over it (its figures lost)."""
    units = ["--unit", "phong_gdth_gdmn", "--unit", "phong_gdtrh"]
    args = ["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "-o", tmp_path, *units]
    invoke(args, 0)
    filled = tmp_path / "bao-cao-2025-phong-gdth-gdmn.xlsx"
    filled.write_bytes(filled.read_bytes() + b"filled")
    others = {p: p.stat().st_mtime_ns for p in tmp_path.iterdir() if p != filled}
    assert invoke(args, 1).output == (
        f"kh68: lỗi: {tmp_path.as_posix()} đã có bao-cao-2025-phong-gdth-gdmn.xlsx khác biểu mẫu sắp lập (có thể là "
        "biểu mẫu đơn vị đã điền và gửi lại): không ghi đè, không lập tệp nào; chọn thư mục khác (-o) hoặc dùng "
        "--force để lập lại\n"
    )
    assert filled.read_bytes().endswith(b"filled")
    assert {p: p.stat().st_mtime_ns for p in tmp_path.iterdir() if p != filled} == others
    invoke([*args, "--force"], 0)
    assert not filled.read_bytes().endswith(b"filled")


def test_forms_are_written_all_or_none(tmp_path: Path) -> None:
    """A hostile probe: a size limit (or a full disk) at one form left the forms before it written and said "không ghi
    gì"; with --force over a folder of forms, old and new were mixed."""
    args = ["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "-o", tmp_path]
    invoke(args, 0)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for path in tmp_path.iterdir():
        path.write_bytes(b"old " + path.name.encode())
    stuck = tmp_path / "bao-cao-2025-xa-mh-05.xlsx"
    stuck.chmod(0o444)
    try:
        out = invoke([*args, "--force"], 1).output
    finally:
        stuck.chmod(0o644)
    assert out.startswith(
        f"kh68: lỗi: tệp {stuck.as_posix()} chỉ đọc; không ghi gì (các tệp khác cũng giữ nguyên: "
        f"{(tmp_path / 'bao-cao-2025-phong-khtc.xlsx').as_posix()}, "
    )
    assert out.endswith(", … và 8 tệp khác)\n")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {n: b"old " + n.encode() for n in before}


def test_no_form_for_the_body_the_forms_go_back_to(tmp_path: Path) -> None:
    """Đồng Tháp 556: a form of the Sở itself said "Gửi đến: Sở Nông nghiệp và Môi trường", and was imported as
    a report received; as the unit's report is, it is refused, naming it."""
    args = ["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", "phong_tchc", "-o", tmp_path / "f"]
    assert invoke(args, 1).output == (
        "kh68: lỗi: không lập biểu mẫu năm 2025 cho phong_tchc: Phòng Tổ chức hành chính Sở GDĐT là nơi nhận báo cáo "
        "của các đơn vị, không gửi báo cáo cho chính mình\n"
    )
    assert not (tmp_path / "f").exists()


@pytest.mark.parametrize(
    ("unit", "why"),
    [
        ("ubnd_tinh", "Ủy ban nhân dân tỉnh Lâm Đồng là nơi nhận báo cáo của Kế hoạch"),
        (
            "so_gddt",
            (
                "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng là cơ quan ban hành hoặc theo dõi Kế hoạch, báo cáo bằng báo cáo chung "
                "của Kế hoạch"
            ),
        ),
        (
            "cac_don_vi_truong_hoc",
            (
                "Các đơn vị, trường học là nhiều đơn vị chung một tên, kế hoạch không ghi thành viên (members): ghi các "
                "đơn vị vào members"
            ),
        ),
        (
            "cac_phong_thuoc_so",
            (
                "Các phòng thuộc Sở GDĐT là nhiều đơn vị chung một tên: mỗi thành viên có biểu mẫu riêng (--unit "
                "phong_tchc, …: phong_tchc, phong_khtc, phong_gdth_gdmn, phong_gdtrh, phong_qlcl_gdtx), hoặc bỏ --unit "
                "để lập biểu mẫu cho mọi đơn vị"
            ),
        ),
    ],
)
def test_no_form_for_a_body_that_sends_no_unit_report(tmp_path: Path, unit: str, why: str) -> None:
    """The province, the Sở itself, "Các đơn vị, trường học": their forms were made (and a group's imported)."""
    args = ["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", unit, "-o", tmp_path / "f"]
    assert invoke(args, 1).output == f"kh68: lỗi: không lập biểu mẫu năm 2025 cho {unit}: {why}\n"
    assert not (tmp_path / "f").exists()


def test_a_unit_named_twice_has_one_form(tmp_path: Path) -> None:
    """`--unit phong_khtc --unit "Phòng Kế hoạch - Tài chính"` listed one file twice and said "Đã lập 2 biểu mẫu"."""
    args = ["form", "--plan", EXAMPLE_PLAN, "--year", "2025", "-o", tmp_path, "--unit", "phong_khtc"]
    out = invoke([*args, "--unit", "Phòng Kế hoạch - Tài chính"], 0).output
    assert out.splitlines()[1:] == [
        "  bao-cao-2025-phong-khtc.xlsx — Phòng Kế hoạch - Tài chính: 0 chỉ tiêu, 8 nhiệm vụ",
        f"Đã lập 1 biểu mẫu năm 2025 trong {tmp_path.as_posix()}.",
    ]


def test_a_form_cites_the_plan_by_its_day_when_the_plan_has_one() -> None:
    """Đồng Tháp 556: forms said "Kế hoạch số 556/KH-UBND năm 2025" of a plan dated 19/11/2025."""
    from kh68.entry.forms.layout import plan_label
    from kh68.lint.check import load_plan

    sonla = load_plan(EXAMPLE_PLAN.parent.parent / "tests" / "fixtures" / "plans" / "sonla-2954")
    assert plan_label(sonla) == (
        "Kế hoạch ban hành kèm theo Quyết định số 2954/QĐ-UBND ngày 20/11/2025 của Ủy ban nhân dân tỉnh Sơn La"
    )
    assert plan_label(load_plan(EXAMPLE_PLAN)).endswith(" năm 2024 của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng")


def test_units_that_lead_an_indicator_and_are_named_its_reporters_are_asked_their_share(example_copy: Path) -> None:
    """Bắc Ninh 144: two leads of one rate each asked the province-wide figure, and their forms contradicted each
    other; named as reporters, each sends its own numerator and denominator. A lead not named sends the whole."""
    from kh68.entry.forms.expected import form_for
    from kh68.entry.forms.layout import Scope
    from kh68.lint.check import load_plan

    path = example_copy / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    lead = "    responsible_units: [phong_qlcl_gdtx, phong_gdth_gdmn]\n    responsible_text: Phòng QLCL-GDTX và GDTH-GDMN\n"
    assert text.count(lead) == 1
    path.write_text(text.replace(lead, lead + "    reporters:\n      units: [phong_qlcl_gdtx]\n"), encoding="utf-8")
    plan = load_plan(example_copy)

    def row(unit: str) -> tuple[object, tuple[str, ...]]:
        [found] = [r for r in form_for(plan, 2026, unit).indicators if r.indicator_id == "6.5"]
        return found.scope, found.inputs

    assert row("phong_qlcl_gdtx") == (Scope.UNIT, ("numerator", "denominator"))
    assert row("phong_gdth_gdmn") == (Scope.PROVINCE, ("value",))
