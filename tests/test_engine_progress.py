"""Progress toward the final (2030) target: UN SDG Progress Chart, as in Open SDG sdg-build.

g_o = (c/b)^(1/(t−t0)) − 1, g_r = (T/b)^(1/(2030−t0)) − 1, R = s·d·g_o/|g_r|.
Each expected R and projected value is worked out in the comment above it.
"""

from __future__ import annotations

import pytest

from conftest import indicator
from kh68.reading.models import Thresholds, YearData
from kh68.tracking.engine import Category, _categorise, evaluate, progress

DEFAULT = Thresholds()
AT_60 = indicator({2025: "50", 2030: "60"})


class TestHandExample:
    def test_40_to_46_against_60_is_moderate(self):
        # b = 40 (2020), c = 46 (2025), T = 60 (2030), higher is better.
        # g_o = (46/40)^(1/5) − 1 = 1,15^0,2 − 1 = 0,0283467
        # g_r = (60/40)^(1/10) − 1 = 1,5^0,1 − 1 = 0,0413797
        # R = 0,0283467 / 0,0413797 = 0,68504 → 0,6 ≤ R < 0,95: moderate_progress
        # projected 2030 = 46 · (1 + g_o)^5 = 46 · 1,15 = 52,9
        p = progress(AT_60, {2020: 40, 2025: 46}, 2025, DEFAULT)
        assert p.category is Category.MODERATE
        assert round(p.ratio, 3) == 0.685
        assert p.projected == pytest.approx(52.9)
        assert p.final_year == 2030

    def test_labels(self):
        assert Category.MODERATE.value == "moderate_progress"
        assert Category.TARGET_ACHIEVED.value == "target_achieved"
        assert Category.NOT_AVAILABLE.value == "not_available"


