"""The gap engine (issue 3): target in force, status, gap and aggregation.

Every expected number below is worked out by hand in the comment next to it.
"""

from __future__ import annotations

from typing import ClassVar

import pytest

from conftest import EXAMPLE_PLAN, indicator
from kh68.kinds.targets import Requirement
from kh68.kinds.verdict import Direction
from kh68.lint.check import load_plan
from kh68.reading.models import Measurement, TaskState, Thresholds, YearData
from kh68.tracking.engine import (
    Category,
    Status,
    assess,
    computed_value,
    evaluate,
    evaluate_plan,
    observed_value,
    target_in_force,
)
from kh68.vocab import STATUS_LABELS

H, L = Direction.HIGHER, Direction.LOWER


def at_least(n: float) -> Requirement:
    """A bound to reach (at most, where lower is better)."""
    return Requirement(n)


def greater_than(n: float) -> Requirement:
    return Requirement(n, strict=True)


def between(a: float, b: float, direction: Direction = Direction.HIGHER) -> Requirement:
    """A range: its goal is the bound on the worse side, ``far`` the one on the better side."""
    return Requirement(a, far=b) if direction is Direction.HIGHER else Requirement(b, far=a)


def compare(requirement: Requirement, value: float, direction: Direction) -> Status:
    return requirement.judge(value, direction)


def gap(requirement: Requirement, value: float, direction: Direction) -> float:
    return requirement.gap(value, direction)


def bounds(t) -> tuple[float | None, float | None]:
    """A target in force's bounds, low then high."""
    r = t.requirement
    return (r.goal, r.far) if r.far is None or r.goal < r.far else (r.far, r.goal)


# ------------------------------------------------------------ target in force


class TestStatedTargets:
    def test_stated_target_is_used_as_written(self):
        ind = indicator({2025: "30-35", 2030: "35-40"})
        t = target_in_force(ind, 2025)
        assert (t.text, t.meaning.kind, bounds(t), t.derived) == ("30-35", "range", (30, 35), False)

    def test_stated_final_year(self):
        t = target_in_force(indicator({2025: "30-35", 2030: "35-40"}), 2030)
        assert (bounds(t), t.derived) == ((35, 40), False)

    def test_vietnamese_decimal_comma(self):
        t = target_in_force(indicator({2025: "99,5", 2030: "99,5"}), 2025)
        assert t.meaning.kind == "at_least"
        assert t.requirement == at_least(99.5)

    def test_footnote_is_kept(self):
        ind = indicator({2025: {"text": "Triển khai theo đề án", "footnote": "theo giai đoạn"}, 2030: "Hoàn thành"})
        assert target_in_force(ind, 2025).footnote == "theo giai đoạn"

    @pytest.mark.parametrize("year", [2020, 2024])
    def test_no_target_before_first_stated_year(self, year):
        assert target_in_force(indicator({2025: "30-35", 2030: "35-40"}), year) is None

    @pytest.mark.parametrize("year", [2031, 2035])
    def test_no_target_after_last_stated_year(self, year):
        assert target_in_force(indicator({2025: "30-35", 2030: "35-40"}), year) is None

    def test_dash_means_no_target(self):
        assert target_in_force(indicator({2025: "-", 2030: "> 95"}), 2025) is None

    @pytest.mark.parametrize("year", [2026, 2027, 2028, 2029])
    def test_no_target_after_a_dash_until_the_next_stated_year(self, year):
        ind = indicator({2025: "-", 2030: "> 95"})
        assert target_in_force(ind, year) is None
        assert target_in_force(ind, 2030).requirement == greater_than(95)

    def test_no_target_for_an_indicator_without_targets(self):
        assert target_in_force(indicator({}), 2025) is None


