"""kh68 report --format docx/pdf: the Word document staff send (Decree 30/2020 form)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import EXAMPLE_BLANKS, EXAMPLE_PLAN, REPO, cpu_time, invoke, replace_in
from docx_outline import NBH, headings, outline, paragraph_text
from kh68.core.vnformat import format_number
from kh68.lint.check import load_plan
from tools import require

DOCX = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--format", "docx"]


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "bao-cao.docx"
    result = invoke([*DOCX, "-o", path], 0)
    assert result.stdout == ""
    assert result.stderr == f"{EXAMPLE_BLANKS}Đã ghi báo cáo Word: {path}\n"
    return path


def test_page_setup(docx_path: Path) -> None:
    section = Document(str(docx_path)).sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    margins = [
        round(m.mm, 1) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ]
    top, bottom, left, right = margins  # Word stores twips: 15 mm reads back as 14,99 mm
    assert 20 <= top <= 25, margins
    assert 20 <= bottom <= 25, margins
    assert 30 <= left <= 35, margins
    assert 15 <= right <= 20, margins
    # page numbers from page 2: a PAGE field in the header, none on the first page
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_the_annex_is_a_landscape_section_with_a_repeated_header_row(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    annex = doc.sections[1]
    assert (round(annex.page_width.mm), round(annex.page_height.mm)) == (297, 210)
    # the annex's pages are numbered on their own, from 1 (shown from its second page, as the body's are)
    assert annex.different_first_page_header_footer
    assert annex._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert doc.sections[0]._sectPr.find(qn("w:pgNumType")) is None
    table = doc.tables[-1]
    assert table.rows[0].cells[0].text == "Mã"
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert all("w:cantSplit" in r._tr.xml for r in table.rows)
    row = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert row["6.5"][3:8] == ["60%", "58,8%", "55%", "Thấp hơn chỉ tiêu 1,2 điểm phần trăm", "Chưa đạt"]
    # a cell's text stays in its cell: only the code column never wraps (a value wraps between its words)
    assert "w:noWrap" in table.rows[5].cells[0]._tc.xml
    assert "w:noWrap" not in table.rows[5].cells[4]._tc.xml


def test_headings_are_heading_styles_kept_with_the_next_paragraph(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    by_style = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"] == [
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ]
    assert by_style["Heading 2"][:2] == [
        "1. Kết quả thực hiện các nhiệm vụ, giải pháp chủ yếu",
        "2. Kết quả thực hiện các chỉ tiêu chủ yếu",
    ]
    assert by_style["Heading 3"][0] == "1.1. Nâng cao nhận thức về vị trí, vai trò của chính sách xã hội"
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title", "Subtitle"):
        style = doc.styles[name]
        assert style.paragraph_format.keep_with_next is True, name
        assert style.font.name == "Times New Roman", name
        assert style.font.size == Pt(14), name
        assert str(style.font.color.rgb) == "000000", name


def test_fonts(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman"
    assert normal.size == Pt(14)
    assert doc.styles["Normal"].paragraph_format.first_line_indent is not None


def test_document_symbols_have_non_breaking_hyphens_and_no_invisible_character(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    texts = [paragraph_text(p._p) for p in doc.paragraphs]
    opening = next(t for t in texts if t.startswith("Thực hiện "))
    subject = next(t for t in texts if t.startswith("Kết quả thực hiện năm 2025"))
    assert f"6121/KH{NBH}UBND" in opening  # Word's own non-breaking hyphen (w:noBreakHyphen)
    assert f"78{NBH}CTr/TU" in subject
    assert "KH-UBND" not in opening
    header = doc.tables[0].rows[1].cells[0]
    assert paragraph_text(header.paragraphs[0]._p) == f"Số:        /BC{NBH}SGDĐT"
    # dates and ranges keep their ordinary characters
    assert "22/7/2024" in opening
    # nothing invisible in the text: a symbol copied or searched is the symbol
    with zipfile.ZipFile(docx_path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    for invisible in ("\u2060", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"):
        assert invisible not in xml


def test_core_properties_and_no_generator_marks(docx_path: Path) -> None:
    props = Document(str(docx_path)).core_properties
    title = " ".join(load_plan(EXAMPLE_PLAN).meta.title.split())
    subject = (
        "Kết quả thực hiện năm 2025 Kế hoạch số …/KH-SGDĐT năm 2024 của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng "
        f"về {title[0].lower()}{title[1:]}"
    )
    # Word keeps 255 characters of a property: the plan's long title is cut with "…".
    assert props.title == f"Báo cáo {subject[0].lower()}{subject[1:]}"[:254] + "…"
    assert props.subject == subject[:254] + "…"
    assert props.author == "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"
    assert props.last_modified_by == "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"
    assert props.created == datetime(2025, 11, 10, tzinfo=UTC)
    assert props.modified == props.created
    assert props.comments == ""
    with zipfile.ZipFile(docx_path) as z:
        meta = b"".join(z.read(n) for n in z.namelist() if n.startswith("docProps/") or n == "_rels/.rels")
        assert "docProps/thumbnail.jpeg" not in z.namelist()
        assert {i.date_time for i in z.infolist()} == {(2025, 11, 10, 0, 0, 0)}
    for mark in (b"python-docx", b"2013", b"Macintosh", b"thumbnail"):
        assert mark not in meta, mark
    assert b"<Application>kh68</Application>" in meta


def test_header_and_signature_blocks(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    header = doc.tables[0]
    assert 'w:val="nil"' in header._tbl.tblPr.xml
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == ["UBND TỈNH LÂM ĐỒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    sizes = {r.text: (r.font.size, r.bold) for c in (left, right) for p in c.paragraphs for r in p.runs if r.text}
    assert sizes["UBND TỈNH LÂM ĐỒNG"] == (Pt(13), None)
    assert sizes["SỞ GIÁO DỤC VÀ ĐÀO TẠO"] == (Pt(13), True)
    place = header.rows[1].cells[1]
    assert place.text == "Lâm Đồng, ngày 10 tháng 11 năm 2025"
    assert place.paragraphs[0].runs[0].italic
    left, right = doc.tables[1].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- Như trên;",  # the recipients of "Kính gửi"
        "- Lưu: VT, TCHC.",
    ]
    addressed = [p for p in doc.paragraphs if p.text.startswith(("Kính gửi", "- Ủy", "- Sở"))][:3]
    assert [p.text for p in addressed] == [
        "Kính gửi:",
        "- Ủy ban nhân dân tỉnh Lâm Đồng;",
        "- Sở Nội vụ tỉnh Lâm Đồng.",  # the successor of the Sở LĐTBXH for social policy from 01/3/2025
    ]
    # one block: left-aligned, the recipients' dashes under the colon (each line centred set them askew)
    assert [(p.alignment, round(p.paragraph_format.left_indent.cm, 1)) for p in addressed] == [
        (WD_ALIGN_PARAGRAPH.LEFT, 3.5),
        (WD_ALIGN_PARAGRAPH.LEFT, 5.5),
        (WD_ALIGN_PARAGRAPH.LEFT, 5.5),
    ]
    assert right.paragraphs[0].text == "GIÁM ĐỐC"


def test_a_reference_document_gives_its_styles(tmp_path: Path) -> None:
    reference = tmp_path / "mau-cua-so.docx"
    own = Document()
    own.styles["Normal"].font.name = "Arial"
    own.styles["Normal"].font.size = Pt(13)
    own.styles["Heading 1"].font.name = "Arial"
    own.add_paragraph("nội dung cũ phải mất")
    own.save(str(reference))
    out = tmp_path / "bao-cao.docx"
    invoke([*DOCX, "--reference-docx", reference, "-o", out], 0)
    doc = Document(str(out))
    assert doc.styles["Normal"].font.name == "Arial"
    assert doc.styles["Normal"].font.size == Pt(13)
    assert doc.styles["Heading 1"].font.name == "Arial"
    assert doc.styles["Heading 1"].paragraph_format.keep_with_next is True
    assert "nội dung cũ phải mất" not in [p.text for p in doc.paragraphs]
    assert round(doc.sections[0].left_margin.mm) == 30  # the page set-up stays Decree 30's


def test_reference_docx_needs_a_file_and_a_word_format(tmp_path: Path) -> None:
    result = invoke([*DOCX, "--reference-docx", tmp_path / "khong-co.docx", "-o", tmp_path / "x.docx"], 2)
    assert result.stderr == f"kh68: lỗi: không có tệp Word mẫu '{tmp_path / 'khong-co.docx'}' (--reference-docx).\n"
    md = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--reference-docx", tmp_path]
    assert invoke(md, 2).stderr == "kh68: lỗi: --reference-docx chỉ dùng với --format docx hoặc pdf.\n"


def test_a_new_report_file_has_ordinary_permissions(tmp_path: Path) -> None:
    import os

    out = tmp_path / "moi.docx"
    invoke([*DOCX, "-o", out], 0)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_pdf_without_libreoffice_says_so(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.pdf"
    cmd = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--format", "pdf", "-o", out]
    result = invoke(cmd, 1, env={"KH68_SOFFICE": str(tmp_path / "khong-co-soffice")})
    assert result.stderr.startswith("kh68: lỗi: không tìm thấy LibreOffice (lệnh soffice) để chuyển sang PDF.")
    assert not out.exists()


# ------------------------------------------------------------------ through LibreOffice

SYMBOLS = re.compile(r"[0-9…]+[-/][0-9A-Za-zĐđ]+(?:[-/][0-9A-Za-zĐđ]+)+")


def _pdf_pages(pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        [*require("pdftotext").argv, str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "\u2060" not in text
    text = text.replace("\u2011", "-")
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]


@pytest.mark.slow
@pytest.mark.needs("writer", "pdftotext")
@pytest.mark.parametrize("year", [2025, 2026])
def test_pdf_has_no_stranded_heading_and_no_broken_symbol(tmp_path: Path, year: int) -> None:
    docx, pdf = tmp_path / "bao-cao.docx", tmp_path / "bao-cao.pdf"
    base = ["report", "--plan", EXAMPLE_PLAN, "--year", str(year), "--date", f"{year}-11-10"]
    invoke([*base, "--format", "docx", "-o", docx], 0)
    invoke([*base, "--format", "pdf", "-o", pdf], 0)
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = [p for p in _pdf_pages(pdf) if p]
    assert len(pages) >= 3
    titles = [h.replace(NBH, "-") for h in headings(docx)]
    for number, page in enumerate(pages[:-1], 1):
        last = page[-1]
        assert not any(t.startswith(last) or last.startswith(t) for t in titles), (number, last)
    lines = [line for page in pages for line in page]
    source = "\n".join(outline(docx)).replace(NBH, "-")
    symbols = sorted(set(SYMBOLS.findall(source)))
    assert "6121/KH-UBND" in symbols
    assert "68/NQ-CP" in symbols
    assert "78-CTr/TU" in symbols
    for before, after in itertools.pairwise(lines):
        for symbol in symbols:
            for cut in range(1, len(symbol)):
                head, tail = symbol[:cut], symbol[cut:]
                broken = before.endswith(head) and after.startswith(tail) and not before.endswith(symbol)
                assert not broken, (symbol, before, after)


@pytest.mark.slow
@pytest.mark.needs("writer")
def test_the_same_report_is_the_same_pdf(tmp_path: Path) -> None:
    """A hostile probe: two runs differed in the PDF's creation time and its random identifier."""
    base = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--format", "pdf", "-o"]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    invoke([*base, first], 0, env={"TZ": "UTC"})
    invoke([*base, second], 0, env={"TZ": "Asia/Ho_Chi_Minh"})  # a review: the zone was in the creation date
    assert first.read_bytes() == second.read_bytes()
    assert b"/CreationDate(D:20251110000000" in first.read_bytes()


