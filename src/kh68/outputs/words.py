"""Small pieces of wording the report, a unit's report and the internal summary share."""

from __future__ import annotations

from kh68.core.vnformat import format_date as short_date
from kh68.reading.bodies import coordinator_id, short_name
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


def coordinator(plan: Plan, among: str | None = None) -> str | None:
    """The name of the unit the units report to, as ``among`` says it (a fellow division: its short name)."""
    found = coordinator_id(plan)
    return short_name(plan, found, among) if found else None


def plan_reference(plan: Plan, *, short: bool = False) -> str:
    """``Kế hoạch số 188/KH-UBND ngày 02/4/2026 của <cơ quan ban hành>`` (``…`` for a number not yet written;
    ``năm <năm>`` for a date not written); ``short`` leaves out the issuer."""
    meta = plan.meta
    number = meta.number or "…"
    when = f"ngày {short_date(meta.date)}" if meta.date else f"năm {meta.year}"
    reference = f"{meta.type.capitalize()} số {number}/{meta.symbol} {when}"
    return reference if short else f"{reference} của {plan.unit_name(meta.issuing_unit)}"


def plan_about(plan: Plan) -> str:
    """``về <trích yếu>``: the plan's title as a subject line continues it."""
    title = " ".join(plan.meta.title.split()).rstrip(" .;")
    return f"về {lower_first(title)}"
