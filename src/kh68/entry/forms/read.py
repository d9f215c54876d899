"""Read a filled form back into typed entries, or every reason it cannot be, as file › sheet › cell."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kh68.core.errors import Kh68Error
from kh68.core.safetext import excerpt, xml_safe
from kh68.core.startup import Stopped
from kh68.core.vnformat import format_number, parse_date
from kh68.entry.figure import Figure, Places
from kh68.entry.forms import cells
from kh68.entry.forms.dating import Arrival, Dated, received_day, received_problem, sent_problem
from kh68.entry.forms.expected import form_for, inactive_reason
from kh68.entry.forms.layout import (
    FIRST_ROW,
    GUIDE_SHEET,
    HEADER_ROW,
    HOW,
    INDICATOR_COLUMNS,
    INDICATOR_SHEET,
    META_SHEET,
    PERIOD_FORM_VERSION,
    SENT_DATE,
    SHEETS,
    TASK_COLUMNS,
    TASK_SHEET,
    VALUE_KEYS,
    VERSIONS,
    Column,
    DatePart,
    FormSpec,
    IndicatorRow,
    Scope,
    TaskRow,
    letter,
    plan_ids,
    plan_label,
)
from kh68.entry.forms.workbook import FormRefused, OpenedForm, open_form
from kh68.kinds.fraction import fraction_problem
from kh68.kinds.periods import Period, parse_period
from kh68.kinds.verdict import TaskState
from kh68.reading.models import DateSource
from kh68.reading.plan import Plan
from kh68.tracking.tasks import period_owers

MAX_MESSAGES = 20
MAX_CHANGES = 10  # changed rows named when a form's plan rows changed


@dataclass(frozen=True)
class TaskReport:
    task_id: str
    state: TaskState
    results: str | None = None
    difficulties: str | None = None
    directions: str | None = None
    proposals: str | None = None
    at: str | None = None  # its row's cells (``Nhiệm vụ › E7:I7``)


@dataclass(frozen=True)
class FilledForm:
    path: Path
    spec: FormSpec
    dated: Dated  # the date the form counts as sent: written on it, or the day it was received
    figures: list[Figure] = field(default_factory=list)
    tasks: list[TaskReport] = field(default_factory=list)


@dataclass(frozen=True)
class _Identity:
    """What the hidden sheet says: whose form, and the day it was made."""

    spec: FormSpec
    made: date


def read_form(path: Path, plan: Plan, arrival: Arrival | None = None) -> FilledForm:
    """The entries of the form at ``path``; ``FormRefused`` listing every problem otherwise.

    ``arrival``: when the form was received (default: today), the date of a form that gives none.
    """
    opened = open_form(path)
    try:
        identity = _identify(opened, plan)
        return _Reader(opened, identity, plan, arrival or Arrival.today()).read(path)
    except FormRefused:
        raise
    except Exception as exc:  # openpyxl objects can surprise (a chart sheet where a sheet should be, …)
        Stopped.raise_if_any()
        raise FormRefused(
            f"{opened.name}: bảng tính không đúng cấu trúc biểu mẫu ({type(exc).__name__}); "
            "dùng lại biểu mẫu gốc lập bằng 'kh68 form'"
        ) from None


# ----------------------------------------------------------------- identity


def _identify(opened: OpenedForm, plan: Plan) -> _Identity:
    name = opened.name
    wb = opened.values
    if META_SHEET not in wb.sheetnames:
        raise FormRefused(
            f"{name}: không phải biểu mẫu của kh68 (thiếu phần thông tin biểu mẫu); dùng biểu mẫu lập bằng 'kh68 form'"
        )
    meta, rows = _meta(wb[META_SHEET])
    where = f"{name} › thông tin biểu mẫu"
    version = meta.get("version")
    if version not in {str(v) for v in VERSIONS} and version not in _OLD_VERSIONS:
        raise FormRefused(f"{where}: phiên bản biểu mẫu {excerpt(version)} không được hỗ trợ; lập lại biểu mẫu")
    if meta.get("plan") not in plan_ids(plan):
        if meta.get("plan_label") == plan_label(plan):  # the same number, symbol and year: the title tells them apart
            raise FormRefused(
                f"{where}: biểu mẫu lập cho {plan_label(plan)} khi kế hoạch có trích yếu khác với bây giờ (trích yếu "
                "đã sửa trong plan.yaml, hoặc đây là biểu mẫu của một kế hoạch khác cùng số, ký hiệu và năm); "
                "lập lại biểu mẫu bằng 'kh68 form' và gửi đơn vị điền lại"
            )
        raise FormRefused(
            f"{where}: biểu mẫu của kế hoạch khác ({excerpt(meta.get('plan_label', ''), 120)}), "
            f"không phải {plan_label(plan)}"
        )
    written_year = meta.get("year", "")
    if not (written_year.isascii() and written_year.isdigit() and len(written_year) == 4):  # never "２０２６", "abc"
        raise FormRefused(
            f"{where}: năm của biểu mẫu {excerpt(written_year)} không phải một năm (4 chữ số 0–9); thông tin biểu mẫu "
            "đã bị sửa — dùng biểu mẫu gốc lập bằng 'kh68 form'"
        )
    year = int(written_year)
    try:
        plan.require_year(year)
    except Kh68Error as exc:  # a year outside the plan
        raise FormRefused(f"{where}: năm của biểu mẫu không hợp lệ: {exc}") from None
    period = _period(meta, version, year, where)
    unit_id = plan.units.resolve(meta.get("unit", ""))
    if unit_id is None:
        raise FormRefused(f"{where}: {plan.units.unknown(meta.get('unit', ''))}")
    owers = period_owers(plan, period)  # who owes the period's report, worked out once for the form
    reason = inactive_reason(plan, period, unit_id, owers)
    if reason:
        raise FormRefused(f"{where}: biểu mẫu {period.label} của đơn vị không còn báo cáo: {reason}")
    option = f"--year {year}" if period.is_year else f"--period {period.key}"
    again = f"lập lại biểu mẫu bằng 'kh68 form {option} --unit {unit_id}' và gửi đơn vị điền lại"
    if version in _OLD_VERSIONS:
        raise FormRefused(f"{where}: biểu mẫu phiên bản {version} (kh68 cũ): {_OLD_VERSIONS[version]}; {again}")
    spec = form_for(plan, period, unit_id, owers)
    if meta.get("fingerprint") != spec.fingerprint:
        changes = describe_changes(rows, spec.rows())
        if not changes:  # the plan asks what the form says it asked: its hidden sheet was altered
            raise FormRefused(
                f"{where}: thông tin biểu mẫu đã bị sửa (dấu vân tay không khớp với {period.label} và các dòng "
                "của biểu mẫu); dùng biểu mẫu gốc lập bằng 'kh68 form'"
            )
        raise FormRefused(f"{where}: kế hoạch đã thay đổi từ khi lập biểu mẫu ({'; '.join(changes)}); {again}")
    try:
        made = parse_date(meta.get("made", ""))
    except ValueError:
        raise FormRefused(f"{where}: ngày lập biểu mẫu {excerpt(meta.get('made'))} không hợp lệ; {again}") from None
    return _Identity(spec, made)


def _period(meta: dict[str, str], version: str | None, year: int, where: str) -> Period:
    """The period a form reports: a version 3 form names it (a month, quarter or half-year of its year);
    a version 2 form is the year's, and names none."""
    written = meta.get("period")
    if version != str(PERIOD_FORM_VERSION):
        if written is not None:
            raise FormRefused(f"{where}: thông tin biểu mẫu đã bị sửa (biểu mẫu năm có ghi kỳ {excerpt(written)})")
        return Period.of_year(year)
    try:
        period = parse_period(written or "")
    except ValueError as exc:
        raise FormRefused(f"{where}: kỳ của biểu mẫu không hợp lệ: {exc}") from None
    if period.is_year or period.year != year:
        raise FormRefused(
            f"{where}: thông tin biểu mẫu đã bị sửa (kỳ {period.key} không phải một tháng, quý hay 6 tháng "
            f"của năm {year})"
        )
    return period


