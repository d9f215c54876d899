"""reporter-not-applicable: a unit expected to report an indicator it has no part in."""

from __future__ import annotations

from conftest import add_line_after, invoke, line_of, only_error, replace_in


def test_a_reporter_with_no_part_in_the_indicator(example_copy):
    path = example_copy / "indicators.yaml"
    replace_in(path, "reporters: [phong_gddt_huyen]", "reporters: [phong_gddt_huyen, cong_doan_nganh]")
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, 'cong_doan_nganh]')}:35: lỗi: cong_doan_nganh là tổ chức ngoài quyền "
        "quản lý của cơ quan ban hành, không báo cáo số liệu chỉ tiêu [reporter-not-applicable]"
    )


def test_the_plan_names_its_kinds_of_unit_in_its_own_words(example_copy):
    path = example_copy / "indicators.yaml"
    replace_in(path, "reporters: [phong_gddt_huyen]", "reporters: [phong_gddt_huyen, cong_doan_nganh]")
    replace_in(
        example_copy / "plan.yaml",
        'unit_kind_labels: {commune: "xã, phường, đặc khu"}',
        'unit_kind_labels: {commune: "xã, phường, đặc khu", organisation: tổ chức ngoài ngành}',
    )
    assert only_error(invoke(["check", example_copy], 1).output) == (
        f"{path.as_posix()}:{line_of(path, 'cong_doan_nganh]')}:35: lỗi: cong_doan_nganh là tổ chức ngoài ngành, "
        "không báo cáo số liệu chỉ tiêu [reporter-not-applicable]"
    )


def test_a_reporter_of_another_kind_than_the_unit_of_count(example_copy):
    path = example_copy / "indicators.yaml"
    replace_in(path, "reporters: [phong_gddt_huyen]", "reporters: [phong_gddt_huyen, phong_khtc]")
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, 'phong_khtc]')}:35: lỗi: chỉ tiêu 6.9 đếm trên huyện, thành phố, "
        "còn phong_khtc là phòng, ban, tổ chuyên môn [reporter-not-applicable]"
    )


def test_a_figure_from_a_unit_not_expected_to_report_it(example_copy):
    path = example_copy / "data" / "2025.yaml"
    line = add_line_after(path, "xa_mh_07: {numerator: 1188", "      phong_khtc: {numerator: 3, denominator: 10}")
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line}:7: lỗi: phong_khtc không thuộc các đơn vị báo cáo chỉ tiêu 6.2 năm 2025 "
        "(xa_mh_01, xa_mh_02, xa_mh_03, xa_mh_04, xa_mh_05 và 5 đơn vị khác) [reporter-not-applicable]"
    )


def test_a_quarters_figure_is_of_that_quarters_reporters(example_copy):
    """6.2's reporters on 31/3/2025 are the district offices (the communes only from 01/7/2025)."""
    path = example_copy / "data" / "2025-Q1.yaml"
    path.write_text(
        'period: 2025-Q1\nindicators:\n  "6.2":\n    by_unit:\n      pgd_da_lat: {numerator: 300, denominator: 1000}\n'
        "      phong_khtc: {numerator: 3, denominator: 10}\n",
        encoding="utf-8",
    )
    out = invoke(["check", example_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:6:7: lỗi: phong_khtc không thuộc các đơn vị báo cáo chỉ tiêu 6.2 quý I/2025 "
        "(pgd_bao_lam, pgd_bao_loc, pgd_da_huoai, pgd_da_lat, pgd_dam_rong và 5 đơn vị khác) [reporter-not-applicable]"
    )
