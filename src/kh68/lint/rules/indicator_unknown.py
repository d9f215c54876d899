"""indicator-unknown: a data file records only indicators of the plan."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.plan import known_ids


def check(ctx: Context) -> Iterator[Finding]:
    known = known_ids("chỉ tiêu", ctx.plan.indicators)
    for file in ctx.data_files:
        for ind_id in file.data.indicators:
            if ctx.plan.indicator(ind_id) is None:
                message = f"không có chỉ tiêu {excerpt(ind_id)} ({known})"
                yield Finding(file.doc, ("indicators", ind_id), message, key=True)


RULE = Rule(
    "indicator-unknown",
    Severity.ERROR,
    "mã chỉ tiêu trong tệp số liệu có trong indicators.yaml",
    "không có chỉ tiêu '1.14' (các mã: 1.1, 1.2, …)",
    check,
)
