"""kh68.kinds.measure: a rate in percent, whether or not it says of what; how a unit written in a target is matched."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure


@pytest.mark.parametrize(
    ("unit", "percent"),
    [("%", True), (" % ", True), ("% GRDP", True), ("% dân số", True), ("%/năm", False), ("ha", False), ("", False)],
)
def test_a_share_of_something_is_a_rate_a_pace_is_not(unit: str, percent: bool) -> None:
    assert Measure(unit).is_percent is percent


NAME = "Tỷ lệ dân số được phủ sóng 5G"


@pytest.mark.parametrize(
    ("unit", "written", "accepted"),
    [
        ("% GRDP", "%", True),  # "45%" of an indicator in % GRDP
        ("%", "% dân số", True),  # "đạt 100% dân số" of "Tỷ lệ dân số …" in %
        ("% GRDP", "% GRDP", True),
        ("% GRDP", "% dân số", False),  # shares of two different things
        ("% dân số", "% dân số được phủ sóng", True),  # the share's own unit, then words the name says
        ("% dân số", "% dân số cả nước", False),  # words the name does not say: another base
        ("%", "% hoặc thấp hơn", False),  # "5% hoặc thấp hơn": no rate of anything, never read as 5%
        ("%", "% tối đa", False),
        ("%/năm", "%", False),  # a pace is not a rate
        ("Tỷ đồng", "tỷ  đồng", True),
        ("ha", "%", False),
        ("%", "ha", False),
        # a new user's plan: "không quá 05 vụ/năm" of a count in vụ is the year's own figure; never a pace of a rate
        ("vụ", "vụ/năm", True),
        ("tỷ đồng", "tỷ đồng / năm", True),
        ("%", "%/năm", False),
        ("vụ", "ha/năm", False),
    ],
)
def test_a_unit_written_in_a_target(unit: str, written: str, accepted: bool) -> None:
    assert Measure(unit).accepts(written, NAME) is accepted


@pytest.mark.parametrize(
    ("written", "name", "accepted"),
    [
        ("% số xã, phường", "Tỷ lệ xã, phường hoàn thành chuyển đổi số", True),  # "số": the count of them
        ("% số cơ quan, đơn vị", "Tỷ lệ cơ quan, đơn vị thực hành tiết kiệm", True),
        ("% số xã, phường", "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa", False),
        ("% số hộ", "Tỷ lệ số hộ dùng nước sạch", True),
        # a probe of real plans: "các", "tất cả các" before what the name says
        (
            "% các giao dịch trên nền tảng thương mại điện tử có hóa đơn điện tử",
            "Tỷ lệ giao dịch trên nền tảng thương mại điện tử có hóa đơn điện tử",
            True,
        ),
        ("% tất cả các xã", "Tỷ lệ xã đạt chuẩn", True),
        ("% các hộ", "Tỷ lệ xã đạt chuẩn", False),
    ],
)
def test_a_share_of_a_count_is_of_what_the_name_counts(written: str, name: str, accepted: bool) -> None:
    assert Measure("%").accepts(written, name) is accepted


@pytest.mark.parametrize(
    ("unit", "written", "name", "accepted"),
    [
        # a probe of real plans: what the unit counts said after it, as the indicator's name says it
        ("vùng", "vùng nuôi thủy sản thông minh", "Số vùng nuôi thủy sản thông minh", True),
        ("trung tâm", "trung tâm logistics", "Số trung tâm logistics được hình thành", True),
        ("vùng", "vùng nuôi tôm", "Số vùng nuôi thủy sản thông minh", False),  # not what the name counts
        ("sản phẩm", "sản phẩm OCOP", "Số sản phẩm đạt 3 sao", False),
        # a review: words found anywhere in the name read the opposite indicator's target
        ("trường", "trường đạt chuẩn", "Số trường chưa đạt chuẩn quốc gia", False),
        ("hộ", "hộ thoát nghèo", "Số hộ tái nghèo và hộ thoát nghèo", True),
    ],
)
def test_a_count_is_of_what_the_name_counts(unit: str, written: str, name: str, accepted: bool) -> None:
    assert Measure(unit).accepts(written, name) is accepted


@pytest.mark.parametrize(
    ("unit", "shown", "difference"),
    [("%", "45,5%", "1,5 điểm phần trăm"), ("% GRDP", "45,5% GRDP", "1,5 điểm phần trăm"), ("ha", "45,5 ha", "1,5 ha")],
)
def test_a_rate_is_written_without_a_space_and_differs_by_points(unit: str, shown: str, difference: str) -> None:
    assert (Measure(unit).amount(45.5), Measure(unit).difference(1.5)) == (shown, difference)


@pytest.mark.parametrize(
    ("unit", "typed", "number"),
    [
        ("%", "98%", "98"),
        ("% GRDP", "45% GRDP", "45"),
        ("% GRDP", "45%", "45"),
        ("ha", "96,5 ha", "96,5"),
        ("%/năm", "10%/năm", "10"),
        ("ha", "1e5", "1e5"),
    ],
)
def test_a_figure_typed_with_its_own_unit_is_its_number(unit: str, typed: str, number: str) -> None:
    assert Measure(unit).without_unit(typed) == number


@pytest.mark.parametrize(
    ("unit", "typed", "said"),
    [
        ("ha", "96 tấn", "'96 tấn': chỉ tiêu này tính bằng ha, không phải 'tấn'"),
        ("nghìn USD", "11,5%", "'11,5%': chỉ tiêu này tính bằng nghìn USD, không phải %; ghi số không kèm %"),
    ],
)
def test_a_figure_typed_with_another_unit_is_refused_naming_both(unit: str, typed: str, said: str) -> None:
    with pytest.raises(ValueError) as info:
        Measure(unit).without_unit(typed)
    assert str(info.value) == said


@pytest.mark.parametrize(
    ("unit", "rank"), [("bậc", True), ("Hạng", True), ("thứ  hạng", True), ("điểm", False), ("vị trí", False)]
)
def test_a_place_in_a_ranking(unit: str, rank: bool) -> None:
    assert Measure(unit).is_rank is rank
