"""``kh68 import``: filled forms (Excel, LibreOffice, openpyxl) and tidy CSVs back into the data files."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from tests.conftest import invoke, replace_in
from tests.formtools import FORM, UNIT, fill, make_form, sent, snapshot, with_cached_formula

from tools import require

DATA = "data/2025.yaml"
DATA_2026 = "data/2026.yaml"


def _as_a_user_fills(path: Path) -> Path:
    """Typed numbers, text numbers, a %-formatted number, a cached formula result, dates both ways."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Chỉ tiêu"]
    ws["K7"] = "Đang triển khai"  # 6.1: a state from the list
    ws["G8"] = "32,5"  # 6.2: a number typed as text with a decimal comma
    ws["G9"] = 95.4  # 6.3: a real number …
    ws["L9"] = "15/BC-PGDTH"
    ws["M9"] = datetime(2025, 10, 13)  # … its source document dated as a date (pasted; a 13th is never swapped)
    ws["G10"] = 0.9962  # 6.4: typed as 99,62% in a cell formatted as percent
    ws["G10"].number_format = "0.00%"
    ws["G11"] = 60.2  # 6.5: becomes a formula with its cached result below
    ws["M11"] = "04/11/2025"  # a date typed as text
    ws["L11"] = "16/BC-PGDTH"
    tasks = wb["Nhiệm vụ"]
    tasks["C4"], tasks["E4"], tasks["G4"] = "07", "11", "2025"  # typed as text: still whole numbers
    tasks["E7"] = "Thực hiện thường xuyên"
    tasks["F7"] = "Tuyên truyền kế hoạch đến 100% trường mầm non (minh họa)."
    tasks["G7"] = "Thiếu kinh phí in tài liệu (minh họa)."
    wb.save(path)
    return with_cached_formula(path, "sheet2.xml", "G11", "50.2+10")


IMPORTED_LINES = [
    "    value: 32.5\n",
    "    value: 95,4\n    source: {document: 15/BC-PGDTH, date: 2025-10-13, unit: phong_gdth_gdmn}\n",  # 95,4 was there
    "    value: 99.62\n",
    "    value: 60.2\n",
    "forms:\n  phong_gdth_gdmn:\n    received: 2025-11-07\n    date_source: form\n    version: 2\n",
]


@pytest.fixture
def filled(example_copy: Path, tmp_path: Path) -> Path:
    return _as_a_user_fills(make_form(example_copy, tmp_path / "forms"))


def test_round_trip_as_a_user_fills(example_copy: Path, filled: Path) -> None:
    result = invoke(["import", "--plan", example_copy, filled], 1)
    # 6.3's and 6.4's existing values and sources differ: listed as conflicts, nothing written.
    assert result.output.splitlines()[0] == f"{FORM}: bị từ chối, không ghi gì từ tệp này"
    assert (
        "kh68: lỗi: bao-cao-2025-phong-gdth-gdmn.xlsx › Chỉ tiêu › G10: chỉ tiêu 6.4 năm 2025 đã có value = 99,55; "
        "dùng --force để ghi đè bằng 99,62"
    ) in result.output
    before = snapshot(example_copy)
    assert before == snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, filled, "--force"], 0)
    assert result.output == (
        f"{FORM}: phong_gdth_gdmn năm 2025: 5 số liệu, 1 nhiệm vụ, gửi ngày 07/11/2025\n"
        f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; đã ghi {(example_copy / DATA).as_posix()}.\n"
    )
    text = (example_copy / DATA).read_text(encoding="utf-8")
    for line in IMPORTED_LINES:
        assert line in text, line
    assert "      results: Tuyên truyền kế hoạch đến 100% trường mầm non (minh họa).\n" in text
    invoke(["check", example_copy], 0)
    status = invoke(["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-08"], 0).output
    assert re.search(r"^6\.2 +Tỷ lệ huy động trẻ em +30-35% +32,5% ", status, re.M)  # the province figure, not 32,81
    assert re.search(r"^6\.4 +Tỷ lệ trẻ em mầm non +99,5% +99,62% ", status, re.M)
    assert re.search(r"^6\.5 +Tỷ lệ trường mầm non +60% +60,2% ", status, re.M)  # the cached formula result
    assert "  • Phòng Giáo dục Tiểu học - Giáo dục Mầm non: gửi muộn ngày 07/11/2025\n" in status


