"""What every kind of target is and answers; the requirement a numeric target comes down to.

A kind is a class deriving from :class:`Target` (or :class:`Bounded`), a frozen
dataclass; a kind that adds fields is itself ``@dataclass(frozen=True, kw_only=True)``,
one that adds none is not decorated (it inherits the generated methods, and each
decoration costs a millisecond of every start). It reads the plan's
words (``parse``) or a structured form (``from_fields``), says itself in words
(``words``), and, when it is numeric, gives the :class:`Requirement` a value
must meet in a year — from its own numbers, or from the figures of other years
it is set against (``History``). Judging and the gap are the requirement's,
written once here for every kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, ClassVar, Protocol, Self

from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number, parse_exact, rounded, with_unit
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import UnreadablePhrase
from kh68.kinds.verdict import Direction, Status

EPSILON = 1e-9


class TargetUnparsable(UnreadablePhrase):
    rule_id = "target-unparsable"


class Style(StrEnum):
    """Where a target is said."""

    SHORT = "short"  # a table cell: "95%", "30-35%", "≥ 30%", "≤ 5 trường"
    REPORT = "report"  # a report's prose and annex: "95%", "từ 30% đến 35%", "trên 60%", "không quá 5 trường"
    MEANING = "meaning"  # what it asks for: "từ 95% trở lên", "trong khoảng 30–35%"


class Aggregate(StrEnum):
    """Which value a requirement is judged on."""

    YEAR = "year"  # the year's own value
    MEAN = "mean"  # the mean of the yearly values over the target's span, so far
    SUM = "sum"  # the sum of the yearly values over the target's span, so far


class FieldType(StrEnum):
    """The type of a key of a target's structured form (``{at_least: 500}``)."""

    NUMBER = "number"  # a number as a plan writes it: 500, "7.080", "99,5"
    PAIR = "pair"  # two numbers: [90, 95]
    YEAR = "year"
    FLAG = "flag"  # true / false


class Feed(StrEnum):
    """What a unit types for an indicator with this target."""

    VALUE = "value"
    STATE = "state"
    NOTHING = "nothing"


class History(Protocol):
    """The year being judged, and the figures a target may be set against: other years' values."""

    @property
    def year(self) -> int: ...

    def value_in(self, year: int) -> float | None: ...


@dataclass(frozen=True)
class Requirement:
    """What a value must do: reach ``goal`` (strictly beyond it when ``strict``); beyond ``far`` it exceeds.

    Bounds are on the scale of the value; ``direction`` says which way is better.
    A value short of the goal is not met; between goal and ``far`` (or exactly on
    a goal that is not strict, without a ``far``) it is met; beyond it exceeds.
    A strict goal ("trên 70%") without a ``far`` is met by any value beyond it: the
    words set no level that a value could exceed (70,01% is "Đạt", never "Vượt").
    ``written``: the bound as the plan writes it, where the goal is moved from it
    by a tolerance ("khoảng 50%": met from 47,5%): a value short of the goal is
    said short of what is written (38,5% is 11,5 points below "khoảng 50%").
    """

    goal: float
    strict: bool = False
    far: float | None = None
    aggregate: Aggregate = Aggregate.YEAR
    span: tuple[int, int] | None = None
    written: float | None = None

    def judge(self, value: float, direction: Direction) -> Status:
        d = direction.sign
        short = d * (value - self.goal)
        if short < -EPSILON or (self.strict and abs(short) <= EPSILON):
            return Status.NOT_MET
        if self.strict and self.far is None:
            return Status.MET
        beyond = d * (value - (self.far if self.far is not None else self.goal))
        return Status.EXCEEDED if beyond > EPSILON else Status.MET

    def gap(self, value: float, direction: Direction, places: int = 6) -> float:
        """Signed distance to what is met, positive = better: 0 inside a range, beyond ``far`` when exceeded; short
        of what the plan writes (``written``) when not met."""
        d = direction.sign
        status = self.judge(value, direction)
        if status is Status.NOT_MET and self.written is not None:
            return rounded(d * (value - self.written), places)
        if status is Status.EXCEEDED and self.far is not None:
            return rounded(d * (value - self.far), places)
        if status is Status.MET and self.far is not None:
            return 0.0
        return rounded(d * (value - self.goal), places)

    def rounded(self, places: int) -> Requirement:
        far = None if self.far is None else rounded(self.far, places)
        written = None if self.written is None else rounded(self.written, places)
        return replace(self, goal=rounded(self.goal, places), far=far, written=written)

    def between(self, other: Requirement, share: float, places: int) -> Requirement:
        """The milestone ``share`` of the way from this requirement to ``other`` (bounds rounded to ``places``)."""
        goal = rounded(self.goal + (other.goal - self.goal) * share, places)
        far = None
        if self.far is not None and other.far is not None:
            far = rounded(self.far + (other.far - self.far) * share, places)
        return Requirement(goal, self.strict and other.strict, far)


