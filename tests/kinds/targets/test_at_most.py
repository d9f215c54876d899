"""at_most: ``không quá 5``, ``tối đa 2``, ``không vượt quá 5%``, ``≤ 5``, ``từ 5 trở xuống``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style, TargetUnparsable
from kh68.kinds.verdict import Status

from .judging import H, L, judge, read


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("không quá 5", 5),
        ("tối đa 2", 2),
        ("không vượt quá 5%", 5),
        ("≤ 5", 5),
        ("<= 5", 5),
        ("từ 5 trở xuống", 5),
        ("5 trở xuống", 5),
        ("không cao hơn 3", 3),
        ("không nhiều hơn 3", 3),
        ("không lớn hơn 3", 3),
    ],
)
def test_phrasings(text: str, bound: float) -> None:
    target = read(text)
    assert (target.kind, target.bound, target.implied_direction) == ("at_most", bound, L)


@pytest.mark.parametrize(("value", "status"), [(5.01, Status.NOT_MET), (5, Status.MET), (4.99, Status.EXCEEDED)])
def test_both_sides_of_the_bound(value: float, status: Status) -> None:
    assert judge("không quá 5", value, L) is status


def test_words() -> None:
    target = read("không quá 5")
    assert [target.words(style, Measure("trường"), L) for style in Style] == [
        "≤ 5 trường",
        "không quá 5 trường",
        "không quá 5 trường",
    ]


@pytest.mark.parametrize(
    ("text", "direction", "bounds"),
    [
        ("không quá 5", None, (None, 5)),
        ("ít nhất 5", None, (5, None)),
        ("5", L, (None, 5)),  # a bare number: on the indicator's better side
        ("5", H, (5, None)),
    ],
)
def test_bounds_are_the_lowest_and_highest_a_value_may_take(text: str, direction, bounds: tuple) -> None:
    assert read(text).bounds(direction) == bounds


@pytest.mark.parametrize(("text", "bound"), [("top 03", 3), ("Top 10", 10), ("nằm trong top 10 cả nước", 10)])
def test_a_place_among_the_first_is_at_most_that_place(text: str, bound: float) -> None:
    """A probe of a real plan (Đồng Tháp 552/KH-UBND): "top 03" of a ranking was refused."""
    target = read(text)
    assert (target.kind, target.bound, target.implied_direction) == ("at_most", bound, L)
    assert target.ambiguity(Measure("hạng")) is None


@pytest.mark.parametrize("unit", ["%", "thôn"])
def test_a_place_among_the_first_of_an_indicator_in_no_ranking_is_refused(unit: str) -> None:
    """A review: "top 03" of a rate was read "≤ 3%" (91,5% "Chưa đạt"), of a count of thôn "≤ 10"."""
    assert read("top 03").ambiguity(Measure(unit)) == (
        f"chỉ tiêu 'top 03' nói một thứ hạng (đứng trong 3 vị trí đầu), mà chỉ tiêu tính bằng {unit}: ghi unit của "
        "chỉ tiêu là thứ hạng (hạng, bậc), hoặc ghi mức của chỉ tiêu bằng số"
    )


@pytest.mark.parametrize(
    ("text", "kind", "bound"),
    [
        # a probe of real plans: a level reached by falling
        ("giảm xuống 2%", "at_most", 2),
        ("giảm còn 5", "at_most", 5),
        ("giảm xuống còn 1,5%", "at_most", 1.5),
        ("giảm xuống dưới 2%", "less_than", 2),
        ("Đến năm 2030, giảm còn dưới 1,5%", "less_than", 1.5),
    ],
)
def test_a_fall_to_a_level_is_at_most_that_level(text: str, kind: str, bound: float) -> None:
    target = read(text)
    assert (target.kind, target.bound, target.implied_direction) == (kind, bound, L)


def test_a_fall_to_a_level_above_a_bound_is_read_by_no_kind() -> None:
    with pytest.raises(TargetUnparsable) as info:
        read("giảm xuống trên 2%")
    assert str(info.value).startswith("không đọc được chỉ tiêu 'giảm xuống trên 2%'; các dạng đọc được: 99,5 |")
