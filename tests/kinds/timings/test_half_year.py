"""half_year: ``6 tháng đầu năm 2026``, ``6 tháng cuối năm 2026``."""

from __future__ import annotations

from datetime import date

import pytest

from .reading import window


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("6 tháng đầu năm 2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("Sáu tháng cuối năm 2026", date(2026, 7, 1), date(2026, 12, 31)),
        ("Trong 6 tháng đầu năm 2026", date(2026, 1, 1), date(2026, 6, 30)),
    ],
)
def test_phrasings(text: str, start: date, end: date) -> None:
    assert window(text) == ("half_year", start, end)
