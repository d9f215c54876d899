"""completion: ``Hoàn thành``: judged by a reported state; for a share of units, 100%."""

from __future__ import annotations

import unicodedata

import pytest

from kh68.kinds.targets import Feed, Requirement

from .judging import read


@pytest.mark.parametrize(
    "text", ["Hoàn thành", "hoàn  thành", "HOÀN THÀNH", "Hoàn thành 100%", unicodedata.normalize("NFD", "Hoàn thành")]
)
def test_phrasings(text: str) -> None:
    target = read(text)
    assert (target.kind, target.feed, target.numeric) == ("completion", Feed.STATE, False)


def test_a_share_of_units_is_complete_at_100() -> None:
    assert read("Hoàn thành").share_requirement() == Requirement(100.0)


@pytest.mark.parametrize("text", ["Hoàn thanh", "hoan thanh"])
def test_a_near_miss_is_a_milestone_with_a_doubt(text: str) -> None:
    target = read(text)
    assert target.kind == "milestone"
    assert target.doubt() == f"'{text}' được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'"
