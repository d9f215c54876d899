"""The plan as strict pydantic models: the single source of truth.

Every field carries a Vietnamese title and description; ``kh68 schema`` turns
them into JSON Schemas that editors show as hover help.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from kh68.core.safetext import excerpt
from kh68.core.vnformat import (
    MAX_DIGITS,
    format_date,
    format_number,
    parse_count,
    parse_date,
    parse_decimal,
    parse_whole,
)
from kh68.kinds.fraction import fraction_problem
from kh68.kinds.measure import Measure
from kh68.kinds.periods import Deadline, Rhythm, parse_deadline, parse_period
from kh68.kinds.periods import Period as ReportPeriod
from kh68.kinds.targets import Feed, FieldType, parse_target, structured_fields
from kh68.kinds.targets import Target as Meaning
from kh68.kinds.targets import from_fields as target_from_fields
from kh68.kinds.timings import Timing as Schedule
from kh68.kinds.timings import dated, parse_timing
from kh68.kinds.verdict import Direction, TaskState
from kh68.reading.enums import Basis, BreakKind, DutyKind, InYear, UnitKind
from kh68.reading.fastpath import FastPath, digits
from kh68.reading.source import Key


def _decimal(value: Any) -> Any:
    return parse_decimal(value) if isinstance(value, str) else value


def _whole(value: Any) -> Any:
    return parse_whole(value) if isinstance(value, str) else value


def _count(value: Any) -> Any:
    return parse_count(value) if isinstance(value, str) else value


def _date(value: Any) -> Any:
    return parse_date(value) if isinstance(value, str) else value


def _text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _list(value: Any) -> Any:
    """A single reference may be written without a list."""
    return [value] if isinstance(value, str) else value


Number = Annotated[float, BeforeValidator(_decimal)]
Whole = Annotated[int, BeforeValidator(_whole)]
# Plain digits (nearly every count of a data file) are read without a call to Python.
Count = Annotated[int, BeforeValidator(_count), Field(ge=0), FastPath(digits(MAX_DIGITS))]
Day = Annotated[date, BeforeValidator(_date)]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
UnitRefs = Annotated[list[str], BeforeValidator(_list)]
UnitId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


def _year(value: int) -> int:
    if not 1 <= value <= 9999:
        shown = str(value) if len(str(value)) <= 12 else excerpt(value)
        raise ValueError(f"năm {shown} không có thật: năm phải từ 1 đến 9999")
    return value


# A year a date can be made of; which years a plan accepts is the rule year-out-of-period's to say.
Year = Annotated[int, BeforeValidator(_whole), AfterValidator(_year)]


def empty_list() -> list[Any]:
    """The default of a list field: a Python function, whose signature pydantic reads at once (that of the
    built-in ``list`` it parses from text, a tenth of a millisecond a field at every start)."""
    return []


def field(title: str, description: str = "", **kwargs: Any) -> Any:
    return Field(title=title, description=description or title, **kwargs)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False, defer_build=True)

    if not TYPE_CHECKING:  # to mypy, a model has only the attributes it declares

        def __getattr__(self, name: str) -> Any:
            """A private attribute (``_meaning``, ``_home`` …) read straight from the model's private values: pydantic's
            own look-up asks each one whether it is a descriptor first, 17 times slower, and the engine, the rules
            and every output read them per target and per value."""
            try:  # the slot itself, never through this method again (a model not yet initialised has none)
                private = object.__getattribute__(self, "__pydantic_private__")
            except AttributeError:
                private = None
            if private is not None and name in private:
                return private[name]
            return super().__getattr__(name)


# ---------------------------------------------------------------- plan.yaml


class LegalBasis(Strict):
    number: Text = field("Số hiệu văn bản", "Số, ký hiệu văn bản làm căn cứ, ví dụ 12/NQ-CP.")
    date: Day = field("Ngày ban hành", "Ngày ban hành văn bản (2025-03-15 hoặc 15/3/2025).")
    issuer: Text = field("Cơ quan ban hành")
    title: str | None = field("Trích yếu", default=None)


class Clause(Strict):
    id: Text = field("Mục", "Số mục trong văn bản kế hoạch, ví dụ 1.2.")
    text: Text = field("Nội dung", "Nội dung nguyên văn của mục.")


class DutyDeadline(Strict):
    """When a duty's report of each period is due, in the plan's words: ``15/12``, ``trước ngày 20 hằng tháng``."""

    text: Text = field(
        "Hạn báo cáo (nguyên văn)",
        "Ví dụ: 15/12 (hằng năm), trước ngày 15/12 hằng năm, trước ngày 20 hằng tháng, trước ngày 15 của tháng "
        "cuối quý, trước ngày 15/6 và 15/12.",
    )
    _deadline: Deadline = PrivateAttr()

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        if isinstance(value, dict) and set(value) == {"day", "month"}:  # the form kh68 0.1 wrote: {day: 5, month: 11}
            return {"text": f"{value['day']}/{value['month']}"}
        return value

    @model_validator(mode="after")
    def _read(self) -> DutyDeadline:
        self._deadline = parse_deadline(self.text)
        return self

    @property
    def rule(self) -> Deadline:
        """What the words mean (``kh68.kinds.periods``)."""
        return self._deadline

    def settle(self, **defaults: Any) -> None:
        """Fill in whether "trước ngày X" includes X (the plan's rule)."""
        self._deadline = self._deadline.with_defaults(**defaults)

    def __str__(self) -> str:
        return self.text


AUTHORITIES = ("KT.", "Q.", "TL.", "TUQ.")
"""Decree 30's forms for signing on another's authority; "TM." belongs to a collective body (``Unit.collective``)."""


class Signer(Strict):
    """Who signs a report, in Decree 30's forms; the head's title and "TM." come from the issuing body (units.yaml)."""

    authority: str | None = field(
        "Thẩm quyền ký",
        "KT. (cấp phó ký thay người đứng đầu), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền); có thể ghi kèm "
        "chức danh được ký thay, ví dụ 'KT. GIÁM ĐỐC' (để trống chức danh: chức danh người đứng đầu của cơ quan "
        "ban hành, head_title trong units.yaml). Để trống: người đứng đầu ký. 'TM.' không ghi ở đây: cơ quan làm "
        "việc theo chế độ tập thể (collective trong units.yaml) tự có dòng 'TM. …'.",
        default=None,
    )
    title: str | None = field(
        "Chức vụ người ký",
        "Chức vụ in trên chữ ký; để trống: chức danh người đứng đầu, hoặc 'PHÓ' + chức danh đó khi ký KT.",
        default=None,
    )
    name: str | None = field("Họ tên người ký", "Để trống: người ký ghi tay.", default=None)
    on_behalf: bool = field(
        "Ký thay mặt tập thể (TM.)",
        "Với cơ quan làm việc theo chế độ tập thể (collective trong units.yaml): true (mặc định) có dòng 'TM. "
        "<tập thể>' trên thẩm quyền ký ('TM. ỦY BAN NHÂN DÂN' / 'KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH'); false: người đứng "
        "đầu hoặc cấp phó ký theo thẩm quyền của mình, không có dòng TM. ('KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH').",
        default=True,
    )

    @field_validator("authority")
    @classmethod
    def _known_authority(cls, value: str | None) -> str | None:
        if value is None:
            return None
        form, _, rest = value.strip().partition(" ")
        form = form.upper().rstrip(".") + "."
        if form == "TM.":
            raise ValueError(
                "'TM.' không ghi ở thẩm quyền ký: cơ quan làm việc theo chế độ tập thể ghi collective trong "
                "units.yaml (ví dụ collective: ỦY BAN NHÂN DÂN), báo cáo tự có dòng 'TM. …'"
            )
        if form not in AUTHORITIES:
            raise ValueError(f"{excerpt(value)} không phải thẩm quyền ký; dùng một trong: {', '.join(AUTHORITIES)}")
        return f"{form} {' '.join(rest.split())}".strip()

    @property
    def form(self) -> str | None:
        """``KT.``, ``Q.``, ``TL.``, ``TUQ.`` or ``None``."""
        return self.authority.partition(" ")[0] if self.authority else None

    @property
    def for_title(self) -> str | None:
        """The title written after the form ("KT. GIÁM ĐỐC" → "GIÁM ĐỐC"), if written."""
        return (self.authority.partition(" ")[2] or None) if self.authority else None

    @model_validator(mode="after")
    def _title_for_delegation(self) -> Signer:
        if self.form in ("TL.", "TUQ.") and not self.title:
            raise ValueError(f"ký {self.form} cần chức vụ của người ký (title), ví dụ CHÁNH VĂN PHÒNG")
        return self


class Duty(Strict):
    id: UnitId = field("Mã nhiệm vụ báo cáo")
    section: Text = field("Mục trong kế hoạch", "Mục của văn bản kế hoạch quy định nhiệm vụ này.")
    what: Text = field("Nội dung", "Việc phải làm, theo lời văn của kế hoạch.")
    from_units: UnitRefs = field(
        "Đơn vị thực hiện",
        "Mã hoặc tên gọi của các đơn vị phải thực hiện; với plan_report: đơn vị soạn báo cáo.",
    )
    to_units: UnitRefs = field(
        "Gửi đến", "Mã hoặc tên gọi của đơn vị nhận; báo cáo ghi ở dòng 'Kính gửi:'.", default_factory=empty_list
    )
    addressed_to: UnitRefs = field(
        "Kính gửi, qua đơn vị nhận",
        "Khi kế hoạch ghi báo cáo gửi một cơ quan qua đơn vị nhận ('gửi Ủy ban nhân dân thành phố (qua Sở Du lịch "
        "tổng hợp)'): mã hoặc tên gọi của cơ quan đó; báo cáo ghi 'Kính gửi: Ủy ban nhân dân thành phố (qua Sở Du "
        "lịch).' và câu kết kính báo cáo cơ quan đó, còn to_units vẫn là đơn vị nhận, theo dõi và tổng hợp.",
        default_factory=empty_list,
    )
    deadline: DutyDeadline | None = field(
        "Hạn báo cáo",
        "Nguyên văn: 15/12 (hằng năm), 'trước ngày 15/12 hằng năm', 'trước ngày 20 hằng tháng', 'trước ngày 15 của "
        "tháng cuối quý', 'trước ngày 15/6 và 15/12', 'khi có yêu cầu' (báo cáo đột xuất: không có kỳ nào phải gửi); "
        "để trống nếu kế hoạch không ghi hạn.",
        default=None,
    )
    period: Rhythm | None = field(
        "Kỳ báo cáo",
        "yearly (năm), six_monthly (6 tháng), quarterly (quý), monthly (tháng); để trống: theo lời của hạn báo cáo "
        "('hằng tháng': tháng), nếu không thì năm.",
        default=None,
    )
    start: Day | None = field(
        "Áp dụng từ ngày",
        "Kỳ báo cáo đầu tiên phải gửi là kỳ có hạn từ ngày này trở đi (kỳ không ghi hạn: kỳ kết thúc từ ngày này trở "
        "đi); để trống: ngày ban hành kế hoạch (date của plan.yaml), nếu có.",
        default=None,
    )
    kind: DutyKind = field(
        "Loại",
        "unit_report: các đơn vị báo cáo đơn vị đầu mối; plan_report: báo cáo kết quả thực hiện kế hoạch gửi "
        "cấp trên; funding: lập dự toán kinh phí; request: đề nghị phối hợp gửi tổ chức ngoài quyền quản lý "
        "của cơ quan ban hành (không phải giao nhiệm vụ, không bao giờ bị coi là thiếu báo cáo).",
    )
    function: str | None = field(
        "Lĩnh vực",
        "Lĩnh vực của nhiệm vụ; khi một đơn vị nhận đã chấm dứt hoạt động, chỉ đơn vị kế thừa lĩnh vực "
        "này (successors.function) nhận thay.",
        default=None,
    )
    issued_as: str | None = field(
        "Ban hành dưới danh nghĩa",
        "Chỉ với plan_report: mã hoặc tên gọi của cơ quan mà báo cáo mang tiêu đề, số ký hiệu và chữ ký (sở soạn "
        "báo cáo để Ủy ban nhân dân ký ban hành: ghi Ủy ban nhân dân). Để trống: cơ quan của đơn vị soạn thảo "
        "(chính đơn vị đó, hoặc cơ quan mà phòng, tổ soạn thảo trực thuộc).",
        default=None,
    )
    drafter: str | None = field(
        "Đơn vị soạn thảo",
        "Chỉ với plan_report: mã hoặc tên gọi của đơn vị soạn báo cáo, ghi ở dòng 'Lưu: VT, <ký hiệu viết tắt>.'; "
        "để trống: đơn vị đầu tiên của from_units.",
        default=None,
    )
    signer: Signer | None = field(
        "Người ký",
        "Chỉ với plan_report: thẩm quyền, chức vụ, họ tên người ký báo cáo; để trống: mục signer của plan.yaml, "
        "nếu không có thì người đứng đầu cơ quan ban hành báo cáo.",
        default=None,
    )
    purpose: Text | None = field(
        "Mục đích báo cáo",
        "Chỉ với plan_report: điều kế hoạch nói nơi nhận làm với báo cáo, nguyên văn sau tên nơi nhận, ví dụ 'để "
        "tổng hợp, báo cáo Chính phủ, Thủ tướng Chính phủ'; câu kết của báo cáo viết 'kính báo cáo <nơi nhận> "
        "<mục đích>' thay cho 'xem xét, chỉ đạo'.",
        default=None,
    )
    copy_to: UnitRefs = field(
        "Nơi nhận khác",
        "Mã hoặc tên gọi của các nơi nhận ngoài 'Kính gửi' (để báo cáo, để biết), ghi dưới '- Như trên;' ở "
        "mục 'Nơi nhận'.",
        default_factory=empty_list,
    )
    _owed_from: date | None = PrivateAttr(default=None)

    @field_validator("purpose")
    @classmethod
    def _one_clause(cls, value: str | None) -> str | None:
        """The words of a clause the closing ends with: one line, without the full stop ("./.") the closing adds."""
        if value is None:
            return None
        said = re.sub(r"\s*(?:\./\.|[.;,])\s*$", "", " ".join(value.split()))  # one mark: "v.v." keeps "v.v"
        if not any(ch.isalpha() for ch in said):
            raise ValueError("mục đích báo cáo (purpose) cần lời văn, ví dụ 'để tổng hợp, báo cáo Chính phủ'")
        if said.casefold().startswith("kính báo cáo"):
            raise ValueError(
                "mục đích báo cáo (purpose) không lặp lại 'kính báo cáo': câu kết đã có 'kính báo cáo <nơi nhận>'; "
                "ghi việc nơi nhận làm, ví dụ 'để tổng hợp, báo cáo Chính phủ'"
            )
        return said

    @model_validator(mode="after")
    def _who_for_the_report(self) -> Duty:
        given = [name for name in ("issued_as", "drafter", "signer", "purpose") if getattr(self, name) is not None]
        if given and self.kind is not DutyKind.PLAN_REPORT:
            raise ValueError(
                f"{', '.join(given)} chỉ dùng với kind: plan_report (báo cáo kết quả thực hiện kế hoạch); báo cáo "
                "của từng đơn vị mang tiêu đề và chữ ký của chính đơn vị đó"
            )
        if self.copy_to and self.kind not in (DutyKind.PLAN_REPORT, DutyKind.UNIT_REPORT):
            raise ValueError("copy_to chỉ dùng với nhiệm vụ báo cáo (kind: plan_report hoặc unit_report)")
        deadline = self.deadline
        said = deadline.rule.rhythm if deadline is not None else None
        if (
            self.period is not None
            and deadline
            and said is not None
            and said is not Rhythm.YEARLY
            and said is not self.period
        ):
            # a day of each month with "period: yearly": neither is kh68's to choose ("15/12" of a monthly duty is
            # a day of the year, read with any period)
            raise ValueError(
                f"period: {self.period.value} ({self.period.words}) nhưng deadline {excerpt(deadline.text)} là "
                f"hạn {said.words}: hai cách đọc; ghi một trong hai cho đúng văn bản"
            )
        return self

    @property
    def rhythm(self) -> Rhythm:
        """How often the duty reports: as written, else as the deadline's words say, else yearly."""
        if self.period is not None:
            return self.period
        return self.deadline.rule.rhythm if self.deadline is not None else Rhythm.YEARLY

    def settle(self, issued: date | None) -> None:
        """Fill in from when the duty is owed: its ``start``, else the plan's issue date (``None``: always)."""
        self._owed_from = self.start or issued

    @property
    def owed_from(self) -> date | None:
        return self._owed_from


class Period(Strict):
    start: Whole = field("Năm bắt đầu", ge=2000, le=2100)
    end: Whole = field("Năm kết thúc", ge=2000, le=2100)
    baseline_years: Whole = field(
        "Số năm số liệu gốc",
        "Số năm trước năm bắt đầu được phép ghi số liệu (năm gốc).",
        default=10,
        ge=0,
        le=50,
    )

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("năm kết thúc phải không nhỏ hơn năm bắt đầu")
        return self


class Thresholds(Strict):
    """Hai ngưỡng của tỉ số R theo sdg-build (ngưỡng thứ ba là 0): 0 < moderate < substantial ≤ 1."""

    # R = 1 is exactly the pace the final target needs, R ≤ 0 no progress or worse: thresholds outside
    # 0 < moderate < substantial ≤ 1 would show an indicator that stands still or declines, or one exactly
    # on its path, in the wrong category. Defaults are validated too, so that one threshold written alone
    # is compared with the other's default.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=True, defer_build=True)

    substantial: Number = field(
        "Ngưỡng tiến bộ đáng kể",
        "R từ ngưỡng này trở lên: tiến bộ đáng kể (Đúng tiến độ); lớn hơn 0, không quá 1 (mặc định 0,95).",
        default=0.95,
    )
    moderate: Number = field(
        "Ngưỡng tiến bộ vừa phải",
        "R từ ngưỡng này trở lên: tiến bộ vừa phải (Cần đẩy nhanh tiến độ); lớn hơn 0, nhỏ hơn ngưỡng tiến bộ "
        "đáng kể (mặc định 0,6).",
        default=0.6,
    )

    @field_validator("substantial")
    @classmethod
    def _substantial_in_range(cls, value: float) -> float:
        if not 0 < value <= 1:
            raise ValueError(
                f"ngưỡng 'Đúng tiến độ' phải lớn hơn 0 và không quá 1 (R = 1 là đúng tốc độ cần có để đạt mục "
                f"tiêu cuối kỳ; sdg-build dùng 0,95), không phải {format_number(value, 4)}"
            )
        return value

    @field_validator("moderate")
    @classmethod
    def _moderate_below_substantial(cls, value: float, info: ValidationInfo) -> float:
        if not 0 < value < 1:
            raise ValueError(
                "ngưỡng 'Cần đẩy nhanh tiến độ' phải lớn hơn 0 và nhỏ hơn 1 (R ≤ 0 là không tiến bộ hoặc đi "
                f"ngược mục tiêu; sdg-build dùng 0,6), không phải {format_number(value, 4)}"
            )
        substantial = info.data.get("substantial")
        if substantial is not None and value >= substantial:
            raise ValueError(
                f"ngưỡng 'Cần đẩy nhanh tiến độ' ({format_number(value, 4)}) phải nhỏ hơn ngưỡng "
                f"'Đúng tiến độ' (substantial: {format_number(substantial, 4)})"
            )
        return value


class Judging(Strict):
    approximate_tolerance: Number = field(
        "Dung sai của chỉ tiêu 'khoảng'",
        "Phần trăm của chỉ tiêu mà giá trị được lệch hai phía vẫn là Đạt, với chỉ tiêu 'khoảng 500', "
        "'khoảng trên 500' (mặc định 5: khoảng 500 là từ 475 đến 525).",
        default=5.0,
        ge=0,
        le=50,
    )
    before_day_inclusive: bool = field(
        "'Trước ngày X' gồm cả ngày X",
        "false (mặc định): 'trước ngày 15/12' là hạn 14/12, gửi ngày 15/12 là muộn, đúng nghĩa chữ của văn bản; "
        "true: gửi trong ngày 15/12 vẫn đúng hạn. Áp dụng cho hạn báo cáo và thời gian thực hiện nhiệm vụ.",
        default=False,
    )


# How a plan sets a rule of kh68 check. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class RuleLevel(StrEnum):
    OFF = "off"
    WARNING = "warning"
    ERROR = "error"


class OutsideFact(Strict):
    """A fact the plan document does not contain: where it comes from, and whether to verify it."""

    source: str | None = field(
        "Nguồn ngoài kế hoạch",
        "Văn bản làm căn cứ cho thông tin không có trong văn bản kế hoạch; có nguồn nghĩa là thông tin "
        "đến từ bên ngoài kế hoạch.",
        default=None,
    )
    verify: str | None = field(
        "Cần xác minh",
        "Điều cần xác minh trước khi dựa vào thông tin này (theo tài liệu tham khảo).",
        default=None,
    )

    @property
    def outside_document(self) -> bool:
        return self.source is not None


class Note(OutsideFact):
    about: Text = field("Về", "Phần của kế hoạch mà ghi chú nói tới.")
    text: Text = field("Ghi chú")


class SeriesBreak(OutsideFact):
    date: Day = field("Ngày", "Từ ngày này số liệu không so sánh được với số liệu trước đó.")
    kind: BreakKind = field("Loại", "territory: thay đổi địa giới; definition: thay đổi định nghĩa.")
    reason: Text = field("Lý do")


class SectionItem(Strict):
    id: Text = field("Mục", "Số mục trong văn bản kế hoạch.")
    title: str | None = field("Tiêu đề", "Tiêu đề của mục, nguyên văn.", default=None)
    text: str | None = field("Nội dung", "Nội dung nguyên văn của mục (mỗi đoạn một dòng).", default=None)


class Typo(Strict):
    section: Text = field("Mục", "Mục của văn bản có lỗi.")
    written: Text = field("Văn bản ghi", "Nguyên văn, đúng như văn bản.")
    meant: Text = field(
        "Có lẽ là",
        "Cách đọc có lẽ đúng. Các tệp kế hoạch giữ nguyên văn; báo cáo kh68 lập (kh68 report) viết theo cách đọc này "
        "ở mọi chỗ có cụm từ ghi ở written (cả từ, không phải một phần của từ), trừ khi đây là lời giải thích (có "
        "dấu ngoặc) hoặc fix: false.",
    )
    fix: bool | None = field(
        "Sửa trong báo cáo",
        "true: báo cáo viết meant thay cho written; false: báo cáo giữ nguyên văn; để trống: sửa, trừ khi written "
        "hoặc meant có dấu ngoặc (một lời giải thích như '(văn bản lặp …)' không bao giờ được chép vào báo cáo) "
        "hoặc written có chữ số (một con số, một ngày, một số hiệu văn bản chỉ được viết lại khi ghi fix: true).",
        default=None,
    )

    @property
    def fixed_in_reports(self) -> bool:
        """Whether a report writes ``meant`` for ``written``: as ``fix`` says, else unless either is an explanation."""
        if self.fix is not None:
            return self.fix
        explained = any(mark in self.written + self.meant for mark in "()[]")
        return not explained and not any(ch.isdigit() for ch in self.written)  # a figure, a date, a number: fix: true


class PlanMeta(Strict):
    """Nội dung tệp plan.yaml: thông tin chung của kế hoạch."""

    number: str | None = field("Số", "Số văn bản; để trống nếu văn bản chưa ghi số.", default=None)
    symbol: Text = field("Ký hiệu", "Ký hiệu văn bản kế hoạch, ví dụ KH-UBND.")
    type: Text = field("Loại văn bản", "Ví dụ: KẾ HOẠCH.")
    issued_with: Text | None = field(
        "Ban hành kèm theo",
        "Loại văn bản ban hành kế hoạch, khi kế hoạch không có số, ký hiệu riêng mà được ban hành kèm theo một văn "
        "bản khác, ví dụ 'Quyết định': number, symbol, date là của văn bản ấy, và báo cáo, tình hình ghi 'Kế hoạch "
        "ban hành kèm theo Quyết định số …'. Để trống: kế hoạch có số, ký hiệu riêng.",
        default=None,
    )
    title: Text = field("Trích yếu", "Tên (trích yếu) của kế hoạch.")
    issuing_unit: str = field("Cơ quan ban hành", "Mã hoặc tên gọi (trong units.yaml) của cơ quan ban hành kế hoạch.")
    tracker: str | None = field(
        "Cơ quan theo dõi",
        "Mã hoặc tên gọi của cơ quan thường trực theo dõi, đôn đốc, tổng hợp việc thực hiện kế hoạch, khi khác "
        "cơ quan ban hành (ví dụ kế hoạch của Ủy ban nhân dân do một sở theo dõi); các phòng, tổ (kind: division) "
        "không ghi parent trực thuộc cơ quan này. Để trống: cơ quan ban hành.",
        default=None,
    )
    parent_body: str | None = field(
        "Cơ quan chủ quản (tiêu đề văn bản)",
        "Dòng trên của tiêu đề văn bản kế hoạch, chữ in hoa; để trống: theo header của cơ quan ban hành trong "
        "units.yaml.",
        default=None,
    )
    issuing_body: str | None = field(
        "Cơ quan ban hành (tiêu đề văn bản)",
        "Dòng tên cơ quan ban hành ở tiêu đề văn bản kế hoạch, chữ in hoa; để trống: theo header của cơ quan "
        "ban hành trong units.yaml.",
        default=None,
    )
    report_symbol: str | None = field(
        "Ký hiệu báo cáo",
        "Ký hiệu của báo cáo kết quả thực hiện kế hoạch (nhiệm vụ plan_report), ví dụ BC-UBND; để trống: BC- và "
        "ký hiệu viết tắt của cơ quan ban hành báo cáo.",
        default=None,
    )
    place: Text = field("Địa danh", "Địa danh ghi ở dòng 'địa danh, ngày … tháng … năm …' của văn bản.")
    date: Day | None = field("Ngày ban hành", default=None)
    year: Whole = field("Năm ban hành", ge=2000, le=2100)
    period: Period = field("Thời kỳ kế hoạch")
    legal_bases: list[LegalBasis] = field(
        "Căn cứ", "Các văn bản mà kế hoạch thực hiện hoặc căn cứ (có thể để trống).", default_factory=empty_list
    )
    purposes: list[Clause] = field(
        "Mục đích", "Các mục đích của kế hoạch, mỗi mục một đoạn.", default_factory=empty_list
    )
    requirements: list[Clause] = field(
        "Yêu cầu", "Các yêu cầu của kế hoạch, mỗi mục một đoạn.", default_factory=empty_list
    )
    overall_goal: Text | None = field(
        "Mục tiêu tổng quát", "Mục tiêu chung của kế hoạch, nguyên văn; để trống nếu văn bản không có.", default=None
    )
    vision: Clause | None = field(
        "Tầm nhìn", "Tầm nhìn dài hạn của kế hoạch, nguyên văn; để trống nếu văn bản không có.", default=None
    )
    opening: str | None = field("Đoạn mở đầu", "Đoạn 'Thực hiện Kế hoạch số …' trước mục I, nguyên văn.", default=None)
    implementation: list[SectionItem] = field(
        "Tổ chức thực hiện, nguyên văn",
        "Toàn văn phần tổ chức thực hiện của văn bản, từng mục con.",
        default_factory=empty_list,
    )
    closing: list[Text] = field("Phần kết", "Các đoạn kết của văn bản, nguyên văn.", default_factory=empty_list)
    typos: list[Typo] = field(
        "Lỗi đánh máy của văn bản",
        "Các tệp kế hoạch giữ nguyên văn; báo cáo kh68 lập viết theo cách đọc meant (xem fix). Một cụm từ chỉ có "
        "một cách đọc.",
        default_factory=empty_list,
    )

    @field_validator("typos")
    @classmethod
    def _one_reading(cls, typos: list[Typo]) -> list[Typo]:
        """One written text, one reading: a report could not say which of two it means."""
        said: dict[str, str] = {}
        for typo in (t for t in typos if t.fixed_in_reports):  # a typo kept as written has no reading in reports
            if said.setdefault(typo.written, typo.meant) != typo.meant:
                raise ValueError(
                    f"{excerpt(typo.written)} đọc được hai cách: {excerpt(said[typo.written])} hoặc "
                    f"{excerpt(typo.meant)}; giữ một cách đọc"
                )
        return typos

    duties: list[Duty] = field(
        "Nhiệm vụ báo cáo",
        "Các nhiệm vụ báo cáo, lập dự toán, đề nghị phối hợp mà phần tổ chức thực hiện giao: ai gửi, gửi ai, hạn nào.",
        default_factory=empty_list,
    )
    breaks: list[SeriesBreak] = field(
        "Điểm gãy chuỗi số liệu",
        "Các ngày mà từ đó số liệu của mọi chỉ tiêu không so sánh được với trước (ví dụ hợp nhất tỉnh 01/07/2025).",
        default_factory=empty_list,
    )
    progress_thresholds: Thresholds = field("Ngưỡng đánh giá tiến độ", default_factory=Thresholds)
    judging: Judging = field("Cách đánh giá chỉ tiêu", default_factory=Judging)
    rules: dict[str, RuleLevel] = field(
        "Quy tắc kiểm tra",
        "Đổi mức một quy tắc của 'kh68 check' cho kế hoạch này: khóa là mã quy tắc (ví dụ coverage-provisional), "
        "giá trị là off (tắt), warning (cảnh báo) hoặc error (lỗi). Chỉ các quy tắc đổi được (README, bảng quy tắc).",
        default_factory=dict,
    )
    signer: Signer = field(
        "Người ký báo cáo",
        "Người ký báo cáo kết quả thực hiện kế hoạch khi nhiệm vụ plan_report không ghi signer; để trống: người "
        "đứng đầu cơ quan ban hành báo cáo ký, để trống họ tên.",
        default_factory=Signer,
    )
    unit_kind_labels: dict[UnitKind, Text] = field(
        "Tên gọi các loại đơn vị",
        "Tên gọi theo ngành, lĩnh vực của từng loại đơn vị (kind trong units.yaml) dùng trong thông báo, ví dụ "
        "district_office: phòng chuyên môn cấp huyện; để trống: tên gọi chung.",
        default_factory=dict,
    )
    notes: list[Note] = field("Ghi chú", default_factory=empty_list)
    synthetic: bool = field(
        "Số liệu minh họa",
        "true nếu kế hoạch chứa số liệu minh họa (không có thật); mọi đầu ra sẽ ghi rõ.",
        default=False,
    )
    indicator_ids_in_document: bool = field(
        "Mã chỉ tiêu có trong văn bản",
        "false khi văn bản không đánh mã chỉ tiêu và mã trong indicators.yaml do người nhập đặt: báo cáo gọi mỗi "
        "chỉ tiêu theo số thứ tự (STT) của nó trong bảng chỉ tiêu, không in mã ấy vào văn bản gửi đi.",
        default=True,
    )


# --------------------------------------------------------------- units.yaml


class Successor(Strict):
    unit: str = field("Đơn vị kế thừa", "Mã hoặc tên gọi của đơn vị nhận lại nhiệm vụ.")
    function: str | None = field(
        "Lĩnh vực tiếp nhận",
        "Phần nhiệm vụ mà đơn vị này nhận (để trống: nhận toàn bộ), ví dụ 'giáo dục nghề nghiệp'.",
        default=None,
    )
    note: str | None = field("Ghi chú", default=None)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"unit": value} if isinstance(value, str) else value


