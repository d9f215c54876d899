"""Numbers and dates in Vietnamese form: read ``99,5`` and ``99.5``, write ``99,5``."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal

from kh68.core.safetext import excerpt

# ASCII digits only ([0-9], never \d: fullwidth and Arabic-Indic digits are not numbers).
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_VN_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+")
_COUNT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:[ \u00a0][0-9]{3})+|[0-9]+")

# A number has at most this many digits, not counting zeros before its first
# significant digit in the whole part: every such number is one a float tells
# apart from its neighbours (DBL_DIG = 15), so comparing targets is exact.
MAX_DIGITS = 15


def _bounded(text: str, digits: str) -> None:
    if len(digits) > MAX_DIGITS:
        raise ValueError(f"{excerpt(text)} có quá {MAX_DIGITS} chữ số: quá lớn hoặc quá dài để so sánh chính xác")


def parse_exact(text: str) -> Decimal:
    """A decimal as written: ``"99,5"``, ``"99.5"`` or ``"1.234,5"`` (Vietnamese grouping), exactly.

    A lone dot or comma is the decimal separator; dots group thousands only
    when a decimal comma follows (``1.234,5``). Only ASCII digits, an optional
    sign and surrounding blanks; at most ``MAX_DIGITS`` digits. Anything else
    (``9 5``, ``９５``, ``NaN``, ``inf``, ``1e5``) is a ``ValueError``.
    """
    cleaned = text.strip()
    if _VN_GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")
    elif not _DECIMAL.fullmatch(cleaned):
        raise ValueError(f"{excerpt(text)} không phải là số (dùng dạng 99,5 hoặc 99.5)")
    whole, _, fraction = cleaned.lstrip("+-").replace(",", ".").partition(".")
    _bounded(text, whole.lstrip("0") + fraction)
    return Decimal(cleaned.replace(",", "."))


_WHOLE = re.compile(r"-?[0-9]+")


def parse_whole(text: str) -> int:
    """A whole number as written: ASCII digits and an optional ``-`` (``2025``, ``-5``), at most ``MAX_DIGITS`` digits.

    ``2025.0``, ``+2025``, ``2_025``, ``0x7e9`` or fullwidth digits are a ``ValueError``.
    """
    cleaned = text.strip()
    if not _WHOLE.fullmatch(cleaned):
        raise ValueError(f"{excerpt(text)} không phải là số nguyên (chỉ gồm các chữ số 0–9)")
    _bounded(text, cleaned.lstrip("-").lstrip("0"))
    return int(cleaned)


def parse_decimal(text: str) -> float:
    """``parse_exact`` as a float (exact enough: at most ``MAX_DIGITS`` digits)."""
    return float(parse_exact(text))


def parse_count(text: str) -> int:
    """A whole count such as ``1234``, ``1.234`` or ``1 234`` (groups of exactly three ASCII digits).

    At most ``MAX_DIGITS`` digits; ``9 5`` or ``1.23`` is a ``ValueError``.
    """
    if text.isascii() and text.isdigit():  # nearly every count: the same answer without a regular expression
        if len(text) > MAX_DIGITS:
            _bounded(text, text.lstrip("0"))
        return int(text)
    cleaned = text.strip()
    if not _COUNT.fullmatch(cleaned):
        raise ValueError(f"{excerpt(text)} không phải là số nguyên không âm")
    digits = re.sub(r"[. \u00a0]", "", cleaned)
    _bounded(text, digits.lstrip("0"))
    return int(digits)


def format_exact(value: Decimal | float) -> str:
    """A decimal in Vietnamese form with every significant digit: ``0,0000001``, ``1.234,5``.

    A float is shown by its shortest exact form (``100.0000001`` → ``100,0000001``).
    """
    if isinstance(value, float):
        value = Decimal(repr(value))
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


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
    return with_unit(format_number(value, decimals), unit)


def with_unit(number: str, unit: str) -> str:
    """The one "%" rule: ``99,5%`` (no space), ``12 trường``, or the number alone."""
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}" if unit else number


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
        raise ValueError(f"{excerpt(text)} không phải là ngày hợp lệ (dùng dạng 2025-11-05 hoặc 05/11/2025)") from None