def test_receipt_on_time_is_a_report_on_time(example_copy: Path, tmp_path: Path) -> None:
    from kh68.lint.check import load_plan
    from kh68.tracking.tasks import deadlines

    path = make_form(example_copy, tmp_path, "phong_gdtrh")
    fill(path, {("Chỉ tiêu", "G9"): "99,1", **sent(4, 11)})  # 6.11
    invoke(["import", "--plan", example_copy, path], 0)
    plan = load_plan(example_copy)
    report = next(d for d in deadlines(plan, 2025, date(2025, 11, 6)) if d.duty.kind == "unit_report")
    units = {u.unit_id: u for u in report.units}
    assert (units["phong_gdtrh"].reported, units["phong_gdtrh"].on, units["phong_gdtrh"].late) == (
        True,
        date(2025, 11, 5),  # its progress on III.4 is dated 05/11, later than the form
        False,
    )
    assert plan.data[2025].forms["phong_gdtrh"].received == date(2025, 11, 4)


def test_importing_twice_changes_nothing(example_copy: Path, filled: Path) -> None:
    invoke(["import", "--plan", example_copy, filled, "--force"], 0)
    written = snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, filled], 0)
    assert result.output.endswith("Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; không có gì thay đổi.\n")
    assert snapshot(example_copy) == written


def test_dry_run_prints_exactly_what_would_be_written(example_copy: Path, filled: Path) -> None:
    import difflib

    before = snapshot(example_copy)
    dry = invoke(["import", "--plan", example_copy, filled, "--force", "--dry-run"], 0).output
    assert snapshot(example_copy) == before
    invoke(["import", "--plan", example_copy, filled, "--force"], 0)
    name = (example_copy / DATA).as_posix()
    diff = difflib.unified_diff(
        before[DATA].decode("utf-8").splitlines(keepends=True),
        (example_copy / DATA).read_text(encoding="utf-8").splitlines(keepends=True),
        name,
        name,
    )
    assert dry == (
        f"{FORM}: phong_gdth_gdmn năm 2025: 5 số liệu, 1 nhiệm vụ, gửi ngày 07/11/2025\n"
        + "".join(diff)
        + f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; chạy thử, chưa ghi {name}.\n"
    )


def test_dry_run_of_a_crlf_file_shows_its_lines_without_their_ends(example_copy: Path, filled: Path) -> None:
    """A Windows user's probe: every line of the dry run's diff of a CRLF data file ended with a literal "\\x0d"."""
    path = example_copy / DATA
    args = ["import", "--plan", example_copy, filled, "--force", "--dry-run"]
    as_lf = invoke(args, 0).output
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert invoke(args, 0).output == as_lf  # the same lines changed, said the same way
    assert "\n+" in as_lf


def test_a_batch_writes_each_data_file_once(example_copy: Path, tmp_path: Path, monkeypatch) -> None:
    import kh68.entry.edits

    forms = tmp_path / "forms"
    invoke(["form", "--plan", example_copy, "--year", "2025", "-o", forms], 0)
    for index, path in enumerate(sorted(forms.iterdir())):
        fill(path, sent(index + 1, 11))
    writes: list[Path] = []
    real = kh68.entry.edits.atomic_write_all

    def counting(batch: list[tuple[Path, bytes, bytes | None]]) -> None:
        writes.extend(path for path, _, _ in batch)
        real(batch)

    monkeypatch.setattr(kh68.entry.edits, "atomic_write_all", counting)
    result = invoke(["import", "--plan", example_copy, forms], 0)
    assert result.output.endswith(
        f"Nhập 14 tệp: 14 tệp được nhận, 0 tệp bị từ chối; đã ghi {(example_copy / DATA).as_posix()}.\n"
    )
    assert writes == [example_copy / DATA]
    text = (example_copy / DATA).read_text(encoding="utf-8")
    assert text.count("    received: 2025-11-") == 14  # 4 divisions and the 10 communes


