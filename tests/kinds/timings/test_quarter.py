"""quarter: ``Quý II/2026``, ``Quý II năm 2026``, ``Xong trong Quý II/2026``, ``Quý I–II/2026``."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import TimingUnparsable, parse_timing

from .reading import read, window


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Quý II/2026", date(2026, 4, 1), date(2026, 6, 30)),
        ("Quí IV-2025", date(2025, 10, 1), date(2025, 12, 31)),  # a probe of real plans: the older spelling, a dash
        ("Quý II năm 2026", date(2026, 4, 1), date(2026, 6, 30)),
        ("quý 2/2026", date(2026, 4, 1), date(2026, 6, 30)),
        ("Xong trong Quý II/2026", date(2026, 4, 1), date(2026, 6, 30)),
        ("Hoàn thành trong Quý IV/2025", date(2025, 10, 1), date(2025, 12, 31)),
        ("(hoàn thành trong Quý II/2025)", date(2025, 4, 1), date(2025, 6, 30)),
        ("Quý IV năm 2024.", date(2024, 10, 1), date(2024, 12, 31)),
        ("Quý I–II/2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("Quý IV/2025 và Quý I/2026", date(2025, 10, 1), date(2026, 3, 31)),
        ("Quý II và quý III/2026", date(2026, 4, 1), date(2026, 9, 30)),  # the year written once, at the end
    ],
)
def test_phrasings(text: str, start: date, end: date) -> None:
    assert window(text) == ("quarter", start, end)


def test_framing_words_are_kept_aside() -> None:
    timing = read("Dự kiến Quý II/2026 (sau khi có hướng dẫn của Bộ)")
    assert (timing.kind, timing.tentative, timing.condition) == ("quarter", True, "sau khi có hướng dẫn của Bộ")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Quý II và quý IV/2026", "hai quý không liền nhau"),
        ("Quý I/2026 và Quý III/2026", "hai quý không liền nhau"),
        ("Quý II và quý II/2026", "ghi một quý hai lần"),
    ],
)
def test_two_quarters_apart_are_two_deadlines_and_refused(text: str, said: str) -> None:
    """A probe: "Quý II và quý IV/2026" was one span to 31/12, so quý II's work was never late; "Quý II và quý II"
    passed as one quarter."""
    with pytest.raises(TimingUnparsable, match=said):
        read(text)


def test_two_quarters_apart_with_the_plans_deadline_are_its_words() -> None:
    """The way out the message names: the words with the deadline the plan means (a review: it was refused too)."""
    timing = parse_timing("Quý II và quý IV/2026", dated=True)
    assert (timing.kind, timing.text) == ("stated", "Quý II và quý IV/2026")
