"""What every kind of target shares (``kh68.kinds.targets.base``): the plan's words as a report quotes them."""

from __future__ import annotations

import pytest

from kh68.kinds.measure import Measure
from kh68.kinds.targets import parse_target


@pytest.mark.parametrize(
    ("text", "unit", "quoted"),
    [
        ("ít nhất 90%", "%", "ít nhất 90%"),  # a report said "từ 90% trở lên"
        ("giảm tối thiểu 15% so với năm 2025", "văn bản", "giảm tối thiểu 15% so với năm 2025"),  # "giảm 15% …"
        ("tăng tối thiểu 03 bậc so với năm 2025", "bậc", "tăng tối thiểu 03 bậc so với năm 2025"),
        ("đạt trên 98%", "%", "đạt trên 98%"),
        ("08", "thôn", "08 thôn"),  # a bare bound: its unit after it
        ("không quá 5", "cuộc", "không quá 5 cuộc"),
        ("8 – 10", "mô hình", "8–10 mô hình"),  # a range written without spaces
        ("không quá 5,5", "người", "không quá 5,5 người"),
        ("95- 97%", "%", "95-97%"),
        ("90", "%", "90%"),
        ("đến năm 2030 đạt 1.500", "ha", "đến năm 2030 đạt 1.500 ha"),
        ("1.500 ha", "ha", "1.500 ha"),
        ("khoảng 08", "thôn", "khoảng 08 thôn"),  # its amount, not the edges of its tolerance
        ("95%.", "%", "95%"),  # a table cell's full stop
        ("Đạt 95%", "%", "đạt 95%"),  # inside a sentence
        ("tăng bình quân 5%/năm giai đoạn 2026 - 2030", "nghìn USD", "tăng bình quân 5%/năm giai đoạn 2026 - 2030"),
    ],
)
def test_a_report_quotes_the_plans_words_with_the_unit_of_a_bare_bound(text: str, unit: str, quoted: str) -> None:
    assert parse_target(text).as_written(Measure(unit)) == quoted


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("≥ 90%", "%"),
        ("<= 5", "%"),
        ("99.5%", "%"),
        ("tăng 2 so với năm 2025", "%"),  # read as 2 points: quoted bare it reads two ways
        ("giảm 5 so với năm 2025", "vụ"),
        ("từ 05 trở lên", "trường"),
        ("đạt 95 vào năm 2030", "%"),
        ("tăng 500 so với năm 2025 (trừ diện tích trồng thay thế)", "ha"),  # "ha" inside "thay" is no unit
    ],
)
def test_words_a_report_cannot_quote_as_they_are_leave_them_to_the_kind(text: str, unit: str) -> None:
    """ "≥ 90%" is no sentence an official writes; "99.5%" no Vietnamese number; a bound without its unit where no
    unit can follow it: said in the kind's words instead."""
    assert parse_target(text).as_written(Measure(unit)) is None