def test_a_bad_file_in_a_batch_leaves_the_others_written(example_copy: Path, tmp_path: Path) -> None:
    forms = tmp_path / "forms"
    good = fill(make_form(example_copy, forms, "phong_gdtrh"), sent(4, 11))
    bad = fill(make_form(example_copy, forms, "phong_khtc"), {("Nhiệm vụ", "E7"): "Xong", **sent(4, 11)})
    result = invoke(["import", "--plan", example_copy, good, bad], 1)
    assert result.output == (
        "bao-cao-2025-phong-gdtrh.xlsx: phong_gdtrh năm 2025: 0 số liệu, 0 nhiệm vụ, gửi ngày 04/11/2025\n"
        "bao-cao-2025-phong-khtc.xlsx: bị từ chối, không ghi gì từ tệp này\n"
        "kh68: lỗi: bao-cao-2025-phong-khtc.xlsx › Nhiệm vụ › E7 (nhiệm vụ III.1.a): 'Xong' không phải là trạng "
        "thái; chọn một trong: Chưa triển khai; Đang triển khai; Hoàn thành; Thực hiện thường xuyên\n"
        f"Nhập 2 tệp: 1 tệp được nhận, 1 tệp bị từ chối; đã ghi {(example_copy / DATA).as_posix()}.\n"
    )
    text = (example_copy / DATA).read_text(encoding="utf-8")
    assert "  phong_gdtrh:\n    received: 2025-11-04\n" in text
    assert "phong_khtc:\n    received" not in text


def test_the_same_unit_twice_in_a_batch(example_copy: Path, tmp_path: Path) -> None:
    first = fill(make_form(example_copy, tmp_path / "a", "phong_gdtrh"), sent(4, 11))
    second = tmp_path / "b" / "ban-sao.xlsx"
    second.parent.mkdir()
    shutil.copy(first, second)
    before = snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, first, second], 1)
    # Both refused (a probe: the first one given was written, so the order of the files decided the unit's report)
    assert result.stderr.splitlines() == [
        "bao-cao-2025-phong-gdtrh.xlsx: bị từ chối, không ghi gì từ tệp này",
        (
            "kh68: lỗi: bao-cao-2025-phong-gdtrh.xlsx: cùng đơn vị phong_gdtrh năm 2025 với tệp ban-sao.xlsx trong lần "
            "nhập này; chỉ nhập một biểu mẫu cho mỗi đơn vị"
        ),
        "ban-sao.xlsx: bị từ chối, không ghi gì từ tệp này",
        (
            "kh68: lỗi: ban-sao.xlsx: cùng đơn vị phong_gdtrh năm 2025 với tệp bao-cao-2025-phong-gdtrh.xlsx trong lần "
            "nhập này; chỉ nhập một biểu mẫu cho mỗi đơn vị"
        ),
    ]
    assert result.stdout == "Nhập 2 tệp: 0 tệp được nhận, 2 tệp bị từ chối; không có gì thay đổi.\n"
    assert snapshot(example_copy) == before
    same_name = tmp_path / "c" / first.name
    same_name.parent.mkdir()
    shutil.copy(first, same_name)
    said = invoke(["import", "--plan", example_copy, first, same_name], 1).stderr.splitlines()[1]
    assert said == (
        f"kh68: lỗi: {first.as_posix()}: cùng đơn vị phong_gdtrh năm 2025 với tệp {same_name.as_posix()} trong lần "
        "nhập này; chỉ nhập một biểu mẫu cho mỗi đơn vị"
    )


def test_no_such_file(example_copy: Path, tmp_path: Path) -> None:
    result = invoke(["import", "--plan", example_copy, tmp_path / "khong-co.xlsx"], 2)
    assert result.output == f"kh68: lỗi: không có tệp hoặc thư mục '{(tmp_path / 'khong-co.xlsx').as_posix()}'\n"


