"""The kinds of document ``kh68 report`` makes, one table: which options select each, what it accepts, its builder.

A kind is a unit: its builder lives in its own module (``report_context``: the
department's report to the higher body; ``unit_report``: a unit's report to the
coordinating unit; ``internal_summary``: the coordinating unit's working summary), imported
only when that kind is made, so that the command line starts without them. A new kind is
one module and one row here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kh68.outputs.document import DocumentKind, rewritten

if TYPE_CHECKING:
    from kh68.kinds.periods import Period
    from kh68.outputs.document import StateDocument
    from kh68.reading.plan import Plan


@dataclass(frozen=True)
class Request:
    """What the command line asks for, checked against the plan (the year is one it covers, the unit one it
    names): the plan, the year or period, the day, the unit."""

    plan: Plan
    year: int
    today: date
    dated_on: bool  # a date was given (``--date``); otherwise "ngày … tháng … năm …" for the signer
    period: Period | None = None  # a month, quarter or half-year of ``year``
    unit: str | None = None  # the unit's id, for a unit's report
    duty: str | None = None  # which report on the plan (a ``plan_report`` duty's id), when the plan has several


@dataclass(frozen=True)
class Kind:
    name: str  # how a message names the kind ("--internal là …")
    build: Callable[[Request], StateDocument]
    periods: bool  # whether it can be made for a month, quarter or half-year (``--period``)


def _report(r: Request) -> StateDocument:
    from kh68.outputs.report_context import build_report

    return build_report(r.plan, r.year, r.today, dated_on=r.dated_on, period=r.period, duty_id=r.duty)


def _unit_report(r: Request) -> StateDocument:
    from kh68.outputs.unit_report import build_unit_report

    assert r.unit is not None
    return build_unit_report(r.plan, r.year, r.today, r.unit, dated_on=r.dated_on, period=r.period)


def _internal(r: Request) -> StateDocument:
    from kh68.outputs.internal_summary import build_internal_summary

    return build_internal_summary(r.plan, r.year, r.today, r.period)


KINDS: dict[DocumentKind, Kind] = {
    DocumentKind.REPORT: Kind("báo cáo gửi cấp trên", _report, periods=True),
    DocumentKind.UNIT_REPORT: Kind("--unit là báo cáo của một đơn vị", _unit_report, periods=True),
    DocumentKind.INTERNAL: Kind("--internal là bản tổng hợp", _internal, periods=True),
}


def make(kind: DocumentKind, request: Request) -> StateDocument:
    """The document of ``kind`` for ``request``, with the plan document's typos as it meant them (``typos`` of
    plan.yaml: the plan's files keep the words as written, a document the department signs does not repeat them)."""
    document = KINDS[kind].build(request)
    typos = [t for t in request.plan.meta.typos if t.fixed_in_reports]
    if not typos:
        return document
    meant = {t.written: t.meant for t in typos}
    # one pass, the longest first: a correction is never corrected again by a later typo
    words = "|".join(re.escape(w) for w in sorted(meant, key=len, reverse=True))
    typo = re.compile(rf"(?<!\w)(?:{words})(?!\w)")

    def as_meant(text: str) -> str:
        return typo.sub(lambda found: meant[found[0]], text)

    corrected: StateDocument = rewritten(document, as_meant)
    return corrected
