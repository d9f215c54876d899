"""report-group-unknown: the department's summary per task group (or per task) names a group or task of the plan."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt, listing
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    groups = [g.id for g in ctx.plan.groups]
    known = set(groups) | {t.id for g in ctx.plan.groups for t in g.tasks}
    for file in ctx.data_files:
        report = file.data.report
        for key in report.group_summaries if report else {}:
            if key not in known:
                yield Finding(
                    file.doc,
                    ("report", "group_summaries", key),
                    f"không có nhóm nhiệm vụ hay nhiệm vụ {excerpt(key)} trong tasks.yaml; các nhóm: {listing(groups)}",
                    key=True,
                )


RULE = Rule(
    "report-group-unknown",
    Severity.ERROR,
    "khóa của report › group_summaries là một nhóm nhiệm vụ hoặc một nhiệm vụ trong tasks.yaml",
    "không có nhóm nhiệm vụ hay nhiệm vụ '2.9' trong tasks.yaml; các nhóm: 2.1, 2.2, 2.3",
    check,
)
