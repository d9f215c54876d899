"""The loaded plan: its parts, unit look-up and where each fact was written."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kh68.errors import UsageError
from kh68.reading.models import Indicator, PlanMeta, Task, TaskGroup, Unit, YearData
from kh68.reading.source import Document
from kh68.reading.targets import fold


class UnitIndex:
    """Resolve a unit by id or any name the document uses, however dashed or spaced."""

    def __init__(self, units: list[Unit]):
        self.units = {u.id: u for u in units}
        self._names: dict[str, str] = {}
        self.clashes: list[tuple[str, str, str]] = []
        for unit in units:
            for name in (unit.id, unit.name, *unit.short_names):
                key = fold(name)
                owner = self._names.setdefault(key, unit.id)
                if owner != unit.id:
                    self.clashes.append((name, owner, unit.id))

    def resolve(self, ref: str) -> str | None:
        if ref in self.units:
            return ref
        return self._names.get(fold(ref))

    def suggest(self, ref: str) -> str | None:
        close = difflib.get_close_matches(fold(ref), list(self._names), n=1, cutoff=0.6)
        return self._names[close[0]] if close else None

    def unknown(self, ref: str) -> str:
        """The message for a reference that resolves to no unit."""
        hint = self.suggest(ref)
        message = f"không có đơn vị '{ref}' trong units.yaml"
        return f"{message} (có phải ý bạn là '{hint}'?)" if hint else message

    def member_ids(self, unit_id: str) -> list[str]:
        """The ids of a group's direct members that resolve (each once, in the order written)."""
        found: list[str] = []
        for member in self.units[unit_id].members:
            member_id = self.resolve(member)
            if member_id is not None and member_id not in found:
                found.append(member_id)
        return found

    def expand(self, unit_id: str) -> list[str]:
        """A group unit's members, through nested groups; a plain unit itself.

        Each unit is visited once, so a group that contains itself (the rule
        ``unit-group-cycle`` reports it) ends the walk instead of recursing, and
        no nesting is too deep: the walk keeps its own stack.
        """
        if not self.units[unit_id].members:
            return [unit_id]
        found: list[str] = []
        seen = {unit_id}
        stack = [iter(self.member_ids(unit_id))]
        while stack:
            member_id = next(stack[-1], None)
            if member_id is None:
                stack.pop()
            elif member_id not in seen:
                seen.add(member_id)
                if self.units[member_id].members:
                    stack.append(iter(self.member_ids(member_id)))
                else:
                    found.append(member_id)
        return found


@dataclass
class Plan:
    root: Path
    meta: PlanMeta
    units: UnitIndex
    indicators: list[Indicator]
    groups: list[TaskGroup]
    data: dict[int, YearData] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    @property
    def tasks(self) -> list[Task]:
        return [task for group in self.groups for task in group.tasks]

    @property
    def synthetic(self) -> bool:
        return self.meta.synthetic or any(d.synthetic for d in self.data.values())

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def task(self, task_id: str) -> Task | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def unit_ids(self, refs: list[str]) -> list[str]:
        """Resolved ids of ``refs`` (the loader has checked they all resolve)."""
        return [uid for ref in refs if (uid := self.units.resolve(ref))]

    def unit_name(self, ref: str) -> str:
        uid = self.units.resolve(ref)
        return self.units.units[uid].name if uid else ref

    def unit_names(self, refs: list[str]) -> list[str]:
        return [self.unit_name(ref) for ref in refs]

    def first_year(self) -> int:
        return self.meta.period.start - self.meta.period.baseline_years

    # What a command line names must be in the plan: otherwise a usage error (exit 2), whichever command.

    def require_unit(self, ref: str) -> str:
        """The id of unit ``ref`` (id or any of its names); ``UsageError`` listing the ids otherwise."""
        uid = self.units.resolve(ref)
        if uid is None:
            raise UsageError(f"{self.units.unknown(ref)}; các mã hợp lệ: {', '.join(sorted(self.units.units))}")
        return uid

    def require_indicator(self, indicator_id: str) -> Indicator:
        """Indicator ``indicator_id``; ``UsageError`` listing the ids otherwise."""
        indicator = self.indicator(indicator_id)
        if indicator is None:
            known = ", ".join(i.id for i in self.indicators)
            raise UsageError(f"không có chỉ tiêu '{indicator_id}' (các mã: {known})")
        return indicator

    def require_task(self, task_id: str) -> Task:
        """Task ``task_id``; ``UsageError`` listing the ids otherwise."""
        task = self.task(task_id)
        if task is None:
            known = ", ".join(t.id for t in self.tasks)
            raise UsageError(f"không có nhiệm vụ '{task_id}' (các mã: {known})")
        return task

    def require_year(self, year: int, *, baseline: bool = True) -> None:
        """Refuse a year outside the plan period (or, with ``baseline``, before its baseline years)."""
        period = self.meta.period
        first = self.first_year() if baseline else period.start
        if not first <= year <= period.end:
            scope = "thời kỳ kế hoạch và các năm số liệu gốc" if baseline else "thời kỳ kế hoạch"
            raise UsageError(f"năm {year} nằm ngoài {scope} ({first}–{period.end})")

    def covers(self, refs: list[str], unit_id: str) -> bool:
        """Whether ``refs`` name ``unit_id``, directly or as a member of a group among them."""
        return any(unit_id == uid or unit_id in self.units.expand(uid) for uid in self.unit_ids(refs))

    def active_units(self, refs: list[str], on: date) -> list[str]:
        """Units (groups expanded) named by ``refs`` that exist on ``on``."""
        found: list[str] = []
        for uid in self.unit_ids(refs):
            for member in self.units.expand(uid):
                if member not in found and self.units.units[member].active_on(on):
                    found.append(member)
        return found
