"""When a returned form counts as sent: the date its unit wrote on it, else the day it was received.

Lateness is judged on this date (``kh68 status``, the internal report), and
the data file says which of the two it is (``date_source`` of the receipt).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kh68.core.vnformat import format_date
from kh68.kinds.periods import Period
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
    at: str | None = None  # the cells it was written in (``Nhiệm vụ › C4:G4``); None: the day of receipt

    @property
    def said(self) -> str:
        """How ``kh68 import`` says it: ``gửi ngày 07/11/2025`` or that the form gave none."""
        if self.source is DateSource.RECEIVED:
            return f"không ghi ngày gửi: lấy ngày nhận {format_date(self.day)}"
        return f"gửi ngày {format_date(self.day)}"


def _before(day: date, period: Period) -> str | None:
    """Why a report of ``period`` cannot be dated ``day``: before the period began."""
    if day >= period.first_day:
        return None
    if period.is_year:
        return f"trước năm báo cáo {period.year}"
    return f"trước kỳ báo cáo {period.label} (từ {format_date(period.first_day)})"


def sent_problem(sent: date, period: Period, made: date, arrival: Arrival) -> str | None:
    """Why the sent date written on a form for ``period``, made on ``made``, cannot be; ``None`` if it can."""
    said = f"ngày gửi báo cáo {format_date(sent)}"
    if early := _before(sent, period):
        return f"{said} {early}"
    if sent < made:
        return f"{said} trước ngày lập biểu mẫu {format_date(made)}"
    late = arrival.too_late(sent)
    return f"{said} {late}" if late else None


def received_day(plan: Plan, period: Period, unit_id: str, fingerprint: str, arrival: Arrival) -> date:
    """The day a form without a sent date was received: ``--received``; else, for the same form imported
    again, the day recorded the first time (in its period's own data file); else today."""
    if arrival.given:
        return arrival.day
    data = plan.files.get(period) if plan.files else (plan.data.get(period.year) if period.is_year else None)
    for uid, receipt in (data.received if data else {}).items():
        same_form = uid == unit_id and receipt.fingerprint == fingerprint
        if same_form and receipt.date_source is DateSource.RECEIVED:
            return receipt.received
    return arrival.day


def received_problem(received: date, period: Period, made: date) -> str | None:
    """Why a form without a sent date cannot have been received on ``received``; ``None`` if it can."""
    said = f"không ghi ngày gửi báo cáo, mà ngày nhận {format_date(received)}"
    if early := _before(received, period):
        return f"{said} {early}"
    if received < made:
        return f"{said} trước ngày lập biểu mẫu {format_date(made)}"
    return None
