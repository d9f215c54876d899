"""at_review: ``Khi tiến hành sơ kết, tổng kết Nghị quyết``: at reviews; a day only when the plan gives one."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import dated

from .reading import read


@pytest.mark.parametrize(
    "text",
    ["Khi tiến hành sơ kết, tổng kết Nghị quyết.", "  khi  tiến hành sơ kết,  tổng kết Nghị quyết", "Sơ kết, tổng kết"],
)
def test_phrasings(text: str) -> None:
    timing = read(text)
    assert (timing.kind, timing.on_event, timing.end) == ("at_review", True, None)


def test_not_expected_in_any_year_without_its_day() -> None:
    assert [read("Khi tiến hành sơ kết, tổng kết").active_in(y) for y in (2024, 2027)] == [False, False]


def test_with_the_reviews_day_it_is_due_then() -> None:
    timing = dated(read("Khi tiến hành sơ kết, tổng kết"), start=None, due=date(2027, 6, 30))
    assert (timing.on_event, timing.end, timing.active_in(2027)) == (False, date(2027, 6, 30), True)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a real plan (Đắk Lắk 0125): the month was dropped, the work never due
        ("Tổng kết vào tháng 4 năm 2026", date(2026, 4, 1), date(2026, 4, 30)),
        ("Sơ kết vào quý II/2026", date(2026, 4, 1), date(2026, 6, 30)),
        ("Sơ kết trong năm 2027", date(2027, 1, 1), date(2027, 12, 31)),
    ],
)
def test_a_review_whose_words_name_its_time_is_due_at_its_end(text: str, start: date, end: date) -> None:
    timing = read(text)
    assert (timing.kind, timing.on_event, timing.start, timing.end) == ("at_review", False, start, end)


@pytest.mark.parametrize("text", ["Tổng kết Nghị quyết 68", "Tổng kết năm 2025", "Sơ kết quý II/2026"])
def test_what_is_reviewed_is_no_time_of_the_review(text: str) -> None:
    """A review: "Tổng kết năm 2025" is the review of 2025, held after it (often in January): due 31/12/2025 it was
    late on 1/1."""
    timing = read(text)
    assert (timing.on_event, timing.end) == (True, None)
