"""What a unit's form holds, as data: its sheets, columns and rows.

Generation (``generate``) and reading (``read``) both follow this module, so
the two can never disagree about where a value is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kh68.core.safetext import xml_safe
from kh68.core.vnformat import format_date
from kh68.kinds.periods import Period, Rhythm
from kh68.reading.plan import Plan
from kh68.vocab import plan_name

FORM_VERSION = 2  # 2: the sent date in three whole-number cells, numbers and dates typed as text, the day made
# A form of a month, quarter or half-year: version 2's layout with the period in the hidden sheet (and in the
# fingerprint). A year's form stays version 2, byte for byte; an older kh68 refuses a version 3 form ("phiên bản
# không được hỗ trợ") instead of reading a month's figures as the year's.
PERIOD_FORM_VERSION = 3
VERSIONS = (FORM_VERSION, PERIOD_FORM_VERSION)
GUIDE_SHEET = "Hướng dẫn"
INDICATOR_SHEET = "Chỉ tiêu"
TASK_SHEET = "Nhiệm vụ"
META_SHEET = "kh68"
SHEETS = (GUIDE_SHEET, INDICATOR_SHEET, TASK_SHEET, META_SHEET)
HEADER_ROW = 6
TO_DATE_CELL = "A4"  # on the indicators of a part of the year: its figures are the year's so far
FIRST_ROW = 7
TITLES = {  # row 1 of each visible sheet; {when}: "NĂM 2025", "THÁNG 11/2026", "QUÝ III/2026"
    GUIDE_SHEET: "BIỂU MẪU BÁO CÁO {when}",
    INDICATOR_SHEET: "SỐ LIỆU CHỈ TIÊU {when}",
    TASK_SHEET: "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ {when}",
}
YES, NO = "Đạt", "Chưa đạt"


class Input(StrEnum):
    """What an input cell takes."""

    NUMBER = "number"
    PERCENT = "percent"
    COUNT = "count"
    YES_NO = "yes_no"
    STATE = "state"
    DATE = "date"  # a document's date, typed as text day/month/year
    TEXT = "text"
    DAY = "day"  # the three whole-number cells of the sent date
    MONTH = "month"
    YEAR = "year"


# Cells formatted as text, so that Excel keeps "99,5" and "04/11/2025" as typed whatever the computer's settings.
# Free text (Input.TEXT) is not: Excel shows "####" for a text-formatted cell of more than 255 characters.
TEXT_INPUTS = (Input.NUMBER, Input.PERCENT, Input.DATE)


@dataclass(frozen=True)
class DatePart:
    """One of the three cells of the sent date on the tasks sheet, with the label on its left."""

    name: str  # "ngày", "tháng", "năm"
    label_cell: str
    label: str
    cell: str
    input: Input


# "Ngày gửi báo cáo: ngày [4] tháng [11] năm [2025]": whole numbers, which no locale reads differently.
SENT_DATE = (
    DatePart("ngày", "B4", "Ngày gửi báo cáo: ngày", "C4", Input.DAY),
    DatePart("tháng", "D4", "tháng", "E4", Input.MONTH),
    DatePart("năm", "F4", "năm", "G4", Input.YEAR),
)
EXAMPLE_SENT = (4, 11)  # the day and month the form's examples show (in the form's year)


NOUNS = {Rhythm.YEARLY: "năm", Rhythm.SIX_MONTHLY: "6 tháng", Rhythm.QUARTERLY: "quý", Rhythm.MONTHLY: "tháng"}


def previous_period(period: Period) -> Period:
    """The period before ``period`` of the same rhythm: tháng 12/2025 before tháng 1/2026, năm 2025 before 2026."""
    if period.index > 1:
        return Period(period.year, period.rhythm, period.index - 1)
    return Period(period.year - 1, period.rhythm, period.rhythm.per_year)


def capitalized(text: str) -> str:
    """``Tháng 11/2026`` from ``tháng 11/2026``."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # may name {year} (the period's year), {previous} ("Năm 2024", "Tháng 10/2026") and {next} ("năm")
    width: float
    input: Input | None = None  # None: filled from the plan and locked

    def title(self, period: Period) -> str:
        previous = capitalized(previous_period(period).label)
        return self.header.format(year=period.year, previous=previous, next=NOUNS[period.rhythm])