# ------------------------------------------------------------ tidy CSV


def test_tidy_csv(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "xuat-tu-he-thong.csv"
    path.write_text(
        "indicator,year,unit,value,numerator,denominator,met,document,document_date,reported_by\n"
        "6.2,2024,pgd_da_lat,,2140,6210,,,,\n"
        '6.13,2025,,"81,2",,,,,,phong_gdtrh\n'
        "6.9,2024,pgd_dam_rong,,,,Đạt,QĐ 12/QĐ-UBND,20/10/2024,\n",
        encoding="utf-8",
    )
    result = invoke(["import", "--plan", example_copy, path, "--force"], 0)
    assert result.output == (
        "xuat-tu-he-thong.csv: 3 số liệu năm 2024, 2025\n"
        f"Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối; đã ghi {(example_copy / 'data/2024.yaml').as_posix()}, "
        f"{(example_copy / DATA).as_posix()}.\n"
    )
    text = (example_copy / "data/2024.yaml").read_text(encoding="utf-8")
    assert "      pgd_dam_rong: {met: true, source: {document: QĐ 12/QĐ-UBND, date: 2024-10-20}}\n" in text
    assert "unit: phong_gdtrh" in (example_copy / DATA).read_text(encoding="utf-8")


@pytest.mark.parametrize("sep", [";", "\t"])
def test_a_csv_separated_by_semicolons_or_tabs_is_read_the_same(example_copy: Path, tmp_path: Path, sep: str) -> None:
    """Excel's CSV in a European locale (";") and its "Text (Tab delimited)" (a Windows user's probe: a tab-separated
    header was one unknown column 'indicator\\tyear\\tunit…')."""
    path = tmp_path / "so-lieu.csv"
    rows = [["indicator", "year", "unit", "value"], ["6.13", "2025", "", "81,2"]]
    path.write_text("".join(sep.join(row) + "\n" for row in rows), encoding="utf-8")
    result = invoke(["import", "--plan", example_copy, path, "--force"], 0)
    assert result.output.startswith("so-lieu.csv: 1 số liệu năm 2025\n")
    assert '  "6.13":\n    value: 81,2\n' in (example_copy / DATA).read_text(encoding="utf-8")


def test_a_decimal_comma_that_split_a_figure_in_two_cells_reads_two_ways(example_copy: Path, tmp_path: Path) -> None:
    """A hostile probe: "76,5" unquoted in a file separated by commas was imported as 76, and 5 as the note."""
    path = tmp_path / "so-lieu.csv"
    path.write_text("indicator,year,unit,value,note\n6.8,2026,,76,5\n", encoding="utf-8")
    before = (example_copy / DATA).read_bytes()
    assert invoke(["import", "--plan", example_copy, path], 1).output == (
        "so-lieu.csv: bị từ chối, không ghi gì từ tệp này\n"
        "kh68: lỗi: so-lieu.csv › dòng 2: ô value '76' rồi ô note '5' đọc được hai cách: số 76,5 bị dấu phẩy tách làm "
        "hai ô, hoặc value 76 với note '5'; ghi số thập phân trong dấu nháy (\"76,5\") hoặc dùng dấu chấm phẩy (;) để "
        "phân cách các cột\n"
        "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"
    )
    assert (example_copy / DATA).read_bytes() == before
    path.write_text('indicator,year,unit,value,note\n6.8,2026,,"76,5",5 trường chưa báo cáo\n', encoding="utf-8")
    invoke(["import", "--plan", example_copy, path, "--dry-run"], 0)
    # every cell quoted (a review: it was refused and told to quote): the two cells were typed as two
    path.write_text('"indicator","year","unit","value","note"\n"6.8","2026","","76","5"\n', encoding="utf-8")
    invoke(["import", "--plan", example_copy, path, "--dry-run"], 0)


def test_tidy_csv_is_checked_like_a_form(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "sai.csv"
    path.write_text(
        "indicator;year;unit;value;numerator;denominator\n"
        "6.2;2025;pgd_cat_tien;;10;20\n"
        "6.2;2024;pgd_da_lat;;30;20\n"
        "6.3;2025;;101\n"
        "6.99;2025;;50\n",
        encoding="utf-8",
    )
    before = snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, path], 1)
    assert result.output == (
        "sai.csv: bị từ chối, không ghi gì từ tệp này\n"
        "kh68: lỗi: sai.csv › dòng 2 › unit: đơn vị không còn báo cáo năm 2025: pgd_cat_tien đã sáp nhập vào "
        "pgd_da_huoai từ 01/12/2024\n"
        "kh68: lỗi: sai.csv › dòng 3 › numerator: tử số 30 lớn hơn mẫu số 20\n"
        "kh68: lỗi: sai.csv › dòng 4 › value: tỷ lệ phải từ 0 đến 100, thấy 101 (chỉ tiêu 6.3)\n"
        "kh68: lỗi: sai.csv › dòng 5 › indicator: không có chỉ tiêu '6.99'\n"
        "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"
    )
    assert snapshot(example_copy) == before


