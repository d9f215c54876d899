"""A CSV file of figures, one row a figure (``kh68.entry.forms.csv_import``)."""

from __future__ import annotations

from pathlib import Path

from kh68.entry.forms.csv_import import read_csv
from kh68.entry.forms.dating import Arrival
from kh68.entry.sources.base import Intake, figure_edits, periods_said
from kh68.kinds.periods import Period
from kh68.reading.plan import Plan


class CsvFile:
    suffixes: tuple[str, ...] = (".csv",)

    def read(self, path: Path, plan: Plan, arrival: Arrival) -> Intake:
        figures = read_csv(path, plan, arrival)
        said = periods_said({f.period or Period.of_year(f.year) for f in figures})
        return Intake(figures, [e for f in figures for e in figure_edits(f)], f"{len(figures)} số liệu {said}")
