"""What people type in a form's cells, read as typed values, exactly."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kh68.entry.forms import cells
from kh68.entry.forms.layout import Input
from kh68.kinds.verdict import TaskState


@pytest.mark.parametrize(
    ("typed", "percent_format", "read"),
    [
        ("95,4", False, "95.4"),
        ("95.4", False, "95.4"),
        ("95,4%", False, "95.4"),
        (" 95,4 % ", False, "95.4"),
        ("1.234,5", False, "1234.5"),
        ("0,0000001", False, "0.0000001"),
        (95.4, False, "95.4"),
        (100, False, "100"),
        (2140.0, False, "2140"),
        (0.954, True, "95.4"),  # typed 95,4% in a cell formatted as percent
        (1, True, "100"),
    ],
)
def test_numbers_as_typed(typed: object, percent_format: bool, read: str) -> None:
    assert cells.decimal_text(typed, percent_format) == read


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("chín lăm", "'chín lăm' không phải là số (viết dạng 95,4 hoặc 95.4)"),
        ("9 5", "'9 5' không phải là số (viết dạng 95,4 hoặc 95.4)"),
        ("1e5", "'1e5' không phải là số (viết dạng 95,4 hoặc 95.4)"),
        ("９５", "'９５' không phải là số (viết dạng 95,4 hoặc 95.4)"),
        (True, "'TRUE' không phải là số"),
        (float("nan"), "'nan' không phải là số"),
        (datetime(2025, 1, 1), "'01/01/2025' không phải là số"),
    ],
)
def test_what_is_not_a_number(typed: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        cells.decimal_text(typed)
    assert str(info.value) == message


def test_too_many_digits_to_compare_exactly() -> None:
    with pytest.raises(ValueError) as info:
        cells.decimal_text(1e20)
    assert "quá 15 chữ số" in str(info.value)


@pytest.mark.parametrize(("typed", "percent_format"), [("11,5%", False), (" 11,5 % ", False), (0.115, True)])
def test_a_rate_is_refused_of_an_indicator_not_in_percent_never_read_without_its_sign(
    typed: object, percent_format: bool
) -> None:
    with pytest.raises(ValueError) as info:
        cells.amount_text(typed, "nghìn USD", percent_format)
    assert str(info.value).endswith(": chỉ tiêu này tính bằng nghìn USD, không phải %; ghi số không kèm %")
    assert cells.amount_text("11,5", "nghìn USD") == "11.5"


def test_percentages() -> None:
    assert cells.percent_text("99,5%", False) == "99.5"
    with pytest.raises(ValueError) as info:
        cells.percent_text("100,01", False)
    assert str(info.value) == "tỷ lệ phải từ 0 đến 100, thấy 100,01"
    with pytest.raises(ValueError) as info:
        cells.percent_text(-1, False)
    assert str(info.value) == "tỷ lệ phải từ 0 đến 100, thấy -1"


@pytest.mark.parametrize(
    ("typed", "read"), [(2140, 2140), (2140.0, 2140), ("2140", 2140), ("2.140", 2140), ("2 140", 2140)]
)
def test_counts(typed: object, read: int) -> None:
    assert cells.count_value(typed) == read


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (21.5, "'21.5' không phải là số nguyên (tử số, mẫu số là số đếm)"),
        ("21,5", "'21,5' không phải là số nguyên (tử số, mẫu số là số đếm)"),
        (-3, "'-3' phải là số nguyên không âm"),
        ("hai", "'hai' không phải là số nguyên (ví dụ 2140)"),
        # a count Excel stored as a number: the data file's limit, said at the cell (it was said at a line of YAML)
        (1e17, "'1e+17' có quá 15 chữ số: quá lớn hoặc quá dài để so sánh chính xác"),
        (10**15, "'1000000000000000' có quá 15 chữ số: quá lớn hoặc quá dài để so sánh chính xác"),
        # typed as text (a CSV): the same words (it said "không phải là số nguyên")
        ("1234567890123456", "'1234567890123456' có quá 15 chữ số: quá lớn hoặc quá dài để so sánh chính xác"),
    ],
)
def test_what_is_not_a_count(typed: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        cells.count_value(typed)
    assert str(info.value) == message


def test_dates() -> None:
    assert cells.day(datetime(2025, 11, 15)) == date(2025, 11, 15)
    assert cells.day(date(2025, 11, 11)) == date(2025, 11, 11)  # a swap would change nothing
    assert cells.day("05/11/2025") == date(2025, 11, 5)
    assert cells.day("5/11/2025") == date(2025, 11, 5)
    assert cells.day("2025-11-05") == date(2025, 11, 5)
    for typed in ("31/02/2025", "29/02/2025", "32/01/2025", "hôm qua"):
        with pytest.raises(ValueError) as info:
            cells.day(typed)
        assert str(info.value) == f"'{typed}' không phải là ngày hợp lệ (dùng dạng 2025-03-15 hoặc 15/3/2025)"
    with pytest.raises(ValueError) as info:
        cells.day(datetime(2025, 11, 5, 14, 30))
    assert str(info.value) == "'05/11/2025 14:30' không phải là một ngày"


def test_states_and_yes_no() -> None:
    assert cells.task_state("Đang triển khai") is TaskState.IN_PROGRESS
    assert cells.task_state("  thực hiện THƯỜNG XUYÊN ") is TaskState.ONGOING
    assert cells.task_state("done") is TaskState.DONE
    assert cells.yes_no("Đạt") is True
    assert cells.yes_no("chưa đạt") is False
    with pytest.raises(ValueError) as info:
        cells.yes_no("có lẽ")
    assert str(info.value) == "'có lẽ': chọn Đạt hoặc Chưa đạt"


@pytest.mark.parametrize("stored", [datetime(2025, 4, 11), date(2025, 11, 4)])
def test_a_date_excel_stored_whose_day_and_month_may_be_swapped_is_refused(stored: date) -> None:
    # Excel in English stores a typed 04/11/2025 as 11 April; in Vietnamese as 4 November: both are refused.
    with pytest.raises(ValueError) as info:
        cells.day(stored)
    readings = "11/4/2025 hoặc 04/11/2025" if stored.month == 4 else "04/11/2025 hoặc 11/4/2025"
    assert str(info.value) == (
        "Excel đã tự đổi ô này thành ngày theo cài đặt của máy, có thể đã đảo ngày và tháng; "
        f"gõ lại đúng ngày dạng ngày/tháng/năm, ví dụ {readings}"
    )
    for typed in readings.split(" hoặc "):  # each reading the message offers is one the cell takes as text
        assert cells.day(typed) in (date(2025, 4, 11), date(2025, 11, 4))


@pytest.mark.parametrize(
    ("typed", "kind", "read"),
    [
        (4, Input.DAY, 4),
        (4.0, Input.DAY, 4),
        ("04", Input.DAY, 4),
        (" 11 ", Input.MONTH, 11),
        ("2025", Input.YEAR, 2025),
    ],
)
def test_the_parts_of_the_sent_date(typed: object, kind: Input, read: int) -> None:
    assert cells.date_part(typed, kind, 2025) == read


@pytest.mark.parametrize(
    ("typed", "kind", "message"),
    [
        (32, Input.DAY, "'32' không phải là số ngày (từ 1 đến 31, ví dụ 4)"),
        (4.5, Input.DAY, "'4.5' không phải là số ngày (từ 1 đến 31, ví dụ 4)"),
        (datetime(2025, 11, 4), Input.DAY, "'04/11/2025' không phải là số ngày (từ 1 đến 31, ví dụ 4)"),
        ("mười một", Input.MONTH, "'mười một' không phải là số tháng (từ 1 đến 12, ví dụ 11)"),
        (13, Input.MONTH, "'13' không phải là số tháng (từ 1 đến 12, ví dụ 11)"),
        ("25", Input.YEAR, "'25' không phải là năm (ghi đủ 4 chữ số, ví dụ 2025)"),
        (True, Input.YEAR, "'TRUE' không phải là năm (ghi đủ 4 chữ số, ví dụ 2025)"),
    ],
)
def test_what_is_not_a_part_of_the_sent_date(typed: object, kind: Input, message: str) -> None:
    with pytest.raises(ValueError) as info:
        cells.date_part(typed, kind, 2025)
    assert str(info.value) == message


def test_a_number_excel_stored_is_never_taken_for_ambiguous_text() -> None:
    # 1,234 stored as a number is that number; only text such as "1.234" can be read two ways,
    # so it is written to the data file as 1.2340, which reads back as 1,234 alone.
    assert cells.decimal_text(1.234) == "1.2340"
    assert cells.decimal_text(12.5) == "12.5"


@pytest.mark.parametrize(
    ("number_format", "scales", "shows"),
    [
        ("0.00%", True, True),
        ("[Red]0%;-0%", True, True),
        ('0.0"%"', False, True),  # the sign beside the number as typed: 0,8 shown "0.8%"
        ("0.0\\%", False, True),
        ("[$%-409]0", False, True),
        ("0.0_%", False, True),  # room the width of a % sign
        ("0*%", False, True),  # % repeated to fill the cell
        ("General", False, False),
        (None, False, False),
    ],
)
def test_a_number_format_scales_by_100_only_with_a_bare_percent_sign(
    number_format: str | None, scales: bool, shows: bool
) -> None:
    assert (cells.scales_by_100(number_format), cells.shows_percent(number_format)) == (scales, shows)
    assert cells.percent_text(0.8, cells.scales_by_100(number_format)) == ("80" if scales else "0.8")


@pytest.mark.parametrize(
    ("typed", "unit", "read"),
    [("96,5 ha", "ha", "96.5"), ("96,5ha", "ha", "96.5"), ("12,5 Tỷ đồng", "tỷ đồng", "12.5"), (" 40 km ", "km", "40")],
)
def test_an_amount_typed_with_its_indicators_own_unit_is_read(typed: str, unit: str, read: str) -> None:
    """Đồng Tháp 556: "96,0 ha" typed in a cell of an indicator in ha was "không phải là số"."""
    assert cells.amount_text(typed, unit) == read


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("96 tấn", "'96 tấn': chỉ tiêu này tính bằng ha, không phải 'tấn'"),
        ("96,5 ha ha", "'96,5 ha ha' không phải là số (viết dạng 95,4 hoặc 95.4)"),  # as typed, not '96,5 ha '
    ],
)
def test_an_amount_typed_with_another_unit_is_refused_quoting_what_was_typed(typed: str, said: str) -> None:
    with pytest.raises(ValueError) as info:
        cells.amount_text(typed, "ha")
    assert str(info.value) == said


@pytest.mark.parametrize(
    ("number_format", "value", "scales"),
    [
        ("0.0;-0.0%", 0.965, False),  # a positive number shown "1.0" by the first section: as typed
        ("0.0;-0.0%", -0.5, True),
        ("0.0;0.0;0.0;@%", 0.965, False),  # the % is the text section's
        ("0.0;0.0%", 96.5, False),  # it was refused as 9.650%
        ("0.0%;0.0", 0.5, True),
    ],
)
def test_only_the_section_of_a_number_format_that_shows_the_value_counts(
    number_format: str, value: float, scales: bool
) -> None:
    assert cells.scales_by_100(number_format, value) is scales


def test_a_date_in_a_cell_of_a_date_format_is_no_number_to_scale() -> None:
    """`m/d/yyyy;@` (Excel's Date) of a date: comparing the date with 0 stopped the import with a traceback."""
    assert cells.shows_percent("m/d/yyyy;@", datetime(2026, 9, 1)) is False
    assert cells.scales_by_100("0%;0%;0%;@%", "văn bản") is True  # text: the fourth section


def test_a_rate_whose_dot_groups_thousands_is_refused_with_its_other_reading() -> None:
    with pytest.raises(ValueError) as info:
        cells.percent_text("1.234", False)
    assert str(info.value) == (
        "tỷ lệ phải từ 0 đến 100, thấy 1.234 ('1.234': dấu chấm ngăn cách hàng nghìn; nếu là 1,234% hãy ghi 1,234)"
    )