class TestInterpolatedTargets:
    @pytest.mark.parametrize(
        ("year", "low", "high", "text"),
        [
            # 30 + (35-30)·k/5 and 35 + (40-35)·k/5 for k = 1..4
            (2026, 31, 36, "31-36"),
            (2027, 32, 37, "32-37"),
            (2028, 33, 38, "33-38"),
            (2029, 34, 39, "34-39"),
        ],
    )
    def test_range_to_range_bound_by_bound(self, year, low, high, text):
        t = target_in_force(indicator({2025: "30-35", 2030: "35-40"}), year)
        assert bounds(t) == (pytest.approx(low), pytest.approx(high))
        assert t.derived is True
        assert t.text == text

    def test_number_to_number(self):
        # 80 + (90-80)·3/5 = 86
        t = target_in_force(indicator({2025: "80", 2030: "90"}), 2028)
        assert (t.requirement, t.derived, t.text) == (at_least(86), True, "86")

    def test_decimal_interpolation_is_compared_as_shown(self):
        # 99,96 + (99,97-99,96)·2/5 = 99,964, rounded to the targets' two decimals: 99,96,
        # and that milestone (not 99,964) is what a value is compared with.
        t = target_in_force(indicator({2025: "99,96", 2030: "99,97"}), 2027)
        assert (t.requirement.goal, t.decimals, t.text, t.display) == (99.96, 2, "99,96", "99,96%")

    def test_a_value_equal_to_the_shown_milestone_is_met_with_gap_zero(self):
        # The old engine compared 99,96 with 99,964: "~99,96%* 99,96% 0 Chưa đạt".
        ind = indicator({2025: "99,96", 2030: "99,97"})
        r = evaluate(ind, 2027, {2027: YearData(year=2027, indicators={"9.1": {"value": "99,96"}})}, Thresholds())
        assert (r.target.display, r.value_display, r.gap, r.status) == ("99,96%", "99,96%", 0, Status.MET)

    def test_interpolation_keeps_the_finer_precision_of_the_stated_targets(self):
        # 99,9555 → 99,9755 over 2025–2029: 2027 is 99,9655, kept at four decimals
        # (three decimals after a comma, "99,955", read two ways: tests/test_numbers_everywhere.py)
        t = target_in_force(indicator({2025: "99,9555", 2029: "99,9755"}), 2027)
        assert (t.requirement.goal, t.decimals, t.display) == (99.9655, 4, "99,9655%")

    def test_equal_targets_stay_equal(self):
        t = target_in_force(indicator({2025: "99,5", 2030: "99,5"}), 2027)
        assert t.requirement == at_least(99.5)
        assert t.derived

    def test_number_to_range_is_at_least_interpolated_lower_bound(self):
        # 6.3: 95 (2025) → 95-97 (2030); lower bounds 95 → 95
        t = target_in_force(indicator({2025: "95", 2030: "95- 97"}), 2027)
        assert t.requirement == at_least(95)
        assert t.derived
        # 90 → 95-97: 90 + (95-90)·2/5 = 92
        t = target_in_force(indicator({2025: "90", 2030: "95-97"}), 2027)
        assert t.requirement == at_least(92)

    def test_range_to_number_is_at_least_interpolated_lower_bound(self):
        # lower bounds 30 → 40: 30 + 10·1/5 = 32
        t = target_in_force(indicator({2025: "30-35", 2030: "40"}), 2026)
        assert t.requirement == at_least(32)
        assert t.derived

    def test_greater_than_to_greater_than_stays_greater_than(self):
        # > 60 → > 70: 60 + 10·3/5 = 66
        t = target_in_force(indicator({2025: "> 60", 2030: "> 70"}), 2028)
        assert t.requirement == greater_than(66)
        assert t.derived
        assert t.text == "> 66"

    def test_number_to_greater_than_is_at_least(self):
        # 6.5: 60 (2025) → > 60 (2030): at least 60 in between, not strict
        t = target_in_force(indicator({2025: "60", 2030: "> 60"}), 2027)
        assert t.requirement == at_least(60)
        assert t.derived

    def test_milestone_to_completion_carries_the_milestone(self):
        ind = indicator(
            {2025: {"text": "Triển khai theo đề án", "footnote": "theo giai đoạn"}, 2030: "Hoàn thành"},
            basis="share_of_units",
        )
        for year in (2026, 2029):
            t = target_in_force(ind, year)
            assert t.meaning.kind == "milestone"
            assert t.text == "Triển khai theo đề án"
            assert t.derived is True
            assert t.footnote == "theo giai đoạn"
        assert target_in_force(ind, 2030).meaning.kind == "completion"
        assert target_in_force(ind, 2030).derived is False

    def test_milestone_to_number_carries_the_milestone(self):
        t = target_in_force(indicator({2025: "Xây dựng đề án", 2030: "80"}), 2027)
        assert t.meaning.kind == "milestone"
        assert t.derived

    def test_interpolation_between_uneven_years(self):
        # 2024: 50, 2026: 54 → 2025: 52; 2026 stated; 2026 → 2030: 54 → 70, 2029: 54 + 16·3/4 = 66
        ind = indicator({2024: "50", 2026: "54", 2030: "70"})
        assert target_in_force(ind, 2025).requirement == at_least(52)
        assert target_in_force(ind, 2026).derived is False
        assert target_in_force(ind, 2029).requirement == at_least(66)

    def test_dash_in_the_middle_cuts_interpolation(self):
        ind = indicator({2024: "50", 2026: "-", 2030: "70"})
        assert target_in_force(ind, 2025).requirement == at_least(50)  # carried toward the "-"
        assert target_in_force(ind, 2026) is None
        assert target_in_force(ind, 2028) is None

    def test_lower_is_better_range_to_number_interpolates_the_binding_upper_bound(self):
        # Lower is better: a range 2-4 is met at ≤ 4, a number 1 at ≤ 1. The derived
        # target interpolates the bound that must be reached: 4 + (1-4)·2/5 = 2,8.
        ind = indicator({2025: "2-4", 2030: "1"}, direction="lower")
        t = target_in_force(ind, 2027)
        assert t.requirement == at_least(2.8)
        assert t.derived
        assert compare(t.requirement, 2.8, L) is Status.MET
        assert compare(t.requirement, 3.0, L) is Status.NOT_MET

    def test_lower_is_better_range_to_range_bound_by_bound(self):
        # 4-6 → 2-3: 2027 → 4 + (2-4)·2/5 = 3,2 and 6 + (3-6)·2/5 = 4,8
        t = target_in_force(indicator({2025: "4-6", 2030: "2-3"}, direction="lower"), 2027)
        assert bounds(t) == (pytest.approx(3.2), pytest.approx(4.8))


