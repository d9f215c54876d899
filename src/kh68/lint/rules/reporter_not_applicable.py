"""reporter-not-applicable: a unit is expected to report only an indicator it has a part in.

In the plan: a declared reporter outside the department's authority (an organisation,
the province) or of another kind than the one the indicator counts over. In the data:
a figure by unit from a unit active that year but not among the indicator's expected
reporters for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.domain.deadlines import period_day
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.models import Indicator
from kh68.reading.plan import Plan
from kh68.reading.source import Key
from kh68.vocab import unit_kind_label


def _why(plan: Plan, indicator: Indicator, member: str) -> str | None:
    unit = plan.units.units[member]
    if unit.kind is not None and not unit.kind.reports_figures:
        return f"{member} là {unit_kind_label(plan, unit.kind)}, không báo cáo số liệu chỉ tiêu"
    if indicator.counted_over and unit.kind not in (None, indicator.counted_over):
        kind = unit_kind_label(plan, unit.kind) if unit.kind else "đơn vị khác"
        return (
            f"chỉ tiêu {indicator.id} đếm trên {unit_kind_label(plan, indicator.counted_over)}, còn {member} là {kind}"
        )
    return None


def _plan_file(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    for indicator, doc, where in ctx.indicators():
        if indicator.reporters is None:
            continue
        raw = doc.value_at((*where, "reporters"))
        base: Key = (*where, "reporters", *(() if isinstance(raw, list) else ("units",)))
        for j, ref in enumerate(indicator.reporters.units):
            uid = plan.units.resolve(ref)
            why = next((w for m in plan.units.expand(uid) if (w := _why(plan, indicator, m))), None) if uid else None
            if why:
                yield Finding(doc, (*base, j), why)


def _data_files(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    for file in ctx.data_files:
        cadence = file.data.cadence  # a month's file: the reporters of that month's report day
        due = period_day(plan, cadence)
        for ind_id, m in file.data.indicators.items():
            indicator = plan.indicator(ind_id)
            expected = plan.reporters_on(indicator, due) if indicator else None
            if expected is None:
                continue
            reporting = {c.unit_id for c in expected}
            by_id = m.written_by_id
            if by_id and reporting.issuperset(m.by_unit):
                continue  # every figure from an expected reporter (a large file: thousands of them), seen at C speed
            for ref in m.by_unit:
                uid = ref if by_id else file.data.unit_id(ref)
                if uid is None or uid in reporting or plan.units.inactive_reason(uid, due):
                    continue  # unknown: unit-unknown's; inactive: unit-inactive's
                ids = sorted(reporting)
                shown = ", ".join(ids[:5]) + (f" và {len(ids) - 5} đơn vị khác" if len(ids) > 5 else "")
                yield Finding(
                    file.doc,
                    ("indicators", ind_id, "by_unit", ref),
                    f"{uid} không thuộc các đơn vị báo cáo chỉ tiêu {ind_id} {cadence.label} ({shown})",
                    key=True,
                )


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.whole_plan:
        yield from _plan_file(ctx)
    yield from _data_files(ctx)


RULE = Rule(
    "reporter-not-applicable",
    Severity.ERROR,
    "đơn vị phải báo cáo một chỉ tiêu (reporters, số liệu theo đơn vị) là đơn vị có phần trong chỉ tiêu đó",
    "hiep_hoi là tổ chức ngoài quyền quản lý của cơ quan ban hành, không báo cáo số liệu chỉ tiêu",
    check,
    adjustable=True,
)