def test_an_excel_error_a_csv_holds_as_text_is_refused(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "loi.csv"
    path.write_text("indicator;year;unit;value;document;note\n6.3;2025;;95,4;#N/A;#div/0!\n", encoding="utf-8")
    before = snapshot(example_copy)
    assert invoke(["import", "--plan", example_copy, path], 1).output == (
        "loi.csv: bị từ chối, không ghi gì từ tệp này\n"
        "kh68: lỗi: loi.csv › dòng 2 › document: ô có giá trị lỗi của Excel '#N/A'; ghi giá trị đúng hoặc để trống "
        "(chỉ tiêu 6.3)\n"
        "kh68: lỗi: loi.csv › dòng 2 › note: ô có giá trị lỗi của Excel '#div/0!'; ghi giá trị đúng hoặc để trống "
        "(chỉ tiêu 6.3)\n"
        "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"
    )
    assert snapshot(example_copy) == before


def test_a_character_excel_wrote_escaped_is_read_as_the_character(example_copy: Path, tmp_path: Path) -> None:
    """Excel and LibreOffice write a vertical tab (a line break pasted from Word) as ``_x000b_`` and a typed
    "_x000b_" as ``_x005F_x000b_``: each is read as what was typed, never as the escape; the vertical tab is written
    into the data file as the line break it is (no control character is written there)."""
    form = make_form(example_copy, tmp_path / "forms")
    state = {("Nhiệm vụ", "E7"): "Thực hiện thường xuyên", **sent(4, 11)}
    fill(form, {**state, ("Nhiệm vụ", "F7"): "dòng một_x000b_dòng hai, mã _x005F_x000b_"})
    invoke(["import", "--plan", example_copy, form, "--force"], 0)
    text = (example_copy / DATA).read_text(encoding="utf-8")
    assert '      results: "dòng một\\ndòng hai, mã _x000b_"\n' in text
    out = invoke(["report", "--plan", example_copy, "--year", "2025", "--unit", UNIT, "-o", "-"], 0).stdout
    assert "\nDòng một dòng hai, mã \\_x000b\\_.\n" in out  # the line break a space in its line; the typed text as is


def test_an_escape_of_a_character_no_text_can_hold_stays_as_written(example_copy: Path, tmp_path: Path) -> None:
    """``_xD800_`` (a lone surrogate) is no character: kept as its text, never written into the data file."""
    form = make_form(example_copy, tmp_path / "forms")
    fill(
        form, {("Nhiệm vụ", "E7"): "Thực hiện thường xuyên", **sent(4, 11), ("Nhiệm vụ", "F7"): "mã _xD800_ và _xFFFF_"}
    )
    invoke(["import", "--plan", example_copy, form, "--force"], 0)
    assert "      results: mã _xD800_ và _xFFFF_\n" in (example_copy / DATA).read_text(encoding="utf-8")


def test_two_files_of_a_batch_that_disagree_are_both_refused_naming_each_other(
    example_copy: Path, tmp_path: Path
) -> None:
    """Which holds the figure is for people to say, never the order of the names; the files that agree go in."""
    folder = tmp_path / "dot"
    folder.mkdir()
    for name, row in (("a.csv", '6.8,2025,"70"'), ("b.csv", '6.8,2025,"80"'), ("c.csv", '6.7,2025,"90"')):
        (folder / name).write_text(f"indicator,year,value\n{row}\n", encoding="utf-8")
    (folder / "d.csv").write_text('indicator,year,value\n6.7,2025,"90,0"\n', encoding="utf-8")  # the same as c
    result = invoke(["import", "--plan", example_copy, folder, "--force"], 1)
    again = "nhập lại chỉ tệp có số liệu đúng"
    assert result.stdout.splitlines() == [
        "c.csv: 1 số liệu năm 2025",
        "d.csv: 1 số liệu năm 2025",
        f"Nhập 4 tệp: 2 tệp được nhận, 2 tệp bị từ chối; đã ghi {(example_copy / DATA).as_posix()}.",
    ]
    assert result.stderr.splitlines() == [
        "a.csv: bị từ chối, không ghi gì từ tệp này",
        (
            f"kh68: lỗi: a.csv › dòng 2: chỉ tiêu 6.8 năm 2025, value: 70, còn tệp b.csv › dòng 2 trong lần nhập này "
            f"ghi 80; {again}"
        ),
        "b.csv: bị từ chối, không ghi gì từ tệp này",
        (
            f"kh68: lỗi: b.csv › dòng 2: chỉ tiêu 6.8 năm 2025, value: 80, còn tệp a.csv › dòng 2 trong lần nhập này "
            f"ghi 70; {again}"
        ),
    ]
    assert '  "6.8":\n    value: 70' not in (example_copy / DATA).read_text(encoding="utf-8")


def test_a_rate_in_a_csv_of_an_indicator_not_in_percent_is_refused(example_copy: Path, tmp_path: Path) -> None:
    """ "50%" of an indicator counted in children is not 50 children: the sign is never dropped."""
    path = example_copy / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('tiếp cận giáo dục\n    unit: "%"\n', "tiếp cận giáo dục\n    unit: trẻ\n", 1), "utf-8"
    )
    csv = tmp_path / "ty-le.csv"
    csv.write_text('indicator,year,value\n6.13,2025,"50%"\n', encoding="utf-8")
    before = snapshot(example_copy)
    assert invoke(["import", "--plan", example_copy, csv], 1).output == (
        "ty-le.csv: bị từ chối, không ghi gì từ tệp này\n"
        "kh68: lỗi: ty-le.csv › dòng 2 › value: '50%': chỉ tiêu này tính bằng trẻ, không phải %; ghi số không kèm % "
        "(chỉ tiêu 6.13)\n"
        "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"
    )
    assert snapshot(example_copy) == before


