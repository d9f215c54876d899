"""total: ``tổng giai đoạn 2026 - 2030 ít nhất 5.000 ha``, ``lũy kế 5.000 ha``, ``cả giai đoạn 12.000 tỷ đồng``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Aggregate, Style

from .judging import H, History, read, requirement


@pytest.mark.parametrize(
    ("text", "span", "bound"),
    [
        ("tổng giai đoạn 2026 - 2030 ít nhất 5.000 ha", (2026, 2030), 5000),
        ("lũy kế 5.000 ha", None, 5000),
        ("cả giai đoạn 12.000 tỷ đồng", None, 12000),
        ("trong giai đoạn 2026-2030 đạt 5.000 ha", (2026, 2030), 5000),
    ],
)
def test_phrasings(text: str, span, bound: float) -> None:
    target = read(text)
    assert (target.kind, target.span, target.inner.bound) == ("total", span, bound)


def test_the_span_is_the_plans_period_up_to_its_year_when_the_words_say_none() -> None:
    required = requirement("lũy kế 5.000 ha", H, History(), year=2030, start=2026)
    assert (required.aggregate, required.span, required.goal) == (Aggregate.SUM, (2026, 2030), 5000)


def test_words() -> None:
    target = read("tổng giai đoạn 2026 - 2030 ít nhất 5.000 ha")
    assert target.words(Style.REPORT, Measure("ha"), H) == "tổng giai đoạn 2026–2030 từ 5.000 ha trở lên"
