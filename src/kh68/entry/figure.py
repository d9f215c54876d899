"""A figure as a source gives it: one indicator's value for a year or period, the province's or a unit's.

Every source of figures (an Excel form, a CSV file) yields ``Figure`` values; the
import turns each into edits of the plan's data files (``kh68.entry.importing``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kh68.kinds.periods import Period
from kh68.kinds.verdict import TaskState


@dataclass(frozen=True)
class Figure:
    """One indicator row as filled: the province figure, or the unit's own."""

    indicator_id: str
    year: int
    unit_id: str | None  # None: province-wide (the unit leads the indicator)
    reporter: str | None = None  # who sent the figure
    value: str | None = None  # exact decimal text
    numerator: int | None = None
    denominator: int | None = None
    met: bool | None = None
    state: TaskState | None = None
    document: str | None = None
    document_date: date | None = None
    note: str | None = None
    period: Period | None = None  # a month, quarter or half-year of ``year`` (its own data file); None: the year
