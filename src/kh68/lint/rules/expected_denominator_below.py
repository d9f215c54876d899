"""expected-denominator-below: the whole area's denominator is below what the units that reported already count.

``expected_denominator`` is the denominator of the whole area (every child of the age, every household): the units
that reported cover a share of it. Units reporting more than the whole is a stale or mistyped whole, or a unit's
slip; the share is then not said ("308% mẫu số" was printed), and this warns, at the whole's line.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.vnformat import format_number
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        for ind_id, m in file.data.indicators.items():
            whole = m.expected_denominator
            reported = sum(entry.denominator or 0 for entry in m.by_unit.values())
            if whole is not None and reported > whole:
                yield Finding(
                    file.doc, ("indicators", ind_id, "expected_denominator"), _message(ind_id, whole, reported)
                )


def _message(ind_id: str, whole: int, reported: int) -> str:
    return (
        f"chỉ tiêu {ind_id}: mẫu số toàn địa bàn (expected_denominator) {format_number(whole, 0)} nhỏ hơn tổng mẫu số "
        f"các đơn vị đã báo cáo ({format_number(reported, 0)}): kiểm tra lại một trong hai; tỷ lệ mẫu số đã báo cáo "
        "không được tính"
    )


RULE = Rule(
    "expected-denominator-below",
    Severity.WARNING,
    "mẫu số toàn địa bàn không nhỏ hơn tổng mẫu số các đơn vị đã báo cáo",
    "chỉ tiêu NT: mẫu số toàn địa bàn (expected_denominator) 10.000 nhỏ hơn tổng mẫu số các đơn vị đã báo cáo "
    "(30.800): kiểm tra lại một trong hai; tỷ lệ mẫu số đã báo cáo không được tính",
    check,
    adjustable=True,
)
