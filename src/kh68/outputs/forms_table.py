"""The tables of the forms kh68 reads, written from the kinds themselves (README and the manual show them).

One row per kind: how plans write it, its name in the structured form and in
JSON, and what it means. A new kind appears here by being registered; the
README's copies are checked against these by ``tests/test_forms_table.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from kh68.kinds import periods, targets, timings


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


TABLES = {"target-forms": target_forms, "timing-forms": timing_forms, "deadline-forms": deadline_forms}
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
