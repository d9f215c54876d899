"""kh68 report --format docx: the Word document staff send (Decree 30/2020 form)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from conftest import EXAMPLE_PLAN, invoke

DOCX = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--format", "docx"]


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "bao-cao.docx"
    result = invoke([*DOCX, "-o", path], 0)
    assert result.stdout == ""
    assert result.stderr == f"Đã ghi báo cáo Word: {path}\n"
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


def test_fonts(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman"
    assert normal.size == Pt(14)
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert runs
    assert all(r.font.name == "Times New Roman" for r in runs)
    body = [r for r in runs if r.font.size is None or r.font.size >= Pt(13)]
    assert all(Pt(13) <= (r.font.size or normal.size) <= Pt(14) for r in body)


def test_header_is_a_borderless_two_column_table(docx_path: Path) -> None:
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
    assert sizes["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"] == (Pt(13), True)
    number, place = header.rows[1].cells
    assert number.text == "Số:       /BC-SGDĐT"
    assert place.text == "Lâm Đồng, ngày 10 tháng 11 năm 2025"
    assert place.paragraphs[0].runs[0].italic


def test_title_headings_and_synthetic_notice(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].startswith("SỐ LIỆU MINH HỌA")
    assert texts[-1].startswith("SỐ LIỆU MINH HỌA")
    bold = [p.text for p in doc.paragraphs if p.runs and all(r.bold for r in p.runs)]
    assert "BÁO CÁO" in bold
    for heading in (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP",
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025",
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
    ):
        assert heading in bold


def test_indicator_table(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    assert table.style.name == "Table Grid"
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert all(r.bold for c in table.rows[0].cells for p in c.paragraphs for r in p.runs)
    assert [r.cells[0].text for r in table.rows[1:]] == [f"6.{i}" for i in range(1, 14)]
    row = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert row["6.5"][3:7] == ["60", "58,8%", "Thấp hơn chỉ tiêu 1,2 điểm phần trăm", "Chưa đạt"]


def test_signature_block(docx_path: Path) -> None:
    doc = Document(str(docx_path))
    left, right = doc.tables[-1].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- Ủy ban nhân dân tỉnh Lâm Đồng;",
        "- Sở Lao động – Thương binh và Xã hội;",
        "- Lưu: VT, TCHC.",
    ]
    assert right.paragraphs[0].text == "GIÁM ĐỐC"


@pytest.mark.slow
def test_libreoffice_converts_it(docx_path: Path, tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice không có trên máy này (apt-get install libreoffice-writer-nogui)")
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.is_file()
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "pts (A4)" in info
