"""recurring: ``Hằng năm``, ``Hàng năm``, ``Hằng quý``, ``Hằng tháng``, ``6 tháng một lần``."""

from __future__ import annotations

import pytest

from kh68.kinds.timings import Rhythm, TimingUnparsable, parse_timing

from .reading import read


@pytest.mark.parametrize(
    ("text", "rhythm"),
    [
        ("Hằng năm", Rhythm.YEARLY),
        ("Hàng năm", Rhythm.YEARLY),
        ("Định kỳ hằng năm", Rhythm.YEARLY),
        ("Hằng quý", Rhythm.QUARTERLY),
        ("Hàng quý", Rhythm.QUARTERLY),
        ("Hằng tháng", Rhythm.MONTHLY),
        ("Hàng tháng", Rhythm.MONTHLY),
        ("6 tháng một lần", Rhythm.SIX_MONTHLY),
        ("hằng 6 tháng", Rhythm.SIX_MONTHLY),
    ],
)
def test_phrasings(text: str, rhythm: Rhythm) -> None:
    timing = read(text)
    assert (timing.kind, timing.every) == ("recurring", rhythm)


@pytest.mark.parametrize("text", ["Hằng năm", "Hằng quý", "Hằng tháng", "6 tháng một lần"])
def test_no_deadline_to_miss_in_any_year(text: str) -> None:
    timing = read(text)
    assert (timing.recurs, [timing.due_in(y) for y in (2025, 2026)]) == (True, [None, None])


@pytest.mark.parametrize(
    ("text", "every"),
    [("Định kỳ 03 tháng", "quarterly"), ("3 tháng một lần", "quarterly"), ("Định kỳ 06 tháng", "six_monthly")],
)
def test_a_span_of_months_counted_as_documents_write_it(text: str, every: str) -> None:
    timing = parse_timing(text)
    assert (timing.kind, timing.every.value if timing.every else None) == ("recurring", every)


@pytest.mark.parametrize(
    ("text", "every"),
    [
        ("Tháng 6 và tháng 12 hằng năm", "six_monthly"),  # a probe of Quảng Ngãi 29/KH-UBND: the end of each half
        ("Trong tháng 06 và 12 hàng năm", "six_monthly"),
        ("Quý II và quý IV hằng năm", "six_monthly"),
        ("Tháng 3, 6, 9 và 12 hằng năm", "quarterly"),
    ],
)
def test_the_last_months_of_each_period_every_year_are_that_periods_work(text: str, every: str) -> None:
    timing = parse_timing(text)
    assert (timing.kind, timing.every.value if timing.every else None) == ("recurring", every)


@pytest.mark.parametrize("text", ["Tháng 3 và tháng 9 hằng năm", "Quý I và quý III hằng năm"])
def test_months_that_end_no_period_are_refused(text: str) -> None:
    with pytest.raises(TimingUnparsable):
        parse_timing(text)
