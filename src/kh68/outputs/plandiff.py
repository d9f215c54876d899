"""What a change does to the plan: a pure comparison of two loaded plans.

``compare`` takes the two sides (each a loaded ``Plan`` or the problems that
kept it from loading) and lists, for reviewers: targets changed (old → new
text and meaning), indicators, tasks and units added or removed, responsible
units changed, values and task progress recorded or changed per year, and the
status changes they cause. ``to_text``, ``to_markdown`` and ``to_json``
render the result; git access lives in ``kh68.repo.gitplan``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kh68 import vocab
from kh68.errors import Problem, Severity
from kh68.reading.models import Indicator
from kh68.reading.plan import Plan
from kh68.reading.targets import TargetSpec, TaskState
from kh68.tracking.engine import Status, evaluate, observed_value
from kh68.vnformat import format_value
from kh68.vocab import target_meaning

NONE_LABEL = "(chưa có)"
GONE_LABEL = "(không còn)"
NO_CHANGE = "Không có thay đổi về mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị hay số liệu."


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

    def reason(self) -> str:
        if self.missing:
            return f"{self.label}: {self.missing}"
        errors = sum(p.severity is Severity.ERROR for p in self.problems)
        return f"kế hoạch ở {self.label} không hợp lệ ({errors} lỗi)"


@dataclass(frozen=True)
class TargetText:
    text: str
    meaning: str
    spec: TargetSpec


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
    return TargetText(target.text, target_meaning(target.spec, ind.unit, ind.direction), target.spec)


def _reading(plan: Plan, ind: Indicator, year: int) -> Reading | None:
    data = plan.data.get(year)
    m = data.indicators.get(ind.id) if data else None
    if m is None:
        return None
    value = observed_value(m, ind)
    parts = [format_value(value, ind.unit)] if value is not None else []
    if m.state is not None:
        parts.append(vocab.task_state_label(m.state))
    if not parts:
        return None
    return Reading(None if value is None else round(value, 6), m.state, ", ".join(parts))


# ------------------------------------------------------------------ compare


def compare(old: Side, new: Side) -> PlanDiff:
    result = PlanDiff(old, new)
    if not result.comparable:
        return result
    a, b = old.plan, new.plan
    assert a is not None
    assert b is not None
    _indicators(result, a, b)
    _tasks(result, a, b)
    _units(result, a, b)
    _values(result, a, b)
    _progress(result, a, b)
    _statuses(result, a, b)
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
        for attr, what in (
            ("name", "tên"),
            ("unit", "đơn vị tính"),
            ("direction", "chiều tốt"),
            ("basis", "cách tính"),
        ):
            if getattr(before, attr) != getattr(ind, attr):
                result.edits.append(Edit(ind.id, what, getattr(before, attr), getattr(ind, attr)))


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


def _values(result: PlanDiff, a: Plan, b: Plan) -> None:
    for year in _years(a, b):
        ids = [i.id for i in b.indicators] + [i.id for i in a.indicators if b.indicator(i.id) is None]
        for ind_id in ids:
            was_ind, now_ind = a.indicator(ind_id), b.indicator(ind_id)
            was = _reading(a, was_ind, year) if was_ind else None
            now = _reading(b, now_ind, year) if now_ind else None
            if (was and (was.value, was.state)) != (now and (now.value, now.state)):
                result.values.append(ValueChange(ind_id, year, was, now))


def _states(plan: Plan, year: int) -> dict[tuple[str, str], TaskState]:
    """Task states of ``year`` by (task id, unit id)."""
    data = plan.data.get(year)
    if data is None:
        return {}
    return {
        (task_id, plan.units.resolve(ref) or ref): p.state
        for task_id, by_unit in data.tasks.items()
        for ref, p in by_unit.items()
    }


def _progress(result: PlanDiff, a: Plan, b: Plan) -> None:
    for year in _years(a, b):
        old, new = _states(a, year), _states(b, year)
        order = {t.id: i for i, t in enumerate(b.tasks + a.tasks)}
        for key in sorted(set(old) | set(new), key=lambda k: (order.get(k[0], len(order)), k[0], k[1])):
            if old.get(key) != new.get(key):
                name = (b if key[1] in b.units.units else a).unit_name(key[1])
                result.progress.append(ProgressChange(key[0], year, key[1], name, old.get(key), new.get(key)))


_QUIET = (Status.NO_DATA, Status.NO_TARGET)


def _statuses(result: PlanDiff, a: Plan, b: Plan) -> None:
    for year in _years(a, b):
        for ind in b.indicators:
            before = a.indicator(ind.id)
            now = evaluate(ind, year, b.data, b.meta.progress_thresholds).status
            was = evaluate(before, year, a.data, a.meta.progress_thresholds).status if before else None
            if was == now or (was is None and now in _QUIET):
                continue
            result.statuses.append(StatusChange(ind.id, year, was, now))


# ------------------------------------------------------------------ render


def _status_label(status: Status | None) -> str:
    return status.label if status else "(chỉ tiêu mới)"


def _state_label(state: TaskState | None, missing: str) -> str:
    return vocab.task_state_label(state) if state else missing


def _target_label(t: TargetText | None, missing: str) -> tuple[str, str]:
    return (f'"{t.text}"', t.meaning) if t else (missing, missing)


def sections(diff: PlanDiff) -> list[tuple[str, list[str]]]:
    """The diff as titled groups of one-line Vietnamese statements."""
    out: list[tuple[str, list[str]]] = []

    def add(title: str, lines: list[str]) -> None:
        if lines:
            out.append((title, lines))

    lines = []
    for c in diff.targets:
        old_text, old_meaning = _target_label(c.old, NONE_LABEL)
        new_text, new_meaning = _target_label(c.new, GONE_LABEL)
        lines.append(f"{c.indicator} năm {c.year}: {old_text} → {new_text} ({old_meaning} → {new_meaning})")
    add("Mục tiêu thay đổi", lines)
    add("Chỉ tiêu thêm mới", [f"{i.id} {i.name}" for i in diff.indicators_added])
    add("Chỉ tiêu bị xóa", [f"{i.id} {i.name}" for i in diff.indicators_removed])
    add("Nhiệm vụ thêm mới", [f"{i.id} {i.name}" for i in diff.tasks_added])
    add("Nhiệm vụ bị xóa", [f"{i.id} {i.name}" for i in diff.tasks_removed])
    add("Đơn vị thêm mới", [f"{i.id}: {i.name}" for i in diff.units_added])
    add("Đơn vị bị xóa", [f"{i.id}: {i.name}" for i in diff.units_removed])
    add(
        "Đơn vị thực hiện thay đổi",
        [
            f"{c.item} ({c.role}): {', '.join(c.old_names) or NONE_LABEL} → {', '.join(c.new_names) or GONE_LABEL}"
            for c in diff.responsibility
        ],
    )
    add("Sửa đổi khác", [f'{e.item} — {e.what}: "{e.old}" → "{e.new}"' for e in diff.edits])
    add(
        "Số liệu ghi mới hoặc thay đổi",
        [
            f"{c.indicator} năm {c.year}: {c.old.shown if c.old else NONE_LABEL} → {c.new.shown if c.new else GONE_LABEL}"
            for c in diff.values
        ],
    )
    add(
        "Tiến độ nhiệm vụ",
        [
            f"{c.task} năm {c.year}, {c.unit_name}: {_state_label(c.old, NONE_LABEL)} → {_state_label(c.new, GONE_LABEL)}"
            for c in diff.progress
        ],
    )
    add(
        "Tình trạng thay đổi",
        [
            f"{c.indicator} năm {c.year}: {_status_label(c.old)} → {c.new.label if c.new else GONE_LABEL}"
            for c in diff.statuses
        ],
    )
    return out


def _heading(diff: PlanDiff) -> str:
    return f"Thay đổi kế hoạch: {diff.old.label} → {diff.new.label}"


def _not_comparable(diff: PlanDiff) -> tuple[list[str], list[str]]:
    reasons, problems = [], []
    for side in (diff.old, diff.new):
        if not side.valid:
            reasons.append(side.reason())
            problems += [p.parsable() for p in side.problems if p.severity is Severity.ERROR]
    return reasons, problems


SYNTHETIC_NOTE = "Kế hoạch có số liệu minh họa (không có thật)."


def to_text(diff: PlanDiff) -> str:
    lines = [_heading(diff)]
    if not diff.comparable:
        reasons, problems = _not_comparable(diff)
        lines += [f"Không so sánh được: {r}." for r in reasons] + [f"  {p}" for p in problems]
        return "\n".join(lines)
    if diff.synthetic:
        lines.append(SYNTHETIC_NOTE)
    if diff.empty:
        lines.append(NO_CHANGE)
    for title, items in sections(diff):
        lines.append(f"{title}:")
        lines += [f"  {item}" for item in items]
    return "\n".join(lines)


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<|"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def to_markdown(diff: PlanDiff) -> str:
    """A block for a pull-request comment or a GitHub job summary."""
    lines = [f"### {_md(_heading(diff))}", ""]
    if not diff.comparable:
        reasons, problems = _not_comparable(diff)
        lines += [f"**Không so sánh được:** {_md(r)}." for r in reasons]
        if problems:
            lines += ["", "```", *problems, "```"]
        return "\n".join(lines)
    if diff.synthetic:
        lines += [f"> {_md(SYNTHETIC_NOTE)}", ""]
    if diff.empty:
        lines.append(_md(NO_CHANGE))
    for title, items in sections(diff):
        lines += [f"**{_md(title)}**", ""] + [f"- {_md(item)}" for item in items] + [""]
    return "\n".join(lines).rstrip("\n")


def _spec(t: TargetText | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"text": t.text, "meaning": t.meaning, "kind": t.spec.kind.value, "min": t.spec.min, "max": t.spec.max}


def _reading_dict(r: Reading | None) -> dict[str, Any] | None:
    return None if r is None else {"value": r.value, "state": r.state.value if r.state else None, "shown": r.shown}


def _side(side: Side) -> dict[str, Any]:
    return {
        "label": side.label,
        "revision": side.revision,
        "valid": side.valid,
        "missing": side.missing,
        "problems": [p.parsable() for p in side.problems if p.severity is Severity.ERROR],
    }


def to_dict(diff: PlanDiff) -> dict[str, Any]:
    def items(rows: list[Item]) -> list[dict[str, str]]:
        return [{"id": i.id, "name": i.name} for i in rows]

    return {
        "from": _side(diff.old),
        "to": _side(diff.new),
        "comparable": diff.comparable,
        "synthetic": diff.synthetic,
        "targets": [
            {"indicator": c.indicator, "name": c.name, "year": c.year, "old": _spec(c.old), "new": _spec(c.new)}
            for c in diff.targets
        ],
        "indicators_added": items(diff.indicators_added),
        "indicators_removed": items(diff.indicators_removed),
        "tasks_added": items(diff.tasks_added),
        "tasks_removed": items(diff.tasks_removed),
        "units_added": items(diff.units_added),
        "units_removed": items(diff.units_removed),
        "responsibility": [{"item": c.item, "role": c.role, "old": c.old, "new": c.new} for c in diff.responsibility],
        "edits": [{"item": e.item, "field": e.what, "old": e.old, "new": e.new} for e in diff.edits],
        "values": [
            {"indicator": c.indicator, "year": c.year, "old": _reading_dict(c.old), "new": _reading_dict(c.new)}
            for c in diff.values
        ],
        "progress": [
            {
                "task": c.task,
                "year": c.year,
                "unit": c.unit,
                "old": c.old.value if c.old else None,
                "new": c.new.value if c.new else None,
            }
            for c in diff.progress
        ],
        "statuses": [
            {
                "indicator": c.indicator,
                "year": c.year,
                "old": c.old.value if c.old else None,
                "new": c.new.value if c.new else None,
                "old_label": c.old.label if c.old else None,
                "new_label": c.new.label if c.new else None,
            }
            for c in diff.statuses
        ],
    }


def to_json(diff: PlanDiff) -> str:
    return json.dumps(to_dict(diff), ensure_ascii=False, indent=2)
