"""``kh68 import``: read every file of a batch, then write what they say in one go.

Each file is all or nothing: a file with any problem (unreadable, another
plan, a cell that is not what it should be, a value that conflicts with one
already recorded) contributes nothing, and says why. What the accepted files
say is written through ``kh68.entry.edits.apply_edits`` once, so each data
file is locked, validated and written once per batch.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kh68.core.errors import PlanInvalid, UsageError
from kh68.entry.edits import (
    Conflict,
    Edit,
    EditResult,
    ProgressEdit,
    ReceiptEdit,
    SourceEdit,
    StateEdit,
    ValueEdit,
    apply_edits,
)
from kh68.entry.figure import Figure
from kh68.entry.forms.csv_import import read_csv
from kh68.entry.forms.dating import Arrival
from kh68.entry.forms.read import FilledForm, read_form
from kh68.entry.forms.workbook import FormRefused
from kh68.kinds.periods import Period
from kh68.reading.plan import Plan

FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


@dataclass
class FileResult:
    path: Path
    summary: str = ""  # what the file holds, when it was read
    problems: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    unit_period: tuple[str, Period] | None = None  # a form's unit and the period it reports

    @property
    def accepted(self) -> bool:
        return not self.problems


@dataclass
class BatchResult:
    files: list[FileResult]
    outcome: EditResult | None

    @property
    def accepted(self) -> list[FileResult]:
        return [f for f in self.files if f.accepted]

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if not f.accepted]


def collect(paths: Sequence[Path]) -> list[Path]:
    """The files named, and the forms inside the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in FORM_SUFFIXES and not p.name.startswith(("~$", ".~lock")) and not p.is_dir()
            )
            if not inside:
                raise UsageError(f"thư mục {path.as_posix()} không có biểu mẫu nào (.xlsx hoặc .csv)")
            found += inside
        elif path.exists() or path.is_symlink():  # a broken symlink or a loop: said when it is read
            found.append(path)
        else:
            raise UsageError(f"không có tệp hoặc thư mục '{path.as_posix()}'")
    unique: list[Path] = []
    for path in found:
        if os.path.realpath(path) not in {os.path.realpath(p) for p in unique}:
            unique.append(path)
    return unique


def import_files(
    plan: Plan, paths: Sequence[Path], *, force: bool = False, dry_run: bool = False, arrival: Arrival | None = None
) -> BatchResult:
    """Import the forms and CSV files at ``paths``; ``arrival``: when the forms were received (default today)."""
    arrival = arrival or Arrival.today()
    results = [_read(plan, path, arrival) for path in collect(paths)]
    _refuse_duplicates(results)
    accepted = [r for r in results if r.accepted]
    if not accepted:
        return BatchResult(results, None)
    outcome: EditResult | None = _apply(plan, accepted, force=force, dry_run=dry_run)
    if (
        outcome is not None and outcome.conflicts
    ):  # nothing was written: leave out the files that conflict, write the others
        _refuse_conflicts(accepted, outcome.conflicts)
        accepted = [r for r in accepted if r.accepted]
        outcome = _apply(plan, accepted, force=force, dry_run=dry_run) if accepted else None
    return BatchResult(results, outcome)


def _apply(plan: Plan, accepted: list[FileResult], *, force: bool, dry_run: bool) -> EditResult:
    """One call for the whole batch; a file whose edits the plan refuses is found and left out."""
    edits = [edit for result in accepted for edit in result.edits]
    try:
        return apply_edits(plan, edits, force=force, dry_run=dry_run)
    except PlanInvalid:
        if len(accepted) == 1:
            raise
    for result in accepted:  # which file? each alone, nothing written
        try:
            apply_edits(plan, result.edits, force=True, dry_run=True)
        except PlanInvalid as exc:
            result.problems += [f"{result.path.name}: {p.message} ({p.path}:{p.line})" for p in exc.problems]
    remaining = [r for r in accepted if r.accepted]
    return apply_edits(plan, [e for r in remaining for e in r.edits], force=force, dry_run=dry_run)


def _read(plan: Plan, path: Path, arrival: Arrival) -> FileResult:
    result = FileResult(path)
    try:
        if path.suffix.lower() == ".csv":
            figures = read_csv(path, plan)
            result.edits = [e for f in figures for e in figure_edits(f)]
            result.summary = (
                f"{len(figures)} số liệu {periods_said({f.period or Period.of_year(f.year) for f in figures})}"
            )
        else:
            form = read_form(path, plan, arrival)
            result.edits = form_edits(form)
            result.unit_period = (form.spec.unit_id, form.spec.period)
            result.summary = (
                f"{form.spec.unit_id} {form.spec.label}: {len(form.figures)} số liệu, "
                f"{len(form.tasks)} nhiệm vụ, {form.dated.said}"
            )
    except FormRefused as exc:
        result.problems = exc.messages
    return result


def periods_said(periods: set[Period]) -> str:
    """``năm 2024, 2025``; ``năm 2025, tháng 10/2026, tháng 11/2026``: the periods of a CSV's figures."""
    years = sorted(p.year for p in periods if p.is_year)
    others = sorted((p for p in periods if not p.is_year), key=lambda p: (p.first_day, -p.rhythm.months))
    return ", ".join(([f"năm {', '.join(map(str, years))}"] if years else []) + [p.label for p in others])


def _refuse_duplicates(results: list[FileResult]) -> None:
    seen: dict[tuple[str, Period], Path] = {}
    for result in results:
        if result.unit_period is None or not result.accepted:
            continue
        if result.unit_period in seen:
            unit, period = result.unit_period
            result.problems.append(
                f"{result.path.name}: cùng đơn vị {unit} {period.label} với tệp {seen[result.unit_period].name} "
                "trong lần nhập này; chỉ nhập một biểu mẫu cho mỗi đơn vị"
            )
        else:
            seen[result.unit_period] = result.path


def _refuse_conflicts(accepted: list[FileResult], conflicts: Sequence[Conflict]) -> None:
    owner = {id(edit): result for result in accepted for edit in result.edits}
    for conflict in conflicts:
        result = owner.get(id(conflict.edit))
        if result is not None:
            result.problems.append(f"{result.path.name}: {conflict.message}")


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
        )
        for t in form.tasks
    ]
    edits.append(
        ReceiptEdit(
            spec.unit_id, spec.year, form.dated.day, spec.version, spec.fingerprint, form.dated.source, period=period
        )
    )
    return edits


def figure_edits(figure: Figure) -> list[Edit]:
    edits: list[Edit] = []
    if figure.value is not None or figure.numerator is not None or figure.met is not None or figure.note:
        edits.append(
            ValueEdit(
                indicator=figure.indicator_id,
                year=figure.year,
                value=figure.value,
                numerator=None if figure.numerator is None else str(figure.numerator),
                denominator=None if figure.denominator is None else str(figure.denominator),
                met=figure.met,
                unit=figure.unit_id,
                note=figure.note,
                period=figure.period,
            )
        )
    if figure.state is not None:
        edits.append(StateEdit(figure.indicator_id, figure.year, figure.state, period=figure.period))
    if figure.document or figure.document_date or (figure.unit_id is None and figure.reporter):
        edits.append(
            SourceEdit(
                indicator=figure.indicator_id,
                year=figure.year,
                unit=figure.unit_id,
                document=figure.document,
                on=figure.document_date,
                reporter=figure.reporter if figure.unit_id is None else None,
                period=figure.period,
            )
        )
    return edits
