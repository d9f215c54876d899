"""schema: see ``kh68.reading.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_list_where_mapping_expected_at_top(plan_copy: Path) -> None:
    (plan_copy / "units.yaml").write_text("- id: so_gddt\n  name: Sở\n", encoding="utf-8")
    assert only_problem(check_fails(plan_copy)) == (
        f"{plan_copy.as_posix()}/units.yaml:1:1: lỗi: "
        "cần một bảng khóa–giá trị (mapping), không phải danh sách hay giá trị đơn [schema]"
    )


def test_list_where_mapping_expected_inside(plan_copy: Path) -> None:
    path = plan_copy / "plan.yaml"
    replace_in(
        path, "period:\n  start: 2024           # kế hoạch ban hành năm 2024\n  end: 2030", "period: [2024, 2030]"
    )
    line = only_problem(check_fails(plan_copy))
    assert (
        line
        == f"{path.as_posix()}:{line_of(path, 'period: [')}:9: lỗi: period: cần một bảng khóa–giá trị (mapping), không phải danh sách hay giá trị đơn [schema]"
    )


def test_mapping_where_list_expected(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(
        path,
        "responsible_units: [phong_gdtrh]\n    responsible_text: Phòng GDTrH",
        "responsible_units: {a: phong_gdtrh}\n    responsible_text: Phòng GDTrH",
    )
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(
        f"{path.as_posix()}:{line_of(path, 'responsible_units: {a')}:24: lỗi: responsible_units: cần một danh sách"
    )


def test_unparseable_data_value(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "value: 95,4", "value: 9O,4")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, '9O,4')}:12: lỗi: value: '9O,4' không phải là số (dùng dạng 99,5 hoặc 99.5) [schema]"
    )


def test_target_year_not_a_number(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"203O": "90"')
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{line_of(path, '203O')}:7: lỗi: 203O: cần một số nguyên [schema]"
    )


def test_unknown_state_lists_choices_in_vietnamese(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.1":\n    state: in_progress', '  "6.1":\n    state: dang_lam')
    line = only_problem(check_fails(example_copy))
    assert line == (
        f"{path.as_posix()}:{line_of(path, 'dang_lam')}:12: lỗi: state: giá trị 'dang_lam' không hợp lệ; "
        "chọn một trong: 'not_started', 'in_progress', 'done', 'ongoing' [schema]"
    )
