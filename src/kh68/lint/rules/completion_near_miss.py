"""completion-near-miss: words a kind reads one way but that were probably meant another ("Hoàn thanh"; "không để
xảy ra tử vong" of a count, a milestone where 0 is meant).

Each kind of target says what about its own words may be a mistake (``Target.doubt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.kinds.phrases import fold
from kh68.kinds.targets import Target
from kh68.lint.rules.base import Context, Finding, Rule

_NONE_OF = re.compile(r"^(?:(?:phấn đấu|bảo đảm|đảm bảo)\s+)?không (?:để )?(?:xảy ra|phát sinh|có|còn)\b")
"""Words that say "none" without a number ("không để xảy ra tử vong"): of a count, a bound of 0 read as a milestone."""


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for ind, _year, target, doc, where in ctx.targets():
        doubt = target.meaning.doubt() or _none_of_a_count(ind.unit, target.meaning)
        if doubt is not None:
            yield Finding(doc, where, doubt)


def _none_of_a_count(unit: str, meaning: Target) -> str | None:
    """ "không để xảy ra tử vong" of an indicator counted in "ca": read as a milestone (judged by a state), its
    figures never compared; the plan most likely means at most 0."""
    if meaning.numeric or not unit.strip() or _NONE_OF.match(fold(meaning.text)) is None:
        return None
    return (
        f"chỉ tiêu {excerpt(meaning.text)} không có số nên được hiểu là mốc định tính (đánh giá theo trạng thái), "
        f"mà chỉ tiêu tính bằng {unit}: nếu là không quá 0 {unit}, ghi dạng cấu trúc "
        "{text: '…', at_most: 0}"
    )


RULE = Rule(
    "completion-near-miss",
    Severity.WARNING,
    "chỉ tiêu gần giống 'Hoàn thành' (gõ nhầm, mất dấu) được hiểu là mốc định tính",
    "'Hoàn thanh' được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'",
    check,
    adjustable=True,
)
