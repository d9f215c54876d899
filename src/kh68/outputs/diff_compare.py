"""What a change does to the plan: a pure comparison of two loaded plans.

``compare`` takes the two sides (each a loaded ``Plan`` or the problems that
kept it from loading) and lists, for reviewers: targets changed (old → new
text and meaning), indicators, tasks and units added or removed, responsible
units changed, values and task progress recorded or changed per year, and the
status changes they cause.  Values and statuses are the engine's
(``evaluate_plan``), words are ``kh68.vocab``'s.  Rendering lives in
``kh68.outputs.diff_render``; git access in ``kh68.repo.gitplan``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kh68 import vocab
from kh68.core.errors import Problem
from kh68.kinds.targets import Style
from kh68.kinds.targets import Target as Meaning
from kh68.kinds.verdict import Status, TaskState
from kh68.reading.models import Indicator
from kh68.reading.plan import Plan
from kh68.tracking.engine import IndicatorResult, PlanResult, evaluate_plan

NONE_LABEL = "(chưa có)"
GONE_LABEL = "(không còn)"


@dataclass(frozen=True)
class Side:
    """One revision of the plan: loaded, or the reason it is not."""

    label: str
    revision: str | None
    plan: Plan | None
    problems: list[Problem] = field(default_factory=list)
    missing: str | None = None

    @property
    def valid(self) -> bool:
        return self.plan is not None


@dataclass(frozen=True)
class TargetText:
    text: str
    meaning: str
    kind: Meaning


@dataclass(frozen=True)
class TargetChange:
    indicator: str
    name: str
    year: int
    old: TargetText | None
    new: TargetText | None


@dataclass(frozen=True)
class Item:
    id: str
    name: str


@dataclass(frozen=True)
class UnitsChange:
    item: str
    role: str
    old: list[str]
    new: list[str]
    old_names: list[str]
    new_names: list[str]


@dataclass(frozen=True)
class Edit:
    item: str
    what: str
    old: str
    new: str


@dataclass(frozen=True)
class Reading:
    value: float | None
    state: TaskState | None
    shown: str


@dataclass(frozen=True)
class ValueChange:
    indicator: str
    year: int
    old: Reading | None
    new: Reading | None


@dataclass(frozen=True)
class ProgressChange:
    task: str
    year: int
    unit: str
    unit_name: str
    old: TaskState | None
    new: TaskState | None


@dataclass(frozen=True)
class StatusChange:
    indicator: str
    year: int
    old: Status | None
    new: Status | None


@dataclass
class PlanDiff:
    old: Side
    new: Side
    targets: list[TargetChange] = field(default_factory=list)
    indicators_added: list[Item] = field(default_factory=list)
    indicators_removed: list[Item] = field(default_factory=list)
    tasks_added: list[Item] = field(default_factory=list)
    tasks_removed: list[Item] = field(default_factory=list)
    units_added: list[Item] = field(default_factory=list)
    units_removed: list[Item] = field(default_factory=list)
    responsibility: list[UnitsChange] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    values: list[ValueChange] = field(default_factory=list)
    progress: list[ProgressChange] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)

    @property
    def comparable(self) -> bool:
        return self.old.valid and self.new.valid

    @property
    def synthetic(self) -> bool:
        return any(s.plan is not None and s.plan.synthetic for s in (self.old, self.new))

    @property
    def empty(self) -> bool:
        return not any(
            getattr(self, name)
            for name in (
                "targets",
                "indicators_added",
                "indicators_removed",
                "tasks_added",
                "tasks_removed",
                "units_added",
                "units_removed",
                "responsibility",
                "edits",
                "values",
                "progress",
                "statuses",
            )
        )


# ------------------------------------------------------------------ meaning


def _target_text(ind: Indicator, year: int) -> TargetText | None:
    target = ind.targets.get(year)
    if target is None:
        return None
    meaning = target.meaning
    return TargetText(target.shown, meaning.words(Style.MEANING, ind.measure, ind.better), meaning)


def _reading(result: IndicatorResult | None) -> Reading | None:
    """A year's recorded value or state, as the engine compares and shows it."""
    if result is None or result.measurement is None or not result.has_data:
        return None
    parts = [result.value_display] if result.value is not None else []
    if result.state is not None:
        parts.append(vocab.task_state_label(result.state))
    value = None if result.value is None else round(result.value, 6)
    return Reading(value, result.state, ", ".join(parts))


