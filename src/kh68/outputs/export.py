"""The validated plan as plain JSON-ready data, in a stable key order."""

from __future__ import annotations

from typing import Any

from kh68.kinds.targets import Target as Meaning
from kh68.kinds.timings import Timing as Schedule
from kh68.kinds.verdict import Direction
from kh68.reading.models import Indicator, OutsideFact, SeriesBreak, Task, Unit
from kh68.reading.plan import Plan


def target_to_dict(text: str, meaning: Meaning, direction: Direction | None = None) -> dict[str, Any]:
    """A target as data: its words, its kind and the bounds it has (the one target → dict); ``direction``: the
    indicator's better side (a bare number's bound is on it)."""
    out: dict[str, Any] = {"text": text, "kind": meaning.kind}
    low, high = meaning.bounds(direction)
    if low is not None:
        out["min"] = low
    if high is not None:
        out["max"] = high
    if meaning.span is not None:
        out["span"] = list(meaning.span)
    if meaning.base_year is not None:
        out["base_year"] = meaning.base_year
    return out | meaning.figures()


def indicator_to_dict(plan: Plan, ind: Indicator) -> dict[str, Any]:
    return {
        "id": ind.id,
        "task": ind.task_id,
        "name": ind.name,
        "unit": ind.unit,
        "direction": ind.better.value,
        "basis": ind.basis.value,
        "responsible_units": plan.unit_ids(ind.responsible_units),
        "targets": {
            str(year): target_to_dict(t.shown, t.meaning, ind.better) | ({"footnote": t.footnote} if t.footnote else {})
            for year, t in sorted(ind.targets.items())
        },
        "notes": list(ind.notes),
        "reporters": None
        if ind.reporters is None
        else {"units": plan.unit_ids(ind.reporters.units), "function": ind.reporters.function},
        "counted_over": ind.counted_over.value if ind.counted_over else None,
        "breaks": [break_to_dict(b) for b in ind.breaks],
    }


def outside(fact: OutsideFact) -> dict[str, Any]:
    """How a fact from outside the plan document is marked in the export."""
    return {"outside_document": fact.outside_document, "source": fact.source, "verify": fact.verify}


def break_to_dict(b: SeriesBreak) -> dict[str, Any]:
    return {"date": b.date.isoformat(), "kind": b.kind.value, "reason": b.reason, **outside(b)}


def task_to_dict(plan: Plan, group_id: str, task: Task) -> dict[str, Any]:
    schedule = task.schedule
    return {
        "id": task.id,
        "group": group_id,
        "title": task.title,
        "lead_units": plan.unit_ids(task.lead_units),
        "coordinating_units": plan.unit_ids(task.coordinating_units),
        "timing": None if schedule is None else schedule_to_dict(schedule),
        "kind": task.kind,
    }


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    """A task's timing as data: its words, its kind, its window and rhythm."""
    return {
        "text": schedule.text,
        "kind": schedule.kind,
        "start": schedule.start.isoformat() if schedule.start else None,
        "due": schedule.end.isoformat() if schedule.end else None,
        "every": schedule.every.value if schedule.every else None,
        "at_event": schedule.on_event,
        "tentative": schedule.tentative,
        "condition": schedule.condition,
    }


def unit_to_dict(plan: Plan, unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "short_names": list(unit.short_names),
        "members": plan.unit_ids(unit.members),
        "kind": unit.kind.value if unit.kind else None,
        "in_document": unit.in_document,
        # Dates and successors: later facts, from outside the plan document (with their source).
        "start": unit.start.isoformat() if unit.start else None,
        "end": unit.end.isoformat() if unit.end else None,
        "successors": [{"unit": plan.units.resolve(s.unit) or s.unit, "function": s.function} for s in unit.successors],
        **outside(unit),
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
            "vision": {"id": meta.vision.id, "text": meta.vision.text} if meta.vision else None,
            "duties": [
                {
                    "id": d.id,
                    "section": d.section,
                    "kind": d.kind.value,
                    "what": d.what,
                    "from_units": plan.unit_ids(d.from_units),
                    "to_units": plan.unit_ids(d.to_units),
                    "deadline": str(d.deadline) if d.deadline else None,
                    "period": d.rhythm.value,
                    "function": d.function,
                }
                for d in meta.duties
            ],
            "notes": [{"about": n.about, "text": n.text, **outside(n)} for n in meta.notes],
            "opening": meta.opening,
            "implementation": [{"id": i.id, "title": i.title, "text": i.text} for i in meta.implementation],
            "closing": list(meta.closing),
            "typos": [{"section": t.section, "written": t.written, "meant": t.meant} for t in meta.typos],
            "breaks": [break_to_dict(b) for b in meta.breaks],
        },
        "indicators": [indicator_to_dict(plan, ind) for ind in plan.indicators],
        "tasks": [task_to_dict(plan, g.id, t) for g in plan.groups for t in g.tasks],
        "units": [unit_to_dict(plan, u) for u in plan.units.units.values()],
    }
