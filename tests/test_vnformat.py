"""Vietnamese numbers and dates: ``kh68.core.vnformat``."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kh68.core.vnformat import (
    UnclearNumber,
    exact_text,
    format_date,
    format_exact,
    format_number,
    format_signed,
    format_value,
    long_date,
    parse_count,
    parse_date,
    parse_decimal,
    parse_exact,
    parse_whole,
    rounded,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("99,5", 99.5),
        ("99.5", 99.5),
        ("1.234,5", 1234.5),
        ("1.234.567,25", 1234567.25),
        ("100", 100.0),
        (" 95 ", 95.0),
        ("-2,5", -2.5),
        ("0,05", 0.05),
    ],
)
def test_parse_decimal(text: str, expected: float) -> None:
    assert parse_decimal(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["9O,5", "", "abc", "1,2,3", "99,", ",5", "1.234.5", "9 5", "９５", "٩٥", "NaN", "inf", "-inf", "1e5", "1_0"],
)
def test_parse_decimal_rejects_non_numbers_in_vietnamese(text: str) -> None:
    with pytest.raises(ValueError, match="không phải là số"):
        parse_decimal(text)


@pytest.mark.parametrize(("text", "expected"), [("1234", 1234), ("1.234", 1234), ("1 234", 1234), ("0", 0)])
def test_parse_count(text: str, expected: int) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("0000000000000000001", 1), (" 12 ", 12), ("999999999999999", 10**15 - 1)]
)
def test_parse_count_plain_digits_and_leading_zeros(text: str, expected: int) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("1234567890123456", "quá 15 chữ số"), ("١٢", "số nguyên không âm"), ("１２", "số nguyên không âm")],
)
def test_parse_count_refuses_long_and_non_ascii_digits(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_count(text)


@pytest.mark.parametrize("text", ["12,5", "-3", "1.23", "x", "9 5", "１２", "1.23.456"])
def test_parse_count_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="số nguyên không âm"):
        parse_count(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234.5, "1.234,5"),
        (99.5, "99,5"),
        (100.0, "100"),
        (99.96, "99,96"),
        (1234567.0, "1.234.567"),
        (0.004, "0"),
        (-0.001, "0"),
        (-1234.5, "-1.234,5"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_format_number(value: float | None, expected: str) -> None:
    assert format_number(value) == expected


def test_format_number_decimals() -> None:
    assert format_number(32.81215, 1) == "32,8"
    assert format_number(2 / 3, 3) == "0,667"


def test_format_signed_and_value() -> None:
    assert format_signed(1.5) == "+1,5"
    assert format_signed(-1.5) == "-1,5"
    assert format_signed(0.0) == "0"
    assert format_value(99.5, "%") == "99,5%"
    assert format_value(12, "trường") == "12 trường"
    assert format_value(None, "%") == ""


@pytest.mark.parametrize("text", ["2025-11-05", "05/11/2025", "5/11/2025"])
def test_parse_date(text: str) -> None:
    assert parse_date(text) == date(2025, 11, 5)


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2025",
        "2025-13-01",
        "hôm qua",
        "2025-W45-3",  # an ISO week day, which date.fromisoformat reads
        "20251105",
        "٠٥/١١/٢٠٢٥",  # Arabic-Indic digits
        "０５/１１/２０２５",  # full-width digits
        "2025-11-05T00:00",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="không phải là ngày hợp lệ"):
        parse_date(text)


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        # Decree 30/2020: a leading zero for days below 10 and for months 1 and 2 only
        (date(2025, 9, 5), "05/9/2025", "ngày 05 tháng 9 năm 2025"),
        (date(2026, 2, 3), "03/02/2026", "ngày 03 tháng 02 năm 2026"),
        (date(2026, 1, 31), "31/01/2026", "ngày 31 tháng 01 năm 2026"),
        (date(2025, 11, 5), "05/11/2025", "ngày 05 tháng 11 năm 2025"),
        (date(2025, 3, 10), "10/3/2025", "ngày 10 tháng 3 năm 2025"),
        (date(2025, 12, 25), "25/12/2025", "ngày 25 tháng 12 năm 2025"),
    ],
)
def test_dates_follow_decree_30(day: date, short: str, long: str) -> None:
    assert (format_date(day), long_date(day)) == (short, long)


@pytest.mark.parametrize("text", ["1" * 16, "0," + "0" * 15 + "1", "1" * 300])
def test_numbers_beyond_fifteen_digits_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="có quá 15 chữ số"):
        parse_exact(text)
    if "," not in text:
        with pytest.raises(ValueError, match="có quá 15 chữ số"):
            parse_count(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [("0,0000001", "0,0000001"), ("99.50", "99,5"), ("1.234,5", "1.234,5"), ("-2", "-2"), ("000100", "100")],
)
def test_parse_exact_keeps_every_digit(text: str, shown: str) -> None:
    assert format_exact(parse_exact(text)) == shown


def test_format_exact_shows_a_float_by_its_shortest_form() -> None:
    assert format_exact(100.0000001) == "100,0000001"
    assert format_exact(120.0) == "120"


# ------------------------------------------------ the rule: one reading, or refused with both


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("1.234.567", "1234567"),  # the dot groups thousands
        ("1.234,5", "1234.5"),  # … and the comma is the decimal mark
        ("1.234,567", "1234.567"),  # a comma after grouping dots is a decimal mark, whatever follows
        ("99,5", "99.5"),
        ("0,125", "0.125"),
        ("1 234 567", "1234567"),  # a space groups thousands too
        ("1\u00a0234,5", "1234.5"),
        ("99.5", "99.5"),  # a dot that cannot group thousands is a decimal point:
        ("7.08", "7.08"),  # … not three digits after it
        ("7.0800", "7.0800"),
        ("0.125", "0.125"),  # … or no first group before it (0, four digits or more)
        ("00.125", "0.125"),
        ("1234.567", "1234.567"),
        ("7,1250", "7.1250"),  # a decimal of three places written without two readings
        ("-2,5", "-2.5"),
    ],
)
def test_numbers_with_one_reading(text: str, exact: str) -> None:
    assert parse_exact(text) == Decimal(exact)
    assert str(parse_exact(text)) == exact  # every digit as written, trailing zeros included


TWO_WAYS = {
    "12,500": "'12,500' đọc được hai cách: 12,5 (dấu phẩy thập phân) hoặc 12500 (dấu phẩy ngăn cách hàng nghìn "
    "kiểu tiếng Anh); hãy viết 12,5 hoặc 12500",
    "1,234": "'1,234' đọc được hai cách: 1,234 (dấu phẩy thập phân) hoặc 1234 (dấu phẩy ngăn cách hàng nghìn "
    "kiểu tiếng Anh); hãy viết 1,2340 hoặc 1234",
    "999,999": "'999,999' đọc được hai cách: 999,999 (dấu phẩy thập phân) hoặc 999999 (dấu phẩy ngăn cách hàng "
    "nghìn kiểu tiếng Anh); hãy viết 999,9990 hoặc 999999",
    "1,234,567": "'1,234,567': dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
    "nếu là 1234567 hãy viết 1234567 hoặc 1.234.567",
    "1,234.5": "'1,234.5': dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
    "nếu là 1234,5 hãy viết 1234,5 hoặc 1.234,5",
}


@pytest.mark.parametrize(("text", "message"), TWO_WAYS.items())
def test_numbers_that_read_two_ways_are_refused_with_both_readings(text: str, message: str) -> None:
    with pytest.raises(UnclearNumber) as info:
        parse_exact(text)
    assert str(info.value) == message


@pytest.mark.parametrize("text", TWO_WAYS)
def test_what_the_refusal_says_to_write_reads_one_way(text: str) -> None:
    advice = str(TWO_WAYS[text]).rpartition("hãy viết ")[2]
    for written in advice.split(" hoặc "):
        parse_exact(written)  # no UnclearNumber: the advice is itself unambiguous


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7.080", "7080"),
        ("12.500", "12500"),
        ("7.000", "7000"),
        ("-7.125", "-7125"),
        ("07.080", "7080"),
        ("5.000", "5000"),
    ],
)
def test_a_dot_before_three_digits_groups_thousands(text: str, value: str) -> None:
    # As Vietnamese write: 7.080 is seven thousand and eighty; 07.080 (a leading zero) is no group of thousands.
    assert parse_exact(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "count"),
    [("1.234", 1234), ("1.000", 1000), ("1 234", 1234), ("1.234.567", 1234567), ("2140,0", 2140), ("2140.0", 2140)],
)
def test_a_count_reads_a_dot_as_thousands(text: str, count: int) -> None:
    assert parse_count(text) == count


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "1,234",
            (
                "'1,234' không phải là số nguyên: dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
                "nếu là 1234 hãy viết 1234 hoặc 1.234"
            ),
        ),
        (
            "1,000",
            (
                "'1,000' không phải là số nguyên: dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng dấu chấm; "
                "nếu là 1000 hãy viết 1000 hoặc 1.000"
            ),
        ),
        (
            "12,345,678",
            (
                "'12,345,678' không phải là số nguyên: dấu phẩy là dấu thập phân, hàng nghìn ngăn cách bằng "
                "dấu chấm; nếu là 12345678 hãy viết 12345678 hoặc 12.345.678"
            ),
        ),
    ],
)
def test_a_count_refuses_a_comma_grouping_thousands(text: str, message: str) -> None:
    with pytest.raises(UnclearNumber) as info:
        parse_count(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "value", ["7080", "7080.0", "95.4", "7.125", "-7.125", "0.125", "-0", "1234.567", "0.0000001", "12.5", "999.999"]
)
def test_exact_text_reads_back_as_the_same_number(value: str) -> None:
    written = exact_text(Decimal(value))
    assert parse_exact(written) == Decimal(value)
    assert written == {"7080.0": "7080", "7.125": "7.1250", "-7.125": "-7.1250", "-0": "0", "999.999": "999.9990"}.get(
        value, value
    )


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (parse_count, "0" * 5000, 0),
        (parse_count, "0" * 5000 + "7", 7),
        (parse_count, " " + "0" * 5000 + "42 ", 42),
        (parse_whole, "0" * 5000 + "5", 5),
        (parse_whole, "-" + "0" * 5000 + "12", -12),
    ],
)
def test_leading_zeros_beyond_pythons_4300_digits_read_as_the_number(parse: Any, text: str, expected: int) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["1" + ",000" * 1500, "9" * 5000, "-" + "9" * 5000])
def test_a_whole_number_of_thousands_of_digits_is_refused_in_vietnamese(text: str) -> None:
    parse = parse_whole if text.startswith("-") else parse_count
    with pytest.raises(ValueError, match=r"có quá 15 chữ số: quá lớn hoặc quá dài để so sánh chính xác$"):
        parse(text)


def test_a_year_before_1000_keeps_four_digits() -> None:
    assert (format_date(date(1, 1, 1)), long_date(date(999, 3, 5))) == ("01/01/0001", "ngày 05 tháng 3 năm 0999")


@pytest.mark.parametrize(
    ("text", "day"),
    [("ngày 05 tháng 3 năm 2026", date(2026, 3, 5)), ("Ngày 5 tháng 03 năm 2026", date(2026, 3, 5))],
)
def test_a_date_as_a_document_writes_it_is_read(text: str, day: date) -> None:
    """A probe of a real plan: a unit typed its document's date as the document writes it ("ngày 05 tháng 3 năm
    2026", Decree 30) into a form's cell, and it was refused."""
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [(72.125, 2, "72,13"), (22.875, 2, "22,88"), (6.625, 2, "6,63"), (2.675, 2, "2,68"), (-0.125, 2, "-0,13")],
)
def test_a_half_is_rounded_away_from_zero_as_written(value: float, places: int, shown: str) -> None:
    """A real plan's probe: 72,1250 was shown 72,12 (half to even) beside 22,875 shown 22,88 in one report."""
    assert format_number(value, places) == shown
    assert rounded(value, places) == float(shown.replace(",", "."))
