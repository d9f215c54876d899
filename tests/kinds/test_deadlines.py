"""Reporting deadlines as the plan writes them (``kh68.kinds.periods.parse_deadline``)."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.core.safetext import excerpt
from kh68.kinds.periods import DeadlineUnparsable, Period, Rhythm, parse_deadline


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("05/11", "YearlyDay"),
        ("trước ngày 20 hằng tháng", "MonthlyDay"),
        ("định kỳ hằng quý, trước ngày 20 của tháng cuối quý", "QuarterlyDay"),
        ("trước ngày 15/6 và 15/12", "SixMonthlyDays"),
        ("Định kỳ 06 tháng (trước ngày 15/6 và 15/12)", "SixMonthlyDays"),  # a count padded as documents do
        ("hằng năm trước ngày 15/6 và 15/12", "SixMonthlyDays"),  # "hằng năm" only frames the days of each year
    ],
)
def test_a_deadline_is_read_as_written(text: str, kind: str) -> None:
    assert type(parse_deadline(text)).__name__ == kind


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Định kỳ 06 tháng", "six_monthly"),
        ("định kỳ hằng năm", "yearly"),
        ("Hằng quý.", "quarterly"),
        ("6 tháng một lần", "six_monthly"),
        # a probe of real plans: a periodic report also sent when asked, with no day
        ("Hằng năm và đột xuất", "yearly"),
        ("định kỳ hằng năm hoặc đột xuất khi có yêu cầu", "yearly"),
        ("theo định kỳ hàng quý", "quarterly"),
        ("06 tháng/lần", "six_monthly"),
    ],
)
def test_a_period_without_a_day_says_where_the_period_goes(text: str, period: str) -> None:
    """The plan says how often, not by when: the message says which period to write and to leave the deadline empty
    (it listed only forms with a day, then every period)."""
    with pytest.raises(DeadlineUnparsable) as info:
        parse_deadline(text)
    assert str(info.value) == (
        f"{excerpt(text)} nói kỳ báo cáo mà không nói ngày phải gửi: ghi kỳ ở period ({period}) và bỏ trống deadline "
        "(kh68 không tự đặt ngày; lời văn bản giữ ở what)"
    )


@pytest.mark.parametrize(
    ("text", "kind", "days"),
    [
        # a probe of real plans: also sent when asked (never owed: the periodic report is the deadline)
        ("trước ngày 15/12 hằng năm và đột xuất khi có yêu cầu", "YearlyDay", [(12, 15)]),
        ("Trước ngày 20/6 và 20/12 hằng năm; báo cáo đột xuất theo yêu cầu", "SixMonthlyDays", [(6, 20), (12, 20)]),
        # the word of the deadline said before each day
        ("trước ngày 15/6 và trước ngày 15/12 hằng năm", "SixMonthlyDays", [(6, 15), (12, 15)]),
        ("chậm nhất ngày 15/6 và chậm nhất ngày 15/12", "SixMonthlyDays", [(6, 15), (12, 15)]),
        # words around one form: "gửi", "của năm", "vào", "hạn cuối", the report on request in brackets
        (
            "Định kỳ 6 tháng (gửi trước ngày 15/6) và hằng năm (gửi trước ngày 15/11)",
            "SixMonthlyDays",
            [(6, 15), (11, 15)],
        ),
        (
            "định kỳ 06 tháng (trước ngày 20/6 của năm), năm (trước ngày 20/12 hàng năm)",
            "SixMonthlyDays",
            [(6, 20), (12, 20)],
        ),
        ("hạn cuối ngày 15 tháng 12 hàng năm", "YearlyDay", [(12, 15)]),
        ("vào trước ngày 20/12 hàng năm", "YearlyDay", [(12, 20)]),
        (
            "định kỳ trước ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu)",
            "SixMonthlyDays",
            [(6, 1), (11, 15)],
        ),
        ("trước ngày 20 của tháng cuối quí", "QuarterlyDay", [(3, 20), (6, 20), (9, 20), (12, 20)]),
    ],
)
def test_what_real_plans_add_to_a_deadline_is_read(text: str, kind: str, days: list[tuple[int, int]]) -> None:
    deadline = parse_deadline(text)
    assert type(deadline).__name__ == kind
    named = [deadline.named_day(p) for p in deadline.rhythm.periods(2026)]
    assert [(d.month, d.day) for d in named if d is not None] == days


def test_a_report_only_when_asked_is_still_one_on_request() -> None:
    for text in ("đột xuất, khi có yêu cầu", "khi có yêu cầu hoặc đột xuất", "báo cáo đột xuất khi có yêu cầu"):
        assert type(parse_deadline(text)).__name__ == "OnRequest"


def test_two_periods_without_a_day_say_which_period_to_write() -> None:
    """A probe of a real plan: "Định kỳ 6 tháng, hằng năm" was refused among every form with a day."""
    with pytest.raises(DeadlineUnparsable) as info:
        parse_deadline("Định kỳ 6 tháng, hằng năm")
    assert str(info.value) == (
        "'Định kỳ 6 tháng, hằng năm' nói kỳ báo cáo mà không nói ngày phải gửi: ghi kỳ ở period (six_monthly; báo "
        "cáo 6 tháng cuối năm là báo cáo năm) và bỏ trống deadline (kh68 không tự đặt ngày; lời văn bản giữ ở what)"
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("hằng tháng (trước ngày 25)", 25),
        ("định kỳ hằng tháng, trước ngày 20", 20),
        ("hằng tháng, chậm nhất ngày 25", 25),
    ],
)
def test_how_often_then_a_day_of_each_period_is_read(text: str, day: int) -> None:
    """A probe of a real plan: "hằng tháng (trước ngày 25)" was refused ("trước ngày 25 hằng tháng" was read)."""
    deadline = parse_deadline(text)
    assert (deadline.rhythm.value, deadline.day) == ("monthly", day)


def test_words_no_kind_reads_name_every_accepted_form() -> None:
    with pytest.raises(DeadlineUnparsable) as info:
        parse_deadline("cuối kỳ")
    assert str(info.value) == (
        "không hiểu hạn báo cáo 'cuối kỳ'; các dạng đọc được: trước ngày 15/12 hằng năm | trước ngày 15/6 và 15/12 | "
        "trước ngày 15/3, 15/6, 15/9 và 15/12 | trước ngày 15 của tháng cuối quý | trước ngày 20 hằng tháng | khi có yêu cầu"
    )


@pytest.mark.parametrize(
    ("text", "framed", "read"),
    [
        ("Định kỳ 06 tháng, trước ngày 15/12", "6 tháng một lần", "hằng năm"),
        ("hằng quý, trước ngày 20/12", "hằng quý", "hằng năm"),
        ("3 tháng một lần, trước ngày 20 hằng tháng", "hằng quý", "hằng tháng"),
    ],
)
def test_how_often_and_a_day_of_another_rhythm_are_refused_with_both_readings(
    text: str, framed: str, read: str
) -> None:
    """ "Định kỳ 06 tháng, trước ngày 15/12" was read as a yearly report due 15/12 (the "6 tháng" dropped)."""
    with pytest.raises(DeadlineUnparsable) as info:
        parse_deadline(text)
    day = text.split(", ", 1)[1]
    assert str(info.value).startswith(
        f"'{text}' đọc được hai cách: báo cáo {framed}, hay {read} với hạn '{day}'; ghi hạn của từng kỳ như các dạng: "
    )


@pytest.mark.parametrize(
    ("text", "rhythm"),
    [
        ("Hằng năm, trước ngày 10/11", "yearly"),
        ("định kỳ hằng quý, trước ngày 20 của tháng cuối quý", "quarterly"),
        ("hằng tháng, trước ngày 20 hằng tháng", "monthly"),
    ],
)
def test_how_often_that_agrees_with_the_day_is_read(text: str, rhythm: str) -> None:
    assert parse_deadline(text).rhythm.value == rhythm


@pytest.mark.parametrize(
    "text",
    [
        "trước ngày 15/3, 15/6, 15/9 và 15/12",
        "trước ngày 15 các tháng 3, 6, 9, 12",
        "Định kỳ hằng quý, trước ngày 15/3, 15/6, 15/9 và 15/12",
    ],
)
def test_a_day_of_each_quarter_is_read_as_each_quarters_deadline(text: str) -> None:
    """Đồng Tháp 556 (and others): four days listed were refused; the same days as "trước ngày 15 của tháng cuối
    quý"."""
    listed = parse_deadline(text).with_defaults()
    said = parse_deadline("trước ngày 15 của tháng cuối quý").with_defaults()
    quarters = [Period(2026, Rhythm.QUARTERLY, i) for i in range(1, 5)]
    assert listed.rhythm is Rhythm.QUARTERLY
    assert (
        [listed.due(q) for q in quarters]
        == [said.due(q) for q in quarters]
        == [
            date(2026, 3, 14),
            date(2026, 6, 14),
            date(2026, 9, 14),
            date(2026, 12, 14),
        ]
    )


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("trước ngày 15/6, 15/3, 15/9 và 15/12", ["2026-03-15", "2026-06-15", "2026-09-15", "2026-12-15"]),
        # quarter IV of the year before by 15/1 (it was quarter I due on its 15th day, already late on 30/12)
        ("trước ngày 15/1, 15/4, 15/7 và 15/10", ["2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15"]),
        ("ngày 20 các tháng 1, 4, 7, 10", ["2026-04-20", "2026-07-20", "2026-10-20", "2027-01-20"]),
        # the second half by 05/01 of the next year, whichever order the days are written in (it was due 05/7)
        ("05/01 và 05/07", ["2026-07-05", "2027-01-05"]),
        ("05/7 và 05/01", ["2026-07-05", "2027-01-05"]),
        ("trước ngày 15/6 và 15/12", ["2026-06-15", "2026-12-15"]),
    ],
)
def test_each_day_is_the_deadline_of_the_period_it_ends_never_of_one_barely_begun(text: str, due: list[str]) -> None:
    deadline = parse_deadline(text).with_defaults(before_day_inclusive=True)
    assert [str(deadline.named_day(p)) for p in deadline.rhythm.periods(2026)] == due


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("01/01, 02/01", "hai ngày 01/1 và 02/1 cùng là hạn báo cáo của 6 tháng cuối năm"),
        ("ngày 15/7 và 15/8", "hai ngày 15/7 và 15/8 cùng là hạn báo cáo của 6 tháng đầu năm"),
        ("trước ngày 15/3, 15/4, 15/9 và 15/12", "hai ngày 15/3 và 15/4 cùng là hạn báo cáo của quý I"),
    ],
)
def test_two_days_of_one_period_are_refused_naming_it(text: str, said: str) -> None:
    with pytest.raises(DeadlineUnparsable) as info:
        parse_deadline(text)
    assert str(info.value) == (
        f"'{text}': {said} (ngày ở đầu một kỳ là hạn của kỳ vừa kết thúc); ghi một ngày cho mỗi kỳ"
    )


