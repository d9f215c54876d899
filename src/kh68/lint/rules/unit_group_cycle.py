"""unit-group-cycle: no unit group contains itself, directly or through other groups."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.plan import chain, cycles


def member_loc(ctx: Context, group: str, member: str) -> tuple[str | int, ...]:
    """Where ``group`` names ``member`` in units.yaml."""
    index = ctx.unit_entries[group]
    refs = ctx.plan.units.units[group].members
    position = next((i for i, ref in enumerate(refs) if ctx.plan.units.resolve(ref) == member), 0)
    return ("units", index, "members", position)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    units = ctx.plan.units
    for cycle in cycles(units.units, units.member_ids):
        message = f"nhóm đơn vị {excerpt(cycle[0])} chứa chính nó: {chain(cycle)}"
        yield Finding(ctx.doc("units"), member_loc(ctx, cycle[-2], cycle[-1]), message)


RULE = Rule(
    "unit-group-cycle",
    Severity.ERROR,
    "không nhóm đơn vị nào chứa chính nó, trực tiếp hay qua các nhóm khác",
    "nhóm đơn vị 'khoi_a' chứa chính nó: khoi_a → khoi_b → khoi_a",
    check,
)
