"""report-verdict-contradicts: the narrative of a year's report, due by the day checked, agrees with its figures.

Where the department's words (``report:`` of ``data/<year>.yaml``: summaries of task
groups, strengths, shortcomings, causes) name an indicator — by id or by name — and
say it exceeded, met or missed the year's target, the report's own verdict must say the
same; a target the plan does not set for the year cannot be exceeded or missed
(``kh68.reading.narrative``). Judged from the report's deadline on (``kh68 check
--today``), as ``report-text-missing`` is; ``kh68 report`` says the same when it writes
the report. The verdicts come from the report itself (``Context.judge``, which ``kh68
check`` gives): without it, or without ``--today``, the rule stays silent.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kh68.core.errors import Severity
from kh68.domain.deadlines import report_due
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.today is None or ctx.judge is None or not ctx.whole_plan:
        return
    plan = ctx.plan
    for file in ctx.data_files:
        year = file.data.year
        report = file.data.report
        if report is None or file.data.period is not None or year < plan.meta.period.start:
            continue
        due = report_due(plan, year)
        if ctx.today < due if due is not None else ctx.today <= date(year, 12, 31):  # no day: once the year ends
            continue
        from kh68.reading.narrative import claims, contradiction  # only a report due by today is read

        found = claims(plan.indicators, report, year)
        if not found:
            continue
        verdicts = ctx.judge(plan, {f.data.cadence: f.data for f in ctx.data_files}, year)
        for claim in found:
            judged = verdicts.get(claim.indicator)
            message = contradiction(claim, judged, year) if judged is not None else None
            if message:
                yield Finding(file.doc, claim.loc, message)


RULE = Rule(
    "report-verdict-contradicts",
    Severity.WARNING,
    "lời văn của báo cáo năm đã đến hạn (theo --today) nói về kết quả một chỉ tiêu (vượt, đạt, chưa đạt chỉ tiêu) "
    "đúng như số liệu của báo cáo",
    "lời văn nói chỉ tiêu 1.3 'chưa đạt chỉ tiêu', nhưng số liệu năm 2025 là vượt chỉ tiêu (kết quả 95,4%)",
    check,
    adjustable=True,
)