INDICATOR_COLUMNS = (
    Column("id", "Mã chỉ tiêu", 8),
    Column("name", "Tên chỉ tiêu", 42),
    Column("unit", "Đơn vị tính", 8),
    Column("target", "Chỉ tiêu năm {year} theo kế hoạch", 16),
    Column("previous", "{previous} (tham khảo)", 13),
    Column("how", "Cách báo cáo", 22),
    Column("value", "Giá trị", 11, Input.NUMBER),
    Column("numerator", "Tử số", 11, Input.COUNT),
    Column("denominator", "Mẫu số", 11, Input.COUNT),
    Column("met", "Đạt chuẩn", 11, Input.YES_NO),
    Column("state", "Trạng thái", 20, Input.STATE),
    Column("document", "Số văn bản nguồn", 18, Input.TEXT),
    Column("document_date", "Ngày văn bản", 13, Input.DATE),
    Column("note", "Ghi chú", 30, Input.TEXT),
)
# The value columns of a row: which are open depends on what the indicator needs.
VALUE_KEYS = ("value", "numerator", "denominator", "met", "state")

TASK_COLUMNS = (
    Column("id", "Mã nhiệm vụ", 9),
    Column("title", "Tên nhiệm vụ", 40),
    Column("role", "Vai trò của đơn vị", 11),
    Column("timing", "Thời gian thực hiện", 16),
    Column("state", "Trạng thái", 20, Input.STATE),
    Column("results", "Kết quả đạt được", 40, Input.TEXT),
    Column("difficulties", "Khó khăn, vướng mắc và nguyên nhân", 32, Input.TEXT),
    Column("directions", "Phương hướng {next} tiếp theo", 32, Input.TEXT),
    Column("proposals", "Kiến nghị, đề xuất", 32, Input.TEXT),
)


def letter(columns: tuple[Column, ...], key: str) -> str:
    """The column letter of ``key`` (A, B, …)."""
    index = next(i for i, c in enumerate(columns) if c.key == key)
    return chr(ord("A") + index)


class Scope(StrEnum):
    PROVINCE = "province"  # the unit leads the indicator: it sends the province-wide figure
    UNIT = "unit"  # the unit's own figure, aggregated with other units'


HOW = {
    ("value",): "Ghi giá trị",
    ("numerator", "denominator"): "Ghi tử số và mẫu số",
    ("met",): "Chọn Đạt / Chưa đạt",
    ("state",): "Chọn trạng thái",
    ("value", "state"): "Ghi giá trị và/hoặc chọn trạng thái",
}


@dataclass(frozen=True)
class IndicatorRow:
    indicator_id: str
    name: str
    unit: str
    target: str
    scope: Scope
    inputs: tuple[str, ...]  # the open value columns (a key of HOW)
    percent: bool
    previous: str = ""  # the previous period's value, for reference (not part of the fingerprint)

    @property
    def key(self) -> str:
        return f"chỉ tiêu {self.indicator_id}"

    def fixed(self) -> dict[str, str]:
        """The locked cells of the row by column key, as written in the form."""
        texts = {
            "id": self.indicator_id,
            "name": self.name,
            "unit": self.unit,
            "target": self.target,
            "previous": self.previous,
            "how": HOW[self.inputs],
        }
        return {key: in_a_cell(text) for key, text in texts.items()}

    def content(self) -> dict[str, str]:
        """What the row says from the plan (what its fingerprint covers)."""
        return {
            "tên": self.name,
            "đơn vị tính": self.unit,
            "chỉ tiêu": self.target,
            "phạm vi": self.scope.value,
            "cách báo cáo": HOW[self.inputs],
        }


