"""Status, JSON and every report format say the same assessment for every indicator (one engine, one vocabulary)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document

from conftest import EXAMPLE_PLAN, invoke
from test_report import indicator_table

ASSESSMENT = "Đánh giá"


def _status_labels(year: int) -> dict[str, str]:
    args = ["status", "--plan", EXAMPLE_PLAN, "--year", str(year), "--today", f"{year}-11-06", "--format", "json"]
    return {i["id"]: i["status_label"] for i in json.loads(invoke(args, 0).output)["indicators"]}


def _args(year: int, fmt: str) -> list:
    return ["report", "--plan", EXAMPLE_PLAN, "--year", str(year), "--date", f"{year}-11-10", "--format", fmt]


def _report(year: int, fmt: str) -> str:
    return invoke(_args(year, fmt), 0).stdout


def _by_column(rows: list[list[str]]) -> dict[str, str]:
    """Assessment by indicator id from a table whose header row names the column."""
    header, *body = rows
    column = next(i for i, h in enumerate(header) if h.startswith(ASSESSMENT))
    ids = [r for r in body if re.fullmatch(r"6\.\d+", r[0]) or re.fullmatch(r"6\.\d+", r[1])]
    return {(r[0] if r[0].startswith("6.") else r[1]): r[column] for r in ids}


def _docx(year: int, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / f"{year}.docx"
    invoke([*_args(year, "docx"), "-o", path], 0)
    tables = [[[c.text for c in r.cells] for r in t.rows] for t in Document(str(path)).tables]
    return _by_column(next(t for t in tables if any(h.startswith(ASSESSMENT) for h in t[0])))


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_status_and_every_report_format_agree_on_every_indicator(year: int, tmp_path: Path) -> None:
    status = _status_labels(year)
    markdown = _by_column(indicator_table(_report(year, "md")))
    rows = re.findall(
        r'<tr class="[a-z_]+" id="chi-tieu-([0-9.]+)">.*?<span class="tt">(.*?)</span>', _report(year, "html"), re.S
    )
    html = dict(rows)
    assert list(status) == [f"6.{n}" for n in range(1, 14)]
    assert markdown == status
    assert html == status
    assert _docx(year, tmp_path) == status


def test_no_target_and_no_data_are_told_apart_in_2025() -> None:
    # 6.8 and 6.10–6.12 have "-" for 2025 in the plan: no target, whether or not a value exists.
    status = _status_labels(2025)
    assert [status[i] for i in ("6.7", "6.8", "6.10", "6.11", "6.12")] == ["Không đặt chỉ tiêu"] * 5
