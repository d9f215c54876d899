"""The loaded plan: its parts, unit look-up and where each fact was written."""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from kh68.core.errors import NotInPlan
from kh68.core.safetext import excerpt, listing
from kh68.core.vnformat import format_date
from kh68.kinds.periods import Period, Rhythm
from kh68.kinds.phrases import fold
from kh68.reading.enums import DutyKind, UnitKind
from kh68.reading.models import (
    Duty,
    FormReceipt,
    Home,
    Indicator,
    Measurement,
    PlanMeta,
    Progress,
    Successor,
    Task,
    TaskGroup,
    TaskTarget,
    Unit,
    UnitValue,
    YearData,
)
from kh68.reading.source import Document, Key

SUGGESTED_LENGTH = 200  # a reference longer than this gets no "did you mean"


def known_ids(what: str, items: Iterable[Indicator] | Iterable[Task]) -> str:
    """``các mã: 1.1, 1.2, …`` of ``items``; ``kế hoạch chưa có chỉ tiêu nào`` when there is none."""
    known = listing(item.id for item in items)
    return f"các mã: {known}" if known else f"kế hoạch chưa có {what} nào"


@dataclass(frozen=True)
class Current:
    """A unit acting on a day for a unit named in the plan: itself, or a successor.

    ``named`` is the unit the plan names; ``since`` the day the last handover on
    the way took effect (``None`` when the unit acts in its own right).
    """

    unit_id: str
    named: str
    since: date | None = None

    @property
    def inherited(self) -> bool:
        return self.since is not None


