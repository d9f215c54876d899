"""less_than: ``dưới 5``, ``< 5``, ``ít hơn 5``, ``thấp hơn 2%``, ``khoảng dưới 5``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style
from kh68.kinds.verdict import Status

from .judging import L, judge, read


@pytest.mark.parametrize(
    ("text", "bound"), [("dưới 5", 5), ("< 5", 5), ("ít hơn 5", 5), ("thấp hơn 2%", 2), ("nhỏ hơn 2", 2)]
)
def test_phrasings(text: str, bound: float) -> None:
    target = read(text)
    assert (target.kind, target.bound, target.implied_direction) == ("less_than", bound, L)


@pytest.mark.parametrize(
    ("value", "status"), [(5.01, Status.NOT_MET), (5, Status.NOT_MET), (4.99, Status.MET), (1, Status.MET)]
)
def test_the_bound_itself_is_not_met(value: float, status: Status) -> None:
    assert judge("dưới 5", value, L) is status


@pytest.mark.parametrize(
    ("value", "status"), [(5.26, Status.NOT_MET), (5.25, Status.MET), (5, Status.MET), (4.99, Status.EXCEEDED)]
)
def test_about_less_than_moves_the_bound_by_the_tolerance(value: float, status: Status) -> None:
    assert judge("khoảng dưới 5", value, L, tolerance=0.05) is status


def test_words() -> None:
    target = read("dưới 5")
    assert [target.words(style, Measure("%"), L) for style in Style] == ["< 5%", "dưới 5%", "dưới 5%"]