class _Verdicts:
    """The engine's results of both plans, evaluated once per year."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._years: dict[int, PlanResult] = {}

    def get(self, indicator_id: str, year: int) -> IndicatorResult | None:
        if year not in self._years:
            self._years[year] = evaluate_plan(self.plan, year)
        return self._years[year].get(indicator_id)


# ------------------------------------------------------------------ compare


def compare(old: Side, new: Side) -> PlanDiff:
    result = PlanDiff(old, new)
    if old.plan is None or new.plan is None:
        return result
    a, b = old.plan, new.plan
    _indicators(result, a, b)
    _tasks(result, a, b)
    _units(result, a, b)
    was, now = _Verdicts(a), _Verdicts(b)
    _values(result, a, b, was, now)
    _progress(result, a, b)
    _statuses(result, a, b, was, now)
    return result


def _responsibility(result: PlanDiff, item: str, role: str, a: Plan, old: list[str], b: Plan, new: list[str]) -> None:
    old_ids, new_ids = a.unit_ids(old), b.unit_ids(new)
    if sorted(set(old_ids)) != sorted(set(new_ids)):
        result.responsibility.append(
            UnitsChange(item, role, old_ids, new_ids, a.unit_names(old_ids), b.unit_names(new_ids))
        )


def _indicators(result: PlanDiff, a: Plan, b: Plan) -> None:
    old = {i.id: i for i in a.indicators}
    new = {i.id: i for i in b.indicators}
    result.indicators_added = [Item(i.id, i.name) for i in b.indicators if i.id not in old]
    result.indicators_removed = [Item(i.id, i.name) for i in a.indicators if i.id not in new]
    for ind in b.indicators:
        before = old.get(ind.id)
        if before is None:
            continue
        for year in sorted(set(before.targets) | set(ind.targets)):
            was, now = _target_text(before, year), _target_text(ind, year)
            if (was and (was.text, was.meaning)) != (now and (now.text, now.meaning)):
                result.targets.append(TargetChange(ind.id, ind.name, year, was, now))
        _responsibility(result, ind.id, "chủ trì", a, before.responsible_units, b, ind.responsible_units)
        for what, old_text, new_text in (
            ("tên", before.name, ind.name),
            ("đơn vị tính", before.unit, ind.unit),
            ("chiều tốt", vocab.DIRECTION_LABELS[before.better], vocab.DIRECTION_LABELS[ind.better]),
            ("cách tính", vocab.BASIS_LABELS[before.basis], vocab.BASIS_LABELS[ind.basis]),
        ):
            if old_text != new_text:
                result.edits.append(Edit(ind.id, what, old_text, new_text))


def _tasks(result: PlanDiff, a: Plan, b: Plan) -> None:
    old = {t.id: t for t in a.tasks}
    new = {t.id: t for t in b.tasks}
    result.tasks_added = [Item(t.id, t.title) for t in b.tasks if t.id not in old]
    result.tasks_removed = [Item(t.id, t.title) for t in a.tasks if t.id not in new]
    for task in b.tasks:
        before = old.get(task.id)
        if before is None:
            continue
        _responsibility(result, task.id, "chủ trì", a, before.lead_units, b, task.lead_units)
        _responsibility(result, task.id, "phối hợp", a, before.coordinating_units, b, task.coordinating_units)
        for attr, what in (("title", "tên"), ("timing", "thời gian thực hiện")):
            was, now = getattr(before, attr), getattr(task, attr)
            if was != now:
                result.edits.append(Edit(task.id, what, was or NONE_LABEL, now or GONE_LABEL))


def _units(result: PlanDiff, a: Plan, b: Plan) -> None:
    old, new = a.units.units, b.units.units
    result.units_added = [Item(u.id, u.name) for uid, u in new.items() if uid not in old]
    result.units_removed = [Item(u.id, u.name) for uid, u in old.items() if uid not in new]


def _years(a: Plan, b: Plan) -> list[int]:
    return sorted(set(a.data) | set(b.data))


def _values(result: PlanDiff, a: Plan, b: Plan, old: _Verdicts, new: _Verdicts) -> None:
    ids = [i.id for i in b.indicators] + [i.id for i in a.indicators if b.indicator(i.id) is None]
    for year in _years(a, b):
        for ind_id in ids:
            was, now = _reading(old.get(ind_id, year)), _reading(new.get(ind_id, year))
            if (was and (was.value, was.state)) != (now and (now.value, now.state)):
                result.values.append(ValueChange(ind_id, year, was, now))


def _states(plan: Plan, year: int) -> dict[tuple[str, str], TaskState]:
    """Task states of ``year`` by (task id, unit id)."""
    data = plan.data.get(year)
    if data is None:
        return {}
    return {(task_id, uid): p.state for task_id, by_unit in data.progress.items() for uid, p in by_unit.items()}


def _progress(result: PlanDiff, a: Plan, b: Plan) -> None:
    for year in _years(a, b):
        old, new = _states(a, year), _states(b, year)
        order = {t.id: i for i, t in enumerate(b.tasks + a.tasks)}
        for key in sorted(set(old) | set(new), key=lambda k: (order.get(k[0], len(order)), k[0], k[1])):
            if old.get(key) != new.get(key):
                name = (b if key[1] in b.units.units else a).unit_name(key[1])
                result.progress.append(ProgressChange(key[0], year, key[1], name, old.get(key), new.get(key)))


_QUIET = (Status.NO_DATA, Status.NO_TARGET)


def _statuses(result: PlanDiff, a: Plan, b: Plan, old: _Verdicts, new: _Verdicts) -> None:
    for year in _years(a, b):
        for ind in b.indicators:
            now_result, was_result = new.get(ind.id, year), old.get(ind.id, year)
            now = now_result.status if now_result else None
            was = was_result.status if was_result else None
            if was == now or (was is None and now in _QUIET):
                continue
            result.statuses.append(StatusChange(ind.id, year, was, now))
