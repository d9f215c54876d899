"""Numbers as Vietnamese write them, read by one reader on every way in (issue 16, issue 17 item 2).

The dot groups thousands, the comma is the decimal mark; a dot is a decimal point only where it
cannot group thousands ("7.080" is 7080); a number with two readings ("1,234": 1,234 or 1234) is refused with both.
Each way a number enters a plan is run through the real CLI with both sides of the rule:
targets in indicators.yaml, values in data files, ``record --value/--numerator/--denominator``,
Excel form cells (text and numbers) and CSV cells. What a writer stores reads back as the same number.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLE_PLAN, check_fails, invoke, line_of, only_error, replace_in
from formtools import make_form, sent
from kh68.entry.textedit import render_scalar

AMOUNT = "6.14"  # an amount (tỷ đồng) added to the demo plan: any number is a value of it
TARGET_LINE = '      "2025": "7080"\n'
INDICATOR = f"""
  - id: "{AMOUNT}"
    name: Kinh phí đầu tư cơ sở vật chất mầm non (minh họa)
    unit: tỷ đồng
    targets:
{TARGET_LINE}      "2030": "8000"
    responsible_units: [phong_gdth_gdmn]
"""
DATA = "data/2025.yaml"
FIGURE_ANCHOR = '  "6.13":\n'
FORM = "bao-cao-2025-phong-gdth-gdmn.xlsx"
COMMUNE_FORM = "bao-cao-2025-xa-mh-07.xlsx"

TWO_WAYS = {
    "12,500": "'12,500' đọc được hai cách: 12,5 (dấu phẩy thập phân) hoặc 12500 (dấu phẩy ngăn cách hàng nghìn "
    "kiểu tiếng Anh); hãy viết 12,5 hoặc 12500",
    "1,234": "'1,234' đọc được hai cách: 1,234 (dấu phẩy thập phân) hoặc 1234 (dấu phẩy ngăn cách hàng nghìn "
    "kiểu tiếng Anh); hãy viết 1,2340 hoặc 1234",
    "1,234,567": "'1,234,567': dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
    "nếu là 1234567 hãy viết 1234567 hoặc 1.234.567",
}
ONE_WAY = {  # as typed → the number it is
    "7.080": 7080,
    "12.500": 12500,
    "1.234,5": 1234.5,
    "1.234.567": 1234567,
    "99,5": 99.5,
    "99.5": 99.5,
    "0.125": 0.125,
    "7.08": 7.08,
    "7080": 7080,
    "1.234,567": 1234.567,
    "7,1250": 7.125,
}
COUNTS = {"1.234": 1234, "1 234": 1234, "12.000": 12000, "1.234.567": 1234567, "2140,0": 2140}
COUNT_REFUSED = {
    "1,234": "'1,234' không phải là số nguyên: dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
    "nếu là 1234 hãy viết 1234 hoặc 1.234",
    "12,5": "'12,5' không phải là số nguyên không âm",
}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The demo plan with an amount, 6.14 (tỷ đồng, target 7080 in 2025), reported by phong_gdth_gdmn."""
    root = Path(shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan"))
    indicators = root / "indicators.yaml"
    indicators.write_text(indicators.read_text(encoding="utf-8") + INDICATOR, encoding="utf-8")
    return root


def _status(root: Path, code: str = AMOUNT) -> dict:
    out = invoke(["status", "--plan", root, "--year", "2025", "--format", "json"], 0).output
    return next(i for i in json.loads(out)["indicators"] if i["id"] == code)


def _figure(root: Path, text: str) -> int:
    """Write 6.14's 2025 value by hand as ``text``; the line it is on."""
    replace_in(root / DATA, FIGURE_ANCHOR, f'  "{AMOUNT}":\n    value: {render_scalar(text)}\n{FIGURE_ANCHOR}')
    return line_of(root / DATA, f'  "{AMOUNT}":') + 1


# ------------------------------------------------------------ targets in indicators.yaml


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("7080", "at_least", 7080, None),
        ("1.234.567", "at_least", 1234567, None),
        ("1.234,5", "at_least", 1234.5, None),
        ("99,5", "at_least", 99.5, None),
        ("99.5", "at_least", 99.5, None),
        ("0.125", "at_least", 0.125, None),
        ("7.08", "at_least", 7.08, None),
        ("> 1.234,5", "greater_than", 1234.5, None),
        ("7000-8.000,5", "range", 7000, 8000.5),
    ],
)
def test_a_target_with_one_reading(plan: Path, text: str, kind: str, low: float, high: float | None) -> None:
    replace_in(plan / "indicators.yaml", TARGET_LINE, f'      "2025": {render_scalar(text)}\n')
    target = _status(plan)["target"]
    assert (target["text"], target["kind"], target["min"], target["max"]) == (text, kind, low, high)