# -------------------------------------------------------------------- status


class TestStatusLabels:
    @pytest.mark.parametrize(
        ("status", "code", "label"),
        [
            (Status.EXCEEDED, "exceeded", "Vượt chỉ tiêu"),
            (Status.MET, "met", "Đạt"),
            (Status.NOT_MET, "not_met", "Chưa đạt"),
            (Status.NO_DATA, "no_data", "Chưa có số liệu"),
            (Status.NO_TARGET, "no_target", "Không đặt chỉ tiêu"),
            (Status.IN_PROGRESS, "in_progress", "Đang triển khai"),
        ],
    )
    def test_code_and_label(self, status, code, label):
        assert status.value == code
        assert STATUS_LABELS[status] == label


class TestCompareHigherIsBetter:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [(99.4, Status.NOT_MET), (99.5, Status.MET), (99.6, Status.EXCEEDED)],
    )
    def test_at_least(self, value, expected):
        assert compare(at_least(99.5), value, H) is expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (29.9, Status.NOT_MET),
            (30, Status.MET),
            (32.5, Status.MET),
            (35, Status.MET),
            (35.1, Status.EXCEEDED),
        ],
    )
    def test_range(self, value, expected):
        assert compare(between(30, 35), value, H) is expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(59, Status.NOT_MET), (60, Status.NOT_MET), (60.01, Status.MET), (90, Status.MET)],
    )
    def test_greater_than_is_strict(self, value, expected):
        assert compare(greater_than(60), value, H) is expected

    def test_float_noise_at_the_bound_is_met(self):
        # 0,1 + 0,2 is 0,30000000000000004 in binary floating point
        assert compare(at_least(0.3), 0.1 + 0.2, H) is Status.MET


class TestCompareLowerIsBetter:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [(1.9, Status.EXCEEDED), (2, Status.MET), (2.1, Status.NOT_MET)],
    )
    def test_at_most(self, value, expected):
        assert compare(at_least(2), value, L) is expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(0.9, Status.EXCEEDED), (1, Status.MET), (1.5, Status.MET), (2, Status.MET), (2.1, Status.NOT_MET)],
    )
    def test_range(self, value, expected):
        assert compare(between(1, 2, L), value, L) is expected

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(4.9, Status.MET), (5, Status.NOT_MET), (5.1, Status.NOT_MET)],
    )
    def test_strict_bound(self, value, expected):
        assert compare(greater_than(5), value, L) is expected


