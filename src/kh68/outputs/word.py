"""A ``StateDocument`` as a Word file in the form of Decree 30/2020/NĐ-CP, Appendix I.

A4, margins 20/20/30/15 mm, Times New Roman 14 for the body and 13 for the header lines;
the two-column header and the signature block as borderless tables; headings in real
heading styles kept with the text that follows; document symbols kept on one line with
Word's own non-breaking hyphen (``w:noBreakHyphen``: the text itself keeps no invisible
character, so that a symbol copied or searched is the symbol); the annex on landscape
pages with its header row repeated and its own page numbers, from 1 (Decree 30,
Appendix I, part III, point 1); page numbers centred in the top margin from page 2; core properties
from the document itself.  With a
reference document (``--reference-docx``) the styles — fonts, sizes, spacing — are the
department's own, as pandoc's reference-doc does, and nothing else of it is taken
(``kh68.outputs.word_reference``); the page set-up stays Decree 30's.
Every text goes through ``kh68.core.safetext.for_document`` first (``_run``, ``_property``): no
control character reaches the file, and what is written is XML 1.0 text.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from kh68.core.safetext import for_document
from kh68.outputs.document import Align, Annex, Heading, Items, Paragraph, Placeholder, StateDocument, Table
from kh68.outputs.frame import MOTTO, NATIONAL_TITLE
from kh68.outputs.word_reference import base_document, reference_document

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
TABLE_PT = 11
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
PORTRAIT_MM = (210, 297)
TEXT_WIDTH_MM = PORTRAIT_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
RED = RGBColor(0xB7, 0x1C, 0x1C)
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
TITLE_STYLE, SUBTITLE_STYLE = "Title", "Subtitle"
# A document symbol: a word with a slash and a hyphen ("12/KH-UBND", "34-CTr/TU", "…/BC-UBND").
# Words are matched one by one and kept if they have a '/': the pattern "[^…]*/[^…]*" rescanned a
# long word from each of its positions (minutes on 300.000 letters of plan text).
SYMBOL = re.compile(r"[^\s,;:()]+")


# ------------------------------------------------------------------ runs


def _fonts(rpr: Any) -> None:
    """Times New Roman for every script (Vietnamese letters fall in several); no theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _pieces(text: str, whole: bool = False) -> list[tuple[str, str]]:
    """``text`` as (kind, text) pieces: the hyphens of document symbols are Word's non-breaking hyphens; with
    ``whole`` (a code in a cell kept on one line: "XK-TB", "P2.1-L") every hyphen is."""
    out: list[tuple[str, str]] = []
    last = 0
    for match in SYMBOL.finditer(text):
        token = match.group(0)
        if "-" not in token:
            continue
        if not whole and ("/" not in token or not any(c.isupper() for c in token)):
            continue
        out.append(("t", text[last : match.start()]))
        for i, part in enumerate(token.split("-")):
            if i:
                out.append(("nbh", ""))
            out.append(("t", part))
        last = match.end()
    out.append(("t", text[last:]))
    return [(k, t) for k, t in out if k == "nbh" or t]


