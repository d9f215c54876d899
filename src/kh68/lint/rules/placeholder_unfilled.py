"""placeholder-unfilled: a place the skeleton of ``kh68 init`` left to fill (``"<Tên cơ quan ban hành>"``) is filled.

``kh68 init`` writes a plan that is valid but says nothing of any plan: every fact
a department must write is a visible placeholder between angle brackets. Until
each is replaced, ``kh68 check`` says where (a warning: the skeleton is a plan one
can already run commands on; ``--strict`` makes it an error). A placeholder is
text in angle brackets that starts with a letter, anywhere in a plan file's keys
or values (ids cannot hold one: the skeleton's ids are neutral words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.source import Key

PLACEHOLDER = re.compile(r"<[^\W\d_][^<>\n]{0,120}>")


def _placeholders(data: Any) -> Iterator[tuple[Key, str, bool]]:
    """Each placeholder in ``data`` (keys included) with where it is; walked without recursion."""
    stack: list[tuple[Key, Any]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            found = PLACEHOLDER.search(value)
            if found:
                yield loc, found.group(), False
        elif isinstance(value, dict):
            for key, item in value.items():
                found = PLACEHOLDER.search(key) if isinstance(key, str) else None
                if found:
                    yield (*loc, key), found.group(), True
                stack.append(((*loc, key), item))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in enumerate(value))


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for kind in ("plan", "units", "indicators", "tasks"):
        doc = ctx.doc(kind)
        if b"<" not in doc.utf8:  # nearly every file: nothing to walk
            continue
        found = sorted(_placeholders(doc.data), key=lambda f: doc.position(f[0], key=f[2]))
        for loc, placeholder, is_key in found:
            yield Finding(
                doc, loc, f"chưa điền {excerpt(placeholder, 130)}: thay bằng nội dung của kế hoạch", key=is_key
            )


RULE = Rule(
    "placeholder-unfilled",
    Severity.WARNING,
    'kế hoạch không còn chỗ để điền của kh68 init (chữ trong dấu <…>, ví dụ "<Tên cơ quan ban hành>")',
    "chưa điền '<Tên cơ quan ban hành>': thay bằng nội dung của kế hoạch",
    check,
    adjustable=True,
)