# ----------------------------------------------------------------------- gap


class TestGap:
    @pytest.mark.parametrize(("value", "expected"), [(97.5, -2), (99.5, 0), (100, 0.5)])
    def test_at_least(self, value, expected):
        assert gap(at_least(99.5), value, H) == pytest.approx(expected)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(28, -2), (30, 0), (33, 0), (35, 0), (36.5, 1.5)],  # value − 30 below, value − 35 above
    )
    def test_range_nearest_bound(self, value, expected):
        assert gap(between(30, 35), value, H) == pytest.approx(expected)

    def test_greater_than_gap_from_n(self):
        assert gap(greater_than(60), 58.8, H) == pytest.approx(-1.2)
        assert gap(greater_than(60), 60, H) == 0
        assert gap(greater_than(60), 61, H) == pytest.approx(1)

    @pytest.mark.parametrize(("value", "expected"), [(1.5, 0.5), (2, 0), (2.75, -0.75)])
    def test_lower_is_better_at_most(self, value, expected):
        # positive = better = below the ceiling: 2 − value
        assert gap(at_least(2), value, L) == pytest.approx(expected)

    @pytest.mark.parametrize(("value", "expected"), [(0.5, 0.5), (1, 0), (1.5, 0), (2, 0), (3, -1)])
    def test_lower_is_better_range(self, value, expected):
        # below the range: 1 − value (better); above: 2 − value (worse)
        assert gap(between(1, 2, L), value, L) == pytest.approx(expected)

    def test_gap_is_in_the_indicators_unit(self):
        # 12 schools against at least 15 → −3 schools
        assert gap(at_least(15), 12, H) == -3


# --------------------------------------------------------------- aggregation


class TestAggregation:
    def test_sum_of_numerators_over_sum_of_denominators(self):
        # big unit 90/100 = 90 %, small unit 1/10 = 10 %.
        # Province: (90 + 1) / (100 + 10) = 91/110 = 82,7272… %; mean of rates would be 50 %.
        ind = indicator({2025: "80"})
        m = Measurement.model_validate(
            {"by_unit": {"a": {"numerator": 90, "denominator": 100}, "b": {"numerator": 1, "denominator": 10}}}
        )
        value = computed_value(m, ind)
        assert value == pytest.approx(9100 / 110)
        assert value == pytest.approx(82.7273, abs=1e-4)
        assert value != pytest.approx(50)
        # and the status follows the summed value: 82,73 ≥ 80 exceeded; the mean (50) would be not_met
        assert assess(ind, target_in_force(ind, 2025), value, None)[0] is Status.EXCEEDED

    def test_counts_written_the_vietnamese_way(self):
        # "1.234" is one thousand two hundred thirty-four: 1234/2000 = 61,7 %
        m = Measurement.model_validate({"by_unit": {"a": {"numerator": "1.234", "denominator": "2.000"}}})
        assert computed_value(m, indicator({})) == pytest.approx(61.7)

    def test_ratio_without_percent_unit_is_not_scaled(self):
        # unit "tỷ lệ" (a fraction, not %): (1 + 3)/(4 + 4) = 0,5, not 50
        m = Measurement.model_validate(
            {"by_unit": {"a": {"numerator": 1, "denominator": 4}, "b": {"numerator": 3, "denominator": 4}}}
        )
        assert computed_value(m, indicator({}, unit="tỷ lệ")) == pytest.approx(0.5)

    def test_share_of_units_met(self):
        # 11 of 12 districts met: 11/12 = 91,666… %
        by_unit = {f"u{i}": {"met": i != 7} for i in range(12)}
        m = Measurement.model_validate({"by_unit": by_unit})
        assert computed_value(m, indicator({}, basis="share_of_units")) == pytest.approx(91.6667, abs=1e-4)

    def test_all_units_met_is_exactly_100(self):
        m = Measurement.model_validate({"by_unit": {f"u{i}": {"met": True} for i in range(12)}})
        assert computed_value(m, indicator({}, basis="share_of_units")) == 100

    def test_recorded_province_value_wins(self):
        ind = indicator({})
        m = Measurement.model_validate({"value": "33,3", "by_unit": {"a": {"numerator": 1, "denominator": 2}}})
        assert computed_value(m, ind) == 50
        assert observed_value(m, ind) == 33.3

    def test_no_units_no_value(self):
        assert computed_value(Measurement.model_validate({}), indicator({})) is None
        assert observed_value(Measurement.model_validate({}), indicator({})) is None
        assert observed_value(None, indicator({})) is None

    def test_mixed_unit_forms_are_not_aggregated(self):
        m = Measurement.model_validate({"by_unit": {"a": {"numerator": 1, "denominator": 2}, "b": {"met": True}}})
        assert computed_value(m, indicator({})) is None

    def test_per_unit_values_are_not_averaged(self):
        m = Measurement.model_validate({"by_unit": {"a": {"value": 90}, "b": {"value": 10}}})
        assert computed_value(m, indicator({})) is None