def _run(
    paragraph: Any,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    whole: bool = False,
) -> Any:
    """A run of ``text``; ``whole``: no hyphen of it breaks the line (``_pieces``)."""
    run = paragraph.add_run()
    for kind, piece in _pieces(for_document(text), whole):
        if kind == "nbh":
            run._r.append(OxmlElement("w:noBreakHyphen"))
        else:
            element = OxmlElement("w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = piece
            run._r.append(element)
    if size is not None:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    return run


def _fixed_run(paragraph: Any, text: str, size: float, **kwargs: Any) -> Any:
    """A run of the Decree 30 frame (header, signature): Times New Roman whatever the styles say."""
    run = _run(paragraph, text, size=size, **kwargs)
    _fonts(run._element.get_or_add_rPr())
    return run


def _compact(paragraph: Any, align: Any = WD_ALIGN_PARAGRAPH.CENTER, after: float = 0) -> Any:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    return paragraph


# ------------------------------------------------------------------ styles


def _set_style(doc: Any, name: str, *, size: float, bold: bool = False, italic: bool = False, **para: Any) -> Any:
    try:
        style = doc.styles[name]
    except KeyError:
        from docx.enum.style import WD_STYLE_TYPE

        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if "Normal" in doc.styles:  # a reference document may lack it
            style.base_style = doc.styles["Normal"]
    style.font.name = FONT
    _fonts(style.element.get_or_add_rPr())
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    for key, value in para.items():
        setattr(fmt, key, value)
    return style


def _house_styles(doc: Any) -> None:
    """Decree 30's body text and headings as styles (when no reference document gives them)."""
    normal = _set_style(
        doc,
        "Normal",
        size=BODY_PT,
        alignment=WD_ALIGN_PARAGRAPH.JUSTIFY,
        first_line_indent=Cm(1.27),
        space_before=Pt(0),
        space_after=Pt(6),
        line_spacing=1.15,
    )
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    for level, name in HEADING_STYLES.items():
        _set_style(
            doc,
            name,
            size=BODY_PT,
            bold=True,
            italic=level == 3,
            alignment=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_line_indent=Cm(1.27),
            space_before=Pt(6),
            space_after=Pt(6),
            line_spacing=1.15,
        )
    for name in (TITLE_STYLE, SUBTITLE_STYLE):
        _set_style(
            doc,
            name,
            size=BODY_PT,
            bold=True,
            alignment=WD_ALIGN_PARAGRAPH.CENTER,
            first_line_indent=Cm(0),
            space_before=Pt(0),
            space_after=Pt(0),
            line_spacing=1.0,
        )
        _no_border(doc.styles[name])
        rpr = doc.styles[name].element.get_or_add_rPr()
        for extra in ("w:spacing", "w:kern", "w:caps", "w:i", "w:iCs"):
            for element in rpr.findall(qn(extra)):
                rpr.remove(element)


def _no_border(style: Any) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _keep_headings_with_text(doc: Any) -> None:
    """Whatever the styles come from, a heading stays on the page of the text after it."""
    for name in (*HEADING_STYLES.values(), TITLE_STYLE, SUBTITLE_STYLE):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = True


# ------------------------------------------------------------------ frame


def _page(section: Any, landscape: bool = False) -> None:
    width, height = PORTRAIT_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(height), Mm(width)) if landscape else (Mm(width), Mm(height))
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _page_number(paragraph: Any) -> None:
    """A PAGE field (Word fills in the number)."""
    run = _fixed_run(paragraph, "", HEADER_PT)
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


def _setup(doc: Any) -> None:
    section = doc.sections[0]
    _page(section)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    for run in list(header.runs):
        run._r.getparent().remove(run._r)
    _compact(header)
    _page_number(header)
    for paragraph in section.first_page_header.paragraphs:
        paragraph.text = ""


