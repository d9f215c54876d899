"""stated: words no kind reads, given with the plan's own deadline (``{text: '…', due: …}``), as the message offers."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from kh68.reading.models import TaskTiming

WORDS = "Hoàn thành, báo cáo kết quả Ủy ban nhân dân tỉnh (qua Công an tỉnh) trong tháng 11/2025"


def test_words_no_kind_reads_are_taken_with_the_plans_deadline() -> None:
    timing = TaskTiming.model_validate({"text": WORDS, "due": "2025-11-30", "start": "2025-10-01"}).schedule
    assert (timing.kind, timing.text, timing.start, timing.end) == (
        "stated",
        WORDS,
        date(2025, 10, 1),
        date(2025, 11, 30),
    )
    assert timing.due_in(2025) == date(2025, 11, 30)
    assert [timing.active_in(y) for y in (2024, 2025, 2026)] == [False, True, False]


@pytest.mark.parametrize("given", [{"text": WORDS}, {"text": WORDS, "start": "2025-10-01"}])
def test_without_a_deadline_they_are_still_refused_naming_the_forms(given: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as info:
        TaskTiming.model_validate(given)
    assert "không hiểu thời gian thực hiện" in str(info.value)
    assert "(hoặc dạng cấu trúc {text: '…', due: 2026-06-30}: lời văn như kế hoạch viết, kèm hạn)" in str(info.value)


def test_words_a_kind_reads_keep_their_kind_beside_a_day() -> None:
    assert TaskTiming.model_validate({"text": "Quý II/2026", "due": "2026-06-30"}).schedule.kind == "quarter"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"text": WORDS, "start": "2026-12-01", "due": "2026-06-30"}, "bắt đầu (01/12/2026) sau hạn (30/6/2026)"),
        ({"text": "Quý IV/2026", "start": "2027-01-01"}, "bắt đầu (01/01/2027) sau hạn (31/12/2026)"),
        (
            {"text": "Năm 2026", "due": "2027-06-30"},
            (
                "lời văn 'Năm 2026' có hạn 31/12/2026 nhưng due ghi 30/6/2027: hai cách đọc; sửa due hoặc lời văn cho "
                "khớp văn bản"
            ),
        ),
    ],
)
def test_days_that_contradict_each_other_or_the_words_are_refused(given: dict[str, str], said: str) -> None:
    """A start after the due day, a due day other than the words' own: both were taken, the due silently winning."""
    with pytest.raises(ValidationError) as info:
        TaskTiming.model_validate(given)
    assert said in str(info.value)


def test_a_due_day_either_reading_of_before_gives_is_the_words_own() -> None:
    """ "trước ngày 15/12/2026" is due 14/12 or, by the plan's rule (before_day_inclusive), 15/12: either agrees."""
    for due in ("2026-12-14", "2026-12-15"):
        TaskTiming.model_validate({"text": "trước ngày 15/12/2026", "due": due})


def test_a_due_the_plan_writes_stays_after_the_plans_rule_is_applied() -> None:
    """`{text: "trước ngày 15/12/2026", due: 2026-12-15}`: the plan's rule (before_day_inclusive false) made it 14/12."""
    timing = TaskTiming.model_validate({"text": "trước ngày 15/12/2026", "due": "2026-12-15"})
    timing.settle(before_day_inclusive=False)
    assert timing.schedule.end == date(2026, 12, 15)
