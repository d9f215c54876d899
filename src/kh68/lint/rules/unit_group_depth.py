"""unit-group-depth: unit groups nest at most a few levels deep (as an organisation does)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.plan import UnitIndex

MAX_DEPTH = 8  # province › district › cluster › school is four; twice that is no organisation


def depths(units: UnitIndex) -> dict[str, int]:
    """Levels of groups below each unit (0 for a plain unit), cycles cut; computed without recursion."""
    depth: dict[str, int] = {}
    for start in units.units:
        if start in depth:
            continue
        path, on_path = [start], {start}
        stack = [iter(units.member_ids(start))]
        while stack:
            member = next(stack[-1], None)
            if member is None:
                stack.pop()
                unit = path.pop()
                on_path.discard(unit)
                below = [depth[m] for m in units.member_ids(unit) if m in depth]
                depth[unit] = 1 + max(below, default=0) if units.units[unit].members else 0
            elif member not in on_path and member not in depth:
                path.append(member)
                on_path.add(member)
                stack.append(iter(units.member_ids(member)))
    return depth


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    units = ctx.plan.units
    depth = depths(units)
    too_deep = {uid for uid, d in depth.items() if d > MAX_DEPTH}
    inner = {m for uid in too_deep for m in units.member_ids(uid)}
    for uid in units.units:
        if uid in too_deep and uid not in inner:
            message = (
                f"nhóm đơn vị {excerpt(uid)} lồng {format_number(depth[uid], 0)} cấp, quá {MAX_DEPTH} cấp cho phép"
            )
            yield Finding(ctx.doc("units"), ("units", ctx.unit_entries[uid], "members"), message)


RULE = Rule(
    "unit-group-depth",
    Severity.ERROR,
    f"nhóm đơn vị lồng nhau không quá {MAX_DEPTH} cấp",
    f"nhóm đơn vị 'toan_tinh' lồng 12 cấp, quá {MAX_DEPTH} cấp cho phép",
    check,
    adjustable=True,
)
