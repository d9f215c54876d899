"""A filled Excel form (``kh68 form``): one unit's figures and task progress for one period, and its receipt."""

from __future__ import annotations

from pathlib import Path

from kh68.entry.edits import Edit, ProgressEdit, ReceiptEdit
from kh68.entry.forms.dating import Arrival
from kh68.entry.forms.read import FilledForm, read_form
from kh68.entry.sources.base import Intake, figure_edits
from kh68.reading.plan import Plan


class ExcelForm:
    suffixes: tuple[str, ...] = (".xlsx", ".xlsm", ".xls", ".ods")

    def read(self, path: Path, plan: Plan, arrival: Arrival) -> Intake:
        form = read_form(path, plan, arrival)
        spec = form.spec
        summary = (
            f"{spec.unit_id} {spec.label}: {len(form.figures)} số liệu, {len(form.tasks)} nhiệm vụ, {form.dated.said}"
        )
        return Intake(list(form.figures), form_edits(form), summary, (spec.unit_id, spec.period))


def form_edits(form: FilledForm) -> list[Edit]:
    """What a form says, as edits of its own period's data file (``data/2026-11.yaml`` for a form of 2026-11,
    ``data/2025.yaml`` for a year's): the period is the form's, never the import's to choose."""
    spec = form.spec
    period = None if spec.period.is_year else spec.period
    edits: list[Edit] = [e for figure in form.figures for e in figure_edits(figure)]
    edits += [
        ProgressEdit(
            task=t.task_id,
            year=spec.year,
            unit=spec.unit_id,
            state=t.state,
            on=form.dated.day,
            results=t.results,
            difficulties=t.difficulties,
            directions=t.directions,
            proposals=t.proposals,
            period=period,
            origin=t.at,
        )
        for t in form.tasks
    ]
    edits.append(
        ReceiptEdit(
            spec.unit_id,
            spec.year,
            form.dated.day,
            spec.version,
            spec.fingerprint,
            form.dated.source,
            period=period,
            origin=form.dated.at,
        )
    )
    return edits
