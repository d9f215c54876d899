"""Write a unit's form as an .xlsx workbook (openpyxl), the same bytes for the same plan."""

from __future__ import annotations

import io
import json
import math
import zipfile
from copy import copy
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from kh68.core.safetext import for_document, xml_safe
from kh68.core.vnformat import format_date
from kh68.entry.forms.layout import (
    EXAMPLE_SENT,
    FIRST_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    INDICATOR_COLUMNS,
    INDICATOR_SHEET,
    META_SHEET,
    NO,
    NOUNS,
    SENT_DATE,
    TASK_COLUMNS,
    TASK_SHEET,
    TEXT_INPUTS,
    TO_DATE_CELL,
    VALUE_KEYS,
    YES,
    Column,
    FormSpec,
    Input,
    capitalized,
    previous_period,
)
from kh68.kinds.periods import Period
from kh68.vocab import NO_DEADLINE, TASK_STATE_LABELS, sentence

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_OPEN = Protection(locked=False)
_BOLD = Font(bold=True)
_STYLES: dict[str, dict[str, object]] = {
    "title": {"font": Font(bold=True, size=13)},
    "bold": {"font": _BOLD},
    "warn": {"font": Font(bold=True, color="C00000")},
    "label": {"font": _BOLD, "alignment": Alignment(horizontal="right", vertical="center")},
    "wrap": {"alignment": _WRAP},
    "header": {
        "font": _BOLD,
        "fill": PatternFill("solid", fgColor="DDEBF7"),
        "border": _BORDER,
        "alignment": Alignment(wrap_text=True, vertical="center", horizontal="center"),
    },
    "fixed": {"border": _BORDER, "alignment": _WRAP},
    "closed": {"border": _BORDER, "alignment": _WRAP, "fill": PatternFill("solid", fgColor="E7E6E6")},
    "input": {
        "border": _BORDER,
        "alignment": _WRAP,
        "fill": PatternFill("solid", fgColor="FFF2CC"),
        "protection": _OPEN,
    },
}
# Text cells keep what is typed as typed ("99,5", "04/11/2025"): Excel converts nothing by its locale.
_STYLES["input_text"] = {**_STYLES["input"], "number_format": "@"}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

SYNTHETIC_NOTICE = "SỐ LIỆU MINH HỌA: biểu mẫu lập từ kế hoạch mẫu, không dùng cho báo cáo thật."


def file_name(spec: FormSpec) -> str:
    """``bao-cao-2025-pgd-da-lat.xlsx``, ``bao-cao-2026-11-pgd-da-lat.xlsx``: the period as ``--period`` names it
    and the unit id, readable on any system."""
    return f"bao-cao-{spec.period.key}-{spec.unit_id.replace('_', '-')}.xlsx"


def form_bytes(spec: FormSpec, made: date) -> bytes:
    """The workbook of ``spec``; ``made`` is its creation date (fixed, so bytes repeat)."""
    wb = Workbook()
    look = _Look()
    guide = wb.active
    guide.title = GUIDE_SHEET
    _guide(guide, spec, look)
    _indicators(wb.create_sheet(INDICATOR_SHEET), spec, look)
    _tasks(wb.create_sheet(TASK_SHEET), spec, look)
    _meta(wb.create_sheet(META_SHEET), spec, made)
    wb.security = WorkbookProtection(lockStructure=True)
    stamp = datetime(made.year, made.month, made.day)
    wb.properties.creator = "kh68"
    wb.properties.lastModifiedBy = "kh68"
    wb.properties.title = for_document(f"Báo cáo {spec.label} — {spec.unit_name}")  # plan text is data, here too
    wb.properties.created = stamp
    wb.properties.modified = stamp
    out = io.BytesIO()
    with _FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED) as archive:
        _Writer(wb, archive).save()
    return out.getvalue()


class _Writer(ExcelWriter):  # type: ignore[misc]
    """openpyxl's writer with the sheets built in memory instead of in temporary files."""

    def write_worksheet(self, ws: Worksheet) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose members all carry one fixed time (openpyxl's writer uses the clock)."""

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, _ZIP_TIME)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o600 << 16
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)


class _Look:
    """Cell styles of one workbook: each built once, then copied (openpyxl hashes every new style)."""

    def __init__(self) -> None:
        self.arrays: dict[str, object] = {}

    def __call__(self, cell: Cell, name: str) -> Cell:
        array = self.arrays.get(name)
        if array is None:
            for attribute, value in _STYLES[name].items():
                setattr(cell, attribute, value)
            self.arrays[name] = copy(cell._style)
        else:
            cell._style = copy(array)
        return cell