@dataclass(frozen=True, kw_only=True)
class Target:
    """A target as the plan writes it (``text``) and what it means.

    Subclasses declare ``kind`` (its name in JSON and the structured form),
    ``example`` (how plans write it), ``meaning`` (when it is met, for the
    README and messages) and ``fields`` (the keys of its structured form).
    """

    kind: ClassVar[str]
    example: ClassVar[str]
    phrasings: ClassVar[tuple[str, ...]] = ()  # how plans write it (the README's table of target forms)
    meaning: ClassVar[str]
    fields: ClassVar[dict[str, FieldType]] = {}  # the keys of its structured form, the first one naming the kind
    feed: ClassVar[Feed] = Feed.VALUE
    numeric: ClassVar[bool] = True
    history_free: ClassVar[bool] = True  # its requirement needs no other year's figure (milestones interpolate)
    nestable: ClassVar[bool] = False  # may follow "trung bình mỗi năm", "tổng giai đoạn …" (a plain bound)

    text: str
    unit: str | None = None  # the unit written after the number, if any
    year: int | None = None  # "đến năm 2030" written in the words themselves
    decimals: int = 0  # the most decimals any of its numbers is written with
    display: str | None = None  # a structured target's own words, which a report quotes ("đạt 100% dân số")

    # ------------------------------------------------------------ reading

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        """The target ``phrase`` (folded ``text``) means, if it is of this kind."""
        return None

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        """The target of a structured form whose keys include this kind's (validated numbers)."""
        raise TargetUnparsable(f"dạng cấu trúc {cls.kind!r} không dùng được")

    # ----------------------------------------------------------- meaning

    @property
    def implied_direction(self) -> Direction | None:
        """The direction the words themselves say ("không quá": lower is better); ``None`` if they do not."""
        return None

    @property
    def span(self) -> tuple[int, int] | None:
        """The years the target governs beyond its own (a total or an average over a period)."""
        return None

    @property
    def base_year(self) -> int | None:
        """The year whose figure the target is set against, if any."""
        return None

    def figures(self) -> dict[str, Any]:
        """Its numbers that are no bound of a value (a change and whether it is a share; how years add up), for
        JSON: every number the words say is in the export, with ``bounds``, ``span`` and ``base_year``."""
        return {}

    def requirement(self, direction: Direction, history: History) -> Requirement | None:
        """What a value must do; ``None`` for a target judged by state, or one whose base is unknown."""
        return None

    def doubt(self) -> str | None:
        """Why these words may not say what the plan meant ("Hoàn thanh" read as a milestone), if they may not."""
        return None

    def ambiguity(self, measure: Measure) -> str | None:
        """Why these words read two ways for an indicator in ``measure`` ("giảm 10%" of a rate), if they do."""
        return None

    def always_met(self, measure: Measure, direction: Direction) -> bool:
        """Whether every value a unit could send meets it, its words leaving the side to ``direction`` ("0 vụ" of
        an indicator the higher the better: "≥ 0")."""
        return False

    def share_requirement(self) -> Requirement | None:
        """What this target asks of a share of units meeting a standard (``Hoàn thành``: all of them)."""
        return None

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        """The target in words for ``style``."""
        return self.text

    def bounds(self, direction: Direction | None = None) -> tuple[float | None, float | None]:
        """Its numbers as the lowest and highest a value may take to be met, where it has them (for JSON);
        ``direction``: the indicator's better side, which a bare number leaves to it."""
        return None, None

    def as_written(self, measure: Measure) -> str | None:
        """The plan's own words, as a report quotes them ("ít nhất 90%", "giảm tối thiểu 15% so với năm 2025"), with
        the indicator's unit after a bound that ends them bare ("không quá 5" → "không quá 5 cuộc", "08" → "08
        thôn"); ``None`` where they hold a symbol ("≥ 90%"), a number not written as a Vietnamese document writes it
        ("99.5%"), or no unit where none can follow the bound ("tăng 2 so với năm 2025" of a rate, read as 2 points):
        a report then says the target in its kind's words."""
        text = _RANGE_DASH.sub(_joined, " ".join(self.text.split())).rstrip(" .;")
        numbers = _NUMBER_TOKEN.findall(text)
        if not text or _SYMBOL.search(text) or not all(_VIETNAMESE_NUMBER.fullmatch(n) for n in numbers):
            return None
        if len(text) > 1 and text[1].islower():  # "Đạt 95%" inside a sentence or a cell: "đạt 95%"
            text = text[0].lower() + text[1:]
        if not measure.unit or self._unit_written(text, measure) or measure.is_rank:  # "top 03", never "top 03 hạng"
            return text
        last = _ENDING_NUMBER.search(text)
        amounts = {b for b in (*self.bounds(), getattr(self, "value", None)) if isinstance(b, float)}
        return with_unit(text, measure.unit) if last is not None and _value(last[0]) in amounts else None

    def _unit_written(self, text: str, measure: Measure) -> bool:
        """Whether the words carry a unit of their own: after a number, a "%", "điểm phần trăm", or the indicator's."""
        said = re.sub(r"\([^()]*\)", "", " ".join(text.lower().split()))  # a remark in brackets is no unit
        unit = re.escape(" ".join(measure.unit.lower().split()))
        return (
            self.unit is not None
            or "%" in said
            or "điểm phần trăm" in said
            or re.search(rf"[0-9]\s*{unit}(?!\w)", said) is not None  # "ha" after a number, not in "thay"
        )

    def with_defaults(self, **defaults: Any) -> Target:
        """This target with what the words leave to the plan filled in.

        ``year``: the year the target is written for; ``start``, ``end``: the plan's
        period; ``tolerance``: the share of a target "khoảng" allows either side.
        """
        return self