class UnitIndex:
    """Resolve a unit by id or any name the document uses, however dashed or spaced."""

    def __init__(self, units: list[Unit]):
        self.units = {u.id: u for u in units}
        self._names: dict[str, str] = {}
        self.clashes: list[tuple[str, str, str]] = []
        self._members: dict[str, list[str]] = {}
        # The walks asked so far: every indicator of a year names the same reporters on the same day.
        self._walked: dict[tuple[tuple[str, ...], date, str | None, bool], tuple[Current, ...]] = {}
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
        if len(ref) > SUGGESTED_LENGTH:  # no unit is called that; comparing it with every name would take minutes
            return None
        close = difflib.get_close_matches(fold(ref), list(self._names), n=1, cutoff=0.6)
        return self._names[close[0]] if close else None

    def unknown(self, ref: str) -> str:
        """The message for a reference that resolves to no unit."""
        hint = self.suggest(ref)
        message = f"không có đơn vị {excerpt(ref)} trong units.yaml"
        return f"{message} (có phải ý bạn là '{hint}'?)" if hint else message

    def member_ids(self, unit_id: str) -> list[str]:
        """The ids of a group's direct members that resolve (each once, in the order written)."""
        found = self._members.get(unit_id)
        if found is None:  # worked out once: rules and coverage ask for large groups thousands of times
            resolved = (self.resolve(member) for member in self.units[unit_id].members)
            found = self._members[unit_id] = list(dict.fromkeys(m for m in resolved if m is not None))
        return list(found)

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

    def active_on(self, day: date) -> list[str]:
        """Ids of the plain (non-group) units active on ``day``, in file order."""
        return [uid for uid, unit in self.units.items() if not unit.members and unit.active_on(day)]

    def kind_exists_on(self, kind: UnitKind, day: date) -> bool:
        """Whether any unit of ``kind`` is active on ``day``."""
        return any(unit.kind is kind and unit.active_on(day) for unit in self.units.values())

    def successors_of(self, unit: Unit, function: str | None = None) -> list[str]:
        """Resolved ids of ``unit``'s successors taking over ``function`` (all of them without one)."""
        return [uid for s in unit.successors if _takes_over(s, function) and (uid := self.resolve(s.unit))]

    def current(self, refs: Iterable[str], day: date, function: str | None = None) -> list[Current]:
        """The plain units acting on ``day`` for ``refs``: groups expanded, ceased units replaced by successors.

        Iterative and cycle-safe: a unit met twice (through a cycle of members or of
        successors) is taken once. A unit not yet started on ``day`` stands for nothing.
        """
        return self._walk(refs, day, function, expand_groups=True)

    def acting_for(self, refs: Iterable[str], day: date, function: str | None = None) -> list[Current]:
        """The units acting on ``day`` for ``refs``, groups kept whole: a ceased unit's successors, a
        unit itself while it acts. (``current`` goes on into the members of groups.)"""
        return self._walk(refs, day, function, expand_groups=False)

    def _walk(self, refs: Iterable[str], day: date, function: str | None, *, expand_groups: bool) -> list[Current]:
        key = (tuple(refs), day, function, expand_groups)
        if key not in self._walked:
            self._walked[key] = tuple(self._walk_once(key[0], day, function, expand_groups=expand_groups))
        return list(self._walked[key])

    def _walk_once(self, refs: Iterable[str], day: date, function: str | None, *, expand_groups: bool) -> list[Current]:
        out: list[Current] = []
        seen: set[str] = set()
        queue: deque[Current] = deque(Current(uid, uid) for ref in refs if (uid := self.resolve(ref)))
        while queue:
            item = queue.popleft()
            if item.unit_id in seen:
                continue
            seen.add(item.unit_id)
            unit = self.units[item.unit_id]
            if unit.end is not None and unit.end < day:
                queue.extend(Current(s, item.named, unit.handover) for s in self.successors_of(unit, function))
            elif unit.start is not None and day < unit.start:
                continue
            elif expand_groups and unit.members:
                queue.extend(Current(m, item.named, item.since) for m in self.member_ids(item.unit_id))
            else:
                out.append(item)
        return out

    def current_ids(self, refs: Iterable[str], day: date, function: str | None = None) -> list[str]:
        return [c.unit_id for c in self.current(refs, day, function)]

    def successor_cycle(self, unit_id: str) -> list[str] | None:
        """A chain of successors from ``unit_id`` back to itself, if there is one."""
        for cycle in cycles([unit_id], lambda uid: self.successors_of(self.units[uid])):
            if cycle[0] == unit_id:
                return cycle
        return None

    def inactive_reason(self, unit_id: str, day: date) -> str | None:
        """Why ``unit_id`` does not act on ``day`` ("phong_a đã sáp nhập vào phong_b từ 01/10/2025")."""
        unit = self.units[unit_id]
        if unit.start is not None and day < unit.start:
            return f"{unit_id} bắt đầu hoạt động từ {format_date(unit.start)}"
        if unit.end is None or day <= unit.end:
            return None
        since = format_date(unit.handover) if unit.handover else ""
        successors = unit.successors
        if len(successors) == 1 and successors[0].function is None:
            return f"{unit_id} đã sáp nhập vào {self.resolve(successors[0].unit) or successors[0].unit} từ {since}"
        if not successors:
            return f"{unit_id} đã chấm dứt hoạt động từ {since}"
        parts = [f"{self.resolve(s.unit) or s.unit}" + (f" ({s.function})" if s.function else "") for s in successors]
        return f"{unit_id} đã chấm dứt hoạt động từ {since}; nhiệm vụ chuyển cho {', '.join(parts)}"


def all_indicators(table: list[Indicator], groups: Iterable[TaskGroup]) -> list[Indicator]:
    """The indicator table's rows, then the targets written inside tasks, each knowing where it is written.

    A task's single ``target`` is judged in the year the task is due; a task
    without a due year gives its target no year (the rule task-target-year says so).
    """
    for i, indicator in enumerate(table):
        indicator.place(
            Home("indicators", ("indicators", i), {y: ("indicators", i, "targets", str(y)) for y in indicator.targets})
        )
    found = list(table)
    for g, group in enumerate(groups):
        for t, task in enumerate(group.tasks):
            for k, written in enumerate(task.targets):
                key: Key = ("groups", g, "tasks", t, "targets", k)
                found.append(_task_indicator(task, written, key))
    return found


def unit_shares(indicators: Iterable[Indicator], units: UnitIndex) -> list[Indicator]:
    """Each unit's own part of each indicator (``unit_targets``), keyed by the unit's id, written where its targets are.

    A unit kh68 does not know keeps the name written (the rule unit-unknown says so).
    """
    shares = []
    for indicator in indicators:
        for ref in indicator.unit_targets:
            key: Key = (*indicator.home.key, "unit_targets", ref)
            home = Home("indicators", key, {y: (*key, str(y)) for y in indicator.unit_targets[ref]})
            shares.append(indicator.unit_share(ref, units.resolve(ref) or ref, home))
    return shares