# ------------------------------------------------------------ assess (status + gap)


class TestAssess:
    def test_no_target(self):
        ind = indicator({2025: "-", 2030: "99"})
        assert assess(ind, target_in_force(ind, 2025), 98.0, None) == (Status.NO_TARGET, None)

    def test_numeric_target_without_value_is_no_data(self):
        ind = indicator({2025: "80", 2030: "90"})
        assert assess(ind, target_in_force(ind, 2025), None, TaskState.DONE) == (Status.NO_DATA, None)

    def test_numeric_status_and_gap(self):
        ind = indicator({2025: "60", 2030: "> 60"})
        assert assess(ind, target_in_force(ind, 2025), 58.8, None) == (Status.NOT_MET, pytest.approx(-1.2))
        assert assess(ind, target_in_force(ind, 2030), 60.0, None) == (Status.NOT_MET, 0)
        # "trên 60" sets no level beyond: 61 is met, 1 above the bound
        assert assess(ind, target_in_force(ind, 2030), 61.0, None) == (Status.MET, 1)

    def test_derived_range_target_status(self):
        # 2027 target 32-37 (derived): 31,5 → not met, gap −0,5
        ind = indicator({2025: "30-35", 2030: "35-40"})
        status, g = assess(ind, target_in_force(ind, 2027), 31.5, None)
        assert status is Status.NOT_MET
        assert g == pytest.approx(-0.5)

    @pytest.mark.parametrize(
        ("state", "expected"),
        [
            (TaskState.DONE, Status.MET),
            (TaskState.IN_PROGRESS, Status.IN_PROGRESS),
            (TaskState.ONGOING, Status.IN_PROGRESS),
            (TaskState.NOT_STARTED, Status.NOT_MET),
            (None, Status.NO_DATA),
        ],
    )
    def test_completion_by_state(self, state, expected):
        ind = indicator({2030: "Hoàn thành"})
        assert assess(ind, target_in_force(ind, 2030), None, state) == (expected, None)

    @pytest.mark.parametrize(
        ("state", "expected"),
        [
            (TaskState.DONE, Status.MET),
            (TaskState.IN_PROGRESS, Status.IN_PROGRESS),
            (TaskState.NOT_STARTED, Status.NOT_MET),
            (None, Status.NO_DATA),
        ],
    )
    def test_milestone_reports_the_recorded_state(self, state, expected):
        ind = indicator({2025: "Triển khai theo đề án", 2030: "Hoàn thành"}, basis="share_of_units")
        assert assess(ind, target_in_force(ind, 2025), None, state) == (expected, None)

    def test_completion_share_of_units_met_by_100(self):
        ind = indicator({2025: "Triển khai theo đề án", 2030: "Hoàn thành"}, basis="share_of_units")
        assert assess(ind, target_in_force(ind, 2030), 100.0, None) == (Status.MET, 0)

    def test_completion_share_of_units_below_100(self):
        # 11/12 districts: not met, gap 91,67 − 100 = −8,33 points
        ind = indicator({2030: "Hoàn thành"}, basis="share_of_units")
        status, g = assess(ind, target_in_force(ind, 2030), 1100 / 12, None)
        assert status is Status.NOT_MET
        assert g == pytest.approx(-8.333333, abs=1e-6)

    def test_completion_share_of_units_below_100_reports_state_under_way(self):
        ind = indicator({2030: "Hoàn thành"}, basis="share_of_units")
        status, g = assess(ind, target_in_force(ind, 2030), 75.0, TaskState.IN_PROGRESS)
        assert status is Status.IN_PROGRESS
        assert g == -25

    def test_completion_recorded_done_is_met(self):
        ind = indicator({2030: "Hoàn thành"}, basis="share_of_units")
        assert assess(ind, target_in_force(ind, 2030), None, TaskState.DONE) == (Status.MET, None)

    def test_completion_not_share_of_units_is_judged_by_its_state_not_a_value(self):
        """A value beside words is no verdict on them, but it is a figure: "Chưa có trạng thái", never "Chưa có số
        liệu" beside the value (a hostile probe)."""
        ind = indicator({2030: "Hoàn thành"})
        assert assess(ind, target_in_force(ind, 2030), None, None) == (Status.NO_DATA, None)
        assert assess(ind, target_in_force(ind, 2030), 100.0, None) == (Status.NO_STATE, None)
        assert assess(ind, target_in_force(ind, 2030), 100.0, TaskState.DONE) == (Status.MET, None)

    def test_lower_is_better_status_and_gap(self):
        # dropout rate at most 0,5 %: 0,3 → exceeded, +0,2; 0,8 → not met, −0,3
        ind = indicator({2025: "0,5", 2030: "0,3"}, direction="lower")
        t = target_in_force(ind, 2025)
        assert assess(ind, t, 0.3, None) == (Status.EXCEEDED, pytest.approx(0.2))
        assert assess(ind, t, 0.5, None) == (Status.MET, 0)
        assert assess(ind, t, 0.8, None) == (Status.NOT_MET, pytest.approx(-0.3))


