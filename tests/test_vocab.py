"""kh68.vocab: the one place of Vietnamese wording, exact phrases."""

from __future__ import annotations

import pytest

from kh68 import vocab
from kh68.core.vnformat import with_unit
from kh68.kinds.verdict import Direction, Status, TaskState
from kh68.reading.enums import DutyKind
from kh68.vocab import Category

H, L = Direction.HIGHER, Direction.LOWER


def test_status_labels_and_symbols() -> None:
    assert [(s.value, vocab.STATUS_SYMBOLS[s], vocab.STATUS_LABELS[s]) for s in Status] == [
        ("exceeded", "▲", "Vượt chỉ tiêu"),
        ("met", "✓", "Đạt"),
        ("not_met", "✗", "Chưa đạt"),
        ("no_data", "?", "Chưa có số liệu"),
        ("no_target", "–", "Không đặt chỉ tiêu"),
        ("in_progress", "…", "Đang triển khai"),
        ("provisional", "≈", "Tạm tính"),
        ("not_computable", "∅", "Không tính được"),
        ("no_base", "?", "Chưa có số liệu năm gốc"),
        ("no_state", "?", "Chưa có trạng thái"),
    ]


def test_one_phrasing_for_no_target() -> None:
    assert vocab.NO_TARGET == vocab.STATUS_LABELS[Status.NO_TARGET] == "Không đặt chỉ tiêu"


def test_category_labels_read_as_an_official_writes_them() -> None:
    assert [c.label for c in Category] == [
        "Đã đạt mục tiêu cuối kỳ",
        "Không đạt mục tiêu cuối kỳ",
        "Đúng tiến độ",
        "Cần đẩy nhanh tiến độ",
        "Chậm tiến độ",
        "Đi ngược mục tiêu",
        "Chưa đủ số liệu",
    ]


def test_progress_method_is_named_with_its_thresholds() -> None:
    assert vocab.progress_method_note(0.95, 0.6) == (
        "Tiến độ đến mục tiêu cuối kỳ đánh giá theo phương pháp đánh giá tiến độ của Open SDG (công cụ sdg-build), "
        "do Cơ quan Thống kê Canada xây dựng trên cơ sở phương pháp của Eurostat: R là tỷ số giữa tốc độ tăng "
        "bình quân hằng năm đã đạt và tốc độ cần có để đạt mục tiêu đúng hạn; R ≥ 0,95: đúng tiến độ; "
        "0,6 ≤ R < 0,95: cần đẩy nhanh tiến độ; 0 ≤ R < 0,6: chậm tiến độ; R < 0: đi ngược mục tiêu."
    )


def test_task_states_and_duty_kinds() -> None:
    assert [vocab.task_state_label(s) for s in TaskState] == [
        "Chưa triển khai",
        "Đang triển khai",
        "Hoàn thành",
        "Thực hiện thường xuyên",
    ]
    assert vocab.task_state_label(None) == "Chưa có báo cáo"
    assert set(vocab.DUTY_KIND_LABELS) == set(DutyKind)


@pytest.mark.parametrize(
    ("status", "gap", "unit", "direction", "ranged", "expected"),
    [
        (Status.EXCEEDED, 0.4, "%", H, False, "vượt chỉ tiêu 0,4 điểm phần trăm"),
        (Status.EXCEEDED, 3, "trường", H, False, "vượt chỉ tiêu 3 trường"),
        (Status.EXCEEDED, 0.5, "%", L, False, "vượt chỉ tiêu (thấp hơn mức chỉ tiêu 0,5 điểm phần trăm)"),
        (Status.NOT_MET, -1.2, "%", H, False, "thấp hơn chỉ tiêu 1,2 điểm phần trăm"),
        (Status.NOT_MET, -0.75, "%", L, False, "cao hơn chỉ tiêu 0,75 điểm phần trăm"),
        (Status.NOT_MET, 0.0, "%", H, False, "chưa đạt chỉ tiêu (phải vượt mức chỉ tiêu)"),
        # a hostile probe: 60 against "dưới 60" was told to "vượt mức chỉ tiêu"
        (Status.NOT_MET, 0.0, "%", L, False, "chưa đạt chỉ tiêu (phải thấp hơn mức chỉ tiêu)"),
        (Status.NOT_MET, 0.0, "hạng", L, False, "chưa đạt chỉ tiêu (phải xếp trên mức chỉ tiêu)"),
        (Status.IN_PROGRESS, -8.33, "%", H, False, "thấp hơn chỉ tiêu 8,33 điểm phần trăm"),
        (Status.MET, 0.0, "%", H, False, "đạt chỉ tiêu"),
        (Status.MET, 0.0, "%", H, True, "trong khoảng chỉ tiêu"),
        (Status.NO_DATA, None, "%", H, False, ""),
    ],
)
def test_comparison_with_the_target(status, gap, unit, direction, ranged, expected) -> None:
    text = vocab.against_target(status, gap, unit, direction, ranged=ranged)
    assert text == expected
    assert "điểm %" not in text


@pytest.mark.parametrize(
    ("change", "unit", "expected"),
    [
        (1.5, "%", "tăng 1,5 điểm phần trăm so với năm 2024"),
        (-0.3, "%", "giảm 0,3 điểm phần trăm so với năm 2024"),
        (2, "trường", "tăng 2 trường so với năm 2024"),
        (0.001, "%", "bằng năm 2024"),
    ],
)
def test_comparison_with_the_previous_year(change, unit, expected) -> None:
    assert vocab.against_year(change, unit, 2024) == expected


def test_the_percent_rule() -> None:
    assert (with_unit("99,5", "%"), with_unit("12", "trường"), with_unit("3", "")) == (
        "99,5%",
        "12 trường",
        "3",
    )


@pytest.mark.parametrize(
    ("gap", "direction", "said"),
    [
        (5, Direction.HIGHER, "số liệu đến hết quý II/2026, đã đạt mức chỉ tiêu năm"),
        (-5, Direction.HIGHER, "số liệu đến hết quý II/2026, còn thấp hơn chỉ tiêu năm 5 vụ"),
        # a new user's probe: 18 fires by June under a ceiling of 20 "đã đạt mức chỉ tiêu năm" said nothing true
        (2, Direction.LOWER, "số liệu đến hết quý II/2026, chưa vượt mức chỉ tiêu năm"),
        (-2, Direction.LOWER, "số liệu đến hết quý II/2026, đã cao hơn chỉ tiêu năm 2 vụ"),
        (None, Direction.LOWER, "số liệu đến hết quý II/2026"),
    ],
)
def test_a_figure_of_part_of_the_year_against_the_years_target(gap, direction, said: str) -> None:
    assert vocab.so_far(gap, "vụ", direction, "đến hết quý II/2026", 0) == said


def test_a_place_in_a_ranking_short_of_its_target_is_said_behind_it() -> None:
    """A probe of a real plan: 5th against a top 3 was "cao hơn chỉ tiêu 2 hạng" (read as a better place)."""
    assert vocab.against_target(Status.NOT_MET, -2, "hạng", L, 0) == "kém chỉ tiêu 2 hạng"
    assert vocab.against_target(Status.EXCEEDED, 1, "hạng", L, 0) == "vượt chỉ tiêu 1 hạng"
    assert vocab.against_target(Status.NOT_MET, -2, "vụ", L, 0) == "cao hơn chỉ tiêu 2 vụ"
