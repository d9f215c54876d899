"""yearly_change: ``tăng bình quân 1,5%/năm``, ``giai đoạn 2026 - 2030 tăng bình quân 8%/năm``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style, TargetUnparsable
from kh68.kinds.verdict import Status

from .judging import H, History, L, read, requirement


@pytest.mark.parametrize(
    ("text", "rate", "relative", "base", "span"),
    [
        ("tăng bình quân 1,5%/năm", 1.5, True, None, None),
        ("Giai đoạn 2026-2030 tăng bình quân 8%/năm", 8, True, 2025, (2026, 2030)),
        ("tăng trưởng bình quân 8%/năm giai đoạn 2026 - 2030", 8, True, 2025, (2026, 2030)),
        ("tốc độ tăng bình quân 8%/năm", 8, True, None, None),
        ("bình quân tăng 8% mỗi năm", 8, True, None, None),
        ("giảm bình quân 2 điểm phần trăm/năm", -2, False, None, None),
        ("tăng bình quân hằng năm 1,5%", 1.5, True, None, None),
        ("tăng bình quân 1,5%/năm so với năm 2024", 1.5, True, 2024, None),
    ],
)
def test_phrasings(text: str, rate: float, relative: bool, base: int | None, span) -> None:
    target = read(text)
    assert (target.kind, target.rate, target.relative, target.base_year, target.span) == (
        "yearly_change",
        rate,
        relative,
        base,
        span,
    )


def test_the_base_is_the_year_before_the_plans_period_when_the_words_say_none() -> None:
    target = read("tăng bình quân 8%/năm", year=2030, start=2026)
    assert (target.base_year, target.span) == (2025, (2026, 2030))


@pytest.mark.parametrize(
    ("value", "status"), [(1166.3, Status.NOT_MET), (1166.4, Status.MET), (1166.5, Status.EXCEEDED)]
)
def test_each_year_of_the_span_against_the_compounded_base(value: float, status: Status) -> None:
    # 1.000 in 2025, 8%/năm: 2027 needs 1.000 · 1,08² = 1.166,4
    history = History(year=2027, values=((2025, 1000.0),))
    required = requirement("Giai đoạn 2026-2030 tăng bình quân 8%/năm", H, history)
    assert required.goal == pytest.approx(1166.4)
    assert required.judge(value, H) is status


def test_points_step_evenly() -> None:
    # 40% in 2025, giảm 2 điểm phần trăm/năm: 2028 at most 34%
    history = History(year=2028, values=((2025, 40.0),))
    assert requirement("giảm bình quân 2 điểm phần trăm/năm", L, history, year=2030, start=2026).goal == pytest.approx(
        34
    )


def test_without_the_base_figure_there_is_no_requirement() -> None:
    assert read("tăng bình quân 8%/năm", year=2030, start=2026).requirement(H, History(year=2027)) is None


def test_a_percent_rate_of_a_rate_reads_two_ways() -> None:
    assert (
        read("tăng bình quân 1,5%/năm")
        .ambiguity(Measure("%"))
        .startswith(
            "chỉ tiêu 'tăng bình quân 1,5%/năm' của một tỷ lệ (%) đọc được hai cách: tăng bình quân 1,5 điểm phần trăm/năm"
        )
    )
    assert read("tăng bình quân 1,5%/năm").ambiguity(Measure("tỷ đồng")) is None


def test_words() -> None:
    target = read("tăng bình quân 8%/năm", year=2030, start=2026)
    assert [target.words(style, Measure("tỷ đồng"), H) for style in Style] == [
        "+8%/năm",
        "tăng bình quân 8%/năm",
        "tăng bình quân 8%/năm (so với năm 2025)",
    ]


@pytest.mark.parametrize(
    ("text", "rate", "high"),
    [
        # Sơn La 2954, mục I.3 and II.1: a range of yearly rates
        ("tăng bình quân hàng năm trong giai đoạn này đạt 10 - 13%/năm", 10, 13),
        ("tốc độ tăng bình quân 05 - 06%/năm", 5, 6),
        ("tăng bình quân 10–13%/năm", 10, 13),
        ("giảm bình quân 2 - 3 điểm phần trăm/năm", -2, -3),
        ("tốc độ tăng bình quân 05%/năm", 5, None),
    ],
)
def test_a_range_of_rates(text: str, rate: float, high: float | None) -> None:
    target = read(text)
    assert (target.kind, target.rate, target.rate_high) == ("yearly_change", rate, high)


@pytest.mark.parametrize(
    ("value", "status"),
    [(1209.99, Status.NOT_MET), (1210, Status.MET), (1276.9, Status.MET), (1276.91, Status.EXCEEDED)],
)
def test_a_range_is_met_between_the_two_rates_and_exceeded_beyond_the_higher(value: float, status: Status) -> None:
    # 1.000 in 2025, 10 - 13%/năm: 2027 needs 1.000 · 1,10² = 1.210; beyond 1.000 · 1,13² = 1.276,9 it exceeds
    history = History(year=2027, values=((2025, 1000.0),))
    required = requirement("tăng bình quân 10 - 13%/năm", H, history, year=2030, start=2026)
    assert (required.goal, required.far) == (pytest.approx(1210), pytest.approx(1276.9))
    assert required.judge(value, H) is status


@pytest.mark.parametrize(
    "text", ["tăng bình quân 13 - 10%/năm", "tăng bình quân 10 - 10%/năm", "tăng bình quân 10 - %/năm"]
)
def test_a_range_that_is_no_range_is_refused(text: str) -> None:
    with pytest.raises(TargetUnparsable):
        read(text)


def test_a_range_in_words() -> None:
    target = read("tăng bình quân hàng năm trong giai đoạn này đạt 10 - 13%/năm", year=2030, start=2026)
    assert [target.words(style, Measure("nghìn USD"), H) for style in Style] == [
        "+10-13%/năm",
        "tăng bình quân 10-13%/năm",
        "tăng bình quân 10-13%/năm (so với năm 2025)",
    ]


@pytest.mark.parametrize(
    ("value", "status"),
    [(108.07, Status.NOT_MET), (108.075, Status.MET), (108.9, Status.MET), (108.93, Status.EXCEEDED)],
)
def test_about_a_yearly_rate_moves_the_rate_out_by_the_tolerance(value: float, status: Status) -> None:
    # Quảng Ngãi 29/KH-UBND (2025): "tăng bình quân khoảng 8,5%/năm", one year from a base of 100: 8,5 ± 5% of it
    found = requirement(
        "tăng bình quân khoảng 8,5%/năm", H, History(2026, ((2025, 100.0),)), start=2026, tolerance=0.05
    )
    assert found.judge(value, H) is status


def test_a_rise_per_year_against_a_year_is_not_read_as_a_rise_once() -> None:
    with pytest.raises(TargetUnparsable):
        read("tăng 5%/năm so với năm 2025")


def test_above_about_a_yearly_rate_is_not_read() -> None:
    with pytest.raises(TargetUnparsable):
        read("tăng bình quân trên khoảng 8%/năm")


def test_an_average_from_a_rate_up() -> None:
    target = read("tăng bình quân từ 8%/năm trở lên")
    assert (target.kind, target.rate, target.relative) == ("yearly_change", 8, True)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "tăng 8%/năm",
            (
                "chỉ tiêu 'tăng 8%/năm' nói mức tăng mỗi năm mà không nói so với gì, đọc được hai cách: tăng bình quân cả "
                "giai đoạn (viết 'tăng bình quân 8%/năm'), hoặc năm nào cũng tăng so với năm trước (viết 'tăng 8% so với "
                "năm trước' ở chỉ tiêu của từng năm); với một tỷ lệ (%), ghi rõ '8 điểm phần trăm' hay dạng cấu trúc"
            ),
        ),
        (
            "Hằng năm, tăng trên 3%",
            (
                "chỉ tiêu 'Hằng năm, tăng trên 3%' nói mức tăng mỗi năm mà không nói so với gì, đọc được hai cách: tăng "
                "bình quân cả giai đoạn (viết 'tăng bình quân trên 3%/năm'), hoặc năm nào cũng tăng so với năm trước "
                "(viết 'tăng trên 3% so với năm trước' ở chỉ tiêu của từng năm); với một tỷ lệ (%), ghi rõ 'trên 3 điểm "
                "phần trăm' hay dạng cấu trúc"
            ),
        ),
    ],
)
def test_a_change_each_year_against_nothing_reads_two_ways(text: str, said: str) -> None:
    """A new user's plan and Cần Thơ 153/KH-UBND: refused among every form, without the two readings."""
    with pytest.raises(TargetUnparsable) as info:
        read(text)
    assert str(info.value) == said
    for way_out in ("tăng bình quân 8%/năm", "tăng trên 3% so với năm trước"):
        read(way_out)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "tăng bình quân trên 8%/năm trở lên",
            (
                "chỉ tiêu 'tăng bình quân trên 8%/năm trở lên' đọc được hai cách: trên 8%/năm, hoặc từ 8%/năm trở lên; viết "
                "một trong hai"
            ),
        ),
        (
            "tăng bình quân khoảng 8%/năm trở lên",
            (
                "chỉ tiêu 'tăng bình quân khoảng 8%/năm trở lên' đọc được hai cách: khoảng 8%/năm, hoặc từ 8%/năm trở lên; "
                "viết một trong hai"
            ),
        ),
    ],
)
def test_a_pace_above_or_about_and_from_reads_two_ways(text: str, said: str) -> None:
    """A review: "trở lên" after "trên" or "khoảng" was read as a plain pace."""
    with pytest.raises(TargetUnparsable) as info:
        read(text)
    assert str(info.value) == said


def test_a_range_of_yearly_change_of_a_rate_keeps_both_edges_in_its_readings() -> None:
    """A probe of real plans: the readings of "giảm bình quân từ 1,5-2%/năm" said 1,5 alone, and their structured way
    out dropped the far edge."""

    assert read("giảm bình quân từ 1,5-2%/năm").ambiguity(Measure("%")) == (
        "chỉ tiêu 'giảm bình quân từ 1,5-2%/năm' của một tỷ lệ (%) đọc được hai cách: giảm bình quân 1,5-2 điểm phần "
        "trăm/năm, hoặc giảm bình quân 1,5-2% giá trị mỗi năm; viết rõ 'giảm bình quân 1,5-2 điểm phần trăm/năm' cho "
        "cách đọc thứ nhất; cách đọc thứ hai: ghi mức của từng năm bằng dạng cấu trúc {text: '…', range: [<mức thấp>, "
        "<mức cao>]}"
    )
