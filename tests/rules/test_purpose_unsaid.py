"""purpose-unsaid: a report on the plan whose words say what its recipient does with it gives that ``purpose``."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke, line_of, replace_in

WORDS = "để tổng hợp, báo cáo Chính phủ, Thủ tướng Chính phủ"


def test_words_saying_what_the_recipient_does_without_a_purpose_are_a_warning(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, "      dân tỉnh trước ngày 10/11 hằng năm.", f"      dân tỉnh trước ngày 10/11 hằng năm {WORDS}.")
    out = invoke(["check", fixture_copy], 0).output.splitlines()
    assert out == [
        (
            f"{path.as_posix()}:{line_of(path, '  - id: plan_report') + 3}:11: cảnh báo: nhiệm vụ plan_report ghi nơi "
            f"nhận làm gì với báo cáo ('{WORDS}') mà không ghi purpose: câu kết của báo cáo sẽ viết 'xem xét, chỉ "
            f"đạo'; ghi purpose: '{WORDS}' [purpose-unsaid]"
        ),
        f"{fixture_copy.as_posix()}: 0 lỗi, 1 cảnh báo.",
    ]


def test_the_purpose_given_or_none_in_the_words_is_fine(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    invoke(["check", "--strict", fixture_copy], 0)  # "báo cáo … Ủy ban nhân dân tỉnh trước ngày 10/11": none said
    replace_in(path, "      dân tỉnh trước ngày 10/11 hằng năm.", f"      dân tỉnh trước ngày 10/11 hằng năm {WORDS}.")
    replace_in(path, "    deadline: 10/11\n", f"    deadline: 10/11\n    purpose: {WORDS}\n")
    invoke(["check", "--strict", fixture_copy], 0)