Lines = Annotated[list[Text], BeforeValidator(_list)]


class UnitHeader(Strict):
    """The left block of a document's header (Decree 30): the parent body's lines, then the unit's own, in capitals."""

    parent: Lines = field(
        "Cơ quan chủ quản",
        "Dòng (hoặc các dòng) tên cơ quan cấp trên trực tiếp, chữ in hoa, không đậm, ví dụ UBND TỈNH …; để trống "
        "nếu không có (Ủy ban nhân dân các cấp).",
        default_factory=empty_list,
    )
    own: Lines = field(
        "Tên cơ quan",
        "Dòng (hoặc các dòng) tên của chính đơn vị, chữ in hoa, đậm, ví dụ SỞ … hoặc [ỦY BAN NHÂN DÂN, XÃ …].",
        min_length=1,
    )


class Unit(OutsideFact):
    id: UnitId = field("Mã đơn vị", "Mã ổn định, chữ thường không dấu, ví dụ phong_ke_hoach.")
    name: Text = field("Tên đầy đủ")
    short_names: list[Text] = field(
        "Tên gọi khác",
        "Các cách viết tắt mà văn bản dùng; mọi cách viết đều trỏ về cùng đơn vị.",
        default_factory=empty_list,
    )
    kind: UnitKind | None = field(
        "Loại đơn vị",
        "authority: cơ quan cấp trên; agency: sở, ngành, cơ quan chuyên môn; division: phòng, ban, tổ thuộc cơ "
        "quan theo dõi kế hoạch; district_office: cơ quan, đơn vị cấp huyện; commune: Ủy ban nhân dân cấp xã; "
        "school: đơn vị sự nghiệp, cơ sở; organisation: tổ chức ngoài quyền quản lý của cơ quan ban hành (đoàn "
        "thể, hiệp hội, doanh nghiệp); other: khác. Tên gọi theo ngành ghi ở unit_kind_labels của plan.yaml.",
        default=None,
    )
    abbreviation: str | None = field(
        "Ký hiệu viết tắt",
        "Chữ viết tắt tên đơn vị dùng trong số, ký hiệu văn bản (BC-<ký hiệu>) và dòng 'Lưu: VT, <ký hiệu>.'. Để "
        "trống: với cơ quan ban hành kế hoạch, phần sau dấu '-' của ký hiệu kế hoạch; với Ủy ban nhân dân, UBND; "
        "nếu không, tên gọi khác (short_names) nào chỉ là một chữ viết tắt in hoa.",
        default=None,
    )
    header: UnitHeader | None = field(
        "Tiêu đề văn bản",
        "Các dòng bên trái đầu văn bản do đơn vị ban hành. Để trống: Ủy ban nhân dân: ỦY BAN NHÂN DÂN và tên địa "
        "bàn; đơn vị có parent: tên cơ quan cấp trên rồi tên đơn vị; nếu không: tên đơn vị, chữ in hoa.",
        default=None,
    )
    head_title: str | None = field(
        "Chức danh người đứng đầu",
        "Chức danh in ở chữ ký, ví dụ GIÁM ĐỐC, TRƯỞNG PHÒNG, CHỦ TỊCH, TRƯỞNG BAN. Để trống: theo chữ đầu của "
        "tên (Sở, Trung tâm: GIÁM ĐỐC; Phòng: TRƯỞNG PHÒNG; Ủy ban nhân dân: CHỦ TỊCH; Ban: TRƯỞNG BAN; …), "
        "nếu không: THỦ TRƯỞNG ĐƠN VỊ.",
        default=None,
    )
    collective: str | None = field(
        "Tập thể lãnh đạo",
        "Với cơ quan làm việc theo chế độ tập thể: tên tập thể ghi sau 'TM.' ở chữ ký, ví dụ ỦY BAN NHÂN DÂN, "
        "BAN THƯỜNG TRỰC. Để trống: Ủy ban nhân dân ký 'TM. ỦY BAN NHÂN DÂN', đơn vị khác không có dòng TM.",
        default=None,
    )
    parent: str | None = field(
        "Trực thuộc",
        "Mã hoặc tên gọi của cơ quan mà đơn vị trực thuộc (phòng thuộc sở): tiêu đề văn bản của đơn vị có tên cơ "
        "quan này ở dòng trên. Để trống: phòng, ban, tổ (kind: division) trực thuộc cơ quan theo dõi kế hoạch.",
        default=None,
    )
    place: str | None = field(
        "Địa danh",
        "Địa danh ghi trên văn bản đơn vị ban hành ('<địa danh>, ngày … tháng … năm …'); để trống: địa danh của "
        "kế hoạch (place trong plan.yaml).",
        default=None,
    )
    in_document: bool = field(
        "Có trong văn bản", "false với đơn vị văn bản kế hoạch không nêu tên (phải ghi source).", default=True
    )
    members: list[str] = field("Thành viên", "Với nhóm đơn vị: mã các đơn vị thành viên.", default_factory=empty_list)
    start: Day | None = field("Ngày bắt đầu hoạt động", default=None)
    end: Day | None = field("Ngày kết thúc hoạt động", "Ngày cuối cùng đơn vị còn hoạt động.", default=None)
    successors: list[Successor] = field(
        "Đơn vị kế thừa",
        "Các đơn vị nhận lại nhiệm vụ từ ngày sau ngày kết thúc; có thể nhiều đơn vị, mỗi đơn vị một lĩnh vực.",
        default_factory=empty_list,
    )
    note: str | None = field("Ghi chú", default=None)

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def handover(self) -> date | None:
        """The first day the successors act (the day after the end)."""
        return self.end + timedelta(days=1) if self.end else None


