"""until_year: ``Đến năm 2030``, ``đến hết năm 2026``, ``trước năm 2030``."""

from __future__ import annotations

from datetime import date

import pytest

from .reading import window


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Đến năm 2030", date(2030, 12, 31)),
        ("Đến hết năm 2026", date(2026, 12, 31)),
        ("từ nay đến năm 2030", date(2030, 12, 31)),  # a probe of real plans
        ("Từ nay đến hết năm 2025", date(2025, 12, 31)),
        ("Trước năm 2030", date(2029, 12, 31)),
    ],
)
def test_phrasings(text: str, end: date) -> None:
    assert window(text) == ("until_year", None, end)
