"""year-duplicate: one data file per year (otherwise the later one would silently replace the earlier)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.reading.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    first: dict[int, str] = {}
    for file in ctx.data_files:
        year = file.data.year
        if year in first:
            yield Finding(file.doc, ("year",), f"số liệu năm {year} đã có trong tệp {first[year]}")
        first.setdefault(year, file.path.name)


RULE = Rule(
    "year-duplicate",
    Severity.ERROR,
    "mỗi năm chỉ có một tệp số liệu",
    "số liệu năm 2025 đã có trong tệp 2025.yaml",
    check,
)
