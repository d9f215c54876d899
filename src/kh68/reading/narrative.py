"""What the department's narrative says of an indicator's result, and whether the figures say the same.

The narrative (``report:`` of ``data/<year>.yaml``: the summaries of task groups, the
strengths, shortcomings and causes) may name an indicator — by its id ("chỉ tiêu
1.5", "(1.5)") or by its name ("tỷ lệ trường đạt chuẩn quốc gia", with or
without its leading "tỷ lệ", "số") — and say how it came out against the year's target:
"vượt chỉ tiêu", "đạt chỉ tiêu", "chưa đạt", "không đạt chỉ tiêu năm 2026". Each such
statement is a ``Claim``. A claim about another year, or about the final target
("mục tiêu đến năm 2030"), is not one. What the figures say comes from the report
(``kh68.outputs``), through ``Judge``: this module only reads words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kh68.kinds.periods import Period
from kh68.kinds.phrases import fold
from kh68.kinds.verdict import Status
from kh68.reading.models import Indicator, YearData, YearReport
from kh68.reading.plan import Plan
from kh68.reading.source import Key


class Said(StrEnum):
    """How the narrative says an indicator came out against the year's target."""

    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"


@dataclass(frozen=True)
class Claim:
    indicator: str  # the indicator's id
    said: Said
    phrase: str  # the words that say it, as found (folded): "chưa đạt chỉ tiêu năm 2026"
    loc: Key  # where in the data file: ("report", "assessment", "shortcomings", 0)


@dataclass(frozen=True)
class Judged:
    """The report's verdict on an indicator in a year, and its value as the report shows it."""

    status: Status  # NO_TARGET where the plan sets no target for the year
    value: str  # "60,2%"; "" without one


Judge = Callable[[Plan, Mapping[Period, YearData], int], Mapping[str, Judged]]
"""The report's verdicts on a year, by indicator id, for a plan and its data files (given to ``kh68 check`` by
the layer that can evaluate a plan: ``kh68.outputs.narrative.report_verdicts``)."""

# The verdict words, in folded text. "đạt 95,4%" says a value, not a verdict: a verdict names the target
# ("chỉ tiêu", "kế hoạch") or, for a shortfall, stands alone ("chưa đạt").
_YEAR = r"(?:\s+(?:của\s+)?năm\s+(?P<year>[0-9]{4}))?"
_VERDICTS = (
    (
        Said.NOT_MET,
        re.compile(r"(?:chưa|không)\s+(?:đạt|hoàn thành)(?:\s+(?P<what>chỉ tiêu|kế hoạch|mục tiêu))?" + _YEAR),
    ),
    (Said.EXCEEDED, re.compile(r"vượt(?:\s+mức)?\s+(?P<what>chỉ tiêu|kế hoạch|mục tiêu)" + _YEAR)),
    (Said.MET, re.compile(r"(?<!chưa )(?<!không )(?:đạt|hoàn thành)\s+(?P<what>chỉ tiêu|kế hoạch|mục tiêu)" + _YEAR)),
)
_GENERIC_LEADS = ("tỷ lệ ", "số ")
_PARTS = (
    ("assessment", "strengths"),
    ("assessment", "shortcomings"),
    ("assessment", "objective_causes"),
    ("assessment", "subjective_causes"),
)


def narrative(report: YearReport) -> Iterator[tuple[Key, str]]:
    """The narrative texts that may say how an indicator came out, with where each is (under ``report``)."""
    for group, text in report.group_summaries.items():
        yield ("report", "group_summaries", group), text
    for part, name in _PARTS:
        for i, text in enumerate(getattr(getattr(report, part), name)):
            yield ("report", part, name, i), text


def claims(indicators: list[Indicator], report: YearReport, year: int) -> list[Claim]:
    """Every statement of the narrative on how a named indicator came out against ``year``'s target."""
    names = _names(indicators)
    found = []
    for loc, text in narrative(report):
        for clause in re.split(r"[;!?\n]+|\.(?=\s|$)", fold(text)):  # not the dot of "1.5"
            found += [Claim(ind, said, phrase, loc) for ind, said, phrase in _clause_claims(clause, names, year)]
    return found


def _names(indicators: list[Indicator]) -> list[tuple[str, re.Pattern[str]]]:
    """Each indicator's id and a pattern of the ways the narrative names it."""
    out = []
    for ind in indicators:
        ways = []
        ident = re.escape(fold(ind.id))
        # An id with a dot ("1.5") stands alone; a bare number ("2") only after "chỉ tiêu".
        ways.append(rf"(?<![0-9.,]){ident}(?![0-9]|[.,][0-9])" if not ind.id.isdigit() else rf"chỉ tiêu {ident}\b")
        name = fold(ind.name)
        ways.append(re.escape(name))
        for lead in _GENERIC_LEADS:
            rest = name.removeprefix(lead)
            if rest != name and len(rest.split()) >= 3:
                ways.append(re.escape(rest))
        out.append((ind.id, re.compile("|".join(f"(?:{w})" for w in ways))))
    return out


def _clause_claims(clause: str, names: list[tuple[str, re.Pattern[str]]], year: int) -> Iterator[tuple[str, Said, str]]:
    """Each indicator named in ``clause`` with the verdict said of it: the first after it, else the last before."""
    mentions: list[tuple[int, int, str]] = []
    for ind, pattern in names:
        mentions += [(m.start(), m.end(), ind) for m in pattern.finditer(clause)]
    if not mentions:
        return
    named = [(s, e) for s, e, _ in mentions]
    verdicts = []
    for said, pattern in _VERDICTS:
        for m in pattern.finditer(clause):
            if any(s <= m.start() < e for s, e in named):
                continue  # inside a name ("đạt chuẩn quốc gia")
            if m["year"] is not None and int(m["year"]) != year:
                continue  # about another year
            if m["what"] == "mục tiêu" and m["year"] is None:
                continue  # the final target, not the year's
            verdicts.append((m.start(), said, m.group(0)))
    verdicts.sort()
    for start, end, ind in sorted(mentions):
        after = [v for v in verdicts if v[0] >= end]
        before = [v for v in verdicts if v[0] < start]
        chosen = after[0] if after else (before[-1] if before else None)
        if chosen is not None:
            yield ind, chosen[1], chosen[2]


def contradiction(claim: Claim, judged: Judged, year: int) -> str | None:
    """What is wrong when the narrative's claim and the report's verdict disagree; ``None`` when they agree."""
    status = judged.status
    value = f" (kết quả {judged.value})" if judged.value else ""
    if status is Status.NO_TARGET:
        return (
            f"lời văn nói chỉ tiêu {claim.indicator} '{claim.phrase}', nhưng Kế hoạch không đặt chỉ tiêu năm {year} "
            f"cho chỉ tiêu này{value}"
        )
    agrees = {
        Said.EXCEEDED: (Status.EXCEEDED,),
        Said.MET: (Status.MET, Status.EXCEEDED),
        Said.NOT_MET: (Status.NOT_MET, Status.IN_PROGRESS),
    }[claim.said]
    if status in agrees or status not in (Status.EXCEEDED, Status.MET, Status.NOT_MET):
        return None  # agreeing, or a verdict the figures cannot give yet (provisional, no data)
    return f"lời văn nói chỉ tiêu {claim.indicator} '{claim.phrase}', nhưng số liệu năm {year} là {_status_words(status)}{value}"


def _status_words(status: Status) -> str:
    return {Status.EXCEEDED: "vượt chỉ tiêu", Status.MET: "đạt chỉ tiêu", Status.NOT_MET: "chưa đạt chỉ tiêu"}[status]
