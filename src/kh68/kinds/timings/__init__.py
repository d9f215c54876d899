"""The kinds of task timing, registered here and nowhere else.

``parse_timing`` tries each kind of ``KINDS`` in order on the plan's words
(folded, without framing words such as "Dự kiến", "Xong trong" or a trailing
"(sau khi …)"); words no kind reads are an error listing every kind's example.

Adding a kind: write ``kinds/timings/<kind>.py`` (a ``Timing`` subclass: its
``kind``, ``example``, ``meaning``, ``phrasings`` and ``parse``), add it to
``KINDS`` where its phrasing should be tried, and add its tests. Words no kind reads, given with their deadline
(``{text: '…', due: …}``), are ``Stated``: a kind never tried on words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from kh68.core.safetext import excerpt
from kh68.kinds.periods.base import Rhythm
from kh68.kinds.phrases import fold
from kh68.kinds.timings.as_directed import AsDirected
from kh68.kinds.timings.at_review import AtReview
from kh68.kinds.timings.base import Timing, TimingUnparsable, condition_of, deadline_aside, fold_timing, point
from kh68.kinds.timings.before_period import BeforePeriod
from kh68.kinds.timings.by_date import ByDate
from kh68.kinds.timings.by_year import ByYear
from kh68.kinds.timings.each_year import EachYear
from kh68.kinds.timings.from_year import FromYear
from kh68.kinds.timings.half_year import HalfYear
from kh68.kinds.timings.in_year import InYear
from kh68.kinds.timings.month import Month
from kh68.kinds.timings.ongoing import Ongoing
from kh68.kinds.timings.quarter import Quarter
from kh68.kinds.timings.recurring import Recurring
from kh68.kinds.timings.span import Span
from kh68.kinds.timings.stated import Stated
from kh68.kinds.timings.until_year import UntilYear
from kh68.kinds.timings.when_needed import WhenNeeded
from kh68.kinds.timings.window import Window

KINDS: tuple[type[Timing], ...] = (
    Ongoing,
    Recurring,
    EachYear,
    ByYear,
    Window,
    FromYear,
    AtReview,
    WhenNeeded,
    HalfYear,
    Span,
    Quarter,
    Month,
    BeforePeriod,
    ByDate,
    UntilYear,
    InYear,
    AsDirected,
)
"""Every kind of task timing, in the order their phrasings are tried (and listed in messages and the README)."""


def accepted_forms() -> str:
    return " | ".join(kind.example for kind in KINDS)


def parse_timing(text: str, *, dated: bool = False) -> Timing:
    """The timing the plan's words ``text`` mean; ``TimingUnparsable`` naming every accepted form otherwise.
    ``dated``: the plan gives the deadline beside the words, so words no kind reads are ``Stated`` (shown as written,
    judged by that day)."""
    folded = fold(text)
    phrase = fold_timing(folded)
    for kind in KINDS:
        try:
            timing = kind.parse(phrase, text)
        except TimingUnparsable:
            if dated:  # words a kind refuses (two deadlines in one), given with the deadline the plan means
                return Stated(text=text)
            raise
        if timing is not None:
            condition = condition_of(text)
            tentative = folded.startswith("dự kiến") or (condition is not None and fold(condition) == "dự kiến")
            condition = None if tentative and condition is not None and fold(condition) == "dự kiến" else condition
            return replace(timing, condition=condition, tentative=tentative) if condition or tentative else timing
    if dated:
        return Stated(text=text)
    if (started := _started(text)) is not None:
        return started
    if aside := deadline_aside(text):
        raise TimingUnparsable(
            f"thời gian thực hiện {excerpt(text)} có phần trong ngoặc {excerpt(aside)} cũng nói thời gian; kh68 "
            "không đọc chung hai phần (không tự chọn phần nào là hạn): ghi một thời gian, hoặc dạng cấu trúc "
            f"{Stated.example}: lời văn như kế hoạch viết, kèm hạn (và ngày bắt đầu, start) kế hoạch định"
        )
    raise TimingUnparsable(
        f"không hiểu thời gian thực hiện {excerpt(text)}; các dạng đọc được: {accepted_forms()} "
        f"(hoặc dạng cấu trúc {Stated.example}: lời văn như kế hoạch viết, kèm hạn)"
    )


_START = re.compile(r"^(?:kể từ|bắt đầu từ|bắt đầu|từ)\s+(?P<p>.+)$")


def _started(text: str) -> Timing | None:
    """ "Quý IV hằng năm (từ năm 2027)", "Thường xuyên (từ tháng 7/2026)": work with no one deadline (done every
    year, or kept up) from the point its bracket names; ``None`` for any other bracket."""
    aside = deadline_aside(text)
    found = _START.match(fold(aside)) if aside else None
    window = point(found["p"]) if found else None
    if window is None:
        return None
    try:
        timing = parse_timing(text[: text.rindex("(")].rstrip())
    except TimingUnparsable:
        return None
    if timing.end is not None or timing.start is not None:
        return None
    return replace(timing, text=text, start=window[0])


def dated(timing: Timing, *, start: date | None, due: date | None) -> Timing:
    """A timing with the days the plan gives beside its words (an event's day, a window it states)."""
    return replace(
        timing,
        start=start if start is not None else timing.start,
        end=due if due is not None else timing.end,
        on_event=timing.on_event and due is None,
    )


__all__ = ["KINDS", "Rhythm", "Stated", "Timing", "TimingUnparsable", "accepted_forms", "dated", "parse_timing"]
