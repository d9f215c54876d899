"""What people type in a cell, read as typed values: ``95,4``, ``95.4``, ``95,4%``, 0,954 shown as %.

Each reader returns the value or raises ``ValueError`` with a Vietnamese
reason; the caller adds file › sheet › cell. Numbers are kept as exact
decimal text (``"95.4"``), never rounded through a float.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kh68.core.safetext import excerpt
from kh68.core.vnformat import UnclearNumber, exact_text, format_number, parse_count, parse_date, parse_exact
from kh68.entry.forms.layout import NO, YES
from kh68.kinds.phrases import fold
from kh68.kinds.verdict import TaskState
from kh68.vocab import TASK_STATE_LABELS

_PLAIN = re.compile(r"^[+-]?\d{1,30}(?:[.,]\d{1,30})?$")
_VN_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d{1,30})?$")
MAX_TEXT = 5000


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _exact(number: Decimal) -> str:
    """Decimal text as the data files hold it; too many digits to compare exactly is an error."""
    text = exact_text(number)  # 7.1250, never 7.125: what the data file holds must read back as this number
    parse_exact(text)
    return text


def decimal_text(value: Any, percent_format: bool = False) -> str:
    """A cell's number as exact decimal text; ``percent_format``: the cell shows 0,954 as 95,4%."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{excerpt(value)} không phải là số")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(f"{excerpt(value)} không phải là số")
        number = Decimal(repr(value))
        return _exact(number * 100 if percent_format else number)
    text = value.strip().removesuffix("%").rstrip()  # "95,4%" is 95,4 percent: the sign says what it is
    try:
        return _exact(parse_exact(text))  # the project's one reader: ASCII digits, one separator
    except UnclearNumber:
        raise  # "7.080" can be read two ways: its message says both and how to write each
    except ValueError:
        raise ValueError(f"{excerpt(value)} không phải là số (viết dạng 95,4 hoặc 95.4)") from None


def percent_text(value: Any, percent_format: bool) -> str:
    text = decimal_text(value, percent_format)
    if not Decimal(0) <= Decimal(text) <= Decimal(100):
        raise ValueError(f"tỷ lệ phải từ 0 đến 100, thấy {format_number(float(text), 6)}")
    return text


def count_value(value: Any) -> int:
    """A whole, non-negative number: ``2140``, ``2140.0``, ``"2.140"``, ``"2140"``."""
    if isinstance(value, bool):
        raise ValueError(f"{excerpt(value)} không phải là số nguyên")
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
            raise ValueError(f"{excerpt(value)} không phải là số nguyên (ví dụ 2140)") from None
    elif isinstance(value, int | float) and math.isfinite(value):
        number = Decimal(repr(value))
    else:
        raise ValueError(f"{excerpt(value)} không phải là số nguyên")
    if number != number.to_integral_value():
        raise ValueError(f"{excerpt(value)} không phải là số nguyên (tử số, mẫu số là số đếm)")
    if number < 0 or number > 10**18:
        raise ValueError(f"{excerpt(value)} phải là số nguyên không âm")
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
    raise ValueError(f"{excerpt(value)}: chọn {YES} hoặc {NO}")


_STATES = {fold(label): state for state, label in TASK_STATE_LABELS.items()} | {s.value: s for s in TaskState}


def task_state(value: Any) -> TaskState:
    state = _STATES.get(fold(value)) if isinstance(value, str) else None
    if state is None:
        choices = "; ".join(TASK_STATE_LABELS.values())
        raise ValueError(f"{excerpt(value)} không phải là trạng thái; chọn một trong: {choices}")
    return state


def day(value: Any) -> date:
    """A date typed as a date, or as ``dd/mm/yyyy`` (or ``yyyy-mm-dd``) text."""
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise ValueError(f"{excerpt(value)} không phải là một ngày")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value.strip()[:40])
    raise ValueError(f"{excerpt(value)} không phải là ngày (viết dạng 05/11/2025)")


def text(value: Any) -> str:
    if isinstance(value, datetime | date):
        raise ValueError(f"{excerpt(value)}: cần một đoạn văn bản, không phải ngày")
    result = str(value).strip() if not isinstance(value, float) else _exact(Decimal(repr(value)))
    if len(result) > MAX_TEXT:
        raise ValueError(
            f"nội dung dài {format_number(len(result), 0)} ký tự, quá giới hạn {format_number(MAX_TEXT, 0)} ký tự"
        )
    return result
