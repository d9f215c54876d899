"""What every kind of task timing is: when the work starts, when it must be done, whether it recurs.

A plan's "Thời gian thực hiện" ("Quý II/2026", "Hằng năm", "Thường xuyên")
comes down to a window: a first day the work is under way (``start``), a day by
which it must be done (``end``, which the task is late after) and, for work that
recurs ("Hằng quý"), the rhythm (``every``) that gives a deadline in each period.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Self

from kh68.kinds.periods.base import Rhythm
from kh68.kinds.phrases import UnreadablePhrase, fold, plain_spans


class TimingUnparsable(UnreadablePhrase):
    rule_id = "timing-unparsable"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year_start(year: int) -> date:
    return date(year, 1, 1)


def year_end(year: int) -> date:
    return date(year, 12, 31)


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def quarter_number(text: str) -> int:
    """``II`` or ``2`` → 2 (a quarter written in Roman or Arabic digits)."""
    return ROMAN[text] if text in ROMAN else int(text)


QUARTER = r"(?:i{1,3}|iv|[1-4])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"[0-9]{4}"
SEP = r"\s*(?:/|năm)\s*"  # "Quý II/2026", "Quý II năm 2026", "tháng 5/2026", "tháng 5 năm 2026"


@dataclass(frozen=True, kw_only=True)
class Timing:
    """A task's timing as the plan writes it (``text``) and the window it means.

    Subclasses declare ``kind``, ``example``, ``meaning`` and ``phrasings`` and read
    their words in ``parse`` (the folded phrase); the window is plain data. A subclass
    that adds fields is ``@dataclass(frozen=True, kw_only=True)``; one that adds none is
    not decorated (it inherits the generated methods; each decoration costs every start).
    """

    kind: ClassVar[str]
    example: ClassVar[str]
    meaning: ClassVar[str]
    phrasings: ClassVar[tuple[str, ...]] = ()

    text: str
    start: date | None = None  # the first day the work is under way (None: from the plan's start)
    end: date | None = None  # the day it must be done by (None: no deadline)
    every: Rhythm | None = None  # recurring work: due at the end of each period within the window
    on_event: bool = False  # at an event the plan names (sơ kết, tổng kết), not every year
    tentative: bool = False  # "Dự kiến …"
    condition: str | None = None  # "(sau khi …)": what the timing waits for

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        """The timing ``phrase`` (folded ``text``) means, if it is of this kind."""
        return None

    def with_defaults(self, **defaults: Any) -> Timing:
        """This timing with what its words leave to the plan (``before_day_inclusive``) filled in."""
        return self

    def active_in(self, year: int) -> bool:
        """Whether the work is expected to be under way (and reported on) in ``year``."""
        if self.on_event and self.end is None:
            return False
        if self.start is not None and year < self.start.year:
            return False
        return not (self.end is not None and self.every is None and year > self.end.year and not self.keeps_on)

    @property
    def keeps_on(self) -> bool:
        """Work that goes on after its deadline ("Đến năm 2025 và các năm tiếp theo")."""
        return False

    def words(self) -> str:
        """The timing as a report says it after "thực hiện": the plan's words (without an enclosing parenthesis or
        a final stop); a kind whose words read badly there says it its own way."""
        text = " ".join(self.text.split()).rstrip(" .;")
        if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
            text = text[1:-1].strip()
        return text[:1].lower() + text[1:]

    def idle_words(self, when: str) -> str:
        """Why nothing of the work is reported ``when`` ("năm 2026", "quý IV/2026": a time it is not expected in)."""
        return f"{when} chưa đến kỳ thực hiện"

    def due_in(self, year: int) -> date | None:
        """The day the work is due by, as the round of ``year`` sees it: the window's end for one-off work; work
        that recurs has none to miss (its reports are owed each period) unless its kind names a day in each year."""
        return self.end if self.every is None else None

    @property
    def recurs(self) -> bool:
        """Work done again each period: a round done one year does not do the next's."""
        return self.every is not None


