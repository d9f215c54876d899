"""year-file-mismatch: a data file's year is the year in its name."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        cadence = file.data.cadence
        if file.path.stem != cadence.key:
            if cadence.is_year:
                yield Finding(file.doc, ("year",), f"năm {file.data.year} không khớp tên tệp {file.path.name}")
            else:
                yield Finding(file.doc, ("period",), f"kỳ {cadence.key} không khớp tên tệp {file.path.name}")


RULE = Rule(
    "year-file-mismatch",
    Severity.ERROR,
    "năm ghi trong tệp số liệu trùng với tên tệp (data/2025.yaml ghi year: 2025)",
    "năm 2024 không khớp tên tệp 2025.yaml",
    check,
)
