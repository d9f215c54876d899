"""greater_than: ``trên 500``, ``hơn 500``, ``> 60``, ``khoảng trên 500``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style, TargetUnparsable, parse_target
from kh68.kinds.verdict import Status

from .judging import H, judge, read


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("trên 500", 500),
        ("hơn 500", 500),
        ("> 60", 60),
        (">60", 60),
        ("cao hơn 5", 5),
        ("nhiều hơn 5", 5),
        ("lớn hơn 5", 5),
    ],
)
def test_phrasings(text: str, bound: float) -> None:
    target = read(text)
    assert (target.kind, target.bound, target.approximate) == ("greater_than", bound, False)


@pytest.mark.parametrize(
    ("value", "status"), [(59.99, Status.NOT_MET), (60, Status.NOT_MET), (60.01, Status.MET), (75, Status.MET)]
)
def test_the_bound_itself_is_not_met(value: float, status: Status) -> None:
    assert judge("> 60", value) is status


@pytest.mark.parametrize(
    ("value", "status"), [(474.99, Status.NOT_MET), (475, Status.MET), (500, Status.MET), (500.01, Status.EXCEEDED)]
)
def test_about_more_than_moves_the_bound_by_the_tolerance(value: float, status: Status) -> None:
    # khoảng trên 500 with the plan's 5%: met from 475 on
    assert read("khoảng trên 500").approximate
    assert judge("khoảng trên 500", value, tolerance=0.05) is status


def test_words() -> None:
    target = read("> 60")
    assert [target.words(style, Measure("%"), H) for style in Style] == ["> 60%", "trên 60%", "trên 60%"]
    about = read("khoảng trên 500")
    assert about.words(Style.REPORT, Measure("ha"), H) == "khoảng trên 500 ha"


def test_above_and_from_up_at_once_reads_two_ways() -> None:
    """ "trên 90% trở lên": is 90% itself met? Refused naming both readings."""
    with pytest.raises(TargetUnparsable) as raised:
        read("trên 90% trở lên")
    assert str(raised.value) == (
        "chỉ tiêu 'trên 90% trở lên' đọc được hai cách: trên 90% (bằng 90% là chưa đạt), hoặc từ 90% trở lên (bằng "
        "90% là đạt); viết 'trên 90%' hoặc 'từ 90% trở lên'"
    )


def test_both_readings_of_above_and_up_keep_the_space_before_a_unit() -> None:
    """A probe: "trên 500 ha trở lên" was refused as "trên 500ha (bằng 500ha là chưa đạt) …"."""
    with pytest.raises(TargetUnparsable) as info:
        parse_target("trên 500 ha trở lên")
    assert str(info.value) == (
        "chỉ tiêu 'trên 500 ha trở lên' đọc được hai cách: trên 500 ha (bằng 500 ha là chưa đạt), hoặc từ 500 ha "
        "trở lên (bằng 500 ha là đạt); viết 'trên 500 ha' hoặc 'từ 500 ha trở lên'"
    )
