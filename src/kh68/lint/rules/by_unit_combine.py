"""by-unit-combine: the units' entries of a measurement combine into one value (a sum, a ratio, a share)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.domain.measures import why_not_combined
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        for ind_id, m in file.data.indicators.items():
            indicator = ctx.plan.indicator(ind_id)
            if indicator is None or not m.by_unit:
                continue
            reason = why_not_combined(m, indicator)
            if reason is not None:
                yield Finding(file.doc, ("indicators", ind_id, "by_unit"), f"chỉ tiêu {ind_id}: {reason}", key=True)


RULE = Rule(
    "by-unit-combine",
    Severity.ERROR,
    "số liệu theo đơn vị (by_unit) gộp được thành một giá trị: cùng một dạng; giá trị (value) của số lượng, "
    "số tiền được cộng; tỷ lệ ghi tử số/mẫu số (numerator, denominator)",
    "chỉ tiêu 1.2: giá trị (value) của từng đơn vị tính bằng '%' không cộng được (lấy trung bình các tỷ lệ thì "
    "sai): ghi tử số và mẫu số (numerator, denominator) của từng đơn vị",
    check,
)
