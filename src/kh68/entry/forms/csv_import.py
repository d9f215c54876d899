"""A tidy CSV of figures (one row per indicator × period × unit), read with the same checks as a form.

Columns (header on the first line, comma or semicolon separated, UTF-8):
``indicator, year, period, unit, value, numerator, denominator, met, state,
document, document_date, note, reported_by``; ``indicator`` and ``year`` or
``period`` are required, an empty ``unit`` is the province-wide figure.

``period`` names a month, quarter or half-year as ``--period`` does
(``2026-11``, ``2026-Q3``, ``2026-H1``; ``2026`` is the year): its row goes
into that period's data file (``data/2026-11.yaml``), as ``kh68 record
--period`` writes it. A row with ``year`` only is the year's
(``data/2026.yaml``); a row with both must name the same year. The file's
name never decides a period: one file may hold several years and periods.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from kh68.core.errors import Kh68Error
from kh68.core.safetext import LISTED, excerpt
from kh68.core.vnformat import format_date, format_number
from kh68.domain.deadlines import period_day
from kh68.entry.figure import Figure, Places
from kh68.entry.forms import cells
from kh68.entry.forms.dating import Arrival
from kh68.entry.forms.expected import inputs_for
from kh68.entry.forms.layout import Scope
from kh68.entry.forms.read import MAX_MESSAGES
from kh68.entry.forms.workbook import MAX_FILE, FormRefused, read_input
from kh68.kinds.fraction import FractionFault, fraction_problem
from kh68.kinds.periods import Period, parse_period
from kh68.reading.plan import Plan

COLUMNS = (
    "indicator",
    "year",
    "period",
    "unit",
    "value",
    "numerator",
    "denominator",
    "met",
    "state",
    "document",
    "document_date",
    "note",
    "reported_by",
)
VALUE_COLUMNS = ("value", "numerator", "denominator", "met", "state")
MAX_ROWS = 50_000  # 13 indicators × 100 units × 17 years is some 22.000
_YEAR = re.compile(r"[0-9]{4}")  # ASCII digits only: int() would take '٢٠٢٥' too
SAVE_UTF8 = "lưu lại dạng «CSV UTF-8 (Comma delimited)»"


def read_csv(path: Path, plan: Plan, arrival: Arrival | None = None) -> list[Figure]:
    """The figures of a tidy CSV; ``FormRefused`` listing every problem (``file › dòng N › column``). ``arrival``:
    when the file was received (default today): a document dated after it is refused, as a form's sent date is."""
    arrival = arrival or Arrival.today()
    rows = _rows(path)
    problems: list[str] = []
    figures: list[Figure] = []
    seen: dict[tuple[str, Period, str | None], int] = {}
    for line, row in rows:
        before = len(problems)

        def say(column: str, message: str, line: int = line) -> None:
            problems.append(f"{path.name} › dòng {line} › {column}: {message}")

        figure = _figure(plan, row, say)
        dated = figure.document_date if figure is not None else None
        if dated is not None and (late := arrival.too_late(dated)) is not None:
            say("document_date", f"ngày văn bản {format_date(dated)} {late}")
        if figure is None or len(problems) > before:
            continue
        period = figure.period or Period.of_year(figure.year)
        key = (figure.indicator_id, period, figure.unit_id)
        if key in seen:
            said = "năm" if period.is_year else "kỳ"
            say("indicator", f"trùng với dòng {seen[key]} (cùng chỉ tiêu, {said} và đơn vị)")
            continue
        seen[key] = line
        figures.append(replace(figure, at=Places.same(f"dòng {line}")))
    if problems:
        shown = problems[:MAX_MESSAGES]
        if len(problems) > MAX_MESSAGES:
            shown.append(f"{path.name}: … và {len(problems) - MAX_MESSAGES} lỗi khác")
        raise FormRefused(*shown)
    return figures


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    name = path.name
    data = read_input(path, MAX_FILE, "tệp CSV")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormRefused(f"{name}: tệp CSV lưu bằng mã UTF-16 (Unicode Text); {SAVE_UTF8}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormRefused(
            f"{name} › dòng {line}: tệp CSV không phải mã UTF-8 (có thể là Windows-1258 hay TCVN3); {SAVE_UTF8}"
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise FormRefused(f"{name} › dòng {line}: tệp CSV chứa ký tự NUL (tệp hỏng, hoặc mã UTF-16); {SAVE_UTF8}")
    first = text.split("\n", 1)[0]
    # a comma, the semicolon of a European locale's Excel, or the tab of "Text (Tab delimited)": the header's most
    delimiter = max((",", ";", "\t"), key=first.count)
    # strict: a quote not closed, or text after a closing quote, is an error, never a guess (a lost quote once
    # swallowed every row after it into one note, and "7"5 read as 75).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    table: list[list[str]] = []
    starts: list[int] = []  # the line each row begins on (a quoted cell may hold line breaks)
    begins = 1
    try:
        for row in reader:
            table.append(row)
            starts.append(begins)
            begins = reader.line_num + 1
    except csv.Error as exc:
        raise FormRefused(f"{name} › dòng {begins}: tệp CSV không đọc được ({_csv_reason(str(exc))})") from None
    if not table:
        raise FormRefused(f"{name}: tệp CSV trống")
    header = [h.strip().lower() for h in table[0]]
    unknown = [h for h in header if h not in COLUMNS]
    missing = ["indicator"] if "indicator" not in header else []
    if "year" not in header and "period" not in header:
        missing.append("year (hoặc period)")
    if unknown or missing or len(set(header)) != len(header):
        said = [f"thiếu cột {c}" for c in missing] + [f"cột lạ {excerpt(h)}" for h in unknown[:LISTED]]
        if len(unknown) > LISTED:  # a header of 100.000 columns said every one: 2 MB on the terminal
            said.append(f"… và {format_number(len(unknown) - LISTED, 0)} cột lạ khác")
        raise FormRefused(
            f"{name} › dòng 1: tiêu đề không hợp lệ ({', '.join(said) or 'cột trùng tên'}); các cột: {', '.join(COLUMNS)}"
        )
    if len(table) - 1 > MAX_ROWS:
        raise FormRefused(
            f"{name}: tệp CSV có {format_number(len(table) - 1, 0)} dòng, quá nhiều "
            f"(tối đa {format_number(MAX_ROWS, 0)}); tách thành nhiều tệp"
        )
    rows = []
    raw_lines = text.splitlines()
    for line, values in zip(starts[1:], table[1:], strict=True):
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(header):
            raise FormRefused(f"{name} › dòng {line}: có {len(values)} ô, tiêu đề chỉ có {len(header)} cột")
        texts = [v.strip() for v in values] + [""] * (len(header) - len(values))  # a short row: the rest empty
        if delimiter == ",":
            _refuse_split_decimal(name, line, header, texts, raw_lines[line - 1] if line <= len(raw_lines) else "")
        rows.append((line, dict(zip(header, texts, strict=True))))
    if not rows:
        raise FormRefused(f"{name}: tệp CSV không có dòng số liệu nào (chỉ có dòng tiêu đề)")
    return rows


_NUMBERS = ("value", "numerator", "denominator")
_DIGITS = re.compile(r"-?[0-9]+")


def _refuse_split_decimal(name: str, line: int, header: list[str], texts: list[str], raw: str) -> None:
    """``76,5`` typed unquoted in a file separated by commas is two cells: 76 in ``value``, 5 in the column after it
    (a note, a document). Digits alone after a whole number read two ways: refused, naming both (a hostile probe: the
    5 became the note, 76 the figure, and nothing was said)."""
    for i in range(len(header) - 1):
        column, following, here, after = header[i], header[i + 1], texts[i], texts[i + 1]
        joined = re.search(rf"(?:^|,)\s*{re.escape(here)},{re.escape(after)}\s*(?:,|$)", raw)  # unquoted, as typed
        if column in _NUMBERS and following not in _NUMBERS and _DIGITS.fullmatch(here) and after.isdigit() and joined:
            raise FormRefused(
                f"{name} › dòng {line}: ô {column} {excerpt(here)} rồi ô {following} {excerpt(after)} đọc được hai "
                f"cách: số {here},{after} bị dấu phẩy tách làm hai ô, hoặc {column} {here} với {following} "
                f'{excerpt(after)}; ghi số thập phân trong dấu nháy ("{here},{after}") hoặc dùng dấu chấm phẩy (;) '
                "để phân cách các cột"
            )


def _figure(plan: Plan, row: dict[str, str], say: Callable[[str, str], None]) -> Figure | None:
    indicator = plan.indicator(row.get("indicator", ""))
    if indicator is None:
        say("indicator", f"không có chỉ tiêu {excerpt(row.get('indicator', ''))}")
        return None
    period = _period(plan, row, say)
    if period is None:
        return None
    year = period.year
    unit_id = _unit(plan, row.get("unit", ""), period, "unit", say)
    reporter = _unit(plan, row.get("reported_by", ""), period, "reported_by", say)
    if not isinstance(unit_id, str) or not isinstance(reporter, str):
        return None
    scope = Scope.UNIT if unit_id else Scope.PROVINCE
    allowed = inputs_for(indicator, scope)
    got: dict[str, Any] = {}
    parsers: dict[str, Callable[[str], Any]] = {
        "value": (
            (lambda t: cells.percent_text(t, False))
            if indicator.measure.is_percent
            else (lambda t: cells.amount_text(t, indicator.unit))
        ),
        "numerator": cells.count_value,
        "denominator": cells.count_value,
        "met": cells.yes_no,
        "state": cells.task_state,
    }
    for column in VALUE_COLUMNS:
        text = row.get(column, "")
        if not text:
            continue
        if column not in allowed:
            say(column, f"chỉ tiêu {indicator.id} ({'theo đơn vị' if unit_id else 'toàn địa bàn'}) không ghi cột này")
            continue
        got[column] = _parse(parsers[column], text, column, indicator.id, say)
    extra = {c: _parse(p, row.get(c, ""), c, indicator.id, say) for c, p in _EXTRA.items() if row.get(c, "")}
    if not got:
        say("value", f"chỉ tiêu {indicator.id}: chưa ghi số liệu ({', '.join(allowed)})")
        return None
    if "numerator" in got or "denominator" in got:
        parsed = {part: got.get(part) for part in ("numerator", "denominator")}
        unread = any(part in got and got[part] is None for part in parsed)  # its parser has said why
        problem = None if unread else fraction_problem(parsed["numerator"], parsed["denominator"])
        if problem is not None:
            say(problem.part, problem.text)
            if problem.fault is FractionFault.MISSING:
                return None
    return Figure(
        indicator_id=indicator.id,
        year=year,
        period=None if period.is_year else period,
        unit_id=unit_id or None,
        reporter=reporter or unit_id or None,
        **got,
        **extra,
    )


def _period(plan: Plan, row: dict[str, str], say: Callable[[str, str], None]) -> Period | None:
    """The row's period: its ``period`` (``2026-11``, ``2026-Q3``, ``2026``), else the year of its ``year``."""
    text, written = row.get("year", ""), row.get("period", "")
    if not text and not written:
        say("year" if "year" in row else "period", "thiếu năm hoặc kỳ" if "period" in row else "thiếu năm")
        return None
    if text and not _YEAR.fullmatch(text):
        say("year", f"{excerpt(text)} không phải là năm (viết 4 chữ số, ví dụ 2025)")
        return None
    column = "period" if written else "year"
    try:
        period = parse_period(written) if written else Period.of_year(int(text))
    except ValueError as exc:
        say("period", str(exc))
        return None
    if text and int(text) != period.year:
        say("period", f"kỳ {period.key} không thuộc năm {text} (cột year)")
        return None
    try:
        plan.require_year(period.year)
    except Kh68Error as exc:
        say(column, f"năm không hợp lệ: {exc}")
        return None
    return period


_EXTRA: dict[str, Callable[[str], Any]] = {"document": cells.text, "document_date": cells.day, "note": cells.text}


def _parse(
    parse: Callable[[str], Any], text: str, column: str, indicator_id: str, say: Callable[[str, str], None]
) -> Any:
    try:
        return parse(text)
    except ValueError as exc:
        say(column, f"{exc} (chỉ tiêu {indicator_id})")
        return None


def _unit(plan: Plan, ref: str, period: Period, column: str, say: Callable[[str, str], None]) -> str | bool:
    """The unit's id ('' when the cell is empty), or False after saying why it cannot report."""
    if not ref:
        return ""
    unit_id = plan.units.resolve(ref)
    if unit_id is None:
        say(column, plan.units.unknown(ref))
        return False
    reason = plan.units.inactive_reason(unit_id, period_day(plan, period))  # as ``check`` judges the file
    if reason:
        say(column, f"đơn vị không còn báo cáo {period.label}: {reason}")
        return False
    return unit_id


def _csv_reason(error: str) -> str:
    """What Python's CSV reader says, in Vietnamese."""
    if "field larger" in error:
        return f"một ô dài quá {format_number(csv.field_size_limit(), 0)} ký tự"
    if "unexpected end of data" in error:
        return 'dấu nháy kép (") mở ô ở dòng này không được đóng: mọi dòng sau nó sẽ bị đọc thành một ô'
    if "expected after" in error:
        return (
            'có ký tự ngay sau dấu nháy kép đóng ô: ô có dấu nháy phải kết thúc bằng dấu nháy ("7,5", không phải "7"5)'
        )
    return f"sai cú pháp CSV: {excerpt(error)}"
