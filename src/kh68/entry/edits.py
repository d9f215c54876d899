"""The one way kh68 writes figures and progress into data files: a batch of edits.

``apply_edits(plan, edits, force=...)`` is used by ``kh68 record``,
``kh68 progress`` and any writer of many figures at once (``kh68 import``).
For each data file touched it: takes the file's lock, reads it, applies every
edit, validates the new text once through the same path as ``kh68 check``,
and writes it atomically once. All or nothing: a conflict (a different value
already there, without ``force``), an invalid result or any error leaves
every file as it was.

Values are text, stored exactly as given (``0,0000001`` stays that, the
decimal comma or point as typed); ``check``'s own number reader decides
whether they are numbers, so what ``record`` accepts ``check`` accepts.
Unit keys are matched by the unit they name, whatever alias was written.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

from kh68.core.errors import EditRefused, PlanInvalid, Problem, Severity, UsageError
from kh68.core.files import atomic_write_all, file_lock
from kh68.core.safetext import for_document, revealed
from kh68.core.vnformat import format_exact, parse_exact
from kh68.entry.datafile import DataFile, Section, UnitKey
from kh68.kinds.periods import Period
from kh68.kinds.verdict import TaskState
from kh68.lint.check import check_data_file
from kh68.reading.load import DATA_DIR
from kh68.reading.models import DateSource
from kh68.reading.plan import Plan


@dataclass(frozen=True)
class ValueEdit:
    """A measured value of ``indicator`` in ``year``, province-wide or for ``unit``.

    At most one form: ``value`` (decimal text as typed), ``numerator`` and
    ``denominator`` (count texts), or ``met``; none only when ``note`` or
    ``source`` is given.
    """

    indicator: str
    year: int
    value: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    met: bool | None = None
    unit: str | None = None  # id or any name of the unit; None: province-wide
    source: str | None = None  # the source document (province-wide entry)
    note: str | None = None
    period: Period | None = field(default=None, kw_only=True)  # a month, quarter …: its own data file
    origin: str | None = field(default=None, kw_only=True, compare=False)
    """Where the edit was read in the file it came from, as a message names it after the file's name (a form's
    ``Số liệu › H7:I7``, a CSV's ``dòng 5``); ``None`` for a figure typed in a command."""


@dataclass(frozen=True)
class ProgressEdit:
    """``unit``'s progress on ``task`` in ``year``."""

    task: str
    year: int
    unit: str  # id or any name of the unit
    state: TaskState
    on: date | None = None
    results: str | None = None
    difficulties: str | None = None
    directions: str | None = None
    proposals: str | None = None
    period: Period | None = field(default=None, kw_only=True)  # a month, quarter …: its own data file
    origin: str | None = field(default=None, kw_only=True, compare=False)  # where it was read (see ``ValueEdit``)


@dataclass(frozen=True)
class StateEdit:
    """The province-wide state of an indicator with a qualitative target ("Hoàn thành", a milestone)."""

    indicator: str
    year: int
    state: TaskState
    period: Period | None = field(default=None, kw_only=True)  # a month, quarter …: its own data file
    origin: str | None = field(default=None, kw_only=True, compare=False)  # where it was read (see ``ValueEdit``)


@dataclass(frozen=True)
class SourceEdit:
    """Where a figure comes from: the entry's own ``source`` (province-wide, or ``unit``'s)."""

    indicator: str
    year: int
    unit: str | None = None  # None: the province-wide entry
    document: str | None = None
    on: date | None = None
    reporter: str | None = None  # the unit that sent the figure (province-wide entry)
    period: Period | None = field(default=None, kw_only=True)  # a month, quarter …: its own data file
    origin: str | None = field(default=None, kw_only=True, compare=False)  # where it was read (see ``ValueEdit``)


@dataclass(frozen=True)
class ReceiptEdit:
    """A unit's form received for ``year`` (``kh68 import``): its date (and whether the form gave it or it is the
    day of receipt), form version and plan fingerprint."""

    unit: str
    year: int
    received: date
    version: int
    fingerprint: str
    date_source: DateSource = DateSource.FORM
    period: Period | None = field(default=None, kw_only=True)  # a month, quarter …: its own data file
    origin: str | None = field(default=None, kw_only=True, compare=False)  # where it was read (see ``ValueEdit``)