# ------------------------------------------------------- shared by the kinds

_NUMBER_TOKEN = re.compile(r"\d[\d.,]*\d|\d")
_ENDING_NUMBER = re.compile(r"\d[\d.,]*\d$|\d$")
_VIETNAMESE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_SYMBOL = re.compile(r"[≥≤<>=]")
_RANGE_DASH = re.compile(r"(\d+)\s*([-–])\s*(\d+)")


def _joined(numbers: re.Match[str]) -> str:
    """ "10 - 13%" as a range of amounts is written, "10-13%"; years ("giai đoạn 2026 - 2030") as the plan writes them."""
    low, dash, high = numbers.groups()
    return numbers[0] if len(low) == len(high) == 4 else f"{low}{dash}{high}"


def _value(written: str) -> float:
    """A number written as a Vietnamese document writes it (``1.500``, ``99,5``), read as every number is."""
    return float(parse_exact(written))


def two_readings(
    text: str,
    amount: float,
    decimals: int,
    against: str,
    *,
    per_year: bool = False,
    qualifier: str = "",
    second: str | None = None,
    far: float | None = None,
) -> str:
    """The message for "tăng/giảm X%" of a rate: X points, or X% of the rate itself; how to write each.
    ``qualifier`` ("không quá ", "trên ") is kept in both readings; ``second``: how to write the second reading,
    for a change the structured form cannot say (it has no qualifier, nor a range: ``far``, the range's far edge)."""
    from kh68.core.safetext import excerpt
    from kh68.core.vnformat import format_number

    size = format_number(abs(amount), max(decimals, 2))
    if far is not None:
        size = f"{size}-{format_number(abs(far), max(decimals, 2))}"
    verb = "giảm" if amount < 0 else "tăng"
    key = "yearly_change" if per_year else "change"
    if per_year:
        points, share = f"{verb} bình quân {size} điểm phần trăm/năm", f"{verb} bình quân {size}% giá trị mỗi năm"
    else:
        points = f"{verb} {qualifier}{size} điểm phần trăm {against}"
        share = f"{verb} {qualifier}{size}% của giá trị {against}"
    said = f"chỉ tiêu {excerpt(text)} của một tỷ lệ (%) đọc được hai cách: {points}, hoặc {share}; "
    if second is not None:
        return f"{said}viết rõ '{points}' cho cách đọc thứ nhất; cách đọc thứ hai: {second}"
    signed = f"{'-' if amount < 0 else ''}{size.replace(',', '.')}"
    return f"{said}viết rõ '{points}', hoặc dạng cấu trúc {{{key}: {signed}, relative: true}} cho cách đọc thứ hai"


