"""Status, JSON and every report format say the same assessment for every indicator (one engine, one vocabulary)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import EXAMPLE_PLAN, invoke
from test_report import indicator_table


def _status_labels(year: int) -> dict[str, str]:
    args = ["status", "--plan", EXAMPLE_PLAN, "--year", str(year), "--today", f"{year}-11-06", "--format", "json"]
    return {i["id"]: i["status_label"] for i in json.loads(invoke(args, 0).output)["indicators"]}


def _report(year: int, fmt: str) -> str:
    args = ["report", "--plan", EXAMPLE_PLAN, "--year", str(year), "--date", f"{year}-11-10", "--format", fmt]
    return invoke(args, 0).stdout


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_status_markdown_and_html_agree_on_every_indicator(year: int) -> None:
    status = _status_labels(year)
    markdown = {row[0]: row[6] for row in indicator_table(_report(year, "md"))[1:]}
    rows = re.findall(
        r'<tr class="[a-z_]+" id="chi-tieu-([0-9.]+)">.*?<span class="tt">(.*?)</span>', _report(year, "html"), re.S
    )
    html = dict(rows)
    assert list(status) == [f"6.{n}" for n in range(1, 14)]
    assert markdown == status
    assert html == status


def test_no_target_and_no_data_are_told_apart_in_2025() -> None:
    # 6.8 and 6.10–6.12 have "-" for 2025 in the plan: no target, whether or not a value exists.
    status = _status_labels(2025)
    assert [status[i] for i in ("6.7", "6.8", "6.10", "6.11", "6.12")] == ["Không đặt chỉ tiêu"] * 5
