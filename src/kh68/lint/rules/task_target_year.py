"""task-target-year: a target written inside a task has a year: the task's due year, or its own ``targets`` by year.

A task timed "Thường xuyên" or "Hằng năm" has no year to judge a single
``target`` in; the target is then written by year (``targets: {"2026": …}``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for indicator, doc, where in ctx.indicators():
        if indicator.task_id is not None and not indicator.targets and doc.value_at((*where, "target")) is not None:
            timing = ctx.plan.task(indicator.task_id)
            words = timing.timing_text if timing is not None and timing.timing_text else "không ghi"
            yield Finding(
                doc,
                (*where, "target"),
                f"chỉ tiêu {indicator.id} của nhiệm vụ {indicator.task_id} không có năm: thời gian thực hiện "
                f'{excerpt(words)} không có hạn; ghi chỉ tiêu theo năm (targets: {{"2026": …}})',
            )


RULE = Rule(
    "task-target-year",
    Severity.ERROR,
    "chỉ tiêu ghi trong nhiệm vụ có năm để đánh giá: năm đến hạn của nhiệm vụ, hoặc ghi theo năm (targets)",
    "chỉ tiêu 2.1-kcn của nhiệm vụ 2.1 không có năm: thời gian thực hiện 'Thường xuyên' không có hạn; ghi chỉ "
    'tiêu theo năm (targets: {"2026": …})',
    check,
    adjustable=True,
)
