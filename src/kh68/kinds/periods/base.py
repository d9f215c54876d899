"""Reporting periods: the rhythm of a reporting duty, a period of it, and the day a report of that period is due.

A period is named as a data file is: ``2026`` (the year), ``2026-H1`` (six
months), ``2026-Q3`` (a quarter), ``2026-11`` (a month). Each says itself in
Vietnamese ("quý III/2026") and knows its days and, by Decree 09/2019/NĐ-CP
(Article 12), the days its figures cover.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, ClassVar, Self

from kh68.core.safetext import excerpt
from kh68.kinds.phrases import UnreadablePhrase


class DeadlineUnparsable(UnreadablePhrase):
    rule_id = "deadline-unparsable"


# How often a duty reports. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class Rhythm(StrEnum):
    YEARLY = "yearly"
    SIX_MONTHLY = "six_monthly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"

    @property
    def months(self) -> int:
        return {Rhythm.YEARLY: 12, Rhythm.SIX_MONTHLY: 6, Rhythm.QUARTERLY: 3, Rhythm.MONTHLY: 1}[self]

    @property
    def per_year(self) -> int:
        """How many periods of this rhythm a year has."""
        return 12 // self.months

    @property
    def words(self) -> str:
        """How often, in words: ``hằng năm``, ``6 tháng một lần``, ``hằng quý``, ``hằng tháng``."""
        return {
            Rhythm.YEARLY: "hằng năm",
            Rhythm.SIX_MONTHLY: "6 tháng một lần",
            Rhythm.QUARTERLY: "hằng quý",
            Rhythm.MONTHLY: "hằng tháng",
        }[self]

    def period_end(self, day: date) -> date:
        """The last day of the period of this rhythm that contains ``day``."""
        return self.period_of(day).last_day

    def period_of(self, day: date) -> Period:
        return Period(day.year, self, (day.month - 1) // self.months + 1)

    def periods(self, year: int) -> list[Period]:
        return [Period(year, self, i) for i in range(1, self.per_year + 1)]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


ROMAN = ("I", "II", "III", "IV")
_KEY = re.compile(r"^(?P<y>[0-9]{4})(?:-(?:(?P<h>[Hh][12])|(?P<q>[Qq][1-4])|(?P<m>0[1-9]|1[0-2])))?$")


@dataclass(frozen=True, order=True)
class Period:
    """One period of a rhythm in a year: ``Period(2026, Rhythm.QUARTERLY, 3)`` is quý III/2026."""

    year: int
    rhythm: Rhythm
    index: int = 1

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(year, Rhythm.YEARLY, 1)

    @property
    def first_day(self) -> date:
        return date(self.year, (self.index - 1) * self.rhythm.months + 1, 1)

    @property
    def last_day(self) -> date:
        return month_end(self.year, self.index * self.rhythm.months)

    @property
    def is_year(self) -> bool:
        return self.rhythm is Rhythm.YEARLY

    @property
    def key(self) -> str:
        """The period as data files and ``--period`` name it: ``2026``, ``2026-H1``, ``2026-Q3``, ``2026-11``."""
        suffix = {Rhythm.YEARLY: "", Rhythm.SIX_MONTHLY: f"-H{self.index}", Rhythm.QUARTERLY: f"-Q{self.index}"}
        return f"{self.year}{suffix.get(self.rhythm, f'-{self.index:02d}')}"

    @property
    def label(self) -> str:
        """``năm 2026``, ``6 tháng đầu năm 2026``, ``quý III/2026``, ``tháng 11/2026``."""
        if self.rhythm is Rhythm.YEARLY:
            return f"năm {self.year}"
        if self.rhythm is Rhythm.SIX_MONTHLY:
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.rhythm is Rhythm.QUARTERLY:
            return f"quý {ROMAN[self.index - 1]}/{self.year}"
        return f"tháng {self.index}/{self.year}"

    @property
    def label_upper(self) -> str:
        """The label for a heading: ``NĂM 2026``, ``QUÝ III/2026``."""
        return self.label.upper()

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def within(self, other: Period) -> bool:
        """Whether this period lies inside ``other`` (a month inside its quarter, a quarter inside its year)."""
        return other.first_day <= self.first_day and self.last_day <= other.last_day

    def figures_window(self) -> tuple[date, date]:
        """The days a report of this period covers by Decree 09/2019/NĐ-CP, Article 12: from the 15th of the
        month before the period to the 14th of its last month (a year: 15/12 of the year before to 14/12)."""
        first = self.first_day - timedelta(days=1)  # the last day of the month before the period
        return date(first.year, first.month, 15), date(self.year, self.index * self.rhythm.months, 14)

    def __str__(self) -> str:
        return self.key


def parse_period(text: str) -> Period:
    """``2026``, ``2026-H1``, ``2026-Q3``, ``2026-11`` → the period; ``ValueError`` otherwise."""
    match = _KEY.match(text.strip())
    if match is None:
        raise ValueError(
            f"kỳ {text!r} không hợp lệ: viết 2026 (năm), 2026-H1 hoặc 2026-H2 (6 tháng), 2026-Q1 … 2026-Q4 (quý), "
            "2026-01 … 2026-12 (tháng)"
        )
    year = int(match["y"])
    if match["h"]:
        return Period(year, Rhythm.SIX_MONTHLY, int(match["h"][1]))
    if match["q"]:
        return Period(year, Rhythm.QUARTERLY, int(match["q"][1]))
    if match["m"]:
        return Period(year, Rhythm.MONTHLY, int(match["m"]))
    return Period.of_year(year)


@dataclass(frozen=True, kw_only=True)
class Deadline:
    """When a duty's report of each period is due, as the plan writes it ("trước ngày 20 hằng tháng").

    Subclasses declare ``kind``, ``example``, ``meaning``, ``phrasings`` and the
    ``rhythm`` their words imply, and give the day a period's report is due.
    """

    kind: ClassVar[str]
    example: ClassVar[str]
    meaning: ClassVar[str]
    phrasings: ClassVar[tuple[str, ...]] = ()

    text: str
    rhythm: Rhythm
    before: bool = False  # "trước ngày X": whether X is in time is the plan's rule
    inclusive: bool = True  # settled from the plan: the day named is still in time

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        return None

    periodic: ClassVar[bool] = True
    """Whether the duty reports periods at all (a report "khi có yêu cầu" reports none: nothing is ever owed)."""

    def named_day(self, period: Period) -> date | None:
        """The day the words name for ``period`` (``None``: the duty does not report that period)."""
        raise NotImplementedError

    def day_exists(self, period: Period) -> bool:
        """Whether the day the words name is a real day for ``period`` (no 31/4; 29/2 only in a leap year)."""
        return True

    def due(self, period: Period) -> date | None:
        """The last day a report of ``period`` is in time (the named day, or the day before for "trước ngày")."""
        named = self.named_day(period)
        if named is None:
            return None
        return named if self.inclusive else named - timedelta(days=1)

    def with_defaults(self, *, before_day_inclusive: bool = False, **_: Any) -> Deadline:
        from dataclasses import replace

        return replace(self, inclusive=not self.before or before_day_inclusive)


@dataclass(frozen=True)
class DueDay:
    """The day and month a period's report is due, and how many years after the period's own year (``05/01`` of
    the second half of 2026 falls in 2027)."""

    day: int
    month: int
    years_after: int = 0

    def exists_for(self, period: Period, before: bool) -> bool:
        """Whether the day is a real day for ``period`` ("trước ngày 29/02": due by 28/02, which every year has)."""
        year = period.year + self.years_after
        return exists(year, self.month, self.day) or (before and is_leap_day(self.day, self.month))

    def named_for(self, period: Period, before: bool) -> date:
        """The day for ``period``; "trước ngày 29/02" of a common year is the day after 28/02 (due by 28/02)."""
        year = period.year + self.years_after
        if before and not exists(year, self.month, self.day):
            return safe_day(year, self.month, self.day - 1) + timedelta(days=1)
        return safe_day(year, self.month, self.day)


def period_of_day(rhythm: Rhythm, month: int) -> tuple[int, int]:
    """The period of ``rhythm`` whose report a day of ``month`` is the deadline of, and how many years after the
    period's year it falls: the period it falls in, or, early in a period (a quarter's first month, a half-year's
    first three), the one just ended (a day of January: the last period of the year before)."""
    index = (month - 1) // rhythm.months + 1
    if 2 * ((month - 1) % rhythm.months) < rhythm.months - 1:
        return (index - 1, 0) if index > 1 else (rhythm.per_year, 1)
    return index, 0


def days_of_periods(rhythm: Rhythm, pairs: list[tuple[int, int]], text: str) -> tuple[DueDay, ...]:
    """The due day of each period of ``rhythm`` (first … last of the year) from the plan's days in any order: a day
    is the deadline of the period it falls in, or, early in a period (a quarter's first month, a half-year's first
    three), of the period just ended (``05/7 và 05/01``: the first half by 05/7, the second by 05/01 of the next
    year; ``15/1, 15/4, 15/7 và 15/10``: quarter IV of the year before by 15/1 …), never of a period barely begun
    (``05/01 và 05/07`` of two halves is not the first half due on 05/01). Two days of one period (and none of
    another) are refused, naming it."""
    found: dict[int, DueDay] = {}
    for day, month in pairs:
        index, after = period_of_day(rhythm, month)
        if index in found:
            period = Period(2000, rhythm, index).label.replace("/2000", "").replace(" 2000", "")
            raise DeadlineUnparsable(
                f"{excerpt(text)}: hai ngày {found[index].day:02d}/{found[index].month} và {day:02d}/{month} cùng là hạn "
                f"báo cáo của {period} (ngày ở đầu một kỳ là hạn của kỳ vừa kết thúc); ghi một ngày cho "
                "mỗi kỳ"
            )
        found[index] = DueDay(day, month, after)
    return tuple(found[i] for i in range(1, rhythm.per_year + 1))


@dataclass(frozen=True, kw_only=True)
class ListedDays(Deadline):
    """A day listed for each period of the year (``trước ngày 15/6 và 15/12``, ``15/3, 15/6, 15/9 và 15/12``), each
    the deadline of the period it ends (``days_of_periods``)."""

    days_due: tuple[DueDay, ...]  # of the year's periods, first to last

    @classmethod
    def listed(cls, text: str, rhythm: Rhythm, pairs: list[tuple[int, int]], how: str | None) -> Self | None:
        """The deadline of the (day, month) ``pairs`` the words list; ``None`` for a day or month no calendar has."""
        if not all(1 <= d <= 31 and 1 <= m <= 12 for d, m in pairs):
            return None
        return cls(text=text, rhythm=rhythm, days_due=days_of_periods(rhythm, pairs, text), before=how == "trước")

    def day_exists(self, period: Period) -> bool:
        return self.days_due[period.index - 1].exists_for(period, self.before)

    def named_day(self, period: Period) -> date | None:
        if period.rhythm is not self.rhythm:
            return None
        return self.days_due[period.index - 1].named_for(period, self.before)


def is_leap_day(day: int, month: int) -> bool:
    """29/02: the one day some years lack that "trước ngày 29/02" still names (due by 28/02 every year); a day
    no year has (31/4, 30/02) is no deadline, "trước ngày" or not."""
    return (day, month) == (29, 2)


def exists(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def safe_day(year: int, month: int, day: int) -> date:
    """``day``/``month`` of ``year``; a day the month lacks (31/4, 29/2) falls on its last day (the rule
    deadline-impossible reports it)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))
