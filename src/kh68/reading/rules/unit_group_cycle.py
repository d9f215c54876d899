"""unit-group-cycle: no unit group contains itself, directly or through other groups."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.errors import Severity
from kh68.reading.plan import UnitIndex
from kh68.reading.rules.base import Context, Finding, Rule


def cycles(units: UnitIndex) -> Iterator[list[str]]:
    """Each cycle of the membership graph once, as the path ``a, b, …, a``, in file order.

    A depth-first walk with its own stack (no recursion, whatever the depth): an
    edge back to a unit still on the path closes a cycle.
    """
    done: set[str] = set()
    reported: set[frozenset[str]] = set()
    for start in units.units:
        if start in done:
            continue
        path = [start]
        on_path = {start}
        stack = [iter(units.member_ids(start))]
        while stack:
            member = next(stack[-1], None)
            if member is None:
                stack.pop()
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
            elif member in on_path:
                cycle = [*path[path.index(member) :], member]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield cycle
            elif member not in done:
                path.append(member)
                on_path.add(member)
                stack.append(iter(units.member_ids(member)))


def member_loc(ctx: Context, group: str, member: str) -> tuple[str | int, ...]:
    """Where ``group`` names ``member`` in units.yaml."""
    index = ctx.unit_entries[group]
    refs = ctx.plan.units.units[group].members
    position = next((i for i, ref in enumerate(refs) if ctx.plan.units.resolve(ref) == member), 0)
    return ("units", index, "members", position)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for cycle in cycles(ctx.plan.units):
        message = f"nhóm đơn vị '{cycle[0]}' chứa chính nó: {' → '.join(cycle)}"
        yield Finding(ctx.doc("units"), member_loc(ctx, cycle[-2], cycle[-1]), message)


RULE = Rule(
    "unit-group-cycle",
    Severity.ERROR,
    "không nhóm đơn vị nào chứa chính nó, trực tiếp hay qua các nhóm khác",
    "nhóm đơn vị 'so_gddt' chứa chính nó: so_gddt → khoi_phong → so_gddt",
    check,
)