# -------------------------------------------------------------------- evaluate


def year(y: int, indicators: dict) -> YearData:
    return YearData.model_validate({"year": y, "indicators": indicators})


class TestEvaluate:
    def test_whole_verdict_from_units(self):
        # 2025: (700 + 300)/(2000 + 1000) = 1000/3000 = 33,33 % against 30-35 → met, gap 0
        ind = indicator({2025: "30-35", 2030: "35-40"}, id="6.2")
        data = {
            2025: year(
                2025,
                {
                    "6.2": {
                        "by_unit": {
                            "a": {"numerator": 700, "denominator": 2000},
                            "b": {"numerator": 300, "denominator": 1000},
                        }
                    }
                },
            )
        }
        r = evaluate(ind, 2025, data, Thresholds())
        assert r.value == pytest.approx(100 / 3)
        assert r.computed == pytest.approx(100 / 3)
        assert r.status is Status.MET
        assert r.gap == 0
        assert r.target.text == "30-35"
        assert not r.target.derived
        assert r.progress.category.value == "not_available"

    def test_year_without_data(self):
        ind = indicator({2025: "30-35", 2030: "35-40"}, id="6.2")
        r = evaluate(ind, 2027, {}, Thresholds())
        assert r.status is Status.NO_DATA
        assert r.value is None
        assert r.gap is None
        assert r.measurement is None
        assert r.target.text == "32-37"
        assert r.target.derived

    def test_state_is_passed_through(self):
        ind = indicator({2025: "Triển khai theo đề án", 2030: "Hoàn thành"}, basis="share_of_units", id="6.1")
        data = {2025: year(2025, {"6.1": {"state": "in_progress"}})}
        r = evaluate(ind, 2025, data, Thresholds())
        assert r.state is TaskState.IN_PROGRESS
        assert r.status is Status.IN_PROGRESS
        assert r.value is None

    def test_completion_of_districts_from_met_entries(self):
        # 6.1-like: "Hoàn thành" in 2030 for a share of districts
        ind = indicator({2025: "Triển khai theo đề án", 2030: "Hoàn thành"}, basis="share_of_units", id="6.1")
        all_met = {f"pgd_{i}": {"met": True} for i in range(12)}
        one_short = {**all_met, "pgd_0": {"met": False}}
        r = evaluate(ind, 2030, {2030: year(2030, {"6.1": {"by_unit": all_met}})}, Thresholds())
        assert (r.value, r.status, r.gap) == (100, Status.MET, 0)
        assert r.progress.category.value == "target_achieved"
        r = evaluate(ind, 2030, {2030: year(2030, {"6.1": {"by_unit": one_short}})}, Thresholds())
        # 11/12 = 91,6667 %, compared at two decimals: 91,67, not met, 8,33 points short
        assert r.status is Status.NOT_MET
        assert (r.value_display, r.gap) == ("91,67%", -8.33)

    def test_lower_is_better_end_to_end(self):
        # dropout ‰, at most 6 in 2025, at most 4 in 2030 → 2027 at most 6 + (4−6)·2/5 = 5,2
        ind = indicator({2025: "6", 2030: "4"}, direction="lower", unit="‰", id="9.9")
        data = {y: year(y, {"9.9": {"value": v}}) for y, v in ((2025, 6.5), (2027, 5.0))}
        r = evaluate(ind, 2027, data, Thresholds())
        assert r.target.requirement.goal == pytest.approx(5.2)
        assert r.target.derived
        assert r.status is Status.EXCEEDED
        assert r.gap == pytest.approx(0.2)
        # 6,5 → 5 over 2 years, T = 4 by 2030: g_o = (5/6,5)^(1/2) − 1 = −0,122942,
        # g_r = (4/6,5)^(1/5) − 1 = −0,092536 → R = 1,3286 substantial
        assert r.progress.category.value == "substantial_progress"
        assert r.progress.ratio == pytest.approx(1.3286, abs=1e-4)