class TestCategories:
    def test_substantial(self):
        # 40 → 55: g_o = 1,375^0,2 − 1 = 0,065763; R = 0,065763/0,0413797 = 1,5892
        # projected = 55 · 1,375 = 75,625
        p = progress(AT_60, {2020: 40, 2025: 55}, 2025, DEFAULT)
        assert p.category is Category.SUBSTANTIAL
        assert round(p.ratio, 3) == 1.589
        assert p.projected == pytest.approx(75.625)

    def test_limited(self):
        # 40 → 42: g_o = 1,05^0,2 − 1 = 0,0098057; R = 0,0098057/0,0413797 = 0,2370
        # projected = 42 · 1,05 = 44,1
        p = progress(AT_60, {2020: 40, 2025: 42}, 2025, DEFAULT)
        assert p.category is Category.LIMITED
        assert round(p.ratio, 3) == 0.237
        assert p.projected == pytest.approx(44.1)

    def test_no_change_is_limited_with_ratio_zero(self):
        # 40 → 40: g_o = 0, R = 0 → limited (0 ≤ R < 0,6); projected stays 40
        p = progress(AT_60, {2020: 40, 2025: 40}, 2025, DEFAULT)
        assert p.category is Category.LIMITED
        assert p.ratio == 0
        assert p.projected == pytest.approx(40)

    def test_deterioration(self):
        # 40 → 38: g_o = 0,95^0,2 − 1 = −0,0102058; R = −0,2466
        # projected = 38 · 0,95 = 36,1
        p = progress(AT_60, {2020: 40, 2025: 38}, 2025, DEFAULT)
        assert p.category is Category.DETERIORATION
        assert round(p.ratio, 3) == -0.247
        assert p.projected == pytest.approx(36.1)

    def test_target_achieved(self):
        p = progress(AT_60, {2020: 40, 2025: 60}, 2025, DEFAULT)
        assert p.category is Category.TARGET_ACHIEVED
        assert p.ratio is None
        p = progress(AT_60, {2020: 40, 2025: 61.5}, 2025, DEFAULT)
        assert p.category is Category.TARGET_ACHIEVED

    def test_fewer_than_two_years_is_not_available(self):
        p = progress(AT_60, {2025: 46}, 2025, DEFAULT)
        assert p.category is Category.NOT_AVAILABLE
        assert p.ratio is None
        assert p.projected is None

    def test_no_data_is_not_available(self):
        assert progress(AT_60, {}, 2025, DEFAULT).category is Category.NOT_AVAILABLE

    def test_single_year_already_at_the_target_is_achieved(self):
        # Design (as sdg-build): the target check needs only the current value.
        assert progress(AT_60, {2025: 60}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED

    def test_final_milestone_is_not_available(self):
        ind = indicator({2025: "50", 2030: "Xây dựng xong đề án"})
        assert progress(ind, {2020: 40, 2025: 46}, 2025, DEFAULT).category is Category.NOT_AVAILABLE

    def test_final_dash_is_not_available(self):
        ind = indicator({2025: "50", 2030: "-"})
        assert progress(ind, {2020: 40, 2025: 46}, 2025, DEFAULT).category is Category.NOT_AVAILABLE


class TestStrictGreaterThan:
    GT_60 = indicator({2025: "60", 2030: "> 60"})

    def test_sixty_does_not_meet_greater_than_sixty(self):
        # 50 → 60 against "> 60": T = 60 is not achieved (strict).
        # g_o = 1,2^(1/5) − 1, g_r = 1,2^(1/10) − 1; with x = 1,2^0,1: R = (x² − 1)/(x − 1) = x + 1 = 2,0184
        # projected = 60 · 1,2 = 72
        p = progress(self.GT_60, {2020: 50, 2025: 60}, 2025, DEFAULT)
        assert p.category is Category.SUBSTANTIAL
        assert round(p.ratio, 4) == 2.0184
        assert p.projected == pytest.approx(72)

    def test_above_n_is_achieved(self):
        assert progress(self.GT_60, {2020: 50, 2025: 60.1}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED

    def test_a_value_shown_as_n_is_judged_as_shown(self):
        """A hostile probe: 60,001 was "✗ Chưa đạt" in the year's row (compared as shown, 60) and "Đã đạt mục tiêu
        cuối kỳ" beside it (compared unrounded)."""
        assert progress(self.GT_60, {2020: 50, 2025: 60.001}, 2025, DEFAULT).category is Category.SUBSTANTIAL
        assert progress(self.GT_60, {2025: 55, 2030: 60.001}, 2030, DEFAULT).category is Category.TARGET_MISSED

    @pytest.mark.parametrize("year", [2030, 2031])
    def test_n_in_the_final_year_or_after_is_missed_not_a_pace(self, year: int):
        """Bắc Ninh 144: 60 against "trên 60%" in 2030 was "Chậm tiến độ", with nothing left to go at a pace."""
        p = progress(self.GT_60, {2020: 50, 2025: 55, year: 60}, year, DEFAULT)
        assert (p.category, p.category.label, p.ratio, p.final_year) == (
            Category.TARGET_MISSED,
            "Không đạt mục tiêu cuối kỳ",
            None,
            2030,
        )

    def test_stuck_at_n_is_limited_not_substantial(self):
        # b = c = T = 60: g_o = g_r = 0, R undefined (0/0). Not moving while the strict
        # target is unmet is reported as limited progress, ratio left unknown.
        p = progress(self.GT_60, {2020: 60, 2025: 60}, 2025, DEFAULT)
        assert p.category is Category.LIMITED
        assert p.ratio is None
        assert p.projected == pytest.approx(60)

    def test_falling_from_n_is_deterioration(self):
        # b = T = 60, c = 58: g_r = 0, g_o < 0 → deterioration
        p = progress(self.GT_60, {2020: 60, 2025: 58}, 2025, DEFAULT)
        assert p.category is Category.DETERIORATION
        assert p.ratio is None


class TestTargetBound:
    def test_range_uses_its_lower_bound(self):
        # 20 → 25 against 30-35: T = 30. g_o = 1,25^0,2 − 1 = 0,045640, g_r = 1,5^0,1 − 1 = 0,041380
        # R = 1,1029 → substantial; projected = 25 · 1,25 = 31,25
        ind = indicator({2025: "25-30", 2030: "30-35"})
        p = progress(ind, {2020: 20, 2025: 25}, 2025, DEFAULT)
        assert p.category is Category.SUBSTANTIAL
        assert round(p.ratio, 3) == 1.103
        assert p.projected == pytest.approx(31.25)

    def test_range_achieved_inside_and_above(self):
        ind = indicator({2025: "25-30", 2030: "30-35"})
        assert progress(ind, {2020: 20, 2025: 30}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED
        assert progress(ind, {2020: 20, 2025: 36}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED

    def test_completion_of_a_share_of_units_is_100(self):
        # 75 → 91,67 (11/12) against 100: g_o = (91,67/75)^(1/1) − 1 = 0,22222
        # g_r = (100/75)^(1/6) − 1 = 0,049115 → R = 4,5245, substantial
        ind = indicator({2025: "Triển khai", 2030: "Hoàn thành"}, basis="share_of_units")
        p = progress(ind, {2024: 75, 2025: 1100 / 12}, 2025, DEFAULT)
        assert p.category is Category.SUBSTANTIAL
        assert p.ratio == pytest.approx(4.5245, abs=1e-4)
        assert progress(ind, {2024: 75, 2025: 100}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED

    def test_completion_without_share_basis_is_not_available(self):
        ind = indicator({2030: "Hoàn thành"})
        assert progress(ind, {2024: 75, 2025: 100}, 2025, DEFAULT).category is Category.NOT_AVAILABLE


class TestLowerIsBetter:
    RATE = indicator({2025: "7", 2030: "5"}, direction="lower", unit="‰")

    def test_falling_toward_the_target(self):
        # 10 → 8 (2020 → 2025), T = 5, d = −1.
        # g_o = 0,8^0,2 − 1 = −0,043648, g_r = 0,5^0,1 − 1 = −0,066967
        # R = (−1)·(−0,043648)/0,066967 = 0,6518 → moderate; projected = 8 · 0,8 = 6,4
        p = progress(self.RATE, {2020: 10, 2025: 8}, 2025, DEFAULT)
        assert p.category is Category.MODERATE
        assert round(p.ratio, 3) == 0.652
        assert p.projected == pytest.approx(6.4)

    def test_rising_is_deterioration(self):
        # 10 → 12: g_o = 1,2^0,2 − 1 = 0,037137, R = −0,037137/0,066967 = −0,5546
        p = progress(self.RATE, {2020: 10, 2025: 12}, 2025, DEFAULT)
        assert p.category is Category.DETERIORATION
        assert round(p.ratio, 3) == -0.555
        assert p.projected == pytest.approx(14.4)

    def test_at_or_below_the_target_is_achieved(self):
        assert progress(self.RATE, {2020: 10, 2025: 5}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED
        assert progress(self.RATE, {2020: 10, 2025: 4}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED

    def test_lower_range_is_achieved_at_its_upper_bound(self):
        # Lower is better: a range 2-3 is met at 3 or below (mirror of the lower bound rule)
        ind = indicator({2030: "2-3"}, direction="lower", unit="‰")
        assert progress(ind, {2020: 6, 2025: 3}, 2025, DEFAULT).category is Category.TARGET_ACHIEVED
        # 6 → 4, T = 3: g_o = (2/3)^0,2 − 1 = −0,077892, g_r = 0,5^0,1 − 1 = −0,066967 → R = 1,1631
        p = progress(ind, {2020: 6, 2025: 4}, 2025, DEFAULT)
        assert p.category is Category.SUBSTANTIAL
        assert round(p.ratio, 3) == 1.163


class TestZeroReplacement:
    def test_zero_baseline_is_replaced_by_0_001(self):
        # b = 0 → 0,001; c = 5 (2025), T = 20 (2030), unit "trường" (no clamp).
        # g_o = 5000^(1/5) − 1 = 4,49280, g_r = 20000^(1/10) − 1 = 1,69217 → R = 2,6550
        # projected = 5 · 5000 = 25000
        ind = indicator({2030: "20"}, unit="trường")
        p = progress(ind, {2020: 0, 2025: 5}, 2025, DEFAULT)
        assert p.category is Category.SUBSTANTIAL
        assert round(p.ratio, 3) == 2.655
        assert p.projected == pytest.approx(25000)

    def test_zero_target_is_replaced_by_0_001(self):
        # lower is better, target 0: b = 4, c = 2, T = 0,001.
        # g_o = 0,5^0,2 − 1 = −0,129449, g_r = 0,00025^0,1 − 1 = −0,563691 → R = 0,2299 (limited)
        # projected = 2 · 0,5 = 1
        ind = indicator({2030: "0"}, direction="lower", unit="em")
        p = progress(ind, {2020: 4, 2025: 2}, 2025, DEFAULT)
        assert p.category is Category.LIMITED
        assert round(p.ratio, 3) == 0.230
        assert p.projected == pytest.approx(1)


class TestSign:
    def test_negative_baseline_flips_the_sign(self):
        # higher is better, b = −10, c = −5, T = −2 (a balance climbing toward −2); s = −1.
        # g_o = 0,5^0,2 − 1 = −0,129449, g_r = 0,2^0,1 − 1 = −0,148660
        # R = (−1)·(+1)·(−0,129449)/0,148660 = 0,8708 → moderate; projected = −5 · 0,5 = −2,5
        # A negative bound is written in the structured form.
        ind = indicator({2030: {"text": "−2 tỷ đồng", "at_least": "-2"}}, unit="tỷ đồng")
        p = progress(ind, {2020: -10, 2025: -5}, 2025, DEFAULT)
        assert p.category is Category.MODERATE
        assert round(p.ratio, 3) == 0.871
        assert p.projected == pytest.approx(-2.5)

    def test_baseline_and_current_of_opposite_sign_is_not_available(self):
        ind = indicator({2030: "20"}, unit="tỷ đồng")
        assert progress(ind, {2020: 5, 2025: -1}, 2025, DEFAULT).category is Category.NOT_AVAILABLE


class TestSeries:
    def test_baseline_is_the_earliest_and_current_the_latest_up_to_the_year(self):
        # 2020: 40, 2024: 44, 2026: 59 (later than Y = 2025, ignored).
        # g_o = 1,1^(1/4) − 1 = 0,024114, g_r = 0,041380 → R = 0,5827 (limited)
        # projected = 44 · 1,1^(6/4) = 50,7623
        p = progress(AT_60, {2020: 40, 2024: 44, 2026: 59}, 2025, DEFAULT)
        assert p.category is Category.LIMITED
        assert round(p.ratio, 3) == 0.583
        assert p.projected == pytest.approx(50.7623, abs=1e-4)

    def test_middle_years_do_not_matter(self):
        a = progress(AT_60, {2020: 40, 2025: 46}, 2025, DEFAULT)
        b = progress(AT_60, {2020: 40, 2022: 20, 2023: 70, 2025: 46}, 2025, DEFAULT)
        assert a == b

    def test_projection_of_a_percentage_is_capped_at_100(self):
        # Design: 10 → 50 would project 50 · 5 = 250 %; a share cannot pass 100.
        ind = indicator({2030: "90"})
        p = progress(ind, {2020: 10, 2025: 50}, 2025, DEFAULT)
        assert p.projected == 100


class TestThresholds:
    def test_boundaries_belong_to_the_upper_category(self):
        assert _categorise(0.95, DEFAULT) is Category.SUBSTANTIAL
        assert _categorise(0.9499, DEFAULT) is Category.MODERATE
        assert _categorise(0.6, DEFAULT) is Category.MODERATE
        assert _categorise(0.5999, DEFAULT) is Category.LIMITED
        assert _categorise(0.0, DEFAULT) is Category.LIMITED
        assert _categorise(-0.0001, DEFAULT) is Category.DETERIORATION

    def test_configured_thresholds(self):
        # the hand example R = 0,685
        series = {2020: 40, 2025: 46}
        loose = Thresholds.model_validate({"substantial": 0.65, "moderate": 0.5})
        strict = Thresholds.model_validate({"substantial": 0.9, "moderate": 0.7})
        assert progress(AT_60, series, 2025, loose).category is Category.SUBSTANTIAL
        assert progress(AT_60, series, 2025, strict).category is Category.LIMITED

    def test_evaluate_passes_thresholds_and_series(self):
        data = {
            y: YearData.model_validate({"year": y, "indicators": {"9.1": {"value": v}}})
            for y, v in ((2020, 40), (2025, 46))
        }
        r = evaluate(AT_60, 2025, data, DEFAULT)
        assert r.progress.category is Category.MODERATE
        assert round(r.progress.ratio, 3) == 0.685
        # in 2020 only one year is known
        assert evaluate(AT_60, 2020, data, DEFAULT).progress.category is Category.NOT_AVAILABLE


class TestEveryYearOfASpan:
    """``mỗi năm từ 05 trở lên`` to 2030 is reached when every year of the span has reached it, not after one."""

    EVERY_YEAR = indicator({2030: "giai đoạn 2026 - 2028, mỗi năm từ 05 trở lên"}, unit="bộ dữ liệu")

    def test_one_year_met_of_three_is_not_the_final_target_reached(self):
        p = progress(self.EVERY_YEAR, {2026: 6}, 2026, DEFAULT)
        assert (p.category, p.ratio, p.projected, p.data_year) == (Category.NOT_AVAILABLE, None, None, 2026)

    def test_a_year_missed_or_not_reported_is_not_reached(self):
        assert progress(self.EVERY_YEAR, {2026: 6, 2027: 4, 2028: 9}, 2028, DEFAULT).category is Category.NOT_AVAILABLE
        assert progress(self.EVERY_YEAR, {2026: 6, 2028: 9}, 2028, DEFAULT).category is Category.NOT_AVAILABLE

    def test_every_year_met_is_reached(self):
        p = progress(self.EVERY_YEAR, {2026: 6, 2027: 5, 2028: 7}, 2028, DEFAULT)
        assert p.category is Category.TARGET_ACHIEVED


@pytest.mark.parametrize("words", ["không giảm so với năm 2025", "giảm không quá 5% so với năm 2025"])
def test_the_base_years_figure_alone_is_no_progress_toward_a_change_from_it(words: str) -> None:
    """A probe of a real plan: the 2025 figure alone, "không giảm so với năm 2025" set for 2026, was "Đã đạt mục tiêu
    cuối kỳ" (the base judged against itself); a figure of 2026 is judged."""
    kept = indicator({2026: words}, unit="doanh nghiệp")
    assert progress(kept, {2025: 400}, 2026, DEFAULT).category is Category.NOT_AVAILABLE
    assert progress(kept, {2025: 400, 2026: 401}, 2026, DEFAULT).category is Category.TARGET_ACHIEVED
