"""The validated plan as plain JSON-ready data, in a stable key order."""

from __future__ import annotations

from typing import Any

from kh68.reading.models import Indicator, Task, Unit
from kh68.reading.plan import Plan
from kh68.reading.targets import TargetSpec


def target_to_dict(text: str, spec: TargetSpec) -> dict[str, Any]:
    """A target as data: its words, its kind and the bounds it has (the one target → dict)."""
    out: dict[str, Any] = {"text": text, "kind": spec.kind.value}
    if spec.min is not None:
        out["min"] = spec.min
    if spec.max is not None:
        out["max"] = spec.max
    return out


def indicator_to_dict(plan: Plan, ind: Indicator) -> dict[str, Any]:
    return {
        "id": ind.id,
        "name": ind.name,
        "unit": ind.unit,
        "direction": ind.direction.value,
        "basis": ind.basis.value,
        "responsible_units": plan.unit_ids(ind.responsible_units),
        "targets": {
            str(year): target_to_dict(t.text, t.spec) | ({"footnote": t.footnote} if t.footnote else {})
            for year, t in sorted(ind.targets.items())
        },
        "notes": list(ind.notes),
    }


def task_to_dict(plan: Plan, group_id: str, task: Task) -> dict[str, Any]:
    timing = task.timing_spec
    return {
        "id": task.id,
        "group": group_id,
        "title": task.title,
        "lead_units": plan.unit_ids(task.lead_units),
        "coordinating_units": plan.unit_ids(task.coordinating_units),
        "timing": None if timing is None else {"text": task.timing, "kind": timing.kind.value, "year": timing.year},
    }


def unit_to_dict(plan: Plan, unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "short_names": list(unit.short_names),
        "members": plan.unit_ids(unit.members),
        "end": unit.end.isoformat() if unit.end else None,
        "successors": plan.unit_ids(unit.successors),
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    meta = plan.meta
    return {
        "plan": {
            "symbol": meta.symbol,
            "title": meta.title,
            "issuing_body": meta.issuing_body,
            "parent_body": meta.parent_body,
            "year": meta.year,
            "period": {"start": meta.period.start, "end": meta.period.end},
            "synthetic": plan.synthetic,
            "number": meta.number,
            "type": meta.type,
            "place": meta.place,
            "date": meta.date.isoformat() if meta.date else None,
            "legal_bases": [
                {"number": b.number, "date": b.date.isoformat(), "issuer": b.issuer, "title": b.title}
                for b in meta.legal_bases
            ],
            "purposes": [{"id": c.id, "text": c.text} for c in meta.purposes],
            "requirements": [{"id": c.id, "text": c.text} for c in meta.requirements],
            "overall_goal": meta.overall_goal,
            "vision": {"id": meta.vision.id, "text": meta.vision.text},
            "duties": [
                {
                    "id": d.id,
                    "section": d.section,
                    "kind": d.kind.value,
                    "what": d.what,
                    "from_units": plan.unit_ids(d.from_units),
                    "to_units": plan.unit_ids(d.to_units),
                    "deadline": str(d.deadline) if d.deadline else None,
                }
                for d in meta.duties
            ],
            "notes": [{"about": n.about, "text": n.text} for n in meta.notes],
        },
        "indicators": [indicator_to_dict(plan, ind) for ind in plan.indicators],
        "tasks": [task_to_dict(plan, g.id, t) for g in plan.groups for t in g.tasks],
        "units": [unit_to_dict(plan, u) for u in plan.units.units.values()],
    }
