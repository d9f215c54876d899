"""Who gets a form for a year, and what each form asks.

The one place that decides who reports what: the units owing the yearly
report on its deadline day, the indicators they lead (the province-wide
figure) or report their own share of (aggregated), and the tasks they lead
or coordinate.
"""

from __future__ import annotations

from kh68.core.errors import InputError
from kh68.core.vnformat import format_number, format_value
from kh68.entry.forms.layout import FormSpec, IndicatorRow, Scope, TaskRow, plan_id, plan_label
from kh68.reading.enums import Basis, DutyKind
from kh68.reading.models import Indicator, Measurement, UnitValue
from kh68.reading.plan import Plan
from kh68.tracking.coverage import unit_of_count_gone
from kh68.tracking.engine import observed_value, target_in_force
from kh68.tracking.tasks import expected_in, report_day, unit_report_owers
from kh68.vocab import task_state_label


def expected_units(plan: Plan, year: int) -> list[str]:
    """Units expected to send a form for ``year``: those owing the yearly report on its deadline
    (the same expected reporters as ``status`` and the report: successors for ceased units, never
    the coordinating division itself nor the department)."""
    found: list[str] = []
    for duty in plan.meta.duties:
        if duty.kind is DutyKind.UNIT_REPORT:
            found += [c.unit_id for c in unit_report_owers(plan, duty, year) if c.unit_id not in found]
    return found


def inactive_reason(plan: Plan, year: int, unit_id: str) -> str | None:
    """Why ``unit_id`` cannot report for ``year`` (it did not exist on the report day), or ``None``."""
    due = report_day(plan, year)
    return plan.units.inactive_reason(unit_id, due)


def form_for(plan: Plan, year: int, unit_id: str) -> FormSpec:
    """The form of ``unit_id`` for ``year``; ``InputError`` if the unit did not exist then."""
    reason = inactive_reason(plan, year, unit_id)
    if reason:
        raise InputError(f"không lập biểu mẫu năm {year} cho {unit_id}: {reason}")
    recipients = [u for d in plan.meta.duties if d.kind is DutyKind.UNIT_REPORT for u in d.to_units]
    return FormSpec(
        plan_id=plan_id(plan),
        plan_label=plan_label(plan),
        year=year,
        unit_id=unit_id,
        unit_name=plan.unit_name(unit_id),
        deadline=report_day(plan, year),
        recipient=", ".join(plan.unit_names(recipients)) or plan.unit_name(plan.meta.issuing_unit),
        synthetic=plan.synthetic,
        indicators=tuple(_indicator_rows(plan, year, unit_id)),
        tasks=tuple(_task_rows(plan, year, unit_id)),
    )


def _indicator_rows(plan: Plan, year: int, unit_id: str) -> list[IndicatorRow]:
    rows = []
    for indicator in plan.indicators:
        scope = indicator_scope(plan, indicator, year, unit_id)
        if scope is None:
            continue
        target = target_in_force(indicator, year)
        if target is None:
            target_text = "Không có chỉ tiêu năm này"
        else:
            target_text = target.text + (" (nội suy)" if target.derived else "")
        rows.append(
            IndicatorRow(
                indicator_id=indicator.id,
                name=indicator.name,
                unit=indicator.unit,
                target=target_text,
                scope=scope,
                inputs=inputs_for(indicator, scope),
                percent=indicator.unit == "%",
                previous=_previous(plan, indicator, year - 1, unit_id if scope is Scope.UNIT else None),
            )
        )
    return rows


def indicator_scope(plan: Plan, indicator: Indicator, year: int, unit_id: str) -> Scope | None:
    """How ``unit_id`` reports ``indicator`` in ``year``, if at all.

    A unit that leads the indicator sends the province-wide figure; a unit
    that reported its own share (``by_unit``) the year before is asked for its
    share again (never from the year itself, so that importing a form does not
    change what the form should have asked).
    """
    if plan.covers(indicator.responsible_units, unit_id):
        return Scope.PROVINCE
    if unit_of_count_gone(plan, indicator, year):
        return None  # what it counts over no longer exists: nothing to ask
    expected = plan.reporters_of(indicator, year)
    if expected is not None:  # the plan says who reports it by unit that year
        return Scope.UNIT if any(c.unit_id == unit_id for c in expected) else None
    data = plan.data.get(year - 1)
    measurement = data.indicators.get(indicator.id) if data else None
    if measurement and unit_id in _by_unit(plan, measurement):
        return Scope.UNIT
    return None


_RESOLVED: dict[int, tuple[Measurement, dict[str, UnitValue]]] = {}


def _by_unit(plan: Plan, measurement: Measurement) -> dict[str, UnitValue]:
    """A breakdown by unit id, whatever alias each entry was written under (worked out once)."""
    cached = _RESOLVED.get(id(measurement))
    if cached is None or cached[0] is not measurement:
        if len(_RESOLVED) > 10_000:
            _RESOLVED.clear()
        resolved = {plan.units.resolve(ref) or ref: entry for ref, entry in measurement.by_unit.items()}
        cached = _RESOLVED[id(measurement)] = (measurement, resolved)
    return cached[1]


def inputs_for(indicator: Indicator, scope: Scope) -> tuple[str, ...]:
    if scope is Scope.UNIT:
        if indicator.basis is Basis.SHARE_OF_UNITS:
            return ("met",)
        return ("numerator", "denominator") if indicator.unit == "%" else ("value",)
    if indicator.takes_value and indicator.takes_state:
        return ("value", "state")
    return ("state",) if indicator.takes_state else ("value",)


def _previous(plan: Plan, indicator: Indicator, year: int, unit_id: str | None) -> str:
    data = plan.data.get(year)
    measurement = data.indicators.get(indicator.id) if data else None
    if measurement is None:
        return ""
    if unit_id is None:
        value = observed_value(measurement, indicator)
        if value is not None:
            return format_value(value, indicator.unit)
        return task_state_label(measurement.state) if measurement.state else ""
    entry = _by_unit(plan, measurement).get(unit_id)
    return _unit_value_text(entry, indicator.unit) if entry else ""


def _unit_value_text(entry: UnitValue, unit: str) -> str:
    if entry.met is not None:
        return "Đạt" if entry.met else "Chưa đạt"
    if entry.numerator is not None and entry.denominator is not None:
        return f"{format_number(entry.numerator)}/{format_number(entry.denominator)}"
    return format_value(entry.value, unit)


def _task_rows(plan: Plan, year: int, unit_id: str) -> list[TaskRow]:
    rows = []
    due = report_day(plan, year)
    for task in plan.tasks:
        if not expected_in(task, year):
            continue
        if unit_id in plan.units.current_ids(task.lead_units, due):  # itself, or a successor of a lead
            role = "Chủ trì"
        elif unit_id in plan.units.current_ids(task.coordinating_units, due):
            role = "Phối hợp"
        else:
            continue
        rows.append(TaskRow(task.id, task.title, role, task.timing_text or ""))
    return rows
