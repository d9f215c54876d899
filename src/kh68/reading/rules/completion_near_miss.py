"""completion-near-miss: a target that is almost "Hoàn thành" (a typo, lost diacritics) is probably meant as it."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.reading.rules.base import Context, Finding, Rule
from kh68.reading.targets import TargetKind, looks_like_completion


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    doc = ctx.doc("indicators")
    for i, ind in enumerate(ctx.plan.indicators):
        for year, target in ind.targets.items():
            if target.spec.kind is TargetKind.MILESTONE and looks_like_completion(target.text):
                message = (
                    f"{excerpt(target.text)} được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'"
                )
                yield Finding(doc, ("indicators", i, "targets", str(year)), message)


RULE = Rule(
    "completion-near-miss",
    Severity.WARNING,
    "chỉ tiêu gần giống 'Hoàn thành' (gõ nhầm, mất dấu) được hiểu là mốc định tính",
    "'Hoàn thanh' được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'",
    check,
)
