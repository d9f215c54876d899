"""Status, JSON and every report format say the same assessment for every indicator (one engine, one vocabulary)."""

from __future__ import annotations

import json

from conftest import EXAMPLE_PLAN, invoke


def _status_labels(year: int) -> dict[str, str]:
    args = ["status", "--plan", EXAMPLE_PLAN, "--year", str(year), "--today", f"{year}-11-06", "--format", "json"]
    return {i["id"]: i["status_label"] for i in json.loads(invoke(args, 0).stdout)["indicators"]}


def _report(year: int, fmt: str) -> str:
    args = ["report", "--plan", EXAMPLE_PLAN, "--year", str(year), "--date", f"{year}-11-10", "--format", fmt]
    return invoke(args, 0).stdout


# Markdown, HTML and Word against status for 2024–2026: tests/test_report_agreement.py.


def test_no_target_and_no_data_are_told_apart_in_2025() -> None:
    # 6.8 and 6.10–6.12 have "-" for 2025 in the plan: no target, whether or not a value exists.
    status = _status_labels(2025)
    assert [status[i] for i in ("6.7", "6.8", "6.10", "6.11", "6.12")] == ["Không đặt chỉ tiêu"] * 5
