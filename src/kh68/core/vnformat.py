"""Numbers and dates in Vietnamese form: read ``1.234,5`` (and ``99.5`` where it is unambiguous), write ``1.234,5``.

How a number is read (the one reader of the project: plans, data files,
``record``, forms and CSV all come here):

* the Vietnamese form: the dot groups thousands, the comma is the decimal mark
  (``1.234.567``, ``1.234,5``, ``99,5``, ``0,125``); a space may group thousands
  too (``1 234 567``, ``1 234,5``);
* a dot followed by groups of exactly three digits, after a first group of one
  to three digits not starting with 0, groups thousands, as Vietnamese write
  (``7.080`` is 7080, ``5.000 ha``, ``28.000 tỷ đồng``);
* a dot is read as a decimal point where it cannot group thousands: the digits
  after it are not exactly three (``99.5``, ``7.08``, ``7.0800``) or the digits
  before it are not a first group of one to three digits without a leading
  zero (``0.125``, ``1234.567``);
* a comma never groups thousands;
* a number with one comma followed by exactly three digits, after one to three
  digits not starting with 0 (``1,234``, ``99,955``), can be read two ways (a
  Vietnamese decimal, or thousands the English way) and is refused with both
  readings and how to write each (``1,2340`` or ``1234``); English grouping
  (``1,234,567``, ``1,234.5``) is refused with the Vietnamese way to write it;
* a count (a whole number) reads a dot as a thousands separator (``1.234`` is
  1234) and refuses a comma before three digits (``1,234``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kh68.core.safetext import excerpt

# ASCII digits only ([0-9], never \d: fullwidth and Arabic-Indic digits are not numbers).
_DIGITS = re.compile(r"[0-9]+")
_FIRST = r"(?=0{0,2}[1-9])[0-9]{1,3}"  # a first group of thousands: 1 to 3 digits, not all zeros
_DOT_GROUPED = re.compile(rf"{_FIRST}(?:\.[0-9]{{3}})+")
_SPACE_GROUPED = re.compile(rf"{_FIRST}(?:[ \u00a0\u202f][0-9]{{3}})+")
_TWO_WAYS = re.compile(rf"({_FIRST})(,)([0-9]{{3}})")
_DOT_THOUSANDS = re.compile(rf"{_FIRST}\.[0-9]{{3}}")  # 7.080: what a decimal written with a dot must not look like
_ENGLISH = re.compile(rf"{_FIRST}(?:,[0-9]{{3}})+(?:\.[0-9]+)?")

# A number has at most this many digits, not counting zeros before its first
# significant digit in the whole part: every such number is one a float tells
# apart from its neighbours (DBL_DIG = 15), so comparing targets is exact.
MAX_DIGITS = 15


class UnclearNumber(ValueError):
    """A number kh68 will not guess at (``7.080``, ``1,234,567``); the message says how to write it.

    Callers that put their own words on a ``ValueError`` keep this one's.
    """


class TooManyDigits(UnclearNumber):
    """A number of more than ``MAX_DIGITS`` digits: too large, or too long, to compare exactly; the message says so."""


def bounded(text: str, digits: str) -> None:
    """``TooManyDigits`` for a number ``text`` of more than ``MAX_DIGITS`` significant ``digits``."""
    if len(digits) > MAX_DIGITS:
        raise TooManyDigits(f"{excerpt(text)} có quá {MAX_DIGITS} chữ số: quá lớn hoặc quá dài để so sánh chính xác")


def _whole_number(text: str, digits: str) -> int:
    """The integer ``digits`` (ASCII, leading zeros allowed) of ``text``, at most ``MAX_DIGITS`` significant digits.

    Leading zeros are dropped before ``int``, which refuses a string of more than 4.300 digits in English.
    """
    significant = digits.lstrip("0")
    bounded(text, significant)
    return int(significant or "0")


def _grouped(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def _decimal_words(sign: str, whole: str, fraction: str) -> str:
    """The decimal ``whole,fraction`` as written unambiguously: ``7,08``, ``7``, ``1,2340`` (never ``1,234``)."""
    fraction = fraction.rstrip("0")
    if len(fraction) == 3 and _TWO_WAYS.fullmatch(f"{whole},{fraction}"):
        fraction += "0"
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def _two_ways(text: str, sign: str, match: re.Match[str]) -> UnclearNumber:
    first, _, group = match.groups()
    whole = str(int(first))
    thousands = f"{sign}{whole}{group}"
    decimal = _decimal_words(sign, whole, group)
    shown = f"{sign}{whole},{group.rstrip('0')}".rstrip(",")
    readings = f"{shown} (dấu phẩy thập phân) hoặc {thousands} (dấu phẩy ngăn cách hàng nghìn kiểu tiếng Anh)"
    return UnclearNumber(f"{excerpt(text)} đọc được hai cách: {readings}; hãy viết {decimal} hoặc {thousands}")


def _english(text: str, sign: str, body: str) -> UnclearNumber:
    """``1,234,567`` or ``1,234.5``: the comma groups thousands only in English; say the Vietnamese way."""
    whole, _, fraction = body.replace(",", "").partition(".")
    plain = f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"
    grouped = f"{sign}{_grouped(int(whole))}" + (f",{fraction}" if fraction else "")
    return UnclearNumber(
        f"{excerpt(text)}: dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
        f"nếu là {plain} hãy viết {plain} hoặc {grouped}"
    )


def _whole_digits(whole: str) -> str | None:
    """The digits of a whole part: plain (``1234``), or grouped by dots or spaces (``1.234``, ``1 234``)."""
    if _DIGITS.fullmatch(whole):
        return whole
    if _DOT_GROUPED.fullmatch(whole) or _SPACE_GROUPED.fullmatch(whole):
        return re.sub(r"[. \u00a0\u202f]", "", whole)
    return None


def _parts(body: str) -> tuple[str, str] | None:
    """The whole and fraction digits of an unsigned number with no two readings, or ``None``."""
    if "," in body:
        whole, _, fraction = body.partition(",")
    elif _DOT_GROUPED.fullmatch(body) or _SPACE_GROUPED.fullmatch(body):
        whole, fraction = body, ""
    else:
        whole, _, fraction = body.partition(".")
        if not _DIGITS.fullmatch(whole):
            return None
    digits = _whole_digits(whole)
    if digits is None or (fraction and not _DIGITS.fullmatch(fraction)) or body.endswith((",", ".")):
        return None
    return digits, fraction


def _unsigned(text: str) -> tuple[str, str]:
    cleaned = text.strip()
    if cleaned[:1] in ("+", "-"):
        return cleaned[0].replace("+", ""), cleaned[1:]
    return "", cleaned


def as_decimal_comma(text: str) -> str | None:
    """``1.234`` read as thousands (1234) written with a decimal comma (``1,234``), for a message that must say the
    other reading when a number so read is out of range (a rate of 1.234%); ``None`` for any other text."""
    written = text.strip()
    return written.replace(".", ",") if _DOT_THOUSANDS.fullmatch(written) else None


def thousands_hint(text: str) -> str | None:
    """``: dấu chấm ngăn cách hàng nghìn; nếu là 1,234% hãy ghi 1,234`` after a rate written ``1.234`` (out of range
    as 1234), the other reading and how to write it; ``None`` for any other text."""
    comma = as_decimal_comma(text)
    return None if comma is None else f": dấu chấm ngăn cách hàng nghìn; nếu là {comma}% hãy ghi {comma}"


def parse_exact(text: str) -> Decimal:
    """A decimal as written (see the module docstring), exactly: ``1.234,5``, ``99,5``, ``99.5``, ``1.234.567``.

    Only ASCII digits, an optional sign and surrounding blanks; at most
    ``MAX_DIGITS`` digits. A number with two readings (``7.080``) or English
    grouping (``1,234.5``) is an ``UnclearNumber``; anything else that is not a
    number (``9 5``, ``９５``, ``NaN``, ``inf``, ``1e5``) a ``ValueError``.
    """
    sign, body = _unsigned(text)
    if match := _TWO_WAYS.fullmatch(body):
        raise _two_ways(text, sign, match)
    parts = _parts(body)
    if parts is None:
        if _ENGLISH.fullmatch(body):
            raise _english(text, sign, body)
        raise ValueError(f"{excerpt(text)} không phải là số (dùng dạng 99,5 hoặc 99.5)")
    whole, fraction = parts
    bounded(text, whole.lstrip("0") + fraction)
    return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")


_WHOLE = re.compile(r"-?[0-9]+")


def parse_whole(text: str) -> int:
    """A whole number as written: ASCII digits and an optional ``-`` (``2025``, ``-5``), at most ``MAX_DIGITS`` digits.

    ``2025.0``, ``+2025``, ``2_025``, ``0x7e9`` or fullwidth digits are a ``ValueError``.
    """
    cleaned = text.strip()
    if not _WHOLE.fullmatch(cleaned):
        raise ValueError(f"{excerpt(text)} không phải là số nguyên (chỉ gồm các chữ số 0–9)")
    number = _whole_number(text, cleaned.lstrip("-"))
    return -number if cleaned.startswith("-") else number


def parse_decimal(text: str) -> float:
    """``parse_exact`` as a float (exact enough: at most ``MAX_DIGITS`` digits)."""
    return float(parse_exact(text))


def _count_comma(text: str, digits: str) -> UnclearNumber:
    """``1,234`` as a count: the comma is no decimal mark there, and groups thousands only in English."""
    whole = _whole_number(text, digits)
    return UnclearNumber(
        f"{excerpt(text)} không phải là số nguyên: dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
        f"nếu là {whole} hãy viết {whole} hoặc {_grouped(whole)}"
    )


def parse_count(text: str) -> int:
    """A whole count: ``1234``, ``1.234`` or ``1 234`` (a dot groups thousands), ``2140,0``.

    A comma grouping thousands (``1,234``, ``1,234,567``) is an ``UnclearNumber``:
    a count has no decimals, and Vietnamese never group thousands with a comma.
    At most ``MAX_DIGITS`` digits; ``9 5``, ``1,5``, ``-3`` are a ``ValueError``.
    """
    if text.isascii() and text.isdigit():  # nearly every count: the same answer without a regular expression
        return int(text) if len(text) <= MAX_DIGITS else _whole_number(text, text)
    body = text.strip()
    if "." not in body and (_TWO_WAYS.fullmatch(body) or _ENGLISH.fullmatch(body)):
        raise _count_comma(text, body.replace(",", ""))
    parts = None if body.startswith(("+", "-")) else _parts(body)
    if parts is None or parts[1].strip("0"):
        raise ValueError(f"{excerpt(text)} không phải là số nguyên không âm")
    return _whole_number(text, parts[0])


def exact_text(value: Decimal) -> str:
    """Plain decimal text that reads back as ``value``: ``7080``, ``95.4``, ``-2.5``; ``7.1250``, not two-way ``7.125``."""
    text = format(value.normalize(), "f")
    if text in ("-0", "+0"):
        return "0"
    if _DOT_THOUSANDS.fullmatch(text.lstrip("-")):
        text += "0"
    return text


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


def rounded(value: float, places: int) -> float:
    """``value`` to ``places`` decimals, a half away from zero, of the number as written (``72,125`` → ``72,13``,
    ``2,675`` → ``2,68``), as a person rounds: Python's ``round`` takes a half to the even digit (``72,12``) and
    reads ``2.675`` as the binary number just below it (``2,67``). What is shown and what is judged round so."""
    if not math.isfinite(value):
        return value
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def format_number(value: float | None, decimals: int = 2) -> str:
    """``1234.5`` → ``1.234,5``; trailing zeros dropped; ``None`` → ``""``; rounded as ``rounded``."""
    if value is None or math.isnan(value):
        return ""
    shown = rounded(value, decimals)
    if shown == 0:
        shown = 0.0
    sign = "-" if shown < 0 else ""
    whole, _, frac = f"{abs(shown):.{decimals}f}".partition(".")
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
    """The one "%" rule: ``99,5%`` (no space, also before what it is a share of: ``45% GRDP``), ``12 trường``, or
    the number alone."""
    if unit.startswith("%"):
        return f"{number}{unit}"
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
    return f"{_day(day)}/{_month(day)}/{day.year:04d}"


def long_date(day: date) -> str:
    """``ngày 05 tháng 9 năm 2025``, ``ngày 03 tháng 02 năm 2026`` (Decree 30/2020/NĐ-CP)."""
    return f"ngày {_day(day)} tháng {_month(day)} năm {day.year:04d}"


def parse_date(text: str) -> date:
    """``2025-03-15``, ``15/03/2025`` or ``15/3/2025``; a date as a document writes it, ``ngày 15 tháng 3 năm
    2025`` (Decree 30), typed into a form's cell."""
    text = text.strip()
    # ASCII digits, these forms only: not an ISO week (2025-W44-2), a bare 20251029 or other scripts' digits
    match = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", text) or re.fullmatch(
        r"(?:ngày\s+)?([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})",
        unicodedata.normalize("NFC", text).lower(),
    )
    iso = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        raise ValueError
    except ValueError:
        raise ValueError(f"{excerpt(text)} không phải là ngày hợp lệ (dùng dạng 2025-03-15 hoặc 15/3/2025)") from None
