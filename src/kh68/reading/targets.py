"""Meaning of a target, a timing or a task state as written in the plan.

The plan's own words are kept for reports; this module reads what they mean.
The plan's closed vocabularies (direction, basis, duty kind, task state) are
enums here; the models validate YAML strings into them, so code compares
members (``indicator.basis is Basis.SHARE_OF_UNITS``), never strings.  Their
Vietnamese words live in ``kh68.vocab``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from kh68.core.safetext import excerpt
from kh68.kinds.phrases import fold
from kh68.reading.ruledoc import TIMING_UNPARSABLE, RuleValueError


class TimingUnparsable(RuleValueError):
    rule = TIMING_UNPARSABLE


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
