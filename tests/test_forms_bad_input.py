"""``kh68 import`` refuses every bad form with a file › sheet › cell message, exit 1, nothing written."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from tests.conftest import invoke, replace_in
from tests.formtools import FORM, edit_workbook, fill, make_form, snapshot

from kh68.vnformat import format_number

REFUSED = f"{FORM}: bị từ chối, không ghi gì từ tệp này\n"
SUMMARY = "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"
SENT = {("Nhiệm vụ", "C4"): datetime(2025, 11, 4)}


@pytest.fixture
def form(example_copy: Path, tmp_path: Path) -> Path:
    return make_form(example_copy, tmp_path / "forms")


def refused(plan: Path, path: Path, *messages: str) -> None:
    """Import ``path``: exit 1, exactly ``messages``, the plan byte-for-byte as it was."""
    before = snapshot(plan)
    result = invoke(["import", "--plan", plan, path], 1)
    name = path.name
    assert result.output == (
        f"{name}: bị từ chối, không ghi gì từ tệp này\n" + "".join(f"kh68: lỗi: {m}\n" for m in messages) + SUMMARY
    )
    assert snapshot(plan) == before


# ------------------------------------------------------------ not a form at all


def test_old_xls(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "Workbook".encode("utf-16-le"))
    refused(
        example_copy,
        path,
        "bao-cao.xls: tệp là bảng tính Excel 97–2003 (.xls), không phải .xlsx; mở tệp bằng Excel hoặc LibreOffice "
        "và lưu lại dưới dạng .xlsx (Excel Workbook)",
    )


def test_encrypted_workbook(example_copy: Path, tmp_path: Path) -> None:
    # An encrypted .xlsx is an OLE file holding the streams EncryptionInfo and EncryptedPackage.
    path = tmp_path / "mat-khau.xlsx"
    names = "EncryptionInfo".encode("utf-16-le") + b"\0" * 50 + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + names)
    refused(
        example_copy,
        path,
        "mat-khau.xlsx: tệp được đặt mật khẩu (mã hóa); mở tệp, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx",
    )


def test_renamed_csv(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "so-lieu.xlsx"
    path.write_text("indicator,year,value\n6.3,2025,95\n", encoding="utf-8")
    refused(
        example_copy,
        path,
        "so-lieu.xlsx: tệp không phải bảng tính .xlsx (có thể là CSV hay văn bản đổi tên); mở tệp bằng Excel hoặc "
        "LibreOffice và lưu lại dưới dạng .xlsx (Excel Workbook)",
    )


def test_zip_of_something_else(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "nen.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    refused(
        example_copy,
        path,
        "nen.xlsx: tệp nén không chứa bảng tính Excel; mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng "
        ".xlsx (Excel Workbook)",
    )


def test_zip_bomb_is_refused_quickly_with_bounded_memory(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("xl/worksheets/sheet1.xml")
    ratio = format_number(member.file_size / member.compress_size, 0)
    refused(
        example_copy,
        path,
        f"bom.xlsx: tệp giải nén ra quá lớn (xl/worksheets/sheet1.xml: 8.388.608 byte, nén {ratio} lần) — có thể "
        "là tệp độc hại (zip bomb); không đọc",
    )
    from kh68.entry.forms.workbook import FormRefused, open_form

    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(FormRefused):
        open_form(path)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1, elapsed
    assert peak < 2 * 1024 * 1024, peak  # the file is read whole (some kilobytes); nothing is unpacked


def test_xml_bomb_is_refused_before_parsing(form: Path, example_copy: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst>&lol2;</sst>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/sharedStrings.xml", laughs)
    form.write_bytes(out.getvalue())
    refused(
        example_copy,
        form,
        f"{FORM}: phần xl/sharedStrings.xml khai báo DOCTYPE/ENTITY (không có trong bảng tính thật, có thể là tệp "
        "độc hại); không đọc",
    )


def test_openpyxl_parses_with_defusedxml() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


def test_broken_xlsx(example_copy: Path, form: Path) -> None:
    data = form.read_bytes()
    form.write_bytes(data[: len(data) // 2])
    refused(
        example_copy,
        form,
        f"{FORM}: tệp .xlsx bị hỏng (không mở được như tệp nén); mở tệp bằng Excel hoặc LibreOffice và lưu lại "
        "dưới dạng .xlsx (Excel Workbook)",
    )


# ------------------------------------------------------------ structure changed


def test_renamed_sheet(example_copy: Path, form: Path) -> None:
    def rename(wb) -> None:
        wb["Chỉ tiêu"].title = "Chi tieu"

    edit_workbook(form, rename)
    refused(
        example_copy,
        form,
        f"{FORM}: các trang của biểu mẫu bị đổi tên, xóa hoặc thêm (thiếu trang 'Chỉ tiêu', trang lạ 'Chi tieu'); "
        "dùng lại biểu mẫu gốc, không sửa tên trang",
    )


def test_deleted_sheet(example_copy: Path, form: Path) -> None:
    def delete(wb) -> None:
        del wb["Nhiệm vụ"]

    edit_workbook(form, delete)
    refused(
        example_copy,
        form,
        f"{FORM}: các trang của biểu mẫu bị đổi tên, xóa hoặc thêm (thiếu trang 'Nhiệm vụ'); "
        "dùng lại biểu mẫu gốc, không sửa tên trang",
    )


def test_reordered_sheets(example_copy: Path, form: Path) -> None:
    edit_workbook(form, lambda wb: wb.move_sheet("Nhiệm vụ", offset=-1))
    refused(
        example_copy,
        form,
        f"{FORM}: các trang của biểu mẫu bị sắp xếp lại; thứ tự phải là Hướng dẫn, Chỉ tiêu, Nhiệm vụ, kh68",
    )


def test_metadata_sheet_removed(example_copy: Path, form: Path) -> None:
    def delete(wb) -> None:
        del wb["kh68"]

    edit_workbook(form, delete)
    refused(
        example_copy,
        form,
        f"{FORM}: không phải biểu mẫu của kh68 (thiếu phần thông tin biểu mẫu); dùng biểu mẫu lập bằng 'kh68 form'",
    )


def test_renamed_column(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G6"): "Số liệu", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › G6: tiêu đề cột phải là 'Giá trị', thấy 'Số liệu' "
        "(cột bị đổi tên, xóa, chèn hoặc sắp xếp lại)",
    )


def test_inserted_column(example_copy: Path, form: Path) -> None:
    edit_workbook(form, lambda wb: wb["Nhiệm vụ"].insert_cols(5))
    refused(
        example_copy,
        form,
        f"{FORM} › Nhiệm vụ › E6: tiêu đề cột phải là 'Trạng thái', thấy '' "
        "(cột bị đổi tên, xóa, chèn hoặc sắp xếp lại)",
    )


def test_reordered_columns(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "H6"): "Mẫu số", ("Chỉ tiêu", "I6"): "Tử số"})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › H6: tiêu đề cột phải là 'Tử số', thấy 'Mẫu số' "
        "(cột bị đổi tên, xóa, chèn hoặc sắp xếp lại)",
    )


def test_inserted_row(example_copy: Path, form: Path) -> None:
    edit_workbook(form, lambda wb: wb["Chỉ tiêu"].insert_rows(8))
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › A8: dòng này phải là mã '6.2', thấy '' (dòng bị chèn, xóa hoặc sắp xếp lại)",
    )


def test_row_added_below(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G15"): 12, **SENT})
    refused(
        example_copy, form, f"{FORM} › Chỉ tiêu › G15: có nội dung ngoài các dòng của biểu mẫu (dòng bị chèn thêm?)"
    )


def test_merged_cells(example_copy: Path, form: Path) -> None:
    edit_workbook(form, lambda wb: wb["Chỉ tiêu"].merge_cells("G8:H8"))
    refused(example_copy, form, f"{FORM} › Chỉ tiêu › G8:H8: ô bị gộp; không gộp ô trong biểu mẫu")


# ------------------------------------------------------------ cells


def test_formula_without_cached_value(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): "=90+5.4", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › G9 (chỉ tiêu 6.3): ô có công thức nhưng không có giá trị đã tính; mở tệp bằng Excel "
        "hoặc LibreOffice, lưu lại rồi gửi lại (hoặc ghi giá trị thay công thức)",
    )


def test_value_in_a_locked_cell(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "H9"): 5, ("Chỉ tiêu", "D10"): "90", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › D10 (chỉ tiêu 6.4): ô bị khóa đã bị sửa (phải là '99,5', thấy '90')",
    )


def test_value_in_a_closed_value_cell(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "H9"): 5, ("Chỉ tiêu", "G9"): 95, **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › H9 (chỉ tiêu 6.3): ô bị khóa (không dùng cho chỉ tiêu này) có giá trị '5'; "
        "chỉ tiêu này: ghi giá trị",
    )


def test_text_in_a_number_cell(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): "chín lăm", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › G9 (chỉ tiêu 6.3): 'chín lăm' không phải là số (viết dạng 95,4 hoặc 95.4)",
    )


def test_percentage_above_100(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): "100,5%", **SENT})
    refused(example_copy, form, f"{FORM} › Chỉ tiêu › G9 (chỉ tiêu 6.3): tỷ lệ phải từ 0 đến 100, thấy 100,5")


def test_nonexistent_date(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): 95, ("Chỉ tiêu", "M9"): "31/02/2025", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › M9 (chỉ tiêu 6.3): '31/02/2025' không phải là ngày hợp lệ "
        "(dùng dạng 2025-11-05 hoặc 05/11/2025)",
    )


def test_missing_sent_date(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): 95})
    refused(example_copy, form, f"{FORM} › Nhiệm vụ › C4: thiếu ngày gửi báo cáo")


def test_task_text_without_a_state(example_copy: Path, form: Path) -> None:
    fill(form, {("Nhiệm vụ", "F8"): "Đã làm", **SENT})
    refused(example_copy, form, f"{FORM} › Nhiệm vụ › E8 (nhiệm vụ III.2.a): chưa chọn trạng thái của nhiệm vụ")


def test_every_problem_of_a_file_is_listed(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): "x", ("Chỉ tiêu", "G10"): 101, ("Nhiệm vụ", "E7"): "Xong", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › G9 (chỉ tiêu 6.3): 'x' không phải là số (viết dạng 95,4 hoặc 95.4)",
        f"{FORM} › Chỉ tiêu › G10 (chỉ tiêu 6.4): tỷ lệ phải từ 0 đến 100, thấy 101",
        f"{FORM} › Nhiệm vụ › E7 (nhiệm vụ III.1.a): 'Xong' không phải là trạng thái; chọn một trong: "
        "Chưa triển khai; Đang triển khai; Hoàn thành; Thực hiện thường xuyên",
    )


def test_numerator_above_denominator(example_copy: Path, tmp_path: Path) -> None:
    # A unit that reported its own share last year is asked for its numerator and denominator.
    replace_in(
        example_copy / "data" / "2025.yaml",
        "      pgd_lam_ha: {numerator: 1190, denominator: 3620}\n",
        "      pgd_lam_ha: {numerator: 1190, denominator: 3620}\n      phong_gdtrh: {numerator: 10, denominator: 20}\n",
    )
    path = make_form(example_copy, tmp_path, "phong_gdtrh", 2026)
    fill(path, {("Chỉ tiêu", "H7"): 2500, ("Chỉ tiêu", "I7"): "2.000", ("Nhiệm vụ", "C4"): "03/11/2026"})
    refused(
        example_copy,
        path,
        "bao-cao-2026-phong-gdtrh.xlsx › Chỉ tiêu › H7 (chỉ tiêu 6.2): tử số 2.500 lớn hơn mẫu số 2.000",
    )


# ------------------------------------------------------------ whose form


def test_form_of_a_unit_merged_away(example_copy: Path, tmp_path: Path) -> None:
    units = example_copy / "units.yaml"
    original = units.read_text(encoding="utf-8")
    # The form was made before the end of pgd_da_lat was recorded …
    replace_in(
        units,
        "    short_names: [PGDĐT Đà Lạt]\n    end: 2025-06-30\n    successors: [so_gddt]\n",
        "    short_names: [PGDĐT Đà Lạt]\n",
    )
    path = make_form(example_copy, tmp_path, "pgd_da_lat", 2025)
    units.write_text(original, encoding="utf-8")  # … and comes back after.
    fill(path, {("Nhiệm vụ", "E7"): "Đang triển khai", ("Nhiệm vụ", "C4"): "04/11/2025"})
    refused(
        example_copy,
        path,
        "bao-cao-2025-pgd-da-lat.xlsx › thông tin biểu mẫu: biểu mẫu năm 2025 của đơn vị không còn báo cáo: "
        "pgd_da_lat đã sáp nhập vào so_gddt từ 01/7/2025",
    )


def test_form_of_another_plan(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): 95, **SENT})
    replace_in(example_copy / "plan.yaml", "symbol: KH-SGDĐT", "symbol: KH-UBND")
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: biểu mẫu của kế hoạch khác ('Kế hoạch KH-SGDĐT năm 2024 của Sở Giáo dục "
        "và Đào tạo tỉnh Lâm Đồng'), không phải KH-UBND năm 2024",
    )


def test_form_whose_plan_rows_changed(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): 95, **SENT})
    replace_in(example_copy / "indicators.yaml", '      "2025": "95"\n', '      "2025": "96"\n')
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: kế hoạch đã thay đổi từ khi lập biểu mẫu (chỉ tiêu 6.3: chỉ tiêu '95' → "
        "'96'); lập lại biểu mẫu bằng 'kh68 form --year 2025 --unit phong_gdth_gdmn' và gửi đơn vị điền lại",
    )


def test_form_whose_year_was_tampered(example_copy: Path, form: Path) -> None:
    fill(form, {("kh68", "B3"): "2035", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: năm của biểu mẫu không hợp lệ: năm 2035 nằm ngoài thời kỳ kế hoạch và các "
        "năm số liệu gốc (2014–2030)",
    )


def test_a_value_far_away_is_found_without_walking_the_empty_sheet(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "XFD1048576"): "x", **SENT})
    start = time.perf_counter()
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › XFD1048576: có nội dung ngoài các dòng của biểu mẫu (dòng bị chèn thêm?)",
    )
    assert time.perf_counter() - start < 20
