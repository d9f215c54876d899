"""text-control-chars: plan text holds no control characters (ESC, C0/C1 controls, bidi overrides).

YAML refuses most control characters written raw, but a double-quoted string
can still spell them (``"\\e[2J"``, ``"\\u202E"``), and bidi controls are
printable to YAML. On a terminal or in a report they would rewrite what is
shown, so they are reported where they are written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from kh68.errors import Severity
from kh68.reading.rules.base import Context, Finding, Rule
from kh68.reading.source import Document, Key

_ALLOWED = frozenset("\t\n\r")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_control(char: str) -> bool:
    """A C0/C1 control (but tab and line ends), DEL, or a bidi embedding, override, isolate or mark."""
    return (unicodedata.category(char) == "Cc" and char not in _ALLOWED) or char in _BIDI


def control_chars(text: str) -> list[str]:
    """The distinct control characters of ``text``, in order of appearance."""
    return list(dict.fromkeys(c for c in text if is_control(c)))


def _strings(doc: Document) -> Iterator[tuple[Key, str, bool]]:
    """Every string of ``doc`` (keys included) with where it is; walked without recursion."""
    stack: list[tuple[Key, Any]] = [((), doc.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            yield loc, value, False
        elif isinstance(value, dict):
            for key, item in value.items():
                yield (*loc, key), key, True
                stack.append(((*loc, key), item))
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in enumerate(value))


def check(ctx: Context) -> Iterator[Finding]:
    for doc in ctx.documents:
        for loc, text, is_key in _strings(doc):
            found = control_chars(text)
            if found:
                codes = ", ".join(f"U+{ord(c):04X}" for c in found)
                message = f"văn bản chứa ký tự điều khiển {codes}; hãy xóa (nó có thể làm sai lệch nội dung hiển thị)"
                yield Finding(doc, loc, message, key=is_key)


RULE = Rule(
    "text-control-chars",
    Severity.WARNING,
    "văn bản không chứa ký tự điều khiển (ESC, C0/C1, ký tự đảo chiều văn bản)",
    "văn bản chứa ký tự điều khiển U+001B; hãy xóa (nó có thể làm sai lệch nội dung hiển thị)",
    check,
)
