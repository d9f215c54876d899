"""Reporting periods and the kinds of reporting deadline, registered here and nowhere else.

A duty's deadline is written as the plan writes it ("trước ngày 20 hằng tháng",
"trước ngày 15/6 và 15/12", "15/12"); its words give the duty's rhythm (monthly,
six-monthly …) and, for each period, the day its report is due. Adding a kind:
``kinds/periods/<kind>.py`` (a ``Deadline``), a line in ``KINDS``, its tests.
"""

from __future__ import annotations

import re

from kh68.core.safetext import excerpt
from kh68.kinds.periods.base import Deadline, DeadlineUnparsable, Period, Rhythm, parse_period, period_of_day
from kh68.kinds.periods.monthly_day import MonthlyDay
from kh68.kinds.periods.on_request import OnRequest
from kh68.kinds.periods.quarterly_day import QuarterlyDay
from kh68.kinds.periods.quarterly_days import QuarterlyDays
from kh68.kinds.periods.six_monthly_days import SixMonthlyDays
from kh68.kinds.periods.yearly_day import YearlyDay
from kh68.kinds.phrases import fold, plain_spans

KINDS: tuple[type[Deadline], ...] = (YearlyDay, SixMonthlyDays, QuarterlyDays, QuarterlyDay, MonthlyDay, OnRequest)
"""Every kind of reporting deadline, in the order their phrasings are tried."""

_RHYTHMS = {
    "6 tháng": Rhythm.SIX_MONTHLY,
    "sáu tháng": Rhythm.SIX_MONTHLY,
    "3 tháng": Rhythm.QUARTERLY,
    "ba tháng": Rhythm.QUARTERLY,
    "quý": Rhythm.QUARTERLY,
    "tháng": Rhythm.MONTHLY,
    "năm": Rhythm.YEARLY,
}
_RHYTHM = "(?:" + "|".join(sorted(_RHYTHMS, key=len, reverse=True)) + ")"
_FRAME = re.compile(
    rf"^(?:báo cáo\s+)?(?:theo\s+(?=định kỳ))?(?:định kỳ\s+(?:(?:hằng|hàng|mỗi)\s+)?(?P<a>{_RHYTHM})(?:\s+một lần|\s*/\s*lần)?"
    rf"|định kỳ|(?:hằng|hàng|mỗi) (?P<b>{_RHYTHM})|(?P<c>{_RHYTHM})(?: một lần|\s*/\s*lần))?\s*,?\s*"
)
"""The words that say how often before the day ("Định kỳ 06 tháng, trước ngày …", "hằng quý, …"), and how often."""

_DAY_OF = (
    r"\(?\s*(?:gửi\s+)?(?P<how{n}>trước|chậm nhất|hạn)?\s*(?:ngày\s+)?(?P<d{n}>[0-9]{{1,2}}\s*/\s*[0-9]{{1,2}})"
    r"(?:\s+(?:của năm|(?:hằng|hàng) năm))?\s*\)?"
)
_HALF_AND_YEAR = re.compile(
    rf"^(?:báo cáo\s+)?(?:định kỳ\s+)?(?:6|06|sáu) tháng\s*,?\s*{_DAY_OF.format(n=1)}\s*(?:,|;|và)\s*"
    rf"(?:báo cáo\s+)?(?:hằng\s+|cả\s+)?năm\s*,?\s*{_DAY_OF.format(n=2)}$"
)
""""6 tháng (trước ngày 10/6) và năm (trước ngày 10/12)": two reports a year, the second the year's."""


_ALSO_ON_REQUEST = re.compile(
    r"\s*(?:(?:,|;|và|hoặc)\s*\(\s*|\(\s*(?:,|;|và|hoặc)\s*|(?:,|;|và|hoặc)\s*)(?:(?:báo cáo|khi có yêu cầu)\s+)?"
    r"(?:đột xuất|khi có yêu cầu|khi được yêu cầu|theo yêu cầu)"
    r"(?:\s+(?:khi có yêu cầu|khi được yêu cầu|theo yêu cầu))?\s*\)?$"
)
"""A periodic report also sent when asked ("trước ngày 15/12 hằng năm và đột xuất khi có yêu cầu"): a report on
request is never owed nor late (kind ``on_request``), so the periodic one is the duty's deadline."""
_LEAD_WORDS = re.compile(r"^(?:vào\s+|gửi(?: báo cáo)?\s+)(?=trước|chậm nhất)|^hạn cuối(?=\s)")
""""vào trước ngày 20/12", "gửi trước ngày …", "hạn cuối ngày 15 tháng 12": the words of one form said otherwise."""
_SAID_AGAIN = re.compile(r"(?<=[0-9])\s*(,|và)\s+(trước|chậm nhất|muộn nhất)\s+(?:ngày\s+)?(?=[0-9])")
""""trước ngày 15/6 và trước ngày 15/12 hằng năm": the word of the deadline said again before each day."""


