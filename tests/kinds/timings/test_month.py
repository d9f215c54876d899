"""month: ``tháng 5/2026``, ``Tháng 5 năm 2026``, ``trong tháng 01/2024``."""

from __future__ import annotations

from datetime import date

import pytest

from .reading import window


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("tháng 5/2026", date(2026, 5, 1), date(2026, 5, 31)),
        ("Tháng 5 năm 2026", date(2026, 5, 1), date(2026, 5, 31)),
        ("Trong tháng 01/2024", date(2024, 1, 1), date(2024, 1, 31)),
        ("tháng 2/2028", date(2028, 2, 1), date(2028, 2, 29)),
        ("Dự kiến tháng 11/2025 (sau khi Ban Thường trực ban hành Hướng dẫn)", date(2025, 11, 1), date(2025, 11, 30)),
    ],
)
def test_phrasings(text: str, start: date, end: date) -> None:
    assert window(text) == ("month", start, end)
