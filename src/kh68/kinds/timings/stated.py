"""stated: words kh68 does not read, with the days the plan gives beside them (``{text: '…', due: 2026-06-30}``).

Never tried on words (it is not in ``KINDS``): a task's timing is ``Stated`` only when its words are none of
the kinds and the plan writes its deadline (``due``) itself, so the words are shown as written and the work is
judged by that day alone.
"""

from __future__ import annotations

from kh68.kinds.timings.base import Timing


class Stated(Timing):
    kind = "stated"
    example = "{text: '…', due: 2026-06-30}"
    meaning = "lời văn kh68 không đọc, kèm ngày do kế hoạch ghi (due, start): hạn là ngày due"
