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