def test_before_the_29th_of_february_is_a_day_every_year_has() -> None:
    """ "trước ngày 29/2, …" is due by 28/2: rule deadline-impossible said quarter I of most years had no such day."""
    listed = parse_deadline("trước ngày 29/2, 15/6, 15/9 và 15/12").with_defaults()
    first = Period(2026, Rhythm.QUARTERLY, 1)
    assert (listed.day_exists(first), listed.due(first)) == (True, date(2026, 2, 28))


@pytest.mark.parametrize("text", ["khi có yêu cầu", "Đột xuất", "báo cáo đột xuất khi có yêu cầu", "theo yêu cầu"])
def test_a_report_on_request_owes_no_period(text: str) -> None:
    """Bắc Ninh 144: "báo cáo đột xuất … khi có yêu cầu" was refused, and a duty left without its words was read
    as yearly, due 31/12."""
    deadline = parse_deadline(text)
    assert (deadline.kind, deadline.periodic) == ("on_request", False)
    assert [deadline.due(p) for p in Rhythm.YEARLY.periods(2026)] == [None]


@pytest.mark.parametrize(
    ("text", "rhythm", "due"),
    [
        # a review: "trước ngày 05/7" of a six-monthly duty made the second half due on its fifth day
        ("trước ngày 05/7", Rhythm.SIX_MONTHLY, ["2026-07-04", "None"]),
        ("trước ngày 16/6", Rhythm.SIX_MONTHLY, ["2026-06-15", "None"]),
        ("trước ngày 10/01", Rhythm.SIX_MONTHLY, ["None", "2027-01-09"]),
        ("15/12", Rhythm.QUARTERLY, ["None", "None", "None", "2026-12-15"]),
    ],
)
def test_one_day_of_a_duty_of_halves_or_quarters_is_the_deadline_of_the_period_it_ends(
    text: str, rhythm: Rhythm, due: list[str]
) -> None:
    deadline = parse_deadline(text).with_defaults()
    assert [str(deadline.due(p)) for p in rhythm.periods(2026)] == due


