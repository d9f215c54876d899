"""What people type in a cell, read as typed values: ``95,4``, ``95.4``, ``95,4%``, 0,954 shown as %.

Each reader returns the value or raises ``ValueError`` with a Vietnamese
reason; the caller adds file › sheet › cell. Numbers are kept as exact
decimal text (``"95.4"``), never rounded through a float. Text is read by the
project's one parser (``kh68.core.vnformat``): a decimal either way, a date
only as day/month/year. A number or date Excel stored is taken as it is,
unless Excel may have swapped its day and month.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kh68.core.safetext import excerpt
from kh68.core.vnformat import (
    UnclearNumber,
    bounded,
    exact_text,
    format_date,
    format_number,
    parse_count,
    parse_date,
    parse_exact,
    parse_whole,
    thousands_hint,
)
from kh68.entry.forms.layout import EXAMPLE_SENT, NO, YES, Input
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import fold
from kh68.kinds.verdict import TaskState
from kh68.reading.models import PROGRESS_TEXT
from kh68.vocab import TASK_STATE_LABELS

_PLAIN = re.compile(r"^[+-]?\d{1,30}(?:[.,]\d{1,30})?$")
_VN_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d{1,30})?$")
MAX_TEXT = PROGRESS_TEXT  # what a unit's progress may hold (kh68.reading.models)


def as_shown(value: Any) -> Any:
    """A cell's value as Excel shows it, for a message: TRUE and FALSE (never Python's True), a day as 20/10/2026
    (and its hour, 20/10/2026 14:30, when it has one)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        clock = f" {value:%H:%M}" if value.time() != datetime.min.time() else ""
        return format_date(value.date()) + clock
    return value


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _exact(number: Decimal) -> str:
    """Decimal text as the data files hold it; too many digits to compare exactly is an error.

    Not read back through ``parse_exact``: a number Excel stored (1.234) is no typed text to be ambiguous;
    it is written so that it reads back as itself (``exact_text``: 7.1250, never the two-way 7.125).
    """
    text = exact_text(number)
    whole, _, fraction = text.lstrip("+-").partition(".")
    bounded(text, whole.lstrip("0") + fraction.rstrip("0"))
    return text


def decimal_text(value: Any, percent_format: bool = False) -> str:
    """A cell's number as exact decimal text; ``percent_format``: the cell shows 0,954 as 95,4%."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{excerpt(as_shown(value))} không phải là số")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(f"{excerpt(as_shown(value))} không phải là số")
        number = Decimal(repr(value))
        return _exact(number * 100 if percent_format else number)
    text = value.strip().removesuffix("%").rstrip()  # "95,4%" is 95,4 percent: the sign says what it is
    try:
        return _exact(parse_exact(text))  # the project's one reader: ASCII digits, one separator
    except UnclearNumber:
        raise  # "7.080" can be read two ways: its message says both and how to write each
    except ValueError:
        raise ValueError(f"{excerpt(as_shown(value))} không phải là số (viết dạng 95,4 hoặc 95.4)") from None


def scales_by_100(number_format: str | None, value: Any = None) -> bool:
    """Whether a cell's number format multiplies ``value`` by 100 for display: a ``%`` outside quotes, not escaped,
    not in brackets (``0.0%``), in the section of the format that ``value`` is shown by (``0.0;-0.0%`` scales only
    a negative number); ``0.0"%"`` and ``0.0\\%`` only show the sign beside the number as typed."""
    return "%" in _bare(_section(number_format or "", value))


def shows_percent(number_format: str | None, value: Any = None) -> bool:
    """Whether a cell's number format shows a ``%`` beside ``value``, scaling it or not."""
    return "%" in _section(number_format or "", value)


def _section(number_format: str, value: Any) -> str:
    """The part of ``positive;negative;zero;text`` that shows ``value`` (the whole format without ``value``)."""
    parts = _split(number_format)
    if value is None or len(parts) == 1:
        return number_format if value is None else parts[0]
    if isinstance(value, bool) or not isinstance(value, int | float):  # text, a date: the text section, if any
        return parts[3] if len(parts) > 3 else ""
    if value < 0:
        return parts[1]
    return parts[2] if value == 0 and len(parts) > 2 else parts[0]


def _split(number_format: str) -> list[str]:
    """``number_format`` cut at each ``;`` that is not quoted, escaped or bracketed."""
    parts, start = [], 0
    for i in _bare_positions(number_format):
        if number_format[i] == ";":
            parts.append(number_format[start:i])
            start = i + 1
    return [*parts, number_format[start:]]


def _bare(text: str) -> str:
    """The characters of a number format that are codes, not quoted, escaped, bracketed, spacing or fill."""
    return "".join(text[i] for i in _bare_positions(text))


def _bare_positions(text: str) -> list[int]:
    found = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in "\\_*":  # the next character escaped, spaced (_) or repeated to fill (*): never a code
            i += 2
            continue
        if char in '"[':
            close = text.find("]" if char == "[" else '"', i + 1)
            i = len(text) if close < 0 else close + 1
            continue
        found.append(i)
        i += 1
    return found


def amount_text(value: Any, unit: str, percent_format: bool = False) -> str:
    """A cell's number of an indicator counted in ``unit``, not in %: a "%" typed or shown is refused, never
    dropped ("11,5%" of an indicator in nghìn USD is not 11,5 nghìn USD); typed with its own unit ("96,5 ha"), read."""
    measure = Measure(unit)
    if percent_format:
        raise ValueError(measure.not_percent(as_shown(value)))
    if not isinstance(value, str):
        return decimal_text(value)
    number = measure.without_unit(value)
    try:
        return decimal_text(number)
    except ValueError as exc:  # said of what was typed, never of the number without its unit
        raise type(exc)(str(exc).replace(excerpt(number), excerpt(as_shown(value)), 1)) from None


