"""unit-end-before-start: a unit's last day is not before its first."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for unit in ctx.plan.units.units.values():
        if unit.start and unit.end and unit.end < unit.start:
            yield Finding(
                ctx.doc("units"), ("units", ctx.unit_entries[unit.id], "end"), "ngày kết thúc trước ngày bắt đầu"
            )


RULE = Rule(
    "unit-end-before-start",
    Severity.ERROR,
    "ngày kết thúc hoạt động của đơn vị không trước ngày bắt đầu",
    "ngày kết thúc trước ngày bắt đầu",
    check,
    adjustable=True,
)
