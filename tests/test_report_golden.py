"""Golden files of ``kh68 report`` on the synthetic demo plan in examples/: Markdown, and the
Word document's text and structure (paragraph styles, tables, sections and their orientation).

After a deliberate change to the report, regenerate them with ``make golden``
(``KH68_REGENERATE_GOLDEN=1 pytest tests/test_report_golden.py``) and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, invoke
from docx_outline import outline

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("KH68_REGENERATE_GOLDEN") == "1"

CASES = {
    # a year with figures, progress, the department's own words
    "bao-cao-2025.md": ["--year", "2025", "--date", "2025-11-10"],
    # the following year: no figures yet, no words yet — every part the department owes is a placeholder
    "bao-cao-2026.md": ["--year", "2026", "--date", "2026-11-10"],
    # first plan year: no target for the year yet
    "bao-cao-2024.md": ["--year", "2024", "--date", "2024-11-08"],
    # a year without any data
    "bao-cao-2027-chua-co-so-lieu.md": ["--year", "2027", "--date", "2027-11-10"],
    # a division's report to the coordinating division
    "bao-cao-2025-phong-gdth-gdmn.md": ["--year", "2025", "--date", "2025-11-06", "--unit", "phong_gdth_gdmn"],
    # the coordinating division's internal summary, with the lateness table
    "tong-hop-noi-bo-2025.md": ["--year", "2025", "--date", "2025-11-08", "--internal"],
}
WORD_CASES = {
    "bao-cao-2025.docx.txt": ["--year", "2025", "--date", "2025-11-10"],
    "bao-cao-2026.docx.txt": ["--year", "2026", "--date", "2026-11-10"],
}


def _compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"thiếu {path}: chạy 'make golden'"
    assert text == path.read_text(encoding="utf-8"), f"{name} khác tệp mẫu; nếu thay đổi là cố ý, chạy 'make golden'"


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown_matches_golden(name: str) -> None:
    _compare(name, invoke(["report", "--plan", EXAMPLE_PLAN, *CASES[name]], 0).stdout)


@pytest.mark.parametrize("name", sorted(WORD_CASES))
def test_word_text_and_structure_match_golden(name: str, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    invoke(["report", "--plan", EXAMPLE_PLAN, *WORD_CASES[name], "--format", "docx", "-o", out], 0)
    _compare(name, "\n".join(outline(out)) + "\n")
