"""Read a plan directory: every file parsed (YAML with positions) and validated against its schema.

``read_plan`` stops at a valid plan with its parse and schema problems; the rules
that cross-check the whole run after it (``kh68.lint.check``: ``check_plan``,
``load_plan``).
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kh68.core import witness
from kh68.core.errors import PlanDirMissing, Problem, UsageError, error, os_reason, warning
from kh68.core.files import CWD_GONE, cwd_gone, describe, folder_entries
from kh68.core.safetext import excerpt
from kh68.reading.models import IndicatorsFile, PlanMeta, TasksFile, UnitsFile, YearData
from kh68.reading.plan import Plan, UnitIndex, all_indicators, settle, unit_shares
from kh68.reading.ruledoc import DATA_FILE_STRAY, FILE_MISSING, FILE_STRAY, FILE_UNREADABLE
from kh68.reading.source import Document, SourceError, decode, parse_document, read_document
from kh68.reading.validation import problems_from

PLAN_FILES = {"plan": "plan.yaml", "units": "units.yaml", "indicators": "indicators.yaml", "tasks": "tasks.yaml"}
# A plan file a plan may leave out, and what it then reads as: a plan without an indicator table.
OPTIONAL_FILES = {"indicators": "indicators: []\n"}
DATA_DIR = "data"
# 2026.yaml, 2026-Q3.yaml, 2026-11.yaml (ASCII digits: "٢٠٢٥.yaml" is no year)
_DATA_NAME = re.compile(r"^[0-9]{4}(?:-(?:H[12]|Q[1-4]|0[1-9]|1[0-2]))?\.ya?ml$")


def default_plan_dir() -> Path:
    return Path(os.environ.get("KH68_PLAN") or "plan")


def data_files(root: Path) -> list[Path]:
    """The year files of ``root/data`` that kh68 reads (see ``scan_data``)."""
    return scan_data(root)[0]


def scan_data(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """``(read, ignored)``: the year files kh68 reads, and every other entry of ``data/`` with why.

    Read: ``<year>.yaml`` and ``<year>.yml`` (whatever the entry is: a directory or
    FIFO by that name gets its own error when read; two files for one year are an error).
    Ignored: wrong-case extensions, subfolders, other names.
    Hidden files (``.gitkeep``) and kh68's own lock and temporary files are skipped.
    """
    folder = root / DATA_DIR
    try:
        entries = sorted(p for p in folder_entries(folder) if not p.name.startswith("."))
    except OSError:  # no data yet, or a data folder that cannot be read: ``data_folder_problem`` says which
        return [], []
    names = {p.name for p in entries}
    read, ignored = [], []
    for path in entries:
        reason = _not_read_because(path, names)
        if reason is None:
            read.append(path)
        else:
            ignored.append((path, reason))
    return read, ignored


def _not_read_because(path: Path, names: set[str]) -> str | None:
    name = path.name
    if _DATA_NAME.match(name):  # 2025.yaml and 2025.yml both: read both, the year rule says which is twice
        return None
    fixed = path.stem + path.suffix.lower()  # "2025-Q1.YAML": the period's letter stays a capital
    if _DATA_NAME.match(fixed):
        return f"đuôi tệp phải viết thường: đổi tên thành {fixed}"
    if path.is_dir():
        return f"kh68 không đọc thư mục con trong {DATA_DIR}/; số liệu mỗi năm, mỗi kỳ là một tệp {DATA_DIR}/<năm>.yaml, {DATA_DIR}/<kỳ>.yaml"
    return (
        "tên tệp số liệu phải là <năm>.yaml hoặc <kỳ>.yaml (ví dụ 2025.yaml, 2026-11.yaml của tháng 11, 2026-Q3.yaml "
        f"của quý III, 2026-H1.yaml của 6 tháng đầu năm); kh68 không đọc {name}"
    )


def plan_root_problem(root: Path) -> str | None:
    """Why ``root`` cannot be a plan directory, or ``None``."""
    return _root_problem(root)[0]


def _root_problem(root: Path) -> tuple[str | None, bool]:
    """Why ``root`` cannot be a plan directory (or ``None``), and whether it is simply not there."""
    shown = f"'{root}'" if len(str(root)) <= 200 else excerpt(root, 200)
    try:
        mode = root.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        if not root.is_absolute() and cwd_gone():
            return CWD_GONE, False
        if root.is_symlink():  # an unmounted share, a moved folder
            return (
                f"không có thư mục kế hoạch {shown}: liên kết tượng trưng (symlink) trỏ tới nơi không có ({root.readlink()})",
                False,
            )
        return f"không có thư mục kế hoạch {shown}", True
    except OSError as exc:
        witness.fault(exc)  # a folder the cache's key could read: the machine's doing, not the plan's
        return f"không mở được thư mục kế hoạch {shown}: {os_reason(exc)}", False
    if stat.S_ISREG(mode):
        return f"{shown} là một tệp, không phải thư mục kế hoạch", False
    if not stat.S_ISDIR(mode):
        return f"{shown} không phải thư mục kế hoạch (đó là một ống dẫn, thiết bị hoặc socket)", False
    try:
        folder_entries(root)
    except OSError as exc:
        return f"không mở được thư mục kế hoạch {shown}: {os_reason(exc)}", False
    return None, False


@dataclass(frozen=True)
class DataFile:
    """One data file that passed its schema: where it is, its nodes and its model."""

    path: Path
    doc: Document
    data: YearData


@dataclass
class Loaded:
    """A plan directory as read: the plan (``None`` when a plan file is unreadable or fails its schema), the data
    files that passed their schema, every document read (for positions and inline rule settings) and the problems
    found while reading (YAML, encoding, schema, missing and stray files).

    The plan's data are not yet attached: which data files count depends on the rules (``kh68.lint.check``).
    """

    plan: Plan | None
    meta: PlanMeta | None
    files: tuple[DataFile, ...]
    documents: dict[str, Document]
    problems: list[Problem]


def read_plan(root: Path, overrides: dict[Path, str] | None = None) -> Loaded:
    """Read ``root``: every file parsed and validated against its schema, the plan built when they all pass.

    ``overrides`` maps file paths to text to read instead of what is on disk. Raises
    ``PlanDirMissing`` (or ``UsageError``) when ``root`` cannot be a plan directory.
    Call it inside ``gc_paused()``.
    """
    root = Path(root)
    wrong, missing = _root_problem(root)
    if wrong is not None:
        raise PlanDirMissing(wrong) if missing else UsageError(wrong)
    loader = _Loader(root, overrides or {})
    return loader.load()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a plan is built, then leave the plan out of its reach.

    A large plan is a million small acyclic objects (nodes, dicts, models);
    allocating them triggers full collections over and over, which cost more
    than the parsing itself. Nothing built here forms a cycle to collect, and
    the plan lives as long as the command: ``gc.freeze()`` moves it to the
    collector's permanent generation, so collections after loading do not
    walk it again (reference counting still frees whatever is dropped).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def read_data_file(plan: Plan, path: Path, text: str) -> tuple[list[Problem], Document | None, DataFile | None]:
    """One data file's new ``text`` read against the loaded ``plan`` (the plan files are not read again): the problems
    of reading it, its document, and the data file when it passed its schema. Call it inside ``gc_paused()``."""
    loader = _Loader(plan.root, {path: text})
    doc, data = loader.read(path, YearData)
    file = DataFile(path, doc, data) if doc is not None and data is not None else None
    if file is not None:
        file.data.key_units(plan.units.resolve)
    return loader.problems, doc, file


class _Loader:
    def __init__(self, root: Path, overrides: dict[Path, str]):
        self.root = root
        self.overrides = overrides
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        return (self.root / path.relative_to(self.root)).as_posix()

    def read(self, path: Path, model: type[BaseModel], absent: str | None = None) -> tuple[Document | None, Any]:
        """The file's document and model; a file that is not there reads as ``absent`` if given, else is an error."""
        if path not in self.overrides and not path.exists() and not path.is_symlink():
            witness.absent(path)
            if absent is not None:
                return self._validated(parse_document(Path(self.display(path)), absent), model)
            message = f"thiếu tệp {path.name} trong thư mục kế hoạch"
            self.problems.append(error(self.display(path), 1, 1, message, rule=FILE_MISSING.id))
            return None, None
        try:
            if path in self.overrides:
                shown = Path(self.display(path))
                doc = parse_document(shown, decode(shown, self.overrides[path].encode("utf-8")))
            else:
                doc = read_document(path, self.display(path))
        except SourceError as exc:
            self.problems.append(exc.problem)
            return None, None
        return self._validated(doc, model)

    def _validated(self, doc: Document, model: type[BaseModel]) -> tuple[Document, Any]:
        try:
            return doc, model.model_validate(doc.data)
        except ValidationError as exc:
            self.problems += problems_from(exc, doc, model)
            return doc, None
        finally:
            doc.release_nodes()

    def check_data_folder(self) -> None:
        """A ``data`` that is there but cannot be read would look like a plan without figures: an error."""
        folder = self.root / DATA_DIR
        if not os.path.lexists(folder):
            return  # no figures recorded yet
        try:
            mode = folder.stat().st_mode
            if stat.S_ISDIR(mode):
                folder_entries(folder)
                return
            reason = f"{DATA_DIR} {describe(mode)}, không phải thư mục"
        except FileNotFoundError:
            reason = f"{DATA_DIR} là liên kết tượng trưng (symlink) trỏ tới nơi không có ({excerpt(folder.readlink())})"
        except OSError as exc:
            witness.fault(exc)
            reason = f"không đọc được thư mục {DATA_DIR}: {os_reason(exc)}"
        self.problems.append(
            error(self.display(folder), 1, 1, f"{reason}; kh68 không đọc được số liệu nào", rule=FILE_UNREADABLE.id)
        )

    def warn_strays(self) -> None:
        """A YAML file kh68 does not read is most likely a misplaced or misnamed one."""
        known = set(PLAN_FILES.values())
        for path in sorted(folder_entries(self.root)):
            if path.suffix.lower() in (".yaml", ".yml") and path.name not in known:
                self.problems.append(
                    warning(
                        self.display(path),
                        1,
                        1,
                        f"kh68 không đọc tệp {path.name}: kế hoạch gồm {', '.join(sorted(known))} "
                        f"và {DATA_DIR}/<năm>.yaml",
                        rule=FILE_STRAY.id,
                    )
                )
        for path, reason in scan_data(self.root)[1]:
            self.problems.append(warning(self.display(path), 1, 1, reason, rule=DATA_FILE_STRAY.id))

    def load(self) -> Loaded:
        docs: dict[str, Document] = {}
        parsed: dict[str, Any] = {}
        for kind, model in (
            ("plan", PlanMeta),
            ("units", UnitsFile),
            ("indicators", IndicatorsFile),
            ("tasks", TasksFile),
        ):
            doc, value = self.read(self.root / PLAN_FILES[kind], model, OPTIONAL_FILES.get(kind))
            if doc:
                docs[kind] = doc
            parsed[kind] = value
        self.warn_strays()
        self.check_data_folder()
        data = {}
        for path in sorted(set(data_files(self.root)) | {p for p in self.overrides if p.parent.name == DATA_DIR}):
            doc, value = self.read(path, YearData)
            if doc:
                # The model holds what the rules need and the text gives positions:
                # the plain data of a year file (most of a large plan) is let go.
                doc.data = None
                docs[f"data/{path.name}"] = doc
            if value is not None:
                data[path] = value
        files = tuple(DataFile(path, docs[f"data/{path.name}"], year_data) for path, year_data in data.items())
        if any(v is None for v in parsed.values()):
            return Loaded(None, parsed["plan"], files, docs, self.problems)
        indicators = all_indicators(parsed["indicators"].indicators, parsed["tasks"].groups)
        settle(parsed["plan"], indicators, parsed["tasks"].groups)
        units = UnitIndex(parsed["units"].units)
        for file in files:  # units keyed by id once, here: the rules, the engine and the outputs read them so
            file.data.key_units(units.resolve)
        plan = Plan(
            root=self.root,
            meta=parsed["plan"],
            units=units,
            indicators=indicators,
            groups=parsed["tasks"].groups,
            documents=docs,
            shares=unit_shares(indicators, units),
        )
        return Loaded(plan, parsed["plan"], files, docs, self.problems)
