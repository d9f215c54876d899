"""by_year: ``Đến năm 2025 và các năm tiếp theo``: done by the end of the year, kept up after."""

from __future__ import annotations

from datetime import date

from .reading import read, window


def test_phrasing() -> None:
    assert window("Đến năm 2025 và các năm tiếp theo.") == ("by_year", None, date(2025, 12, 31))


def test_under_way_before_and_after_its_deadline() -> None:
    timing = read("Đến năm 2025 và các năm tiếp theo")
    assert [timing.active_in(y) for y in (2024, 2025, 2027)] == [True, True, True]
