"""Every report format (Markdown, HTML, Word) gives each indicator the same assessment, and it is `kh68 status`'s
wherever the plan sets a target for the year: a report judges only against what the plan set, so a year status
judges against an interpolated milestone reads "Không đặt chỉ tiêu" in the report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document

from conftest import EXAMPLE_PLAN, invoke

YEARS = [2024, 2025, 2026]


def _status(year: int) -> dict[str, str]:
    """What the report says of each indicator, from `kh68 status --format json`."""
    out = invoke(["status", "--plan", EXAMPLE_PLAN, "--year", year, "--today", f"{year}-11-10", "--format", "json"], 0)
    said = {}
    for i in json.loads(out.stdout)["indicators"]:
        stated = i["target"] is not None and not i["target"]["derived"]
        if i["status"] == "not_computable":
            said[i["id"]] = i["status_label"]
        elif not stated:
            said[i["id"]] = f"Không đặt chỉ tiêu năm {year}"
        elif i["provisional"]:
            said[i["id"]] = "Chưa đánh giá (số liệu tạm tính)"
        else:
            said[i["id"]] = i["status_label"]
    return said


def _args(year: int) -> list:
    return ["report", "--plan", EXAMPLE_PLAN, "--year", year, "--date", f"{year}-11-10"]


def _markdown(year: int) -> dict[str, str]:
    text = invoke(_args(year), 0).stdout
    rows = [line.split(" | ") for line in text.splitlines() if re.match(r"^\| 6\.\d+ \|", line)]
    return {r[0].lstrip("| "): r[7] for r in rows}


def _html(year: int) -> dict[str, str]:
    html = invoke([*_args(year), "--format", "html"], 0).stdout
    rows = re.findall(r'<tr class="[a-z_]+" id="chi-tieu-([0-9.]+)">(.*?)</tr>', html, re.S)
    return {i: re.findall(r"<td[^>]*>(.*?)</td>", cells)[7] for i, cells in rows}


def _word(year: int, tmp_path: Path) -> dict[str, str]:
    out = tmp_path / f"{year}.docx"
    invoke([*_args(year), "--format", "docx", "-o", out], 0)
    table = Document(str(out)).tables[-1]
    return {r.cells[0].text: r.cells[7].text for r in table.rows[1:]}


@pytest.mark.parametrize("year", YEARS)
def test_status_and_every_report_format_agree(year: int, tmp_path: Path) -> None:
    status = _status(year)
    assert len(status) == 13
    assert _markdown(year) == status
    assert _html(year) == status
    assert _word(year, tmp_path) == status
