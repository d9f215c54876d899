"""Shared by the tests of each kind of target: read words, judge a value as the engine does."""

from __future__ import annotations

from dataclasses import dataclass

from kh68.kinds.targets import Requirement, Target, parse_target
from kh68.kinds.verdict import Direction, Status

H, L = Direction.HIGHER, Direction.LOWER


@dataclass(frozen=True)
class History:
    """The year judged and other years' figures, as a target set against them reads them."""

    year: int = 2026
    values: tuple[tuple[int, float], ...] = ()

    def value_in(self, year: int) -> float | None:
        return dict(self.values).get(year)


def read(text: str, **defaults: object) -> Target:
    """``text`` read by the kinds, with the plan's defaults a target may need (year, period, tolerance)."""
    return parse_target(text).with_defaults(**defaults)


def requirement(text: str, direction: Direction = H, history: History | None = None, **defaults: object) -> Requirement:
    found = read(text, **defaults).requirement(direction, history or History())
    assert found is not None, text
    return found


def judge(text: str, value: float, direction: Direction = H, **defaults: object) -> Status:
    return requirement(text, direction, **defaults).judge(value, direction)
