"""kh68.outputs.charts: round axis ticks, targets as the engine states them, escaped text."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLE_PLAN, REPO
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
    # only the targets the plan set: the chart goes in a report's annex, which carries no interpolated milestone
    assert re.findall(r"<title>(Chỉ tiêu năm[^<]*|Mục tiêu[^<]*)</title>", svg) == [
        "Chỉ tiêu năm 2025: 30-35%",
        "Chỉ tiêu năm 2030: 35-40%",
        "Mục tiêu năm 2030: 35-40%",
    ]
    assert "nội suy" not in svg
    assert ">Mục tiêu 2030: 35-40%</text>" in svg
    assert svg.count("<circle") == 3


def test_no_chart_without_a_measured_value(results) -> None:
    plan, res = results
    assert indicator_chart(plan, res.get("6.8")) == ""


def test_an_axis_of_figures_none_of_them_negative_starts_at_zero_or_above() -> None:
    """Sơn La's exports, 0 to 28.050 nghìn USD against 240.000: the axis began at -200.000 (padding below)."""
    plan = load_plan(REPO / "tests" / "fixtures" / "plans" / "sonla-2954")
    svg = indicator_chart(plan, evaluate_plan(plan, 2026).get("XK"))
    ticks = re.findall(r'text-anchor="end" fill="#444">([^<]*)</text>', svg)
    assert ticks[0] == "0"