class TestStatusAndGapAgree:
    """Over a grid of values, the gap's sign always tells the same story as the status."""

    SPECS: ClassVar = [at_least(50), greater_than(50), between(40, 60)]
    VALUES: ClassVar = [v / 2 for v in range(60, 141)]  # 30 … 70 by 0,5

    @pytest.mark.parametrize("direction", [H, L])
    @pytest.mark.parametrize("spec", SPECS, ids=["at_least", "greater_than", "range"])
    def test_sign_matches_status(self, spec, direction):
        for value in self.VALUES:
            status, g = compare(spec, value, direction), gap(spec, value, direction)
            if status is Status.EXCEEDED:
                assert g > 0, (value, status, g)
            elif status is Status.MET:  # a strict bound ("trên 50") is met with its margin
                assert g == 0 or (spec.strict and g > 0), (value, status, g)
            else:
                assert g < 0 or (spec.strict and g == 0), (value, status, g)


# ------------------------------------------------------- the complete result


class TestCompleteResult:
    """One result carries what every output needs (demo plan, 2025)."""

    @pytest.fixture(scope="class")
    @classmethod
    def results(cls):
        return evaluate_plan(load_plan(EXAMPLE_PLAN), 2025)

    def test_previous_year_and_change(self, results):
        # 6.5: 55 (2024) → 58,8 (2025) crosses the merger of 01/7/2025: no change is computed
        r = results.get("6.5")
        assert (r.previous.year, r.previous.value, r.previous.change) == (2024, 55.0, None)
        assert r.previous.crossed.text == "không so sánh được do thay đổi địa giới từ 01/7/2025"

    def test_series_oldest_first(self, results):
        assert [(p.year, p.value) for p in results.get("6.5").series] == [
            (2023, 52.4),
            (2024, 55.0),
            (2025, 58.8),
            (2026, 60.2),
        ]

    def test_final_target_and_goal(self, results):
        final = results.get("6.5").final
        assert (final.year, final.text, final.requirement, final.goal, final.display) == (
            2030,
            "> 60",
            greater_than(60),
            60,
            "> 60%",
        )
        # a range's goal is its lower bound when higher is better; "95- 97" is shown normalised
        final = results.get("6.3").final
        assert (final.text, final.goal, final.display) == ("95- 97", 95, "95-97%")

    def test_completion_of_a_share_of_units_is_a_final_target_of_100(self, results):
        final = results.get("6.1").final
        assert (final.text, final.requirement, final.goal, final.display) == (
            "Hoàn thành",
            at_least(100),
            100,
            "Hoàn thành",
        )

    def test_a_milestone_is_a_final_target_shown_never_measured(self):
        """Đồng Tháp 556: "Được hoàn thiện …", "Triển khai theo đề án" as a 2030 target was no final target at all
        (the annex's "Mục tiêu đến năm 2030" said "–", status's JSON final: null)."""
        from kh68.tracking.engine import final_target

        ind = indicator({"2025": "-", "2030": "Triển khai theo đề án"})
        final = final_target(ind)
        assert final is not None
        assert (final.year, final.text, final.requirement, final.goal, final.display) == (
            2030,
            "Triển khai theo đề án",
            None,
            None,
            "Triển khai theo đề án",
        )
        assert final_target(indicator({"2025": "60", "2030": "-"})) is None  # "-": the plan sets none

    def test_plan_level_counts_and_final_year(self, results):
        assert len(results) == 13
        assert {s: results.count(s) for s in Status} == {
            Status.EXCEEDED: 3,
            Status.MET: 1,
            Status.NOT_MET: 1,
            Status.NO_DATA: 0,
            Status.NO_TARGET: 5,
            Status.IN_PROGRESS: 1,
            Status.PROVISIONAL: 1,  # 6.2: 7 of 10 communes
            Status.NOT_COMPUTABLE: 1,  # 6.9: no districts any more
            Status.NO_BASE: 0,
            Status.NO_STATE: 0,
        }
        assert [r.indicator.id for r in results.with_status(Status.NOT_MET)] == ["6.5"]
        assert results.final_year == 2030
        assert results.has_derived is False

    def test_coverage_and_series_breaks_are_filled(self, results):
        r = results.get("6.2")
        assert (r.coverage.units_text, r.comparable_since) == ("7/10 đơn vị", 2025)

    def test_progress_says_which_year_it_used(self, results):
        # 6.13: the only comparable year is 2025 (after the break): not enough for progress
        p = results.get("6.13").progress
        assert (p.category, p.final_year, p.data_year) == (Category.NOT_AVAILABLE, 2030, 2025)

    def test_no_previous_year_without_its_value(self, results):
        # 6.1 has only a state; 6.8 nothing at all
        assert results.get("6.1").previous is None
        assert results.get("6.8").previous is None


