"""What a source of figures is: a kind of file ``kh68 import`` reads, yielding figures with positioned problems.

A source reads one file against the plan and gives an ``Intake``: the figures it holds (``Figure``), what the
file says as edits of the plan's data files, and a summary; a file it refuses raises ``FormRefused`` with each
problem where it was found (a form's cell, a CSV's row and column).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kh68.entry.edits import Edit, SourceEdit, StateEdit, ValueEdit
from kh68.entry.figure import Figure
from kh68.entry.forms.dating import Arrival
from kh68.kinds.periods import Period
from kh68.reading.plan import Plan


@dataclass
class Intake:
    """What one file says."""

    figures: list[Figure]
    edits: list[Edit]
    summary: str
    unit_period: tuple[str, Period] | None = None  # a form's unit and the period it reports (one form each)


class Source(Protocol):
    """A kind of file figures come in: the suffixes it is known by, and how to read one."""

    suffixes: tuple[str, ...]

    def read(self, path: Path, plan: Plan, arrival: Arrival) -> Intake: ...


def figure_edits(figure: Figure) -> list[Edit]:
    """A figure as edits of its period's data file: its value, its state, where it comes from."""
    edits: list[Edit] = []
    at = figure.at
    if figure.value is not None or figure.numerator is not None or figure.met is not None or figure.note:
        edits.append(
            ValueEdit(
                indicator=figure.indicator_id,
                year=figure.year,
                value=figure.value,
                numerator=None if figure.numerator is None else str(figure.numerator),
                denominator=None if figure.denominator is None else str(figure.denominator),
                met=figure.met,
                unit=figure.unit_id,
                note=figure.note,
                period=figure.period,
                origin=at.value if at else None,
            )
        )
    if figure.state is not None:
        edits.append(
            StateEdit(
                figure.indicator_id, figure.year, figure.state, period=figure.period, origin=at.state if at else None
            )
        )
    if figure.document or figure.document_date or (figure.unit_id is None and figure.reporter):
        edits.append(
            SourceEdit(
                indicator=figure.indicator_id,
                year=figure.year,
                unit=figure.unit_id,
                document=figure.document,
                on=figure.document_date,
                reporter=figure.reporter if figure.unit_id is None else None,
                period=figure.period,
                origin=at.source if at else None,
            )
        )
    return edits


def periods_said(periods: set[Period]) -> str:
    """``năm 2024, 2025``; ``năm 2025, tháng 10/2026, tháng 11/2026``: the periods of a file's figures."""
    years = sorted(p.year for p in periods if p.is_year)
    others = sorted((p for p in periods if not p.is_year), key=lambda p: (p.first_day, -p.rhythm.months))
    return ", ".join(([f"năm {', '.join(map(str, years))}"] if years else []) + [p.label for p in others])
