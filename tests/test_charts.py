"""kh68.outputs.charts: round axis ticks, targets as the engine states them, escaped text."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLE_PLAN
from kh68.lint.check import load_plan
from kh68.outputs.charts import indicator_chart, nice_ticks
from kh68.tracking.engine import evaluate_plan


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (27.3, 42.1, [25, 30, 35, 40, 45]),
        (0, 100, [0, 25, 50, 75, 100]),
        (94.1, 100, [94, 96, 98, 100]),
        (99.4, 100, [99.4, 99.6, 99.8, 100]),
        (51.2, 61.6, [50, 55, 60, 65]),  # span 10,4 / 4 = 2,6 → step 5
    ],
)
def test_nice_ticks_are_round_and_cover_the_range(low, high, ticks) -> None:
    assert nice_ticks(low, high) == ticks


@pytest.fixture(scope="module")
def results():
    plan = load_plan(EXAMPLE_PLAN)
    return plan, evaluate_plan(plan, 2025)


def test_chart_of_a_range_indicator(results) -> None:
    plan, res = results
    svg = indicator_chart(plan, res.get("6.2"))
    labels = re.findall(r'text-anchor="end" fill="#444">([^<]*)</text>', svg)
    assert labels == ["25", "30", "35", "40", "45"]
    assert "<title>Chỉ tiêu năm 2027: 32-37% (mốc nội suy)</title>" in svg
    assert "<title>Mục tiêu năm 2030: 35-40%</title>" in svg
    assert ">Mục tiêu 2030: 35-40%</text>" in svg
    assert svg.count("<circle") == 3


def test_no_chart_without_a_measured_value(results) -> None:
    plan, res = results
    assert indicator_chart(plan, res.get("6.8")) == ""
