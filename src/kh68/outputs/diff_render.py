"""The comparison of two plans (``kh68.outputs.diff_compare``) as text, Markdown and JSON.

Every statement is built by one function per section from the diff's values;
every field that comes from a plan (ids, names, targets, unit names, revision
labels, problems) goes through the renderer's ``field`` function: unchanged for
the terminal (the CLI strips control sequences there), ``markdown_escape`` for
Markdown, so plan text can create no Markdown structure in a pull-request comment.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from kh68 import vocab
from kh68.core.errors import Severity
from kh68.core.safetext import markdown_escape
from kh68.core.vnformat import format_number
from kh68.kinds.verdict import Status, TaskState
from kh68.outputs.diff_compare import (
    GONE_LABEL,
    NONE_LABEL,
    Item,
    PlanDiff,
    Reading,
    Side,
    TargetText,
)
from kh68.outputs.export import target_to_dict

Field = Callable[[str], str]
NO_CHANGE = "Không có thay đổi về mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị hay số liệu."
SYNTHETIC_NOTE = "Kế hoạch có số liệu minh họa (không có thật)."
NEW_INDICATOR = "(chỉ tiêu mới)"


SHOWN_LENGTH = 300  # a plan field longer than this (a 10 MB name) is shown by its beginning


def _plain(text: str) -> str:
    if len(text) <= SHOWN_LENGTH:
        return text
    return f"{text[:SHOWN_LENGTH]}… ({format_number(len(text), 0)} ký tự)"


def _markdown(text: str) -> str:
    return markdown_escape(_plain(text))


def _names(names: list[str], f: Field, missing: str) -> str:
    return ", ".join(f(n) for n in names) or missing


def _state(state: TaskState | None, missing: str) -> str:
    return vocab.task_state_label(state) if state else missing


def _target(t: TargetText | None, f: Field, missing: str) -> tuple[str, str]:
    return (f'"{f(t.text)}"', t.meaning) if t else (missing, missing)


def _shown(r: Reading | None, missing: str) -> str:
    return r.shown if r else missing


def _status(status: Status | None, missing: str) -> str:
    return vocab.STATUS_LABELS[status] if status else missing


# ------------------------------------------------------------- statements


def _targets(diff: PlanDiff, f: Field) -> list[str]:
    lines = []
    for c in diff.targets:
        old_text, old_meaning = _target(c.old, f, NONE_LABEL)
        new_text, new_meaning = _target(c.new, f, GONE_LABEL)
        lines.append(f"{f(c.indicator)} năm {c.year}: {old_text} → {new_text} ({old_meaning} → {new_meaning})")
    return lines


def _items(items: list[Item], f: Field, sep: str = " ") -> list[str]:
    return [f"{f(i.id)}{sep}{f(i.name)}" for i in items]


def _responsibility(diff: PlanDiff, f: Field) -> list[str]:
    return [
        f"{f(c.item)} ({c.role}): {_names(c.old_names, f, NONE_LABEL)} → {_names(c.new_names, f, GONE_LABEL)}"
        for c in diff.responsibility
    ]


def _edits(diff: PlanDiff, f: Field) -> list[str]:
    return [f'{f(e.item)} — {e.what}: "{f(e.old)}" → "{f(e.new)}"' for e in diff.edits]


def _values(diff: PlanDiff, f: Field) -> list[str]:
    return [
        f"{f(c.indicator)} năm {c.year}: {f(_shown(c.old, NONE_LABEL))} → {f(_shown(c.new, GONE_LABEL))}"
        for c in diff.values
    ]


def _progress(diff: PlanDiff, f: Field) -> list[str]:
    return [
        f"{f(c.task)} năm {c.year}, {f(c.unit_name)}: {_state(c.old, NONE_LABEL)} → {_state(c.new, GONE_LABEL)}"
        for c in diff.progress
    ]


def _statuses(diff: PlanDiff, f: Field) -> list[str]:
    return [
        f"{f(c.indicator)} năm {c.year}: {_status(c.old, NEW_INDICATOR)} → {_status(c.new, GONE_LABEL)}"
        for c in diff.statuses
    ]


def sections(diff: PlanDiff, f: Field = _plain) -> list[tuple[str, list[str]]]:
    """The diff as titled groups of one-line Vietnamese statements (plan fields through ``f``)."""
    titles = vocab.DIFF_SECTIONS
    groups = [
        ("targets", _targets(diff, f)),
        ("indicators_added", _items(diff.indicators_added, f)),
        ("indicators_removed", _items(diff.indicators_removed, f)),
        ("tasks_added", _items(diff.tasks_added, f)),
        ("tasks_removed", _items(diff.tasks_removed, f)),
        ("units_added", _items(diff.units_added, f, ": ")),
        ("units_removed", _items(diff.units_removed, f, ": ")),
        ("responsibility", _responsibility(diff, f)),
        ("edits", _edits(diff, f)),
        ("values", _values(diff, f)),
        ("progress", _progress(diff, f)),
        ("statuses", _statuses(diff, f)),
    ]
    return [(titles[key], lines) for key, lines in groups if lines]


# ------------------------------------------------------------------ text


def _heading(diff: PlanDiff, f: Field) -> str:
    return f"Thay đổi kế hoạch: {f(diff.old.label)} → {f(diff.new.label)}"


def _reason(side: Side, f: Field) -> str:
    if side.missing:
        return f"{f(side.label)}: {f(side.missing)}"
    errors = format_number(sum(p.severity is Severity.ERROR for p in side.problems), 0)
    return f"kế hoạch ở {f(side.label)} không hợp lệ ({errors} lỗi)"


def _not_comparable(diff: PlanDiff, f: Field) -> tuple[list[str], list[str]]:
    reasons, problems = [], []
    for side in (diff.old, diff.new):
        if not side.valid:
            reasons.append(_reason(side, f))
            problems += [p.parsable() for p in side.problems if p.severity is Severity.ERROR]
    return reasons, problems


def to_text(diff: PlanDiff) -> str:
    lines = [_heading(diff, _plain)]
    if not diff.comparable:
        reasons, problems = _not_comparable(diff, _plain)
        lines += [f"Không so sánh được: {r}." for r in reasons] + [f"  {p}" for p in problems]
        return "\n".join(lines)
    if diff.synthetic:
        lines.append(SYNTHETIC_NOTE)
    if diff.empty:
        lines.append(NO_CHANGE)
    for title, items in sections(diff):
        lines.append(f"{title}:")
        lines += [f"  {item}" for item in items]
    return "\n".join(lines)


def to_markdown(diff: PlanDiff) -> str:
    """A block for a pull-request comment or a GitHub job summary; plan text is escaped."""
    f = _markdown
    lines = [f"### {_heading(diff, f)}", ""]
    if not diff.comparable:
        reasons, problems = _not_comparable(diff, f)
        lines += [f"**Không so sánh được:** {r}." for r in reasons]
        if problems:
            fence = "~~~~" if any("```" in p for p in problems) else "```"
            lines += ["", fence, *(p.replace("~~~~", "~ ~ ~ ~") for p in problems), fence]
        return "\n".join(lines)
    if diff.synthetic:
        lines += [f"> {SYNTHETIC_NOTE}", ""]
    if diff.empty:
        lines.append(NO_CHANGE)
    for title, items in sections(diff, f):
        lines += [f"**{title}**", ""] + [f"- {item}" for item in items] + [""]
    return "\n".join(lines).rstrip("\n")


# ------------------------------------------------------------------ JSON


def _target_dict(t: TargetText | None) -> dict[str, Any] | None:
    if t is None:
        return None
    low, high = t.kind.bounds()
    return target_to_dict(t.text, t.kind) | {"meaning": t.meaning, "min": low, "max": high}


def _reading_dict(r: Reading | None) -> dict[str, Any] | None:
    return None if r is None else {"value": r.value, "state": r.state.value if r.state else None, "shown": r.shown}


def _side(side: Side) -> dict[str, Any]:
    return {
        "label": side.label,
        "revision": side.revision,
        "valid": side.valid,
        "missing": side.missing,
        "problems": [p.parsable() for p in side.problems if p.severity is Severity.ERROR],
    }


def _item_dicts(rows: list[Item]) -> list[dict[str, str]]:
    return [{"id": i.id, "name": i.name} for i in rows]


def to_dict(diff: PlanDiff) -> dict[str, Any]:
    return {
        "from": _side(diff.old),
        "to": _side(diff.new),
        "comparable": diff.comparable,
        "synthetic": diff.synthetic,
        "targets": [
            {
                "indicator": c.indicator,
                "name": c.name,
                "year": c.year,
                "old": _target_dict(c.old),
                "new": _target_dict(c.new),
            }
            for c in diff.targets
        ],
        "indicators_added": _item_dicts(diff.indicators_added),
        "indicators_removed": _item_dicts(diff.indicators_removed),
        "tasks_added": _item_dicts(diff.tasks_added),
        "tasks_removed": _item_dicts(diff.tasks_removed),
        "units_added": _item_dicts(diff.units_added),
        "units_removed": _item_dicts(diff.units_removed),
        "responsibility": [{"item": c.item, "role": c.role, "old": c.old, "new": c.new} for c in diff.responsibility],
        "edits": [{"item": e.item, "field": e.what, "old": e.old, "new": e.new} for e in diff.edits],
        "values": [
            {"indicator": c.indicator, "year": c.year, "old": _reading_dict(c.old), "new": _reading_dict(c.new)}
            for c in diff.values
        ],
        "progress": [
            {
                "task": c.task,
                "year": c.year,
                "unit": c.unit,
                "old": c.old.value if c.old else None,
                "new": c.new.value if c.new else None,
            }
            for c in diff.progress
        ],
        "statuses": [
            {
                "indicator": c.indicator,
                "year": c.year,
                "old": c.old.value if c.old else None,
                "new": c.new.value if c.new else None,
                "old_label": vocab.STATUS_LABELS[c.old] if c.old else None,
                "new_label": vocab.STATUS_LABELS[c.new] if c.new else None,
            }
            for c in diff.statuses
        ],
    }


def to_json(diff: PlanDiff) -> str:
    return json.dumps(to_dict(diff), ensure_ascii=False, indent=2)
