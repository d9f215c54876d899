"""Dates as Decree 30/2020/NĐ-CP writes them (until kh68.vnformat carries the rule).

A leading zero for days below 10 and for months 1 and 2 only:
``ngày 05 tháng 9 năm 2025``, ``ngày 03 tháng 02 năm 2026``; ``05/9/2025``, ``03/02/2026``.
"""

from __future__ import annotations

from datetime import date


def _month(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def long_date(day: date) -> str:
    return f"ngày {day.day:02d} tháng {_month(day.month)} năm {day.year}"


def short_date(day: date) -> str:
    return f"{day.day:02d}/{_month(day.month)}/{day.year}"
