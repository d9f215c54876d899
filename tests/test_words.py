"""kh68.outputs.words: how a report says the plan's things."""

from __future__ import annotations

import pytest

from kh68.outputs.words import lower_first


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Đề nghị bố trí kinh phí", "đề nghị bố trí kinh phí"),
        ("UBND tỉnh chỉ đạo", "UBND tỉnh chỉ đạo"),
        ("Đoàn Kết 6 tháng (minh họa)", "Đoàn Kết 6 tháng (minh họa)"),  # an official's reading: "đoàn Kết"
        ("Sở Y tế đã triển khai", "Sở Y tế đã triển khai"),
        ("Tỉnh Gia Lai và tỉnh Bình Định", "tỉnh Gia Lai và tỉnh Bình Định"),  # a level before its name
    ],
)
def test_a_first_letter_lowered_never_breaks_a_name(text: str, said: str) -> None:
    assert lower_first(text) == said
