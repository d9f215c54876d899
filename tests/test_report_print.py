"""The report as an official prints it: the HTML page in headless Chromium (on screen and on A4), and the Word file
converted to PDF by LibreOffice (the annex's own page numbers). Skipped, saying what is missing, without the tools.

Text outside its cell is found in two ways. On screen, Chromium lays the page out at a wide and a narrow window and
a script counts the cells whose content is wider than the cell (``scrollWidth > clientWidth``). On A4, the PDF
Chromium prints is read word by word with its position (``pdftotext -bbox``): no word of the annex table may cross
a column's edge, the edges being where the page's margin and the columns' widths put them.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, invoke
from tools import require

MM = 72 / 25.4  # points per millimetre
PRINT_TIMEOUT = 180


def _html(tmp_path: Path, year: int) -> Path:
    page = tmp_path / f"bao-cao-{year}.html"
    invoke(
        [
            "report",
            "--plan",
            EXAMPLE_PLAN,
            "--year",
            str(year),
            "--date",
            f"{year}-11-10",
            "--format",
            "html",
            "-o",
            page,
        ],
        0,
    )
    return page


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    argv = [*require("chromium").argv, f"--user-data-dir={tmp_path / 'chromium-profile'}", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=PRINT_TIMEOUT, check=False, cwd=tmp_path)


OVERFLOW_SCRIPT = """<script>
window.addEventListener("load", () => {
  const bad = [];
  for (const cell of document.querySelectorAll("td, th")) {
    if (cell.scrollWidth > cell.clientWidth + 1) bad.push(cell.textContent.trim().slice(0, 40));
  }
  const out = document.createElement("pre");
  out.id = "tran-o";
  out.textContent = "TRÀN:" + JSON.stringify(bad);
  document.body.appendChild(out);
});
</script>"""


@pytest.mark.slow
@pytest.mark.needs("chromium")
@pytest.mark.parametrize("width", [1600, 700])
def test_on_screen_no_text_runs_out_of_its_cell(tmp_path: Path, width: int) -> None:
    page = _html(tmp_path, 2025)
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", OVERFLOW_SCRIPT + "</body>"), encoding="utf-8")
    done = _chromium(tmp_path, f"--window-size={width},1000", "--dump-dom", page.as_uri())
    found = re.search(r"TRÀN:(\[.*?\])", unescape(done.stdout))
    assert found is not None, done.stderr[-500:]
    assert found.group(1) == "[]", f"ô bị tràn ở cửa sổ rộng {width} px: {found.group(1)}"


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes (xMin, yMin, xMax, yMax, word)."""
    out = subprocess.run(
        [require("pdftotext").program, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        pages.append(
            [
                (float(a), float(b), float(c), float(d), unescape(w))
                for a, b, c, d, w in re.findall(
                    r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*?)</word>', page
                )
            ]
        )
    return pages


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = subprocess.run(
        [require("pdftotext").program, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r'<page width="([0-9.]+)" height="([0-9.]+)">', out)]


@pytest.mark.slow
@pytest.mark.needs("chromium", "pdftotext")
@pytest.mark.parametrize("year", [2025, 2026])
def test_on_a4_the_annex_keeps_every_word_inside_its_column(tmp_path: Path, year: int) -> None:
    page = _html(tmp_path, year)
    html = page.read_text(encoding="utf-8")
    pdf = tmp_path / "bao-cao.pdf"
    done = _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.is_file(), done.stderr[-500:]
    annex = html[html.index('<table class="chi-tieu">') :]
    widths = [float(w) for w in re.findall(r'<col style="width:([0-9.]+)mm">', annex)][:10]
    left = float(re.search(r"@page phu-luc \{[^}]*margin: \S+ \S+ \S+ ([0-9.]+)mm", html).group(1))
    edges, x = [], left
    for w in widths:
        x += w
        edges.append(x * MM)
    edges = edges[:-1]  # the inner edges between columns
    sizes, pages = _page_sizes(pdf), _words(pdf)
    landscape = [words for (w, h), words in zip(sizes, pages, strict=True) if w > h]
    assert landscape, "Phụ lục không in trên trang ngang"
    checked = 0
    for words in landscape:
        heads = [w for w in words if w[4] == "Mã"]
        notes = [w for w in words if w[4] == "Nguồn" and any(v[4] == "liệu" and abs(v[1] - w[1]) < 1 for v in words)]
        if not heads:
            continue
        top = heads[0][1]
        bottom = notes[0][1] if notes else max(w[3] for w in words)
        for x0, y0, x1, _, word in words:
            if top <= y0 < bottom:
                checked += 1
                crossed = [e for e in edges if x0 + 0.5 < e < x1 - 0.5]
                assert not crossed, f"'{word}' ({x0:.1f}–{x1:.1f} pt) vượt ra ngoài cột (mép {crossed[0]:.1f} pt)"
    assert checked > 100


def _lines(pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        [require("pdftotext").program, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]


@pytest.mark.slow
@pytest.mark.needs("chromium", "pdftotext")
def test_on_a4_no_heading_or_closing_is_left_at_the_foot_of_a_page(tmp_path: Path) -> None:
    page = _html(tmp_path, 2025)
    pdf = tmp_path / "bao-cao.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    pages = [p for p in _lines(pdf) if p]
    html = page.read_text(encoding="utf-8")
    headings = [unescape(h) for h in re.findall(r"<h[1-4]>(.*?)</h[1-4]>", html)]
    stranded = ("Diễn biến kết quả", "Trên đây là báo cáo", "Phụ lục", "Nguồn số liệu và ghi chú")
    for number, lines in enumerate(pages[:-1], 1):
        last = lines[-1]
        assert not any(h.startswith(last) or last.startswith(h) for h in headings), (number, last)
        assert not last.startswith(stranded), (number, last)
    # the closing banner shares a page with what precedes it
    assert len(pages[-1]) > 2


@pytest.mark.slow
@pytest.mark.needs("writer", "pdftotext")
def test_word_annex_pages_are_numbered_from_1(tmp_path: Path) -> None:
    pdf = tmp_path / "bao-cao.pdf"
    invoke(
        ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--format", "pdf", "-o", pdf], 0
    )
    pages = [p for p in _lines(pdf) if p]
    first = next(i for i, lines in enumerate(pages) if lines[0] == "Phụ lục" or "Phụ lục" in lines[:2])
    body, annex = pages[:first], pages[first:]
    assert len(body) >= 2, (len(body), len(annex))
    assert len(annex) >= 2, (len(body), len(annex))
    # the body: no number on page 1, then 2, 3, …; the annex again from 1 (not shown on its first page)
    assert [lines[0] for lines in body[1:]] == [str(n) for n in range(2, len(body) + 1)]
    assert annex[0][0] != str(len(body) + 1)
    assert [lines[0] for lines in annex[1:]] == [str(n) for n in range(2, len(annex) + 1)]
    text = "\n".join(line for lines in pages for line in lines)
    for invisible in ("\u2060", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"):
        assert invisible not in text