def _rule(container: Any, width_mm: float, box_mm: float) -> None:
    """A short horizontal rule centred in a box ``box_mm`` wide: a bottom border on an empty paragraph."""
    paragraph = _compact(container.add_paragraph())
    side = max((box_mm - width_mm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _table_borders(table: Any, value: str) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "nil":
            for key, v in (("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                element.set(qn(key), v)
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


def _frame_table(doc: Any, widths_mm: list[float], rows: int = 1) -> Any:
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_borders(table, "nil")
    _cell_margins(table, 0.5)
    _widths(table, widths_mm)
    return table


def _cell_line(cell: Any, text: str, size: float, *, first: bool = False, **kwargs: Any) -> Any:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    _compact(paragraph)
    _fixed_run(paragraph, text, size, **kwargs)
    return paragraph


def _header(doc: Any, d: StateDocument) -> None:
    left_mm = 66  # the national title (13 pt bold) on one line needs ~90 mm of the 99 mm left, cell margins included
    right_mm = TEXT_WIDTH_MM - left_mm
    table = _frame_table(doc, [left_mm, right_mm], rows=2)
    left, right = table.rows[0].cells
    lines = [(part, False) for line in d.header.parent_lines for part in _balanced(line, left_mm)]
    lines += [(part, True) for line in d.header.own_lines for part in _balanced(line, left_mm, bold=True)]
    for i, (line, bold) in enumerate(lines):
        _cell_line(left, line, HEADER_PT, first=i == 0, bold=bold)
    _rule(left, 22, left_mm)
    _cell_line(right, NATIONAL_TITLE, HEADER_PT, first=True, bold=True)
    _cell_line(right, MOTTO, BODY_PT, bold=True)
    _rule(right, 62, right_mm)
    number, place = table.rows[1].cells
    if d.header.number_line:
        # "Số:" then room for the number written by hand, then the symbol.
        line = d.header.number_line.replace("…/", "       /")
        _cell_line(number, line, HEADER_PT, first=True).paragraph_format.space_before = Pt(6)
    # 14 pt, or 13 where it would wrap: Decree 30 sets the place and date at 13 to 14 pt
    size = BODY_PT if _width_mm(d.header.place_date, BODY_PT) <= right_mm - 2 else HEADER_PT
    _cell_line(place, d.header.place_date, size, first=True, italic=True).paragraph_format.space_before = Pt(6)


def _width_mm(text: str, pt: float, *, capitals: bool = False) -> float:
    """About how wide ``text`` is in Times New Roman of ``pt`` points (capitals are wider)."""
    return len(text) * pt * 0.3528 * (0.6 if capitals else 0.47)


def _balanced(line: str, cell_mm: float, *, bold: bool = False) -> list[str]:
    """A header line too wide for its cell in two lines broken as a body's name is: before its place ("SỞ GIÁO DỤC
    VÀ ĐÀO TẠO / TỈNH LÂM ĐỒNG", "UBND / THÀNH PHỐ HỒ CHÍ MINH"), else after a dash, else before "và", else about
    half way between pairs of words; Word broke "UBND THÀNH PHỐ HỒ CHÍ / MINH" inside a proper name."""
    words = line.split()
    if len(words) < 2 or _width_mm(line, HEADER_PT, capitals=True) * (1.05 if bold else 1) <= cell_mm - 2:
        return [line]
    upper = [w.upper() for w in words]
    at = next((i for i in range(1, len(words)) if upper[i] in _PLACES or " ".join(upper[i : i + 2]) in _PLACES), None)
    if at is None:
        at = next((i + 1 for i in range(1, len(words) - 1) if words[i] in ("-", "–")), None)
    if at is None:
        at = next((i for i in range(1, len(words)) if upper[i] == "VÀ"), None)  # "SỞ KHOA HỌC / VÀ CÔNG NGHỆ"
    if at is None:  # about half way, the words after it in pairs (most are two syllables: "TIỂU HỌC", "HÀNH CHÍNH")
        n = len(words) - (words[-1] in ("-", "–"))  # "… TIỂU HỌC -": the dash ends the line, no word of a pair
        paired = [i for i in range(1, n) if (n - i) % 2 == 0] or list(range(1, len(words)))
        at = min(paired, key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return [part for half in (words[:at], words[at:]) for part in _balanced(" ".join(half), cell_mm, bold=bold)]


_PLACES = frozenset({"TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "ĐẶC KHU"})


def _title(doc: Any, d: StateDocument) -> None:
    first = doc.add_paragraph(style=TITLE_STYLE)
    first.paragraph_format.space_before = Pt(18)
    _run(first, d.title)
    _run(doc.add_paragraph(style=SUBTITLE_STYLE), d.subject)
    _rule(doc, 50, TEXT_WIDTH_MM)
    lines = d.addressee_lines
    for i, line in enumerate(lines):
        # One recipient: a centred line. Several: "Kính gửi:" then each recipient under its colon, one block whose
        # dashes line up (each line centred on its own set them all askew).
        block = len(lines) > 1
        p = _compact(
            doc.add_paragraph(),
            WD_ALIGN_PARAGRAPH.LEFT if block else WD_ALIGN_PARAGRAPH.CENTER,
            6 if i == len(lines) - 1 else 0,
        )
        p.paragraph_format.space_before = Pt(6 if i == 0 else 0)
        if block:
            p.paragraph_format.left_indent = Cm(ADDRESSEE_INDENT_CM + (ADDRESSEE_STEP_CM if i else 0))
        _run(p, line)


ADDRESSEE_INDENT_CM = 3.5  # "Kính gửi:" of several recipients, from the left margin
ADDRESSEE_STEP_CM = 2.0  # the recipients, under the colon of "Kính gửi:"


def _signature(doc: Any, d: StateDocument) -> None:
    if d.signer is None:
        return
    table = _frame_table(doc, [85, TEXT_WIDTH_MM - 85])
    _cant_split(table.rows[0])  # the signature block is never cut across two pages
    left, right = table.rows[0].cells
    _cell_line(left, "Nơi nhận:", 12, first=True, bold=True, italic=True).alignment = WD_ALIGN_PARAGRAPH.LEFT
    for line in d.recipients:
        _cell_line(left, line, 11).alignment = WD_ALIGN_PARAGRAPH.LEFT
    for i, text in enumerate(d.signer.lines):
        _cell_line(right, text, BODY_PT, first=i == 0, bold=True)
    for _ in range(4):
        _compact(right.add_paragraph())
    if d.signer.name:
        _cell_line(right, d.signer.name, BODY_PT, bold=True)


def _notice(doc: Any, d: StateDocument, before: float = 0) -> None:
    if not d.synthetic_notice:
        return
    p = _compact(doc.add_paragraph(), after=6)
    p.paragraph_format.space_before = Pt(before)
    run = _fixed_run(p, d.synthetic_notice, 12, bold=True)
    run.font.color.rgb = RED


# ------------------------------------------------------------------ body


def _block(doc: Any, block: Any) -> None:
    if isinstance(block, Heading):
        _run(doc.add_paragraph(style=HEADING_STYLES[min(block.level, 3)]), block.text)
    elif isinstance(block, Paragraph):
        _run(doc.add_paragraph(), block.text)
    elif isinstance(block, Items):
        for line in block.lines:
            _run(doc.add_paragraph(), f"- {line}")
    elif isinstance(block, Placeholder):
        run = _run(doc.add_paragraph(), block.text, bold=True)
        run.font.color.rgb = RED
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    elif isinstance(block, Table):
        _grid(doc, block, TEXT_WIDTH_MM)


def _body(doc: Any, d: StateDocument) -> None:
    if d.opening:
        _run(doc.add_paragraph(), d.opening)
    for note in d.opening_notes:
        _run(doc.add_paragraph(), note)
    for section in d.sections:
        _run(doc.add_paragraph(style=HEADING_STYLES[1]), section.heading)
        for block in section.blocks:
            _block(doc, block)
    if d.closing:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(12)
        p.paragraph_format.keep_with_next = True  # the closing stays with the signature block
        _run(p, d.closing)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def _cant_split(row: Any) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _no_wrap(cell: Any) -> None:
    cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


CHAR_MM = TABLE_PT * 0.3528 * 0.55
"""About the width of one letter of a table's text (Times New Roman, a wide one among Vietnamese letters)."""
CELL_PADDING_MM = 2 * 0.8 + 0.6


def _fitted(t: Table, widths: list[float]) -> list[float]:
    """The columns' widths, each made wide enough for its longest word ("phường" of "xã, phường", a code "V.3-tmv"),
    the room taken from every column in proportion to what it can spare; the table as wide as before. Word breaks a word that
    does not fit a fixed-width cell in two ("phườn|g"), which an official reads as a typing error."""
    need = [
        max((len(word) for text in (c.title, *(r.cells[i] for r in t.rows)) for word in text.split()), default=0)
        * CHAR_MM
        + CELL_PADDING_MM
        for i, c in enumerate(t.columns)
    ]
    fitted = [max(w, n) for w, n in zip(widths, need, strict=True)]
    extra = sum(fitted) - sum(widths)
    spare = [max(f - n, 0.0) for f, n in zip(fitted, need, strict=True)]
    room = sum(spare)
    if extra <= 0 or room <= 0:
        return fitted
    share = min(1.0, extra / room)  # each column gives the same share of what it can spare
    return [f - s * share for f, s in zip(fitted, spare, strict=True)]


def _grid(doc: Any, t: Table, width_mm: float) -> None:
    """A bordered table of figures; header row repeated on every page; rows never split."""
    widths = _fitted(t, [c.width_mm for c in t.columns])
    scale = min(1.0, width_mm / sum(widths))
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _table_borders(table, "single")
    _cell_margins(table, 0.8)
    _widths(table, [w * scale for w in widths])
    head = table.rows[0]
    _repeat_header(head)
    _cant_split(head)
    for cell, column in zip(head.cells, t.columns, strict=False):
        _fixed_run(_compact(cell.paragraphs[0]), column.title, TABLE_PT, bold=True)
    for row, data in zip(table.rows[1:], t.rows, strict=False):
        _cant_split(row)
        for cell, column, text in zip(row.cells, t.columns, data.cells, strict=False):
            align = WD_ALIGN_PARAGRAPH.LEFT if column.align is Align.LEFT else WD_ALIGN_PARAGRAPH.CENTER
            bold = column.title == "Đánh giá" and data.status == "not_met"
            # a cell kept on one line (a code): Word breaks a fixed-width cell at a hyphen whatever w:noWrap says
            _fixed_run(_compact(cell.paragraphs[0], align), text, TABLE_PT, bold=bold, whole=column.nowrap)
            if column.nowrap:
                _no_wrap(cell)
    if t.notes:
        p = _compact(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT)
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.keep_with_next = True
        _fixed_run(p, t.notes_title, 12, italic=True)
        for note in t.notes:
            _fixed_run(_compact(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.JUSTIFY, after=2), note, 12)


def _tiny_break_paragraph(doc: Any) -> None:
    """The paragraph that carries the section break after the signature table: 1 pt high, so that it
    never spills onto a page of its own."""
    holder = doc.element.body.findall(qn("w:p"))[-1]
    ppr = holder.get_or_add_pPr()
    spacing = OxmlElement("w:spacing")
    for key, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
        spacing.set(qn(key), value)
    ppr.insert(0, spacing)
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    rpr.append(size)
    sect = ppr.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(rpr)
    else:
        ppr.append(rpr)


def _restart_page_numbers(section: Any) -> None:
    """The section's pages numbered from 1 (``w:pgNumType w:start="1"``)."""
    sect_pr = section._sectPr
    numbering = sect_pr.find(qn("w:pgNumType"))
    if numbering is None:
        numbering = OxmlElement("w:pgNumType")
        # w:pgNumType comes after w:pgMar, w:paperSrc, w:pgBorders and w:lnNumType in a sectPr.
        found = (sect_pr.find(qn(tag)) for tag in ("w:lnNumType", "w:pgBorders", "w:paperSrc", "w:pgMar"))
        anchor = next((e for e in found if e is not None), None)
        if anchor is not None:
            anchor.addnext(numbering)
        else:
            sect_pr.append(numbering)
    numbering.set(qn("w:start"), "1")


def _annex(doc: Any, annex: Annex) -> None:
    """The annex on its own landscape section, its pages numbered from 1 (the number shown from its page 2, as the
    body's is)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _tiny_break_paragraph(doc)
    _page(section, landscape=True)
    _restart_page_numbers(section)
    section.different_first_page_header_footer = True
    for i, (text, italic) in enumerate(((annex.label, False), (annex.title, False), (annex.attached_to, True))):
        p = _compact(doc.add_paragraph(), after=6 if i == 2 else 0)
        p.paragraph_format.keep_with_next = True
        _fixed_run(p, text, BODY_PT, bold=not italic, italic=italic)
    landscape_width = PORTRAIT_MM[1] - MARGINS_MM["left"] - MARGINS_MM["right"]
    _grid(doc, annex.table, landscape_width)


# ------------------------------------------------------------------ whole


PROPERTY_LIMIT = 255  # characters of a core property (title, subject …): Word's limit, enforced by python-docx


def _property(text: str) -> str:
    """Plan text for a document property: for a document, on one line, cut to the limit."""
    value = " ".join(for_document(text).split())
    return value if len(value) <= PROPERTY_LIMIT else value[: PROPERTY_LIMIT - 1] + "…"


def _properties(doc: Any, d: StateDocument) -> None:
    props = doc.core_properties
    when = datetime(d.made.year, d.made.month, d.made.day, tzinfo=UTC)
    props.title = _property(d.properties.title)
    props.subject = _property(d.properties.subject)
    props.author = _property(d.properties.author)
    props.last_modified_by = _property(d.properties.author)
    props.keywords = _property(d.properties.keywords)
    props.comments = ""
    props.category = _property(d.title.capitalize())
    props.language = "vi-VN"
    props.revision = 1
    props.created = when
    props.modified = when


def _blank(reference: Path | None) -> Any:
    """A new document of kh68's own: with Decree 30's styles, or with the reference document's
    (only its styles, numbering, theme and fonts table: ``kh68.outputs.word_reference``)."""
    if reference is None:
        doc = base_document()
        _house_styles(doc)
        return doc
    doc = reference_document(reference)
    for name in (*HEADING_STYLES.values(), TITLE_STYLE, SUBTITLE_STYLE):
        try:
            doc.styles[name]
        except KeyError:
            _set_style(doc, name, size=BODY_PT, bold=True)
    return doc


def build_document(d: StateDocument, reference: Path | None = None) -> Any:
    doc = _blank(reference)
    _setup(doc)
    _keep_headings_with_text(doc)
    _properties(doc, d)
    _notice(doc, d)
    _header(doc, d)
    _title(doc, d)
    _body(doc, d)
    _signature(doc, d)
    if d.annex is not None:
        _annex(doc, d.annex)
    _notice(doc, d, before=12)
    return doc


def docx_bytes(d: StateDocument, reference: Path | None = None) -> bytes:
    """The document as a .docx; same document, same bytes (fixed time stamps, no generator marks)."""
    buffer = io.BytesIO()
    build_document(d, reference).save(buffer)
    return _fixed_zip(buffer.getvalue(), d.made, d.properties.author)


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>kh68</Application><DocSecurity>0</DocSecurity><Company>{company}</Company>"
    "</Properties>"
)
_THUMBNAIL_REL = re.compile(rb"<Relationship [^>]*docProps/thumbnail\.jpeg\"/>")


def _fixed_zip(data: bytes, day: date, company: str) -> bytes:
    """Every entry dated ``day``; app.xml names kh68 and the issuing body; no template thumbnail."""
    from xml.sax.saxutils import escape

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == "docProps/thumbnail.jpeg":
                continue
            content = source.read(item.filename)
            if item.filename == "docProps/app.xml":
                content = APP_XML.format(company=escape(for_document(company))).encode("utf-8")
            elif item.filename == "_rels/.rels":
                content = _THUMBNAIL_REL.sub(b"", content)
            entry = zipfile.ZipInfo(item.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()
