"""``kh68 import`` refuses every bad form with a file › sheet › cell message, exit 1, nothing written."""

from __future__ import annotations

import io
import os
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import pytest
from tests.conftest import cpu_time, invoke, replace_in
from tests.formtools import FORM, edit_workbook, fill, make_form, sent, snapshot, with_cached_formula

from kh68.core.vnformat import format_number

REFUSED = f"{FORM}: bị từ chối, không ghi gì từ tệp này\n"
SUMMARY = "Nhập 1 tệp: 0 tệp được nhận, 1 tệp bị từ chối; không có gì thay đổi.\n"
SENT = sent(4, 11)


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
    with cpu_time() as spent, pytest.raises(FormRefused):
        open_form(path)
    elapsed = spent()
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
        f"{FORM}: phần xl/sharedStrings.xml khai báo DOCTYPE/ENTITY (không có trong tệp Office thật, có thể là tệp "
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
        "(dùng dạng 2025-03-15 hoặc 15/3/2025)",
    )


def test_a_file_of_zero_bytes_is_said_empty(example_copy: Path, form: Path) -> None:
    """A new user's probe: a 0-byte .xlsx was "có thể là CSV hay văn bản đổi tên"."""
    form.write_bytes(b"")
    refused(example_copy, form, f"{FORM}: tệp rỗng (0 byte), không có bảng tính nào; nhận lại tệp từ đơn vị gửi")


def test_an_empty_form_is_refused(example_copy: Path, form: Path) -> None:
    refused(
        example_copy,
        form,
        f"{FORM}: biểu mẫu chưa điền gì (không có số liệu, tiến độ nhiệm vụ hay ngày gửi báo cáo)",
    )


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
    # A unit expected to report its own share (a commune, for 6.2) is asked for numerator and denominator.
    path = make_form(example_copy, tmp_path, "xa_mh_01", 2026)
    fill(path, {("Chỉ tiêu", "H7"): 2500, ("Chỉ tiêu", "I7"): "2.000", **sent(3, 11, 2026)})
    refused(
        example_copy,
        path,
        "bao-cao-2026-xa-mh-01.xlsx › Chỉ tiêu › H7 (chỉ tiêu 6.2): tử số 2.500 lớn hơn mẫu số 2.000",
    )


# ------------------------------------------------------------ whose form


def test_form_of_a_unit_merged_away(example_copy: Path, tmp_path: Path) -> None:
    units = example_copy / "units.yaml"
    original = units.read_text(encoding="utf-8")
    # The form was made before the end of pgd_da_lat was recorded …
    replace_in(
        units,
        "    short_names: [PGDĐT Đà Lạt]\n    kind: district_office\n    end: 2025-06-30\n",
        "    short_names: [PGDĐT Đà Lạt]\n    kind: district_office\n",
    )
    path = make_form(example_copy, tmp_path, "pgd_da_lat", 2025)
    units.write_text(original, encoding="utf-8")  # … and comes back after.
    fill(path, {("Nhiệm vụ", "E7"): "Đang triển khai", **sent(4, 11)})
    refused(
        example_copy,
        path,
        "bao-cao-2025-pgd-da-lat.xlsx › thông tin biểu mẫu: biểu mẫu năm 2025 của đơn vị không còn báo cáo: "
        "pgd_da_lat đã chấm dứt hoạt động từ 01/7/2025; nhiệm vụ chuyển cho ubnd_cap_xa (giáo dục mầm non, "
        "tiểu học, trung học cơ sở), so_gddt (trung học phổ thông và các đơn vị khác)",
    )


def test_form_of_another_plan(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "G9"): 95, **SENT})
    replace_in(example_copy / "plan.yaml", "symbol: KH-SGDĐT", "symbol: KH-UBND")
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: biểu mẫu của kế hoạch khác ('Kế hoạch KH-SGDĐT năm 2024 của Sở Giáo dục "
        "và Đào tạo tỉnh Lâm Đồng'), không phải Kế hoạch KH-UBND năm 2024 của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng",
    )


