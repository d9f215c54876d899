"""report-sent-unknown: a report recorded as sent (``report › sent``) names a report on the plan of plan.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt, listing
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.enums import DutyKind


def check(ctx: Context) -> Iterator[Finding]:
    reports = [d.id for d in ctx.plan.meta.duties if d.kind is DutyKind.PLAN_REPORT]
    for file in ctx.data_files:
        report = file.data.report
        for key in report.sent if report else {}:
            if key not in reports:
                known = (
                    f"các nhiệm vụ báo cáo kết quả thực hiện kế hoạch: {listing(reports)}"
                    if reports
                    else ("plan.yaml không có nhiệm vụ báo cáo kết quả thực hiện kế hoạch (kind: plan_report)")
                )
                yield Finding(
                    file.doc,
                    ("report", "sent", key),
                    f"không có nhiệm vụ báo cáo {excerpt(key)} (kind: plan_report) trong plan.yaml; {known}",
                    key=True,
                )


RULE = Rule(
    "report-sent-unknown",
    Severity.ERROR,
    "khóa của report › sent là mã một nhiệm vụ báo cáo kết quả thực hiện kế hoạch (plan_report) trong plan.yaml",
    "không có nhiệm vụ báo cáo 'bao_cao_nam' (kind: plan_report) trong plan.yaml; các nhiệm vụ báo cáo kết quả thực "
    "hiện kế hoạch: plan_report",
    check,
)
