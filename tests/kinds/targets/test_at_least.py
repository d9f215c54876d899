"""at_least: ``99,5``, ``ít nhất 30%``, ``tối thiểu 500``, ``không dưới 95``, ``từ 05 trở lên``, ``≥ 90``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style, TargetUnparsable
from kh68.kinds.verdict import Status

from .judging import H, L, judge, read

PERCENT, HA = Measure("%"), Measure("ha")


@pytest.mark.parametrize(
    ("text", "bound", "unit"),
    [
        ("99,5", 99.5, None),
        ("99.5", 99.5, None),
        ("95%", 95, "%"),
        ("500 ha", 500, "ha"),
        ("7.080,5 tỷ đồng", 7080.5, "tỷ đồng"),
        ("ít nhất 30%", 30, "%"),
        ("Ít  nhất 30 %", 30, "%"),
        ("tối thiểu 500", 500, None),
        ("không dưới 95", 95, None),
        ("không thấp hơn 95", 95, None),
        ("không ít hơn 95", 95, None),
        ("từ 05 trở lên", 5, None),
        ("05 trở lên", 5, None),
        ("≥ 90", 90, None),
        (">= 90", 90, None),
        ("Phấn đấu đạt 99,5%", 99.5, "%"),
        ("đạt 100%", 100, "%"),
        ("từ 05", 5, None),
        ("từ 5 bộ dữ liệu", 5, "bộ dữ liệu"),
        ("đạt 100% dân số", 100, "% dân số"),
        ("từ 30% số hộ trở lên", 30, "% số hộ"),
    ],
)
def test_phrasings(text: str, bound: float, unit: str | None) -> None:
    target = read(text)
    assert (target.kind, target.bound, target.unit) == ("at_least", bound, unit)


@pytest.mark.parametrize(("value", "status"), [(29.99, Status.NOT_MET), (30, Status.MET), (30.01, Status.EXCEEDED)])
def test_both_sides_of_the_bound(value: float, status: Status) -> None:
    assert judge("ít nhất 30%", value) is status


@pytest.mark.parametrize(("value", "status"), [(5.1, Status.NOT_MET), (5, Status.MET), (4.9, Status.EXCEEDED)])
def test_a_bare_number_is_at_most_where_lower_is_better(value: float, status: Status) -> None:
    assert judge("5", value, L) is status


def test_the_words_say_which_side_is_good() -> None:
    assert read("ít nhất 30%").implied_direction is H
    assert read("30").implied_direction is None


@pytest.mark.parametrize(
    ("text", "measure", "direction", "short", "report", "meaning"),
    [
        ("99,5", PERCENT, H, "99,5%", "99,5%", "từ 99,5% trở lên"),
        ("2", PERCENT, L, "2%", "không quá 2%", "không quá 2%"),
        ("ít nhất 30%", PERCENT, H, "≥ 30%", "từ 30% trở lên", "từ 30% trở lên"),
        ("7.080,5", HA, H, "7.080,5 ha", "7.080,5 ha", "từ 7.080,5 ha trở lên"),
        # nothing is above all of a rate: "từ 100% trở lên" is 100%
        ("ít nhất 100%", PERCENT, H, "100%", "100%", "đạt 100%"),
        ("100", Measure("% dân số"), H, "100% dân số", "100% dân số", "đạt 100% dân số"),
        ("ít nhất 100", HA, H, "≥ 100 ha", "từ 100 ha trở lên", "từ 100 ha trở lên"),
    ],
)
def test_words(text: str, measure: Measure, direction, short: str, report: str, meaning: str) -> None:
    target = read(text)
    assert [target.words(style, measure, direction) for style in Style] == [short, report, meaning]


@pytest.mark.parametrize("text", ["từ 30% đến 35%", "từ 30 đến 35"])
def test_from_a_number_to_another_is_a_range_not_at_least(text: str) -> None:
    assert read(text).kind == "range"


@pytest.mark.parametrize(
    ("text", "bound", "unit"),
    [
        ("tối thiểu 90% trở lên", 90, "%"),  # said twice, one bound
        ("ít nhất 500 ha trở lên", 500, "ha"),
        ("đạt tỷ lệ 100%", 100, "%"),
        ("đạt mức 95%", 95, "%"),
        ("100% xã, phường", 100, "% xã, phường"),  # a share of several kinds of unit
        ("đạt 100% xã, phường, đặc khu", 100, "% xã, phường, đặc khu"),
        ("100% (trừ thủ tục đặc thù)", 100, "%"),  # a remark in brackets: the target is before it
        ("95% (không kể hồ sơ bổ sung)", 95, "%"),
        ("đạt 12 bác sĩ/vạn dân", 12, "bác sĩ/vạn dân"),  # a unit per something (a real plan of health)
    ],
)
def test_what_real_plans_write_is_read(text: str, bound: float, unit: str) -> None:
    """Words a real plan of another province wrote, once refused as unreadable."""
    target = read(text)
    assert (target.kind, target.bounds(), target.unit) == ("at_least", (bound, None), unit)


@pytest.mark.parametrize(
    "text", ["90% (năm 2025)", "5% (tối đa)", "5 thôn (trở xuống)", "90% (lũy kế)", "90% (so với năm trước)"]
)
def test_a_bracket_that_may_change_the_bound_is_never_passed_over(text: str) -> None:
    """A probe: "5% (tối đa)" was read as at least 5%, "90% (lũy kế)" as 90% of the year: only a remark of what the
    target covers ("trừ …", "không kể …", "kể cả …") is passed over."""
    with pytest.raises(TargetUnparsable):
        read(text)


@pytest.mark.parametrize(
    ("text", "unit", "direction", "always"),
    [
        ("0", "vụ", H, True),  # "≥ 0 vụ": any count
        ("0%", "%", H, True),
        ("100%", "%", L, True),  # "≤ 100%": any rate
        ("0", "vụ", L, False),  # none at all: a real level
        ("không quá 0", "vụ", L, False),
        ("ít nhất 0", "vụ", H, False),  # the side said: the plan's words, not kh68's to doubt
        ("100", "ha", L, False),  # an amount has no ceiling
        ("khoảng 0", "vụ", H, False),
    ],
)
def test_a_bare_level_every_value_meets(text: str, unit: str, direction, always: bool) -> None:
    assert read(text).always_met(Measure(unit), direction) is always


@pytest.mark.parametrize(
    ("text", "bound", "unit"),
    [
        # a probe of a real plan: what is done, before the bound of how many
        ("Hình thành ít nhất 20 mô hình", 20, "mô hình"),
        ("phát triển ít nhất 10 sản phẩm", 10, "sản phẩm"),
        ("cấp mới 12 mã số vùng trồng", 12, "mã số vùng trồng"),
        ("duy trì ở mức 49,5%", 49.5, "%"),  # a new user's plan
        # a probe of real plans: work done, counted in what follows the number; a level kept steady
        ("hoàn thành tối thiểu 4.800 căn", 4800, "căn"),
        ("hoàn thành 4.800 căn", 4800, "căn"),
        ("duy trì ổn định 46%", 46, "%"),
    ],
)
def test_words_of_what_is_done_before_the_bound(text: str, bound: float, unit: str) -> None:
    target = read(text)
    assert (target.kind, target.bound, target.unit) == ("at_least", bound, unit)


@pytest.mark.parametrize("text", ["tăng thêm 500 ha", "trồng thêm 500 ha"])
def test_more_than_what_exists_is_not_passed_over(text: str) -> None:
    with pytest.raises(TargetUnparsable):
        read(text)


def test_the_completion_of_work_is_no_bound_of_how_much() -> None:
    """ "hoàn thành 100%" is the work done (kind completion), never "ít nhất 100%" of what follows."""
    assert read("hoàn thành 100%").kind == "completion"


@pytest.mark.parametrize(
    ("text", "kind", "bound"),
    [("nâng lên 60%", "at_least", 60), ("nâng lên mức trên 60%", "greater_than", 60)],
)
def test_a_rise_to_a_level_is_that_level(text: str, kind: str, bound: float) -> None:
    target = read(text)
    assert (target.kind, target.bound, target.implied_direction) == (kind, bound, H)
