"""Everything ``kh68 status`` shows for one year, as values (no printing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kh68.reading.plan import Plan
from kh68.tracking.engine import Result, evaluate
from kh68.tracking.tasks import Deadline, TaskStatus, deadlines, task_statuses


@dataclass(frozen=True)
class StatusView:
    plan: Plan
    year: int
    today: date
    unit: str | None
    results: list[Result]
    tasks: list[TaskStatus]
    deadlines: list[Deadline]


def build_status(plan: Plan, year: int, today: date, unit: str | None = None) -> StatusView:
    """Indicators, tasks and deadlines for ``year``; with ``unit``, only what it leads or owes."""
    thresholds = plan.meta.progress_thresholds
    indicators = plan.indicators
    tasks = task_statuses(plan, year)
    owed = deadlines(plan, year, today)
    if unit is not None:
        indicators = [i for i in indicators if plan.covers(i.responsible_units, unit)]
        tasks = [t for t in tasks if plan.covers(t.task.lead_units, unit)]
        owed = [
            Deadline(d.duty, d.due, d.days_left, [u for u in d.units if u.unit_id == unit])
            for d in owed
            if plan.covers(d.duty.from_units, unit)
            and (d.duty.kind != "unit_report" or any(u.unit_id == unit for u in d.units))
        ]
    results = [evaluate(ind, year, plan.data, thresholds) for ind in indicators]
    return StatusView(plan, year, today, unit, results, tasks, owed)


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def result_to_dict(r: Result) -> dict[str, Any]:
    target = None
    if r.target is not None:
        target = {
            "text": r.target.text,
            "kind": r.target.kind.value,
            "min": r.target.spec.min,
            "max": r.target.spec.max,
            "derived": r.target.derived,
        }
    return {
        "id": r.indicator.id,
        "name": r.indicator.name,
        "unit": r.indicator.unit,
        "target": target,
        "value": _number(r.value),
        "state": r.state.value if r.state else None,
        "gap": _number(r.gap),
        "status": r.status.value,
        "status_label": r.status.label,
        "progress": {
            "category": r.progress.category.value,
            "ratio": _number(r.progress.ratio),
            "projected_2030": _number(r.progress.projected),
        },
    }


def view_to_dict(view: StatusView) -> dict[str, Any]:
    return {
        "year": view.year,
        "today": view.today.isoformat(),
        "plan": view.plan.meta.symbol,
        "synthetic": view.plan.synthetic,
        "unit": view.unit,
        "indicators": [result_to_dict(r) for r in view.results],
        "tasks": [
            {
                "id": t.task.id,
                "title": t.task.title,
                "state": t.state.value if t.state else None,
                "lead_units": t.lead_units,
                "missing_leads": t.missing_leads,
            }
            for t in view.tasks
        ],
        "reporting": [
            {
                "duty": d.duty.id,
                "deadline": d.due.isoformat(),
                "days_left": d.days_left,
                "overdue": d.overdue,
                "units": [
                    {
                        "unit": u.unit_id,
                        "reported": u.reported,
                        "date": u.on.isoformat() if u.on else None,
                        "late": u.late,
                    }
                    for u in d.units
                ],
            }
            for d in view.deadlines
        ],
    }
