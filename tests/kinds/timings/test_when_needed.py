"""when_needed: ``Khi có phát sinh``, ``Khi có yêu cầu``, ``Đột xuất``."""

from __future__ import annotations

import pytest

from .reading import read, window


@pytest.mark.parametrize(
    "text", ["Khi có phát sinh", "Khi có phát sinh.", "Khi có yêu cầu", "Đột xuất", "Sau khi có Quy chế của TW"]
)
def test_phrasings(text: str) -> None:
    assert window(text) == ("when_needed", None, None)


def test_a_year_without_a_report_of_it_has_seen_no_need_reported() -> None:
    timing = read("Khi có phát sinh.")
    assert (timing.words(), timing.idle_words("năm 2026"), timing.idle_words("quý IV/2026")) == (
        "khi có phát sinh",
        "năm 2026 chưa có việc phát sinh được báo cáo",
        "quý IV/2026 chưa có việc phát sinh được báo cáo",  # a quarter's report speaks of its quarter (an official)
    )
    assert not timing.active_in(2026)


def test_other_kinds_say_the_plans_words() -> None:
    assert read("Quý IV/2025").words() == "quý IV/2025"
    assert read("Quý IV/2025").idle_words("năm 2026") == "năm 2026 chưa đến kỳ thực hiện"


def test_after_something_with_a_time_is_never_work_without_a_deadline() -> None:
    """A review: "Sau khi …, hoàn thành trong quý II/2026" was read as work with no deadline, never late."""
    from kh68.kinds.timings import TimingUnparsable, parse_timing

    with pytest.raises(TimingUnparsable):
        parse_timing("Sau khi Đề án được phê duyệt, hoàn thành trong quý II/2026")