Edit = ValueEdit | ProgressEdit | StateEdit | SourceEdit | ReceiptEdit


def file_period(edit: Edit) -> Period:
    """The period whose data file an edit goes into: its own (a month, a quarter …), else its year."""
    return edit.period if edit.period is not None else Period.of_year(edit.year)


def data_path(root: Path, period: Period) -> Path:
    """``data/2026.yaml``, ``data/2026-11.yaml``; the period's ``.yml`` when the plan has that one and no ``.yaml``
    (the loader reads both: a ``.yaml`` written beside it would be a second file of the period)."""
    written = root / DATA_DIR / f"{period.key}.yaml"
    other = written.with_suffix(".yml")
    return other if not os.path.lexists(written) and os.path.lexists(other) else written


@dataclass(frozen=True)
class Conflict:
    """A different value already recorded where an edit writes (needs ``force``)."""

    edit: Edit
    what: str  # "chỉ tiêu 1.4 năm 2025 của phong_a"
    key: str
    old: str
    new: str

    @property
    def message(self) -> str:
        return f"{self.what} đã có {self.key} = {_shown(self.old)}; dùng --force để ghi đè bằng {_shown(self.new)}"


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    changed: bool
    created: bool
    before: str = ""  # the file's text before and after the edits (what a dry run shows)
    after: str = ""

    def diff(self) -> str:
        """A unified diff of what the edits change (``kh68 import --dry-run``)."""
        import difflib

        name = self.path.as_posix()
        lines = difflib.unified_diff(  # lines without their ends: a CRLF file's "\r" is no part of what changed
            self.before.splitlines(),
            self.after.splitlines(),
            "/dev/null" if self.created else name,
            name,
            lineterm="",
        )
        return "".join(f"{line}\n" for line in lines)


@dataclass(frozen=True)
class EditResult:
    """What ``apply_edits`` did: one outcome per data file, or the conflicts that stopped it."""

    files: tuple[FileOutcome, ...]
    conflicts: tuple[Conflict, ...]

    @property
    def written(self) -> bool:
        return not self.conflicts and any(f.changed for f in self.files)


@dataclass(frozen=True)
class _Assignment:
    section: Section
    key: str
    text: str
    what: str
    edit: Edit

    def __post_init__(self) -> None:
        # People's text is data: a control character or bidi override typed or pasted into a form, a CSV or an
        # option (ESC, BEL, U+202E) is never written into a data file (check then flagged the file kh68 had written).
        # Its letters are written composed (NFC), as Vietnamese is typed on Windows: "hóa" pasted from a Mac, its
        # accents apart, is the same text, found again by a search and by the next import.
        object.__setattr__(self, "text", unicodedata.normalize("NFC", for_document(self.text)))


def apply_edits(plan: Plan, edits: Sequence[Edit], *, force: bool = False, dry_run: bool = False) -> EditResult:
    """Apply ``edits`` to the plan's data files, all or nothing (see the module docstring).

    Raises ``UsageError`` for an edit that names nothing in the
    plan or a lock not obtained, ``PlanInvalid`` when a new file would not pass
    ``kh68 check``; returns the conflicts (nothing written) when a different
    value is there and ``force`` is false. ``dry_run``: everything but the
    write; the outcomes carry each file's text before and after.
    """
    by_period: dict[Period, list[_Assignment]] = {}
    for edit in edits:
        by_period.setdefault(file_period(edit), []).extend(_assignments(plan, edit))
    periods = sorted(by_period)
    paths = [data_path(plan.root, period) for period in periods]
    with _locked(paths):
        files = [DataFile.open(path, p, plan.meta.synthetic) for path, p in zip(paths, periods, strict=True)]
        conflicts = []
        for data_file, period in zip(files, periods, strict=True):
            conflicts += _apply(data_file, by_period[period], plan)
        for data_file in files:
            _validate(plan, data_file)
        if conflicts and not force:
            return EditResult(tuple(FileOutcome(f.path, False, False) for f in files), tuple(conflicts))
        if not dry_run:  # every file of the batch, or none (a full disk at the second leaves the first as it was)
            atomic_write_all([write for data_file in files if (write := data_file.write()) is not None])
    return EditResult(tuple(_outcome(f) for f in files), ())