RANGE_TWO_WAYS = (
    "'8,000' đọc được hai cách: 8 (dấu phẩy thập phân) hoặc 8000 (dấu phẩy ngăn cách hàng nghìn kiểu tiếng Anh); "
    "hãy viết 8 hoặc 8000"
)


@pytest.mark.parametrize(("text", "message"), [*TWO_WAYS.items(), ("7000-8,000", RANGE_TWO_WAYS)])
def test_a_target_read_two_ways_is_refused_with_file_and_line(plan: Path, text: str, message: str) -> None:
    path = plan / "indicators.yaml"
    replace_in(path, TARGET_LINE, f'      "2025": {text}\n')
    line = line_of(path, f'"2025": {text}')
    error = only_error(check_fails(plan))
    shown = message if text in message.split("'")[:2] else f"'{text}': {message}"
    assert error == f"{path.as_posix()}:{line}:15: lỗi: {shown} [target-unparsable]"


# ------------------------------------------------------------ values in data files


@pytest.mark.parametrize(("text", "value"), ONE_WAY.items())
def test_a_data_file_value_with_one_reading(plan: Path, text: str, value: float) -> None:
    _figure(plan, text)
    assert _status(plan)["value"] == value


@pytest.mark.parametrize(("text", "message"), TWO_WAYS.items())
def test_a_data_file_value_read_two_ways_is_refused_with_file_and_line(plan: Path, text: str, message: str) -> None:
    line = _figure(plan, text)
    error = only_error(check_fails(plan))
    assert error == f"{(plan / DATA).as_posix()}:{line}:12: lỗi: value: {message} [schema]"
    invoke(["status", "--plan", plan, "--year", "2025"], 1)  # no command reads it another way


def _denominator(root: Path, text: str) -> int:
    """Write xa_mh_07's 6.2 denominator in 2025 by hand as ``text``; the column it starts at."""
    written = render_scalar(text, flow=True)
    replace_in(root / DATA, "denominator: 3600}", f"denominator: {written}}}")
    line = (root / DATA).read_text(encoding="utf-8").splitlines()[line_of(root / DATA, "xa_mh_07:") - 1]
    return line.index(written) + 1


def _denominators(root: Path) -> int:
    """The sum of the 2025 denominators of 6.2 that kh68 read (3600 of them are xa_mh_07's in the demo)."""
    return _status(root, "6.2")["coverage"]["denominator_reported"]


DEMO_DENOMINATORS = 30800  # 7 communes, xa_mh_07's 3600 among them


@pytest.mark.parametrize(("text", "count"), COUNTS.items())
def test_a_data_file_count(plan: Path, text: str, count: int) -> None:
    _denominator(plan, text)
    assert _denominators(plan) == DEMO_DENOMINATORS - 3600 + count


@pytest.mark.parametrize(("text", "message"), COUNT_REFUSED.items())
def test_a_data_file_count_with_a_comma_is_refused(plan: Path, text: str, message: str) -> None:
    column = _denominator(plan, text)
    line = line_of(plan / DATA, "xa_mh_07:")
    error = only_error(check_fails(plan))
    assert error == f"{(plan / DATA).as_posix()}:{line}:{column}: lỗi: denominator: {message} [schema]"


# ------------------------------------------------------------ kh68 record


def _record(root: Path, *args: str, exit_code: int = 0) -> str:
    return invoke(["record", *args, "--year", "2025", "--force", "--plan", root], exit_code).output


@pytest.mark.parametrize(("text", "value"), ONE_WAY.items())
def test_record_a_value_with_one_reading_stores_it_as_typed(plan: Path, text: str, value: float) -> None:
    _record(plan, AMOUNT, "--value", text)
    assert f'  "{AMOUNT}":\n    value: {render_scalar(text)}\n' in (plan / DATA).read_text(encoding="utf-8")
    assert _status(plan)["value"] == value


