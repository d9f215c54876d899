"""per_year: ``trung bình mỗi năm từ 05 trở lên``, ``bình quân mỗi năm 500 ha``, ``hằng năm trên 95%``."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import Aggregate, Style

from .judging import H, History, read, requirement


@pytest.mark.parametrize(
    ("text", "mean", "inner", "bound"),
    [
        ("trung bình mỗi năm từ 05 trở lên", True, "at_least", 5),
        ("bình quân mỗi năm 500 ha", True, "at_least", 500),
        ("trung bình hằng năm ít nhất 10", True, "at_least", 10),
        ("hằng năm trên 95%", False, "greater_than", 95),
        ("Hàng năm đạt 100%", False, "at_least", 100),
        ("mỗi năm không quá 3", False, "at_most", 3),
        ("giai đoạn 2026 - 2030, trung bình mỗi năm 500 ha", True, "at_least", 500),
    ],
)
def test_phrasings(text: str, mean: bool, inner: str, bound: float) -> None:
    target = read(text)
    assert (target.kind, target.mean, target.inner.kind, target.inner.bound) == ("per_year", mean, inner, bound)


def test_a_growth_is_not_a_mean() -> None:
    assert read("bình quân mỗi năm tăng 8%").kind == "yearly_change"


def test_the_mean_is_judged_over_the_span_and_each_year_on_its_own() -> None:
    mean = requirement("trung bình mỗi năm từ 05 trở lên", H, History(), year=2030, start=2026)
    assert (mean.aggregate, mean.span, mean.goal) == (Aggregate.MEAN, (2026, 2030), 5)
    each = requirement("hằng năm trên 95%", H, History(), year=2030, start=2026)
    assert (each.aggregate, each.span, each.goal, each.strict) == (Aggregate.YEAR, (2026, 2030), 95, True)


def test_words() -> None:
    target = read("trung bình mỗi năm từ 05 trở lên")
    assert [target.words(style, Measure("trường"), H) for style in Style] == [
        "TB/năm ≥ 5 trường",
        "trung bình mỗi năm từ 5 trường trở lên",
        "trung bình mỗi năm từ 5 trường trở lên",
    ]


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("mỗi năm từ 05", "mỗi năm từ 5 bộ dữ liệu trở lên"),
        ("Bình quân  hằng năm 500", "bình quân hằng năm 500 bộ dữ liệu"),
        ("hàng năm trên 5", "hàng năm trên 5 bộ dữ liệu"),
    ],
)
def test_a_report_says_each_year_in_the_plans_own_words(text: str, report: str) -> None:
    assert read(text).words(Style.REPORT, Measure("bộ dữ liệu"), H) == report


def test_each_year_with_what_it_has() -> None:
    """A probe of a real plan: "mỗi năm có ít nhất 150 sản phẩm" was refused ("hằng năm ít nhất 150" was read)."""
    target = read("mỗi năm có ít nhất 150 sản phẩm")
    assert (target.kind, target.mean, target.inner.bound, target.unit) == ("per_year", False, 150, "sản phẩm")
