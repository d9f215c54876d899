"""completion-near-miss: words a kind reads one way but that were probably meant another ("Hoàn thanh").

Each kind of target says what about its own words may be a mistake (``Target.doubt``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for _ind, _year, target, doc, where in ctx.targets():
        doubt = target.meaning.doubt()
        if doubt is not None:
            yield Finding(doc, where, doubt)


RULE = Rule(
    "completion-near-miss",
    Severity.WARNING,
    "chỉ tiêu gần giống 'Hoàn thành' (gõ nhầm, mất dấu) được hiểu là mốc định tính",
    "'Hoàn thanh' được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'",
    check,
    adjustable=True,
)