def test_a_pdf_is_made_reproducible_keeping_every_offset() -> None:
    from kh68.outputs.pdf import reproducible

    made = dt.date(2025, 11, 10)
    body = b"%%PDF-1.6\n1 0 obj<</CreationDate(D:20261206022606+07'00')>>endobj\ntrailer<</ID [ <%s>\n<%s> ]\n"
    tail = b"/DocChecksum /%s\n>>\nstartxref\n9\n%%%%EOF\n"
    one = body % (b"A" * 32, b"B" * 32) + tail % (b"C" * 32)
    other = body.replace(b"022606", b"235959") % (b"D" * 32, b"E" * 32) + tail % (b"F" * 32)
    assert reproducible(one, made) == reproducible(other, made)
    assert len(reproducible(one, made)) == len(one)
    assert b"(D:20251110000000+07'00')" in reproducible(one, made)


def _docx_with(tmp_path: Path, name: str, change) -> Path:
    """A real .docx whose parts go through ``change(part, data)`` (``None`` drops the part)."""
    source = tmp_path / "goc.docx"
    Document().save(str(source))
    path = tmp_path / name
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = change(info.filename, src.read(info))
            if data is not None:
                out.writestr(info.filename, data)
    return path


def _zip_of(path: Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for part, text in parts.items():
            archive.writestr(part, text)


SAVE_DOCX = "mở bằng Word và lưu lại dạng .docx"


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("van-ban.docx", lambda p: p.write_text("không phải docx"), f"không phải tệp Word .docx hợp lệ; {SAVE_DOCX}"),
        (
            "bang-tinh.docx",
            lambda p: _zip_of(p, {"xl/workbook.xml": "<workbook/>"}),
            f"không phải văn bản Word (thiếu phần nội dung hoặc kiểu chữ); {SAVE_DOCX}",
        ),
    ],
    ids=["text", "empty-zip"],
)
def test_a_reference_that_is_not_a_word_document_is_refused(tmp_path: Path, name: str, make, reason: str) -> None:
    path = tmp_path / name
    make(path)
    out = tmp_path / "bao-cao.docx"
    result = invoke(
        ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--format", "docx", "-o", out, "--reference-docx", path],
        1,
    )
    assert result.output == f"kh68: lỗi: tệp Word mẫu '{path}' (--reference-docx) {reason}\n"
    assert not out.exists()


