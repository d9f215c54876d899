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


def test_a_milestone_with_a_number_is_written_in_the_structured_form() -> None:
    assert from_fields({"milestone": True}, "Triển khai Đề án 06").kind == "milestone"


@pytest.mark.parametrize("text", ["-", "–", "—", ""])
def test_a_dash_is_no_target(text: str) -> None:
    assert (read(text).kind, read(text).feed) == ("none", Feed.NOTHING)
