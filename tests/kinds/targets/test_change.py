"""change: ``giảm 10% so với năm 2025``, ``tăng 2 điểm phần trăm so với năm 2024``, ``tăng 500 ha so với năm trước``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Style, TargetUnparsable
from kh68.kinds.verdict import Status

from .judging import H, History, L, read, requirement


@pytest.mark.parametrize(
    ("text", "amount", "relative", "base", "direction"),
    [
        ("giảm 10% so với năm 2025", -10, True, 2025, L),
        ("Giảm ít nhất 10% so với năm 2025", -10, True, 2025, L),
        ("tăng 2 điểm phần trăm so với năm 2024", 2, False, 2024, H),
        ("tăng 500 ha so với năm trước", 500, False, None, H),
        ("giảm 5% so với năm liền kề trước", -5, True, None, L),
        ("tăng 1,5% so với cùng kỳ năm trước", 1.5, True, None, H),
        ("giảm 10% số hộ nghèo so với năm 2025", -10, True, 2025, L),  # a share of the base figure, as "10%"
        # Thanh Hóa, a programme of 2026 (reconstructed): "trở lên", "trên", "không quá", "cùng kỳ năm 2025"
        ("tăng 11% trở lên so với năm 2025", 11, True, 2025, H),
        ("tăng từ 10% trở lên so với năm 2025", 10, True, 2025, H),
        ("tăng trên 10% so với năm 2025", 10, True, 2025, H),
        ("giảm không quá 5% so với năm 2025", -5, True, 2025, H),  # a limit on the fall: the higher the better
        ("tăng tối đa 5% so với năm 2025", 5, True, 2025, L),  # a limit on the rise: the lower the better
        ("tăng 5% so với cùng kỳ năm 2025", 5, True, 2025, H),
        ("gấp 1,5 lần năm 2025", 50, True, 2025, H),
        ("tăng gấp 2 lần so với năm 2025", 100, True, 2025, H),
        # Quảng Ngãi 29/KH-UBND (2025), a probe: "gấp đôi", "không thấp hơn năm 2025"
        ("gấp đôi năm 2025", 100, True, 2025, H),
        ("gấp ba so với năm 2025", 200, True, 2025, H),
        ("không thấp hơn năm 2025", 0, False, 2025, H),
        ("không cao hơn so với năm 2025", 0, False, 2025, L),
    ],
)
def test_phrasings(text: str, amount: float, relative: bool, base: int | None, direction) -> None:
    target = read(text)
    assert (target.kind, target.amount, target.relative, target.base_year, target.implied_direction) == (
        "change",
        amount,
        relative,
        base,
        direction,
    )


def test_the_previous_year_is_the_base_of_a_target_written_for_a_year() -> None:
    assert read("tăng 500 ha so với năm trước", year=2027).base_year == 2026


BASE = History(year=2026, values=((2025, 5000.0),))


@pytest.mark.parametrize(
    ("value", "status"), [(4500.01, Status.NOT_MET), (4500, Status.MET), (4499.99, Status.EXCEEDED)]
)
def test_a_relative_decrease_from_the_base_figure(value: float, status: Status) -> None:
    # 5.000 in 2025, giảm 10%: at most 4.500
    required = requirement("giảm 10% so với năm 2025", L, BASE)
    assert required.goal == pytest.approx(4500)
    assert required.judge(value, L) is status


@pytest.mark.parametrize(("value", "status"), [(61.99, Status.NOT_MET), (62, Status.MET), (62.01, Status.EXCEEDED)])
def test_points_of_a_rate(value: float, status: Status) -> None:
    history = History(year=2026, values=((2024, 60.0),))
    assert requirement("tăng 2 điểm phần trăm so với năm 2024", H, history).judge(value, H) is status


def test_without_the_base_figure_there_is_no_requirement() -> None:
    assert read("giảm 10% so với năm 2025").requirement(L, History()) is None


def test_a_percent_change_of_a_rate_reads_two_ways() -> None:
    target = read("giảm 10% so với năm 2025")
    assert target.ambiguity(Measure("ha")) is None
    assert target.ambiguity(Measure("%")) == (
        "chỉ tiêu 'giảm 10% so với năm 2025' của một tỷ lệ (%) đọc được hai cách: giảm 10 điểm phần trăm so với năm "
        "2025, hoặc giảm 10% của giá trị so với năm 2025; viết rõ 'giảm 10 điểm phần trăm so với năm 2025', hoặc dạng "
        "cấu trúc {change: -10, relative: true} cho cách đọc thứ hai"
    )


def test_words() -> None:
    target = read("giảm 10% so với năm 2025")
    assert [target.words(style, Measure("ha"), L) for style in Style] == [
        "−10% so với năm 2025",
        "giảm 10% so với năm 2025",
        "giảm 10% so với năm 2025",
    ]
    points = read("tăng 2 điểm phần trăm so với năm 2024")
    assert points.words(Style.REPORT, Measure("%"), H) == "tăng 2 điểm phần trăm so với năm 2024"


def test_a_share_of_something_of_a_rate_reads_two_ways_as_a_bare_percent_does() -> None:
    """ "giảm 10% số hộ nghèo" of an indicator in %: 10 points, or 10% of the rate (never read as one in silence)."""
    assert read("giảm 10% số hộ nghèo so với năm 2025").ambiguity(Measure("%")) == (
        "chỉ tiêu 'giảm 10% số hộ nghèo so với năm 2025' của một tỷ lệ (%) đọc được hai cách: giảm 10 điểm phần trăm "
        "so với năm 2025, hoặc giảm 10% của giá trị so với năm 2025; viết rõ 'giảm 10 điểm phần trăm so với năm 2025', "
        "hoặc dạng cấu trúc {change: -10, relative: true} cho cách đọc thứ hai"
    )
    assert read("giảm 10% số hộ nghèo so với năm 2025").ambiguity(Measure("hộ")) is None


@pytest.mark.parametrize(
    ("text", "direction", "value", "status"),
    [
        ("không giảm so với năm 2025", H, 95.4, Status.MET),  # as much as the base year: met
        ("không giảm so với năm 2025", H, 95.3, Status.NOT_MET),
        ("không tăng so với năm 2025", L, 95.4, Status.MET),
        ("không tăng so với năm 2025", L, 95.5, Status.NOT_MET),
    ],
)
def test_no_change_against_the_base_is_the_bound(text: str, direction, value: float, status: Status) -> None:
    """Đồng Tháp 556: "không giảm so với năm 2025" was refused; it is the base year's figure, from below or above."""
    target = read(text)
    assert (target.kind, target.implied_direction, target.words(Style.MEANING, Measure("%"), direction)) == (
        "change",
        direction,
        text,
    )
    found = requirement(text, direction, History(values=((2025, 95.4),)))
    assert found.judge(value, direction) is status


