"""when_needed: ``Khi có phát sinh``, ``Khi có yêu cầu``, ``Đột xuất``: done as the need arises, never late."""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing

_PATTERN = re.compile(
    r"^(?:khi có phát sinh|khi phát sinh|khi có yêu cầu|theo yêu cầu|khi cần thiết|đột xuất|sau khi(?!.*[0-9]))\b"
)
""""Sau khi có Quy chế của Trung ương": after something the plan cannot date, as the need arises (a day beside the
words, ``{text: …, date: …}``, makes it due then). Words after it with a number ("Sau khi Đề án được phê duyệt,
hoàn thành trong quý II/2026") may name a time: never read as work with no deadline."""


class WhenNeeded(Timing):
    kind = "when_needed"
    example = "Khi có phát sinh"
    meaning = (
        "khi có việc phát sinh, hay sau một việc chưa có ngày ('Sau khi có Quy chế …'): không theo năm, không có hạn"
    )
    phrasings = ("Khi có phát sinh.", "Khi có yêu cầu", "Đột xuất", "Sau khi có Quy chế của Trung ương")

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return cls(text=text, on_event=True) if _PATTERN.match(phrase) else None

    def idle_words(self, when: str) -> str:
        return f"{when} chưa có việc phát sinh được báo cáo"
