"""A readable dump of a .docx for golden files and tests: sections, paragraph styles, text, tables.

Text is read from the XML itself, so that a non-breaking hyphen (w:noBreakHyphen) shows as
U+2011, as Word lays it out (python-docx's ``.text`` would show
a plain hyphen).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

NBH = "\u2011"


def run_text(element) -> str:
    out = []
    for node in element.iter():
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:noBreakHyphen"):
            out.append(NBH)
        elif node.tag == qn("w:tab"):
            out.append("\t")
    return "".join(out)


def paragraph_text(p) -> str:
    return "".join(run_text(r) for r in p.findall(qn("w:r")))


def _section_line(sect_pr, number: int) -> str:
    size = sect_pr.find(qn("w:pgSz"))
    width, height = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    orient = "landscape" if width > height else "portrait"
    return f"== section {number}: {orient} {round(width / 56.6929)}×{round(height / 56.6929)} mm"


def outline(path: Path) -> list[str]:
    """One line per paragraph (``style | text``) and per table row; section breaks with orientation."""
    doc = Document(str(path))
    styles = {s.style_id: s.name for s in doc.styles}
    lines: list[str] = []
    section = 1
    pending: list[str] = []
    for child in doc.element.body:
        if child.tag == qn("w:p"):
            ppr = child.find(qn("w:pPr"))
            style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
            style = styles.get(style_el.get(qn("w:val")), "?") if style_el is not None else "Normal"
            text = paragraph_text(child)
            if text:
                pending.append(f"{style} | {text}")
            sect = ppr.find(qn("w:sectPr")) if ppr is not None else None
            if sect is not None:
                lines += [_section_line(sect, section), *pending]
                pending, section = [], section + 1
        elif child.tag == qn("w:tbl"):
            pending.append("[table]")
            for tr in child.findall(qn("w:tr")):
                head = tr.find(qn("w:trPr"))
                mark = "H" if head is not None and head.find(qn("w:tblHeader")) is not None else "-"
                cells = [
                    " / ".join(paragraph_text(p) for p in tc.findall(qn("w:p")) if paragraph_text(p))
                    for tc in tr.findall(qn("w:tc"))
                ]
                pending.append(f"  {mark} " + " | ".join(cells))
        elif child.tag == qn("w:sectPr"):
            lines += [_section_line(child, section), *pending]
            pending = []
    return lines


def headings(path: Path) -> list[str]:
    return [line.split(" | ", 1)[1] for line in outline(path) if line.startswith(("Heading ", "Title |", "Subtitle |"))]
