"""as_directed: ``Triển khai đảm bảo theo lộ trình, hướng dẫn của Bộ, ngành``, ``Theo lộ trình tại phần II``.

A timing the plan leaves to another document: under way every year, with no
deadline of the plan's own (the structured form ``{text: …, due: …}`` gives one).
"""

from __future__ import annotations

import re
from typing import Self

from kh68.kinds.timings.base import Timing

_PATTERN = re.compile(
    r"^(?:triển khai\s+|thực hiện\s+)?(?:đảm bảo\s+|bảo đảm\s+)?theo\s+(?:đúng\s+)?"
    r"(?:lộ trình|hướng dẫn|kế hoạch|tiến độ|yêu cầu|chỉ đạo|quy định)\b"
)


class AsDirected(Timing):
    kind = "as_directed"
    example = "Theo lộ trình, hướng dẫn của Bộ, ngành"
    meaning = "theo văn bản khác: thực hiện mọi năm, kế hoạch không ghi hạn"
    phrasings = (
        "Triển khai đảm bảo theo lộ trình, hướng dẫn của Bộ, ngành.",
        "Thực hiện theo lộ trình tại phần (II) của Kế hoạch này.",
        "Theo hướng dẫn của Bộ, ngành",
    )

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return cls(text=text) if _PATTERN.match(phrase) else None