class UnitsFile(Strict):
    """Nội dung tệp units.yaml: các đơn vị mà kế hoạch nêu tên."""

    units: list[Unit] = field("Đơn vị")


# ---------------------------------------------------------- indicators.yaml


class TargetBase(Strict):
    """A year's target: the plan's words (``text``), or a structured form for what words cannot carry."""

    text: str | None = field(
        "Chỉ tiêu (nguyên văn)",
        "Nguyên văn trong kế hoạch, ví dụ: 99,5 | 30-35 | ít nhất 30% | không quá 5 | giảm 10% so với năm 2025 | "
        "Hoàn thành | - | một mốc định tính. Với dạng cấu trúc: lời văn để hiển thị.",
        default=None,
    )
    footnote: str | None = field("Chú thích", default=None)
    _meaning: Meaning = PrivateAttr()

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if value is None:  # "2025": (nothing) — a hostile probe was told a mapping was wanted
            raise ValueError(
                "mục tiêu của năm này để trống: ghi chỉ tiêu như văn bản, '-' nếu năm đó kế hoạch không đặt chỉ tiêu, "
                "hoặc bỏ năm này"
            )
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _read(self) -> TargetBase:
        given = {name: getattr(self, name) for name in structured_fields() if getattr(self, name) is not None}
        if given:
            meaning = target_from_fields(given, self.text)
            self._meaning = dataclasses.replace(meaning, display=self.text) if self.text else meaning
        elif self.text is None:
            raise ValueError("chỉ tiêu cần lời văn (text) hoặc một khóa dạng cấu trúc, ví dụ {at_least: 500}")
        else:
            self._meaning = parse_target(self.text)
        return self

    @property
    def meaning(self) -> Meaning:
        """What the target means: a kind of ``kh68.kinds.targets``."""
        return self._meaning

    @property
    def shown(self) -> str:
        """The plan's words (for a structured form without words, its kind's own)."""
        return self.text if self.text is not None else self._meaning.text

    def settle(self, **defaults: Any) -> None:
        """Fill in what the words leave to the plan (the year, the plan's period, the tolerance of "khoảng")."""
        self._meaning = self._meaning.with_defaults(**defaults)


