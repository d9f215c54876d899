"""window: ``Từ tháng 12/2025 đến quý I/2026``, ``từ ngày 15/12/2024 đến ngày 28/02/2025``."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import TimingUnparsable, parse_timing

from .reading import window


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Từ tháng 12/2025 đến quý I/2026", date(2025, 12, 1), date(2026, 3, 31)),
        ("Từ tháng 11/2025 đến tháng 4/2026", date(2025, 11, 1), date(2026, 4, 30)),
        ("tháng 11/2025 đến tháng 4/2026", date(2025, 11, 1), date(2026, 4, 30)),
        ("Thời gian thực hiện từ ngày 15/12/2024 đến ngày 28/02/2025.", date(2024, 12, 15), date(2025, 2, 28)),
        ("Từ năm 2026 đến năm 2030", date(2026, 1, 1), date(2030, 12, 31)),
        # a probe of real plans: the verb before "từ"
        ("thực hiện từ tháng 10 năm 2025 đến hết tháng 3 năm 2026", date(2025, 10, 1), date(2026, 3, 31)),
        ("Từ quý II/2026 đến hết năm 2027", date(2026, 4, 1), date(2027, 12, 31)),
        ("Từ 2025 đến 2026", date(2025, 1, 1), date(2026, 12, 31)),  # years without "năm"
    ],
)
def test_phrasings(text: str, start: date, end: date) -> None:
    assert window(text) == ("window", start, end)


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(TimingUnparsable):
        parse_timing("Từ tháng 5/2026 đến tháng 2/2026")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Tháng 12/2025 - Quý I/2026", date(2025, 12, 1), date(2026, 3, 31)),  # Đồng Tháp 552/KH-UBND
        ("Quý IV/2025 - tháng 2/2026", date(2025, 10, 1), date(2026, 2, 28)),
    ],
)
def test_from_a_month_to_a_quarter_written_with_a_dash(text: str, start: date, end: date) -> None:
    assert window(text) == ("window", start, end)
