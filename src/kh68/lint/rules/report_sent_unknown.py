"""report-sent-unknown: a report recorded as sent (``report › sent``) is one of the plan's reports on the plan, of
the period of the file it is written in, sent once that period began.

Recorded in another period's file, it would tell status nothing (the monthly report sent, written in the year's
file, stayed "ĐÃ QUÁ HẠN"); dated before its period began, it cannot be that period's report.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt, listing
from kh68.core.vnformat import format_date
from kh68.kinds.periods import Period
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.enums import DutyKind
from kh68.reading.models import Duty


def check(ctx: Context) -> Iterator[Finding]:
    reports = {d.id: d for d in ctx.plan.meta.duties if d.kind is DutyKind.PLAN_REPORT}
    for file in ctx.data_files:
        report = file.data.report
        cadence = file.data.cadence
        for key, sent in report.sent.items() if report else ():
            duty = reports.get(key)
            where = ("report", "sent", key)
            if duty is None:
                yield Finding(file.doc, where, _unknown(key, list(reports)), key=True)
            elif (period := reported_in(duty, cadence)) is None:
                said = ", ".join(p.label for p in duty.rhythm.periods(cadence.year))
                yield Finding(
                    file.doc,
                    where,
                    f"nhiệm vụ báo cáo {key} báo cáo {duty.rhythm.words} ({said}), không báo cáo {cadence.label}: ghi "
                    "vào tệp số liệu của kỳ nó báo cáo",
                    key=True,
                )
            elif sent.date < period.first_day:
                yield Finding(
                    file.doc,
                    (*where, "date"),
                    f"ngày gửi {format_date(sent.date)} trước khi {period.label} bắt đầu "
                    f"({format_date(period.first_day)}): không phải báo cáo {period.label}",
                )


def reported_in(duty: Duty, cadence: Period) -> Period | None:
    """The period of ``duty``'s report recorded in the file of ``cadence``: its own, or in the year's file the one
    that ends the year (the second half's report is the year's); ``None`` when the duty reports neither."""
    found = duty.rhythm.periods(cadence.year)
    if cadence in found:
        return cadence
    ending = [p for p in found if cadence.is_year and p.last_day == cadence.last_day]
    return ending[0] if ending else None


def _unknown(key: str, reports: list[str]) -> str:
    known = (
        f"các nhiệm vụ báo cáo kết quả thực hiện kế hoạch: {listing(reports)}"
        if reports
        else "plan.yaml không có nhiệm vụ báo cáo kết quả thực hiện kế hoạch (kind: plan_report)"
    )
    return f"không có nhiệm vụ báo cáo {excerpt(key)} (kind: plan_report) trong plan.yaml; {known}"


RULE = Rule(
    "report-sent-unknown",
    Severity.ERROR,
    "report › sent ghi một báo cáo kết quả thực hiện kế hoạch (plan_report) của chính kỳ của tệp, gửi sau khi kỳ "
    "bắt đầu",
    "không có nhiệm vụ báo cáo 'bao_cao_nam' (kind: plan_report) trong plan.yaml; các nhiệm vụ báo cáo kết quả thực "
    "hiện kế hoạch: plan_report",
    check,
)
