"""The tables of the forms kh68 reads and the rules it checks, written from the kinds and rules themselves (README and the manual show them).

One row per kind: how plans write it, its name in the structured form and in
JSON, and what it means. A new kind appears here by being registered; the
README's copies are checked against these by ``tests/test_forms_table.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from kh68.kinds import periods, targets, timings
from kh68.lint.rules import ALL_RULES


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _phrases(phrasings: Iterable[str]) -> str:
    return ", ".join(f"`{_cell(p)}`" if not p.startswith("(") else _cell(p) for p in phrasings)


def target_forms() -> str:
    """The Markdown table of the target kinds."""
    rows = ["| Viết trong kế hoạch | Loại (`kind`) | Đạt khi |", "| --- | --- | --- |"]
    rows += [f"| {_phrases(k.phrasings)} | `{k.kind}` | {_cell(k.meaning)} |" for k in targets.KINDS]
    return "\n".join(rows) + "\n"


def timing_forms() -> str:
    """The Markdown table of the task timing kinds."""
    rows = ["| Viết trong kế hoạch | Loại (`kind`) | Nghĩa |", "| --- | --- | --- |"]
    rows += [f"| {_phrases(k.phrasings)} | `{k.kind}` | {_cell(k.meaning)} |" for k in timings.KINDS]
    return "\n".join(rows) + "\n"


def deadline_forms() -> str:
    """The Markdown table of the reporting deadline kinds."""
    rows = ["| Viết trong kế hoạch | Loại (`kind`) | Nghĩa |", "| --- | --- | --- |"]
    rows += [f"| {_phrases(k.phrasings)} | `{k.kind}` | {_cell(k.meaning)} |" for k in periods.KINDS]
    return "\n".join(rows) + "\n"


def rule_table() -> str:
    """The Markdown table of kh68 check's rules: id, level, whether a plan may set it, what it checks."""
    rows = [
        "| Mã | Mức | Tắt, đổi mức được | Kiểm tra gì | Ví dụ thông báo |",
        "| --- | --- | --- | --- | --- |",
    ]
    rows += [
        f"| `{r.id}` | {r.severity.label} | {'có' if r.adjustable else 'không'} | {_cell(r.summary)} | {_cell(r.example)} |"
        for r in ALL_RULES
    ]
    return "\n".join(rows) + "\n"


TABLES = {
    "target-forms": target_forms,
    "timing-forms": timing_forms,
    "deadline-forms": deadline_forms,
    "rules": rule_table,
}
"""The generated tables by the name of their marker in the README (``<!-- generated: target-forms -->``)."""


def fill(text: str) -> str:
    """``text`` with every generated table between its markers written afresh."""
    for name, table in TABLES.items():
        start, end = f"<!-- generated: {name} -->\n", f"<!-- end: {name} -->"
        if start in text and end in text:
            head, rest = text.split(start, 1)
            _, tail = rest.split(end, 1)
            text = f"{head}{start}{table()}{end}{tail}"
    return text


if __name__ == "__main__":  # make docs
    import sys
    from pathlib import Path

    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
