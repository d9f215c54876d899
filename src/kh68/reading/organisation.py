"""Checks of the organisation through time: who existed, who succeeded whom, who reports what.

Each check yields ``Found`` values (where, what); the rules of ``kh68.reading.rules``
wrap them with their ids and severities:

* ``unit-inactive``: a figure or progress from a unit not active in the period it
  describes (the year's reporting day, or the entry's own date);
* ``successor-unknown``: a successor that is not a unit (or the unit itself);
* ``successor-cycle``: a chain of successors that comes back to its start;
* ``reporter-not-applicable``: a unit expected to report an indicator it has no
  part in (an organisation outside the department's authority, a unit of another
  kind than the one the indicator counts over, a figure from a unit not expected
  that year);
* ``coverage-empty-group``: reporters that resolve to no unit in a year of the period;
* ``break-outside-period``: a series break dated outside the plan period;
* ``coverage-provisional``: an aggregated value that not every expected unit reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from kh68.reading.models import Indicator, SeriesBreak, YearData
from kh68.reading.plan import Plan
from kh68.reading.source import Document, Key
from kh68.vnformat import format_date
from kh68.vocab import UNIT_KIND_LABELS


@dataclass(frozen=True)
class Found:
    doc: Document
    loc: Key
    message: str
    key: bool = False


# ------------------------------------------------------------------ data files


def inactive_entries(plan: Plan, doc: Document, data: YearData) -> Iterator[Found]:
    """Figures and progress from units that did not exist (yet, or any more) in the period described."""
    due = plan.report_day(data.year)
    period = f"số liệu năm {data.year} (hạn báo cáo {format_date(due)})"
    for ind_id, m in data.indicators.items():
        for ref in m.by_unit:
            if reason := _inactive(plan, ref, due):
                yield Found(doc, ("indicators", ind_id, "by_unit", ref), f"{period}: {reason}", key=True)
        if m.source and m.source.unit:
            day = m.source.date or due
            if reason := _inactive(plan, m.source.unit, day):
                yield Found(doc, ("indicators", ind_id, "source", "unit"), f"{_when(day, due, period)}: {reason}")
    for task_id, by_unit in data.tasks.items():
        for ref, progress in by_unit.items():
            day = progress.date or due
            if reason := _inactive(plan, ref, day):
                where = f"tiến độ ngày {format_date(day)}" if progress.date else f"tiến độ năm {data.year}"
                yield Found(doc, ("tasks", task_id, ref), f"{where}: {reason}", key=True)


def _when(day: date, due: date, period: str) -> str:
    return period if day == due else f"số liệu ngày {format_date(day)}"


def _inactive(plan: Plan, ref: str, day: date) -> str | None:
    uid = plan.units.resolve(ref)
    return plan.units.inactive_reason(uid, day) if uid else None


def unexpected_reporters(plan: Plan, doc: Document, data: YearData) -> Iterator[Found]:
    """A figure by unit from a unit active that year but not among the indicator's expected reporters."""
    for ind_id, m in data.indicators.items():
        indicator = plan.indicator(ind_id)
        expected = plan.reporters_of(indicator, data.year) if indicator else None
        if expected is None:
            continue
        ids = {c.unit_id for c in expected}
        due = plan.report_day(data.year)
        for ref in m.by_unit:
            uid = plan.units.resolve(ref)
            if uid is None or uid in ids or plan.units.inactive_reason(uid, due):
                continue
            yield Found(
                doc,
                ("indicators", ind_id, "by_unit", ref),
                f"{uid} không thuộc các đơn vị báo cáo chỉ tiêu {ind_id} năm {data.year} ({_list(sorted(ids))})",
                key=True,
            )


def provisional_values(plan: Plan, doc: Document, data: YearData) -> Iterator[Found]:
    """Aggregated values that not every expected unit reported (provisional)."""
    for ind_id, m in data.indicators.items():
        indicator = plan.indicator(ind_id)
        if indicator is None or m.value is not None or not m.by_unit:
            continue
        expected = plan.reporters_of(indicator, data.year)
        if expected is None or unit_of_count_gone_on(plan, indicator, data.year):
            continue
        reported = {plan.units.resolve(ref) for ref in m.by_unit}
        missing = [c.unit_id for c in expected if c.unit_id not in reported]
        if missing:
            done = len(expected) - len(missing)
            yield Found(
                doc,
                ("indicators", ind_id),
                f"chỉ tiêu {ind_id} năm {data.year}: giá trị tạm tính, {done}/{len(expected)} đơn vị đã báo cáo "
                f"(chưa báo cáo: {_list(missing)})",
                key=True,
            )


def unit_of_count_gone_on(plan: Plan, indicator: Indicator, year: int) -> bool:
    kind = indicator.counted_over
    return kind is not None and not plan.units.kind_exists_on(kind, plan.report_day(year))