_SPELLED: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    # "ngày 15 tháng 12 năm 2026": the day written out, as Decree 30 dates a document
    (re.compile(r"ngày ([0-9]{1,2}) tháng ([0-9]{1,2}) năm ([0-9]{4})"), r"ngày \1/\2/\3"),
    # "quý III - IV/2026" is a span; "quý III và IV/2026", "quý III, IV/2026" is one when the two follow each other
    (
        re.compile(rf"quý (i{{1,3}}|iv|[1-4])(,| và| -) (i{{1,3}}|iv|[1-4]){SEP}([0-9]{{4}})"),
        lambda m: f"quý {m[1]} - {m[3]}/{m[4]}" if _next_to(m, quarter_number) else m[0],
    ),
    # "tháng 9 - 10/2026", "tháng 9, 10/2026", "tháng 9/2026 - tháng 10/2026": from the first month to the last
    (
        re.compile(rf"(?:(?:trong|từ) )?tháng (0?[1-9]|1[0-2])(,| và| -) (0?[1-9]|1[0-2]){SEP}([0-9]{{4}})"),
        lambda m: f"từ tháng {m[1]}/{m[4]} đến tháng {m[3]}/{m[4]}" if _next_to(m, int) else m[0],
    ),
    (
        re.compile(r"^(?:(?:trong|từ) )?tháng (0?[1-9]|1[0-2])/([0-9]{4}) - tháng (0?[1-9]|1[0-2])/([0-9]{4})"),
        r"từ tháng \1/\2 đến tháng \3/\4",
    ),
    # "Tháng 12/2025 - Quý I/2026", "quý IV/2025 - tháng 2/2026": from one point of time to another
    (
        re.compile(
            rf"^(?:(?:trong|từ) )?((?:tháng|quý) (?:{MONTH}|{QUARTER})/{YEAR}) - ((?:tháng|quý) (?:{MONTH}|{QUARTER})/{YEAR})$"
        ),
        r"từ \1 đến \2",
    ),
    # "từ tháng 3 đến tháng 6/2026", "từ quý I đến quý III/2026": the year written once, at the end
    (
        re.compile(rf"^từ (tháng|quý) ({MONTH}|{QUARTER}) đến (tháng|quý) ({MONTH}|{QUARTER}){SEP}({YEAR})$"),
        r"từ \1 \2/\5 đến \3 \4/\5",
    ),
    # "Năm 2026 và những năm tiếp theo", "… các năm kế tiếp": as "… và các năm tiếp theo" reads (from_year)
    (re.compile(r"\b(?:những|các) năm (?:tiếp theo|kế tiếp)$"), "các năm tiếp theo"),
    # "Giai đoạn 2026-2030 và các năm tiếp theo": from the span's first year on
    (re.compile(rf"^giai đoạn ({YEAR})\s*-\s*{YEAR}(,? (?:và|đến) các năm tiếp theo)$"), r"năm \1\2"),
    # "Quí IV-2025": the quarter and its year joined by a dash
    (re.compile(rf"\bquý (i{{1,3}}|iv|[1-4])\s*-\s*({YEAR})\b"), r"quý \1/\2"),
    # "Từ năm 2026 - 2030": the span; "Từ 01/7/2025": from that day; "Từ nay đến năm 2030": by its end
    (re.compile(rf"^từ (năm {YEAR}\s*-\s*{YEAR})$"), r"\1"),
    (re.compile(r"^từ ([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$"), r"từ ngày \1"),
    (re.compile(r"^từ nay (?=(?:đến|tới) )"), ""),
    # "thường xuyên trong năm 2026": the work of that year (or span), due at its end
    (re.compile(r"^thường xuyên,? (?:trong )?((?:năm|giai đoạn) .+)$"), r"\1"),
    # "đến hết tháng 9/2026", "chậm nhất trong quý III/2026", "cuối quý IV/2026", "hết năm 2026": due by the
    # last day of the month, quarter or year
    (re.compile(rf"^(?:hết|cuối) (năm {YEAR})$"), r"đến hết \1"),  # as "đến hết năm 2026" reads (until_year)
    (
        re.compile(r"^(?:(?:đến|tới|chậm nhất|muộn nhất) (?:hết |cuối )?(?:trong )?|hết |cuối )((?:tháng|quý) .+)$"),
        lambda m: f"đến ngày {_last_day(m[1])}" if _last_day(m[1]) else m[0],
    ),
]
"""Ways of writing a day, two quarters or two months that say what one form of the kinds already reads."""


def _last_day(words: str) -> str | None:
    """``30/6/2026`` for ``tháng 6/2026``, ``quý ii/2026``, ``năm 2026``…: the last day of a point of time."""
    found = point(words)
    return f"{found[1].day}/{found[1].month}/{found[1].year}" if found else None


def _next_to(match: re.Match[str], number: Any) -> bool:
    """A span written "-" is one; two written "và" or "," only when the second follows the first ("quý I và IV" is
    two quarters, not the year)."""
    return match[2] == " -" or number(match[3]) == number(match[1]) + 1


