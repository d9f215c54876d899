"""The table of timing kinds: each reads its own phrasings; words no kind reads name every accepted form."""

from __future__ import annotations

from datetime import date

import pytest

from kh68.kinds.timings import KINDS, TimingUnparsable, parse_timing

PHRASINGS = [(kind.kind, text) for kind in KINDS for text in kind.phrasings]


@pytest.mark.parametrize(("kind", "text"), PHRASINGS)
def test_each_phrasing_a_kind_lists_is_read_as_that_kind(kind: str, text: str) -> None:
    assert parse_timing(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Hằng thế kỷ",
        "Cuối kỳ",
        "Quý V/2026",
        "tháng 13/2026",
        "Quý I và IV/2026",
        "Tháng 9, 12/2026",
        "Chậm nhất tháng 13/2026",
        "Từ tháng 6 đến tháng 3/2026",
        "Đầu năm 2026",
    ],
)
def test_words_no_kind_reads_name_every_accepted_form(text: str) -> None:
    with pytest.raises(TimingUnparsable) as info:
        parse_timing(text)
    assert str(info.value) == (
        f"không hiểu thời gian thực hiện '{text}'; các dạng đọc được: Thường xuyên | Hằng năm | Quý IV hằng năm | Đến năm 2025 và các "
        "năm tiếp theo | Từ tháng 12/2025 đến quý I/2026 | Năm 2024 và các năm tiếp theo | Khi tiến hành sơ kết, "
        "tổng kết | Khi có phát sinh | 6 tháng đầu năm 2026 | Giai đoạn 2026-2030 | Quý II/2026 | tháng 5/2026 | Trước quý III/2026 | trước ngày 01/01/2030 | "
        "Đến năm 2030 | Năm 2026 | Theo lộ trình, hướng dẫn của Bộ, ngành (hoặc dạng cấu trúc {text: '…', due: 2026-06-30}: "
        "lời văn như kế hoạch viết, kèm hạn)"
    )


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        # Đồng Tháp 556: ways of writing a day, two quarters or two months that one form already reads
        ("trước ngày 15 tháng 12 năm 2026", "by_date", None, date(2026, 12, 14)),
        ("Quý III và IV/2026", "quarter", date(2026, 7, 1), date(2026, 12, 31)),
        ("Quý III, IV/2026", "quarter", date(2026, 7, 1), date(2026, 12, 31)),
        ("Tháng 9-10/2026", "window", date(2026, 9, 1), date(2026, 10, 31)),
        ("Tháng 9, 10/2026", "window", date(2026, 9, 1), date(2026, 10, 31)),
        ("Tháng 9/2026 - tháng 10/2026", "window", date(2026, 9, 1), date(2026, 10, 31)),
        ("Hoàn thành trong tháng 9 - 10/2026", "window", date(2026, 9, 1), date(2026, 10, 31)),
        ("Quý III và IV năm 2026", "quarter", date(2026, 7, 1), date(2026, 12, 31)),
        # Thanh Hóa, a programme of 2026 (reconstructed): a day alone, "đến hết", "chậm nhất trong", "cuối", the
        # year written once after two months, "thường xuyên" within a year
        ("15/12/2026", "by_date", None, date(2026, 12, 15)),
        ("Ngày 30/6/2026", "by_date", None, date(2026, 6, 30)),
        ("Đến hết tháng 9/2026", "by_date", None, date(2026, 9, 30)),
        ("Đến hết tháng 9 năm 2026", "by_date", None, date(2026, 9, 30)),
        ("Chậm nhất trong quý III/2026", "by_date", None, date(2026, 9, 30)),
        ("Cuối quý III/2026", "by_date", None, date(2026, 9, 30)),
        ("Hết tháng 2/2026", "by_date", None, date(2026, 2, 28)),
        ("Cuối năm 2026", "until_year", None, date(2026, 12, 31)),
        ("Hết năm 2026", "until_year", None, date(2026, 12, 31)),
        ("Từ tháng 3 đến tháng 6/2026", "window", date(2026, 3, 1), date(2026, 6, 30)),
        ("Từ quý I đến quý III/2026", "window", date(2026, 1, 1), date(2026, 9, 30)),
        ("Từ ngày 01/3/2026", "from_year", date(2026, 3, 1), None),
        ("Thường xuyên trong năm 2026", "in_year", date(2026, 1, 1), date(2026, 12, 31)),
        ("Thường xuyên trong giai đoạn 2026-2030", "span", date(2026, 1, 1), date(2030, 12, 31)),
    ],
)
def test_a_timing_written_another_way_is_read_as_its_usual_form(
    text: str, kind: str, start: date | None, end: date
) -> None:
    timing = parse_timing(text)
    assert (timing.kind, timing.start, timing.end, timing.text) == (kind, start, end, text)
