"""Small pieces of wording the report, a division's report and the internal summary share."""

from __future__ import annotations

from kh68.core.vnformat import format_date as short_date
from kh68.reading.enums import DutyKind
from kh68.reading.plan import Plan


def lower_first(text: str) -> str:
    """``Đề nghị …`` → ``đề nghị …`` for a list item; an acronym (``UBND …``) is left as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def sentence(text: str) -> str:
    """Unit text as one sentence on one line, ending with a full stop."""
    flat = " ".join(text.split())
    return flat if flat.endswith(".") else flat.rstrip(" ;,") + "."


def short_name(plan: Plan, unit_id: str) -> str:
    """A division's name inside its own department: ``Phòng Tổ chức hành chính`` (without ``Sở GDĐT``)."""
    name = plan.unit_name(unit_id)
    issuer = plan.units.units.get(plan.units.resolve(plan.meta.issuing_unit) or "")
    for own in issuer.short_names if issuer else []:
        if name.endswith(f" {own}") and len(name) > len(own) + 1:
            return name[: -len(own) - 1]
    return name


def coordinator(plan: Plan) -> str | None:
    """The short name of the division the units report to (``Phòng Tổ chức hành chính``), if the plan says."""
    duty = plan.duty(DutyKind.UNIT_REPORT)
    ids = plan.unit_ids(duty.to_units) if duty else []
    return short_name(plan, ids[0]) if ids else None


def plan_reference(plan: Plan) -> str:
    """``Kế hoạch số …/KH-SGDĐT năm 2024 của Sở …`` (with number and date when the plan has them)."""
    meta = plan.meta
    number = meta.number or "…"
    when = f"ngày {short_date(meta.date)}" if meta.date else f"năm {meta.year}"
    return f"{meta.type.capitalize()} số {number}/{meta.symbol} {when} của {plan.unit_name(meta.issuing_unit)}"