# ------------------------------------------------------------ LibreOffice


@pytest.mark.slow
@pytest.mark.needs("calc")
def test_a_form_saved_by_libreoffice_imports(example_copy: Path, filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "lo"
    subprocess.run(
        [
            require("calc").program,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(filled),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    saved = out / FORM
    assert saved.read_bytes() != filled.read_bytes()
    result = invoke(["import", "--plan", example_copy, saved, "--force"], 0)
    assert result.output.startswith(f"{FORM}: phong_gdth_gdmn năm 2025: 5 số liệu, 1 nhiệm vụ, gửi ngày 07/11/2025\n")
    text = (example_copy / DATA).read_text(encoding="utf-8")
    for line in IMPORTED_LINES:
        assert line in text, line
    status = invoke(["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-08"], 0).output
    assert "  • Phòng Giáo dục Tiểu học - Giáo dục Mầm non: gửi muộn ngày 07/11/2025\n" in status


def test_a_batch_that_cannot_write_one_data_file_writes_none(example_copy: Path, tmp_path: Path) -> None:
    data = example_copy / "data"
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    (data / "2026.yaml").chmod(0o444)
    csv = tmp_path / "so-lieu.csv"
    csv.write_text('indicator,year,value\n6.8,2025,"76,5"\n6.8,2026,"77,5"\n', encoding="utf-8")
    result = invoke(["import", "--plan", example_copy, csv], 1)
    assert result.stderr.endswith(
        f"kh68: lỗi: tệp {(data / '2026.yaml').as_posix()} chỉ đọc; không ghi gì (các tệp khác cũng giữ nguyên: "
        f"{(data / '2025.yaml').as_posix()})\n"
    )
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_a_title_longer_than_a_cell_holds_leaves_the_form_valid(example_copy: Path, tmp_path: Path) -> None:
    """A cell holds 32.767 characters: a longer task title is cut in the form, and the form read back is not
    taken for one the unit tampered with."""
    long_title = "Tuyên truyền, giáo dục nâng cao nhận thức " + "rất dài " * 5000
    replace_in(
        example_copy / "tasks.yaml",
        "        title: Tuyên truyền, giáo dục nâng cao nhận thức\n",
        f"        title: {long_title.strip()}\n",
    )
    form = make_form(example_copy, tmp_path / "forms")
    fill(form, {("Nhiệm vụ", "E7"): "Thực hiện thường xuyên", **sent(4, 11)})
    result = invoke(["import", "--plan", example_copy, form, "--dry-run"], 0)
    assert "1 tệp được nhận, 0 tệp bị từ chối" in result.output


def test_figures_that_check_would_refuse_in_the_data_file_are_said_of_their_file(
    example_copy: Path, tmp_path: Path
) -> None:
    """A probe: a source dated years after the figure's year was said at "data/2026.yaml:10:13", a line of a file
    that did not exist, naming no form. Now of the file it came from, and the good file of the batch is written."""
    bad, good = tmp_path / "a.csv", tmp_path / "b.csv"
    bad.write_text(
        "indicator;year;unit;value;document;document_date\n6.3;2026;;96,1;BC 1;05/11/2024\n", encoding="utf-8"
    )
    good.write_text("indicator;year;unit;value\n6.4;2026;;97\n", encoding="utf-8")
    (example_copy / DATA_2026).unlink()
    result = invoke(["import", "--plan", example_copy, bad, good, "--force"], 1)
    lines = result.output.splitlines()
    assert lines[0] == "a.csv: bị từ chối, không ghi gì từ tệp này"
    assert [line for line in lines if line.startswith("kh68: lỗi: a.csv")] == [
        (
            "kh68: lỗi: a.csv › dòng 2: nguồn số liệu chỉ tiêu 6.3 ghi ngày 05/11/2024, cách kỳ báo cáo của tệp (năm 2026) hơn "
            f"một năm: ngày hay năm gõ nhầm? [source-date-outside]; không ghi vào {(example_copy / DATA_2026).as_posix()}"
        )
    ]
    assert "value: 97" in (example_copy / DATA_2026).read_text(encoding="utf-8")
    alone = invoke(["import", "--plan", example_copy, bad, "--force"], 1).output
    assert "không ghi vào" in alone
    assert ".yaml:" not in alone


def test_a_form_figure_that_check_would_refuse_is_said_at_its_cells(example_copy: Path, tmp_path: Path) -> None:
    """Positions everywhere: a form's figure that only the data file's check refuses is said at the cells it was read
    from (the source's number and date), not at the form alone nor at a line of the data file."""
    form = fill(
        make_form(example_copy, tmp_path / "forms"),
        {("Chỉ tiêu", "G9"): 95.4, ("Chỉ tiêu", "L9"): "15/BC-PGDTH", ("Chỉ tiêu", "M9"): "05/11/2029", **sent(7, 11)},
    )
    before = snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, form, "--force"], 1)
    assert result.stderr.splitlines() == [
        f"{FORM}: bị từ chối, không ghi gì từ tệp này",
        (
            f"kh68: lỗi: {FORM} › Chỉ tiêu › L9:M9: nguồn số liệu chỉ tiêu 6.3 ghi ngày 05/11/2029, cách kỳ báo cáo "
            "của tệp (năm 2025) hơn một năm: ngày hay năm gõ nhầm? [source-date-outside]; "
            f"không ghi vào {(example_copy / DATA).as_posix()}"
        ),
    ]
    assert snapshot(example_copy) == before


def test_a_folder_says_what_it_held_and_was_not_read(example_copy: Path, tmp_path: Path) -> None:
    """A hostile probe: a hidden ".copy.xlsx" in the folder was imported, macOS's "._bao-cao.xlsx" refused (exit 1),
    a subfolder passed over in silence. Hidden files and subfolders are not read, and said; a form named is read."""
    form = fill(make_form(example_copy, tmp_path / "forms"), {("Chỉ tiêu", "G8"): "32,5", **sent(4, 11)})
    folder = tmp_path / "in"
    (folder / "con").mkdir(parents=True)
    for name in (form.name, ".copy.xlsx", "._bao-cao.xlsx", f"con/{form.name}"):
        shutil.copy(form, folder / name)
    result = invoke(["import", "--plan", example_copy, folder, "--dry-run"], 0)
    shown = folder.as_posix()
    assert result.stderr.splitlines() == [
        (
            f"kh68: cảnh báo: không đọc các thư mục con của {shown} (con); ghi tên thư mục con vào lệnh nếu cần nhập "
            "biểu mẫu trong đó"
        ),
        (
            f"kh68: cảnh báo: không đọc các tệp ẩn trong {shown} (._bao-cao.xlsx, .copy.xlsx: tên bắt đầu bằng dấu chấm, "
            "như bản sao macOS tạo ra); ghi tên tệp vào lệnh nếu cần nhập"
        ),
    ]
    assert (
        result.stdout.splitlines()[0] == f"{FORM}: phong_gdth_gdmn năm 2025: 1 số liệu, 0 nhiệm vụ, gửi ngày 04/11/2025"
    )


def test_a_units_figure_with_a_far_source_date_is_refused_for_its_date(example_copy: Path, tmp_path: Path) -> None:
    """A probe: the source of a unit's numerator and denominator dated far off (2099) was said "ghi đúng một trong ba dạng"
    (its source tried without its value). A figure's value and source stand or fall together; the error is the
    date's."""
    far = tmp_path / "far.csv"
    far.write_text(
        "indicator,year,unit,value,numerator,denominator,met,state,document,document_date\n"
        "6.2,2025,xa_mh_08,,120,400,,,BC 1,04/11/2023\n",
        encoding="utf-8",
    )
    assert invoke(["import", "--plan", example_copy, far, "--force"], 1).stderr.splitlines()[1] == (
        "kh68: lỗi: far.csv › dòng 2: nguồn số liệu chỉ tiêu 6.2 của xa_mh_08 ghi ngày 04/11/2023, cách kỳ báo cáo "
        "của tệp (năm 2025) hơn một năm: ngày hay năm gõ nhầm? [source-date-outside]; không ghi vào "
        f"{(example_copy / DATA).as_posix()}"
    )


def test_a_csv_document_dated_after_it_was_received_is_refused_as_a_form_is(example_copy: Path, tmp_path: Path) -> None:
    """A new user's probe: a CSV's document_date after today was written, where a form's sent date is refused."""
    path = tmp_path / "so-lieu.csv"
    path.write_text(
        'indicator,year,unit,value,document,document_date\n6.13,2025,,"81,2",Báo cáo số 5,20/11/2025\n',
        encoding="utf-8",
    )
    before = snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, path, "--force", "--received", "2025-11-10"], 1)
    assert (
        "kh68: lỗi: so-lieu.csv › dòng 2 › document_date: ngày văn bản 20/11/2025 sau ngày nhận 10/11/2025 (--received)\n"
    ) in result.output
    assert snapshot(example_copy) == before
    invoke(["import", "--plan", example_copy, path, "--force", "--received", "2025-11-20"], 0)
