"""cumulative-falls: a count or an amount of a period below the same figure of an earlier period of the year."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, invoke, line_of, replace_in

SONLA = REPO / "tests" / "fixtures" / "plans" / "sonla-2954"
OCTOBER = """period: 2026-10
synthetic: true
indicators:
  XK:
    by_unit:
      ubnd_xa_doan_ket: {value: "17.000"}
      ubnd_xa_van_ho: {value: "12.000"}
  P2.2-L:
    value: "6.000"
    source: {document: Báo cáo minh họa số 02/BC-SCT, date: 2026-10-17, unit: so_cong_thuong}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The Sơn La fixture with a month before its November: one commune's export value then above November's."""
    root = Path(shutil.copytree(SONLA, tmp_path / "plan"))
    (root / "data" / "2026-10.yaml").write_text(OCTOBER, encoding="utf-8")
    return root


def _found(root: Path) -> list[str]:
    return [line for line in invoke(["check", root], 0).output.splitlines() if "[cumulative-falls]" in line]


def test_a_months_figure_below_the_month_before_is_said_where_it_is_written(plan: Path) -> None:
    november = plan / "data" / "2026-11.yaml"
    line = line_of(november, "ubnd_xa_van_ho: {value:")
    assert _found(plan) == [
        (
            f"{november.as_posix()}:{line}:31: cảnh báo: chỉ tiêu XK của ubnd_xa_van_ho: tháng 11/2026 ghi 9.650 nghìn "
            "USD, thấp hơn tháng 10/2026 (12.000 nghìn USD); số liệu tháng 11/2026 là lũy kế từ đầu năm, không thấp hơn "
            "số của kỳ trước: kiểm tra lại số liệu kỳ này hoặc kỳ trước; nếu là số hiện có tại ngày (có thể giảm), ghi "
            "in_year: level cho chỉ tiêu [cumulative-falls]"
        )
    ]


def test_the_whole_areas_figure_is_compared_too(plan: Path) -> None:
    november = plan / "data" / "2026-11.yaml"
    replace_in(november, '  P2.2-L:\n    value: "6.100"', '  P2.2-L:\n    value: "5.900"')
    found = _found(plan)
    assert len(found) == 2
    line = line_of(november, 'value: "5.900"')
    assert found[1].startswith(f"{november.as_posix()}:{line}:12: cảnh báo: ")
    assert "chỉ tiêu P2.2-L: tháng 11/2026 ghi 5.900 tấn, thấp hơn tháng 10/2026 (6.000 tấn)" in found[1]


def test_figures_that_rise_or_stay_are_not_said(plan: Path) -> None:
    replace_in(plan / "data" / "2026-10.yaml", 'ubnd_xa_van_ho: {value: "12.000"}', 'ubnd_xa_van_ho: {value: "9.650"}')
    assert _found(plan) == []


def test_a_figure_per_something_may_fall(plan: Path) -> None:
    replace_in(
        plan / "indicators.yaml",
        "    name: Tổng sản phẩm Nhãn tham gia xuất khẩu\n    unit: tấn\n",
        "    name: Tổng sản phẩm Nhãn tham gia xuất khẩu\n    unit: tấn/ha\n",
    )
    replace_in(plan / "indicators.yaml", "đến năm 2030 đạt 8.500 tấn", "đến năm 2030 đạt 8.500")
    replace_in(plan / "data" / "2026-11.yaml", '  P2.2-L:\n    value: "6.100"', '  P2.2-L:\n    value: "5.900"')
    replace_in(plan / "data" / "2026-10.yaml", 'ubnd_xa_van_ho: {value: "12.000"}', 'ubnd_xa_van_ho: {value: "9.650"}')
    assert _found(plan) == []


def test_the_rule_can_be_turned_off(plan: Path) -> None:
    with (plan / "plan.yaml").open("a", encoding="utf-8") as handle:
        handle.write("rules:\n  cumulative-falls: off\n")
    assert _found(plan) == []


def test_a_level_may_fall_and_a_declared_count_is_warned_without_the_hint(plan: Path) -> None:
    """A review: "Số hộ nghèo" (what there is on the day) falling from one quarter to the next is what the plan wants,
    never a slip."""
    indicators = plan / "indicators.yaml"
    head = "  - id: XK   # l. 21, 191\n    name: Giá trị hàng hóa tham gia xuất khẩu\n    unit: nghìn USD\n"
    replace_in(indicators, head, head + "    in_year: level\n")
    assert _found(plan) == []
    replace_in(indicators, "    in_year: level\n", "    in_year: cumulative\n")
    assert _found(plan)[0].endswith("kiểm tra lại số liệu kỳ này hoặc kỳ trước [cumulative-falls]")
