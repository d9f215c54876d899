"""Meaning of a target, a timing or a task state as written in the plan.

The plan's own words are kept for reports; this module reads what they mean.
The plan's closed vocabularies (direction, basis, duty kind, task state) are
enums here; the models validate YAML strings into them, so code compares
members (``indicator.basis is Basis.SHARE_OF_UNITS``), never strings.  Their
Vietnamese words live in ``kh68.vocab``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from kh68.core.safetext import excerpt
from kh68.core.vnformat import parse_decimal, parse_exact
from kh68.reading.ruledoc import TARGET_UNPARSABLE, TIMING_UNPARSABLE, RuleValueError


class TargetUnparsable(RuleValueError):
    rule = TARGET_UNPARSABLE


class TimingUnparsable(RuleValueError):
    rule = TIMING_UNPARSABLE


# Which way is better for an indicator. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"

    @property
    def sign(self) -> int:
        """+1 when higher is better, -1 when lower is better."""
        return 1 if self is Direction.HIGHER else -1


# How an indicator's value is obtained. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class Basis(StrEnum):
    VALUE = "value"
    SHARE_OF_UNITS = "share_of_units"


# What a duty of section IV asks for. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class DutyKind(StrEnum):
    UNIT_REPORT = "unit_report"
    PLAN_REPORT = "plan_report"
    FUNDING = "funding"
    REQUEST = "request"  # a request to an organisation outside the department's authority: never owed


class UnitKind(StrEnum):
    """What a unit is; the words are in ``kh68.vocab.UNIT_KIND_LABELS``."""

    AUTHORITY = "authority"
    AGENCY = "agency"
    DIVISION = "division"
    DISTRICT_OFFICE = "district_office"
    COMMUNE = "commune"
    SCHOOL = "school"
    ORGANISATION = "organisation"
    OTHER = "other"

    @property
    def reports_figures(self) -> bool:
        """Whether a unit of this kind can be expected to report an indicator's figures."""
        return self not in (UnitKind.AUTHORITY, UnitKind.ORGANISATION)


class BreakKind(StrEnum):
    """Why a series breaks: a changed territory or a changed definition."""

    TERRITORY = "territory"
    DEFINITION = "definition"


class TargetKind(StrEnum):
    AT_LEAST = "at_least"
    RANGE = "range"
    GREATER_THAN = "greater_than"
    COMPLETION = "completion"
    MILESTONE = "milestone"
    NONE = "none"

    @property
    def numeric(self) -> bool:
        return self in (TargetKind.AT_LEAST, TargetKind.RANGE, TargetKind.GREATER_THAN)


@dataclass(frozen=True)
class TargetSpec:
    """What a target asks for. For lower-is-better indicators ``at_least`` reads "at most"."""

    kind: TargetKind
    min: float | None = None
    max: float | None = None

    def goal(self, direction: Direction) -> float | None:
        """The bound a value must reach: a range's upper bound when lower is better, else ``min``."""
        if self.kind is TargetKind.RANGE and direction is Direction.LOWER:
            return self.max
        return self.min


_NUMBER = r"[0-9]+(?:[.,][0-9]+)*"  # what may be a number; kh68.core.vnformat says whether it is one
_RANGE = re.compile(rf"^({_NUMBER})\s*%?\s*[-–—]\s*({_NUMBER})\s*%?$")
_GREATER = re.compile(rf"^>\s*({_NUMBER})\s*%?$")
_AT_LEAST = re.compile(rf"^(?:≥|>=)?\s*({_NUMBER})\s*%?$")
_NONE = {"", "-", "–", "—"}
_NUMBERS = re.compile(_NUMBER)


def _decimals(token: str) -> int:
    try:
        exponent = parse_exact(token).as_tuple().exponent
    except ValueError:
        return 0
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def written_decimals(text: str) -> int:
    """The most decimals any number in ``text`` is written with: ``99,96`` → 2, ``1.234.567`` → 0, ``30-35`` → 0."""
    return max((_decimals(m) for m in _NUMBERS.findall(text)), default=0)


