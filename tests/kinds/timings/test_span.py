"""span: ``Giai đoạn 2026-2030``, ``2026 - 2030``, ``2026–2027``."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import TimingUnparsable, parse_timing

from .reading import read, window


@pytest.mark.parametrize(
    "text",
    [
        "Giai đoạn 2026-2030",
        "Từ năm 2026 - 2030",  # a probe of real plans
        "2026 - 2030",
        "2026–2030",
        "2026-2030;",
        "trong giai đoạn 2026 - 2030",
        "xuyên suốt 2026 - 2030",
        "(xuyên suốt 2026 - 2030)",
        "xuyên suốt giai đoạn 2026 - 2030",
    ],
)
def test_phrasings(text: str) -> None:
    assert window(text) == ("span", date(2026, 1, 1), date(2030, 12, 31))


@pytest.mark.parametrize("text", ["xuyên suốt", "xuyên suốt 2030 - 2026", "xuyên suốt năm 2026", "suốt 2026 - 2030"])
def test_what_is_not_a_span_is_refused(text: str) -> None:
    with pytest.raises(TimingUnparsable):
        parse_timing(text)


@pytest.mark.parametrize(("year", "active"), [(2025, False), (2026, True), (2030, True), (2031, False)])
def test_under_way_in_its_years(year: int, active: bool) -> None:
    assert read("Giai đoạn 2026-2030").active_in(year) is active


@pytest.mark.parametrize("text", ["(2027 - 2030)", "Giai đoạn 2027-2030", "xuyên suốt 2027 - 2030"])
def test_a_report_says_a_span_as_a_period(text: str) -> None:
    assert read(text).words() == "giai đoạn 2027 - 2030"
