"""unit-inactive: no figure or progress from a unit that did not exist (yet, or any more) in the period.

A year's figures describe the year as of its reporting day (its deadline), a month's or a
quarter's (``data/2026-11.yaml``) that period's reporting day; progress with a date
describes that date. ``kh68 record`` and ``kh68 progress`` validate through the
same rules, so they refuse such an entry before writing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date
from kh68.domain.deadlines import period_day
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.plan import Plan


def _inactive(plan: Plan, uid: str | None, day: date) -> str | None:
    return plan.units.inactive_reason(uid, day) if uid else None


def _itself(ref: str) -> str:
    return ref


def check(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    for file in ctx.data_files:
        doc, data = file.doc, file.data
        cadence = data.cadence  # a month's file: the units of that month's report day
        due = period_day(plan, cadence)
        period = f"số liệu {cadence.label} (hạn báo cáo {format_date(due)})"
        # Every unit's standing on the file's reporting day, once: a large file has a figure from each unit for each
        # indicator, and nearly always no unit inactive.
        inactive = {uid: why for uid in plan.units.units if (why := plan.units.inactive_reason(uid, due))}
        for ind_id, m in data.indicators.items():
            unit_id = _itself if m.written_by_id else data.unit_id
            for ref in m.by_unit if inactive else ():
                if (uid := unit_id(ref)) in inactive:
                    yield Finding(doc, ("indicators", ind_id, "by_unit", ref), f"{period}: {inactive[uid]}", key=True)
            if m.source and m.source.unit:
                day = m.source.date or due
                if reason := _inactive(plan, m.source_unit, day):
                    when = period if day == due else f"số liệu ngày {format_date(day)}"
                    yield Finding(doc, ("indicators", ind_id, "source", "unit"), f"{when}: {reason}")
        for ref, receipt in data.forms.items():
            if reason := _inactive(plan, data.unit_id(ref), receipt.received):
                yield Finding(
                    doc, ("forms", ref), f"biểu mẫu nhận ngày {format_date(receipt.received)}: {reason}", key=True
                )
        for task_id, by_unit in data.tasks.items():
            for ref, progress in by_unit.items():
                day = progress.date or due
                if reason := _inactive(plan, data.unit_id(ref), day):
                    where = f"tiến độ ngày {format_date(day)}" if progress.date else f"tiến độ {cadence.label}"
                    yield Finding(doc, ("tasks", task_id, ref), f"{where}: {reason}", key=True)


RULE = Rule(
    "unit-inactive",
    Severity.ERROR,
    "số liệu, tiến độ chỉ từ đơn vị còn hoạt động vào kỳ được báo cáo (hạn báo cáo của năm, hoặc ngày ghi ở tiến độ)",
    "số liệu năm 2025 (hạn báo cáo 15/12/2025): phong_a đã sáp nhập vào phong_b từ 01/10/2025",
    check,
    adjustable=True,
)
