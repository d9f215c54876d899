"""schema: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, invoke, line_of, only_problem, replace_in


def test_list_where_mapping_expected_at_top(fixture_copy: Path) -> None:
    (fixture_copy / "units.yaml").write_text("- id: so_gddt\n  name: Sở\n", encoding="utf-8")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{fixture_copy.as_posix()}/units.yaml:1:1: lỗi: "
        "cần một bảng khóa–giá trị (mapping), không phải danh sách hay giá trị đơn [schema]"
    )


def test_list_where_mapping_expected_inside(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(
        path, "period:\n  start: 2024           # kế hoạch ban hành năm 2024\n  end: 2030", "period: [2024, 2030]"
    )
    line = only_problem(check_fails(fixture_copy))
    assert (
        line
        == f"{path.as_posix()}:{line_of(path, 'period: [')}:9: lỗi: period: cần một bảng khóa–giá trị (mapping), không phải danh sách hay giá trị đơn [schema]"
    )


def test_mapping_where_list_expected(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path,
        "responsible_units: [phong_gdtrh]\n    responsible_text: Phòng GDTrH",
        "responsible_units: {a: phong_gdtrh}\n    responsible_text: Phòng GDTrH",
    )
    line = only_problem(check_fails(fixture_copy))
    assert line.startswith(
        f"{path.as_posix()}:{line_of(path, 'responsible_units: {a')}:24: lỗi: responsible_units: cần một danh sách"
    )


def test_unparseable_data_value(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "value: 95,4", "value: 9O,4")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, '9O,4')}:12: lỗi: value: '9O,4' không phải là số (dùng dạng 99,5 hoặc 99.5) [schema]"
    )


def test_target_year_not_a_number(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"203O": "90"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '203O')}:7: lỗi: '203O' không phải là số nguyên (chỉ gồm các chữ số 0–9) [schema]"
    )


def test_unknown_state_lists_choices_in_vietnamese(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.1":\n    state: in_progress', '  "6.1":\n    state: dang_lam')
    line = only_problem(check_fails(example_copy))
    assert line == (
        f"{path.as_posix()}:{line_of(path, 'dang_lam')}:12: lỗi: state: giá trị 'dang_lam' không hợp lệ; "
        "chọn một trong: 'not_started', 'in_progress', 'done', 'ongoing' [schema]"
    )


# A year no date can be made of, or an integer written as something else, is a schema error
# with file and line, never an internal error of the rules that make dates of years.
@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("0", "year: năm 0 không có thật: năm phải từ 1 đến 9999"),
        ("-5", "year: năm -5 không có thật: năm phải từ 1 đến 9999"),
        ("10000", "year: năm 10000 không có thật: năm phải từ 1 đến 9999"),
        (
            "9" * 400,
            "year: '" + "9" * 40 + "…' (400 ký tự) có quá 15 chữ số: quá lớn hoặc quá dài để so sánh chính xác",
        ),
        ("2025.0", "year: '2025.0' không phải là số nguyên (chỉ gồm các chữ số 0–9)"),
        ("+2025", "year: '+2025' không phải là số nguyên (chỉ gồm các chữ số 0–9)"),
        ("2_025", "year: '2_025' không phải là số nguyên (chỉ gồm các chữ số 0–9)"),
    ],
)
def test_a_data_year_that_is_no_year(example_copy: Path, year: str, message: str) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "\nyear: 2025\n", f"\nyear: {year}\n")
    assert only_problem(check_fails(example_copy)) == f"{path.as_posix()}:6:7: lỗi: {message} [schema]"


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("0", "năm 0 không có thật: năm phải từ 1 đến 9999"),
        ("99999", "năm 99999 không có thật: năm phải từ 1 đến 9999"),
        ("2030.0", "'2030.0' không phải là số nguyên (chỉ gồm các chữ số 0–9)"),
    ],
)
def test_a_target_year_that_is_no_year(fixture_copy: Path, key: str, message: str) -> None:
    path = fixture_copy / "indicators.yaml"
    written = f'"{key}": "90"'
    replace_in(path, '"2030": "90"', written)
    assert (
        only_problem(check_fails(fixture_copy))
        == f"{path.as_posix()}:{line_of(path, written)}:7: lỗi: {message} [schema]"
    )


@pytest.mark.parametrize("value", ["2025.0", "+2025", "2_025", "２０２５"])
def test_plan_integers_are_ascii_digits(fixture_copy: Path, value: str) -> None:
    path = fixture_copy / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nyear: 2024\n", f"\nyear: '{value}'\n"), encoding="utf-8")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'year: ' + repr(value))}:7: lỗi: "
        f"year: '{value}' không phải là số nguyên (chỉ gồm các chữ số 0–9) [schema]"
    )


@pytest.mark.parametrize("value", ["nan", ".inf", "1e309", "-inf"])
def test_progress_thresholds_are_decimals(fixture_copy: Path, value: str) -> None:
    path = fixture_copy / "plan.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + f"progress_thresholds: {{substantial: '{value}'}}\n", encoding="utf-8"
    )
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'progress_thresholds')}:36: lỗi: "
        f"substantial: '{value}' không phải là số (dùng dạng 99,5 hoặc 99.5) [schema]"
    )


@pytest.mark.parametrize(
    ("written", "pointed", "message"),
    [
        (
            "{substantial: 0.1, moderate: 0.9}",
            "0.9}",
            "moderate: ngưỡng 'Cần đẩy nhanh tiến độ' (0,9) phải nhỏ hơn ngưỡng 'Đúng tiến độ' (substantial: 0,1)",
        ),
        (
            "{moderate: 0.97}",
            "0.97}",
            "moderate: ngưỡng 'Cần đẩy nhanh tiến độ' (0,97) phải nhỏ hơn ngưỡng 'Đúng tiến độ' (substantial: 0,95)",
        ),
        (
            # written alone, substantial is compared with the default moderate (0,6): the block is pointed at
            "{substantial: 0.5}",
            "{",
            "moderate: ngưỡng 'Cần đẩy nhanh tiến độ' (0,6) phải nhỏ hơn ngưỡng 'Đúng tiến độ' (substantial: 0,5)",
        ),
        (
            "{substantial: 0.95, moderate: -0.2}",
            "-0.2}",
            (
                "moderate: ngưỡng 'Cần đẩy nhanh tiến độ' phải lớn hơn 0 và nhỏ hơn 1 (R ≤ 0 là không tiến bộ "
                "hoặc đi ngược mục tiêu; sdg-build dùng 0,6), không phải -0,2"
            ),
        ),
        (
            "{substantial: 1.5, moderate: 0.6}",
            "1.5,",
            (
                "substantial: ngưỡng 'Đúng tiến độ' phải lớn hơn 0 và không quá 1 (R = 1 là đúng tốc độ cần có "
                "để đạt mục tiêu cuối kỳ; sdg-build dùng 0,95), không phải 1,5"
            ),
        ),
    ],
    ids=["reversed", "moderate-above-default", "substantial-below-default", "negative", "above-one"],
)
def test_progress_thresholds_are_ordered_and_bounded(
    fixture_copy: Path, written: str, pointed: str, message: str
) -> None:
    path = fixture_copy / "plan.yaml"
    line = f"progress_thresholds: {written}"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    column = line.index(pointed) + 1
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'progress_thresholds')}:{column}: lỗi: {message} [schema]"
    )


def test_progress_thresholds_within_bounds_are_accepted(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "progress_thresholds: {substantial: 1, moderate: 0.5}\n", encoding="utf-8"
    )
    invoke(["check", fixture_copy], 0)


def test_a_part_of_a_units_progress_longer_than_a_form_takes_is_refused(example_copy: Path) -> None:
    args = ["progress", "III.1.a", "--year", "2025", "--unit", "phong_tchc", "--state", "ongoing", "--force"]
    done = invoke([*args, "--result", "x" * 5001, "--plan", example_copy], 1)
    path = (example_copy / "data" / "2025.yaml").as_posix()
    assert done.stderr.splitlines()[0] == f"{path}:83:16: lỗi: results: quá dài: tối đa 5.000 ký tự [schema]"
    invoke([*args, "--result", "x" * 5000, "--plan", example_copy], 0)


def test_a_year_bound_is_written_as_a_year(example_copy: Path) -> None:
    path = example_copy / "plan.yaml"
    replace_in(path, "  start: 2024 ", "  start: 1999 ")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'start: 1999')}:10: lỗi: start: phải lớn hơn hoặc bằng 2000 [schema]"
    )


@pytest.mark.parametrize(
    ("entry", "column", "said"),
    [
        (
            "{value: 95, expected_denominator: 100}",
            10,
            (
                "6.3: expected_denominator (mẫu số toàn địa bàn) chỉ dùng cùng by_unit: kh68 so nó với tổng mẫu số các đơn "
                "vị đã báo cáo; không có by_unit thì bỏ khóa này"
            ),
        ),
        (
            "{value: 95, source: {}}",
            30,
            "source: nguồn số liệu trống: ghi ít nhất một trong document, date, unit, hoặc bỏ khóa source",
        ),
    ],
)
def test_a_field_that_would_change_nothing_is_an_error(fixture_copy: Path, entry: str, column: int, said: str) -> None:
    """A probe: an expected_denominator without by_unit, and an empty source, passed check and changed no output."""
    path = fixture_copy / "data" / "2025.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f'year: 2025\nindicators:\n  "6.3": {entry}\n', encoding="utf-8")
    assert only_problem(check_fails(fixture_copy)) == f"{path.as_posix()}:3:{column}: lỗi: {said} [schema]"