def _list(ids: list[str], limit: int = 5) -> str:
    shown = ", ".join(ids[:limit])
    return f"{shown} và {len(ids) - limit} đơn vị khác" if len(ids) > limit else shown


# ------------------------------------------------------------------ plan files


def unknown_successors(plan: Plan, doc: Document, where: dict[str, int]) -> Iterator[Found]:
    for unit in plan.units.units.values():
        raw = _raw_unit(doc, where[unit.id])
        for j, successor in enumerate(unit.successors):
            uid = plan.units.resolve(successor.unit)
            loc = _successor_loc(raw, where[unit.id], j)
            if uid is None:
                yield Found(doc, loc, f"đơn vị kế thừa: {plan.units.unknown(successor.unit)}")
            elif uid == unit.id:
                yield Found(doc, loc, f"đơn vị {unit.id} không thể là đơn vị kế thừa của chính nó")


def successor_cycles(plan: Plan, doc: Document, where: dict[str, int]) -> Iterator[Found]:
    reported: set[str] = set()
    for unit in plan.units.units.values():
        if unit.id in reported:
            continue
        cycle = plan.units.successor_cycle(unit.id)
        if cycle and len(cycle) > 2:
            reported.update(cycle)
            yield Found(
                doc,
                ("units", where[unit.id], "successors"),
                f"chuỗi đơn vị kế thừa có vòng lặp: {' → '.join(cycle)}",
            )


def _raw_unit(doc: Document, index: int) -> dict[str, Any] | None:
    entry = doc.data["units"][index]
    return entry if isinstance(entry, dict) else None


def _successor_loc(raw: dict[str, Any] | None, index: int, j: int) -> Key:
    items = raw.get("successors") if raw else None
    item = items[j] if isinstance(items, list) and j < len(items) else None
    return ("units", index, "successors", j, *(("unit",) if isinstance(item, dict) else ()))


def inapplicable_reporters(plan: Plan, doc: Document) -> Iterator[Found]:
    """Declared reporters that cannot report the indicator: outside the department's authority, or of
    another kind than the one it counts over."""
    for i, indicator in enumerate(plan.indicators):
        if indicator.reporters is None:
            continue
        raw = doc.data["indicators"][i].get("reporters")
        base: Key = ("indicators", i, "reporters", *(() if isinstance(raw, list) else ("units",)))
        for j, ref in enumerate(indicator.reporters.units):
            uid = plan.units.resolve(ref)
            if uid is None:
                continue
            for member in plan.units.expand(uid):
                unit = plan.units.units[member]
                why = None
                if unit.kind is not None and not unit.kind.reports_figures:
                    why = f"{member} là {UNIT_KIND_LABELS[unit.kind]}, không báo cáo số liệu chỉ tiêu"
                elif indicator.counted_over and unit.kind not in (None, indicator.counted_over):
                    why = (
                        f"chỉ tiêu {indicator.id} đếm trên {UNIT_KIND_LABELS[indicator.counted_over]}, "
                        f"còn {member} là {UNIT_KIND_LABELS[unit.kind] if unit.kind else 'đơn vị khác'}"
                    )
                if why:
                    yield Found(doc, (*base, j), why)
                    break


def empty_reporter_groups(plan: Plan, doc: Document) -> Iterator[Found]:
    """Reporters that resolve to no unit in a year of the plan period."""
    period = plan.meta.period
    for i, indicator in enumerate(plan.indicators):
        if indicator.reporters is None:
            continue
        for year in range(period.start, period.end + 1):
            if unit_of_count_gone_on(plan, indicator, year):
                continue
            if not plan.reporters_of(indicator, year):
                yield Found(
                    doc,
                    ("indicators", i, "reporters"),
                    f"nhóm đơn vị báo cáo chỉ tiêu {indicator.id} không có đơn vị nào hoạt động vào "
                    f"{format_date(plan.report_day(year))} (năm {year}): thêm đơn vị kế thừa hoặc thành viên",
                )
                break


def breaks_outside_period(plan: Plan) -> Iterator[Found]:
    period = plan.meta.period
    first, last = date(period.start, 1, 1), date(period.end, 12, 31)

    def outside(doc: Document, loc: Key, b: SeriesBreak) -> Iterator[Found]:
        if not first <= b.date <= last:
            yield Found(
                doc,
                (*loc, "date"),
                f"điểm gãy ngày {format_date(b.date)} nằm ngoài thời kỳ kế hoạch "
                f"({format_date(first)}–{format_date(last)})",
            )

    for i, b in enumerate(plan.meta.breaks):
        yield from outside(plan.documents["plan"], ("breaks", i), b)
    for i, indicator in enumerate(plan.indicators):
        for j, b in enumerate(indicator.breaks):
            yield from outside(plan.documents["indicators"], ("indicators", i, "breaks", j), b)
