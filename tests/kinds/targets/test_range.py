"""range: ``30-35``, ``95 – 97%``, ``từ 90 đến 95``, ``trong khoảng 90-95%``, ``khoảng 30-35``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style, TargetUnparsable, parse_target
from kh68.kinds.verdict import Status

from .judging import H, L, judge, read, requirement


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("30-35", 30, 35),
        ("95- 97", 95, 97),
        ("95 – 97%", 95, 97),
        ("30%-35%", 30, 35),
        ("từ 90 đến 95", 90, 95),
        ("từ 90% đến 95%", 90, 95),
        ("trong khoảng 90-95%", 90, 95),
        ("khoảng 10 - 12", 10, 12),
        ("7.000 - 8.000,5", 7000, 8000.5),
    ],
)
def test_phrasings(text: str, low: float, high: float) -> None:
    target = read(text)
    assert (target.kind, target.low, target.high) == ("range", low, high)


def test_a_reversed_range_is_refused() -> None:
    with pytest.raises(TargetUnparsable, match="'97-95' có cận dưới lớn hơn cận trên"):
        parse_target("97-95")


@pytest.mark.parametrize(
    ("value", "status"),
    [(29.99, Status.NOT_MET), (30, Status.MET), (32.5, Status.MET), (35, Status.MET), (35.01, Status.EXCEEDED)],
)
def test_both_bounds_higher_is_better(value: float, status: Status) -> None:
    assert judge("30-35", value, H) is status


@pytest.mark.parametrize(
    ("value", "status"), [(0.99, Status.EXCEEDED), (1, Status.MET), (2, Status.MET), (2.01, Status.NOT_MET)]
)
def test_both_bounds_lower_is_better(value: float, status: Status) -> None:
    assert judge("1-2", value, L) is status


@pytest.mark.parametrize(
    ("value", "status"),
    [(2.37, Status.NOT_MET), (2.375, Status.MET), (3.1, Status.MET), (3.15, Status.MET), (3.16, Status.EXCEEDED)],
)
def test_about_a_range_moves_its_edges_out_by_the_tolerance(value: float, status: Status) -> None:
    # "khoảng 2,5 - 3%" is about that range, as "khoảng 500" is about 500: 2,5 − 5% = 2,375; 3 + 5% = 3,15
    assert judge("khoảng 2,5 - 3%", value, H, tolerance=0.05) is status
    lower = {Status.NOT_MET: Status.EXCEEDED, Status.EXCEEDED: Status.NOT_MET}.get(status, status)
    assert judge("khoảng 2,5 - 3%", value, L, tolerance=0.05) is lower


@pytest.mark.parametrize("text", ["trong khoảng 2,5 - 3%", "2,5 - 3%", "từ 2,5% đến 3%"])
def test_a_range_said_as_such_keeps_its_edges(text: str) -> None:
    assert [judge(text, v, L, tolerance=0.05) for v in (3.0, 3.1)] == [Status.MET, Status.NOT_MET]


def test_words() -> None:
    target = read("30-35")
    assert [target.words(style, Measure("%"), H) for style in Style] == [
        "30-35%",
        "từ 30% đến 35%",
        "trong khoảng 30–35%",
    ]


@pytest.mark.parametrize(
    ("text", "unit", "report"),
    [
        ("khoảng 10-12", "xã, phường", "khoảng 10–12 xã, phường"),  # the plan's "khoảng" said again
        ("trong khoảng 90-95%", "%", "trong khoảng 90–95%"),
        ("4-5", "thuyết minh viên/điểm", "từ 4 đến 5 thuyết minh viên/điểm"),  # a unit in words once
        ("30-35", "%", "từ 30% đến 35%"),
    ],
)
def test_a_report_says_a_range_as_the_plan_does(text: str, unit: str, report: str) -> None:
    assert read(text).words(Style.REPORT, Measure(unit), H) == report


def test_a_range_of_a_pace_keeps_its_unit() -> None:
    # Quảng Ngãi 29/KH-UBND (2025): "khoảng 10 - 12%/năm" of an indicator in %/năm
    target = read("khoảng 10 - 12%/năm", tolerance=0.05)
    assert (target.kind, target.low, target.high, target.unit) == ("range", 10, 12, "%/năm")


def test_a_value_short_of_about_a_range_is_said_short_of_its_edge_as_written() -> None:
    """An official's reading: 7 against "khoảng 10-12 xã, phường" was "còn thấp hơn 2,5 xã, phường" (from 9,5)."""
    found = requirement("khoảng 10-12", tolerance=0.05)
    assert (found.gap(7, H), found.judge(9.5, H)) == (-3, Status.MET)
    assert requirement("khoảng 10-12", L, tolerance=0.05).gap(14, L) == -2
    assert requirement("10-12", tolerance=0.05).gap(7, H) == -3  # the range itself: its edge, as before
