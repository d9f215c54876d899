"""The department's narrative against the report's own verdicts (``kh68.reading.narrative`` reads the words).

``contradictions`` is what ``kh68 report`` warns of as it writes a report;
``report_verdicts`` is the ``Judge`` that ``kh68 check`` gives the rule
``report-verdict-contradicts``, so that both compare the words with the same verdicts:
the report's (``indicator_table.verdict``: against a target the plan set, none otherwise).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kh68.kinds.periods import Period
from kh68.outputs.indicator_table import value_text, verdict
from kh68.outputs.status_view import StatusView
from kh68.reading.models import YearData, YearReport
from kh68.reading.narrative import Judged, claims, contradiction
from kh68.reading.plan import Plan
from kh68.tracking.engine import PlanResult, evaluate_plan


def _judged(results: PlanResult) -> dict[str, Judged]:
    return {r.indicator.id: Judged(verdict(r), value_text(r) if r.has_data else "") for r in results}


def where(loc: tuple[str | int, ...]) -> str:
    """``report › assessment › shortcomings, ý 1`` (an item of a list counted from 1)."""
    keys = [str(k) for k in loc if not isinstance(k, int)]
    items = [k for k in loc if isinstance(k, int)]
    return " › ".join(keys) + (f", ý {items[-1] + 1}" if items else "")


def report_verdicts(plan: Plan, files: Mapping[Period, YearData], year: int) -> dict[str, Judged]:
    """The report's verdict on each indicator in ``year``, from ``files`` (the data files being checked)."""
    seen = replace(plan)
    seen.keep(dict(files))
    return _judged(evaluate_plan(seen, year))


def contradictions(view: StatusView, text: YearReport | None) -> tuple[str, ...]:
    """Where the narrative ``text`` of the view's year says of an indicator what its figures do not."""
    if text is None:
        return ()
    verdicts = _judged(view.results)
    out = []
    for claim in claims(view.plan.indicators, text, view.year):
        judged = verdicts.get(claim.indicator)
        message = contradiction(claim, judged, view.year) if judged is not None else None
        if message:
            out.append(f"{message} ({where(claim.loc)})")
    return tuple(out)
