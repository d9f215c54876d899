"""computed-mismatch: a province value written beside a per-unit breakdown agrees with it."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.vnformat import format_number
from kh68.domain.measures import computed_value
from kh68.lint.rules.base import Context, Finding, Rule

TOLERANCE = 0.05


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        for ind_id, m in file.data.indicators.items():
            indicator = ctx.plan.indicator(ind_id)
            if indicator is None or m.value is None:
                continue
            computed = computed_value(m, indicator)
            if computed is not None and abs(m.value - computed) > TOLERANCE:
                message = (
                    f"giá trị ghi {format_number(m.value)} khác giá trị tính từ các đơn vị "
                    f"{format_number(computed)} (lệch hơn {format_number(TOLERANCE)})"
                )
                yield Finding(file.doc, ("indicators", ind_id, "value"), message)


RULE = Rule(
    "computed-mismatch",
    Severity.WARNING,
    "giá trị toàn địa bàn ghi trực tiếp khớp (lệch không quá 0,05) với giá trị tính từ các đơn vị",
    "giá trị ghi 50 khác giá trị tính từ các đơn vị 32,81 (lệch hơn 0,05)",
    check,
    adjustable=True,
)
