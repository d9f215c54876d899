"""id-duplicate: a unit, indicator or task id is used once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    units = ctx.doc("units")
    # as the model reads them: " a1" is a1 (a second entry of it was silently dropped)
    unit_ids = [_as_read(entry.get("id")) if isinstance(entry, dict) else None for entry in units.data["units"]]
    for i, first in _repeats(unit_ids):
        yield Finding(
            units, ("units", i, "id"), f"mã đơn vị {excerpt(unit_ids[i])} bị trùng (đã dùng ở mục thứ {first + 1})"
        )
    homes = list(ctx.indicators())
    indicator_ids = [ind.id for ind, _, _ in homes]
    for i, first in _repeats(indicator_ids):
        _, doc, where = homes[i]
        yield Finding(
            doc, (*where, "id"), f"mã chỉ tiêu {excerpt(indicator_ids[i])} bị trùng (đã dùng ở mục thứ {first + 1})"
        )
    tasks = ctx.doc("tasks")
    seen: set[str] = set()
    for g, group in enumerate(ctx.plan.groups):
        for t, task in enumerate(group.tasks):
            if task.id in seen:
                yield Finding(tasks, ("groups", g, "tasks", t, "id"), f"mã nhiệm vụ {excerpt(task.id)} bị trùng")
            seen.add(task.id)


def _as_read(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _repeats(ids: Sequence[object]) -> Iterator[tuple[int, int]]:
    """(index, index of the first use) of every id seen before."""
    first: dict[object, int] = {}
    for i, value in enumerate(ids):
        if value is None:
            continue
        if value in first:
            yield i, first[value]
        first.setdefault(value, i)


RULE = Rule(
    "id-duplicate",
    Severity.ERROR,
    "mỗi mã đơn vị, mã chỉ tiêu, mã nhiệm vụ chỉ dùng một lần",
    "mã chỉ tiêu '1.10' bị trùng (đã dùng ở mục thứ 10)",
    check,
)
