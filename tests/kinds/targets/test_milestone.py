"""milestone and none: words without a number; ``-`` for no target."""

from __future__ import annotations

import pytest

from kh68.kinds.targets import Feed, TargetUnparsable, from_fields, parse_target

from .judging import read


def test_words_without_a_number_are_a_milestone() -> None:
    target = read("Triển khai theo đề án")
    assert (target.kind, target.feed, target.doubt()) == ("milestone", Feed.STATE, None)


@pytest.mark.parametrize("text", ["9O,5", "> sáu mươi", "Triển khai Đề án 06", "30-"])
def test_words_with_a_number_no_kind_reads_are_refused(text: str) -> None:
    with pytest.raises(TargetUnparsable, match=f"không đọc được chỉ tiêu '{text}'; các dạng đọc được: "):
        parse_target(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hàng năm, giảm",
        "Hằng năm giảm",
        "Giảm dần",
        "Không tăng",
        "Tăng dần qua các năm",
        "giảm so với năm trước",
        "Tiếp tục giảm",
        "Giảm mạnh",
        "Phấn đấu giảm dần qua các năm",
        "duy trì",  # Đồng Tháp 556: "Tỷ lệ che phủ rừng ven biển … duy trì" (not below the base year)
        "Giữ vững",
        "Duy trì và nâng cao",
    ],
)
def test_words_that_say_only_which_way_are_refused_not_a_milestone(text: str) -> None:
    with pytest.raises(TargetUnparsable) as info:
        parse_target(text)
    assert str(info.value) == (
        f"'{text}' chỉ nói chiều thay đổi (tăng, giảm, duy trì) mà không nói mức: không phải mốc định tính, và kh68 không tự "
        "đặt mức; ghi mức như văn bản (ví dụ 'giảm 10% so với năm 2025', 'giảm bình quân 5%/năm') hoặc, để theo dõi "
        "theo trạng thái báo cáo, dạng cấu trúc {milestone: true, text: '…'}"
    )
    assert from_fields({"milestone": True}, text).kind == "milestone"  # the way the message offers


@pytest.mark.parametrize(
    "text", ["Thực hiện giảm nghèo bền vững", "Tăng cường kiểm tra, giám sát", "Duy trì hoạt động của Tổ công tác"]
)
def test_a_milestone_may_speak_of_rising_or_reducing(text: str) -> None:
    assert read(text).kind == "milestone"


def test_a_milestone_with_a_number_is_written_in_the_structured_form() -> None:
    assert from_fields({"milestone": True}, "Triển khai Đề án 06").kind == "milestone"


@pytest.mark.parametrize("text", ["-", "–", "—", ""])
def test_a_dash_is_no_target(text: str) -> None:
    assert (read(text).kind, read(text).feed) == ("none", Feed.NOTHING)


@pytest.mark.parametrize("text", ["có ít nhất", "tối thiểu", "đạt trên", "Đảm bảo", "Phấn đấu"])
def test_words_of_a_bound_without_its_number_are_refused(text: str) -> None:
    """They were read as milestones judged by state (a % indicator then asked for a state, not a figure)."""
    with pytest.raises(TargetUnparsable) as info:
        parse_target(text)
    assert str(info.value) == (
        f"'{text}' là lời của một mức mà thiếu con số: ghi đủ như văn bản (ví dụ 'ít nhất 30%', 'tối thiểu 02 vùng'), "
        "hoặc dạng cấu trúc {milestone: true, text: '…'} nếu là mốc định tính"
    )


@pytest.mark.parametrize("text", ["Trên địa bàn tỉnh hoàn thành sắp xếp", "Từng bước hoàn thiện", "Có", "Đạt"])
def test_a_milestone_may_begin_with_a_word_of_a_bound(text: str) -> None:
    assert read(text).kind == "milestone"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Có ít nhất một cơ sở y tế", "một"),  # a real plan (TP HCM 174): read as a milestone, the number dropped
        ("tối thiểu mười mô hình", "mười"),
        ("không quá năm vụ", "năm"),
    ],
)
def test_a_bound_with_its_number_written_as_a_word_is_refused_not_a_milestone(text: str, word: str) -> None:
    with pytest.raises(TargetUnparsable) as info:
        parse_target(text)
    digit = {"một": "1", "mười": "10", "năm": "5"}[word]
    assert str(info.value) == (
        f"chỉ tiêu '{text}' ghi số bằng chữ ('{word}'): kh68 đọc số viết bằng chữ số; viết lại bằng chữ số ('{word}' "
        f"là {digit}), hoặc dạng cấu trúc {{milestone: true, text: '…'}} nếu là mốc định tính"
    )


@pytest.mark.parametrize("text", ["Triển khai từ năm sau", "Mỗi năm tổ chức hội nghị"])
def test_a_year_is_no_number_written_as_a_word(text: str) -> None:
    assert read(text).kind == "milestone"
