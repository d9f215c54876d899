"""in_year: ``Năm 2026``, ``trong năm 2026``, ``2026``."""

from __future__ import annotations

from datetime import date

import pytest

from .reading import read, window


@pytest.mark.parametrize("text", ["Năm 2026", "Trong năm 2026", "Cả năm 2026", "2026", "2026."])
def test_phrasings(text: str) -> None:
    assert window(text) == ("in_year", date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize("year", [2026, 2027])
def test_its_deadline_is_the_years_end_whichever_year_sees_it(year: int) -> None:
    assert read("Năm 2026").due_in(year) == date(2026, 12, 31)


@pytest.mark.parametrize("text", ["2027", "Năm 2027", "trong năm 2027"])
def test_a_report_says_a_year_as_a_year(text: str) -> None:
    assert read(text).words() == "năm 2027"