# Forms of earlier versions, and why they are not read: what they hold may have been misread by Excel.
_OLD_VERSIONS = {
    "1": (
        "Excel có thể đã tự đổi ô ngày gửi và ô số của phiên bản này theo cài đặt của máy (Excel tiếng Anh đọc "
        "04/11/2025 thành ngày 11 tháng 4, 7.080 thành 7,08), nên không đọc chắc chắn được"
    )
}


def _meta(ws: Any) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    meta: dict[str, str] = {}
    rows: dict[str, dict[str, str]] = {}
    for row in ws.iter_rows(min_row=1, max_col=3, max_row=min(ws.max_row, 2000), values_only=True):
        key, value, content = (str(v) if v is not None else "" for v in row)
        if key == "row":
            try:
                loaded = json.loads(content)
                rows[value] = loaded if isinstance(loaded, dict) else {}
            except ValueError:
                rows[value] = {}
        elif key:
            meta[key] = value
    return meta, rows


def describe_changes(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> list[str]:
    """What changed in the plan rows of a form: added, removed and changed rows, field by field."""
    changes = [f"thêm {key}" for key in new if key not in old]
    changes += [f"bỏ {key}" for key in old if key not in new]
    for key in new:
        if key in old and old[key] != new[key]:
            fields = [
                f"{name} {excerpt(old[key].get(name, ''))} → {excerpt(value)}"
                for name, value in new[key].items()
                if old[key].get(name) != value
            ]
            changes.append(f"{key}: {', '.join(fields)}")
    if not changes and list(old) != list(new):
        changes.append("thứ tự các dòng")
    if len(changes) > MAX_CHANGES:  # a hidden sheet of thousands of rows is said in one short line
        changes = [*changes[:MAX_CHANGES], f"… và {format_number(len(changes) - MAX_CHANGES, 0)} thay đổi khác"]
    return changes


# ----------------------------------------------------------------- contents


class _Reader:
    def __init__(self, opened: OpenedForm, identity: _Identity, plan: Plan, arrival: Arrival):
        self.opened = opened
        self.spec = identity.spec
        self.made = identity.made
        self.plan = plan
        self.arrival = arrival
        self.problems: list[str] = []

    def at(self, sheet: str, coordinate: str, message: str, row_key: str | None = None) -> None:
        about = f" ({row_key})" if row_key else ""
        self.problems.append(f"{self.opened.name} › {sheet} › {coordinate}{about}: {message}")

    def refuse(self) -> None:
        if self.problems:
            shown = self.problems[:MAX_MESSAGES]
            if len(self.problems) > MAX_MESSAGES:
                shown.append(f"{self.opened.name}: … và {len(self.problems) - MAX_MESSAGES} lỗi khác")
            raise FormRefused(*shown)

    def read(self, path: Path) -> FilledForm:
        self._sheets()
        self.refuse()
        wb = self.opened.values
        indicators, tasks = wb[INDICATOR_SHEET], wb[TASK_SHEET]
        structure_ok = self._structure(indicators, INDICATOR_COLUMNS, [r.fixed() for r in self.spec.indicators])
        structure_ok &= self._structure(tasks, TASK_COLUMNS, [r.fixed() for r in self.spec.tasks])
        self.refuse()
        assert structure_ok
        self._furniture(wb[GUIDE_SHEET], self._guide_cells())
        self._furniture(indicators, self._heading_cells(INDICATOR_SHEET))
        self._furniture(tasks, self._heading_cells(TASK_SHEET) | _sent_cells())
        self.refuse()
        self._closed_cells(indicators)
        figures = [f for i, row in enumerate(self.spec.indicators) if (f := self._figure(indicators, row, i))]
        reports = [t for i, row in enumerate(self.spec.tasks) if (t := self._task(tasks, row, i))]
        dated = self._dated(tasks, bool(figures or reports))
        self.refuse()
        assert dated is not None
        return FilledForm(path, self.spec, dated, figures, reports)

    def _sheets(self) -> None:
        names = list(self.opened.values.sheetnames)
        expected = list(SHEETS)
        if names == expected:
            return
        missing = [n for n in expected if n not in names]
        extra = [n for n in names if n not in expected]
        name = self.opened.name
        if missing or extra:
            said = [f"thiếu trang {excerpt(n)}" for n in missing] + [f"trang lạ {excerpt(n)}" for n in extra]
            self.problems.append(
                f"{name}: các trang của biểu mẫu bị đổi tên, xóa hoặc thêm ({', '.join(said)}); "
                "dùng lại biểu mẫu gốc, không sửa tên trang"
            )
        else:
            self.problems.append(f"{name}: các trang của biểu mẫu bị sắp xếp lại; thứ tự phải là {', '.join(expected)}")

    def _structure(self, ws: Any, columns: tuple[Column, ...], fixed_rows: list[dict[str, str]]) -> bool:
        """Headers, the locked cells of every row, nothing merged or added: else one clear message."""
        sheet = ws.title
        period = self.spec.period
        for index, column in enumerate(columns, 1):
            cell = ws.cell(HEADER_ROW, index)
            if _shown(cell.value) != column.title(period):
                self.at(
                    sheet,
                    cell.coordinate,
                    f"tiêu đề cột phải là {excerpt(column.title(period))}, thấy {excerpt(_shown(cell.value))} "
                    "(cột bị đổi tên, xóa, chèn hoặc sắp xếp lại)",
                )
                return False
        for merged in ws.merged_cells.ranges:
            if merged.max_row >= HEADER_ROW:
                self.at(sheet, str(merged), "ô bị gộp; không gộp ô trong biểu mẫu")
                return False
        id_letter = "A"
        for offset, fixed in enumerate(fixed_rows):
            r = FIRST_ROW + offset
            found = _shown(ws[f"{id_letter}{r}"].value)
            if found != fixed["id"]:
                self.at(
                    sheet,
                    f"{id_letter}{r}",
                    f"dòng này phải là mã {excerpt(fixed['id'])}, thấy {excerpt(found)} "
                    "(dòng bị chèn, xóa hoặc sắp xếp lại)",
                )
                return False
            for index, column in enumerate(columns, 1):
                if column.input is None and column.key not in ("id", "previous"):
                    cell = ws.cell(r, index)
                    if _shown(cell.value) != fixed[column.key]:
                        self.at(
                            sheet,
                            cell.coordinate,
                            f"ô bị khóa đã bị sửa (phải là {excerpt(fixed[column.key])}, thấy {excerpt(_shown(cell.value))})",
                            f"{'chỉ tiêu' if columns is INDICATOR_COLUMNS else 'nhiệm vụ'} {fixed['id']}",
                        )
        last_row = FIRST_ROW + max(len(fixed_rows), 1) - 1
        # Only the cells the file holds (a value at XFD1048576 must not make a billion empty ones).
        for (row, column), cell in sorted(ws._cells.items()):
            if row < HEADER_ROW or not self._filled(ws, cell):
                continue
            if row > last_row:
                self.at(sheet, cell.coordinate, "có nội dung ngoài các dòng của biểu mẫu (dòng bị chèn thêm?)")
                return False
            if column > len(columns):
                self.at(sheet, cell.coordinate, "có nội dung ngoài các cột của biểu mẫu (cột bị chèn thêm?)")
                return False
        return not self.problems

    def _filled(self, ws: Any, cell: Any) -> bool:
        """A cell holds something: a value, or a formula (even one without a computed value)."""
        return not cells.blank(cell.value) or cell.coordinate in self.opened.formulas.get(ws.title, ())

    def _heading_cells(self, sheet: str) -> dict[tuple[int, int], str | None]:
        """The cells above a table: (row, column) → the text that must be there (None: any text)."""
        spec = self.spec
        # The unit's line is read by its id: a unit renamed since the form was made is still the same unit.
        cells = {(1, 1): spec.title(sheet), (2, 1): _EndsWith(f"(mã {spec.unit_id})"), (3, 1): None, (5, 1): None}
        so_far = sheet == INDICATOR_SHEET and not spec.period.is_year  # "lũy kế từ đầu năm …" (older forms: none)
        return cells | ({(4, 1): None} if so_far else {})

    def _guide_cells(self) -> dict[tuple[int, int], str | None]:
        from kh68.entry.forms.generate import guide_lines

        spec = self.spec
        cells: dict[tuple[int, int], str | None] = {(1, 1): spec.title(GUIDE_SHEET), (2, 1): None}
        start = 3 if spec.synthetic else 2
        for offset, _ in enumerate(guide_lines(spec)):
            cells[(start + offset, 1)] = cells[(start + offset, 2)] = None
        return cells

    def _furniture(self, ws: Any, expected: dict[tuple[int, int], str | None]) -> None:
        """Outside the tables, only what ``kh68 form`` wrote: the title (the year) and the unit's line (its id).

        A form whose year or unit was changed on the hidden sheet, or copied from
        another unit's form, says so here; so does text typed beside the tables.
        """
        for (row, column), cell in sorted(ws._cells.items()):
            if row >= HEADER_ROW and ws.title != GUIDE_SHEET:
                break
            if (row, column) not in expected:
                if self._filled(ws, cell):
                    self.at(ws.title, cell.coordinate, "có nội dung ngoài các ô của biểu mẫu; xóa nội dung ô này")
                continue
            want = expected[(row, column)]
            if want is None:
                continue
            shown = _shown(cell.value)
            wrong = not shown.endswith(want) if isinstance(want, _EndsWith) else shown != xml_safe(want)
            if wrong:
                said = (
                    f"phải kết thúc bằng {excerpt(want, 80)}"
                    if isinstance(want, _EndsWith)
                    else f"phải là {excerpt(xml_safe(want), 80)}"
                )
                when = "năm" if self.spec.period.is_year else "kỳ"
                self.at(
                    ws.title,
                    cell.coordinate,
                    f"ô bị khóa đã bị sửa ({said}, thấy {excerpt(shown, 80)}); "
                    f"biểu mẫu không phải của đơn vị hoặc {when} ghi trong tệp — dùng biểu mẫu gốc lập bằng 'kh68 form'",
                )

    def _closed_cells(self, ws: Any) -> None:
        """Value cells a row does not take (grey, locked) must stay empty."""
        for offset, row in enumerate(self.spec.indicators):
            for index, column in enumerate(INDICATOR_COLUMNS, 1):
                if column.key in VALUE_KEYS and column.key not in row.inputs:
                    cell = ws.cell(FIRST_ROW + offset, index)
                    if not cells.blank(cell.value):
                        self.at(
                            ws.title,
                            cell.coordinate,
                            f"ô bị khóa (không dùng cho chỉ tiêu này) có giá trị {excerpt(cell.value)}; "
                            f"chỉ tiêu này: {_how(row)}",
                            row.key,
                        )

    def _value(self, ws: Any, coordinate: str, parse: Callable[[Any], Any], row_key: str | None = None) -> Any:
        """The parsed value of an input cell, ``None`` if blank; a positioned problem if unreadable."""
        cell = ws[coordinate]
        value = cell.value
        if cell.coordinate in self.opened.formulas.get(ws.title, ()) and value is None:
            self.at(
                ws.title,
                cell.coordinate,
                "ô có công thức nhưng không có giá trị đã tính; mở tệp bằng Excel hoặc LibreOffice, "
                "lưu lại rồi gửi lại (hoặc ghi giá trị thay công thức)",
                row_key,
            )
            return None
        if cell.data_type == "e":  # #REF!, #DIV/0!, #N/A: Excel's word for a failed formula, never text to keep
            self.at(
                ws.title,
                cell.coordinate,
                cells.excel_error(value),
                row_key,
            )
            return None
        if cells.blank(value):
            return None
        try:
            return parse(cell)
        except ValueError as exc:
            self.at(ws.title, cell.coordinate, str(exc), row_key)
            return None

    def _figure(self, ws: Any, row: IndicatorRow, offset: int) -> Figure | None:
        r = FIRST_ROW + offset
        before = len(self.problems)

        def get(key: str, parse: Callable[[Any], Any]) -> Any:
            return self._value(ws, f"{_letter(key)}{r}", parse, row.key)

        got: dict[str, Any] = {}
        if "value" in row.inputs:
            if row.percent:
                got["value"] = get(
                    "value", lambda c: cells.percent_text(c.value, cells.scales_by_100(c.number_format, c.value))
                )
            else:
                got["value"] = get(
                    "value",
                    lambda c: cells.amount_text(c.value, row.unit, cells.shows_percent(c.number_format, c.value)),
                )
        if "numerator" in row.inputs:
            got["numerator"] = get("numerator", lambda c: cells.count_value(c.value))
            got["denominator"] = get("denominator", lambda c: cells.count_value(c.value))
        if "met" in row.inputs:
            got["met"] = get("met", lambda c: cells.yes_no(c.value))
        if "state" in row.inputs:
            got["state"] = get("state", lambda c: cells.task_state(c.value))
        document = get("document", lambda c: cells.text(c.value))
        document_date = get("document_date", lambda c: cells.day(c.value))
        note = get("note", lambda c: cells.text(c.value))
        if len(self.problems) > before:
            return None
        if all(v is None for v in got.values()):
            if document is not None or document_date is not None or note is not None:
                first = next(k for k in row.inputs)
                self.at(
                    ws.title, f"{_letter(first)}{r}", f"chưa ghi số liệu ({_how(row)}) mà đã ghi nguồn/ghi chú", row.key
                )
            return None
        if "numerator" in row.inputs and not self._fraction(ws.title, r, row, got):
            return None
        return Figure(
            indicator_id=row.indicator_id,
            year=self.spec.year,
            unit_id=self.spec.unit_id if row.scope is Scope.UNIT else None,
            period=None if self.spec.period.is_year else self.spec.period,
            reporter=self.spec.unit_id,
            document=document,
            document_date=document_date,
            note=note,
            at=Places(
                _span(ws.title, r, [_letter(k) for k in row.inputs if k != "state"] or [_letter("note")]),
                _span(ws.title, r, [_letter("state")]),
                _span(ws.title, r, [_letter("document"), _letter("document_date")]),
            ),
            **got,
        )

    def _fraction(self, sheet: str, r: int, row: IndicatorRow, got: dict[str, Any]) -> bool:
        problem = fraction_problem(got["numerator"], got["denominator"])
        if problem is not None:
            self.at(sheet, f"{_letter(problem.part)}{r}", problem.text, row.key)
        return problem is None

    def _task(self, ws: Any, row: TaskRow, offset: int) -> TaskReport | None:
        r = FIRST_ROW + offset
        before = len(self.problems)
        state = self._value(ws, f"{_task_letter('state')}{r}", lambda c: cells.task_state(c.value), row.key)
        texts = {
            key: self._value(ws, f"{_task_letter(key)}{r}", lambda c: cells.text(c.value), row.key)
            for key in ("results", "difficulties", "directions", "proposals")
        }
        if len(self.problems) > before:
            return None
        if state is None:
            if any(v is not None for v in texts.values()):
                self.at(ws.title, f"{_task_letter('state')}{r}", "chưa chọn trạng thái của nhiệm vụ", row.key)
            return None
        keys = ("state", "results", "difficulties", "directions", "proposals")
        return TaskReport(row.task_id, state, **texts, at=_span(ws.title, r, [_task_letter(k) for k in keys]))

    def _dated(self, ws: Any, filled: bool) -> Dated | None:
        """The sent date written in the three cells, else the day the form was received."""
        before = len(self.problems)
        sent = self._sent(ws)
        if len(self.problems) > before:
            return None
        spec = self.spec
        if sent is not None:
            problem = sent_problem(sent, spec.period, self.made, self.arrival)
            if problem:
                self.at(ws.title, _SENT_RANGE, problem)
            return Dated(sent, DateSource.FORM, f"{ws.title} › {_SENT_RANGE}")
        if not filled and not self.problems:
            self.problems.append(
                f"{self.opened.name}: biểu mẫu chưa điền gì (không có số liệu, tiến độ nhiệm vụ hay ngày gửi báo cáo)"
            )
            return None
        day = received_day(self.plan, spec.period, spec.unit_id, spec.fingerprint, self.arrival)
        problem = received_problem(day, spec.period, self.made)
        if problem:
            self.at(ws.title, _SENT_RANGE, problem)
        return Dated(day, DateSource.RECEIVED)

    def _sent(self, ws: Any) -> date | None:
        """The date in the day, month and year cells; ``None`` if all three are blank (or one is wrong: said)."""
        before = len(self.problems)
        parts = {part.name: self._value(ws, part.cell, self._date_part(part)) for part in SENT_DATE}
        missing = [part for part in SENT_DATE if parts[part.name] is None]
        if len(self.problems) > before or len(missing) == len(SENT_DATE):
            return None
        for part in missing:
            self.at(
                ws.title,
                part.cell,
                f"thiếu {part.name} của ngày gửi báo cáo (ghi đủ ngày, tháng, năm; hoặc để trống cả ba ô)",
            )
        if missing:
            return None
        day, month, year = (parts[part.name] for part in SENT_DATE)
        try:
            return date(year, month, day)
        except ValueError:
            self.at(ws.title, _SENT_RANGE, f"ngày gửi báo cáo: không có ngày {day} tháng {month} năm {year}")
            return None

    def _date_part(self, part: DatePart) -> Callable[[Any], int]:
        def parse(cell: Any) -> int:
            try:
                return cells.date_part(cell.value, part.input, self.spec.year)
            except ValueError as exc:
                raise ValueError(f"ngày gửi báo cáo: {exc}") from None

        return parse


def _sent_cells() -> dict[tuple[int, int], str | None]:
    """The sent date's labels (as written) and cells (any value) on the tasks sheet."""
    from openpyxl.utils.cell import coordinate_to_tuple

    found: dict[tuple[int, int], str | None] = {}
    for part in SENT_DATE:
        found[coordinate_to_tuple(part.label_cell)] = part.label
        found[coordinate_to_tuple(part.cell)] = None
    return found


_SENT_RANGE = f"{SENT_DATE[0].cell}:{SENT_DATE[-1].cell}"


class _EndsWith(str):
    """A locked cell's text must end so (the rest may follow the plan's wording of the day)."""


def _letter(key: str) -> str:
    return letter(INDICATOR_COLUMNS, key)


def _task_letter(key: str) -> str:
    return letter(TASK_COLUMNS, key)


def _span(sheet: str, r: int, letters: list[str]) -> str:
    """``Số liệu › H7`` or ``Số liệu › H7:N7``: the cells of row ``r`` from the first of ``letters`` to the last."""
    ordered = sorted(letters, key=lambda c: (len(c), c))
    first, last = ordered[0], ordered[-1]
    return f"{sheet} › {first}{r}" if first == last else f"{sheet} › {first}{r}:{last}{r}"


def _how(row: IndicatorRow) -> str:
    return HOW[row.inputs].lower()


def _shown(value: Any) -> str:
    """A locked cell's content as text, as the generator wrote it."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)
