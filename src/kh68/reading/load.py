"""Load a plan directory, validate every file and cross-check the whole.

``check_plan`` returns every problem found (errors and warnings);
``load_plan`` returns the plan or raises ``PlanInvalid``.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kh68.errors import PlanInvalid, Problem, Severity, UsageError, error, warning
from kh68.reading.models import IndicatorsFile, PlanMeta, TasksFile, UnitsFile, YearData
from kh68.reading.plan import Plan, UnitIndex
from kh68.reading.ruledoc import FILE_MISSING, FILE_STRAY
from kh68.reading.rules import Context, DataFile, run
from kh68.reading.source import Document, SourceError, decode, parse_document, read_document
from kh68.reading.validation import problems_from

PLAN_FILES = {"plan": "plan.yaml", "units": "units.yaml", "indicators": "indicators.yaml", "tasks": "tasks.yaml"}
DATA_DIR = "data"
_DATA_NAME = re.compile(r"^\d{4}\.ya?ml$")


def default_plan_dir() -> Path:
    return Path(os.environ.get("KH68_PLAN") or "plan")


def data_files(root: Path) -> list[Path]:
    folder = root / DATA_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def check_plan(root: Path, overrides: dict[Path, str] | None = None) -> tuple[Plan | None, list[Problem]]:
    """Load ``root``; return the plan (``None`` when it has errors) and all problems.

    ``overrides`` maps file paths to text to check instead of what is on disk
    (how ``kh68 record`` validates an edit before writing it).
    """
    root = Path(root)
    if not root.is_dir():
        if root.exists():
            raise UsageError(f"'{root}' là một tệp, không phải thư mục kế hoạch")
        raise UsageError(f"không có thư mục kế hoạch '{root}'")
    loader = _Loader(root, overrides or {})
    with _gc_paused():
        plan = loader.load()
    problems = sorted(set(loader.problems), key=lambda p: (p.path, p.line, p.column, p.message))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return plan, problems


@contextmanager
def _gc_paused() -> Iterator[None]:
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


def check_data_text(plan: Plan, path: Path, text: str) -> list[Problem]:
    """Problems of one data file's new ``text`` against the loaded ``plan``.

    How an edit is checked before it is written: the plan files are not read again.
    """
    return check_data_file(plan, path, text)[0]


def check_data_file(plan: Plan, path: Path, text: str) -> tuple[list[Problem], Document | None]:
    """``check_data_text``, and the parsed document (to read the edited values back)."""
    loader = _Loader(plan.root, {path: text})
    doc, data = loader.read(path, YearData)
    if doc is not None and data is not None:
        loader.problems += run(Context(plan, (DataFile(path, doc, data),), whole_plan=False))
    return loader.problems, doc


def load_plan(root: Path) -> Plan:
    """The validated plan; ``PlanInvalid`` (with the problems) if it has errors."""
    plan, problems = check_plan(root)
    if plan is None:
        raise PlanInvalid(problems)
    return plan


class _Loader:
    def __init__(self, root: Path, overrides: dict[Path, str]):
        self.root = root
        self.overrides = overrides
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        return (self.root / path.relative_to(self.root)).as_posix()

    def read(self, path: Path, model: type[BaseModel]) -> tuple[Document | None, Any]:
        if path not in self.overrides and not path.exists():
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
        try:
            return doc, model.model_validate(doc.data)
        except ValidationError as exc:
            self.problems += problems_from(exc, doc, model)
            return doc, None

    def warn_strays(self) -> None:
        """A YAML file kh68 does not read is most likely a misplaced or misnamed one."""
        known = set(PLAN_FILES.values())
        for path in sorted(self.root.iterdir()):
            if path.suffix in (".yaml", ".yml") and path.name not in known:
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

    def load(self) -> Plan | None:
        docs: dict[str, Document] = {}
        parsed: dict[str, Any] = {}
        for kind, model in (
            ("plan", PlanMeta),
            ("units", UnitsFile),
            ("indicators", IndicatorsFile),
            ("tasks", TasksFile),
        ):
            doc, value = self.read(self.root / PLAN_FILES[kind], model)
            if doc:
                docs[kind] = doc
            parsed[kind] = value
        self.warn_strays()
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
        if any(v is None for v in parsed.values()):
            return None
        plan = Plan(
            root=self.root,
            meta=parsed["plan"],
            units=UnitIndex(parsed["units"].units),
            indicators=parsed["indicators"].indicators,
            groups=parsed["tasks"].groups,
            documents=docs,
        )
        files = tuple(DataFile(path, docs[f"data/{path.name}"], year_data) for path, year_data in data.items())
        found = list(run(Context(plan, files)))
        self.problems += found
        # A data file with errors is left out (so a second file for a year never replaces the first).
        rejected = {p.path for p in found if p.severity is Severity.ERROR}
        for file in files:
            if str(file.doc.path) not in rejected:
                plan.data[file.data.year] = file.data
        return plan
