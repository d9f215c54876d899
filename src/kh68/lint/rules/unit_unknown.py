"""unit-unknown: every unit reference names a unit of units.yaml (by id or any of its names)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.source import Document, Key


def _refs(ctx: Context, doc: Document, loc: Key, refs: list[str]) -> Iterator[Finding]:
    for i, ref in enumerate(refs):
        if ctx.plan.units.resolve(ref) is None:
            yield Finding(doc, (*loc, i), ctx.plan.units.unknown(ref))


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.whole_plan:
        yield from _plan_files(ctx)
    yield from _data_files(ctx)


def _plan_files(ctx: Context) -> Iterator[Finding]:
    plan = ctx.plan
    meta = ctx.doc("plan")
    for key in ("issuing_unit", "tracker"):
        ref = getattr(plan.meta, key)
        if ref is not None and plan.units.resolve(ref) is None:
            yield Finding(meta, (key,), plan.units.unknown(ref))
    for i, duty in enumerate(plan.meta.duties):
        yield from _refs(ctx, meta, ("duties", i, "from_units"), duty.from_units)
        yield from _refs(ctx, meta, ("duties", i, "to_units"), duty.to_units)
        yield from _refs(ctx, meta, ("duties", i, "addressed_to"), duty.addressed_to)
        for key in ("issued_as", "drafter"):
            ref = getattr(duty, key)
            if ref is not None and plan.units.resolve(ref) is None:
                yield Finding(meta, ("duties", i, key), plan.units.unknown(ref))
        yield from _refs(ctx, meta, ("duties", i, "copy_to"), duty.copy_to)
    units = ctx.doc("units")
    for unit in plan.units.units.values():
        index = ctx.unit_entries[unit.id]
        yield from _refs(ctx, units, ("units", index, "members"), unit.members)
        if unit.parent is not None and plan.units.resolve(unit.parent) is None:
            yield Finding(units, ("units", index, "parent"), plan.units.unknown(unit.parent))
        # successors: the rule successor-unknown
    for ind, doc, where in ctx.indicators():
        if ind.task_id is None:  # a task's target answers to the task's lead units, checked with the task
            yield from _refs(ctx, doc, (*where, "responsible_units"), ind.responsible_units)
        if ind.reporters is not None:
            raw = doc.value_at((*where, "reporters"))
            loc = (*where, "reporters", *(() if isinstance(raw, list) else ("units",)))
            yield from _refs(ctx, doc, loc, ind.reporters.units)
    for share in plan.shares:
        ref = share.home.key[-1]
        if isinstance(ref, str) and plan.units.resolve(ref) is None:
            yield Finding(ctx.doc(share.home.file), share.home.key, plan.units.unknown(ref), key=True)
    tasks = ctx.doc("tasks")
    for g, group in enumerate(plan.groups):
        for t, task in enumerate(group.tasks):
            yield from _refs(ctx, tasks, ("groups", g, "tasks", t, "lead_units"), task.lead_units)
            yield from _refs(ctx, tasks, ("groups", g, "tasks", t, "coordinating_units"), task.coordinating_units)


def _data_files(ctx: Context) -> Iterator[Finding]:
    units = ctx.plan.units
    for file in ctx.data_files:
        doc = file.doc
        for ind_id, m in file.data.indicators.items():
            loc = ("indicators", ind_id)
            if m.source and m.source.unit and m.source_unit is None:
                yield Finding(doc, (*loc, "source", "unit"), units.unknown(m.source.unit))
            for unit_ref in () if m.written_by_id else m.by_unit:
                if file.data.unit_id(unit_ref) is None:
                    yield Finding(doc, (*loc, "by_unit", unit_ref), units.unknown(unit_ref), key=True)
        for task_id, by_unit in file.data.tasks.items():
            for unit_ref in by_unit:
                if file.data.unit_id(unit_ref) is None:
                    yield Finding(doc, ("tasks", task_id, unit_ref), units.unknown(unit_ref), key=True)
        for unit_ref in file.data.forms:
            if file.data.unit_id(unit_ref) is None:
                yield Finding(doc, ("forms", unit_ref), units.unknown(unit_ref), key=True)


RULE = Rule(
    "unit-unknown",
    Severity.ERROR,
    "mỗi mã hoặc tên đơn vị được nêu (cơ quan ban hành, theo dõi, gửi, nhận, soạn báo cáo, trực thuộc, chủ trì, phối "
    "hợp, thành viên, nguồn số liệu, theo đơn vị, biểu mẫu đã nhận) có trong units.yaml",
    "không có đơn vị 'phong_kinh_t' trong units.yaml (có phải ý bạn là 'phong_kinh_te'?)",
    check,
)