def _one_form(phrase: str) -> str:
    for pattern, form in _SPELLED:
        phrase = pattern.sub(form, phrase)
    return phrase


def fold_timing(phrase: str) -> str:
    """A timing phrase without the words that only frame it: "Dự kiến", "hoàn thành trong", a trailing "(…)"."""
    phrase = plain_spans(phrase).rstrip(" .;,")
    if phrase.startswith("(") and phrase.endswith(")") and phrase.count("(") == 1:
        phrase = phrase[1:-1].strip()  # "(hoàn thành trong Quý II/2025)": the timing said aside
    # a trailing "(…)" is what the work waits for, dropped here; one naming a deadline is part of the timing
    phrase = re.sub(r"\s*\(([^()]*)\)\s*$", lambda m: f", {m[1].strip()}" if _names_due(m[1]) else "", phrase)
    phrase = re.sub(r"^(?:dự kiến\s+)", "", phrase)
    phrase = re.sub(r"^(?:thời gian (?:thực hiện|hoàn thành)\s*:?\s*)", "", phrase)
    phrase = re.sub(
        r"^(?:hoàn thành|xong|thực hiện|triển khai)\s+"
        r"(?=trong|trước|chậm|đến|năm|quý|tháng|thường xuyên|hằng|hàng|từ|giai đoạn)",
        "",
        phrase,
    )
    return _one_form(phrase.rstrip(" .;,").strip())


def condition_of(phrase: str) -> str | None:
    """The trailing parenthesis of a timing ("(sau khi Ban Thường trực … ban hành Hướng dẫn)"), if any: what the
    work waits for. One that names a deadline ("(trước ngày 15/12)") is no condition (``deadline_aside``)."""
    match = re.search(r"\S\s*\(([^()]*)\)\s*\.?\s*$", phrase)
    return match[1].strip() if match and not _names_due(fold(match[1])) else None


def deadline_aside(phrase: str) -> str | None:
    """The trailing parenthesis of a timing when it names a time ("Hằng năm (trước ngày 15/12)", "(từ năm 2027)"), as
    written."""
    match = re.search(r"\S\s*\(([^()]*)\)\s*\.?\s*$", phrase)
    return match[1].strip() if match and _names_due(fold(match[1])) else None


_DUE_ASIDE = re.compile(
    rf"^(?:(?:hoàn thành|xong)\s+)?"
    rf"(?:(?:trước|chậm nhất|muộn nhất|đến|hạn|hạn chót|trong|vào|từ|kể từ|bắt đầu từ|bắt đầu)\s+)?"
    rf"(?:ngày\s+[0-9]|[0-9]{{1,2}}\s*/\s*[0-9]|quý\s+{QUARTER}\b|tháng\s+{MONTH}\b|năm\s+{YEAR})"
)


def _names_due(aside: str) -> bool:
    """Whether the words of a parenthesis (folded) say when the work is done or begins ("(trước ngày 15/12)", "(từ
    năm 2027)") rather than what it waits for: part of the timing, never a condition left unread."""
    return _DUE_ASIDE.match(aside.strip()) is not None


# --------------------------------------------------- points of time in words

_POINT = re.compile(
    rf"^(?:(?P<q>quý)\s+(?P<qn>{QUARTER})(?:\s*-\s*(?P<qn2>{QUARTER}))?|tháng\s+(?P<m>{MONTH})|"
    rf"(?P<y>năm))?(?:{SEP})?(?P<year>{YEAR})$"
)
_DAY = re.compile(r"^(?:ngày\s+)?(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})\s*/\s*(?P<y>[0-9]{4})$")


def point(phrase: str) -> tuple[date, date] | None:
    """The first and last day of a point of time in words: ``quý ii/2026``, ``quý i - ii/2026``,
    ``tháng 5/2026``, ``tháng 5 năm 2026``, ``năm 2026``, ``2026``, ``ngày 15/12/2024`` (``phrase`` folded)."""
    phrase = phrase.strip()
    if match := _DAY.match(phrase):
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        return day, day
    match = _POINT.match(phrase)
    if match is None:
        return None
    year = int(match["year"])
    if match["q"]:
        first, last = quarter_number(match["qn"]), quarter_number(match["qn2"] or match["qn"])
        if last < first:
            return None
        return date(year, 3 * first - 2, 1), month_end(year, 3 * last)
    if match["m"]:
        month = int(match["m"])
        return date(year, month, 1), month_end(year, month)
    return year_start(year), year_end(year)