def _task_indicator(task: Task, written: TaskTarget, key: Key) -> Indicator:
    if written.target is not None:
        schedule = task.schedule
        due = schedule.end.year if schedule is not None and schedule.end is not None else None
        targets = {due: written.target} if due is not None else {}
        keys: dict[int, Key] = {due: (*key, "target")} if due is not None else {}
    else:
        targets = dict(written.targets)
        keys = {y: (*key, "targets", str(y)) for y in targets}
    indicator = Indicator.model_validate(
        {
            "id": written.id,
            "name": written.name,
            "unit": written.unit,
            "direction": written.direction,
            "targets": targets,
            "responsible_units": task.lead_units,
            "reporters": written.reporters,
            "notes": written.notes,
        }
    )
    indicator.place(Home("tasks", key, keys, task.id))
    return indicator


def _by(period: Period, cut: Period) -> bool:
    """Whether ``period``'s file is known at the end of ``cut``: the year's own file only at the year's end, or at
    the second half-year's (its report is the year's: "6 tháng (…) và năm (…)", its figures the year's); a
    December's or a fourth quarter's report is the month's or the quarter's."""
    if period.last_day != cut.last_day:
        return period.last_day < cut.last_day
    return cut.is_year or not period.is_year or cut.rhythm is Rhythm.SIX_MONTHLY


def year_view(
    year: int, files: list[tuple[Period, YearData]], resolve: Callable[[str], str | None] = lambda ref: ref
) -> YearData | None:
    """One year's figures and progress from its files: a later period's entry replaces an earlier one.

    The year's own file (``data/2026.yaml``) counts as the last; its report block is the year's.
    A year of one file is that file itself.
    """
    if not files:
        return None
    ordered = [d for _, d in sorted(files, key=lambda f: (f[0].last_day, f[0].is_year))]
    if len(ordered) == 1:
        return ordered[0]
    indicators: dict[str, Measurement] = {}
    tasks: dict[str, dict[str, Progress]] = {}
    forms: dict[str, FormReceipt] = {}
    for data in ordered:
        for indicator_id, measurement in data.indicators.items():
            earlier = indicators.get(indicator_id)
            indicators[indicator_id] = measurement if earlier is None else _later(earlier, measurement, resolve)
        for task_id, entries in data.tasks.items():
            tasks.setdefault(task_id, {}).update(entries)
        forms.update(data.forms)
    report = next((d.report for d in reversed(ordered) if d.period is None and d.report is not None), None)
    return YearData.model_construct(
        year=year,
        period=None,
        synthetic=any(d.synthetic for d in ordered),
        indicators=indicators,
        tasks=tasks,
        report=report,
        forms=forms,
    )


def _known_until(year: int, files: list[tuple[Period, YearData]]) -> dict[str, Period]:
    """Each indicator whose latest figure among ``files`` comes from a period ending before ``year`` does."""
    end = Period.of_year(year).last_day
    latest: dict[str, Period] = {}
    for period, data in sorted(files, key=lambda f: (f[0].last_day, f[0].is_year)):
        for indicator_id, m in data.indicators.items():
            if m.value is not None or m.by_unit:
                latest[indicator_id] = period
    return {i: p for i, p in latest.items() if p.last_day < end}


def _later(earlier: Measurement, later: Measurement, resolve: Callable[[str], str | None]) -> Measurement:
    """An indicator's entry as known after ``later``: each unit's latest figure kept (unit A in October and unit B
    in November are both in the year's view); the total, state, source and note of the latest period that gives
    them, except that a total written before newer units' figures is no longer the total."""
    newer_units = bool(later.by_unit)
    return Measurement.model_construct(
        value=later.value if later.value is not None or newer_units else earlier.value,
        state=later.state if later.state is not None else earlier.state,
        source=later.source or earlier.source,
        note=later.note or earlier.note,
        by_unit=_units_later(earlier.by_unit, later.by_unit, resolve),
        expected_denominator=later.expected_denominator or earlier.expected_denominator,
    )


def _units_later(
    earlier: dict[str, UnitValue], later: dict[str, UnitValue], resolve: Callable[[str], str | None]
) -> dict[str, UnitValue]:
    """Each unit's latest entry, a unit written by id in one period and by name in another counted once."""
    latest = {resolve(ref) or ref: (ref, entry) for ref, entry in earlier.items()}
    latest.update({resolve(ref) or ref: (ref, entry) for ref, entry in later.items()})
    return dict(latest.values())


