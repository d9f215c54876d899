"""value-negative: a count or an amount is not below zero.

A count (``vụ``, ``trường``) or an amount (``ha``, ``tỷ đồng``) a unit sends is what it has or did: a negative one
is a change typed as the figure, or a slip ("-5" in a form's cell), and it would be summed into the whole. A rate is
``percent-range``'s; a plan whose amounts may fall below zero (a balance) turns this rule off (``plan.yaml`` ›
``rules``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.source import Key


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        for ind_id, m in file.data.indicators.items():
            indicator = ctx.plan.indicator(ind_id)
            if indicator is None or not indicator.measure.adds_up or indicator.measure.is_rank:
                continue
            values: list[tuple[Key, str, float | None]] = [(("indicators", ind_id, "value"), "", m.value)]
            values += [
                (("indicators", ind_id, "by_unit", ref, "value"), f" của {ref}", e.value)
                for ref, e in m.by_unit.items()
            ]
            for where, whose, value in values:
                if value is not None and value < 0:
                    yield Finding(
                        file.doc,
                        where,
                        f"chỉ tiêu {ind_id}{whose}: {indicator.measure.amount(value)} là số âm; số lượng, giá trị "
                        "ghi số có (hoặc đã làm) của kỳ, không ghi mức tăng, giảm",
                    )


RULE = Rule(
    "value-negative",
    Severity.ERROR,
    "số lượng, giá trị (không phải tỷ lệ) không âm",
    "chỉ tiêu 4 của xa_a: -5 ha là số âm; số lượng, giá trị ghi số có (hoặc đã làm) của kỳ, không ghi mức tăng, giảm",
    check,
    adjustable=True,
)
