"""on_request: ``khi có yêu cầu``, ``đột xuất``, ``báo cáo đột xuất khi có yêu cầu``: a report sent when asked for,
of no period; nothing is ever owed or late (Decree 09/2019/NĐ-CP tells periodic reports from those on request)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Self

from kh68.kinds.periods.base import Deadline, Period, Rhythm

_WHEN = r"(?:đột xuất|khi có yêu cầu|khi được yêu cầu|theo yêu cầu)"
_PATTERN = re.compile(rf"^(?:báo cáo\s+)?{_WHEN}(?:\s*(?:,|và|hoặc)?\s*(?:báo cáo\s+)?{_WHEN})*$")


@dataclass(frozen=True, kw_only=True)
class OnRequest(Deadline):
    kind = "on_request"
    example = "khi có yêu cầu"
    meaning = "báo cáo khi được yêu cầu (đột xuất): không có kỳ báo cáo nào phải gửi, không bao giờ bị coi là trễ hạn"
    phrasings = ("khi có yêu cầu", "đột xuất", "báo cáo đột xuất khi có yêu cầu", "theo yêu cầu")
    periodic: ClassVar[bool] = False

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return cls(text=text, rhythm=Rhythm.YEARLY) if _PATTERN.match(phrase) else None

    def named_day(self, period: Period) -> date | None:
        return None
