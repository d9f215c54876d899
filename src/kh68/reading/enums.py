"""The plan's closed vocabularies of its own: how a value is obtained, what a duty asks, what a unit is.

The models validate YAML strings into these enums, so code compares members
(``indicator.basis is Basis.SHARE_OF_UNITS``), never strings. Their Vietnamese
words live in ``kh68.vocab``; the vocabularies kinds share (direction, task
state, verdict) are in ``kh68.kinds.verdict``.
"""

from __future__ import annotations

from enum import Enum, StrEnum


# How an indicator's value is obtained. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class Basis(StrEnum):
    VALUE = "value"
    SHARE_OF_UNITS = "share_of_units"


# What a figure of part of the year is. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class InYear(StrEnum):
    CUMULATIVE = "cumulative"  # counted from the start of the year: cases, money spent, people trained
    LEVEL = "level"  # what there is on the day: poor households, schools meeting a standard, a place in a ranking


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


class UnitForm(Enum):
    """The form a unit's entry of a measurement is written in: a figure, a fraction or met/not met."""

    VALUE = "value"
    FRACTION = "numerator/denominator"
    MET = "met"