_FIELD_TYPES: dict[FieldType, Any] = {
    FieldType.NUMBER: Annotated[float | None, BeforeValidator(_decimal)],
    FieldType.PAIR: Annotated[
        list[Annotated[float, BeforeValidator(_decimal)]] | None, Field(min_length=2, max_length=2)
    ],
    FieldType.YEAR: Year | None,
    FieldType.FLAG: bool | None,
}


def _structured(name: str, field_type: FieldType) -> tuple[Any, Any]:
    return (
        _FIELD_TYPES[field_type],
        Field(default=None, title=f"Dạng cấu trúc: {name}", description=STRUCTURED_HELP.get(name, name)),
    )


STRUCTURED_HELP = {
    "at_least": "Ít nhất (số): {at_least: 500}.",
    "greater_than": "Trên (số, bằng là chưa đạt): {greater_than: 60}.",
    "at_most": "Không quá (số; càng thấp càng tốt): {at_most: 5}.",
    "less_than": "Dưới (số, bằng là chưa đạt; càng thấp càng tốt): {less_than: 5}.",
    "range": "Khoảng [cận dưới, cận trên]: {range: [90, 95]}.",
    "approximately": "Khoảng (số), đạt khi trong dung sai: {approximately: 500, tolerance: 25}.",
    "tolerance": "Dung sai của 'khoảng', theo đơn vị tính của chỉ tiêu.",
    "change": "Thay đổi so với năm gốc (âm là giảm): {change: -10, relative: true, base_year: 2025}.",
    "relative": "true: thay đổi tính bằng % của số liệu năm gốc; false: theo đơn vị tính (điểm phần trăm với tỷ lệ).",
    "base_year": "Năm gốc mà chỉ tiêu so sánh với (để trống: năm trước).",
    "yearly_change": "Thay đổi bình quân mỗi năm (âm là giảm): {yearly_change: 1.5, base_year: 2025}.",
    "average": "Trung bình mỗi năm của giai đoạn ít nhất bằng (số): {average: 5}.",
    "total": "Tổng các năm của giai đoạn ít nhất bằng (số): {total: 5000}.",
    "completion": "Chỉ tiêu hoàn thành: {completion: true}.",
    "milestone": "Mốc định tính (lời văn có chữ số): {milestone: true, text: 'Triển khai Đề án 06'}.",
    "none": "Không đặt chỉ tiêu năm đó: {none: true}.",
}