def test_a_reference_that_is_a_zip_bomb_or_declares_entities_is_refused_before_python_docx(tmp_path: Path) -> None:
    bomb = _docx_with(
        tmp_path,
        "bom.docx",
        lambda part, data: data + b"<!--" + b" " * (40 * 1024 * 1024) + b"-->" if part == "word/styles.xml" else data,
    )
    xxe = _docx_with(
        tmp_path,
        "xxe.docx",
        lambda part, data: (
            data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
            if part == "word/styles.xml"
            else data
        ),
    )
    broken = _docx_with(tmp_path, "hong.docx", lambda part, data: b"<<<" if part == "word/styles.xml" else data)
    out = tmp_path / "bao-cao.docx"
    args = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--format", "docx", "-o", out, "--reference-docx"]
    with zipfile.ZipFile(bomb) as archive:
        size = archive.getinfo("word/styles.xml").file_size
    assert invoke([*args, bomb], 1).output.startswith(
        f"kh68: lỗi: tệp Word mẫu '{bomb}' (--reference-docx): tệp giải nén ra quá lớn (word/styles.xml: "
        f"{format_number(size)} byte, nén "
    )
    assert invoke([*args, xxe], 1).output == (
        f"kh68: lỗi: tệp Word mẫu '{xxe}' (--reference-docx): phần word/styles.xml khai báo DOCTYPE/ENTITY (không có "
        "trong tệp Office thật, có thể là tệp độc hại); không đọc\n"
    )
    assert invoke([*args, broken], 1).output == (
        f"kh68: lỗi: tệp Word mẫu '{broken}' (--reference-docx) có phần word/styles.xml bị hỏng; {SAVE_DOCX}\n"
    )
    assert not out.exists()
    good = _docx_with(tmp_path, "mau.docx", lambda part, data: data)
    invoke([*args, good], 0)
    assert Document(str(out)).paragraphs