def percent_text(value: Any, percent_format: bool) -> str:
    text = decimal_text(value, percent_format)
    if not Decimal(0) <= Decimal(text) <= Decimal(100):
        said = f"tỷ lệ phải từ 0 đến 100, thấy {format_number(float(text), 6)}"
        hint = thousands_hint(value) if isinstance(value, str) else None
        if hint is not None:  # "1.234": the dot groups thousands; a rate of 1,234% is written with a comma
            said += f" ({excerpt(as_shown(value))}{hint})"
        raise ValueError(said)
    return text


def count_value(value: Any) -> int:
    """A whole, non-negative number: ``2140``, ``2140.0``, ``"2.140"``, ``"2140"``."""
    if isinstance(value, bool):
        raise ValueError(f"{excerpt(as_shown(value))} không phải là số nguyên")
    if isinstance(value, str):
        try:
            return parse_count(value)
        except UnclearNumber:
            raise
        except ValueError:
            pass
        try:
            number = Decimal(decimal_text(value))
        except ValueError:
            raise ValueError(f"{excerpt(as_shown(value))} không phải là số nguyên (ví dụ 2140)") from None
    elif isinstance(value, int | float) and math.isfinite(value):
        number = Decimal(repr(value))
    else:
        raise ValueError(f"{excerpt(as_shown(value))} không phải là số nguyên")
    if number != number.to_integral_value():
        raise ValueError(f"{excerpt(as_shown(value))} không phải là số nguyên (tử số, mẫu số là số đếm)")
    if number < 0:
        raise ValueError(f"{excerpt(as_shown(value))} phải là số nguyên không âm")
    bounded(str(value), str(int(number)))  # as a count written in a data file: said at the cell, not a file's line
    return int(number)


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = fold(value)
        if folded in (fold(YES), "có", "x", "true"):
            return True
        if folded in (fold(NO), "không", "false"):
            return False
    raise ValueError(f"{excerpt(as_shown(value))}: chọn {YES} hoặc {NO}")


_STATES = {fold(label): state for state, label in TASK_STATE_LABELS.items()} | {s.value: s for s in TaskState}


def task_state(value: Any) -> TaskState:
    state = _STATES.get(fold(value)) if isinstance(value, str) else None
    if state is None:
        choices = "; ".join(TASK_STATE_LABELS.values())
        raise ValueError(f"{excerpt(as_shown(value))} không phải là trạng thái; chọn một trong: {choices}")
    return state


def day(value: Any) -> date:
    """A date typed as ``dd/mm/yyyy`` (or ``yyyy-mm-dd``) text, or one Excel stored whose day and month
    cannot have been swapped.

    Excel set to English reads a typed ``04/11/2025`` month first and stores 11 April; a stored date whose
    day is 12 or less (and not its month) may be such a swap, so it is refused with both readings.
    """
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise ValueError(f"{excerpt(as_shown(value))} không phải là một ngày")
        value = value.date()
    if isinstance(value, date):
        return _unswappable(value)
    if isinstance(value, str):
        return parse_date(value.strip()[:40])
    raise ValueError(f"{excerpt(as_shown(value))} không phải là ngày (viết dạng 15/3/2025)")


def _unswappable(stored: date) -> date:
    if stored.day > 12 or stored.day == stored.month:
        return stored
    readings = f"{format_date(stored)} hoặc {format_date(date(stored.year, stored.day, stored.month))}"
    raise ValueError(
        f"Excel đã tự đổi ô này thành ngày theo cài đặt của máy, có thể đã đảo ngày và tháng; "
        f"gõ lại đúng ngày dạng ngày/tháng/năm, ví dụ {readings}"
    )


def date_part(value: Any, kind: Input, year: int) -> int:
    """A cell of the sent date (its day, month or year): a whole number, ``4``, ``"04"`` or ``4.0``."""
    low, high, what, example = {
        Input.DAY: (1, 31, "số ngày (từ 1 đến 31", EXAMPLE_SENT[0]),
        Input.MONTH: (1, 12, "số tháng (từ 1 đến 12", EXAMPLE_SENT[1]),
        Input.YEAR: (1000, 9999, "năm (ghi đủ 4 chữ số", year),
    }[kind]
    number = _whole(value)
    if number is None or not low <= number <= high:
        raise ValueError(f"{excerpt(as_shown(value))} không phải là {what}, ví dụ {example})")
    return number


def _whole(value: Any) -> int | None:
    """A whole number as Excel stored it (4, 4.0) or as typed (``"04"``, read by ``parse_whole``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        try:
            return parse_whole(value)
        except ValueError:
            return None
    return None


EXCEL_ERRORS = frozenset(
    ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]
)
"""What Excel shows of a formula that failed; a CSV Excel saved writes it as text."""


def excel_error(value: object) -> str:
    """The message of a cell holding one of ``EXCEL_ERRORS``, as a form's error cell or a CSV's text."""
    return f"ô có giá trị lỗi của Excel {excerpt(as_shown(value))}; ghi giá trị đúng hoặc để trống"


def text(value: Any) -> str:
    if isinstance(value, datetime | date):
        raise ValueError(f"{excerpt(as_shown(value))}: cần một đoạn văn bản, không phải ngày")
    result = str(value).strip() if not isinstance(value, float) else _exact(Decimal(repr(value)))
    if result.upper() in EXCEL_ERRORS:
        raise ValueError(excel_error(result))
    if len(result) > MAX_TEXT:
        raise ValueError(
            f"nội dung dài {format_number(len(result), 0)} ký tự, quá giới hạn {format_number(MAX_TEXT, 0)} ký tự"
        )
    return result
