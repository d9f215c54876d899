"""The one vocabulary: the engine's verdicts and every Vietnamese word outputs print for them.

``Status`` (where a year's value stands against its target) and ``Category``
(progress toward the final target) are defined here, beside their labels; the
plan's own enums (``Direction``, ``Basis``, ``DutyKind``, ``TaskState``,
``TargetKind``) live in ``kh68.reading.enums`` and are worded here.  Status
table, JSON, the report formats, charts and ``kh68 diff`` take their words from
this module only, so one indicator reads the same everywhere.

Wording follows administrative usage (Decree 30/2020 and the customary form of
a "báo cáo kết quả thực hiện kế hoạch"): a shortfall of a rate is said in
"điểm phần trăm", never "điểm %"; one report says every comparison in one form,
"<vượt | thấp hơn | cao hơn> chỉ tiêu <mức>" ("vượt chỉ tiêu 0,4 điểm phần trăm",
"thấp hơn chỉ tiêu 1,2 điểm phần trăm"); the change from last year is "tăng 1,5 điểm
phần trăm so với năm 2024".
Phrases are returned lower case (they are used inside sentences and lists);
callers capitalise with :func:`sentence` where a phrase starts a cell.

This module imports only ``kh68.reading.enums``, ``kh68.kinds.verdict`` and
``kh68.core.vnformat``, so any layer above ``kh68.reading`` may use it.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from kh68.core.vnformat import format_date, format_number, format_value
from kh68.kinds.measure import Measure
from kh68.kinds.periods.base import Rhythm
from kh68.kinds.verdict import Direction, Status, TaskState
from kh68.reading.enums import Basis, BreakKind, DutyKind, InYear, UnitForm, UnitKind

if TYPE_CHECKING:
    from kh68.reading.plan import Plan

# ------------------------------------------------------------------ verdicts


STATUS_LABELS: dict[Status, str] = {
    Status.EXCEEDED: "Vượt chỉ tiêu",
    Status.MET: "Đạt",
    Status.NOT_MET: "Chưa đạt",
    Status.NO_DATA: "Chưa có số liệu",
    Status.NO_TARGET: "Không đặt chỉ tiêu",
    Status.IN_PROGRESS: "Đang triển khai",
    Status.PROVISIONAL: "Tạm tính",
    Status.NOT_COMPUTABLE: "Không tính được",
    Status.NO_BASE: "Chưa có số liệu năm gốc",
    Status.NO_STATE: "Chưa có trạng thái",
}
STATUS_SYMBOLS: dict[Status, str] = {
    Status.EXCEEDED: "▲",
    Status.MET: "✓",
    Status.NOT_MET: "✗",
    Status.NO_DATA: "?",
    Status.NO_TARGET: "–",
    Status.IN_PROGRESS: "…",
    Status.PROVISIONAL: "≈",
    Status.NOT_COMPUTABLE: "∅",
    Status.NO_BASE: "?",
    Status.NO_STATE: "?",
}


class Category(StrEnum):
    """Progress toward the final target, by the method named in :data:`PROGRESS_METHOD`."""

    TARGET_ACHIEVED = "target_achieved"
    TARGET_MISSED = "target_missed"
    SUBSTANTIAL = "substantial_progress"
    MODERATE = "moderate_progress"
    LIMITED = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


# sdg-build's categories: target achieved; on track (R ≥ 0,95); progress made but
# acceleration needed (0,6 ≤ R < 0,95); limited progress (0 ≤ R < 0,6); deterioration (R < 0).
CATEGORY_LABELS: dict[Category, str] = {
    Category.TARGET_ACHIEVED: "Đã đạt mục tiêu cuối kỳ",
    Category.TARGET_MISSED: "Không đạt mục tiêu cuối kỳ",
    Category.SUBSTANTIAL: "Đúng tiến độ",
    Category.MODERATE: "Cần đẩy nhanh tiến độ",
    Category.LIMITED: "Chậm tiến độ",
    Category.DETERIORATION: "Đi ngược mục tiêu",
    Category.NOT_AVAILABLE: "Chưa đủ số liệu",
}

PROGRESS_METHOD = (
    "phương pháp đánh giá tiến độ của Open SDG (công cụ sdg-build), do Cơ quan Thống kê Canada "
    "xây dựng trên cơ sở phương pháp của Eurostat"
)


def progress_method_note(substantial: float, moderate: float) -> str:
    """One sentence naming the progress method and the thresholds in use."""
    s, m = format_number(substantial), format_number(moderate)
    return (
        f"Tiến độ đến mục tiêu cuối kỳ đánh giá theo {PROGRESS_METHOD}: R là tỷ số giữa tốc độ tăng bình quân "
        f"hằng năm đã đạt và tốc độ cần có để đạt mục tiêu đúng hạn; R ≥ {s}: {Category.SUBSTANTIAL.label.lower()}; "
        f"{m} ≤ R < {s}: {Category.MODERATE.label.lower()}; 0 ≤ R < {m}: {Category.LIMITED.label.lower()}; "
        f"R < 0: {Category.DETERIORATION.label.lower()}."
    )


# ------------------------------------------------------------ plan's enums

NO_REPORT = "Chưa có báo cáo"
REQUEST_UNANSWERED = "Đề nghị phối hợp"
"""A request to an organisation outside the department's authority that has not answered: not a missing report."""