def test_a_count_of_part_of_the_year_is_no_change_from_the_year_before(tmp_path) -> None:
    """A new user's probe: 18 fires by June against 20 in all of 2025 was said "giảm 2 vụ so với năm 2025". A rate
    of part of the year is still compared."""
    import shutil

    from conftest import REPO, replace_in
    from kh68.kinds.periods import parse_period

    root = shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "sonla-2954", tmp_path / "plan")
    replace_in(root / "data" / "2026-11.yaml", "\ntasks:", '\n  P1.I.1-DT:\n    value: "20.000"\ntasks:')
    plan = load_plan(root).as_of(parse_period("2026-11"))
    result = evaluate_plan(plan, 2026).get("P1.I.1-DT")
    assert (result.value, result.known_until.key, result.previous.value, result.previous.change) == (
        20000,
        "2026-11",
        26120,
        None,
    )


def test_a_level_of_part_of_the_year_is_compared_with_the_year_before(tmp_path) -> None:
    """A review: "Số hộ nghèo" in June against 2025 is a real change ("giảm 30 hộ"), lost with the counts."""
    import shutil

    from conftest import REPO, replace_in
    from kh68.kinds.periods import parse_period

    root = shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "sonla-2954", tmp_path / "plan")
    replace_in(root / "data" / "2026-11.yaml", "\ntasks:", '\n  P1.I.1-DT:\n    value: "20.000"\ntasks:')
    replace_in(
        root / "indicators.yaml", "  - id: P1.I.1-DT   # l. 150\n", "  - id: P1.I.1-DT   # l. 150\n    in_year: level\n"
    )
    result = evaluate_plan(load_plan(root).as_of(parse_period("2026-11")), 2026).get("P1.I.1-DT")
    assert (result.previous.value, result.previous.change) == (26120, -6120)