def test_a_change_of_a_place_in_a_ranking_reads_two_ways() -> None:
    """A real plan: "tăng tối thiểu 03 bậc" of a province's rank (20 → 17 is up 3 places) was judged as the number
    rising by 3, "Chưa đạt". Refused with both readings and the structured form of the first."""
    target = read("tăng tối thiểu 03 bậc so với năm 2025")
    assert target.ambiguity(Measure("bậc")) == (
        "chỉ tiêu 'tăng tối thiểu 03 bậc so với năm 2025' của một thứ hạng (bậc) đọc được hai cách: thứ hạng lên 3 "
        "bậc (số thứ hạng nhỏ đi 3), hoặc số tăng thêm 3; kh68 không đoán: ghi dạng cấu trúc {text: …, change: -3, "
        "base_year: 2025} và direction: lower cho cách đọc thứ nhất (thứ hạng càng nhỏ càng tốt)"
    )
    assert read("giảm 2 hạng so với năm trước").ambiguity(Measure("Hạng")) == (
        "chỉ tiêu 'giảm 2 hạng so với năm trước' của một thứ hạng (Hạng) đọc được hai cách: thứ hạng xuống 2 bậc (số "
        "thứ hạng lớn thêm 2), hoặc số giảm thêm 2; kh68 không đoán: ghi dạng cấu trúc {text: …, change: 2} và "
        "direction: lower cho cách đọc thứ nhất (thứ hạng càng nhỏ càng tốt)"
    )
    assert read("tăng 3 bậc so với năm 2025").ambiguity(Measure("điểm")) is None


