"""coverage-empty-group: reporters that resolve to no unit in a year of the period."""

from __future__ import annotations

from conftest import invoke, line_of, replace_in


def test_coverage_over_an_empty_group(example_copy):
    path = example_copy / "indicators.yaml"
    replace_in(path, "reporters: [phong_gddt_huyen]", "reporters: [pgd_da_teh]")
    replace_in(path, '    counted_over: district_office   # "số huyện, thành phố"\n', "")
    units = example_copy / "units.yaml"
    replace_in(units, "  - id: pgd_da_teh\n", "  - id: pgd_da_teh\n    start: 2030-01-01\n")
    out = invoke(["check", example_copy], 1).output
    errors = [line for line in out.splitlines() if "[coverage-empty-group]" in line]
    assert errors == [
        (
            f"{path.as_posix()}:{line_of(path, 'reporters: [pgd_da_teh]')}:16: lỗi: nhóm đơn vị báo cáo chỉ tiêu 6.9 "
            "không có đơn vị nào hoạt động vào 05/11/2024 (năm 2024): thêm đơn vị kế thừa hoặc thành viên "
            "[coverage-empty-group]"
        )
    ]