if TYPE_CHECKING:
    Target = TargetBase
else:
    Target = create_model(
        "Target",
        __base__=TargetBase,
        __doc__=TargetBase.__doc__,
        **{name: _structured(name, field_type) for name, field_type in structured_fields().items()},
    )


class Reporters(Strict):
    units: UnitRefs = field("Đơn vị, nhóm đơn vị", "Mã hoặc tên gọi; nhóm được mở rộng theo thành viên.")
    function: str | None = field(
        "Lĩnh vực",
        "Khi đơn vị đã chấm dứt hoạt động, chỉ tính đơn vị kế thừa lĩnh vực này, ví dụ 'giáo dục mầm non'.",
        default=None,
    )

    @model_validator(mode="before")
    @classmethod
    def _from_list(cls, value: Any) -> Any:
        """``reporters: [phong_a]`` is ``reporters: {units: [phong_a]}``."""
        return {"units": value} if isinstance(value, (str, list)) else value


@dataclass(frozen=True)
class Home:
    """Where an indicator is written: its file, its key path there, and the key path of each year's target."""

    file: str  # "indicators" or "tasks"
    key: Key
    targets: dict[int, Key]
    task: str | None = None


class Indicator(Strict):
    id: Text = field("Mã chỉ tiêu", 'Luôn là chuỗi, ví dụ "1.10" (đặt trong dấu nháy: 1.10 khác 1.1).')
    name: Text = field("Tên chỉ tiêu")
    unit: Text = field("Đơn vị tính", "Ví dụ: %.")
    direction: Direction | None = field(
        "Chiều tốt",
        "higher: càng cao càng tốt; lower: càng thấp càng tốt. Để trống: theo lời chỉ tiêu (không quá, dưới, "
        "giảm: càng thấp càng tốt), nếu không thì càng cao càng tốt.",
        default=None,
    )
    basis: Basis = field(
        "Cách tính",
        "value: nhập giá trị; share_of_units: tỷ lệ đơn vị đạt chuẩn, tính từ các mục met: true/false theo đơn vị.",
        default=Basis.VALUE,
    )
    targets: dict[Year, Target] = field("Mục tiêu theo năm", 'Khóa là năm ("2025"), giá trị là chỉ tiêu nguyên văn.')
    responsible_units: UnitRefs = field("Đơn vị chủ trì", "Mã hoặc tên gọi của đơn vị chủ trì thực hiện.")
    responsible_text: str | None = field("Đơn vị chủ trì (nguyên văn)", default=None)
    reporters: Reporters | None = field(
        "Đơn vị báo cáo số liệu",
        "Các đơn vị (hoặc nhóm) phải báo cáo số liệu theo đơn vị (by_unit) của chỉ tiêu; mỗi năm kh68 tính "
        "theo các đơn vị còn hoạt động và đơn vị kế thừa, rồi tính độ bao phủ của giá trị tổng hợp.",
        default=None,
    )
    in_year: InYear | None = field(
        "Số liệu trong năm",
        "cumulative: số liệu tháng, quý là cộng dồn từ đầu năm (số vụ, số tiền giải ngân, số người được đào tạo); "
        "level: số hiện có tại ngày báo cáo (số hộ nghèo, số trường đạt chuẩn), có thể giảm giữa các kỳ. Để trống: "
        "số lượng, số tiền coi là cộng dồn (check cảnh báo khi số của kỳ sau thấp hơn kỳ trước; không so số liệu "
        "một phần năm với cả năm trước); tỷ lệ, thứ hạng là số hiện có.",
        default=None,
    )
    counted_over: UnitKind | None = field(
        "Đơn vị đếm",
        "Loại đơn vị mà chỉ tiêu đếm trên đó (ví dụ district_office cho 'số huyện, thành phố'); năm không "
        "còn đơn vị loại này thì chỉ tiêu không tính được.",
        default=None,
    )
    breaks: list[SeriesBreak] = field("Điểm gãy chuỗi số liệu của chỉ tiêu", default_factory=empty_list)
    unit_targets: dict[str, dict[Year, Target]] = field(
        "Chỉ tiêu giao cho từng đơn vị",
        "Khóa là mã hoặc tên gọi đơn vị, giá trị như targets (năm → chỉ tiêu). Phần của mỗi đơn vị được đánh "
        "giá theo số liệu của chính đơn vị đó (by_unit) trong kh68 status --unit và báo cáo của đơn vị.",
        default_factory=dict,
    )
    notes: list[Text] = field("Ghi chú", default_factory=empty_list)

    _better: Direction = PrivateAttr(default=Direction.HIGHER)
    _home: Home | None = PrivateAttr(default=None)
    _share_of: str | None = PrivateAttr(default=None)
    _label: str | None = PrivateAttr(default=None)

    @property
    def label(self) -> str:
        """How a document names the indicator: its id, or its number in the plan's list when the plan's document
        gives no ids (``indicator_ids_in_document: false``, set at load)."""
        return self._label or self.id

    def number_as(self, label: str) -> None:
        self._label = label

    @property
    def home(self) -> Home:
        """Where the indicator is written: a row of indicators.yaml, or a target of a task in tasks.yaml."""
        if self._home is None:  # a row of indicators.yaml: worked out once (rules and the engine ask per target)
            self._home = Home(
                "indicators",
                ("indicators", self.id),
                {y: ("indicators", self.id, "targets", str(y)) for y in self.targets},
            )
        return self._home

    def place(self, home: Home) -> None:
        self._home = home

    @property
    def task_id(self) -> str | None:
        """The task whose target this is (``None`` for a row of the indicator table)."""
        return self.home.task

    @property
    def share_of(self) -> str | None:
        """The unit whose own target this is (see ``unit_share``), ``None`` for the whole plan's indicator."""
        return self._share_of

    def unit_share(self, ref: str, unit_id: str, home: Home) -> Indicator:
        """The part of this indicator given to one unit (``unit_targets``): its targets, judged on its own figure."""
        share = self.model_copy(
            update={
                "targets": self.unit_targets[ref],
                "unit_targets": {},
                "direction": self.better,
                "responsible_units": [unit_id],
                "reporters": None,
                "counted_over": None,
            }
        )
        share._better = self.better
        share._home = home
        share._share_of = unit_id
        return share

    @model_validator(mode="after")
    def _settle_direction(self) -> Indicator:
        implied = [d for t in self.targets.values() if (d := t.meaning.implied_direction) is not None]
        if self.measure.is_rank:  # a place in a ranking: the smaller its number the better, whatever words follow
            implied = [Direction.LOWER]
        self._better = self.direction or (implied[0] if implied else Direction.HIGHER)
        return self

    @property
    def better(self) -> Direction:
        """Which way is better: as written, else as the targets' words say (the rule target-direction checks)."""
        return self._better

    @property
    def measure(self) -> Measure:
        return Measure(self.unit)

    @property
    def takes_state(self) -> bool:
        return any(t.meaning.feed is Feed.STATE for t in self.targets.values())

    @property
    def accumulates(self) -> bool:
        """Whether a figure of part of the year is counted from the start of the year (``in_year``; unsaid: a count
        or an amount does, a rate, a figure per something and a place in a ranking are what there is on the day)."""
        if self.in_year is not None:
            return self.in_year is InYear.CUMULATIVE
        return self.measure.adds_up and not self.measure.is_rank

    @property
    def takes_value(self) -> bool:
        return self.basis is Basis.SHARE_OF_UNITS or any(t.meaning.feed is Feed.VALUE for t in self.targets.values())


class IndicatorsFile(Strict):
    """Nội dung tệp indicators.yaml: bảng chỉ tiêu của kế hoạch."""

    indicators: list[Indicator] = field(
        "Chỉ tiêu", "Để trống (hoặc không có tệp) nếu kế hoạch không có bảng chỉ tiêu.", default_factory=empty_list
    )


# --------------------------------------------------------------- tasks.yaml