@pytest.mark.parametrize(
    ("text", "amount", "base", "previous"),
    [
        ("tăng 5% so với cùng kỳ", 5, None, True),
        ("giảm tối thiểu 15% lượng văn bản hành chính so với tổng lượng năm 2025", -15, 2025, False),
        ("tăng 10% so với kết quả thực hiện năm 2025", 10, 2025, False),
        ("giảm 2 vụ so với số lượng năm 2024", -2, 2024, False),
        ("tăng thêm ít nhất 20% so với năm 2025", 20, 2025, False),  # "thêm": the same rise, said again
        ("tăng thêm 500 ha so với năm trước", 500, None, True),
    ],
)
def test_what_real_plans_write_is_read(text: str, amount: float, base: int | None, previous: bool) -> None:
    target = read(text)
    assert (target.kind, target.amount, target.base, target.previous) == ("change", amount, base, previous)  # type: ignore[attr-defined]


def test_a_change_against_a_plan_or_a_target_is_not_read_as_one_against_a_figure() -> None:
    with pytest.raises(TargetUnparsable):
        read("giảm 10% so với kế hoạch năm 2025")


def test_kept_of_a_place_in_a_ranking_reads_two_ways() -> None:
    """ "không giảm so với năm 2025" of a rank: the place, or the number, never goes down."""
    assert read("không giảm so với năm 2025").ambiguity(Measure("hạng")) == (
        "chỉ tiêu 'không giảm so với năm 2025' của một thứ hạng (hạng) đọc được hai cách: thứ hạng không xuống (số "
        "thứ hạng không lớn thêm), hoặc số không giảm; kh68 không đoán: ghi dạng cấu trúc {text: …, at_most: <thứ hạng "
        "năm gốc>} và direction: lower cho cách đọc thứ nhất (thứ hạng càng nhỏ càng tốt)"
    )


@pytest.mark.parametrize(
    ("text", "value", "status"),
    [
        ("tăng trên 10% so với năm 2025", 110, Status.NOT_MET),  # "trên": the change itself falls short
        ("tăng trên 10% so với năm 2025", 110.5, Status.MET),  # as "trên 60" of 61: the words set no level beyond
        ("tăng 10% trở lên so với năm 2025", 110, Status.MET),
        ("giảm không quá 5% so với năm 2025", 94.9, Status.NOT_MET),  # fell more than 5%
        ("giảm không quá 5% so với năm 2025", 95, Status.MET),
        ("giảm không quá 5% so với năm 2025", 101, Status.EXCEEDED),
        ("tăng không quá 5% so với năm 2025", 105.1, Status.NOT_MET),
        ("tăng không quá 5% so với năm 2025", 104, Status.EXCEEDED),
        ("gấp 1,5 lần năm 2025", 149.9, Status.NOT_MET),
        ("gấp 1,5 lần năm 2025", 150, Status.MET),
        # a range of change: met inside, exceeded beyond its far edge
        ("tăng 10-15% so với năm 2025", 109.9, Status.NOT_MET),
        ("tăng 10-15% so với năm 2025", 110, Status.MET),
        ("tăng 10-15% so với năm 2025", 115, Status.MET),
        ("tăng 10-15% so với năm 2025", 115.1, Status.EXCEEDED),
        ("giảm 5-10% so với năm 2025", 95.1, Status.NOT_MET),
        ("giảm 5-10% so với năm 2025", 92, Status.MET),
        ("giảm 5-10% so với năm 2025", 89.9, Status.EXCEEDED),
        ("gấp 1,5-2 lần năm 2025", 149, Status.NOT_MET),
        ("gấp 1,5-2 lần năm 2025", 180, Status.MET),
        ("gấp 1,5-2 lần năm 2025", 201, Status.EXCEEDED),
    ],
)
def test_qualified_changes_are_judged_by_their_words(text: str, value: float, status: Status) -> None:
    target = read(text)
    direction = target.implied_direction
    found = target.requirement(direction, History(values=((2025, 100.0),)))
    assert found is not None
    assert found.judge(value, direction) is status


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "tăng 1,2 lần so với năm 2025",
            (
                "chỉ tiêu 'tăng 1,2 lần so với năm 2025' đọc được hai cách: gấp 1,2 lần năm gốc (120% số liệu năm gốc), "
                "hoặc tăng thêm 1,2 lần (220%); viết 'gấp 1,2 lần năm …' cho cách đọc thứ nhất, hoặc dạng cấu trúc "
                "{change: …, relative: true, base_year: …}"
            ),
        ),
        (
            "tăng trên 10% trở lên so với năm 2025",
            (
                "chỉ tiêu 'tăng trên 10% trở lên so với năm 2025' đọc được hai cách: tăng trên 10% (bằng 10% là chưa "
                "đạt), hoặc tăng từ 10% trở lên (bằng 10% là đạt); viết một trong hai"
            ),
        ),
    ],
)
def test_a_change_that_reads_two_ways_is_refused_naming_both(text: str, said: str) -> None:
    with pytest.raises(TargetUnparsable) as info:
        read(text)
    assert str(info.value) == said


