"""Reporting periods and the kinds of reporting deadline, registered here and nowhere else.

A duty's deadline is written as the plan writes it ("trước ngày 20 hằng tháng",
"trước ngày 15/6 và 15/12", "15/12"); its words give the duty's rhythm (monthly,
six-monthly …) and, for each period, the day its report is due. Adding a kind:
``kinds/periods/<kind>.py`` (a ``Deadline``), a line in ``KINDS``, its tests.
"""

from __future__ import annotations

import re

from kh68.core.safetext import excerpt
from kh68.kinds.periods.base import Deadline, DeadlineUnparsable, Period, Rhythm, parse_period
from kh68.kinds.periods.monthly_day import MonthlyDay
from kh68.kinds.periods.quarterly_day import QuarterlyDay
from kh68.kinds.periods.six_monthly_days import SixMonthlyDays
from kh68.kinds.periods.yearly_day import YearlyDay
from kh68.kinds.phrases import fold, plain_spans

KINDS: tuple[type[Deadline], ...] = (YearlyDay, SixMonthlyDays, QuarterlyDay, MonthlyDay)
"""Every kind of reporting deadline, in the order their phrasings are tried."""

_RHYTHM = r"(?:6 tháng|sáu tháng|tháng|quý|năm)"
_FRAME = re.compile(
    rf"^(?:báo cáo\s+)?(?:định kỳ\s+(?:(?:hằng|hàng|mỗi)\s+)?{_RHYTHM}(?:\s+một lần)?|định kỳ|(?:hằng|hàng|mỗi) {_RHYTHM}"
    rf"|{_RHYTHM} một lần)"
    r"?\s*,?\s*"
)


def accepted_forms() -> str:
    return " | ".join(kind.example for kind in KINDS)


def parse_deadline(text: str) -> Deadline:
    """The deadline the plan's words ``text`` mean; ``DeadlineUnparsable`` naming every accepted form otherwise."""
    phrase = _FRAME.sub("", plain_spans(fold(text)).rstrip(" .;")).strip()
    if phrase.startswith("(") and phrase.endswith(")"):
        phrase = phrase[1:-1].strip()  # "hằng năm (trước ngày 15 tháng 11)"
    if not phrase:  # "Định kỳ 06 tháng", "hằng năm": the period of the reports, no day to send them by
        raise DeadlineUnparsable(
            f"{excerpt(text)} nói kỳ báo cáo mà không nói ngày phải gửi: ghi kỳ ở period (yearly, six_monthly, "
            "quarterly, monthly) và bỏ trống deadline (kh68 không tự đặt ngày)"
        )
    for kind in KINDS:
        deadline = kind.parse(phrase, text)
        if deadline is not None:
            return deadline
    raise DeadlineUnparsable(f"không hiểu hạn báo cáo {excerpt(text)}; các dạng đọc được: {accepted_forms()}")


__all__ = [
    "KINDS",
    "Deadline",
    "DeadlineUnparsable",
    "Period",
    "Rhythm",
    "accepted_forms",
    "parse_deadline",
    "parse_period",
]