@pytest.mark.parametrize(("text", "message"), TWO_WAYS.items())
def test_record_a_value_read_two_ways_is_refused_naming_the_option(plan: Path, text: str, message: str) -> None:
    before = (plan / DATA).read_bytes()
    assert _record(plan, AMOUNT, "--value", text, exit_code=2) == f"kh68: lỗi: --value: {message}\n"
    assert (plan / DATA).read_bytes() == before


@pytest.mark.parametrize(("text", "count"), COUNTS.items())
def test_record_a_count(plan: Path, text: str, count: int) -> None:
    _record(plan, "6.2", "--by", "xa_mh_07", "--numerator", "1188", "--denominator", text)
    assert _denominators(plan) == DEMO_DENOMINATORS - 3600 + count


@pytest.mark.parametrize("option", ["--numerator", "--denominator"])
@pytest.mark.parametrize(("text", "message"), COUNT_REFUSED.items())
def test_record_a_count_with_a_comma_is_refused_naming_the_option(
    plan: Path, option: str, text: str, message: str
) -> None:
    other = "--denominator" if option == "--numerator" else "--numerator"
    args = ["6.2", "--by", "xa_mh_07", option, text, other, "1188"]
    assert _record(plan, *args, exit_code=2) == f"kh68: lỗi: {option}: {message}\n"


# ------------------------------------------------------------ Excel forms


def _form(root: Path, tmp_path: Path, unit: str = "phong_gdth_gdmn") -> Path:
    return make_form(root, tmp_path / "forms", unit)


def _fill(path: Path, cell: str | None, value: object) -> str:
    """Type ``value`` in ``cell`` of the indicators sheet (6.14's value cell when None), sent on 07/11/2025."""
    wb = openpyxl.load_workbook(path)
    sheet = wb["Chỉ tiêu"]
    if cell is None:
        row = next(c.row for c in sheet["A"] if c.value == AMOUNT)
        cell = f"G{row}"
    sheet[cell] = value
    for (sheet, where), part in sent(7, 11, 2025).items():
        wb[sheet][where] = part
    wb.save(path)
    return cell


def _import(root: Path, path: Path, exit_code: int = 0) -> str:
    return invoke(["import", "--plan", root, path, "--force"], exit_code).output


STORED = {  # typed in a text cell → written into the data file (plain, one reading)
    "7.080": "7080",
    "12.500": "12500",
    "1.234,5": "1234.5",
    "1.234.567": "1234567",
    "99,5": "99.5",
    "99.5": "99.5",
    "0.125": "0.125",
    "7.08": "7.08",
    "7080": "7080",
    "1.234,567": "1234.567",
    "7,1250": "7.1250",
}


@pytest.mark.parametrize(("text", "value"), ONE_WAY.items())
def test_a_form_text_cell_with_one_reading(plan: Path, tmp_path: Path, text: str, value: float) -> None:
    _fill(form := _form(plan, tmp_path), None, text)
    _import(plan, form)
    assert f'  "{AMOUNT}":\n    value: {STORED[text]}\n' in (plan / DATA).read_text(encoding="utf-8")
    assert _status(plan)["value"] == value


@pytest.mark.parametrize(("text", "message"), TWO_WAYS.items())
def test_a_form_text_cell_read_two_ways_is_refused_with_its_cell(
    plan: Path, tmp_path: Path, text: str, message: str
) -> None:
    cell = _fill(form := _form(plan, tmp_path), None, text)
    before = (plan / DATA).read_bytes()
    assert f"kh68: lỗi: {FORM} › Chỉ tiêu › {cell} (chỉ tiêu {AMOUNT}): {message}\n" in _import(plan, form, 1)
    assert (plan / DATA).read_bytes() == before


@pytest.mark.parametrize(
    ("number", "stored", "value"),
    [(7080.0, "7080", 7080), (7080, "7080", 7080), (7.125, "7.1250", 7.125), (1234.5, "1234.5", 1234.5)],
)
def test_a_form_number_cell_is_written_as_it_reads_back(
    plan: Path, tmp_path: Path, number: float, stored: str, value: float
) -> None:
    _fill(form := _form(plan, tmp_path), None, number)
    _import(plan, form)
    assert f'  "{AMOUNT}":\n    value: {stored}\n' in (plan / DATA).read_text(encoding="utf-8")
    invoke(["check", plan], 0)
    assert _status(plan)["value"] == value


