"""Who is expected to report what in a year, and how much of the whole a figure covers.

Pure functions, no I/O. The units expected to report are the plan's named units
resolved on the year's reporting day (its deadline): groups expanded, a unit that has
ceased replaced by its successors (for the function in question), a unit not yet
started left out. The same resolution gives the "units that have not reported"
of ``status`` and of the report, and the coverage of every aggregated value:
units reported / units expected and, when the province's denominator is known,
the share of it the reported denominators cover. Below 100% a value is
provisional ("tạm tính, 7/10 đơn vị") and is never shown as met.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from kh68.core.vnformat import format_date, format_number
from kh68.domain.deadlines import report_day, reporters_of
from kh68.reading.models import Indicator, Measurement
from kh68.reading.plan import Current, Plan


def expected_reporters(
    plan: Plan,
    refs: Iterable[str],
    day: date,
    function: str | None = None,
    excluding: Iterable[str] = (),
    *,
    whole_groups: bool = False,
) -> list[Current]:
    """The units that owe a report on ``day`` for the units ``refs`` name (never one in ``excluding``).

    Each plain unit, or with ``whole_groups`` each group as one (a task's lead answers as a whole).
    """
    skip = set(excluding)
    resolve = plan.units.acting_for if whole_groups else plan.units.current
    return [c for c in resolve(refs, day, function) if c.unit_id not in skip]


@dataclass(frozen=True)
class Coverage:
    """Which of the units expected to send a figure did so, and how much of the denominator they cover."""

    year: int
    expected: tuple[Current, ...]
    reported: tuple[str, ...]
    denominator_reported: int | None = None
    denominator_expected: int | None = None

    @cached_property
    def missing(self) -> list[str]:
        """Expected units that sent nothing (worked out once: status asks for it per indicator and line)."""
        reported = set(self.reported)
        return [c.unit_id for c in self.expected if c.unit_id not in reported]

    @property
    def complete(self) -> bool:
        return bool(self.expected) and not self.missing

    @property
    def provisional(self) -> bool:
        return not self.complete

    @property
    def share(self) -> float | None:
        """Units reported / expected, in %."""
        return 100.0 * len(self.reported) / len(self.expected) if self.expected else None

    @property
    def denominator_share(self) -> float | None:
        """The share (in %) of the province's denominator that the reported units cover, when known; none when the
        units reported more than the whole (``expected-denominator-below`` says so: "308% mẫu số" was printed)."""
        if not self.denominator_expected or self.denominator_reported is None:
            return None
        if self.denominator_reported > self.denominator_expected:
            return None
        return 100.0 * self.denominator_reported / self.denominator_expected

    @property
    def units_text(self) -> str:
        return f"{len(self.reported)}/{len(self.expected)} đơn vị"

    @property
    def label(self) -> str:
        """``tạm tính, 7/10 đơn vị`` (with the share of the denominator when known); ``đủ 10/10 đơn vị``."""
        if self.complete:
            return f"đủ {self.units_text}"
        text = f"tạm tính, {self.units_text}"
        share = self.denominator_share
        return f"{text}, {format_number(round(share, 1))}% mẫu số" if share is not None else text


def coverage(plan: Plan, indicator: Indicator, year: int, m: Measurement | None) -> Coverage | None:
    """The coverage of ``indicator``'s aggregated value for ``year``.

    ``None`` when the plan names no reporters for it, when the value is the
    province's own (written directly, not aggregated from units), or when the
    kind of unit it counts over no longer exists.
    """
    expected = reporters_of(plan, indicator, year)
    if expected is None or (m is not None and m.value is not None) or unit_of_count_gone(plan, indicator, year):
        return None
    entries = m.by_id if m else {}
    # of a month's or a quarter's view: only the units that reported that period (a figure of an earlier period
    # carried in the total leaves it provisional, as check says of the period's file)
    reported = tuple(plan.sent_in_period(indicator.id, (c.unit_id for c in expected if c.unit_id in entries)))
    denominators = [entries[uid].denominator for uid in reported]
    known = [d for d in denominators if d is not None]
    return Coverage(
        year=year,
        expected=tuple(expected),
        reported=reported,
        denominator_reported=sum(known) if known else None,
        denominator_expected=m.expected_denominator if m else None,
    )


def unit_of_count_gone(plan: Plan, indicator: Indicator, year: int, on: date | None = None) -> date | None:
    """For an indicator counted over a kind of unit: the day that kind ceased, if none exists in ``year``
    (on its reporting day, or on the day ``on`` a period's report is due).

    ("số huyện, thành phố" after 01/07/2025.) ``None`` while the kind exists, or for
    an indicator not counted over units.
    """
    kind = indicator.counted_over
    if kind is None:
        return None
    day = on or report_day(plan, year)
    if plan.units.kind_exists_on(kind, day):
        return None
    ends = [u.handover for u in plan.units.units.values() if u.kind is kind and u.handover]
    return max(ends) if ends else None


def unit_of_count_text(what: str, gone: date) -> str:
    """``không còn đơn vị đếm (<loại đơn vị>) từ <ngày>: …`` (``what``: what the plan calls its units of count)."""
    return (
        f"không còn đơn vị đếm ({what}) từ {format_date(gone)}: tỷ lệ theo {what} không tính được; "
        "kế hoạch không nói đơn vị thay thế"
    )