TASK_STATE_LABELS: dict[TaskState, str] = {
    TaskState.NOT_STARTED: "Chưa triển khai",
    TaskState.IN_PROGRESS: "Đang triển khai",
    TaskState.DONE: "Hoàn thành",
    TaskState.ONGOING: "Thực hiện thường xuyên",
}

DUTY_KIND_LABELS: dict[DutyKind, str] = {
    DutyKind.UNIT_REPORT: "Đơn vị báo cáo đơn vị đầu mối",
    DutyKind.PLAN_REPORT: "Báo cáo kết quả thực hiện kế hoạch gửi cấp trên",
    DutyKind.FUNDING: "Lập dự toán kinh phí",
    DutyKind.REQUEST: "Đề nghị phối hợp (tổ chức ngoài quyền quản lý của cơ quan ban hành)",
}

UNIT_KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.AUTHORITY: "cơ quan cấp trên",
    UnitKind.AGENCY: "sở, ngành",
    UnitKind.DIVISION: "phòng, ban, tổ chuyên môn",
    UnitKind.DISTRICT_OFFICE: "huyện, thành phố",
    UnitKind.COMMUNE: "xã, phường",  # a province with special zones says "xã, phường, đặc khu" (unit_kind_labels)
    UnitKind.SCHOOL: "đơn vị, trường học",
    UnitKind.ORGANISATION: "tổ chức ngoài quyền quản lý của cơ quan ban hành",
    UnitKind.OTHER: "khác",
}


def unit_kind_label(plan: Plan, kind: UnitKind) -> str:
    """What ``plan`` calls units of ``kind`` (``unit_kind_labels`` of plan.yaml), else the general word."""
    return plan.meta.unit_kind_labels.get(kind) or UNIT_KIND_LABELS[kind]


BREAK_KIND_LABELS: dict[BreakKind, str] = {
    BreakKind.TERRITORY: "địa giới",
    BreakKind.DEFINITION: "định nghĩa",
}

DIRECTION_LABELS: dict[Direction, str] = {
    Direction.HIGHER: "càng cao càng tốt",
    Direction.LOWER: "càng thấp càng tốt",
}

BASIS_LABELS: dict[Basis, str] = {
    Basis.VALUE: "ghi giá trị",
    Basis.SHARE_OF_UNITS: "tỷ lệ đơn vị đạt chuẩn",
}

IN_YEAR_LABELS: dict[InYear, str] = {
    InYear.CUMULATIVE: "cộng dồn từ đầu năm",
    InYear.LEVEL: "số hiện có tại ngày báo cáo",
}


UNIT_FORM_COMBINED: dict[UnitForm, str] = {
    UnitForm.VALUE: "tổng giá trị của các đơn vị",
    UnitForm.FRACTION: "tổng tử số/tổng mẫu số",
    UnitForm.MET: "số đơn vị đạt/tổng số đơn vị",
}
"""How the units' entries were combined, in the note under an indicator computed from them."""


def task_state_label(state: TaskState | None, *, request: bool = False) -> str:
    """``Hoàn thành`` …; ``Chưa có báo cáo`` when no unit reported (``Đề nghị phối hợp`` for a request)."""
    if state is not None:
        return TASK_STATE_LABELS[state]
    return REQUEST_UNANSWERED if request else NO_REPORT


# ----------------------------------------------------------------- targets

NO_TARGET = STATUS_LABELS[Status.NO_TARGET]
"""The one phrasing for "the plan sets no target" (status, report, diff)."""

DATA_NOTES_HEADING = "Lưu ý về số liệu:"
"""Before the notes on coverage, series breaks and units of count under the status table."""

DERIVED_MARK = "*"
DERIVED_NOTE = "*: mốc nội suy giữa hai năm kế hoạch có chỉ tiêu, không phải chỉ tiêu do kế hoạch ghi."
DERIVED_SUFFIX = " (mốc nội suy)"
SHARE_SUFFIX = " (chỉ tiêu giao cho đơn vị)"
"""After an indicator's name where the row is a unit's own part of it (``unit_targets``)."""


