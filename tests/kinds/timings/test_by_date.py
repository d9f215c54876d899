"""by_date: ``trước ngày 01/01/2030``, ``Chậm nhất ngày 10/12/2025``, ``đến ngày 30/6/2026``."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import TimingUnparsable, parse_timing

from .reading import window


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày)", date(2025, 12, 10)),
        ("đến ngày 30/6/2026", date(2026, 6, 30)),
        ("Hạn 30/6/2026", date(2026, 6, 30)),
    ],
)
def test_the_day_itself_is_in_time(text: str, end: date) -> None:
    assert window(text) == ("by_date", None, end)


def test_before_a_day_is_the_day_before_unless_the_plan_says_otherwise() -> None:
    assert window("trước ngày 01/01/2030") == ("by_date", None, date(2029, 12, 31))
    assert window("Trước ngày 05/11/2026", before_day_inclusive=True) == ("by_date", None, date(2026, 11, 5))
    assert window("Trước ngày 05/11/2026", before_day_inclusive=False) == ("by_date", None, date(2026, 11, 4))


def test_a_day_that_does_not_exist_is_refused() -> None:
    with pytest.raises(TimingUnparsable, match="một ngày không có thật"):
        parse_timing("trước ngày 31/4/2026")
