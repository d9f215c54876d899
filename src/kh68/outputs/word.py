"""The report as a Word document in the form of Decree 30/2020/NĐ-CP, Appendix I.

Built with python-docx from the same context as the templates
(``kh68.outputs.report_context.build_report``): A4, margins 20/20/30/15 mm, Times New Roman 14
for the body and 13 for the header lines, the two-column header and the
signature block as borderless tables, the indicator table as a real table with
a repeated header row, page numbers centred in the top margin from page 2.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from kh68.safetext import xml_safe
from kh68.vnformat import format_date

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
TABLE_PT = 11
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
INDICATOR_COLUMNS = [
    ("STT", 10),
    ("Chỉ tiêu", 32),
    ("ĐVT", 11),
    ("Chỉ tiêu năm {nam}", 15),
    ("Kết quả năm {nam}", 16),
    ("So sánh với chỉ tiêu", 19),
    ("Đánh giá", 15),
    ("Mục tiêu đến năm {cuoi}", 14),
    ("Tiến độ đến năm {cuoi}", 21),
    ("Ghi chú", 12),
]
RED = RGBColor(0xB7, 0x1C, 0x1C)


# ------------------------------------------------------------------ helpers


def _fonts(rpr: Any) -> None:
    """Times New Roman for every script (Vietnamese letters fall in several)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _run(
    paragraph: Any, text: str, size: float | None = None, bold: bool = False, italic: bool = False, color: Any = None
) -> Any:
    run = paragraph.add_run(text)
    run.font.name = FONT
    _fonts(run._element.get_or_add_rPr())
    if size is not None:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    if color is not None:
        run.font.color.rgb = color
    return run


def _para(
    container: Any,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    indent: bool = False,
    before: float = 0,
    after: float = 6,
    color: Any = None,
) -> Any:
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        _run(paragraph, text, size, bold, italic, color)
    return paragraph


def _cell_para(cell: Any, first: bool = False) -> Any:
    return cell.paragraphs[0] if first and not cell.paragraphs[0].text else cell.add_paragraph()


