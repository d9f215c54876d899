"""report-sent-unknown, and what a report recorded as sent does: status says it sent, on time or late."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import check_fails, invoke, line_of, only_error, replace_in

SENT = "report:\n  sent:\n    plan_report: {number: 45/BC-SGDĐT, date: 2025-11-12}\n"


def _record(plan: Path, sent: str = SENT) -> Path:
    path = plan / "data" / "2025.yaml"
    replace_in(path, "report:\n", sent)
    return path


def test_a_report_sent_names_a_report_on_the_plan(example_copy: Path) -> None:
    path = _record(example_copy, SENT.replace("plan_report:", "bao_cao_nam:"))
    assert only_error(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'bao_cao_nam:')}:5: lỗi: không có nhiệm vụ báo cáo 'bao_cao_nam' (kind: "
        "plan_report) trong plan.yaml; các nhiệm vụ báo cáo kết quả thực hiện kế hoạch: plan_report "
        "[report-sent-unknown]"
    )


def test_status_says_the_report_went_out_and_how_late(example_copy: Path) -> None:
    """A new user: the Sở's own report was "ĐÃ QUÁ HẠN 169 ngày" forever, with nowhere to say it was sent."""
    args = ["status", "--plan", example_copy, "--year", "2025"]
    before = invoke([*args, "--today", "2025-11-20"], 0).output
    assert "ĐÃ QUÁ HẠN 10 ngày" in " ".join(before.split())
    _record(example_copy)
    out = " ".join(invoke([*args, "--today", "2025-11-20"], 0).output.split())
    assert "hạn 10/11/2025 — gửi" in out
    assert ": đã gửi Báo cáo số 45/BC-SGDĐT ngày 12/11/2025, chậm 2 ngày." in out
    data = json.loads(invoke([*args, "--today", "2025-11-20", "--format", "json"], 0).output)
    plan_report = next(d for d in data["reporting"] if d["duty"] == "plan_report")
    assert (plan_report["overdue"], plan_report["sent"]) == (
        False,
        {"number": "45/BC-SGDĐT", "date": "2025-11-12", "late": True},
    )
    seen_before = " ".join(invoke([*args, "--today", "2025-11-11"], 0).output.split())
    assert "ĐÃ QUÁ HẠN 1 ngày" in seen_before  # on 11/11 it had not gone out
