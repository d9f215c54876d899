"""A figure as a source gives it: one indicator's value for a year or period, the province's or a unit's.

Every source of figures (an Excel form, a CSV file) yields ``Figure`` values; the
import turns each into edits of the plan's data files (``kh68.entry.importing``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kh68.kinds.periods import Period
from kh68.kinds.verdict import TaskState


@dataclass(frozen=True)
class Places:
    """Where a figure's parts were read in its file, as a message names them after the file's name: a form's sheet
    and cells (``Số liệu › H7:I7``), a CSV's line (``dòng 5``)."""

    value: str  # its value (or numerator and denominator, met)
    state: str  # its state (a qualitative target)
    source: str  # its source document and the document's date

    @classmethod
    def same(cls, place: str) -> Places:
        """Every part at one place (a CSV's line)."""
        return cls(place, place, place)


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
    at: Places | None = field(default=None, compare=False)  # where it was read (None: not from a file)