def _one_form(phrase: str) -> str:
    """A deadline written another way as one form of the kinds reads it: "6 tháng (trước ngày 10/6) và năm (trước
    ngày 10/12)" is "trước ngày 10/6 và 10/12" (the second half's report is the year's, its figures the year's)."""
    phrase = _LEAD_WORDS.sub("", phrase)
    first = next((w for w in ("trước", "chậm nhất", "muộn nhất") if phrase.startswith(w)), None)
    if first is not None:  # the same word said again only: "trước … và chậm nhất …" stays as written (refused)
        phrase = _SAID_AGAIN.sub(lambda m: ("," if m[1] == "," else " và ") if m[2] == first else m[0], phrase)
    found = _HALF_AND_YEAR.match(phrase)
    if found is None or (found["how1"] or "") != (found["how2"] or ""):
        return phrase
    halves = [period_of_day(Rhythm.SIX_MONTHLY, int(found[f"d{n}"].split("/")[1]))[0] for n in (1, 2)]
    if halves != [1, 2]:  # the first half's day, then the second's (the year's): else the words are not this form
        return phrase
    how = f"{found['how1']} ngày " if found["how1"] else ""
    return f"{how}{found['d1']} và {found['d2']}"


def accepted_forms() -> str:
    return " | ".join(kind.example for kind in KINDS)


def parse_deadline(text: str) -> Deadline:
    """The deadline the plan's words ``text`` mean; ``DeadlineUnparsable`` naming every accepted form otherwise."""
    folded = _one_form(_ALSO_ON_REQUEST.sub("", plain_spans(fold(text)).rstrip(" .;")))
    frame = _FRAME.match(folded)
    said = frame and (frame["a"] or frame["b"] or frame["c"])
    framed = _RHYTHMS[said] if said else None
    phrase = folded[frame.end() :].strip() if frame else folded
    if phrase.startswith("(") and phrase.endswith(")"):
        phrase = phrase[1:-1].strip()  # "hằng năm (trước ngày 15 tháng 11)"
    if not phrase:  # "Định kỳ 06 tháng", "hằng năm": the period of the reports, no day to send them by
        raise DeadlineUnparsable(
            f"{excerpt(text)} nói kỳ báo cáo mà không nói ngày phải gửi: ghi kỳ ở period "
            f"({framed.value if framed else 'yearly, six_monthly, quarterly, monthly'}) và bỏ trống deadline (kh68 "
            "không tự đặt ngày; lời văn bản giữ ở what)"
        )
    if framed is not None and re.fullmatch(r"(?:và\s+)?(?:(?:hằng|hàng|mỗi|cả)\s+)?năm", phrase):
        where = (  # "Định kỳ 6 tháng, hằng năm": two periods, no day
            f"ghi kỳ ở period ({framed.value}; báo cáo 6 tháng cuối năm là báo cáo năm)"
            if framed is Rhythm.SIX_MONTHLY
            else f"ghi hai nhiệm vụ báo cáo, một period: {framed.value}, một period: yearly,"
        )
        raise DeadlineUnparsable(
            f"{excerpt(text)} nói kỳ báo cáo mà không nói ngày phải gửi: {where} và bỏ trống deadline (kh68 không tự "
            "đặt ngày; lời văn bản giữ ở what)"
        )
    for kind in KINDS:
        deadline = kind.parse(phrase, text) or (kind.parse(f"{phrase} hằng {said}", text) if said else None)
        if deadline is not None:
            # "định kỳ 6 tháng, trước ngày 15/12"; "hằng năm" before any day only frames it ("… 15/6 và 15/12")
            if framed not in (None, Rhythm.YEARLY) and deadline.rhythm is not framed:
                raise DeadlineUnparsable(
                    f"{excerpt(text, 120)} đọc được hai cách: báo cáo {framed.words}, hay {deadline.rhythm.words} với hạn "
                    f"{excerpt(phrase)}; ghi hạn của từng kỳ như các dạng: {accepted_forms()}, hoặc ghi kỳ ở period "
                    "và chỉ để ngày ở deadline"
                )
            return deadline
    raise DeadlineUnparsable(f"không hiểu hạn báo cáo {excerpt(text)}; các dạng đọc được: {accepted_forms()}")


__all__ = [
    "KINDS",
    "Deadline",
    "DeadlineUnparsable",
    "Period",
    "Rhythm",
    "accepted_forms",
    "parse_deadline",
    "parse_period",
]
