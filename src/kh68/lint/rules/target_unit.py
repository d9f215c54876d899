"""target-unit: a unit written in a target is the indicator's unit of measure (``500 ha`` of an indicator in ha)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for ind, _year, target, doc, where in ctx.targets():
        written = target.meaning.unit
        if written is not None and not ind.measure.accepts(written):
            yield Finding(
                doc,
                where,
                f"chỉ tiêu {excerpt(target.shown)} ghi đơn vị {excerpt(written)}, khác đơn vị tính "
                f"{excerpt(ind.unit)} của chỉ tiêu {ind.id}",
            )


RULE = Rule(
    "target-unit",
    Severity.ERROR,
    "đơn vị ghi sau số trong chỉ tiêu là đơn vị tính của chỉ tiêu",
    "chỉ tiêu '500 ha' ghi đơn vị 'ha', khác đơn vị tính 'tỷ đồng' của chỉ tiêu 1.2",
    check,
    adjustable=True,
)
