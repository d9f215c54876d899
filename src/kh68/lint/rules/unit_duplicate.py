"""unit-duplicate: one unit has one entry in a breakdown (``by_unit``) or a task's progress."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.models import YearData
from kh68.reading.source import Document, Key


def _duplicates(data: YearData, doc: Document, loc: Key, keys: list[str]) -> Iterator[Finding]:
    """A second key naming an already named unit (its id and an alias), with the first one's line."""
    first: dict[str, str] = {}
    for ref in keys:
        uid = data.unit_id(ref)
        if uid is None:
            continue
        if uid in first:
            line = doc.position((*loc, first[uid]), key=True)[0]
            message = f"{excerpt(ref)} và {excerpt(first[uid])} (dòng {line}) cùng chỉ đơn vị {uid}; gộp thành một mục"
            yield Finding(doc, (*loc, ref), message, key=True)
        first.setdefault(uid, ref)


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        for ind_id, m in file.data.indicators.items():
            if not m.written_by_id:  # each unit by its id: no two names of one unit
                yield from _duplicates(file.data, file.doc, ("indicators", ind_id, "by_unit"), list(m.by_unit))
        for task_id, by_unit in file.data.tasks.items():
            yield from _duplicates(file.data, file.doc, ("tasks", task_id), list(by_unit))


RULE = Rule(
    "unit-duplicate",
    Severity.ERROR,
    "mỗi đơn vị chỉ có một mục trong số liệu theo đơn vị (by_unit) và trong tiến độ một nhiệm vụ, dù viết bằng mã hay tên gọi",
    "'PGDĐT Lâm Hà' và 'pgd_lam_ha' (dòng 22) cùng chỉ đơn vị pgd_lam_ha; gộp thành một mục",
    check,
)
