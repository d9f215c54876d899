"""before_period: ``Trước quý III/2026``, ``Hoàn thành trước quý III/2026``, ``trước tháng 7/2026``."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import TimingUnparsable

from .reading import read, window


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Trước quý III/2026", date(2026, 6, 30)),
        ("Hoàn thành trước quý III/2026", date(2026, 6, 30)),
        ("trước Quý I năm 2027", date(2026, 12, 31)),
        ("Trước tháng 7/2026", date(2026, 6, 30)),
        ("trước tháng 1/2027", date(2026, 12, 31)),
    ],
)
def test_done_before_the_period_begins(text: str, end: date) -> None:
    assert window(text) == ("before_period", None, end)
    assert read(text).due_in(2026) == end


def test_a_quarter_that_is_not_one_is_refused() -> None:
    with pytest.raises(TimingUnparsable):
        read("trước quý V/2026")