def requirement_words(requirement: Requirement, measure: Measure, decimals: int) -> str:
    """A requirement said short, as a milestone between two targets is shown: ``32,5%``, ``32-37%``, ``> 60%``."""
    from kh68.core.vnformat import format_number, with_unit

    places = max(decimals, 2)
    if requirement.far is not None:
        low, high = sorted((requirement.goal, requirement.far))
        return with_unit(f"{format_number(low, places)}-{format_number(high, places)}", measure.unit)
    shown = with_unit(format_number(requirement.goal, places), measure.unit)
    return f"> {shown}" if requirement.strict else shown


def say(value: float, measure: Measure, decimals: int) -> str:
    """A bound in its unit, at no fewer than two decimals (``99,5%``, ``7.080 tỷ đồng``)."""
    return measure.amount(value, max(decimals, 2))


@dataclass(frozen=True, kw_only=True)
class Bounded(Target):
    """A target of one number: the bound a year's value is judged against (``ít nhất 30%``, ``trên 60``).

    ``qualified`` is whether the words say which side is good ("ít nhất",
    "không quá", a sign); a bare number leaves it to the indicator's direction.
    ``approximate`` ("khoảng trên 500") moves the bound by the plan's tolerance.
    """

    bound: float
    qualified: bool = True
    approximate: bool = False
    tolerance: float | None = None  # a share of the bound (0,05), filled in from the plan when approximate
    place: bool = False  # "top 03": a place in a ranking, of an indicator in one (``hạng``, ``bậc``) alone
    strict: ClassVar[bool] = False
    side: ClassVar[Direction | None] = None  # the better side the qualifier says
    nestable: ClassVar[bool] = True

    @property
    def implied_direction(self) -> Direction | None:
        return self.side if self.qualified else None

    def requirement(self, direction: Direction, history: History) -> Requirement | None:
        if not self.approximate:
            return Requirement(self.bound, self.strict)
        slack = abs(self.bound) * (self.tolerance or 0.0)  # "khoảng trên 500": met from 475, beyond 500 exceeded
        return Requirement(self.bound - direction.sign * slack, far=self.bound, written=self.bound)

    def with_defaults(self, *, tolerance: float | None = None, **_: Any) -> Target:
        if self.approximate and self.tolerance is None and tolerance is not None:
            return replace(self, tolerance=tolerance)
        return self

    def ambiguity(self, measure: Measure) -> str | None:
        if self.place and not measure.is_rank:
            return (
                f"chỉ tiêu {excerpt(self.text)} nói một thứ hạng (đứng trong {format_number(self.bound, 0)} vị trí đầu), "
                f"mà chỉ tiêu tính bằng {measure.unit or '(không có đơn vị)'}: ghi unit của chỉ tiêu là thứ hạng (hạng, "
                "bậc), hoặc ghi mức của chỉ tiêu bằng số"
            )
        return None

    def always_met(self, measure: Measure, direction: Direction) -> bool:
        if self.qualified or self.approximate or not (measure.adds_up or measure.is_percent):
            return False  # a count, an amount or a rate: never below 0, a rate never above 100
        return self.bound <= 0 if direction is Direction.HIGHER else measure.is_percent and self.bound >= 100

    def figures(self) -> dict[str, Any]:
        """``trên 60``: its bound is no value that meets it."""
        return {"exclusive": True} if self.strict else {}

    def bounds(self, direction: Direction | None = None) -> tuple[float | None, float | None]:
        """``ít nhất 5``: from 5; ``không quá 5``: up to 5; a bare ``5``: on the indicator's better side."""
        side = self.side if self.qualified or direction is None else direction
        return (None, self.bound) if side is Direction.LOWER else (self.bound, None)