class TaskTiming(Strict):
    """A task's timing: the plan's words, and the days the words do not say (an event's day)."""

    text: Text = field("Thời gian thực hiện (nguyên văn)")
    start: Day | None = field("Bắt đầu", "Ngày bắt đầu, khi lời văn không nói.", default=None)
    due: Day | None = field("Hạn", "Ngày phải xong (ví dụ ngày sơ kết), khi lời văn không nói.", default=None)
    _schedule: Schedule = PrivateAttr()

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"text": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _read(self) -> TaskTiming:
        schedule = parse_timing(self.text, dated=self.due is not None)
        # the words' own day, either way the plan may count "trước ngày X" (its rule is applied later, at load)
        said = {d for b in (False, True) if (d := schedule.with_defaults(before_day_inclusive=b).end) is not None}
        if self.due is not None and said and self.due not in said:  # "Năm 2026" due 2027-06-30
            raise ValueError(
                f"lời văn {excerpt(self.text)} có hạn {format_date(min(said))} nhưng due ghi {format_date(self.due)}: "
                "hai cách đọc; sửa due hoặc lời văn cho khớp văn bản"
            )
        if self.start is not None or self.due is not None:
            schedule = dated(schedule, start=self.start, due=self.due)
        if schedule.start is not None and schedule.end is not None and schedule.start > schedule.end:
            raise ValueError(f"bắt đầu ({format_date(schedule.start)}) sau hạn ({format_date(schedule.end)})")
        self._schedule = schedule
        return self

    @property
    def schedule(self) -> Schedule:
        return self._schedule

    def settle(self, **defaults: Any) -> None:
        """Fill in what the words leave to the plan (whether "trước ngày X" includes X); the days the plan writes
        beside the words (``start``, ``due``) stay as written."""
        settled = self._schedule.with_defaults(**defaults)
        if self.start is not None or self.due is not None:
            settled = dated(settled, start=self.start, due=self.due)
        self._schedule = settled


class TaskTarget(Strict):
    """A measurable target written inside a task ("di dời 01 KCN trong quý IV năm 2026"): judged like an indicator."""

    id: Text = field("Mã chỉ tiêu", "Mã để ghi số liệu (kh68 record), duy nhất trong kế hoạch, ví dụ 2.1-kcn.")
    name: Text = field("Tên chỉ tiêu", "Ví dụ: Số khu công nghiệp được di dời.")
    unit: Text = field("Đơn vị tính", "Ví dụ: KCN, %, ha.")
    target: Target | None = field(
        "Chỉ tiêu",
        "Nguyên văn như ở indicators.yaml, xét vào năm nhiệm vụ đến hạn (theo thời gian thực hiện); "
        "dùng targets khi chỉ tiêu theo nhiều năm.",
        default=None,
    )
    targets: dict[Year, Target] = field("Chỉ tiêu theo năm", default_factory=dict)
    direction: Direction | None = field("Chiều tốt", "higher hoặc lower; để trống: theo lời chỉ tiêu.", default=None)
    reporters: Reporters | None = field("Đơn vị báo cáo số liệu", default=None)
    notes: list[Text] = field("Ghi chú", default_factory=empty_list)

    @model_validator(mode="after")
    def _one_form(self) -> TaskTarget:
        if (self.target is None) == (not self.targets):
            raise ValueError(
                "ghi đúng một trong hai: target (một chỉ tiêu, xét vào năm nhiệm vụ đến hạn) hoặc targets (theo năm)"
            )
        return self


class Task(Strict):
    id: Text = field("Mã nhiệm vụ", "Số mục của nhiệm vụ trong văn bản kế hoạch, ví dụ 2.1.a.")
    title: Text = field("Tên nhiệm vụ")
    short_title: Text | None = field(
        "Tên ngắn trong báo cáo",
        "Tùy chọn: tên ngắn của nhiệm vụ dùng ở đầu đoạn báo cáo ('<tên ngắn>: <kết quả>'), khi tên nhiệm vụ trong "
        "kế hoạch dài hoặc là danh sách đơn vị thực hiện; để trống: dùng tên nhiệm vụ.",
        default=None,
    )
    text: Text = field("Nội dung")
    lead_units: UnitRefs = field("Đơn vị chủ trì tham mưu")
    coordinating_units: UnitRefs = field("Đơn vị phối hợp thực hiện", default_factory=empty_list)
    lead_text: str | None = field("Đơn vị chủ trì (nguyên văn)", default=None)
    coordinating_text: str | None = field("Đơn vị phối hợp (nguyên văn)", default=None)
    timing: TaskTiming | None = field(
        "Thời gian thực hiện",
        "Nguyên văn, ví dụ 'Thường xuyên', 'Hằng năm', 'Quý II/2026', 'tháng 5/2026', 'trước ngày 30/6/2026', "
        "'Năm 2026', 'Giai đoạn 2026-2030', 'Năm 2024 và các năm tiếp theo', 'Khi tiến hành sơ kết, tổng kết'; "
        "hoặc {text: …, due: ngày} khi cần ghi ngày (ngày sơ kết); để trống nếu kế hoạch không ghi.",
        default=None,
    )
    kind: Literal["assignment", "request"] = field(
        "Loại",
        "assignment: nhiệm vụ được giao; request: đề nghị gửi tổ chức ngoài quyền quản lý của cơ quan ban hành ("
        "'Đề nghị các tổ chức …'), không bao giờ bị coi là thiếu báo cáo.",
        default="assignment",
    )
    note: str | None = field("Ghi chú", default=None)
    targets: list[TaskTarget] = field(
        "Chỉ tiêu của nhiệm vụ",
        "Chỉ tiêu đo được nằm trong nhiệm vụ (kế hoạch không có bảng chỉ tiêu riêng); được đánh giá và báo cáo như "
        "chỉ tiêu ở indicators.yaml.",
        default_factory=empty_list,
    )

    @property
    def schedule(self) -> Schedule | None:
        """When the work is due (``kh68.kinds.timings``); ``None`` when the plan says nothing."""
        return self.timing.schedule if self.timing is not None else None

    @property
    def report_title(self) -> str:
        """The name a report gives the task: its short title, else its title (on one line)."""
        return " ".join((self.short_title or self.title).split())

    def expected_in(self, year: int) -> bool:
        """Whether the task's work is reported in ``year``: tasks timed "from 2024 on" are not before 2024; tasks
        timed "at the review of the resolution" are reported at reviews, not every year."""
        schedule = self.schedule
        return schedule is None or schedule.active_in(year)

    @property
    def timing_text(self) -> str | None:
        return self.timing.text if self.timing is not None else None


class TaskGroup(Strict):
    id: Text = field("Mục", "Số mục của nhóm trong văn bản kế hoạch, ví dụ 2.1.")
    title: Text = field("Tên nhóm nhiệm vụ")
    tasks: list[Task] = field("Nhiệm vụ")


class TasksFile(Strict):
    """Nội dung tệp tasks.yaml: các nhiệm vụ, giải pháp của kế hoạch, theo nhóm."""

    groups: list[TaskGroup] = field("Nhóm nhiệm vụ")


# ----------------------------------------------------------- data/YYYY.yaml


class Source(Strict):
    document: str | None = field("Văn bản nguồn", "Số liệu lấy từ văn bản nào.", default=None)
    date: Day | None = field("Ngày", default=None)
    unit: str | None = field("Đơn vị báo cáo", "Mã hoặc tên gọi của đơn vị gửi số liệu.", default=None)

    @model_validator(mode="after")
    def _says_something(self) -> Source:
        if self.document is None and self.date is None and self.unit is None:
            raise ValueError("nguồn số liệu trống: ghi ít nhất một trong document, date, unit, hoặc bỏ khóa source")
        return self


class UnitValue(Strict):
    value: Number | None = field("Giá trị", default=None)
    numerator: Count | None = field("Tử số", "Số đạt yêu cầu của tỷ lệ (phần được đếm), số nguyên.", default=None)
    denominator: Count | None = field("Mẫu số", "Tổng số mà tỷ lệ tính trên đó, số nguyên.", default=None)
    met: bool | None = field("Đạt chuẩn", "Với chỉ tiêu tính theo tỷ lệ đơn vị đạt chuẩn.", default=None)
    source: Source | None = field("Nguồn số liệu", "Văn bản của đơn vị gửi số liệu này.", default=None)
    note: str | None = field("Ghi chú", default=None)

    @model_validator(mode="after")
    def _one_form(self) -> UnitValue:
        fields = self.__dict__  # once per value of a data file: one look-up, not one per field
        numerator, denominator = fields["numerator"], fields["denominator"]
        fraction = numerator is not None or denominator is not None
        if (fields["value"] is not None) + fraction + (fields["met"] is not None) != 1:
            raise ValueError("ghi đúng một trong ba dạng: value, numerator/denominator, hoặc met")
        if fraction and (problem := fraction_problem(numerator, denominator)) is not None:
            raise ValueError(f"{problem.text} ({problem.part})")  # where: the field, as a form names its cell
        return self


