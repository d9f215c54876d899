"""from_year: ``Năm 2024 và các năm tiếp theo``, ``Từ năm 2026``, ``Quý IV năm 2024 và các năm tiếp theo``."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import TimingUnparsable, parse_timing

from .reading import read, window


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Năm 2024 và các năm tiếp theo.", date(2024, 1, 1)),
        ("Từ năm 2026 và các năm tiếp theo", date(2026, 1, 1)),
        ("Từ năm 2026", date(2026, 1, 1)),
        ("Từ năm 2026 trở đi", date(2026, 1, 1)),
        ("Quý IV năm 2024 và các năm tiếp theo.", date(2024, 10, 1)),
        ("Quý IV năm 2024, năm 2025 và các năm tiếp theo.", date(2024, 10, 1)),
        # a year without "năm" (HCMC 2820, mục III: "… Trung tâm dữ liệu quốc gia (2026 trở đi)")
        ("2026 trở đi", date(2026, 1, 1)),
        ("(2026 trở đi)", date(2026, 1, 1)),
        ("2026 và các năm tiếp theo", date(2026, 1, 1)),
        # a probe of real plans: "những năm tiếp theo", "các năm kế tiếp"
        ("Năm 2026 và những năm tiếp theo", date(2026, 1, 1)),
        ("Từ năm 2026 và các năm kế tiếp", date(2026, 1, 1)),
        ("Giai đoạn 2026-2030 và những năm tiếp theo", date(2026, 1, 1)),
        ("Từ 01/7/2025", date(2025, 7, 1)),
    ],
)
def test_phrasings(text: str, start: date) -> None:
    assert window(text) == ("from_year", start, None)


@pytest.mark.parametrize("text", ["trở đi", "khoảng 2026 trở đi", "20260 trở đi", "Quý V/2026 trở đi"])
def test_a_point_of_time_it_cannot_read_is_refused(text: str) -> None:
    with pytest.raises(TimingUnparsable):
        parse_timing(text)


@pytest.mark.parametrize(("year", "active"), [(2025, False), (2026, True), (2030, True)])
def test_under_way_from_its_year_on(year: int, active: bool) -> None:
    assert read("Từ năm 2026").active_in(year) is active