# What a report to a higher body says of a year's result against a target the plan set.
VERDICT_VERBS: dict[Status, str] = {
    Status.EXCEEDED: "vượt",
    Status.MET: "đạt",
    Status.NOT_MET: "chưa đạt",
    Status.IN_PROGRESS: "đang triển khai",
}
"""The summary sentence: "vượt 03 chỉ tiêu (…), đạt 01 chỉ tiêu (…), chưa đạt 01 chỉ tiêu (…)"."""

UNJUDGED_REASONS: dict[Status, str] = {
    Status.PROVISIONAL: "số liệu tạm tính",
    Status.NOT_COMPUTABLE: "không tính được",
    Status.NO_DATA: "chưa có số liệu",
    Status.NO_BASE: "chưa có số liệu của năm làm gốc để tính mức tăng, giảm",
    Status.NO_STATE: "mục tiêu năm ghi bằng lời, chưa báo cáo trạng thái thực hiện",
}
"""Why a target the plan set is not judged yet: "chưa đánh giá được 03 chỉ tiêu (số liệu tạm tính: 1.2; chưa có số liệu: 1.4, 1.5)"."""

PROVISIONAL_VERDICT = "Chưa đánh giá (số liệu tạm tính)"
PROVISIONAL_SHORT = "tạm tính"
PROVISIONAL_FIGURE = "số liệu tạm tính, mới có {reported}/{expected} {who} báo cáo"
"""A provisional figure as an official says it: "số liệu tạm tính, mới có 07/10 xã, phường báo cáo"."""
PROVISIONAL_BASE = "số liệu năm {year} là số liệu tạm tính"
"""A change whose base, the previous year's figure, was provisional."""


def amount(value: float, unit: str, decimals: int = 2) -> str:
    """A quantity in its unit: ``99,5%``, ``12 trường`` (``vnformat.format_value``)."""
    return format_value(value, unit, decimals)


def points(value: float, unit: str, decimals: int = 2) -> str:
    """A difference in its unit: ``1,2 điểm phần trăm`` for a rate, ``3 trường`` otherwise."""
    number = format_number(value, decimals)
    if Measure(unit).is_percent:
        return f"{number} điểm phần trăm"
    return f"{number} {unit}" if unit else number


# -------------------------------------------------------------- comparisons


def against_target(
    status: Status, gap: float | None, unit: str, direction: Direction, decimals: int = 2, ranged: bool = False
) -> str:
    """The result against the year's target, as an official writes it (lower case).

    ``vượt chỉ tiêu 0,4 điểm phần trăm`` · ``thấp hơn chỉ tiêu 1,2 điểm phần trăm`` ·
    ``đạt chỉ tiêu`` · ``trong khoảng chỉ tiêu``: one form, the difference of two rates in
    "điểm phần trăm" (never "vượt 0,4%", which reads as a share of the target).
    ``gap`` is signed, positive = better.
    """
    if gap is None:
        return ""
    size = abs(gap)
    if status is Status.EXCEEDED:
        if direction is Direction.HIGHER or Measure(unit).is_rank:
            return f"vượt chỉ tiêu {points(size, unit, decimals)}"
        return f"vượt chỉ tiêu (thấp hơn mức chỉ tiêu {points(size, unit, decimals)})"
    if status in (Status.NOT_MET, Status.IN_PROGRESS):
        if size == 0:
            return f"chưa đạt chỉ tiêu (phải {past_bound(direction, unit)} mức chỉ tiêu)"
        return f"{short_side(direction, unit)} chỉ tiêu {points(size, unit, decimals)}"
    return "trong khoảng chỉ tiêu" if ranged else "đạt chỉ tiêu"


def past_bound(direction: Direction, unit: str) -> str:
    """How a value must pass a bound it may not equal ("trên 60", "dưới 5"): ``vượt`` (the higher the better),
    ``thấp hơn`` (the lower); of a place in a ranking, ``xếp trên`` (a hostile probe: "dưới 95%" at 95 was told to
    "vượt mức này")."""
    if Measure(unit).is_rank:
        return "xếp trên"
    return "vượt" if direction is Direction.HIGHER else "thấp hơn"


def short_side(direction: Direction, unit: str) -> str:
    """How a value short of its goal is said: ``thấp hơn`` (the higher the better), ``cao hơn``; of a place in a
    ranking, ``kém`` (a probe: "còn cao hơn 2 hạng" of 5th against a top 3 read as a better place)."""
    if Measure(unit).is_rank:
        return "kém"
    return "thấp hơn" if direction is Direction.HIGHER else "cao hơn"