def _number(token: str) -> float:
    """A number of a target, read by the one reader; what it refuses (``7.080``: two readings) is a target error."""
    try:
        return parse_decimal(token)
    except ValueError as exc:
        raise TargetUnparsable(str(exc)) from None


def fold(text: str) -> str:
    """Lower-case NFC text with single spaces and one kind of dash, for matching."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"\s*[-–—]\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_target(text: str) -> TargetSpec:
    """Read a target cell: ``99,5``, ``30-35``, ``> 60``, ``Hoàn thành``, ``-``, prose."""
    cell = text.strip()
    if cell in _NONE:
        return TargetSpec(TargetKind.NONE)
    if fold(cell) == "hoàn thành":
        return TargetSpec(TargetKind.COMPLETION)
    if match := _RANGE.match(cell):
        low, high = _number(match[1]), _number(match[2])
        if low > high:
            raise TargetUnparsable(f"khoảng chỉ tiêu {excerpt(text)} có cận dưới lớn hơn cận trên")
        return TargetSpec(TargetKind.RANGE, low, high)
    if match := _GREATER.match(cell):
        return TargetSpec(TargetKind.GREATER_THAN, _number(match[1]))
    if match := _AT_LEAST.match(cell):
        return TargetSpec(TargetKind.AT_LEAST, _number(match[1]))
    if re.search(r"\d", cell) or cell[:1] in "<>≥≤=":
        raise TargetUnparsable(
            f"không đọc được chỉ tiêu {excerpt(text)}: dùng dạng 99,5 | 30-35 | > 60 | Hoàn thành | - "
            "hoặc một mốc định tính không có chữ số"
        )
    return TargetSpec(TargetKind.MILESTONE)


def looks_like_completion(text: str) -> bool:
    """A near miss of "Hoàn thành" (a typo or lost diacritics), not the word itself."""
    folded = fold(text)
    if folded == "hoàn thành":
        return False
    matcher = difflib.SequenceMatcher(None, folded, "hoàn thành")
    # The quick upper bounds first: a long text (10 MB of prose) is no near miss, and ratio() on it takes minutes.
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


class TimingKind(StrEnum):
    ONGOING = "ongoing"
    FROM_YEAR = "from_year"
    BY_YEAR = "by_year"
    AT_REVIEW = "at_review"


_TIMINGS = [
    (re.compile(r"^thường xuyên\.?$"), TimingKind.ONGOING),
    (re.compile(r"^đến năm (\d{4}) và các năm tiếp theo\.?$"), TimingKind.BY_YEAR),
    (re.compile(r"^(?:từ )?năm (\d{4}) và các năm tiếp theo\.?$"), TimingKind.FROM_YEAR),
    (re.compile(r"^khi tiến hành sơ kết, tổng kết"), TimingKind.AT_REVIEW),
]


@dataclass(frozen=True)
class TimingSpec:
    kind: TimingKind
    year: int | None = None

    def active_in(self, year: int) -> bool:
        """Whether the task is expected to be under way in ``year``."""
        if self.kind is TimingKind.FROM_YEAR and self.year is not None:
            return year >= self.year
        return True


def parse_timing(text: str) -> TimingSpec:
    folded = fold(text)
    for pattern, kind in _TIMINGS:
        if match := pattern.match(folded):
            year = int(match[1]) if match.groups() else None
            return TimingSpec(kind, year)
    raise TimingUnparsable(
        f"không hiểu thời gian thực hiện {excerpt(text)}: dùng 'Thường xuyên', 'Năm 2024 và các năm tiếp theo', "
        "'Đến năm 2025 và các năm tiếp theo' hoặc 'Khi tiến hành sơ kết, tổng kết Nghị quyết'"
    )


class TaskState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ONGOING = "ongoing"
