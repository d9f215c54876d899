"""successor-cycle: a chain of successors never comes back to where it started."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.plan import chain, cycles


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    units = ctx.plan.units
    for cycle in cycles(units.units, lambda uid: units.successors_of(units.units[uid])):
        if len(cycle) > 2:  # a unit its own successor is successor-unknown's
            yield Finding(
                ctx.doc("units"),
                ("units", ctx.unit_entries[cycle[0]], "successors"),
                f"chuỗi đơn vị kế thừa có vòng lặp: {chain(cycle)}",
            )


RULE = Rule(
    "successor-cycle",
    Severity.ERROR,
    "chuỗi đơn vị kế thừa không quay lại đơn vị ban đầu",
    "chuỗi đơn vị kế thừa có vòng lặp: pgd_cat_tien → pgd_da_huoai → pgd_cat_tien",
    check,
)
