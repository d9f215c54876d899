"""Numbers and dates in Vietnamese form: read ``99,5`` and ``99.5``, write ``99,5``."""

from __future__ import annotations

import math
import re
from datetime import date

_DECIMAL = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_VN_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_COUNT = re.compile(r"^\d{1,3}([. ]\d{3})+$|^\d+$")


def parse_decimal(text: str) -> float:
    """``"99,5"``, ``"99.5"`` and ``"1.234,5"`` (Vietnamese grouping) to a float.

    A lone dot is a decimal point (``99.5``); dots are thousands separators
    only when a decimal comma follows (``1.234,5``).
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if _VN_GROUPED.match(cleaned) and "," in cleaned:
        return float(cleaned.replace(".", "").replace(",", "."))
    if not _DECIMAL.match(cleaned):
        raise ValueError(f"'{text}' không phải là số (dùng dạng 99,5 hoặc 99.5)")
    return float(cleaned.replace(",", "."))


def parse_count(text: str) -> int:
    """A whole count such as ``1234``, ``1.234`` or ``1 234``."""
    if text.isdigit() and text.isascii():
        return int(text)
    cleaned = text.strip().replace("\u00a0", " ")
    if not _COUNT.match(cleaned):
        raise ValueError(f"'{text}' không phải là số nguyên không âm")
    return int(cleaned.replace(".", "").replace(" ", ""))


def format_number(value: float | None, decimals: int = 2) -> str:
    """``1234.5`` → ``1.234,5``; trailing zeros dropped; ``None`` → ``""``."""
    if value is None or math.isnan(value):
        return ""
    rounded = round(value, decimals)
    if rounded == 0:
        rounded = 0.0
    sign = "-" if rounded < 0 else ""
    whole, _, frac = f"{abs(rounded):.{decimals}f}".partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def format_signed(value: float, decimals: int = 2) -> str:
    text = format_number(value, decimals)
    return f"+{text}" if value > 0 and text != "0" else text


def format_value(value: float | None, unit: str, decimals: int = 2) -> str:
    """A value with its unit: ``99,5%`` (no space before %), ``12 trường``."""
    if value is None:
        return ""
    text = format_number(value, decimals)
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}" if unit else text


def _day(day: date) -> str:
    return f"{day.day:02d}"


def _month(day: date) -> str:
    """Decree 30/2020/NĐ-CP, appendix I: a leading zero for months 1 and 2 only (``02``, ``9``, ``11``)."""
    return f"{day.month:02d}" if day.month < 3 else str(day.month)


def format_date(day: date) -> str:
    """``05/9/2025``, ``03/02/2026``, ``15/11/2025``: the numeric form, by the same rule as :func:`long_date`.

    Decree 30/2020/NĐ-CP puts a leading zero on days below 10 and on months 1 and 2
    only; kh68 writes the short form the same way, so a date reads alike in the
    date line, in the body and in the tables.
    """
    return f"{_day(day)}/{_month(day)}/{day.year}"


def long_date(day: date) -> str:
    """``ngày 05 tháng 9 năm 2025``, ``ngày 03 tháng 02 năm 2026`` (Decree 30/2020/NĐ-CP)."""
    return f"ngày {_day(day)} tháng {_month(day)} năm {day.year}"


def parse_date(text: str) -> date:
    """``2025-11-05``, ``05/11/2025`` or ``5/11/2025``."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' không phải là ngày hợp lệ (dùng dạng 2025-11-05 hoặc 05/11/2025)") from None
