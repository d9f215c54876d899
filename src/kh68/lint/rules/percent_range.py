"""percent-range: a percentage target or value lies between 0 and 100."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_exact, thousands_hint
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.source import Document, Key


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.whole_plan:
        for ind, _, target, doc, where in ctx.targets():
            if ind.measure.is_percent and any(b is not None and not 0 <= b <= 100 for b in target.meaning.bounds()):
                yield Finding(doc, where, f"chỉ tiêu {excerpt(target.shown)} nằm ngoài khoảng 0–100%")
    for file in ctx.data_files:
        for ind_id, m in file.data.indicators.items():
            indicator = ctx.plan.indicator(ind_id)
            if indicator is None or not indicator.measure.is_percent:
                continue
            values: list[tuple[Key, float | None]] = [(("indicators", ind_id, "value"), m.value)]
            values += [(("indicators", ind_id, "by_unit", ref, "value"), e.value) for ref, e in m.by_unit.items()]
            for where, value in values:
                if value is not None and not 0 <= value <= 100:
                    yield Finding(file.doc, where, _out_of_range(value, _written(file.doc, where)))


def _written(doc: Document, where: Key) -> str:
    """The number as written at ``where`` (a year file keeps its text, not its plain data): read from its line."""
    line, column = doc.position(where)
    lines = doc.text.splitlines()
    found = _NUMBER.match(lines[line - 1][column - 1 :]) if line <= len(lines) else None
    return found[1] if found else ""


_NUMBER = re.compile(r"""["']?([-+]?[0-9][0-9.,]*)""")


def _out_of_range(value: float, written: str) -> str:
    """``tỷ lệ 1.234% nằm ngoài khoảng 0–100``, with the other reading of a number whose dot groups thousands."""
    said = f"tỷ lệ {format_exact(value)}% nằm ngoài khoảng 0–100"
    hint = thousands_hint(written)
    return said if hint is None else f"{said} ({excerpt(written)}{hint})"


RULE = Rule(
    "percent-range",
    Severity.ERROR,
    "chỉ tiêu và giá trị tính bằng % nằm trong khoảng 0–100",
    "chỉ tiêu '190' nằm ngoài khoảng 0–100%",
    check,
    adjustable=True,
)
