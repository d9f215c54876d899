"""ongoing: ``Thường xuyên``."""

from __future__ import annotations

import pytest

from .reading import read, window


@pytest.mark.parametrize(
    "text",
    [
        "Thường xuyên",
        "Thường xuyên.",
        "thường  xuyên",
        "Thường xuyên, liên tục",
        "Cả năm",
        "Quanh năm",
        "Thường xuyên, hằng năm",  # a new user's plan
        "Hằng năm, thường xuyên",
        "Thường xuyên, định kỳ",  # a probe of real plans
        "Định kỳ và thường xuyên",
        "Thường xuyên, theo yêu cầu nhiệm vụ",
    ],
)
def test_phrasings(text: str) -> None:
    assert window(text) == ("ongoing", None, None)


def test_under_way_every_year_with_no_deadline() -> None:
    timing = read("Thường xuyên")
    assert [timing.active_in(y) for y in (2020, 2030)] == [True, True]
    assert timing.due_in(2026) is None
