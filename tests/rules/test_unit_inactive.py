"""unit-inactive: no figure or progress from a unit that did not exist (yet, or any more) in the period."""

from __future__ import annotations

from conftest import add_line_after, invoke, line_of, only_error, replace_in


def test_a_figure_from_a_unit_that_no_longer_existed(example_copy):
    path = example_copy / "data" / "2025.yaml"
    line = add_line_after(path, "xa_mh_07: {numerator: 1188", "      pgd_cat_tien: {numerator: 300, denominator: 1000}")
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line}:7: lỗi: số liệu năm 2025 (hạn báo cáo 05/11/2025): "
        "pgd_cat_tien đã sáp nhập vào pgd_da_huoai từ 01/12/2024 [unit-inactive]"
    )


def test_a_figure_from_a_unit_that_did_not_exist_yet(example_copy):
    path = example_copy / "data" / "2024.yaml"
    line = add_line_after(path, "pgd_lam_ha: {numerator: 1098", "      xa_mh_01: {numerator: 300, denominator: 1000}")
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line}:7: lỗi: số liệu năm 2024 (hạn báo cáo 05/11/2024): "
        "xa_mh_01 bắt đầu hoạt động từ 01/7/2025 [unit-inactive]"
    )


def test_progress_dated_after_the_unit_ended(example_copy):
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "      date: 2025-06-20\n", "      date: 2025-07-20\n")
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, 'pgd_lam_ha:')}:5: lỗi: tiến độ ngày 20/7/2025: pgd_lam_ha đã chấm "
        "dứt hoạt động từ 01/7/2025; nhiệm vụ chuyển cho ubnd_cap_xa (giáo dục mầm non, tiểu học, trung học "
        "cơ sở), so_gddt (trung học phổ thông và các đơn vị khác) [unit-inactive]"
    )


def test_a_quarters_figures_are_of_the_units_of_that_quarter(example_copy):
    """data/2025-Q1.yaml is judged on the quarter's day (its last, no duty reporting quarters): the district
    offices still existed; in data/2025-Q3.yaml the same office's figure is from a unit gone since 01/7/2025."""
    data = example_copy / "data"
    (data / "2025-Q1.yaml").write_text(
        'period: 2025-Q1\nindicators:\n  "6.2":\n    by_unit:\n      pgd_da_lat: {numerator: 300, denominator: 1000}\n',
        encoding="utf-8",
    )
    invoke(["check", example_copy], 0)
    (data / "2025-Q3.yaml").write_text(
        'period: 2025-Q3\nindicators:\n  "6.2":\n    by_unit:\n      pgd_da_lat: {numerator: 300, denominator: 1000}\n',
        encoding="utf-8",
    )
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{(data / '2025-Q3.yaml').as_posix()}:5:7: lỗi: số liệu quý III/2025 (hạn báo cáo 30/9/2025): pgd_da_lat "
        "đã chấm dứt hoạt động từ 01/7/2025; nhiệm vụ chuyển cho ubnd_cap_xa (giáo dục mầm non, tiểu học, trung "
        "học cơ sở), so_gddt (trung học phổ thông và các đơn vị khác) [unit-inactive]"
    )
