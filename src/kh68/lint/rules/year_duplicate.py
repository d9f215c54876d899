"""year-duplicate: one data file per year (otherwise the later one would silently replace the earlier)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for file in ctx.data_files:
        cadence = file.data.cadence
        if cadence.key in first:
            where = ("year",) if cadence.is_year else ("period",)
            yield Finding(file.doc, where, f"số liệu {cadence.label} đã có trong tệp {first[cadence.key]}")
        first.setdefault(cadence.key, file.path.name)


RULE = Rule(
    "year-duplicate",
    Severity.ERROR,
    "mỗi năm chỉ có một tệp số liệu",
    "số liệu năm 2025 đã có trong tệp 2025.yaml",
    check,
)