@pytest.mark.parametrize(("text", "count"), COUNTS.items())
def test_a_form_count_typed_as_text(plan: Path, tmp_path: Path, text: str, count: int) -> None:
    form = _form(plan, tmp_path, "xa_mh_07")
    _fill(form, "H7", 1188)
    _fill(form, "I7", text)
    _import(plan, form)
    assert _denominators(plan) == DEMO_DENOMINATORS - 3600 + count


@pytest.mark.parametrize(("text", "message"), COUNT_REFUSED.items())
def test_a_form_count_with_a_comma_is_refused_with_its_cell(
    plan: Path, tmp_path: Path, text: str, message: str
) -> None:
    form = _form(plan, tmp_path, "xa_mh_07")
    _fill(form, "H7", 1188)
    _fill(form, "I7", text)
    if text == "12,5":
        message = "'12,5' không phải là số nguyên (tử số, mẫu số là số đếm)"  # the form's own words
    assert f"kh68: lỗi: {COMMUNE_FORM} › Chỉ tiêu › I7 (chỉ tiêu 6.2): {message}\n" in _import(plan, form, 1)


# ------------------------------------------------------------ CSV


def _csv(tmp_path: Path, row: str) -> Path:
    path = tmp_path / "so-lieu.csv"
    path.write_text(f"indicator,year,unit,value,numerator,denominator,reported_by\n{row}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "value"), ONE_WAY.items())
def test_a_csv_cell_with_one_reading(plan: Path, tmp_path: Path, text: str, value: float) -> None:
    _import(plan, _csv(tmp_path, f'{AMOUNT},2025,,"{text}",,,phong_gdth_gdmn'))
    assert f'  "{AMOUNT}":\n    value: {STORED[text]}\n' in (plan / DATA).read_text(encoding="utf-8")
    assert _status(plan)["value"] == value


@pytest.mark.parametrize(("text", "message"), TWO_WAYS.items())
def test_a_csv_cell_read_two_ways_is_refused_with_its_row(plan: Path, tmp_path: Path, text: str, message: str) -> None:
    output = _import(plan, _csv(tmp_path, f'{AMOUNT},2025,,"{text}",,,phong_gdth_gdmn'), 1)
    assert f"kh68: lỗi: so-lieu.csv › dòng 2 › value: {message} (chỉ tiêu {AMOUNT})\n" in output


@pytest.mark.parametrize(("text", "count"), COUNTS.items())
def test_a_csv_count(plan: Path, tmp_path: Path, text: str, count: int) -> None:
    _import(plan, _csv(tmp_path, f'6.2,2025,xa_mh_07,,1188,"{text}",'))
    assert _denominators(plan) == DEMO_DENOMINATORS - 3600 + count


@pytest.mark.parametrize(("text", "message"), COUNT_REFUSED.items())
def test_a_csv_count_with_a_comma_is_refused_with_its_row(plan: Path, tmp_path: Path, text: str, message: str) -> None:
    output = _import(plan, _csv(tmp_path, f'6.2,2025,xa_mh_07,,1188,"{text}",'), 1)
    if text == "12,5":
        message = "'12,5' không phải là số nguyên (tử số, mẫu số là số đếm)"
    assert f"kh68: lỗi: so-lieu.csv › dòng 2 › denominator: {message} (chỉ tiêu 6.2)\n" in output


# ------------------------------------------------------------ the annex says 7.080, the figure is 7.079


def test_a_target_of_7080_is_not_exceeded_by_7079(plan: Path) -> None:
    target = plan / "indicators.yaml"
    replace_in(target, TARGET_LINE, '      "2025": 7.080\n')  # as the annex prints it: 7080, never 7,08
    _figure(plan, "7.079")  # the figure as typed beside it: 7079, never 7,079
    result = _status(plan)
    assert (result["target"]["min"], result["value"], result["status"]) == (7080, 7079, "not_met")
    assert (result["target"]["display"], result["value_display"]) == ("7.080 tỷ đồng", "7.079 tỷ đồng")