def test_a_long_word_of_plan_text_is_written_in_seconds(example_copy, tmp_path):
    """Looking for document symbols (125/KH-SGDĐT) rescanned a long word from each letter: minutes."""
    replace_in(example_copy / "indicators.yaml", '"2025": "95"', '"2025": "' + "a" * 300_000 + '"')
    with cpu_time() as spent:
        invoke(["report", "--plan", example_copy, "--year", "2025", "--format", "docx", "-o", tmp_path / "r.docx"], 0)
    assert spent() < 30


def test_codes_in_the_annex_never_break_at_their_hyphen(tmp_path: Path) -> None:
    """Word breaks a fixed-width cell at a hyphen whatever w:noWrap says ("XK-" / "TB"): every hyphen of the code
    column is Word's non-breaking hyphen, the codes in the body's text keep their ordinary hyphens."""
    path = tmp_path / "bao-cao.docx"
    sonla = REPO / "tests" / "fixtures" / "plans" / "sonla-2954"
    invoke(["report", "--plan", sonla, "--year", "2026", "--date", "2026-11-27", "--format", "docx", "-o", path], 0)
    doc = Document(str(path))
    annex = doc.tables[-1]
    codes = [paragraph_text(row.cells[0].paragraphs[0]._p) for row in annex.rows[1:]]
    assert f"XK{NBH}TB" in codes
    assert f"P2.1{NBH}L" in codes
    assert f"P1.I.1{NBH}DT" in codes
    assert not [code for code in codes if "-" in code]
    # the name next to it wraps as usual
    assert paragraph_text(annex.rows[codes.index(f"XK{NBH}TB") + 1].cells[1].paragraphs[0]._p) == (
        "Tốc độ tăng bình quân hàng năm giá trị hàng hóa tham gia xuất khẩu"
    )
    body = " ".join(paragraph_text(p._p) for p in doc.paragraphs)
    assert "đang triển khai 02 chỉ tiêu (P2.2-L, P2.7-GT)" in body