def _outcome(data_file: DataFile) -> FileOutcome:
    before = data_file.original.decode("utf-8-sig") if data_file.original is not None else ""
    changed = data_file.changed
    return FileOutcome(data_file.path, changed, data_file.created and changed, before, data_file.text())


class _locked:
    """Hold the locks of several files, always taken in the same order (no deadlock)."""

    def __init__(self, paths: list[Path]):
        self.locks = [file_lock(path) for path in sorted(paths)]

    def __enter__(self) -> None:
        entered = []
        try:
            for lock in self.locks:
                lock.__enter__()
                entered.append(lock)
        except BaseException:
            for lock in reversed(entered):
                lock.__exit__(None, None, None)
            raise
        self.entered = entered

    def __exit__(self, *exc: object) -> None:
        for lock in reversed(self.entered):
            lock.__exit__(None, None, None)


def _apply(data_file: DataFile, assignments: list[_Assignment], plan: Plan) -> list[Conflict]:
    """Set every value; return those that replace a different one (written only with ``force``).

    Everything is set, conflicts included, so that the new text is validated
    whole: an invalid value is refused with ``check``'s message, force or not.
    """
    conflicts = []
    for item in assignments:
        old = data_file.get(item.section, item.key, plan.units.resolve)
        if old is not None and _same(old, item.text):
            continue
        if old is not None:
            conflicts.append(Conflict(item.edit, item.what, item.key, old, item.text))
        data_file.set(item.section, item.key, item.text, plan.units.resolve)
    return conflicts


def _validate(plan: Plan, data_file: DataFile) -> None:
    """Check the new text as ``kh68 check`` does, and read every value set back from it."""
    if not data_file.changed:
        return
    problems, doc = check_data_file(plan, data_file.path, data_file.text())
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        _refuse(plan, data_file, errors)
    if doc is not None and not data_file.reads_back(doc.data, plan.units.resolve):
        data_file.use_round_trip()  # pragma: no cover - a defect of the text editor, made safe
        _validate(plan, data_file)  # pragma: no cover


def _refuse(plan: Plan, data_file: DataFile, errors: list[Problem]) -> NoReturn:
    """Refuse an edit whose new text has errors. Errors the file already has on disk are said at their places
    in it (the new text, never written, would shift them); otherwise the edit's own errors."""
    shown = data_file.path.as_posix()
    if data_file.original is not None:
        before = data_file.original.decode("utf-8-sig")
        had = [p for p in check_data_file(plan, data_file.path, before)[0] if p.severity is Severity.ERROR]
        if had:
            raise PlanInvalid(
                had, f"{shown} đã có lỗi trước khi ghi (như kh68 check báo): sửa rồi ghi lại; tệp giữ nguyên"
            )
    raise EditRefused(errors, f"thay đổi bị từ chối vì các lỗi trên; {shown} giữ nguyên")


# ------------------------------------------------------------- edits → keys


@dataclass(frozen=True)
class Written:
    """One value an edit writes: where (its file's period, section and key), what, and how it is named."""

    place: tuple[Period, Section, str]
    text: str
    what: str

    def agrees(self, other: Written) -> bool:
        """The same value (``99,5`` is ``99.50``)."""
        return _same(self.text, other.text)

    @property
    def shown(self) -> str:
        return _shown(self.text)


def written_by(plan: Plan, edit: Edit) -> list[Written]:
    """The values ``edit`` writes, each at its place (to find two files of a batch that disagree)."""
    period = file_period(edit)
    return [Written((period, a.section, a.key), a.text, a.what) for a in _assignments(plan, edit)]


def _assignments(plan: Plan, edit: Edit) -> list[_Assignment]:
    if isinstance(edit, ValueEdit):
        return _value_assignments(plan, edit)
    if isinstance(edit, ProgressEdit):
        return _progress_assignments(plan, edit)
    if isinstance(edit, ReceiptEdit):
        return _receipt_assignments(plan, edit)
    base, what = _indicator_entry(plan, edit, None)
    if isinstance(edit, StateEdit):
        return [_Assignment(base, "state", edit.state.value, what, edit)]
    entry, what = _indicator_entry(plan, edit, edit.unit)
    pairs = [("document", edit.document), ("date", edit.on.isoformat() if edit.on else None)]
    if edit.reporter is not None:
        pairs.append(("unit", plan.require_unit(edit.reporter)))
    return [_Assignment((*entry, "source"), key, text, what, edit) for key, text in pairs if text is not None]


