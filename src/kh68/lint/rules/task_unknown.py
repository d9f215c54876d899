"""task-unknown: a data file reports progress only on tasks of the plan."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        for task_id in file.data.tasks:
            if ctx.plan.task(task_id) is None:
                yield Finding(file.doc, ("tasks", task_id), f"không có nhiệm vụ {excerpt(task_id)}", key=True)


RULE = Rule(
    "task-unknown",
    Severity.ERROR,
    "mã nhiệm vụ trong tệp số liệu có trong tasks.yaml",
    "không có nhiệm vụ 'III.9'",
    check,
)