class Measurement(Strict):
    value: Number | None = field(
        "Giá trị toàn địa bàn", "Giá trị ghi trực tiếp; được ưu tiên hơn giá trị tính từ đơn vị.", default=None
    )
    state: TaskState | None = field("Trạng thái", "Với chỉ tiêu 'Hoàn thành' hoặc mốc định tính.", default=None)
    source: Source | None = field("Nguồn số liệu", default=None)
    note: str | None = field("Ghi chú", default=None)
    by_unit: dict[str, UnitValue] = field("Theo đơn vị", "Khóa là mã đơn vị.", default_factory=dict)
    expected_denominator: Count | None = field(
        "Mẫu số toàn địa bàn",
        "Mẫu số của cả địa bàn khi đã biết (tổng số mà tỷ lệ tính trên đó); để tính phần mẫu số mà các đơn vị "
        "đã báo cáo bao phủ.",
        default=None,
    )
    _by_id: dict[str, UnitValue] | None = PrivateAttr(default=None)
    _written: dict[str, str] = PrivateAttr(default_factory=dict)
    _source_unit: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _denominator_of_units(self) -> Measurement:
        if self.expected_denominator is not None and not self.by_unit:
            raise ValueError(
                "expected_denominator (mẫu số toàn địa bàn) chỉ dùng cùng by_unit: kh68 so nó với tổng mẫu số các "
                "đơn vị đã báo cáo; không có by_unit thì bỏ khóa này"
            )
        return self

    def key_units(self, resolve: Callable[[str], str | None]) -> None:
        """Key ``by_unit`` by unit id, once, at load (``by_id``), the name written kept for messages (``written``);
        a unit kh68 does not know keeps the name written. A unit written twice (by id and by a name): the later."""
        ids = [resolve(ref) for ref in self.by_unit]
        if ids == list(self.by_unit):  # every unit written by its id: keyed by the plan's own id strings, shared
            self.by_unit = dict(zip(ids, self.by_unit.values(), strict=True))  # type: ignore[arg-type]
            self._by_id, self._written = self.by_unit, {}
        else:
            by_unit = self.by_unit
            by_id: dict[str, UnitValue] = {}
            written: dict[str, str] = {}
            for ref, entry in by_unit.items():  # locals: a private attribute is a slow look-up, per value here
                uid = resolve(ref) or ref
                by_id[uid] = entry
                written[uid] = ref
            self._by_id, self._written = by_id, written
        self._source_unit = resolve(self.source.unit) if self.source is not None and self.source.unit else None

    def sent_by(self, later: Callable[[str | None, date | None, date | None], bool]) -> Measurement | None:
        """The measurement without what ``later`` says was sent after the day seen (by the unit as written, the
        date of the figure, and that of the report which carried a unit's figure: the measurement's own source):
        ``self`` when nothing, ``None`` when all of it."""
        carried = self.source.date if self.source is not None else None
        whole_later = self.source is not None and later(self.source.unit, self.source.date, None)
        by_unit = {
            ref: entry
            for ref, entry in self.by_unit.items()
            if not later(ref, entry.source.date if entry.source is not None else None, carried)
        }
        if not whole_later and len(by_unit) == len(self.by_unit):
            return self
        whole = {"value": None, "state": None, "source": None, "note": None} if whole_later else {}
        nothing_whole = whole_later or (self.value is None and self.state is None and self.source is None)
        if not by_unit and nothing_whole:
            return None
        copy = self.model_copy(update={"by_unit": by_unit, **whole})
        copy._by_id, copy._written, copy._source_unit = None, {}, None
        return copy

    @property
    def by_id(self) -> dict[str, UnitValue]:
        """Each unit's entry by unit id (as written for a measurement that no plan has loaded)."""
        return self._by_id if self._by_id is not None else self.by_unit

    def sources(self, unit_id: str | None = None) -> list[Source]:
        """The documents the figures come from: the whole's and each unit's; with ``unit_id``, that unit's only
        (the whole's when the unit sent it)."""
        if unit_id is None:
            found = [self.source, *(entry.source for entry in self.by_unit.values())]
        else:
            own = self.by_id.get(unit_id)
            found = [self.source if self.source_unit == unit_id else None, own.source if own is not None else None]
        return [s for s in found if s is not None]

    @property
    def written_by_id(self) -> bool:
        """Whether every unit of ``by_unit`` is written by its id, as keyed at load: each name is a known unit's
        id, so the rules on units need not look each one up."""
        return self._by_id is self.by_unit

    def written(self, unit_id: str) -> str:
        """How the data file names ``unit_id`` in ``by_unit`` (the id itself if not there)."""
        return self._written.get(unit_id, unit_id)

    @property
    def source_unit(self) -> str | None:
        """The id of the unit that sent the figure (``source.unit``; ``None``: none, or one kh68 does not know)."""
        return self._source_unit


PROGRESS_TEXT = 5000
"""Characters of one part of a unit's progress (a form's cell takes as many): a paragraph of a report, not a file."""
ProgressText = Annotated[str, Field(max_length=PROGRESS_TEXT)]


class Progress(Strict):
    state: TaskState = field("Trạng thái", "not_started | in_progress | done | ongoing.")
    date: Day | None = field("Ngày báo cáo", default=None)
    results: ProgressText | None = field("Kết quả đạt được", default=None)
    difficulties: ProgressText | None = field("Khó khăn, vướng mắc và nguyên nhân", default=None)
    directions: ProgressText | None = field("Phương hướng năm tiếp theo", default=None)
    proposals: ProgressText | None = field("Kiến nghị, đề xuất", default=None)


# ------------------------------------------- data/YYYY.yaml: the report's text


# One paragraph may be written as a single text instead of a list.
Paragraphs = Annotated[list[Text], BeforeValidator(_list)]


class CitedDocument(Strict):
    """A document the report cites: the requesting one, or one the department issued."""

    kind: Text = field("Loại văn bản", "Ví dụ: Kế hoạch, Công văn, Quyết định, Hướng dẫn.")
    number: Text = field("Số, ký hiệu", "Ví dụ: 12/KH-UBND (số và ký hiệu, có dấu /).")
    date: Day = field("Ngày ban hành", "2025-03-15 hoặc 15/3/2025.")
    issuer: str | None = field(
        "Cơ quan ban hành", "Ví dụ: UBND tỉnh …; bỏ trống với văn bản của chính cơ quan báo cáo.", default=None
    )
    subject: Text = field(
        "Trích yếu",
        "Nội dung văn bản, viết tiếp sau số và ngày, ví dụ: về triển khai thực hiện kế hoạch năm 2025.",
    )

    @field_validator("number")
    @classmethod
    def _has_symbol(cls, number: str) -> str:
        if "/" not in number:
            raise ValueError(f"{excerpt(number)} thiếu ký hiệu văn bản: ghi dạng số/ký hiệu, ví dụ 12/KH-UBND")
        return number


class Assessment(Strict):
    """Phần đánh giá chung của báo cáo: ưu điểm, tồn tại, hạn chế và nguyên nhân."""

    strengths: Paragraphs = field("Ưu điểm", "Mỗi ý một dòng (danh sách).", default_factory=empty_list)
    shortcomings: Paragraphs = field("Tồn tại, hạn chế", "Mỗi ý một dòng (danh sách).", default_factory=empty_list)
    objective_causes: Paragraphs = field("Nguyên nhân khách quan", default_factory=empty_list)
    subjective_causes: Paragraphs = field("Nguyên nhân chủ quan", default_factory=empty_list)


class ReportPart(StrEnum):
    """A part of the yearly report that only the department can write."""

    DIRECTING_DOCUMENTS = "directing_documents"
    STRENGTHS = "assessment.strengths"
    SHORTCOMINGS = "assessment.shortcomings"
    OBJECTIVE_CAUSES = "assessment.objective_causes"
    SUBJECTIVE_CAUSES = "assessment.subjective_causes"
    DIRECTIONS = "directions"
    PROPOSALS = "proposals"

    @property
    def label(self) -> str:
        return REPORT_PART_LABELS[self]


REPORT_PART_LABELS = {
    ReportPart.DIRECTING_DOCUMENTS: "các văn bản chỉ đạo, triển khai đã ban hành",
    ReportPart.STRENGTHS: "ưu điểm",
    ReportPart.SHORTCOMINGS: "tồn tại, hạn chế",
    ReportPart.OBJECTIVE_CAUSES: "nguyên nhân khách quan",
    ReportPart.SUBJECTIVE_CAUSES: "nguyên nhân chủ quan",
    ReportPart.DIRECTIONS: "phương hướng, nhiệm vụ năm tới",
    ReportPart.PROPOSALS: "kiến nghị, đề xuất",
}


class SentReport(Strict):
    """A report on the plan as sent: its number and the day it went out (status then says it sent, or late)."""

    number: Text | None = field("Số, ký hiệu", "Ví dụ: 45/BC-SNNMT (số và ký hiệu của báo cáo đã gửi).", default=None)
    date: Day = field("Ngày gửi", "Ngày ký, gửi báo cáo: 2026-06-18 hoặc 18/6/2026.")


class YearReport(Strict):
    """Lời văn của báo cáo năm: những phần chỉ người soạn báo cáo viết được."""

    references: list[CitedDocument] = field(
        "Văn bản trích dẫn ở phần mở đầu",
        'Văn bản của cấp trên mà báo cáo trả lời ("Thực hiện …"); bỏ trống thì dùng căn cứ của kế hoạch '
        "do cơ quan nhận báo cáo ban hành (trong plan.yaml, mục legal_bases).",
        default_factory=empty_list,
    )
    data_as_of: Day | None = field(
        "Số liệu tính đến ngày", "Ngày chốt số liệu của báo cáo, ví dụ 2025-10-31.", default=None
    )
    directing_documents: list[CitedDocument] = field(
        "Văn bản chỉ đạo, triển khai",
        "Phần công tác chỉ đạo, triển khai của báo cáo: các văn bản cơ quan báo cáo đã ban hành.",
        default_factory=empty_list,
    )
    group_summaries: dict[str, Text] = field(
        "Tóm tắt theo nhóm nhiệm vụ",
        "Tùy chọn: khóa là mục của một nhóm nhiệm vụ hoặc của một nhiệm vụ (id trong tasks.yaml), giá trị là đoạn văn "
        "tóm tắt kết quả của nhóm (thay cho các đoạn của từng nhiệm vụ) hoặc của nhiệm vụ (thay cho lời văn của các "
        "đơn vị).",
        default_factory=dict,
    )
    assessment: Assessment = field("Đánh giá chung", "Phần đánh giá chung của báo cáo.", default_factory=Assessment)
    directions: Paragraphs = field(
        "Phương hướng, nhiệm vụ năm tới", "Mỗi nhiệm vụ một dòng (danh sách).", default_factory=empty_list
    )
    proposals: Paragraphs = field(
        "Kiến nghị, đề xuất", "Kiến nghị với cấp trên, mỗi kiến nghị một dòng (danh sách).", default_factory=empty_list
    )
    sent: dict[str, SentReport] = field(
        "Báo cáo đã gửi",
        "Khóa là mã nhiệm vụ báo cáo (plan_report, trong plan.yaml), giá trị là số, ký hiệu và ngày gửi báo cáo của "
        "kỳ này: kh68 status nói đã gửi (đúng hạn hay muộn) thay cho quá hạn.",
        default_factory=dict,
    )

    def written(self, part: ReportPart) -> bool:
        value: Any = self
        for name in part.value.split("."):
            value = getattr(value, name)
        return bool(value)

    def missing(self) -> list[ReportPart]:
        return [part for part in ReportPart if not self.written(part)]