@pytest.mark.parametrize(
    ("text", "style", "said"),
    [
        ("giảm không quá 5% so với năm 2025", Style.SHORT, "≥ −5% so với năm 2025"),
        ("giảm không quá 5% so với năm 2025", Style.MEANING, "giảm không quá 5% so với năm 2025"),
        ("tăng trên 10% so với năm 2025", Style.SHORT, "> +10% so với năm 2025"),
        ("gấp 1,5 lần năm 2025", Style.MEANING, "gấp 1,5 lần năm 2025"),
    ],
)
def test_words_of_a_qualified_change(text: str, style: Style, said: str) -> None:
    target = read(text)
    assert target.words(style, Measure("tỷ đồng"), target.implied_direction) == said


def test_a_qualified_change_of_a_rate_is_refused_with_readings_that_keep_its_qualifier() -> None:
    """A review: for "giảm không quá 5%" of a rate, the message offered 'giảm 5 điểm phần trăm' and {change: -5,
    relative: true}: both drop "không quá", and the structured one judged 78 against 80 as not met."""
    said = read("giảm không quá 5% so với năm 2025").ambiguity(Measure("%"))
    assert said == (
        "chỉ tiêu 'giảm không quá 5% so với năm 2025' của một tỷ lệ (%) đọc được hai cách: giảm không quá 5 điểm "
        "phần trăm so với năm 2025, hoặc giảm không quá 5% của giá trị so với năm 2025; viết rõ 'giảm không quá 5 "
        "điểm phần trăm so với năm 2025' cho cách đọc thứ nhất; cách đọc thứ hai: ghi mức của năm bằng dạng cấu "
        "trúc {text: '…', at_least: <mức>}"
    )


@pytest.mark.parametrize("text", ["gấp 0,8 lần năm 2025", "gấp 1 lần năm 2025", "bằng 1,5 lần năm 2025"])
def test_a_multiple_that_is_no_rise_is_not_read(text: str) -> None:
    with pytest.raises(TargetUnparsable):
        read(text)


def test_times_are_read_as_numbers_are() -> None:
    with pytest.raises(TargetUnparsable, match=r"gấp 1\.5 lần năm gốc \(150% số liệu năm gốc\)"):
        read("tăng 1.5 lần so với năm 2025")


@pytest.mark.parametrize(
    ("text", "amount", "far", "direction"),
    [
        ("tăng 10-15% so với năm 2025", 10, 15, H),
        ("tăng từ 10 - 15% so với cùng kỳ năm 2025", 10, 15, H),
        ("tăng từ 10% đến 15% so với năm 2025", 10, 15, H),
        ("giảm từ 5-10% so với năm 2025", -5, -10, L),
        ("tăng 500 - 700 ha so với năm 2025", 500, 700, H),
        ("tăng 1.000 đến 2030 ha so với năm 2025", 1000, 2030, H),  # a number of ha, not a year
        ("gấp 1,5-2 lần năm 2025", 50, 100, H),
        ("gấp từ 1,5 đến 2 lần so với năm 2025", 50, 100, H),
    ],
)
def test_a_range_of_change_is_read_with_both_edges(text: str, amount: float, far: float, direction) -> None:
    """Real plans write "tăng từ 10-15% so với cùng kỳ" (a probe of this session: it was refused)."""
    target = read(text)
    assert (target.kind, target.amount, target.far, target.base_year, target.implied_direction) == (
        "change",
        amount,
        far,
        2025,
        direction,
    )