def test_a_column_is_as_wide_as_its_longest_word_the_table_as_wide_as_before() -> None:
    """An official's reading of the Word annex: "xã, phườn|g", "V.3-t|mv": Word broke a word that did not fit its
    fixed-width cell. Each column now fits its longest word, the room taken from the columns that can spare it."""
    from kh68.outputs.document import Column, Row, Table
    from kh68.outputs.word import CELL_PADDING_MM, CHAR_MM, _fitted

    table = Table(
        (Column("Mã", 12, nowrap=True), Column("Chỉ tiêu", 56), Column("Đơn vị tính", 13), Column("So sánh", 37)),
        (Row(("V.3-tmv", "Số xã, phường có tiềm năng", "xã, phường", "–")),),
    )
    widths = _fitted(table, [12, 56, 13, 37])
    assert round(sum(widths), 6) == 12 + 56 + 13 + 37
    assert widths[0] >= len("V.3-tmv") * CHAR_MM + CELL_PADDING_MM
    assert widths[2] >= len("phường") * CHAR_MM + CELL_PADDING_MM
    assert widths[1] < 56  # both gave room, each in proportion to what it could spare
    assert widths[3] < 37
    assert _fitted(table, [30, 56, 30, 37]) == [30, 56, 30, 37]  # room enough: as the document sets them


@pytest.mark.parametrize(
    ("line", "bold", "lines"),
    [
        (
            "UBND THÀNH PHỐ HỒ CHÍ MINH",
            False,
            ["UBND", "THÀNH PHỐ HỒ CHÍ MINH"],
        ),  # before its place, never "… CHÍ / MINH"
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LÂM ĐỒNG", False, ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH LÂM ĐỒNG"]),
        ("PHÒNG TỔ CHỨC HÀNH CHÍNH", True, ["PHÒNG TỔ CHỨC", "HÀNH CHÍNH"]),  # was "PHÒNG TỔ CHỨC HÀNH / CHÍNH"
        ("PHÒNG GIÁO DỤC TIỂU HỌC - GIÁO DỤC MẦM NON", True, ["PHÒNG GIÁO DỤC", "TIỂU HỌC -", "GIÁO DỤC MẦM NON"]),
        ("SỞ CÔNG THƯƠNG", True, ["SỞ CÔNG THƯƠNG"]),
    ],
)
def test_a_header_line_too_wide_is_broken_as_a_bodys_name_is(line: str, bold: bool, lines: list[str]) -> None:
    """An official's second reading: Word broke the header's names inside a proper name ("UBND THÀNH PHỐ HỒ CHÍ /
    MINH", "PHÒNG GIÁO DỤC TIỂU / HỌC …")."""
    from kh68.outputs.word import _balanced

    assert _balanced(line, 66, bold=bold) == lines


@pytest.mark.parametrize(
    ("plan", "args", "said", "size"),
    [
        ("examples/plan", ["--year", "2025", "--date", "2025-11-05"], "Lâm Đồng, ngày 05 tháng 11 năm 2025", 14),
        # an official's second reading: the long place and date broke over two lines at 14 pt
        (
            "tests/fixtures/plans/hcm-2820",
            ["--period", "2026-Q4", "--date", "2026-12-20"],
            "Thành phố Hồ Chí Minh, ngày 20 tháng 12 năm 2026",
            13,
        ),
    ],
)
def test_the_place_and_date_take_a_size_decree_30_allows_that_fits(
    tmp_path: Path, plan: str, args: list[str], said: str, size: int
) -> None:
    out = tmp_path / "bao-cao.docx"
    invoke(["report", "--plan", REPO / plan, *args, "-o", out], 0)
    cell = Document(str(out)).tables[0].rows[1].cells[1]
    assert [(p.text, [r.font.size.pt for r in p.runs]) for p in cell.paragraphs] == [(said, [size])]
