"""each_year: ``Quý IV hằng năm``, ``Tháng 12 hằng năm``, ``Trước ngày 15/12 hằng năm``, ``Hằng năm, trước ngày
15/12``: due in every year by the day its words name."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import TimingUnparsable, dated, parse_timing

from .reading import read


@pytest.mark.parametrize(
    ("text", "due_2026", "due_2027"),
    [
        ("Quý I hằng năm", date(2026, 3, 31), date(2027, 3, 31)),
        ("Quý IV hàng năm", date(2026, 12, 31), date(2027, 12, 31)),
        ("Trong quý 2 hằng năm", date(2026, 6, 30), date(2027, 6, 30)),
        ("Tháng 12 hằng năm", date(2026, 12, 31), date(2027, 12, 31)),
        ("Trong tháng 02 hằng năm", date(2026, 2, 28), date(2027, 2, 28)),
        ("Trước ngày 15/12 hằng năm", date(2026, 12, 14), date(2027, 12, 14)),
        ("Chậm nhất ngày 15/12 hằng năm", date(2026, 12, 15), date(2027, 12, 15)),
        ("Ngày 10/01 hằng năm", date(2026, 1, 10), date(2027, 1, 10)),
        ("Hằng năm, trước ngày 20/12", date(2026, 12, 19), date(2027, 12, 19)),
        ("Định kỳ hằng năm: quý IV", date(2026, 12, 31), date(2027, 12, 31)),
        ("Hằng năm (trước ngày 15/12)", date(2026, 12, 14), date(2027, 12, 14)),
    ],
)
def test_due_in_each_year_by_the_day_its_words_name(text: str, due_2026: date, due_2027: date) -> None:
    timing = read(text)
    assert (timing.kind, timing.recurs, timing.condition, timing.text) == ("each_year", True, None, text)
    assert [timing.due_in(2026), timing.due_in(2027)] == [due_2026, due_2027]
    assert [timing.active_in(y) for y in (2020, 2030)] == [True, True]


def test_before_a_day_is_in_time_on_it_by_the_plans_rule() -> None:
    assert read("Trước ngày 15/12 hằng năm", before_day_inclusive=True).due_in(2026) == date(2026, 12, 15)


def test_a_round_after_the_last_day_the_plan_gives_is_not_due() -> None:
    timing = dated(parse_timing("Quý IV hằng năm"), start=None, due=date(2027, 12, 31))
    assert [timing.due_in(y) for y in (2026, 2027, 2028)] == [date(2026, 12, 31), date(2027, 12, 31), None]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Ngày 29/02 hằng năm", "ghi ngày 29/02, chỉ năm nhuận có"),
        ("Trước ngày 31/4 hằng năm", "ghi ngày 31/04, không có thật"),
    ],
)
def test_a_day_not_every_year_has_is_refused(text: str, said: str) -> None:
    with pytest.raises(TimingUnparsable) as info:
        parse_timing(text)
    assert said in str(info.value)


def test_a_bracket_naming_when_the_work_begins_is_its_start() -> None:
    """A review: "Quý IV hằng năm (từ năm 2027)" kept "từ năm 2027" as a condition no one reads, and 2026's round was
    overdue."""
    timing = read("Quý IV hằng năm (từ năm 2027)")
    assert (timing.kind, timing.start, timing.condition) == ("each_year", date(2027, 1, 1), None)
    assert [timing.due_in(y) for y in (2026, 2027)] == [None, date(2027, 12, 31)]


@pytest.mark.parametrize(
    ("text", "aside"),
    [("Thường xuyên (đến năm 2030)", "đến năm 2030"), ("Quý II/2026 (từ tháng 4/2026)", "từ tháng 4/2026")],
)
def test_a_bracket_naming_another_time_is_refused_saying_so(text: str, aside: str) -> None:
    with pytest.raises(TimingUnparsable) as info:
        parse_timing(text)
    assert str(info.value).startswith(
        f"thời gian thực hiện '{text}' có phần trong ngoặc '{aside}' cũng nói thời gian; kh68 không đọc chung hai phần"
    )