def test_before_the_29th_of_february_ends_a_half_year_in_every_year() -> None:
    """A review: "trước ngày 29/02" of the second half was a day most years lack; due by 28/02 of the next year."""
    deadline = parse_deadline("trước ngày 31/8 và 29/02").with_defaults()
    second = Period(2026, Rhythm.SIX_MONTHLY, 2)
    assert (deadline.day_exists(second), deadline.due(second)) == (True, date(2027, 2, 28))


@pytest.mark.parametrize(
    ("text", "due_2026", "due_2027"),
    [
        # Thanh Hóa, a programme of 2026 (reconstructed): the year's report due in January of the next year
        ("trước ngày 15/01 năm sau", date(2027, 1, 15), date(2028, 1, 15)),
        ("trước ngày 15 tháng 01 của năm sau", date(2027, 1, 15), date(2028, 1, 15)),
        ("trước ngày 15/12 hằng năm", date(2026, 12, 15), date(2027, 12, 15)),
        # a plan of one year writes the day with its year: that year's report only
        ("trước ngày 10/12/2026", date(2026, 12, 10), None),
    ],
)
def test_a_years_report_is_due_on_the_day_of_the_year_its_words_say(
    text: str, due_2026: date, due_2027: date | None
) -> None:
    deadline = parse_deadline(text).with_defaults(before_day_inclusive=True)
    assert (deadline.rhythm, deadline.named_day(Period.of_year(2026)), deadline.named_day(Period.of_year(2027))) == (
        Rhythm.YEARLY,
        due_2026,
        due_2027,
    )


