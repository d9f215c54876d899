"""When a returned form counts as sent: the date its unit wrote on it, else the day it was received.

Lateness is judged on this date (``kh68 status``, the internal report), and
the data file says which of the two it is (``date_source`` of the receipt).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kh68.core.vnformat import format_date
from kh68.reading.models import DateSource
from kh68.reading.plan import Plan

GRACE = timedelta(days=1)  # "today" on a computer whose clock runs in another time zone than the unit's


@dataclass(frozen=True)
class Arrival:
    """The day the forms of one import were received: given with ``--received``, or the import's own day."""

    day: date
    given: bool = False

    @classmethod
    def today(cls) -> Arrival:
        return cls(date.today())

    def too_late(self, sent: date) -> str | None:
        """Why ``sent`` cannot be the day a form was sent: after it was received (or after today)."""
        if self.given:
            return f"sau ngày nhận {format_date(self.day)} (--received)" if sent > self.day else None
        return "chưa tới (sau hôm nay)" if sent > self.day + GRACE else None


@dataclass(frozen=True)
class Dated:
    """The date a form counts as sent, and where it comes from."""

    day: date
    source: DateSource

    @property
    def said(self) -> str:
        """How ``kh68 import`` says it: ``gửi ngày 07/11/2025`` or that the form gave none."""
        if self.source is DateSource.RECEIVED:
            return f"không ghi ngày gửi: lấy ngày nhận {format_date(self.day)}"
        return f"gửi ngày {format_date(self.day)}"


def sent_problem(sent: date, year: int, made: date, arrival: Arrival) -> str | None:
    """Why the sent date written on a form for ``year``, made on ``made``, cannot be; ``None`` if it can."""
    said = f"ngày gửi báo cáo {format_date(sent)}"
    if sent.year < year:
        return f"{said} trước năm báo cáo {year}"
    if sent < made:
        return f"{said} trước ngày lập biểu mẫu {format_date(made)}"
    late = arrival.too_late(sent)
    return f"{said} {late}" if late else None


def received_day(plan: Plan, year: int, unit_id: str, fingerprint: str, arrival: Arrival) -> date:
    """The day a form without a sent date was received: ``--received``; else, for the same form imported
    again, the day recorded the first time; else today."""
    if arrival.given:
        return arrival.day
    data = plan.data.get(year)
    for ref, receipt in (data.forms if data else {}).items():
        same_form = plan.units.resolve(ref) == unit_id and receipt.fingerprint == fingerprint
        if same_form and receipt.date_source is DateSource.RECEIVED:
            return receipt.received
    return arrival.day


def received_problem(received: date, year: int, made: date) -> str | None:
    """Why a form without a sent date cannot have been received on ``received``; ``None`` if it can."""
    said = f"không ghi ngày gửi báo cáo, mà ngày nhận {format_date(received)}"
    if received.year < year:
        return f"{said} trước năm báo cáo {year}"
    if received < made:
        return f"{said} trước ngày lập biểu mẫu {format_date(made)}"
    return None
