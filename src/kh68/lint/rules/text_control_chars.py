"""text-control-chars: plan text holds no control characters (ESC, C0/C1 controls, bidi overrides).

YAML refuses most control characters written raw, but a double-quoted string
can still spell them (``"\\e[2J"``, ``"\\u202E"``), and bidi controls are
printable to YAML. On a terminal or in a report they would rewrite what is
shown, so they are reported where they are written. What counts as such a
character is ``kh68.core.safetext``'s decision (the same that escapes it on a terminal).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kh68.core.errors import Severity
from kh68.core.safetext import unsafe_characters
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.source import Document, Key, parse_document


def _may_hold_any(doc: Document) -> bool:
    """Whether ``doc``'s text can hold such a character: written raw, or spelled by a backslash escape.

    Nearly every file has neither, so its strings are not walked at all.
    """
    return b"\\" in doc.utf8 or bool(unsafe_characters(doc.text))


def _strings(doc: Document) -> Iterator[tuple[Key, str, bool]]:
    """Every string of ``doc`` (keys included) with where it is; walked without recursion."""
    # A loaded year file lets go of its plain data (its model is kept): read it again from the text.
    data = doc.data if doc.data is not None else parse_document(doc.path, doc.text).data
    stack: list[tuple[Key, Any]] = [((), data)]
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
        if not _may_hold_any(doc):
            continue
        for loc, text, is_key in _strings(doc):
            found = unsafe_characters(text)
            if found:
                codes = ", ".join(found)
                message = (
                    f"văn bản chứa ký tự điều khiển hay ký tự ẩn {codes}; hãy xóa (nó có thể làm sai lệch nội dung "
                    "hiển thị, hay làm hai tên trông giống nhau mà khác nhau)"
                )
                yield Finding(doc, loc, message, key=is_key)


RULE = Rule(
    "text-control-chars",
    Severity.WARNING,
    "văn bản không chứa ký tự điều khiển (ESC, C0/C1, ký tự đảo chiều văn bản) hay ký tự ẩn (khoảng trắng độ rộng 0, "
    "gạch nối mềm)",
    "văn bản chứa ký tự điều khiển hay ký tự ẩn \\u200b; hãy xóa (nó có thể làm sai lệch nội dung hiển thị, hay làm "
    "hai tên trông giống nhau mà khác nhau)",
    check,
    adjustable=True,
)