@pytest.mark.parametrize(
    "text",
    [
        "6 tháng (trước ngày 10/6) và năm (trước ngày 10/12)",  # Thanh Hóa, a programme of 2026 (reconstructed)
        "báo cáo 6 tháng trước ngày 10/6, báo cáo năm trước ngày 10/12",
        "Định kỳ 06 tháng (trước ngày 10/6) và hằng năm (trước ngày 10/12)",
    ],
)
def test_a_half_years_report_and_the_years_are_two_reports_a_year(text: str) -> None:
    deadline = parse_deadline(text).with_defaults(before_day_inclusive=True)
    assert (deadline.rhythm, [deadline.named_day(p) for p in deadline.rhythm.periods(2026)]) == (
        Rhythm.SIX_MONTHLY,
        [date(2026, 6, 10), date(2026, 12, 10)],
    )


@pytest.mark.parametrize(
    "text", ["6 tháng (trước ngày 10/12) và năm (trước ngày 10/6)", "6 tháng (trước ngày 10/6) và năm (ngày 10/12)"]
)
def test_a_half_year_and_a_year_out_of_order_or_worded_apart_are_refused(text: str) -> None:
    with pytest.raises(DeadlineUnparsable):
        parse_deadline(text)


def test_the_next_year_of_a_day_holds_in_a_periods_view_too() -> None:
    """A review: "trước ngày 15/12 năm sau" was due 15/12/2027 in the year's view but 15/12/2026 in the second
    half's."""
    deadline = parse_deadline("trước ngày 15/12 năm sau").with_defaults(before_day_inclusive=True)
    assert deadline.named_day(Period.of_year(2026)) == date(2027, 12, 15)
    assert deadline.named_day(Period(2026, Rhythm.SIX_MONTHLY, 2)) == date(2027, 12, 15)


def test_a_quarter_and_a_year_without_a_day_ask_for_two_duties() -> None:
    """A review: "Định kỳ hằng quý, hằng năm" was told the second half's report is the year's."""
    with pytest.raises(DeadlineUnparsable) as info:
        parse_deadline("Định kỳ hằng quý, hằng năm")
    assert str(info.value) == (
        "'Định kỳ hằng quý, hằng năm' nói kỳ báo cáo mà không nói ngày phải gửi: ghi hai nhiệm vụ báo cáo, một period: "
        "quarterly, một period: yearly, và bỏ trống deadline (kh68 không tự đặt ngày; lời văn bản giữ ở what)"
    )


@pytest.mark.parametrize("text", ["Trước ngày 15/12 (đột xuất)", "trước ngày 15/6 và chậm nhất ngày 15/12"])
def test_words_that_may_change_a_deadline_are_not_passed_over(text: str) -> None:
    """A review: a bracket with no "và/hoặc" may say the whole report is ad hoc; two words of a deadline may mean two
    rules (before the day, or on it)."""
    with pytest.raises(DeadlineUnparsable):
        parse_deadline(text)
