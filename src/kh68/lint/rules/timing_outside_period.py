"""timing-outside-period: a task's timing falls within the plan's period.

A task due before the plan begins ("Năm 2025" in a plan of 2026 - 2030, copied from an
earlier plan or marked "đã thực hiện") is late from the plan's first day unless someone
records it done; one that begins after the plan ends is never asked for. Either is worth a
look: a typo of the year, or a task to write as done (``kh68 progress … --state done``).
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_date
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    period = ctx.plan.meta.period
    tasks = ctx.doc("tasks")
    for g, group in enumerate(ctx.plan.groups):
        for t, task in enumerate(group.tasks):
            schedule = task.schedule
            if schedule is None:
                continue
            words = excerpt(schedule.text)
            where = ("groups", g, "tasks", t, "timing")
            if schedule.end is not None and schedule.every is None and schedule.end.year < period.start:
                yield Finding(
                    tasks,
                    where,
                    f"nhiệm vụ {task.id} có hạn {format_date(schedule.end)} ({words}), trước khi kế hoạch bắt đầu "
                    f"(năm {period.start}): quá hạn ngay từ đầu nếu chưa ghi hoàn thành",
                )
            elif schedule.start is not None and schedule.start.year > period.end:
                yield Finding(
                    tasks,
                    where,
                    f"nhiệm vụ {task.id} bắt đầu {format_date(schedule.start)} ({words}), sau khi kế hoạch kết thúc "
                    f"(năm {period.end}): không năm nào của kế hoạch hỏi đến",
                )


RULE = Rule(
    "timing-outside-period",
    Severity.WARNING,
    "thời gian thực hiện của nhiệm vụ nằm trong thời gian của kế hoạch (không hết hạn trước khi kế hoạch bắt đầu, "
    "không bắt đầu sau khi kế hoạch kết thúc)",
    "nhiệm vụ 2.1 có hạn 31/12/2025 ('Năm 2025'), trước khi kế hoạch bắt đầu (năm 2026): quá hạn ngay từ đầu nếu chưa "
    "ghi hoàn thành",
    check,
    adjustable=True,
)
