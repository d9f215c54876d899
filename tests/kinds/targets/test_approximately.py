"""approximately: ``khoảng 500``, ``xấp xỉ 500 ha``, ``gần 500``: met within the tolerance either side."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style, TargetUnparsable, from_fields
from kh68.kinds.verdict import Status

from .judging import H, History, L, judge, read, requirement


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("khoảng 500", 500, None), ("xấp xỉ 500 ha", 500, "ha"), ("gần 500", 500, None), ("~500", 500, None)],
)
def test_phrasings(text: str, value: float, unit: str | None) -> None:
    target = read(text)
    assert (target.kind, target.value, target.unit) == ("approximately", value, unit)


@pytest.mark.parametrize(
    ("value", "status"), [(474.99, Status.NOT_MET), (475, Status.MET), (525, Status.MET), (525.01, Status.EXCEEDED)]
)
def test_within_the_plans_tolerance_either_side(value: float, status: Status) -> None:
    # the plan's default: 5% of 500 either side, 475–525
    assert judge("khoảng 500", value, tolerance=0.05) is status


@pytest.mark.parametrize(("value", "status"), [(525.01, Status.NOT_MET), (500, Status.MET), (474.99, Status.EXCEEDED)])
def test_lower_is_better_turns_the_sides(value: float, status: Status) -> None:
    assert judge("khoảng 500", value, L, tolerance=0.05) is status


def test_a_structured_tolerance_is_an_amount_in_the_unit() -> None:
    target = from_fields({"approximately": 500.0, "tolerance": 10.0}, "khoảng 500 ha").with_defaults(tolerance=0.05)
    requirement = target.requirement(H, History())
    assert requirement is not None
    assert (requirement.goal, requirement.far) == (490, 510)


def test_a_negative_tolerance_is_refused_never_turned_positive() -> None:
    with pytest.raises(TargetUnparsable) as info:
        from_fields({"approximately": 4.0, "tolerance": -1.0}, "x")
    assert str(info.value) == "dung sai (tolerance) -1 âm: ghi số ≥ 0"


def test_words() -> None:
    target = read("khoảng 500", tolerance=0.05)
    assert [target.words(style, Measure("ha"), H) for style in Style] == [
        "~500 ha",
        "khoảng 500 ha",
        "khoảng 500 ha (±25)",
    ]


def test_a_value_short_of_about_a_level_is_said_short_of_the_level_written() -> None:
    """An official's reading: 38,5% against "khoảng 50%" was "còn thấp hơn 9 điểm phần trăm" (from 47,5%, the edge of
    the tolerance); the signer subtracts 50 − 38,5. Met from 47,5 all the same."""
    found = requirement("khoảng 50%", tolerance=0.05)
    assert (found.gap(38.5, H), found.judge(47.5, H), found.gap(47.5, H)) == (-11.5, Status.MET, 0.0)
