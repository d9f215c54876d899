"""successor-unknown: every successor of a unit is a unit of units.yaml, and not the unit itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.source import Key


def successor_loc(raw: Any, index: int, j: int) -> Key:
    """Where successor ``j`` of the unit at ``index`` is written: the item, or its ``unit`` key."""
    items = raw.get("successors") if isinstance(raw, dict) else None
    item = items[j] if isinstance(items, list) and j < len(items) else None
    return ("units", index, "successors", j, *(("unit",) if isinstance(item, dict) else ()))


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    doc = ctx.doc("units")
    units = ctx.plan.units
    for unit in units.units.values():
        index = ctx.unit_entries[unit.id]
        raw = doc.data["units"][index]
        for j, successor in enumerate(unit.successors):
            uid = units.resolve(successor.unit)
            if uid is None:
                yield Finding(doc, successor_loc(raw, index, j), f"đơn vị kế thừa: {units.unknown(successor.unit)}")
            elif uid == unit.id:
                yield Finding(
                    doc, successor_loc(raw, index, j), f"đơn vị {unit.id} không thể là đơn vị kế thừa của chính nó"
                )


RULE = Rule(
    "successor-unknown",
    Severity.ERROR,
    "mỗi đơn vị kế thừa (successors) là một đơn vị có trong units.yaml, không phải chính đơn vị đó",
    "đơn vị kế thừa: không có đơn vị 'phong_kinh_tee' trong units.yaml (có phải ý bạn là 'phong_kinh_te'?)",
    check,
)