def _put(cell: Cell, text: str | None) -> Cell:
    """Plan text as text, never a formula; characters XML cannot hold are shown escaped."""
    if text is None:
        return cell
    cell.value = xml_safe(text)
    cell.data_type = "s"
    return cell


def _protect(ws: Worksheet) -> None:
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widening a column is harmless
    ws.protection.formatRows = False


def _print_setup(ws: Worksheet, orientation: str, title_rows: str | None = None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


def _heading(ws: Worksheet, title: str, spec: FormSpec, look: _Look) -> None:
    look(_put(ws["A1"], title), "title")
    look(_put(ws["A2"], spec.unit_line), "bold")
    _put(ws["A3"], spec.plan_label)
    if spec.synthetic:
        look(_put(ws["A5"], SYNTHETIC_NOTICE), "warn")


def _header_row(ws: Worksheet, columns: tuple[Column, ...], period: Period, look: _Look) -> None:
    for index, column in enumerate(columns, 1):
        cell = look(_put(ws.cell(HEADER_ROW, index), column.title(period)), "header")
        ws.column_dimensions[cell.column_letter].width = column.width
    ws.row_dimensions[HEADER_ROW].height = _height([(c.title(period), c.width) for c in columns])
    ws.freeze_panes = f"C{FIRST_ROW}"


def _height(texts: list[tuple[str, float]]) -> float:
    """A row height that shows wrapped texts whole (openpyxl does not measure text)."""
    lines = max((math.ceil(len(text) * 1.1 / max(width - 1, 1)) for text, width in texts if text), default=1)
    return 15.0 * max(lines, 1)


def _guide(ws: Worksheet, spec: FormSpec, look: _Look) -> None:
    look(_put(ws["A1"], spec.title(GUIDE_SHEET)), "title")
    start = 2
    if spec.synthetic:
        look(_put(ws["A2"], SYNTHETIC_NOTICE), "warn")
        start = 3
    for offset, (label, text) in enumerate(guide_lines(spec)):
        look(_put(ws.cell(start + offset, 1), label), "bold")
        look(_put(ws.cell(start + offset, 2), text), "wrap")
        ws.row_dimensions[start + offset].height = _height([(text, 100)])
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 100
    _protect(ws)
    _print_setup(ws, "portrait")


_EXPLAINED = {
    "id": "Mã chỉ tiêu trong kế hoạch.",
    "name": "Tên chỉ tiêu theo kế hoạch.",
    "unit": "Đơn vị tính.",
    "target": "Chỉ tiêu của năm, nguyên văn kế hoạch.",
    "previous": "Giá trị năm trước đã ghi nhận, để tham khảo.",
    "how": "Những ô cần điền ở dòng này.",
    "value": "Giá trị của chỉ tiêu (ví dụ 95,4).",
    "numerator": "Tử số: số đạt yêu cầu của tỷ lệ (phần được đếm), số nguyên.",
    "denominator": "Mẫu số: tổng số mà tỷ lệ tính trên đó, số nguyên.",
    "met": f"Đơn vị đạt chuẩn hay chưa: chọn {YES} hoặc {NO}.",
    "state": "Trạng thái thực hiện (chọn trong danh sách).",
    "document": "Số, ký hiệu văn bản của đơn vị có số liệu này.",
    "document_date": "Ngày của văn bản đó, ghi ngày/tháng/năm.",
    "note": "Ghi chú, nếu có.",
}


def _explained(spec: FormSpec, key: str) -> str:
    """A column's explanation; a month's, quarter's or half-year's form says which period "previous" is."""
    if key == "previous" and not spec.period.is_year:
        return f"Giá trị đã báo cáo của kỳ trước ({previous_period(spec.period).label}), để tham khảo."
    if key == "target" and not spec.period.is_year:
        return f"Chỉ tiêu của năm {spec.year}, nguyên văn kế hoạch."
    return _EXPLAINED[key]


def deadline_line(spec: FormSpec) -> str:
    """``Chậm nhất ngày 14/11/2026 (kế hoạch ghi: trước ngày 15 hằng tháng)``: the last day in time; a plan that
    sets no day is said to set none (never a day kh68 would have chosen)."""
    if spec.deadline is None:
        return sentence(NO_DEADLINE)
    said = f"Chậm nhất ngày {format_date(spec.deadline)}"
    return f"{said} (kế hoạch ghi: {spec.deadline_text})" if spec.deadline_text else said


def guide_lines(spec: FormSpec) -> list[tuple[str, str]]:
    """The "Hướng dẫn" sheet: label and text of each line."""
    day, month = EXAMPLE_SENT
    sent_cells = ", ".join(f"{part.name} ({part.cell})" for part in SENT_DATE)
    sent_how = (
        f"Ngày gửi báo cáo ghi bằng số vào ba ô {sent_cells} ở đầu trang «{TASK_SHEET}», "
        f"ví dụ ngày {day} tháng {month} năm {spec.year}."
    )
    lines = [
        ("Kế hoạch", spec.plan_label),
        ("Đơn vị báo cáo", f"{spec.unit_name} (mã {spec.unit_id})"),
        ("Năm báo cáo", str(spec.year)) if spec.period.is_year else ("Kỳ báo cáo", spec.label),
        ("Hạn gửi", deadline_line(spec)),
        ("Gửi đến", spec.recipient),
        ("Liên hệ", f"Mọi thắc mắc về biểu mẫu xin liên hệ {spec.recipient}."),
        *([("Số liệu", said)] if (said := to_date_line(spec)) else []),
        ("", ""),
        ("Cách điền", "Chỉ điền vào các ô màu vàng. Các ô khác được khóa để tránh sửa nhầm."),
        ("", "Dòng nào đơn vị chưa có số liệu thì để trống; không xóa dòng."),
        (
            "",
            "Không đổi tên, xóa, thêm hay sắp xếp lại trang, cột, dòng; không gộp ô: biểu mẫu sửa cấu trúc bị từ chối.",
        ),
        (
            "Cách viết số",
            "Số thập phân ghi bằng dấu phẩy hoặc dấu chấm, ví dụ 99,5 hoặc 99.5; tỷ lệ có thể kèm dấu %, ví dụ 99,5%.",
        ),
        ("", "Số lớn ghi liền, không dùng dấu chấm hay dấu phẩy để tách hàng nghìn, ví dụ 12500."),
        ("", "Tỷ lệ phần trăm ghi từ 0 đến 100. Tử số, mẫu số là số nguyên, ví dụ 2140; tử số không lớn hơn mẫu số."),
        ("Cách viết ngày", f"Ngày văn bản ghi ngày/tháng/năm, ví dụ {example_date(spec.year)}."),
        ("", sent_how),
        ("", "Ô giá trị và ô ngày văn bản giữ nguyên chữ số như đã gõ, dù máy cài đặt tiếng Việt hay tiếng Anh."),
        ("Lưu tệp", "Lưu dưới dạng .xlsx (Excel Workbook); không lưu dạng .xls hay .csv, không đặt mật khẩu."),
        ("", ""),
        (f"Trang «{INDICATOR_SHEET}»", "Mỗi dòng là một chỉ tiêu đơn vị phải báo cáo."),
    ]
    lines += [(f"  {c.title(spec.period)}", _explained(spec, c.key)) for c in INDICATOR_COLUMNS]
    following = f"{NOUNS[spec.period.rhythm]} tiếp theo"
    lines += [
        (f"Trang «{TASK_SHEET}»", "Mỗi dòng là một nhiệm vụ đơn vị chủ trì hoặc phối hợp thực hiện."),
        (
            "  Ngày gửi báo cáo",
            f"Ba ô {sent_cells}: ngày đơn vị gửi báo cáo. Để trống thì lấy ngày nhận được biểu mẫu.",
        ),
        ("  Trạng thái", "Chọn một trong: " + "; ".join(TASK_STATE_LABELS.values()) + "."),
        ("  Các cột còn lại", f"Kết quả; khó khăn, vướng mắc và nguyên nhân; phương hướng {following}; kiến nghị."),
    ]
    return lines


def to_date_line(spec: FormSpec) -> str | None:
    """What a figure of a part of the year is (``None`` for the year's): the year's so far, as the year's view
    takes the latest period's figure for the year's (a month's own figure would be read as the year's); so far as
    the report's day when it is due before the period ends ("trước ngày 16 hằng tháng")."""
    period = spec.period
    if period.is_year:
        return None
    early = spec.deadline is not None and spec.deadline < period.last_day
    until = "đến ngày gửi báo cáo" if early else f"đến hết ngày {format_date(period.last_day)}"
    return (
        f"Ghi số liệu lũy kế từ đầu năm {period.year} {until} (tỷ lệ, số hiện có: tại ngày đó), "
        f"không ghi riêng số phát sinh trong {period.label}."
    )


def _indicators(ws: Worksheet, spec: FormSpec, look: _Look) -> None:
    _heading(ws, spec.title(INDICATOR_SHEET), spec, look)
    if said := to_date_line(spec):
        look(_put(ws[TO_DATE_CELL], said), "bold")
    _header_row(ws, INDICATOR_COLUMNS, spec.period, look)
    validations = _Validations(ws)
    for offset, row in enumerate(spec.indicators):
        r = FIRST_ROW + offset
        fixed = row.fixed()
        for index, column in enumerate(INDICATOR_COLUMNS, 1):
            cell = ws.cell(r, index)
            if column.input is None:
                look(_put(cell, fixed[column.key]), "fixed")
            elif column.key in VALUE_KEYS and column.key not in row.inputs:
                look(cell, "closed")
            else:
                kind = Input.PERCENT if column.key == "value" and row.percent else column.input
                validations.open(cell, kind, look)
        ws.row_dimensions[r].height = _height([(fixed[c.key], c.width) for c in INDICATOR_COLUMNS if c.key in fixed])
    if not spec.indicators:
        _put(ws.cell(FIRST_ROW, 1), f"{capitalized(spec.label)} đơn vị không có chỉ tiêu phải báo cáo.")
    validations.attach(spec.year)
    _protect(ws)
    _print_setup(ws, "landscape", f"{HEADER_ROW}:{HEADER_ROW}")


def _tasks(ws: Worksheet, spec: FormSpec, look: _Look) -> None:
    _heading(ws, spec.title(TASK_SHEET), spec, look)
    _header_row(ws, TASK_COLUMNS, spec.period, look)
    validations = _Validations(ws)
    for part in SENT_DATE:
        look(_put(ws[part.label_cell], part.label), "label")
        validations.open(ws[part.cell], part.input, look)
    for offset, row in enumerate(spec.tasks):
        r = FIRST_ROW + offset
        fixed = row.fixed()
        for index, column in enumerate(TASK_COLUMNS, 1):
            cell = ws.cell(r, index)
            if column.input is None:
                look(_put(cell, fixed[column.key]), "fixed")
            else:
                validations.open(cell, column.input, look)
        ws.row_dimensions[r].height = max(
            45.0, _height([(fixed[c.key], c.width) for c in TASK_COLUMNS if c.key in fixed])
        )
    if not spec.tasks:
        _put(ws.cell(FIRST_ROW, 1), f"{capitalized(spec.label)} đơn vị không có nhiệm vụ phải báo cáo.")
    validations.attach(spec.year)
    _protect(ws)
    _print_setup(ws, "landscape", f"{HEADER_ROW}:{HEADER_ROW}")


def _meta(ws: Worksheet, spec: FormSpec, made: date) -> None:
    """Who the form is for, what it was made from and when, read back by ``kh68 import``.

    A month's, quarter's or half-year's form (version 3) names its period after the year; a year's form is
    written as version 2 always was.
    """
    period = [] if spec.period.is_year else [("period", spec.period.key)]
    pairs = [
        ("plan", spec.plan_id),
        ("plan_label", spec.plan_label),
        ("year", str(spec.year)),
        *period,
        ("unit", spec.unit_id),
        ("version", str(spec.version)),
        ("fingerprint", spec.fingerprint),
        ("made", made.isoformat()),
    ]
    for r, (key, value) in enumerate(pairs, 1):
        _put(ws.cell(r, 1), key)
        _put(ws.cell(r, 2), value)
    for r, (key, content) in enumerate(spec.rows().items(), len(pairs) + 1):
        _put(ws.cell(r, 1), "row")
        _put(ws.cell(r, 2), key)
        _put(ws.cell(r, 3), json.dumps(content, ensure_ascii=False, sort_keys=True))
    ws.sheet_state = "veryHidden"
    _protect(ws)


YEARS_LATE = 5  # the sent date's year cell takes the report's year and the few after


def example_date(year: int) -> str:
    """The date the form shows as an example: ``04/11/2025``."""
    day, month = EXAMPLE_SENT
    return f"{day:02d}/{month:02d}/{year}"


def messages(kind: Input, year: int) -> tuple[str, str, str | None]:
    """Title, prompt and (for a cell Excel checks) error of an input cell; every example is one the form takes."""
    day, month = EXAMPLE_SENT
    states = "Trạng thái phải chọn trong danh sách."
    texts: dict[Input, tuple[str, str, str | None]] = {
        Input.PERCENT: ("Tỷ lệ (%)", "Ghi số từ 0 đến 100, ví dụ 95,4 hoặc 95.4.", None),
        Input.NUMBER: ("Giá trị", "Ghi một số, ví dụ 12,5 hoặc 12.5.", None),
        Input.DATE: ("Ngày", f"Ghi ngày/tháng/năm, ví dụ {example_date(year)}.", None),
        Input.COUNT: (
            "Số nguyên",
            "Ghi số nguyên không âm, ví dụ 2140.",
            "Tử số, mẫu số phải là số nguyên không âm, ví dụ 2140.",
        ),
        Input.YES_NO: ("Đạt chuẩn", f"Chọn {YES} hoặc {NO}.", f"Chọn {YES} hoặc {NO} trong danh sách."),
        Input.STATE: ("Trạng thái", "Chọn trạng thái trong danh sách.", states),
        Input.DAY: (
            "Ngày gửi: ngày",
            f"Ghi số ngày, từ 1 đến 31, ví dụ {day}.",
            f"Ô ngày nhận số từ 1 đến 31, ví dụ {day}.",
        ),
        Input.MONTH: (
            "Ngày gửi: tháng",
            f"Ghi số tháng, từ 1 đến 12, ví dụ {month}.",
            f"Ô tháng nhận số từ 1 đến 12, ví dụ {month}.",
        ),
        Input.YEAR: (
            "Ngày gửi: năm",
            f"Ghi năm đủ 4 chữ số, ví dụ {year}.",
            f"Ô năm nhận năm từ {year} đến {year + YEARS_LATE}, ví dụ {year}.",
        ),
    }
    return texts[kind]


def _whole(low: int, high: int | None = None) -> DataValidation:
    """A whole number, refused by Excel as typed otherwise (any locale reads 4 and 2140 alike)."""
    if high is None:
        return DataValidation("whole", operator="greaterThanOrEqual", formula1=str(low), errorStyle="stop")
    return DataValidation("whole", operator="between", formula1=str(low), formula2=str(high), errorStyle="stop")


def _validation(kind: Input, year: int) -> DataValidation:
    """Whole numbers and lists are checked by Excel as typed; text cells get a prompt only (read on import)."""
    if kind in TEXT_INPUTS:
        dv = DataValidation(allow_blank=True)  # "any value": Excel would refuse "99,5" as a decimal in English
    elif kind is Input.COUNT:
        dv = _whole(0)
    elif kind is Input.DAY:
        dv = _whole(1, 31)
    elif kind is Input.MONTH:
        dv = _whole(1, 12)
    elif kind is Input.YEAR:
        dv = _whole(year, year + YEARS_LATE)
    elif kind is Input.YES_NO:
        dv = DataValidation("list", formula1=f'"{YES},{NO}"')
    else:
        dv = DataValidation("list", formula1='"' + ",".join(TASK_STATE_LABELS.values()) + '"')
    title, prompt, error = messages(kind, year)
    dv.promptTitle, dv.prompt, dv.showInputMessage = title, prompt, True
    if error is not None:
        dv.errorTitle, dv.error, dv.showErrorMessage = "Giá trị không hợp lệ", error, True
    return dv


class _Validations:
    """The input cells of a sheet, and one data validation per kind of input covering them."""

    def __init__(self, ws: Worksheet):
        self.ws = ws
        self.cells: dict[Input, list[str]] = {}

    def open(self, cell: Cell, kind: Input, look: _Look) -> Cell:
        look(cell, "input_text" if kind in TEXT_INPUTS else "input")
        if kind is not Input.TEXT:
            self.cells.setdefault(kind, []).append(cell.coordinate)
        return cell

    def attach(self, year: int) -> None:
        for kind, coordinates in self.cells.items():
            dv = _validation(kind, year)
            dv.sqref = " ".join(coordinates)
            self.ws.add_data_validation(dv)


__all__ = ["example_date", "file_name", "form_bytes", "guide_lines", "messages"]
