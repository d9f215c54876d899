"""figures-same-day: two files of periods that end on the same day give different figures for the same indicator.

A month's, a quarter's and a half-year's figure are each the figure to the end of their period (counted from the
start of the year, or what there is on that day): December's, the fourth quarter's and the second half's are one
figure, to 31/12. Two files that give it
differently (``data/2026-12.yaml`` says 90, ``data/2026-Q4.yaml`` 80) leave the year's view to pick one, so neither is
taken: the figure is refused in the later file, naming both. The year's own file (``data/2026.yaml``) is the year's
final word by design and is never compared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date, format_number
from kh68.kinds.measure import Measure
from kh68.kinds.periods import Period
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.models import Measurement, UnitValue
from kh68.reading.source import Key

Said = tuple[float | None, int | None, int | None, bool | None]
"""What a figure says: its value, numerator, denominator, or whether the unit meets the standard."""
Resolve = Callable[[str], str | None]


def check(ctx: Context) -> Iterator[Finding]:
    files = dict(ctx.plan.files)
    files.update({file.data.cadence: file.data for file in ctx.data_files})
    resolve = ctx.plan.units.resolve
    checked = {file.data.cadence for file in ctx.data_files}
    for file in ctx.data_files:
        period = file.data.cadence
        if period.is_year:
            continue
        # each pair once, in the later of two files checked together; in the file checked, whichever came first
        # (a month recorded after its quarter was accepted, the quarter's file then said wrong)
        same_day = sorted(
            (p for p in files if _same_day(p, period) and (p not in checked or _order(p) < _order(period))),
            key=_order,
        )
        for other in same_day:
            for ind_id, measurement in file.data.indicators.items():
                theirs = files[other].indicators.get(ind_id)
                indicator = ctx.plan.indicator(ind_id)
                if theirs is None or indicator is None:
                    continue
                mine, before = _figures(measurement, resolve), _figures(theirs, resolve)
                for who, (written, said) in mine.items():
                    if who in before and before[who][1] != said:
                        shown = (_shown(said, indicator.measure), _shown(before[who][1], indicator.measure))
                        yield Finding(
                            file.doc, _where(ind_id, written), _message(ind_id, written, period, other, *shown)
                        )


def _same_day(one: Period, other: Period) -> bool:
    return one != other and not one.is_year and one.last_day == other.last_day


def _order(period: Period) -> tuple[int, int]:
    """The later of two files of the same day is the longer period's (a quarter after its last month)."""
    return (period.rhythm.months, period.index)


def _figures(measurement: Measurement, resolve: Resolve) -> dict[str | None, tuple[str | None, Said]]:
    """The whole's figure (``None``) and each unit's by unit id, each with the unit as written."""
    found: dict[str | None, tuple[str | None, Said]] = {}
    if measurement.value is not None:
        found[None] = (None, (float(measurement.value), None, None, None))
    for written, entry in measurement.by_unit.items():
        found[resolve(written) or written] = (written, _said(entry))
    return found


def _said(entry: UnitValue) -> Said:
    value = None if entry.value is None else float(entry.value)
    return (value, entry.numerator, entry.denominator, entry.met)


def _shown(said: Said, measure: Measure) -> str:
    value, numerator, denominator, met = said
    if value is not None:
        return measure.amount(value, 6)
    if met is not None:
        return "đạt" if met else "không đạt"
    return f"{format_number(numerator, 0)}/{format_number(denominator, 0)}"


def _where(ind_id: str, written: str | None) -> Key:
    if written is None:
        return ("indicators", ind_id, "value")
    return ("indicators", ind_id, "by_unit", written)


def _message(ind_id: str, written: str | None, period: Period, other: Period, said: str, before: str) -> str:
    whose = "" if written is None else f" của {written}"
    return (
        f"chỉ tiêu {ind_id}{whose}: {period.label} ghi {said}, {other.label} ghi {before}; hai kỳ cùng tính đến ngày "
        f"{format_date(period.last_day)} nên phải là một số (lũy kế từ đầu năm, hay số hiện có tại ngày đó): "
        "kh68 không chọn, sửa số liệu của một trong hai kỳ (hoặc xóa kỳ thừa)"
    )


RULE = Rule(
    "figures-same-day",
    Severity.ERROR,
    "số liệu của hai kỳ cùng ngày kết thúc (tháng 12, quý IV, 6 tháng cuối năm) phải là một số",
    "chỉ tiêu XK: quý IV/2026 ghi 80 tỷ đồng, tháng 12/2026 ghi 90 tỷ đồng; hai kỳ cùng tính đến ngày 31/12/2026 nên "
    "phải là một số (lũy kế từ đầu năm, hay số hiện có tại ngày đó): kh68 không chọn, sửa số liệu của một trong hai "
    "kỳ (hoặc xóa kỳ thừa)",
    check,
)
