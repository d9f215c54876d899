"""Golden files of ``kh68 report`` (Markdown) on the synthetic demo plan in examples/.

After a deliberate change to the report, regenerate them with ``make golden``
(``KH68_REGENERATE_GOLDEN=1 pytest tests/test_report_golden.py``) and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, invoke

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("KH68_REGENERATE_GOLDEN") == "1"

CASES = {
    # a year with figures, progress, a late unit, proposals
    "bao-cao-2025.md": ["--year", "2025", "--date", "2025-11-10"],
    # first plan year: no target for the year yet, most units have not reported
    "bao-cao-2024.md": ["--year", "2024", "--date", "2024-11-08"],
    # a year without any data: a complete report saying so
    "bao-cao-2027-chua-co-so-lieu.md": ["--year", "2027", "--date", "2027-11-10"],
    # one unit's part of the report
    "bao-cao-2025-phong-gdth-gdmn.md": ["--year", "2025", "--date", "2025-11-06", "--unit", "phong_gdth_gdmn"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown_matches_golden(name: str) -> None:
    out = invoke(["report", "--plan", EXAMPLE_PLAN, *CASES[name]], 0).stdout
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(out, encoding="utf-8", newline="\n")
    assert path.is_file(), f"thiếu {path}: chạy 'make golden'"
    assert out == path.read_text(encoding="utf-8"), f"{name} khác tệp mẫu; nếu thay đổi là cố ý, chạy 'make golden'"