def _rule(cell: Any, width_mm: float, cell_mm: float) -> None:
    """A short horizontal rule centred in ``cell``: a bottom border on an empty paragraph."""
    paragraph = cell.add_paragraph()
    fmt = paragraph.paragraph_format
    side = max((cell_mm - width_mm) / 2, 0)
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _cell_margins(table: Any, mm: float) -> None:
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(Mm(mm).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _widths(table: Any, widths_mm: list[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=False):
        col.set(qn("w:w"), str(int(Mm(width).twips)))


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)


def _page_number(paragraph: Any) -> None:
    """A PAGE field (Word fills in the number)."""
    run = _run(paragraph, "", HEADER_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


# ------------------------------------------------------------------ document


def _setup(doc: Any) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(header)
    section.first_page_header.paragraphs[0].text = ""

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    _fonts(rpr)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.space_after = Pt(6)


def _header(doc: Any, ctx: dict[str, Any]) -> None:
    left_mm, right_mm = 62, TEXT_WIDTH_MM - 62
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _cell_margins(table, 0.5)
    _widths(table, [left_mm, right_mm])
    left, right = table.rows[0].cells

    def line(cell: Any, text: str, size: float, bold: bool = False, italic: bool = False, first: bool = False) -> Any:
        p = _cell_para(cell, first)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        _run(p, text, size, bold, italic)
        return p

    line(left, ctx["co_quan_chu_quan"], HEADER_PT, first=True)
    line(left, ctx["co_quan_ban_hanh"], HEADER_PT, bold=True)
    _rule(left, 22, left_mm)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEADER_PT, bold=True, first=True)
    line(right, "Độc lập - Tự do - Hạnh phúc", BODY_PT, bold=True)
    _rule(right, 62, right_mm)

    number, place = table.rows[1].cells
    p = line(number, f"Số:       /{ctx['ky_hieu_bao_cao']}", HEADER_PT, first=True)
    p.paragraph_format.space_before = Pt(6)
    p = line(place, ctx["dia_danh_ngay"], BODY_PT, italic=True, first=True)
    p.paragraph_format.space_before = Pt(6)


def _bullets(doc: Any, items: list[str], empty: str) -> None:
    for item in items or [empty]:
        _para(doc, item if not items else f"- {item}", indent=True)


def _indicator_table(doc: Any, ctx: dict[str, Any]) -> None:
    rows = ctx["chi_tieu"]
    table = doc.add_table(rows=1 + len(rows), cols=len(INDICATOR_COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [w for _, w in INDICATOR_COLUMNS])
    head = table.rows[0]
    _repeat_header(head)
    _cell_margins(table, 0.8)
    for cell, (title, _) in zip(head.cells, INDICATOR_COLUMNS, strict=False):
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0
        _run(p, title.format(nam=ctx["nam"], cuoi=ctx["nam_cuoi_ky"]), TABLE_PT, bold=True)
    for row, ct in zip(table.rows[1:], rows, strict=False):
        values = [
            ct["ma"],
            ct["ten"],
            ct["don_vi_tinh"],
            ct["chi_tieu_nam"],
            ct["ket_qua"],
            ct["so_sanh"],
            ct["danh_gia"],
            ct["chi_tieu_cuoi_ky"],
            ct["tien_do"],
            " ".join(f"({n})" for n in ct["ghi_chu_so"]),
        ]
        for i, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if i in (1, 5, 6, 8) else WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.line_spacing = 1.0
            _run(p, str(value), TABLE_PT, bold=(i == 6 and ct["trang_thai"] == "not_met"))


def _signature(doc: Any, ctx: dict[str, Any]) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [85, TEXT_WIDTH_MM - 85])
    left, right = table.rows[0].cells
    p = _cell_para(left, True)
    p.paragraph_format.space_after = Pt(0)
    _run(p, "Nơi nhận:", 12, bold=True, italic=True)
    for name in ctx["noi_nhan"]:
        q = left.add_paragraph()
        q.paragraph_format.space_after = Pt(0)
        q.paragraph_format.line_spacing = 1.0
        _run(q, f"- {name};", 11)
    q = left.add_paragraph()
    q.paragraph_format.space_after = Pt(0)
    _run(q, f"- Lưu: {ctx['luu']}.", 11)

    signer = ctx["nguoi_ky"]
    lines = [signer["quyen_han"], signer["chuc_vu"]]
    first = True
    for text in [t for t in lines if t]:
        p = _cell_para(right, first)
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        _run(p, text, BODY_PT, bold=True)
    for _ in range(4):
        right.add_paragraph().paragraph_format.space_after = Pt(0)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if signer["ho_ten"]:
        _run(p, signer["ho_ten"], BODY_PT, bold=True)


def build_document(ctx: dict[str, Any]) -> Any:
    doc = Document()
    _setup(doc)
    doc.core_properties.title = f"Báo cáo: {ctx['trich_yeu']}"
    doc.core_properties.language = "vi-VN"
    doc.core_properties.author = ctx["ten_co_quan"]
    if ctx["so_lieu_minh_hoa"]:
        _para(doc, ctx["canh_bao_minh_hoa"], size=12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, color=RED)
    _header(doc, ctx)

    _para(doc, ctx["loai_van_ban"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=18, after=0)
    _para(doc, ctx["trich_yeu"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    rule_holder = doc.add_table(rows=1, cols=1)
    _no_borders(rule_holder)
    _widths(rule_holder, [TEXT_WIDTH_MM])
    _rule(rule_holder.rows[0].cells[0], 50, TEXT_WIDTH_MM)
    rule_holder.rows[0].cells[0].paragraphs[0].paragraph_format.space_after = Pt(0)
    _para(doc, ctx["mo_dau"], indent=True, before=12)

    def heading(text: str) -> None:
        _para(doc, text, bold=True, before=6, indent=True)

    heading("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP")
    if not ctx["nhom_nhiem_vu"]:
        _para(doc, "Không có nhiệm vụ nào thuộc phạm vi báo cáo.", indent=True)
    for nhom in ctx["nhom_nhiem_vu"]:
        heading(f"{nhom['so']}. {nhom['ten']}")
        for nv in nhom["nhiem_vu"]:
            if nv["thu_tu"]:
                _para(doc, f"{nv['thu_tu']} {nv['ten']} (mục {nv['ma']})", bold=True, italic=True, indent=True)
            _para(doc, f"- Đơn vị chủ trì: {nv['don_vi_chu_tri']}.", indent=True)
            if nv["thoi_gian"]:
                _para(doc, f"- Thời gian thực hiện: {nv['thoi_gian']}.", indent=True)
            _para(doc, f"- Tình hình thực hiện: {nv['trang_thai_nhan']}.", indent=True)
            if nv["ket_qua"]:
                _para(doc, "- Kết quả đơn vị báo cáo:", indent=True)
                for kq in nv["ket_qua"]:
                    when = f", báo cáo ngày {format_date(kq['ngay'])}" if kq["ngay"] else ""
                    body = kq["noi_dung"] or "không ghi kết quả."
                    _para(doc, f"+ {kq['don_vi']} ({kq['trang_thai_nhan'].lower()}{when}): {body}", indent=True)
            else:
                _para(doc, "- Kết quả: chưa có đơn vị báo cáo.", indent=True)
            if nv["chua_bao_cao"]:
                _para(doc, f"- Đơn vị chủ trì chưa báo cáo: {', '.join(nv['chua_bao_cao'])}.", indent=True)

    nam = ctx["nam"]
    heading(f"II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM {nam}")
    if not ctx["co_so_lieu"]:
        _para(doc, f"Năm {nam} chưa có số liệu: các đơn vị chưa gửi số liệu chỉ tiêu và tiến độ nhiệm vụ.", indent=True)
    tk = ctx["thong_ke"]
    _para(
        doc,
        f"Tổng hợp {len(ctx['chi_tieu'])} chỉ tiêu: {tk['exceeded']} vượt chỉ tiêu, {tk['met']} đạt, "
        f"{tk['not_met']} chưa đạt, {tk['in_progress']} đang triển khai, {tk['no_target']} không đặt chỉ tiêu "
        f"năm {nam}, {tk['no_data']} chưa có số liệu.",
        indent=True,
    )
    _indicator_table(doc, ctx)
    if ctx["ghi_chu_bang"]:
        _para(doc, "Nguồn số liệu và ghi chú:", size=12, italic=True, before=6, after=0)
        for gc in ctx["ghi_chu_bang"]:
            about = f"Chỉ tiêu {gc['chi_tieu']}. " if gc["chi_tieu"] else ""
            _para(doc, f"({gc['so']}) {about}{gc['noi_dung']}", size=12, after=0)

    heading("III. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN")
    _para(doc, "1. Chỉ tiêu chưa đạt:", indent=True)
    _bullets(doc, ctx["chi_tieu_chua_dat"], "Không có chỉ tiêu chưa đạt trong số các chỉ tiêu có số liệu.")
    _para(doc, "2. Nhiệm vụ chưa triển khai hoặc chưa có báo cáo của đơn vị chủ trì:", indent=True)
    _bullets(
        doc,
        [f"Mục {nv['ma']} ({nv['ten']}): {nv['trang_thai_nhan'].lower()}." for nv in ctx["nhiem_vu_chua_trien_khai"]],
        "Không có.",
    )
    _para(doc, "3. Khó khăn, vướng mắc do các đơn vị báo cáo:", indent=True)
    _bullets(
        doc,
        [f"{k['don_vi']} (mục {k['nhiem_vu']}): {k['noi_dung']}" for k in ctx["kho_khan"]],
        "Các đơn vị chưa báo cáo khó khăn, vướng mắc.",
    )
    heading(f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {nam + 1}")
    _bullets(
        doc,
        [f"{k['don_vi']} (mục {k['nhiem_vu']}): {k['noi_dung']}" for k in ctx["phuong_huong"]],
        f"Các đơn vị chưa báo cáo phương hướng, nhiệm vụ năm {nam + 1}.",
    )
    heading("V. KIẾN NGHỊ, ĐỀ XUẤT")
    _bullets(
        doc,
        [f"{k['don_vi']} (mục {k['nhiem_vu']}): {k['noi_dung']}" for k in ctx["kien_nghi"]],
        "Các đơn vị chưa có kiến nghị, đề xuất.",
    )
    heading("VI. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ")
    bc = ctx["tinh_hinh_bao_cao"]
    if bc["co_han"]:
        _para(doc, f"Hạn gửi báo cáo: ngày {format_date(bc['han'])} (mục {bc['muc']} của Kế hoạch).", indent=True)
        late = [f"{name}: chưa gửi báo cáo." for name in bc["chua_bao_cao"]] + [
            f"{m['don_vi']}: gửi báo cáo ngày {format_date(m['ngay'])}, chậm {m['so_ngay']} ngày."
            for m in bc["bao_cao_muon"]
        ]
        if late:
            _para(doc, "Đơn vị không báo cáo đúng hạn:", indent=True)
            _bullets(doc, late, "")
        else:
            _para(doc, "Tất cả các đơn vị đã gửi báo cáo đúng hạn.", indent=True)
    else:
        _para(doc, "Kế hoạch không quy định hạn báo cáo của các đơn vị.", indent=True)
    _para(doc, ctx["ket_luan"], indent=True, after=12)
    _signature(doc, ctx)
    if ctx["so_lieu_minh_hoa"]:
        _para(doc, ctx["canh_bao_minh_hoa"], size=12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, color=RED)
    return doc


def docx_bytes(ctx: dict[str, Any]) -> bytes:
    """The report as a .docx; same context, same bytes (zip entries get a fixed time stamp)."""
    buffer = io.BytesIO()
    build_document(_xml_safe_values(ctx)).save(buffer)
    return _fixed_zip(buffer.getvalue(), ctx["ngay_bao_cao"])


def _xml_safe_values(value: Any) -> Any:
    """The context with every text made safe for XML (a control character in plan text cannot break Word)."""
    if type(value) is str:
        return xml_safe(value)
    if type(value) is dict:
        return {key: _xml_safe_values(item) for key, item in value.items()}
    if type(value) in (list, tuple):
        return type(value)(_xml_safe_values(item) for item in value)
    return value


def _fixed_zip(data: bytes, day: date) -> bytes:
    """Rewrite a .docx so that every entry carries ``day`` instead of the current time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()