def test_a_form_made_before_the_plans_title_was_edited_says_so(example_copy: Path, form: Path) -> None:
    """A probe: the message named the same plan twice ("… khác ('Kế hoạch KH-SGDĐT năm 2024 …'), không phải Kế
    hoạch KH-SGDĐT năm 2024 …"): the title, which the label does not show, is what differs."""
    fill(form, {("Chỉ tiêu", "G9"): 95, **SENT})
    replace_in(
        example_copy / "plan.yaml", "  Thực hiện Nghị quyết số 68/NQ-CP", "  Về việc thực hiện Nghị quyết số 68/NQ-CP"
    )
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: biểu mẫu lập cho Kế hoạch KH-SGDĐT năm 2024 của Sở Giáo dục và Đào tạo tỉnh "
        "Lâm Đồng khi kế hoạch có trích yếu khác với bây giờ (trích yếu đã sửa trong plan.yaml, hoặc đây là biểu mẫu "
        "của một kế hoạch khác cùng số, ký hiệu và năm); lập lại biểu mẫu bằng 'kh68 form' và gửi đơn vị điền lại",
    )


def test_a_number_written_after_the_forms_were_sent_leaves_them_valid(example_copy: Path, form: Path) -> None:
    """The plan's number was left blank ("Số:   /KH-SGDĐT") and is filled in later: a form sent before is still this
    plan's; a form of that number, then another number, is another plan's."""
    fill(form, {("Chỉ tiêu", "G9"): 95, **SENT})
    replace_in(example_copy / "plan.yaml", "number: null", 'number: "123"')
    result = invoke(["import", "--plan", example_copy, form, "--force", "--dry-run"], 0)
    assert "Nhập 1 tệp: 1 tệp được nhận, 0 tệp bị từ chối" in result.output
    renumbered = make_form(example_copy, form.parent.parent / "so-123")
    fill(renumbered, {("Chỉ tiêu", "G9"): 95, **SENT})
    replace_in(example_copy / "plan.yaml", 'number: "123"', 'number: "124"')
    refused(
        example_copy,
        renumbered,
        f"{FORM} › thông tin biểu mẫu: biểu mẫu của kế hoạch khác ('Kế hoạch số 123/KH-SGDĐT năm 2024 của Sở Giáo "
        "dục và Đào tạo tỉnh Lâm Đồng'), không phải Kế hoạch số 124/KH-SGDĐT năm 2024 của Sở Giáo dục và Đào tạo "
        "tỉnh Lâm Đồng",
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


@pytest.mark.parametrize("year", ["abc", "", "２０２６", "2026.0"])
def test_form_whose_year_is_no_year_is_refused_in_vietnamese(example_copy: Path, form: Path, year: str) -> None:
    """A probe: "abc" said Python's "invalid literal for int() with base 10: 'abc'"; "２０２６" was read as 2026."""
    fill(form, {("kh68", "B3"): year, **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: năm của biểu mẫu '{year}' không phải một năm (4 chữ số 0–9); thông tin biểu "
        "mẫu đã bị sửa — dùng biểu mẫu gốc lập bằng 'kh68 form'",
    )


def test_a_value_far_away_is_found_without_walking_the_empty_sheet(example_copy: Path, form: Path) -> None:
    fill(form, {("Chỉ tiêu", "XFD1048576"): "x", **SENT})
    with cpu_time() as spent:
        refused(
            example_copy,
            form,
            f"{FORM} › Chỉ tiêu › XFD1048576: có nội dung ngoài các dòng của biểu mẫu (dòng bị chèn thêm?)",
        )
    assert spent() < 20


# ------------------------------------------------------------ hostile files (issue 8)


def _rezip(path: Path, change) -> Path:
    """Rewrite the members of ``path`` through ``change(name, data)``."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            target.writestr(name, change(name, data))
    path.write_bytes(out.getvalue())
    return path


def test_a_fifo_given_as_form_is_refused_without_waiting(example_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bieu-mau"
    folder.mkdir()
    os.mkfifo(folder / "bao-cao.xlsx")
    os.mkfifo(folder / "so-lieu.csv")
    before = snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, folder], 1)
    fifo = "không đọc được tệp: đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường"
    assert result.output == (
        "bao-cao.xlsx: bị từ chối, không ghi gì từ tệp này\n"
        f"kh68: lỗi: bao-cao.xlsx: {fifo}\n"
        "so-lieu.csv: bị từ chối, không ghi gì từ tệp này\n"
        f"kh68: lỗi: so-lieu.csv: {fifo}\n"
        "Nhập 2 tệp: 0 tệp được nhận, 2 tệp bị từ chối; không có gì thay đổi.\n"
    )
    assert snapshot(example_copy) == before


def test_a_member_unpacking_to_more_than_its_directory_says_is_refused_with_bounded_memory(
    example_copy: Path, form: Path
) -> None:
    # The directory says 1.000 bytes; the deflated stream holds 64 MB (a bomb that lies about its size).
    big = b"<worksheet>" + b" " * (64 * 1024 * 1024) + b"</worksheet>"
    out = io.BytesIO()
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, big if info.filename == "xl/worksheets/sheet2.xml" else source.read(info))
    data = bytearray(out.getvalue())
    name = b"xl/worksheets/sheet2.xml"
    at = data.find(name)
    while at >= 0:  # the size fields of the local header and of the central directory entry
        if data[at - 30 : at - 26] == b"PK\x03\x04":
            data[at - 30 + 22 : at - 30 + 26] = (1000).to_bytes(4, "little")
        elif data[at - 46 : at - 42] == b"PK\x01\x02":
            data[at - 46 + 24 : at - 46 + 28] = (1000).to_bytes(4, "little")
        at = data.find(name, at + 1)
    form.write_bytes(bytes(data))
    refused(
        example_copy,
        form,
        f"{FORM}: phần xl/worksheets/sheet2.xml của tệp bị hỏng; mở tệp bằng Excel hoặc LibreOffice và lưu lại "
        "dưới dạng .xlsx (Excel Workbook)",
    )
    from kh68.entry.forms.workbook import FormRefused, open_form

    tracemalloc.start()
    with pytest.raises(FormRefused):
        open_form(form)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, peak  # unpacked in 64 KB steps, never the 64 MB


def test_a_sheet_with_more_cells_than_a_form_has_is_refused_before_openpyxl_builds_them(
    example_copy: Path, form: Path
) -> None:
    rows = b"".join(
        b'<row r="%d">' % r
        + b"".join(
            b'<c r="%s%d"><v>1</v></c>' % (c, r) for c in (b"A", b"B", b"C", b"D", b"E", b"F", b"G", b"H", b"I", b"J")
        )
        + b"</row>"
        for r in range(100, 2200)
    )
    _rezip(
        form,
        lambda name, data: (
            data.replace(b"</sheetData>", rows + b"</sheetData>") if name == "xl/worksheets/sheet2.xml" else data
        ),
    )
    with cpu_time() as spent:
        refused(
            example_copy,
            form,
            f"{FORM}: phần xl/worksheets/sheet2.xml có 21.130 ô, quá nhiều cho một biểu mẫu (tối đa 20.000 ô) — có "
            "thể là tệp độc hại hoặc trang bị điền tràn; không đọc",
        )
    assert spent() < 5


def test_a_part_in_another_encoding_than_utf8_is_refused(example_copy: Path, form: Path) -> None:
    _rezip(
        form,
        lambda name, data: data.decode().encode("utf-16") if name == "xl/worksheets/sheet3.xml" else data,
    )
    refused(
        example_copy,
        form,
        f"{FORM}: phần xl/worksheets/sheet3.xml không viết bằng mã UTF-8 như tệp Office thật; mở tệp bằng Excel hoặc "
        "LibreOffice và lưu lại dưới dạng .xlsx (Excel Workbook)",
    )


LINKED = (
    f"{FORM}: bảng tính có công thức lấy số liệu từ tệp, chương trình hay mạng khác, hoặc chạy chương trình (liên "
    "kết ngoài, DDE, RTD, WEBSERVICE, CALL); sao chép rồi dán giá trị (Paste Special › Values) thay cho công thức, "
    "lưu lại và gửi lại"
)


@pytest.mark.parametrize(
    "formula",
    [
        "[1]Sheet1!A1",
        "'/so-lieu/[nam.xlsx]Trang1'!B2",
        "cmd|' /C calc'!A0",
        # a hostile-input probe: a program, the network, code run
        'RTD("prog.id",,"x")',
        '_xlfn.WEBSERVICE("http://x")',
        'FILTERXML(WEBSERVICE("http://x"),"//a")',
        'CALL("kernel32","WinExec","JCJ","calc",0)',
        '1+rtd("a",,"b")',
        # a second hostile-input probe: the same, as an XML reader reads them
        '&#87;EBSERVICE("http://x")',
        '<![CDATA[WEBSERVICE("http://x")]]>',
        'WEB<!-- -->SERVICE("http://x")',
        "&#91;1]Sheet1!A1",
        "cmd&#124;' /C calc'!A0",
    ],
)
def test_a_formula_reading_another_workbook_or_program_is_refused(example_copy: Path, form: Path, formula: str) -> None:
    fill(form, SENT | {("Chỉ tiêu", "G8"): 33})
    with_cached_formula(form, "sheet2.xml", "G8", formula.replace("'", "&apos;"))
    refused(example_copy, form, LINKED.replace(f"{FORM}: ", f"{FORM} › Chỉ tiêu › G8: "))  # where it is


def test_a_formula_with_a_bar_inside_a_string_is_not_taken_for_dde(example_copy: Path, form: Path) -> None:
    fill(form, SENT | {("Chỉ tiêu", "G8"): 33})
    with_cached_formula(form, "sheet2.xml", "G8", 'IF(1,33,"a|b")')
    before = snapshot(example_copy)
    invoke(["import", "--plan", example_copy, form], 0)
    assert snapshot(example_copy) != before


@pytest.mark.parametrize("formula", ['IF(1,33,"RTD(")', "SUM(G7:G7)", "WEBSERVICES2+0"])
def test_a_formula_naming_no_fetching_function_is_read(example_copy: Path, form: Path, formula: str) -> None:
    fill(form, SENT | {("Chỉ tiêu", "G8"): 33})
    with_cached_formula(form, "sheet2.xml", "G8", formula.replace('"', "&quot;"))
    before = snapshot(example_copy)
    invoke(["import", "--plan", example_copy, form], 0)
    assert snapshot(example_copy) != before


def test_a_part_stored_twice_is_refused(example_copy: Path, form: Path) -> None:
    """A hostile-input probe: a second copy of the sheet, another value in it, was read where Excel reads the first."""
    fill(form, SENT | {("Chỉ tiêu", "G8"): 33})
    with zipfile.ZipFile(form) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml")
    with warnings.catch_warnings(), zipfile.ZipFile(form, "a") as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": the point
        archive.writestr("xl/worksheets/sheet2.xml", sheet)
    refused(
        example_copy,
        form,
        f"{FORM}: tệp .xlsx có hai phần cùng tên 'xl/worksheets/sheet2.xml' (tệp đã bị sửa ngoài chương trình bảng "
        "tính, mỗi chương trình đọc một phần khác nhau); không đọc",
    )


def test_a_workbook_with_external_link_parts_is_refused(example_copy: Path, form: Path) -> None:
    fill(form, SENT | {("Chỉ tiêu", "G8"): 33})
    with zipfile.ZipFile(form, "a") as archive:
        archive.writestr("xl/externalLinks/externalLink1.xml", "<externalLink/>")
    refused(example_copy, form, LINKED)


def test_text_typed_beside_the_tables_is_refused(example_copy: Path, form: Path) -> None:
    def change(wb) -> None:
        wb["Chỉ tiêu"]["G8"] = 33
        wb["Chỉ tiêu"]["K2"] = "=1+1"  # a formula, no computed value
        wb["Nhiệm vụ"]["C4"], wb["Nhiệm vụ"]["E4"], wb["Nhiệm vụ"]["G4"] = 4, 11, 2025
        wb["Nhiệm vụ"]["E3"] = "ghi thêm"
        wb["Hướng dẫn"]["D5"] = "ghi thêm"

    edit_workbook(form, change)
    beside = "có nội dung ngoài các ô của biểu mẫu; xóa nội dung ô này"
    refused(
        example_copy,
        form,
        f"{FORM} › Hướng dẫn › D5: {beside}",
        f"{FORM} › Chỉ tiêu › K2: {beside}",
        f"{FORM} › Nhiệm vụ › E3: {beside}",
    )


def test_a_form_whose_hidden_sheet_was_copied_from_another_units_form_is_refused(
    example_copy: Path, tmp_path: Path
) -> None:
    # xa_mh_01 and xa_mh_02 have the same rows, so the same fingerprint: only the visible sheets tell.
    path = make_form(example_copy, tmp_path / "forms", "xa_mh_01")

    def change(wb) -> None:
        wb["Chỉ tiêu"]["H7"] = 1
        wb["Chỉ tiêu"]["I7"] = 2
        wb["Nhiệm vụ"]["C4"], wb["Nhiệm vụ"]["E4"], wb["Nhiệm vụ"]["G4"] = 4, 11, 2025
        wb["kh68"]["B4"] = "xa_mh_02"

    edit_workbook(path, change)
    wrong = (
        "ô bị khóa đã bị sửa (phải kết thúc bằng '(mã xa_mh_02)', thấy 'Đơn vị báo cáo: UBND xã minh họa 01 "
        "(mã xa_mh_01)'); biểu mẫu không phải của đơn vị hoặc năm ghi trong tệp — dùng biểu mẫu gốc lập bằng "
        "'kh68 form'"
    )
    refused(
        example_copy,
        path,
        f"{path.name} › Chỉ tiêu › A2: {wrong}",
        f"{path.name} › Nhiệm vụ › A2: {wrong}",
    )


def test_a_sent_date_that_has_not_come_is_refused(example_copy: Path, form: Path) -> None:
    fill(form, {**sent(31, 12, 9999), ("Chỉ tiêu", "G8"): 33})
    refused(example_copy, form, f"{FORM} › Nhiệm vụ › C4:G4: ngày gửi báo cáo 31/12/9999 chưa tới (sau hôm nay)")


def test_a_text_too_long_is_said_in_vietnamese_number_forms(example_copy: Path, form: Path) -> None:
    fill(form, SENT | {("Nhiệm vụ", "E7"): "Đang triển khai", ("Nhiệm vụ", "F7"): "x" * 32000})
    refused(
        example_copy,
        form,
        f"{FORM} › Nhiệm vụ › F7 (nhiệm vụ III.1.a): nội dung dài 32.000 ký tự, quá giới hạn 5.000 ký tự",
    )


# ------------------------------------------------------------ tidy CSV


def _csv(tmp_path: Path, data: bytes, name: str = "so-lieu.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


SAVE_UTF8 = "lưu lại dạng «CSV UTF-8 (Comma delimited)»"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "indicator,year,value\n6.8,2025,95\n".encode("utf-16"),
            f"so-lieu.csv: tệp CSV lưu bằng mã UTF-16 (Unicode Text); {SAVE_UTF8}",
        ),
        (
            "indicator,year,value\n6.8,2025,95\n".encode("utf-16-le"),
            f"so-lieu.csv › dòng 1: tệp CSV chứa ký tự NUL (tệp hỏng, hoặc mã UTF-16); {SAVE_UTF8}",
        ),
        (
            "indicator,year,value,note\n6.8,2025,95,Ghi chú\n".encode("cp1258"),
            f"so-lieu.csv › dòng 2: tệp CSV không phải mã UTF-8 (có thể là Windows-1258 hay TCVN3); {SAVE_UTF8}",
        ),
        (
            b"indicator,year,value\n6.8,2025,9\x005\n",
            f"so-lieu.csv › dòng 2: tệp CSV chứa ký tự NUL (tệp hỏng, hoặc mã UTF-16); {SAVE_UTF8}",
        ),
        (b"\xef\xbb\xbfindicator;year;value\n", "so-lieu.csv: tệp CSV không có dòng số liệu nào (chỉ có dòng tiêu đề)"),
        (
            "indicator,year,value\n6.8,٢٠٢٥,95\n".encode(),
            "so-lieu.csv › dòng 2 › year: '٢٠٢٥' không phải là năm (viết 4 chữ số, ví dụ 2025)",
        ),
        (b"indicator,year,value\r6.8\r", "so-lieu.csv › dòng 2 › year: thiếu năm"),
        (
            b'indicator,year,value\n6.8,2025,"' + b"9" * 200_000 + b'"\n',
            "so-lieu.csv › dòng 2: tệp CSV không đọc được (một ô dài quá 131.072 ký tự)",
        ),
        (
            b"indicator,year,value\n" + b"6.8,2025,95\n" * 50_001,
            "so-lieu.csv: tệp CSV có 50.001 dòng, quá nhiều (tối đa 50.000); tách thành nhiều tệp",
        ),
        (
            b'indicator,year,value,note\n6.8,2025,76.5,"ghi ch\xc3\xba\n6.7,2025,50,x\n6.11,2025,60,y\n',
            (
                'so-lieu.csv › dòng 2: tệp CSV không đọc được (dấu nháy kép (") mở ô ở dòng này không được đóng: '
                "mọi dòng sau nó sẽ bị đọc thành một ô)"
            ),
        ),
        (
            b'indicator,year,value\n6.8,2025,95\n6.8,2026,"7"5\n',
            (
                "so-lieu.csv › dòng 3: tệp CSV không đọc được (có ký tự ngay sau dấu nháy kép đóng ô: ô có dấu nháy "
                'phải kết thúc bằng dấu nháy ("7,5", không phải "7"5))'
            ),
        ),
        (
            b'indicator,year,value,note\n6.8,2025,95,"a\nb\nc"\n6.8,2026,95,x,y\n',
            "so-lieu.csv › dòng 5: có 5 ô, tiêu đề chỉ có 4 cột",
        ),
    ],
    ids=[
        *("utf16", "utf16-without-bom", "cp1258", "nul", "header-only", "arabic-digits", "cr-only", "long", "rows"),
        *("quote-not-closed", "text-after-quote", "after-a-cell-of-several-lines"),
    ],
)
def test_a_csv_that_is_not_tidy_utf8_is_refused(example_copy: Path, tmp_path: Path, data: bytes, message: str) -> None:
    refused(example_copy, _csv(tmp_path, data), message)


def test_csv_injection_text_is_kept_as_text(example_copy: Path, tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        b'indicator;year;value;document;note\n6.8;2025;"99,5 %";+cmd|\' /C calc\'!A0;"=HYPERLINK(""http://x"")"\n',
    )
    invoke(["import", "--plan", example_copy, path], 0)
    text = (example_copy / "data" / "2025.yaml").read_text(encoding="utf-8")
    assert (
        '  "6.8":\n    value: 99.5\n    note: =HYPERLINK("http://x")\n    source:\n'
        "      document: +cmd|' /C calc'!A0\n"
    ) in text
    invoke(["check", example_copy], 0)


def test_a_hidden_sheet_of_thousands_of_rows_is_said_in_a_few_changes(example_copy: Path, form: Path) -> None:
    def change(wb) -> None:
        meta = wb["kh68"]
        meta["B6"] = "sha256:0"  # the fingerprint no longer matches: the rows are compared
        for r in range(30, 1030):
            meta[f"A{r}"], meta[f"B{r}"], meta[f"C{r}"] = "row", f"chỉ tiêu x{r}", "{}"

    edit_workbook(form, change)
    removed = "; ".join(f"bỏ chỉ tiêu x{r}" for r in range(30, 40))
    refused(
        example_copy,
        form,
        f"{FORM} › thông tin biểu mẫu: kế hoạch đã thay đổi từ khi lập biểu mẫu ({removed}; … và 990 thay đổi "
        "khác); lập lại biểu mẫu bằng 'kh68 form --year 2025 --unit phong_gdth_gdmn' và gửi đơn vị điền lại",
    )


def test_a_form_of_a_unit_renamed_since_is_still_the_units(example_copy: Path, form: Path) -> None:
    fill(form, SENT | {("Chỉ tiêu", "G8"): 33})
    replace_in(
        example_copy / "units.yaml",
        "name: Phòng Giáo dục Tiểu học - Giáo dục Mầm non\n",
        "name: Phòng Giáo dục Tiểu học và Giáo dục Mầm non\n",
    )
    invoke(["import", "--plan", example_copy, form], 0)


def test_a_zip_of_too_many_parts_says_the_count_in_vietnamese_form(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(1234):
            archive.writestr(f"part{i}.txt", b"")
    refused(example_copy, path, "many.xlsx: tệp chứa 1.234 phần, quá nhiều cho một biểu mẫu; không đọc")


def test_an_excel_error_value_is_refused_in_any_cell_never_kept_as_text(example_copy: Path, form: Path) -> None:
    """#REF! in a result, #N/A as a document's number, #DIV/0! as a value: Excel's word for a failed formula."""
    errors = {("Chỉ tiêu", "G9"): "#DIV/0!", ("Chỉ tiêu", "L9"): "#N/A", ("Nhiệm vụ", "F7"): "#REF!"}
    fill(form, {**errors, ("Nhiệm vụ", "E7"): "Thực hiện thường xuyên", **SENT})
    refused(
        example_copy,
        form,
        f"{FORM} › Chỉ tiêu › G9 (chỉ tiêu 6.3): ô có giá trị lỗi của Excel '#DIV/0!'; ghi giá trị đúng hoặc để trống",
        f"{FORM} › Chỉ tiêu › L9 (chỉ tiêu 6.3): ô có giá trị lỗi của Excel '#N/A'; ghi giá trị đúng hoặc để trống",
        f"{FORM} › Nhiệm vụ › F7 (nhiệm vụ III.1.a): ô có giá trị lỗi của Excel '#REF!'; ghi giá trị đúng hoặc để trống",
    )


def test_a_stop_openpyxl_turned_into_an_error_is_a_stop_not_a_broken_form(form: Path) -> None:
    """A hostile-input probe: openpyxl's bare ``except`` turned SIGTERM into a TypeError, read as "không đọc được
    bảng tính (TypeError)": the form was refused and the rest of the batch written."""
    from kh68.core.startup import Stopped
    from kh68.entry.forms import workbook

    Stopped.last = 15
    try:
        with pytest.raises(Stopped):
            workbook._load(form.name, b"PK\x03\x04 not a workbook", data_only=True)
    finally:
        Stopped.last = None
    with pytest.raises(workbook.FormRefused):
        workbook._load(form.name, b"PK\x03\x04 not a workbook", data_only=True)


def test_a_defined_name_that_fetches_from_outside_is_refused(example_copy: Path, form: Path) -> None:
    """A second hostile-input probe: the cell held "=q", the workbook's defined name q a WEBSERVICE call."""
    fill(form, SENT | {("Chỉ tiêu", "G8"): 33})
    with_cached_formula(form, "sheet2.xml", "G8", "q")
    with zipfile.ZipFile(form) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == "xl/workbook.xml":
                name = b'<definedNames><definedName name="q">WEBSERVICE("http://x")</definedName></definedNames>'
                data = data.replace(b"</sheets>", b"</sheets>" + name, 1)
            target.writestr(info, data)
    refused(example_copy, form, LINKED.replace(f"{FORM}: ", f"{FORM} › tên 'q' (Formulas › Name Manager): "))
