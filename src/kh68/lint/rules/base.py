"""What a rule is, what it reads and what it yields."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from kh68.reading.load import DataFile
from kh68.reading.models import Indicator, Target
from kh68.reading.plan import Plan
from kh68.reading.ruledoc import RuleDoc
from kh68.reading.source import Document, Key

if TYPE_CHECKING:
    from kh68.reading.narrative import Judge


@dataclass(frozen=True)
class Finding:
    """Where a rule found something and what it says; the runner adds the rule id and severity."""

    doc: Document
    loc: Key
    message: str
    key: bool = False  # point at the mapping key of ``loc`` rather than at its value


@dataclass(frozen=True)
class Context:
    """What rules read: the loaded plan and the data files being checked (with their positions)."""

    plan: Plan
    data_files: tuple[DataFile, ...] = ()
    # False when one data file is checked against an already loaded plan (``kh68 record``):
    # a rule then looks at ``data_files`` only.
    whole_plan: bool = True
    # The day rules that depend on it judge against (``kh68 check --today``); None: such rules stay silent.
    today: date | None = None
    # The report's verdicts on a year (``kh68 check`` gives them; a rule comparing words with figures needs them).
    judge: Judge | None = None

    def doc(self, kind: str) -> Document:
        """The document of a plan file: "plan", "units", "indicators" or "tasks"."""
        return self.plan.documents[kind]

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every document in scope: the plan files (on a whole-plan run) and the data files."""
        plan_docs = (
            tuple(self.plan.documents[k] for k in ("plan", "units", "indicators", "tasks")) if self.whole_plan else ()
        )
        return plan_docs + tuple(f.doc for f in self.data_files)

    def indicators(self) -> Iterator[tuple[Indicator, Document, Key]]:
        """Each indicator with the document and key path where it is written (indicators.yaml, or a task's target)."""
        for indicator in self.plan.indicators:
            home = indicator.home
            yield indicator, self.doc(home.file), home.key

    def targets(self) -> Iterator[tuple[Indicator, int, Target, Document, Key]]:
        """Each year's target of each indicator and of each unit's share of one (``unit_targets``), with the
        document and key path where it is written."""
        shares = ((share, self.doc(share.home.file), share.home.key) for share in self.plan.shares)
        for indicator, doc, _ in (*self.indicators(), *shares):
            keys = indicator.home.targets
            for year, target in indicator.targets.items():
                if year in keys:
                    yield indicator, year, target, doc, keys[year]

    @cached_property
    def unit_entries(self) -> dict[str, int]:
        """Index in units.yaml of each unit the index kept (the last entry of a duplicated id)."""
        where: dict[str, int] = {}
        for i, entry in enumerate(self.doc("units").data["units"]):
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                where[entry["id"].strip()] = i  # as the model reads it
        return where


Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule(RuleDoc):
    """A rule that needs the loaded plan: ``check`` yields where it finds something."""

    check: Check