def target_defaults(meta: PlanMeta, year: int) -> dict[str, Any]:
    """What the words of a target set for ``year`` leave to the plan: its year, the plan's period, the tolerance
    of "khoảng" (a share)."""
    period = meta.period
    return {
        "year": year,
        "start": period.start,
        "end": period.end,
        "tolerance": meta.judging.approximate_tolerance / 100,
    }


def settle(meta: PlanMeta, indicators: Iterable[Indicator], groups: Iterable[TaskGroup]) -> None:
    """Fill in what the plan's words leave to the plan itself, once, at load.

    A target's year, the plan's period and the tolerance of "khoảng"; an indicator's label (its number when the
    document gives no ids); whether
    "trước ngày X" includes X for a task's timing; from which period a duty's reports are owed.
    """
    judging = meta.judging
    for number, indicator in enumerate(indicators, 1):
        if not meta.indicator_ids_in_document:  # the document numbers its rows, not its ids: reports do the same
            indicator.number_as(str(number))
        for targets in (indicator.targets, *indicator.unit_targets.values()):
            for year, target in targets.items():
                target.settle(**target_defaults(meta, year))
    for group in groups:
        for task in group.tasks:
            if task.timing is not None:
                task.timing.settle(before_day_inclusive=judging.before_day_inclusive)
    for duty in meta.duties:
        if duty.deadline is not None:
            duty.deadline.settle(before_day_inclusive=judging.before_day_inclusive)
        duty.settle(meta.date)