def so_far(gap: float | None, unit: str, direction: Direction, until: str, decimals: int = 2) -> str:
    """A figure of part of the year against the year's target, which it cannot meet or miss yet (lower case):
    ``số liệu đến hết tháng 11/2026, còn thấp hơn chỉ tiêu năm 211.950 nghìn USD`` ·
    ``số liệu đến ngày 17/11/2026, đã đạt mức chỉ tiêu năm``; of a ceiling (lower is better): ``…, chưa vượt mức
    chỉ tiêu năm`` / ``…, đã cao hơn chỉ tiêu năm 2 vụ``.  ``until``: how far the figures go ("đến hết
    tháng 11/2026", "đến ngày 17/11/2026"); ``gap`` is signed, positive = better."""
    lead = f"số liệu {until}"
    if gap is None:
        return lead
    if direction is Direction.LOWER:  # under a ceiling so far says nothing of the year; over it already is
        if gap >= 0:
            return f"{lead}, chưa vượt mức chỉ tiêu năm"
        return f"{lead}, đã {short_side(direction, unit)} chỉ tiêu năm {points(abs(gap), unit, decimals)}"
    if gap >= 0:
        return f"{lead}, đã đạt mức chỉ tiêu năm"
    return f"{lead}, còn {short_side(direction, unit)} chỉ tiêu năm {points(abs(gap), unit, decimals)}"


def against_year(change: float, unit: str, year: int, decimals: int = 2) -> str:
    """``tăng 1,5 điểm phần trăm so với năm 2024`` · ``giảm 3 trường so với năm 2024`` · ``bằng năm 2024``."""
    if round(change, decimals) == 0:
        return f"bằng năm {year}"
    verb = "tăng" if change > 0 else "giảm"
    return f"{verb} {points(abs(change), unit, decimals)} so với năm {year}"


def sentence(text: str) -> str:
    """Capitalise the first letter of a phrase that starts a cell or a sentence."""
    return text[:1].upper() + text[1:]


# ----------------------------------------------------------------- headings

STATUS_HEADING = "Tình hình thực hiện {plan} {when}"
"""``Tình hình thực hiện kế hoạch số 308/KH-UBND tháng 12/2025`` (``plan``: :func:`plan_name`)."""


def plan_name(kind: str, number: str | None, symbol: str, issued_with: str | None = None) -> str:
    """How a plan is named by its number (``kind`` as written, e.g. ``Kế hoạch``): ``Kế hoạch số 308/KH-UBND``;
    ``Kế hoạch ban hành kèm theo Quyết định số 2820/QĐ-UBND`` for a plan issued with a decision (the number is the
    decision's); ``Kế hoạch số …/KH-XYZ`` for a number not written yet."""
    numbered = f"số {number or '…'}/{symbol}"
    if issued_with:
        return f"{kind} ban hành kèm theo {issued_with} {numbered}"
    return f"{kind} {numbered}"


PROGRESS_HEADING = "Tiến độ đến mục tiêu cuối kỳ"
TASKS_HEADING = "Nhiệm vụ"
REPORTING_HEADING = "Báo cáo"
NO_DEADLINE = "kế hoạch không ghi hạn"
"""A report whose period the plan states without a day ("định kỳ hằng quý"): kh68 invents no deadline."""


def due_words(due: date | None) -> str:
    """``hạn ngày <ngày>``, or ``kế hoạch không ghi hạn``."""
    return f"hạn ngày {format_date(due)}" if due is not None else NO_DEADLINE


RHYTHM_WORDS = {rhythm: rhythm.words for rhythm in Rhythm}
"""How often a duty reports, in words."""
SYNTHETIC_BANNER = "SỐ LIỆU MINH HỌA — không phải số liệu thật"
GAP_NOTE = (
    "Chênh: theo đơn vị tính (điểm phần trăm với tỷ lệ), dương là tốt hơn chỉ tiêu; "
    "với khoảng chỉ tiêu, so với cận gần nhất (0 nếu nằm trong khoảng)."
)

INDICATOR_COLUMNS = ("Mã", "Chỉ tiêu", "Mục tiêu", "Đạt được", "Chênh", "Đánh giá")
PROGRESS_COLUMNS = ("Mã", "Mục tiêu cuối kỳ", "Tiến độ", "R", "Dự báo", "Hiện đạt")

DIFF_SECTIONS = {
    "targets": "Mục tiêu thay đổi",
    "indicators_added": "Chỉ tiêu thêm mới",
    "indicators_removed": "Chỉ tiêu bị xóa",
    "tasks_added": "Nhiệm vụ thêm mới",
    "tasks_removed": "Nhiệm vụ bị xóa",
    "units_added": "Đơn vị thêm mới",
    "units_removed": "Đơn vị bị xóa",
    "responsibility": "Đơn vị thực hiện thay đổi",
    "edits": "Sửa đổi khác",
    "values": "Số liệu ghi mới hoặc thay đổi",
    "progress": "Tiến độ nhiệm vụ",
    "statuses": "Tình trạng thay đổi",
}
