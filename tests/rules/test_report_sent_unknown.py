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
    data = json.loads(invoke([*args, "--today", "2025-11-20", "--format", "json"], 0).stdout)
    plan_report = next(d for d in data["reporting"] if d["duty"] == "plan_report")
    assert (plan_report["overdue"], plan_report["sent"]) == (
        False,
        {"number": "45/BC-SGDĐT", "date": "2025-11-12", "late": True},
    )
    seen_before = " ".join(invoke([*args, "--today", "2025-11-11"], 0).output.split())
    assert "ĐÃ QUÁ HẠN 1 ngày" in seen_before  # on 11/11 it had not gone out


def test_a_report_sent_is_recorded_in_the_file_of_its_period(tmp_path: Path) -> None:
    """A review: the monthly report recorded as sent in the year's file, dated in November, told status nothing
    (November's report stayed "ĐÃ QUÁ HẠN") and no one why; December's report would have been "sent" in November."""
    import shutil

    from conftest import REPO

    plan = Path(shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "sonla-2954", tmp_path / "plan"))
    year = plan / "data" / "2026.yaml"
    year.write_text(
        year.read_text(encoding="utf-8") + "report:\n  sent:\n    sct_hang_thang: {date: 2026-11-17}\n",
        encoding="utf-8",
    )
    assert only_error(check_fails(plan)) == (
        f"{year.as_posix()}:{line_of(year, 'sct_hang_thang: {date')}:28: lỗi: ngày gửi 17/11/2026 trước khi tháng "
        "12/2026 bắt đầu (01/12/2026): không phải báo cáo tháng 12/2026 [report-sent-unknown]"
    )
    month = plan / "data" / "2026-11.yaml"
    replace_in(year, "report:\n  sent:\n    sct_hang_thang: {date: 2026-11-17}\n", "")
    replace_in(
        month, "\ntasks:", "\nreport:\n  sent:\n    sct_hang_thang: {number: 12/BC-SCT, date: 2026-11-17}\ntasks:"
    )
    out = " ".join(invoke(["status", "--plan", plan, "--period", "2026-11", "--today", "2026-11-25"], 0).output.split())
    assert "đã gửi Báo cáo số 12/BC-SCT ngày 17/11/2026" in out


def test_a_report_the_plan_sets_no_day_for_is_still_listed_and_said_sent(example_copy: Path) -> None:
    """A real plan's probe: "báo cáo … theo quy định" (no deadline): its report recorded as sent was never said."""
    replace_in(example_copy / "plan.yaml", "    deadline: 10/11\n", "")
    args = ["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-20"]
    assert "Năm 2025: kế hoạch không ghi hạn — gửi Ủy ban nhân dân tỉnh Lâm Đồng" in " ".join(
        invoke(args, 0).stdout.split()
    )
    _record(example_copy)
    out = " ".join(invoke(args, 0).stdout.split())
    assert ": kế hoạch không ghi hạn — gửi Ủy ban nhân dân tỉnh Lâm Đồng, Sở Nội vụ tỉnh Lâm Đồng" in out
    assert "đã gửi Báo cáo số 45/BC-SGDĐT ngày 12/11/2025." in out
