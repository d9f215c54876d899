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

from kh68.core.errors import EditRefused, Problem, UsageError
from kh68.core.safetext import listing
from kh68.entry.datafile import Section
from kh68.entry.edits import (
    Conflict,
    Edit,
    EditResult,
    ReceiptEdit,
    Written,
    apply_edits,
    written_by,
)
from kh68.entry.forms.dating import Arrival
from kh68.entry.forms.workbook import FormRefused
from kh68.entry.sources import SUFFIXES, source_for
from kh68.kinds.periods import Period
from kh68.reading.plan import Plan

FORM_SUFFIXES = SUFFIXES


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
    notes: list[str] = field(default_factory=list)  # what the folders named held and was not read

    @property
    def accepted(self) -> list[FileResult]:
        return [f for f in self.files if f.accepted]

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if not f.accepted]


def collect(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """The files named, and the forms inside the folders named, in a stable order; and what was left in those
    folders, said: a folder inside (not read) and a hidden file (a name starting with ".", such as macOS's
    "._bao-cao.xlsx" copies), read only when named. Excel's and LibreOffice's lock files are passed over."""
    found: list[Path] = []
    notes: list[str] = []
    for path in paths:
        if path.is_dir():
            entries = sorted(path.iterdir())
            inside = [p for p in entries if _a_form(p)]
            folders = [p.name for p in entries if p.is_dir() and not p.name.startswith(".")]
            hidden = [p.name for p in entries if p.name.startswith(".") and p.suffix.lower() in FORM_SUFFIXES]
            hidden = [name for name in hidden if not name.startswith(".~lock")]
            if folders:
                notes.append(
                    f"không đọc các thư mục con của {path.as_posix()} ({listing(folders)}); "
                    "ghi tên thư mục con vào lệnh nếu cần nhập biểu mẫu trong đó"
                )
            if hidden:
                notes.append(
                    f"không đọc các tệp ẩn trong {path.as_posix()} ({listing(hidden)}: tên bắt đầu bằng dấu chấm, "
                    "như bản sao macOS tạo ra); ghi tên tệp vào lệnh nếu cần nhập"
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
    return unique, notes


def _a_form(path: Path) -> bool:
    """A file of a folder that is read: a form's or CSV's suffix, not hidden, not an office program's lock file."""
    return path.suffix.lower() in FORM_SUFFIXES and not path.name.startswith(("~$", ".")) and not path.is_dir()


def import_files(
    plan: Plan, paths: Sequence[Path], *, force: bool = False, dry_run: bool = False, arrival: Arrival | None = None
) -> BatchResult:
    """Import the forms and CSV files at ``paths``; ``arrival``: when the forms were received (default today)."""
    arrival = arrival or Arrival.today()
    paths, notes = collect(paths)
    results = [_read(plan, path, arrival) for path in paths]
    _refuse_duplicates(results)
    _refuse_disagreements(plan, results)
    accepted = [r for r in results if r.accepted]
    if not accepted:
        return BatchResult(results, None, notes)
    outcome: EditResult | None = _apply(plan, accepted, force=force, dry_run=dry_run)
    if (
        outcome is not None and outcome.conflicts
    ):  # nothing was written: leave out the files that conflict, write the others
        _refuse_conflicts(accepted, outcome.conflicts)
        accepted = [r for r in accepted if r.accepted]
        outcome = _apply(plan, accepted, force=force, dry_run=dry_run) if accepted else None
    return BatchResult(results, outcome, notes)


def _apply(plan: Plan, accepted: list[FileResult], *, force: bool, dry_run: bool) -> EditResult:
    """One call for the whole batch; a file whose figures would give the data file errors is found and refused,
    said of the file it came from (a form, a CSV file), at the cells or line its figures were read when they alone
    bring the error, with the error ``kh68 check`` would give, never at a line of a data file that was not written."""
    edits = [edit for result in accepted for edit in result.edits]
    try:
        return apply_edits(plan, edits, force=force, dry_run=dry_run)
    except EditRefused:
        pass  # errors on disk before the import (PlanInvalid) are the plan's, said where they are
    for result in accepted:  # which file? each alone, nothing written
        try:
            apply_edits(plan, result.edits, force=True, dry_run=True)
        except EditRefused as exc:
            found = _culprits(plan, _figures(result.edits), list(exc.problems))
            if found:  # and what only its other edits together bring: said of the file, not left for another import
                blamed = {id(e) for group, _ in found for e in group}
                if rest := [e for e in result.edits if id(e) not in blamed]:
                    found += _culprits(plan, [rest], whole=True)
            refused = found or [([], list(exc.problems))]  # only its edits together bring the error: of the file
            result.problems += [_refusal(result.path, edits, p) for edits, problems in refused for p in problems]
    remaining = [r for r in accepted if r.accepted]
    return apply_edits(plan, [e for r in remaining for e in r.edits], force=force, dry_run=dry_run)


Blame = tuple[list[Edit], list[Problem]]
"""Edits that bring errors (none: the file's edits together), and the errors."""


def _figures(edits: list[Edit]) -> list[list[Edit]]:
    """A file's edits by the figure (or task, or receipt) they write: a figure's value and its source stand or fall
    together (a source alone, without its value, is an entry check refuses for another reason)."""
    groups: dict[tuple[object, ...], list[Edit]] = {}
    for edit in edits:
        key = (
            type(edit) is ReceiptEdit,
            getattr(edit, "indicator", None) or getattr(edit, "task", None),
            getattr(edit, "unit", None),
            edit.year,
            edit.period,
        )
        groups.setdefault(key, []).append(edit)
    return list(groups.values())


def _culprits(
    plan: Plan, figures: list[list[Edit]], problems: list[Problem] | None = None, *, whole: bool = False
) -> list[Blame]:
    """The figures of one file that bring an error by themselves, each with its errors: halves tried in turn (a few
    checks of the data file for one wrong figure among many); none when only figures together bring it.
    ``problems``: the errors of all of them, already known (not checked again); ``whole``: say them of the file."""
    if problems is None:
        try:
            apply_edits(plan, [e for figure in figures for e in figure], force=True, dry_run=True)
        except EditRefused as exc:
            problems = list(exc.problems)
        else:
            return []
    if whole:
        return [([], problems)]
    if len(figures) == 1:
        return [(_within(plan, figures[0]), problems)]
    middle = len(figures) // 2
    return _culprits(plan, figures[:middle]) + _culprits(plan, figures[middle:])


def _within(plan: Plan, figure: list[Edit]) -> list[Edit]:
    """The edits of one figure without which it passes (its source's date, not its value): where the error is said;
    all of them when no one alone is it."""
    alone = []
    for edit in figure if len(figure) > 1 else ():
        try:
            apply_edits(plan, [e for e in figure if e is not edit], force=True, dry_run=True)
        except EditRefused:
            continue
        alone.append(edit)
    return alone or figure


def _refusal(source: Path, edits: list[Edit], problem: Problem) -> str:
    """``a.xlsx › Số liệu › H7:I7: <check's words> [rule]; không ghi vào data/2026.yaml``."""
    rule = f" [{problem.rule}]" if problem.rule else ""
    return f"{_place(source, *edits)}: {problem.message}{rule}; không ghi vào {Path(problem.path).as_posix()}"


def _place(source: Path, *edits: Edit) -> str:
    """The file edits were read from, and where in it when known: ``a.xlsx › Số liệu › H7``, ``b.csv › dòng 5``,
    ``a.xlsx › Số liệu › H7:I7, L7:M7`` (one sheet named once)."""
    origins = list(dict.fromkeys(e.origin for e in edits if e.origin))
    if not origins:
        return source.name
    sheets = {o.rpartition(" › ")[0] for o in origins}
    if len(sheets) == 1 and (sheet := sheets.pop()):
        return f"{source.name} › {sheet} › {', '.join(o.rpartition(' › ')[2] for o in origins)}"
    return f"{source.name} › {', '.join(origins)}"


def _read(plan: Plan, path: Path, arrival: Arrival) -> FileResult:
    result = FileResult(path)
    try:
        intake = source_for(path).read(path, plan, arrival)
        result.edits, result.summary, result.unit_period = intake.edits, intake.summary, intake.unit_period
    except FormRefused as exc:
        result.problems = exc.messages
    return result


def _refuse_duplicates(results: list[FileResult]) -> None:
    """Two forms of one unit for one period in a batch are both refused, naming each other as given: which one holds
    the unit's report is for people to say, never the order of the files (the first one was written)."""
    by_form: dict[tuple[str, Period], list[FileResult]] = {}
    for result in results:
        if result.unit_period is not None and result.accepted:
            by_form.setdefault(result.unit_period, []).append(result)
    for (unit, period), same in by_form.items():
        if len(same) < 2:
            continue
        names = _names(same)
        for result in same:
            others = ", ".join(names[id(r)] for r in same if r is not result)
            result.problems.append(
                f"{names[id(result)]}: cùng đơn vị {unit} {period.label} với tệp {others} trong lần nhập này; "
                "chỉ nhập một biểu mẫu cho mỗi đơn vị"
            )


def _names(results: list[FileResult]) -> dict[int, str]:
    """Each file by its name, or by its path as given where two share a name."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.path.name] = counts.get(result.path.name, 0) + 1
    return {id(r): r.path.as_posix() if counts[r.path.name] > 1 else r.path.name for r in results}


def _refuse_disagreements(plan: Plan, results: list[FileResult]) -> None:
    """Two files of the batch that write different values at one place are both refused, naming each other: which
    one holds the figure is for people to say, never the order of the file names."""
    first: dict[tuple[Period, Section, str], tuple[FileResult, Edit, Written]] = {}
    for result in [r for r in results if r.accepted]:
        for edit, written in ((e, w) for e in result.edits for w in written_by(plan, e)):
            other, other_edit, said = first.setdefault(written.place, (result, edit, written))
            if other is result or said.agrees(written):
                continue
            pairs = ((result, edit, other, other_edit, written, said), (other, other_edit, result, edit, said, written))
            for one, own, two, theirs, a, b in pairs:
                one.problems.append(
                    f"{_place(one.path, own)}: {a.what}, {a.place[2]}: {a.shown}, còn tệp {_place(two.path, theirs)} "
                    f"trong lần nhập này ghi {b.shown}; nhập lại chỉ tệp có số liệu đúng"
                )


def _refuse_conflicts(accepted: list[FileResult], conflicts: Sequence[Conflict]) -> None:
    owner = {id(edit): result for result in accepted for edit in result.edits}
    for conflict in conflicts:
        result = owner.get(id(conflict.edit))
        if result is not None:
            result.problems.append(f"{_place(result.path, conflict.edit)}: {conflict.message}")