def cycles(starts: Iterable[str], edges: Callable[[str], list[str]]) -> Iterator[list[str]]:
    """Each cycle of the graph ``edges`` reachable from ``starts`` once, as the path ``a, b, …, a``.

    One depth-first walk with its own stack: every node and edge is visited once
    (no recursion and no copied paths, so a chain of 10.000 units is as quick as
    one of ten); an edge back to a node still on the path closes a cycle.
    """
    done: set[str] = set()
    reported: set[frozenset[str]] = set()
    for start in starts:
        if start in done:
            continue
        path = [start]
        on_path = {start: 0}
        stack = [iter(edges(start))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                finished = path.pop()
                del on_path[finished]
                done.add(finished)
            elif nxt in on_path:
                cycle = [*path[on_path[nxt] :], nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield cycle
            elif nxt not in done:
                on_path[nxt] = len(path)
                path.append(nxt)
                stack.append(iter(edges(nxt)))


def chain(ids: list[str], shown: int = 8) -> str:
    """``a → b → c``; a long chain keeps its ends: ``a → b → c → d → … (9.994 đơn vị) → x → y → z → a``."""
    if len(ids) <= shown:
        return " → ".join(ids)
    head, tail = ids[: shown // 2], ids[-(shown // 2) :]
    hidden = f"… ({len(ids) - len(head) - len(tail):,} đơn vị)".replace(",", ".")
    return " → ".join([*head, hidden, *tail])


def _takes_over(successor: Successor, function: str | None) -> bool:
    """A successor with no function takes over everything; otherwise only its own function."""
    return function is None or successor.function is None or fold(successor.function) == fold(function)


@dataclass
class Plan:
    root: Path
    meta: PlanMeta
    units: UnitIndex
    indicators: list[Indicator]
    groups: list[TaskGroup]
    data: dict[int, YearData] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    files: dict[Period, YearData] = field(default_factory=dict)
    """Each data file as written, by the period it holds (a year, or a month, quarter, half-year of it)."""
    shares: list[Indicator] = field(default_factory=list)
    """The part of an indicator given to one unit (``unit_targets``), one per indicator and unit."""
    seen_at: Period | None = None
    """The month, quarter or half-year the plan is seen at the end of (``as_of``); ``None``: each year's end."""
    left_out: dict[str, int] = field(default_factory=dict)
    """By unit id: figures, progress and forms the plan's files hold that were sent after the day it is seen on
    (``as_of``)."""
    known_until: dict[int, dict[str, Period]] = field(default_factory=dict)
    """By year and indicator id: the period a figure of the year's view comes from where it ends before the year
    does (a month's, quarter's or half-year's figure, not yet the year's): judged as under way, never met or missed."""

    def keep(self, files: dict[Period, YearData], until: Period | None = None) -> None:
        """Hold ``files``; ``data`` becomes each year's figures as known at its end (or at ``until``)."""
        self.files = dict(sorted(files.items()))
        for data in self.files.values():
            if not data.keyed:
                data.key_units(self.units.resolve)
        years = sorted({p.year for p in self.files})
        self.data = {}
        self.known_until = {}
        for year in years:
            if until is not None and year > until.year:
                continue
            cut = until if until is not None and year == until.year else Period.of_year(year)
            chosen = [(p, d) for p, d in self.files.items() if p.year == year and _by(p, cut)]
            view = year_view(year, chosen, self.units.resolve)
            if view is not None:
                if not view.keyed:  # a year of several files: its view, keyed like its files
                    view.key_units(self.units.resolve)
                self.data[year] = view
            self.known_until[year] = _known_until(year, chosen)

    def as_of(self, period: Period | None, today: date | None = None) -> Plan:
        """The plan as known at the end of ``period`` (``None``: of each year) and on ``today``: figures and progress
        of the periods up to it, none of a period that begins after ``today`` (nothing of it can have been sent),
        nor any figure or progress a unit sent after ``today`` (``YearData.sent_by``)."""
        seen = replace(self, seen_at=period if period is not None and not period.is_year else None)
        files = (
            self.files
            if today is None
            else {p: d.sent_by(today) for p, d in self.files.items() if p.first_day <= today}
        )
        seen.keep(files, period)
        seen.left_out = {}
        for data in files.values():
            for uid, count in data.left_out.items():
                seen.left_out[uid] = seen.left_out.get(uid, 0) + count
        return seen

    def sent_in_period(self, indicator_id: str, unit_ids: Iterable[str]) -> list[str]:
        """Of ``unit_ids`` with a figure of ``indicator_id`` in the plan's view, those whose figure is of the latest
        report within the period the plan is seen at (``seen_at``): its own, or of the quarter or month that closes
        it, or, seen before it ends, of the latest month it holds (a half-year's report due on 17/5 quotes May's). A
        unit whose latest figure is of an earlier report has not sent this one. All of them at a year's end."""
        ids = list(unit_ids)
        period = self.seen_at
        if period is None:
            return ids
        within = [
            (p, own)
            for p, data in self.files.items()
            if _by(p, period) and p.last_day <= period.last_day and (period.first_day <= p.first_day or p.is_year)
            if (own := data.indicators.get(indicator_id)) is not None
        ]
        latest = max((p.last_day for p, _ in within), default=None)
        mine: dict[str, object] = {}
        for p, own in within:
            if p.last_day == latest:
                mine |= own.by_id
        view = self.data.get(period.year)
        merged = view.indicators.get(indicator_id) if view is not None else None
        entries = merged.by_id if merged is not None else {}
        return [uid for uid in ids if uid in mine and entries.get(uid) is mine[uid]]

    def entry_period(self, year: int, entry: Progress) -> Period | None:
        """The month, quarter or half-year whose file holds ``entry`` (a task's progress in ``year``'s view, of a plan
        that reports within the year): what a summary of the year says it quotes; ``None`` for the year's own file."""
        for period, data in self.files.items():
            mine = period.year == year and not period.is_year
            if mine and any(found is entry for entries in data.tasks.values() for found in entries.values()):
                return period
        return None

    def data_file(self, period: Period) -> str:
        """``data/2026.yaml``, ``data/2026-11.yaml``: the data file of ``period`` as messages and reports name it (the
        plan's ``.yml`` when it has that one and no ``.yaml``, as ``kh68 record`` writes it)."""
        written = f"data/{period.key}.yaml"
        other = f"data/{period.key}.yml"
        return other if other in self.documents and written not in self.documents else written

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

    def duty(self, kind: DutyKind) -> Duty | None:
        """The plan's reporting duty of ``kind`` for a year (units to the coordinator, the department to the
        province): the first that reports yearly, else the first (a plan of quarterly reports only); never one
        that reports only when asked ("khi có yêu cầu")."""
        duties = [d for d in self.meta.duties if d.kind is kind and (d.deadline is None or d.deadline.rule.periodic)]
        return next((d for d in duties if d.rhythm is Rhythm.YEARLY), duties[0] if duties else None)

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
        """The id of unit ``ref`` (id or any of its names); ``NotInPlan`` listing the ids otherwise."""
        uid = self.units.resolve(ref)
        if uid is None:
            raise NotInPlan(f"{self.units.unknown(ref)}; các mã hợp lệ: {listing(sorted(self.units.units))}")
        return uid

    def require_indicator(self, indicator_id: str) -> Indicator:
        """Indicator ``indicator_id``; ``NotInPlan`` listing the ids otherwise."""
        indicator = self.indicator(indicator_id)
        if indicator is None:
            raise NotInPlan(f"không có chỉ tiêu {excerpt(indicator_id)} ({known_ids('chỉ tiêu', self.indicators)})")
        return indicator

    def require_task(self, task_id: str) -> Task:
        """Task ``task_id``; ``NotInPlan`` listing the ids otherwise."""
        task = self.task(task_id)
        if task is None:
            raise NotInPlan(f"không có nhiệm vụ {excerpt(task_id)} ({known_ids('nhiệm vụ', self.tasks)})")
        return task

    def require_year(self, year: int, *, baseline: bool = True) -> None:
        """Refuse a year outside the plan period (or, with ``baseline``, before its baseline years): ``NotInPlan``."""
        period = self.meta.period
        first = self.first_year() if baseline else period.start
        if not first <= year <= period.end:
            scope = "thời kỳ kế hoạch và các năm số liệu gốc" if baseline else "thời kỳ kế hoạch"
            raise NotInPlan(f"năm {year} nằm ngoài {scope} ({first}–{period.end})")

    def covers(self, refs: list[str], unit_id: str, on: date | None = None) -> bool:
        """Whether ``refs`` name ``unit_id``, directly or as a member of a group among them; with ``on``, also when it
        acts for one of them that day (a commune that took over a district office's tasks leads them)."""
        if any(unit_id == uid or unit_id in self.units.expand(uid) for uid in self.unit_ids(refs)):
            return True
        return on is not None and unit_id in self.units.current_ids(refs, on)

    def active_units(self, refs: list[str], on: date) -> list[str]:
        """Units (groups expanded) named by ``refs`` that exist on ``on``, successors in place of ceased ones."""
        return self.units.current_ids(refs, on)

    def reporters_on(self, indicator: Indicator, day: date) -> list[Current] | None:
        """The units expected to report ``indicator``'s figures on ``day`` (a period's reporting day): the plan's
        ``reporters``; else, where a group leads it ("UBND các xã, phường"), the group's members, each its own share
        (each member was asked the province-wide figure, and one commune's became the province's)."""
        own = self._compilers(day)
        if indicator.reporters is None:
            groups = [uid for uid in self.unit_ids(indicator.responsible_units) if self.units.units[uid].members]
            if not groups:
                return None
            return [c for c in self.units.current(groups, day, None) if c.unit_id not in own]
        spec = indicator.reporters
        # A group named as reporters ("các sở, ngành") holds the body the reports go to: no form asks it a share.
        named = (self.units.resolve(ref) for ref in spec.units)
        direct = {uid for uid in named if uid is not None and not self.units.units[uid].members}
        return [c for c in self.units.current(spec.units, day, spec.function) if c.unit_id not in own - direct]

    def _compilers(self, day: date) -> set[str]:
        """The bodies that issue and track the plan, and the last the units' reports go to on ``day`` (one that
        receives them and sends none on: a district office that gets its schools' reports and reports to the Sở
        owes its own): they report in the plan's own report, and no form asks them a share (a group's member, or
        its successor, may be one)."""
        own = {self.units.resolve(ref) for ref in (self.meta.issuing_unit, self.meta.tracker) if ref}
        received: set[str] = set()
        sent: set[str] = set()
        for duty in self.meta.duties:
            if duty.kind is DutyKind.UNIT_REPORT:
                received |= {c.unit_id for c in self.units.current(duty.to_units, day, duty.function)}
                sent |= {c.unit_id for c in self.units.current(duty.from_units, day, duty.function)}
        return {uid for uid in own if uid is not None} | (received - sent)

    def acting_name(self, current: Current) -> str:
        """A unit's name, saying whose duties it carries: "<đơn vị kế thừa> (tiếp nhận nhiệm vụ của … từ <ngày>)"."""
        name = self.unit_name(current.unit_id)
        if not current.inherited or current.since is None:
            return name
        return f"{name} (tiếp nhận nhiệm vụ của {self.unit_name(current.named)} từ {format_date(current.since)})"