class DateSource(StrEnum):  # where the date of a form receipt comes from
    FORM = "form"  # the sent date the unit wrote on its form
    RECEIVED = "received"  # the form gave none: the day the coordinating division received it


class FormReceipt(Strict):
    """A unit's form for the year, as received (written by ``kh68 import``)."""

    received: Day = field(
        "Ngày báo cáo",
        "Ngày đơn vị gửi báo cáo, ghi trên biểu mẫu; biểu mẫu không ghi thì là ngày nhận (xem date_source). "
        "Đúng hạn hay muộn tính theo ngày này.",
    )
    date_source: DateSource = field(
        "Nguồn của ngày",
        "form: ngày gửi ghi trên biểu mẫu (mặc định); received: biểu mẫu không ghi ngày gửi, lấy ngày nhận "
        "(kh68 status nói 'nhận muộn' thay vì 'gửi muộn').",
        default=DateSource.FORM,
    )
    version: Whole = field("Phiên bản biểu mẫu", ge=1)
    fingerprint: Text = field("Dấu vân tay", "Dấu vân tay của các dòng kế hoạch mà biểu mẫu được lập từ đó.")


def _period_key(value: Any) -> Any:
    if isinstance(value, str):
        return parse_period(value).key
    return value


PeriodKey = Annotated[str, BeforeValidator(_period_key)]


class YearData(Strict):
    """Nội dung tệp data/<kỳ>.yaml: số liệu và tiến độ của một năm (data/2026.yaml) hoặc một kỳ (data/2026-11.yaml)."""

    year: Year = field("Năm", "Năm của số liệu; với tệp của một kỳ ghi period (năm suy ra từ kỳ).")
    period: PeriodKey | None = field(
        "Kỳ",
        "Với số liệu của một kỳ trong năm: 2026-H1 (6 tháng), 2026-Q3 (quý), 2026-11 (tháng); tên tệp là tên kỳ.",
        default=None,
    )
    synthetic: bool = field("Số liệu minh họa", "true nếu số liệu là minh họa, không có thật.", default=False)
    indicators: dict[str, Measurement] = field(
        "Số liệu chỉ tiêu", "Khóa là mã chỉ tiêu (id trong indicators.yaml).", default_factory=dict
    )
    tasks: dict[str, dict[str, Progress]] = field(
        "Tiến độ nhiệm vụ", "Khóa là mã nhiệm vụ, rồi mã đơn vị báo cáo.", default_factory=dict
    )
    report: YearReport | None = field(
        "Lời văn báo cáo năm",
        "Phần lời văn: văn bản chỉ đạo, đánh giá chung, phương hướng, kiến nghị; phần nào còn trống, "
        "báo cáo để chỗ trống có đánh dấu.",
        default=None,
    )

    forms: dict[str, FormReceipt] = field(
        "Biểu mẫu đã nhận", "Khóa là mã đơn vị; ghi bằng 'kh68 import'.", default_factory=dict
    )

    @model_validator(mode="before")
    @classmethod
    def _year_of_period(cls, value: Any) -> Any:
        """A period's file names its period; its year is the period's."""
        if isinstance(value, dict) and "year" not in value and isinstance(value.get("period"), str):
            try:
                return {**value, "year": str(parse_period(value["period"]).year)}
            except ValueError:
                return value  # the period's own error says why
        return value

    @model_validator(mode="after")
    def _period_in_year(self) -> YearData:
        if self.period is not None and parse_period(self.period).year != self.year:
            raise ValueError(f"kỳ {self.period} không thuộc năm {self.year}")
        return self

    @property
    def cadence(self) -> ReportPeriod:
        """The period this file holds: the year, or the period it names."""
        return parse_period(self.period) if self.period is not None else ReportPeriod.of_year(self.year)

    _progress: dict[str, dict[str, Progress]] | None = PrivateAttr(default=None)
    _received: dict[str, FormReceipt] | None = PrivateAttr(default=None)
    _ids: dict[str, str | None] = PrivateAttr(default_factory=dict)
    _latest: date | None = PrivateAttr(default=None)
    _left_by: dict[str, int] = PrivateAttr(default_factory=dict)

    def key_units(self, resolve: Callable[[str], str | None]) -> None:
        """Key every unit the file names by its id, once, at load: figures by unit (``Measurement.by_id``),
        progress (``progress``) and forms received (``received``); a unit kh68 does not know keeps the name
        written. Each entry's name as written stays in ``by_unit``, ``tasks`` and ``forms``."""
        ids = self._ids = {}

        def once(ref: str) -> str | None:
            if ref not in ids:
                ids[ref] = resolve(ref)
            return ids[ref]

        for measurement in self.indicators.values():
            measurement.key_units(once)
        self._progress = {
            task_id: {once(ref) or ref: p for ref, p in entries.items()} for task_id, entries in self.tasks.items()
        }
        self._received = {once(ref) or ref: receipt for ref, receipt in self.forms.items()}

    def unit_id(self, ref: str) -> str | None:
        """The id of the unit ``ref`` names, as keyed at load (``None``: a unit kh68 does not know)."""
        # Called for every value a rule looks at: the private attributes' own dict, not pydantic's __getattr__.
        private = self.__pydantic_private__
        return private["_ids"].get(ref) if private is not None else None

    @property
    def keyed(self) -> bool:
        """Whether ``key_units`` has run (a plan keys each file once)."""
        return self._progress is not None

    @property
    def progress(self) -> dict[str, dict[str, Progress]]:
        """Each task's progress by unit id (as written for a file no plan has loaded)."""
        return self._progress if self._progress is not None else self.tasks

    @property
    def received(self) -> dict[str, FormReceipt]:
        """Forms received, by unit id (as written for a file no plan has loaded)."""
        return self._received if self._received is not None else self.forms

    def missing_report_parts(self) -> list[ReportPart]:
        return self.report.missing() if self.report else list(ReportPart)

    def _latest_date(self) -> date | None:
        """The latest date the file holds: of a form received, a figure's source, a progress entry (worked out once,
        a file being read once)."""
        if self._latest is None:
            found = [r.received for r in self.forms.values()]
            for m in self.indicators.values():
                found += [m.source.date] if m.source is not None and m.source.date is not None else []
                found += [e.source.date for e in m.by_unit.values() if e.source is not None and e.source.date]
            found += [p.date for entries in self.tasks.values() for p in entries.values() if p.date is not None]
            self._latest = max(found, default=date.min)
        return self._latest if self._latest != date.min else None

    def sent_by(self, day: date) -> YearData:
        """The file as it stood on ``day``: without what was sent after it. A figure or progress is dated by its
        own date, else a unit's figure by the report that carried it (its measurement's ``source``), else by the
        unit's form received (``forms``), else by the unit's earliest figure dated in the file (one report); one
        dated nowhere is kept (progress never dates a figure: it may be reported apart). ``self`` when nothing is later; the copy says
        how much it left out (``left_out``) and is keyed again by the plan that keeps it."""
        latest = self._latest_date()
        if latest is None or latest <= day:
            return self
        received = {self.unit_id(ref) or ref: r.received for ref, r in self.forms.items()}
        reported: dict[str, date] = {}  # each unit's earliest dated figure: its undated ones came in that report
        for m in self.indicators.values():
            for ref, entry in m.by_unit.items():
                if entry.source is not None and entry.source.date is not None:
                    uid = self.unit_id(ref) or ref
                    reported[uid] = min(entry.source.date, reported.get(uid, entry.source.date))

        def later(ref: str | None, own: date | None, carried: date | None = None) -> bool:
            uid = (self.unit_id(ref) or ref) if ref is not None else None
            when = own or carried or (received.get(uid) or reported.get(uid) if uid is not None else None)
            return when is not None and when > day

        indicators = {ind_id: m.sent_by(later) for ind_id, m in self.indicators.items()}
        tasks = {
            task_id: {ref: p for ref, p in entries.items() if not later(ref, p.date)}
            for task_id, entries in self.tasks.items()
        }
        forms = {ref: r for ref, r in self.forms.items() if r.received <= day}
        units: list[str] = []  # whose each thing left out is (a unit's report says its own)
        for ind_id, m in self.indicators.items():
            kept = indicators[ind_id]
            units += [ref for ref in m.by_unit if kept is None or ref not in kept.by_unit]
            if m.source is not None and (kept is None or kept.source is None):
                units.append(m.source.unit or "")
        units += [ref for task_id, e in self.tasks.items() for ref in e if ref not in tasks[task_id]]
        units += [ref for ref in self.forms if ref not in forms]
        copy = self.model_copy(
            update={
                "indicators": {i: m for i, m in indicators.items() if m is not None},
                "tasks": {task_id: entries for task_id, entries in tasks.items() if entries},
                "forms": forms,
            }
        )
        copy._progress = copy._received = copy._latest = None
        copy._ids = {}
        copy._left_by = {}
        for ref in units:
            uid = self.unit_id(ref) or ref
            copy._left_by[uid] = copy._left_by.get(uid, 0) + 1
        return copy

    @property
    def left_out(self) -> dict[str, int]:
        """Figures, progress and forms ``sent_by`` left out of this copy (sent after the day seen), by unit id (``""``:
        a figure of no unit)."""
        return self._left_by


FILE_MODELS: dict[str, type[Strict]] = {
    "plan": PlanMeta,
    "units": UnitsFile,
    "indicators": IndicatorsFile,
    "tasks": TasksFile,
    "data": YearData,
}
