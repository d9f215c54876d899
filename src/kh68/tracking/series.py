"""Breaks in a series: dates across which figures are not comparable. Pure functions, no I/O.

A plan declares them for every indicator (``breaks:`` in plan.yaml, e.g. the
province merger of 01/07/2025) or for one (``breaks:`` of an indicator, e.g. a
changed definition). A break at a date starts a new series with the first year
whose figures are reported on or after it (the year's reporting day, e.g. 15/12):
01/07/2025 → 2025. Growth, progress and projections use only the comparable
part of a series, and say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from kh68.core.vnformat import format_date
from kh68.domain.derived import dated_breaks
from kh68.reading.models import Indicator, SeriesBreak
from kh68.reading.plan import Plan
from kh68.vocab import BREAK_KIND_LABELS

V = TypeVar("V")


@dataclass(frozen=True)
class Break:
    """A declared break and the first year of the series it starts."""

    declared: SeriesBreak
    first_year: int

    @property
    def text(self) -> str:
        """``không so sánh được do thay đổi địa giới từ 01/07/2025``."""
        return f"không so sánh được do thay đổi {BREAK_KIND_LABELS[self.declared.kind]} từ {format_date(self.declared.date)}"


def breaks_of(plan: Plan, indicator: Indicator) -> list[Break]:
    """The plan's breaks and the indicator's own, by date."""
    return [Break(b, first_year) for b, first_year in dated_breaks(plan, indicator)]


def break_before(plan: Plan, indicator: Indicator, year: int) -> Break | None:
    """The latest break whose new series has begun by ``year`` (and after the earliest data year)."""
    started = [b for b in breaks_of(plan, indicator) if b.first_year <= year]
    return started[-1] if started else None


def comparable_since(plan: Plan, indicator: Indicator, year: int) -> int | None:
    """The first year comparable with ``year`` (``None``: the whole series is)."""
    found = break_before(plan, indicator, year)
    return found.first_year if found else None


def crossed(plan: Plan, indicator: Indicator, earlier: int, later: int) -> Break | None:
    """The break between two years, if their figures are not comparable."""
    between = [b for b in breaks_of(plan, indicator) if earlier < b.first_year <= later]
    return between[-1] if between else None


def comparable_part(series: Mapping[int, V], since: int | None) -> dict[int, V]:
    """The years of ``series`` from ``since`` on (all of them without a break)."""
    return {y: v for y, v in series.items() if since is None or y >= since}