@dataclass(frozen=True)
class TaskRow:
    task_id: str
    title: str
    role: str
    timing: str

    @property
    def key(self) -> str:
        return f"nhiệm vụ {self.task_id}"

    def fixed(self) -> dict[str, str]:
        texts = {"id": self.task_id, "title": self.title, "role": self.role, "timing": self.timing}
        return {key: in_a_cell(text) for key, text in texts.items()}

    def content(self) -> dict[str, str]:
        return {"tên": self.title, "vai trò": self.role, "thời gian": self.timing}


@dataclass(frozen=True)
class FormSpec:
    """One unit's form for one reporting period: a year, or a month, quarter or half-year of it."""

    plan_id: str
    plan_label: str
    period: Period
    unit_id: str
    unit_name: str
    deadline: date | None  # the last day the report is in time (``None``: the plan sets no day)
    recipient: str
    synthetic: bool
    indicators: tuple[IndicatorRow, ...]
    tasks: tuple[TaskRow, ...]
    deadline_text: str | None = None  # the plan's words for it ("trước ngày 15 hằng tháng")

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def version(self) -> int:
        """The form's version: a year's form is version 2, a month's, quarter's or half-year's version 3."""
        return FORM_VERSION if self.period.is_year else PERIOD_FORM_VERSION

    @property
    def label(self) -> str:
        """``năm 2025``, ``tháng 11/2026``."""
        return self.period.label

    @property
    def unit_line(self) -> str:
        """Line 2 of the data sheets: who reports; the form is read as this unit's only if it ends so."""
        return f"Đơn vị báo cáo: {self.unit_name} (mã {self.unit_id})"

    def title(self, sheet: str) -> str:
        return TITLES[sheet].format(when=self.period.label_upper)

    def rows(self) -> dict[str, dict[str, str]]:
        """Every plan row of the form by key, in form order."""
        rows: list[IndicatorRow | TaskRow] = [*self.indicators, *self.tasks]
        return {row.key: row.content() for row in rows}

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.rows(), self.period)


def fingerprint_of(rows: dict[str, dict[str, str]], period: Period | None = None) -> str:
    """What a form asks, hashed: its plan rows, and the period of a month's, quarter's or half-year's form
    (a year's form hashes its rows alone, as version 2 always did)."""
    content: object = list(rows.items())
    if period is not None and not period.is_year:
        content = {"period": period.key, "rows": content}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


CELL_LIMIT = 32_767
"""The most characters a cell of a workbook holds: Excel cuts a longer text, and openpyxl reads it cut."""


def in_a_cell(text: str) -> str:
    """``text`` as a locked cell holds it once saved and read back: XML-safe, cut at ``CELL_LIMIT``."""
    return xml_safe(text)[:CELL_LIMIT]


def plan_id(plan: Plan) -> str:
    """A stable identity of the plan document (not of its figures)."""
    return _identity(plan, plan.meta.number)


def plan_ids(plan: Plan) -> set[str]:
    """The identities a form of this plan may carry: its own, and the one it had before its number was written
    (a number given after issue leaves the forms already sent valid)."""
    return {plan_id(plan), _identity(plan, None)}


def _identity(plan: Plan, number: str | None) -> str:
    meta = plan.meta
    ident = {"symbol": meta.symbol, "number": number, "year": meta.year, "title": meta.title}
    text = json.dumps(ident, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def plan_label(plan: Plan) -> str:
    """``Kế hoạch số 556/KH-UBND ngày 19/11/2025 của …`` (``năm 2025`` while the plan's day is not written), as a
    report cites it."""
    meta = plan.meta
    kind = meta.type.capitalize()
    if meta.number or meta.issued_with:
        named = plan_name(kind, meta.number, meta.symbol, meta.issued_with)
    else:
        named = f"{kind} {meta.symbol}"
    when = f"ngày {format_date(meta.date)}" if meta.date else f"năm {meta.year}"
    return f"{named} {when} của {plan.unit_name(meta.issuing_unit)}"