@pytest.mark.parametrize(
    ("text", "style", "said"),
    [
        ("tăng từ 10% đến 15% so với năm 2025", Style.MEANING, "tăng 10-15% so với năm 2025"),
        ("tăng từ 10% đến 15% so với năm 2025", Style.SHORT, "+10% đến +15% so với năm 2025"),
        ("giảm 5-10% so với năm 2025", Style.SHORT, "−5% đến −10% so với năm 2025"),
        ("tăng 500 - 700 tỷ đồng so với năm 2025", Style.MEANING, "tăng 500-700 tỷ đồng so với năm 2025"),
        ("gấp 1,5-2 lần năm 2025", Style.MEANING, "gấp 1,5-2 lần năm 2025"),
    ],
)
def test_words_of_a_range_of_change(text: str, style: Style, said: str) -> None:
    target = read(text)
    assert target.words(style, Measure("tỷ đồng"), target.implied_direction) == said


def test_a_range_of_change_of_a_rate_reads_two_ways_and_keeps_its_range() -> None:
    said = read("tăng từ 10-15% so với năm 2025").ambiguity(Measure("%"))
    assert said == (
        "chỉ tiêu 'tăng từ 10-15% so với năm 2025' của một tỷ lệ (%) đọc được hai cách: tăng 10-15 điểm phần trăm so "
        "với năm 2025, hoặc tăng 10-15% của giá trị so với năm 2025; viết rõ 'tăng 10-15 điểm phần trăm so với năm "
        "2025' cho cách đọc thứ nhất; cách đọc thứ hai: ghi mức của năm bằng dạng cấu trúc {text: '…', range: "
        "[<mức thấp>, <mức cao>]}"
    )
    assert read("tăng 10-15 điểm phần trăm so với năm 2025").ambiguity(Measure("%")) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("tăng 15-10% so với năm 2025", "có cận dưới không nhỏ hơn cận trên"),
        ("gấp 2-1,5 lần năm 2025", "có cận dưới không nhỏ hơn cận trên"),
        ("tăng ít nhất 10-15% so với năm 2025", "không đọc được chỉ tiêu"),
        ("tăng trên 10-15% so với năm 2025", "không đọc được chỉ tiêu"),
        ("tăng 10-15% trở lên so với năm 2025", "không đọc được chỉ tiêu"),
        ("tăng 10% - 15 ha so với năm 2025", "không đọc được chỉ tiêu"),
        ("tăng 10% đến 2030 so với năm 2025", "không đọc được chỉ tiêu"),  # a review: read "+10% to +2030%"
        ("tăng 10 đến 2030 so với năm 2025", "không đọc được chỉ tiêu"),
    ],
)
def test_a_range_of_change_that_has_no_one_reading_is_refused(text: str, said: str) -> None:
    with pytest.raises(TargetUnparsable, match=said):
        read(text)


def test_from_a_change_up_after_its_base() -> None:
    """A new user's plan: "giảm 10% so với năm 2025 trở lên" (as "giảm 10% trở lên so với năm 2025")."""
    target = read("giảm 10% so với năm 2025 trở lên")
    assert (target.amount, target.base_year, target.implied_direction) == (-10, 2025, L)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("tăng 20%", "tăng"),
        ("tăng thêm ít nhất 20%", "tăng"),
        ("giảm 10% đến 2030", "giảm"),
        ("tăng thêm 500 ha", "tăng"),
    ],
)
def test_a_change_against_no_year_is_refused_saying_what_to_add(text: str, verb: str) -> None:
    """A probe of real plans: "tăng thêm 20%" was refused among every form, as if kh68 could not read a rise."""
    with pytest.raises(TargetUnparsable) as info:
        read(text)
    assert str(info.value) == (
        f"chỉ tiêu '{text}' nói mức {verb} mà không nói so với năm nào; viết '{verb} … so với năm …' (năm gốc, như "
        f"'{verb} 10% so với năm 2025'), '{verb} … so với năm trước' (mỗi năm so với năm liền trước), hoặc ghi mức "
        "cần đạt ('ít nhất 30%', 'không quá 5')"
    )


def test_a_rise_to_or_by_is_refused_naming_both() -> None:
    with pytest.raises(TargetUnparsable) as info:
        read("tăng lên 20%")
    assert str(info.value) == (
        "chỉ tiêu 'tăng lên 20%' đọc được hai cách: đạt mức 20% (viết 'ít nhất 20%'), hoặc tăng thêm 20% (viết 'tăng "
        "20% so với năm …', ghi năm gốc); viết một trong hai"
    )