def _indicator_entry(plan: Plan, edit: ValueEdit | StateEdit | SourceEdit, unit: str | None) -> tuple[Section, str]:
    """The place of an indicator's entry in its period's file (province-wide, or ``unit``'s) and how to name it:
    ``chỉ tiêu 1.2 năm 2025``, ``chỉ tiêu 1.2 tháng 11/2026 của xa_a``."""
    indicator, label = edit.indicator, file_period(edit).label
    plan.require_indicator(indicator)
    plan.require_year(edit.year)
    if unit is None:
        return ("indicators", indicator), f"chỉ tiêu {indicator} {label}"
    unit_id = plan.require_unit(unit)
    return ("indicators", indicator, "by_unit", UnitKey(unit_id)), f"chỉ tiêu {indicator} {label} của {unit_id}"


def _receipt_assignments(plan: Plan, edit: ReceiptEdit) -> list[_Assignment]:
    plan.require_year(edit.year)
    unit_id = plan.require_unit(edit.unit)
    section: Section = ("forms", UnitKey(unit_id))
    what = f"biểu mẫu {file_period(edit).label} của {unit_id}"
    pairs = [
        ("received", edit.received.isoformat()),
        ("date_source", edit.date_source.value),
        ("version", str(edit.version)),
        ("fingerprint", edit.fingerprint),
    ]
    return [_Assignment(section, key, text, what, edit) for key, text in pairs]


def _value_assignments(plan: Plan, edit: ValueEdit) -> list[_Assignment]:
    base, _ = _indicator_entry(plan, edit, None)
    entry, what = _indicator_entry(plan, edit, edit.unit)
    pairs = [(entry, key, text) for key, text in _value_fields(edit).items()]
    if edit.source is not None:
        pairs.append(((*base, "source"), "document", edit.source))
    if edit.note is not None:
        pairs.append((entry, "note", edit.note))
    return [_Assignment(section, key, text, what, edit) for section, key, text in pairs]


def _value_fields(edit: ValueEdit) -> dict[str, str]:
    given = [edit.value is not None, edit.numerator is not None or edit.denominator is not None, edit.met is not None]
    if sum(given) == 0 and (edit.note is not None or edit.source is not None):
        return {}
    if sum(given) != 1:
        raise UsageError("cần đúng một trong: --value, --numerator/--denominator, --met/--not-met")
    if given[1]:
        if edit.numerator is None or edit.denominator is None:
            raise UsageError("--numerator và --denominator phải đi cùng nhau")
        return {"numerator": edit.numerator.strip(), "denominator": edit.denominator.strip()}
    if given[2]:
        return {"met": "true" if edit.met else "false"}
    assert edit.value is not None
    return {"value": edit.value.strip()}


def _progress_assignments(plan: Plan, edit: ProgressEdit) -> list[_Assignment]:
    plan.require_task(edit.task)
    plan.require_year(edit.year)
    unit_id = plan.require_unit(edit.unit)
    section: Section = ("tasks", edit.task, UnitKey(unit_id))
    what = f"nhiệm vụ {edit.task} {file_period(edit).label} của {unit_id}"
    pairs = [("state", edit.state.value)]
    if edit.on is not None:
        pairs.append(("date", edit.on.isoformat()))
    for key in ("results", "difficulties", "directions", "proposals"):
        text = getattr(edit, key)
        if text is not None:
            pairs.append((key, text))
    return [_Assignment(section, key, text, what, edit) for key, text in pairs]


# ------------------------------------------------------------- comparing


def _number(text: str) -> Decimal | None:
    try:
        return parse_exact(text)
    except ValueError:
        return None


def _same(old: str, new: str) -> bool:
    """Equal as numbers when both are numbers (``99,5`` is ``99.50``), else as text (its letters composed one way:
    "hóa" typed on a Mac, decomposed, is the "hóa" already written)."""
    a, b = _number(old), _number(new)
    if a is not None and b is not None:
        return a == b
    return old == new or unicodedata.normalize("NFC", old) == unicodedata.normalize("NFC", new)


def _shown(text: str) -> str:
    """A value in a message: a number as Vietnamese writes it, a text with its invisible characters shown (two values
    that differ only by a zero-width space read as the same)."""
    number = _number(text)
    return format_exact(number) if number is not None else revealed(text)
