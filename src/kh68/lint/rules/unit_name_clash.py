"""unit-name-clash: a name (or short name) belongs to one unit only."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for name, first, second in ctx.plan.units.clashes:
        yield Finding(
            ctx.doc("units"),
            ("units", ctx.unit_entries[second]),
            f"tên gọi {excerpt(name)} đã thuộc về đơn vị {excerpt(first)}",
        )


RULE = Rule(
    "unit-name-clash",
    Severity.ERROR,
    "một tên gọi (kể cả tên viết tắt, không phân biệt hoa thường, dấu gạch) chỉ thuộc về một đơn vị",
    "tên gọi 'Phòng KT' đã thuộc về đơn vị 'phong_kinh_te'",
    check,
)
