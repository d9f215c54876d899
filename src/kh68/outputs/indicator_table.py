"""The indicators in a report: the paragraphs of section II and the annex table.

Both read the engine's results (``StatusView.results``, one ``IndicatorResult`` per
indicator) and the words of ``kh68.vocab``. They say what an official report to a
higher body says, and judge only against what the plan set:

* a year the plan sets a target for: the target as the plan writes it (in words:
  "trên 60%", "từ 30% đến 35%"), the value, the comparison and the verdict;
* a year it sets none for (the engine's interpolated milestones stay in ``kh68
  status`` and the HTML charts, labelled): the value, its change from the previous
  year, and the distance to the final target with the yearly pace still needed;
* what the reader must know beside a figure, with the basis the plan records: a
  break in the series (the merger, its legal basis; the targets set before it), a
  unit of count that ceased (its legal basis, and a proposal), a provisional figure
  ("số liệu tạm tính, mới có 07/10 xã, phường báo cáo"), a comparison with a
  provisional figure of the previous year.

Projections and progress ratios stay in ``kh68 status``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from kh68 import vocab
from kh68.core.vnformat import format_date, rounded
from kh68.domain.coverage import Coverage, coverage
from kh68.domain.measures import form_of
from kh68.kinds.measure import Measure
from kh68.kinds.periods import Period
from kh68.kinds.targets import Aggregate, Style, Target
from kh68.kinds.verdict import Direction, Status
from kh68.outputs.document import Align, Annex, Block, Column, Figure, Items, Paragraph, Row, Svg, Table
from kh68.outputs.status_view import StatusView
from kh68.outputs.words import legal_basis, lower_first, period_words
from kh68.reading.models import Measurement
from kh68.reading.plan import Plan
from kh68.tracking.engine import IndicatorResult
from kh68.tracking.series import Break
from kh68.tracking.tasks import reported_units

NO_TARGET_MARK = "–"
# The verdicts a report gives against a target the plan set, in the order the summary counts them.
JUDGED = (Status.EXCEEDED, Status.MET, Status.NOT_MET, Status.IN_PROGRESS)
UNJUDGED = (Status.PROVISIONAL, Status.NOT_COMPUTABLE, Status.NO_DATA, Status.NO_BASE, Status.NO_STATE)


@dataclass(frozen=True)
class Proposer:
    """Who writes the report and to whom it goes first: "<Sở …> đề nghị <Ủy ban nhân dân …> xem xét, …"."""

    sender: str
    recipient: str


# ------------------------------------------------------------ the verdict a report gives


def stated(r: IndicatorResult) -> bool:
    """The plan itself sets a target for the result's year (not a milestone kh68 interpolated)."""
    return r.target is not None and not r.target.derived


def verdict(r: IndicatorResult) -> Status:
    """The verdict of a report to a higher body: the engine's against a target the plan set, none otherwise."""
    if r.status is Status.NOT_COMPUTABLE:
        return r.status
    return r.status if stated(r) else Status.NO_TARGET


def verdict_label(r: IndicatorResult) -> str:
    """The annex's verdict: "Không đặt chỉ tiêu năm 2026" names the year, so that it is never read as a plan
    that sets the indicator no target at all (its target of 2027 is in the next column)."""
    status = verdict(r)
    if status is Status.PROVISIONAL:
        return vocab.PROVISIONAL_VERDICT
    if status is Status.NO_TARGET:
        return f"{vocab.STATUS_LABELS[status]} năm {r.year}"
    return vocab.STATUS_LABELS[status]


# ------------------------------------------------------------ the paragraphs


def indicator_blocks(view: StatusView, proposer: Proposer | None = None, *, annexed: bool = True) -> list[Block]:
    """Section II.2: the summary; targets not met; indicators without a target this year (value, change,
    distance to the final target); breaks, units of count gone, provisional figures, each with its basis."""
    results, year = list(view.results), view.year
    if not results:
        return [Paragraph("Không có chỉ tiêu nào thuộc phạm vi báo cáo.")]
    plan = view.plan
    untargeted = [r for r in results if not stated(r) and r.status is not Status.NOT_COMPUTABLE]
    unmeasured = [r for r in untargeted if not r.has_data]
    # Every indicator without a target this year has no figure either: said once, where the summary names them
    # (a second sentence listed the same ids again).
    folded = bool(unmeasured) and len(unmeasured) == sum(not stated(r) for r in results) < len(results)
    summary = _summary(plan, results, year, _until(view), annexed=annexed)
    if folded:
        summary = summary.removesuffix(".") + _unmeasured_clause(results, len(unmeasured), year, _known(view)) + "."
    blocks: list[Block] = [Paragraph(summary)]
    not_met = [r for r in results if stated(r) and r.status is Status.NOT_MET]
    if not_met:
        blocks.append(
            Paragraph("Chỉ tiêu chưa đạt: " + "; ".join(_figure_sentence(r, view.today) for r in not_met) + ".")
        )
    provisional = [r for r in results if stated(r) and r.status is Status.PROVISIONAL]
    if provisional:
        blocks.append(Paragraph(_provisional_paragraph(plan, provisional, view.period or Period.of_year(year))))
    measured = [r for r in untargeted if r.has_data]
    if measured:
        # A year before is named only when some figure is compared with it (none of a plan's first year is).
        before = any(_change_words(plan, r) for r in measured)
        lead = (
            f"Kết quả các chỉ tiêu Kế hoạch không đặt chỉ tiêu năm {year}, so với "
            f"{'năm trước và với ' if before else ''}mục tiêu cuối kỳ:"
            if len(measured) < len(results)
            else f"Kết quả các chỉ tiêu, so với {f'năm {year - 1} và với ' if before else ''}mục tiêu cuối kỳ của Kế hoạch:"
        )
        blocks.append(Paragraph(lead))
        blocks.append(_items([_untargeted_line(plan, r, part_of_the_year(r, view)) for r in measured]))
    if unmeasured and not folded:
        blocks.append(Paragraph(_unmeasured_sentence(results, unmeasured, year, _known(view), annexed)))
    changes = _changes(plan, [r for r in results if stated(r)])
    if changes:
        blocks.append(Paragraph(changes))
    blocks += [Paragraph(text) for text in _break_paragraphs(plan, results, year)]
    blocks += [Paragraph(text) for text in _gone_paragraphs(plan, results, year, proposer)]
    if annexed:
        blocks.append(Paragraph("Kết quả từng chỉ tiêu tại Phụ lục kèm theo Báo cáo này."))
    return blocks


def indicator_paragraphs(view: StatusView, proposer: Proposer | None = None, *, annexed: bool = True) -> list[str]:
    """The texts of ``indicator_blocks``, one per paragraph or listed line (for tests and plain uses)."""
    out: list[str] = []
    for block in indicator_blocks(view, proposer, annexed=annexed):
        if isinstance(block, Items):
            out += list(block.lines)
        elif isinstance(block, Paragraph):
            out.append(block.text)
    return out


def _until(view: StatusView) -> str:
    """``tính đến hết quý III năm 2026`` for a period's report (``tính đến ngày 17/11/2026`` when it is made before
    the period ends); '' for the year's."""
    return f"tính {_as_of(view)}" if view.period is not None else ""


def _known(view: StatusView) -> str:
    """``năm 2026``; ``đến hết quý III năm 2026`` (``đến ngày 17/11/2026`` before the period ends)."""
    return _as_of(view) if view.period is not None else f"năm {view.year}"


def _as_of(view: StatusView) -> str:
    """How far a period's figures go: to its end; to the day the view is seen on when that comes first; else, when
    every figure of the period comes from a document dated before its end, to the latest such day (a month's report
    due on the 17th said "đến hết tháng 11" above rows "đến ngày 17/11/2026")."""
    period = view.period
    assert period is not None
    if view.today < period.last_day:
        return f"đến ngày {format_date(view.today)}"
    days = [known_to(r, period, None) for r in view.results if r.known_until == period]
    if days and None not in days:
        return f"đến ngày {format_date(max(d for d in days if d is not None))}"
    # figures without a document's day: as of the day their units reported, when every report came before the end
    sent = [d for d in reported_units(view.plan, period).values() if d is not None]
    dated = [d for d in days if d is not None]
    if days and sent and max([*sent, *dated]) < period.last_day:
        return f"đến ngày {format_date(max([*sent, *dated]))}"
    return f"đến hết {period_words(period)}"


def _count(n: int) -> str:
    return f"{n:02d}"


def _ids(rs: list[IndicatorResult]) -> str:
    """``I.1, I.2``; ``số 1, 2`` for codes that are bare numbers ("vượt 01 chỉ tiêu (1)" read as a note's mark)."""
    labels = [r.indicator.label for r in rs]
    listed = ", ".join(labels)
    return f"số {listed}" if labels and all(label.isdigit() for label in labels) else listed


LISTED = 10
"""Indicators named by their codes in a sentence at most; past them, a report with an annex counts them and sends
the reader to it (a body of 75 codes is read by nobody)."""


def _to_annex(rs: list[IndicatorResult], annexed: bool) -> bool:
    """Too many to name in a sentence of a report that has an annex to send the reader to."""
    return annexed and len(rs) > LISTED


def _listed(rs: list[IndicatorResult], annexed: bool) -> str:
    """``I.1, I.2``; or, past ``LISTED`` in a report with an annex, ``chi tiết tại Phụ lục``."""
    return "chi tiết tại Phụ lục" if _to_annex(rs, annexed) else _ids(rs)


def _target_years(plan: Plan) -> list[int]:
    """The years for which the plan sets some target (a "-" sets none)."""
    return sorted(
        {y for i in plan.indicators for y, t in i.targets.items() if t.meaning.kind != "none"},
    )


def _years_words(years: list[int]) -> str:
    """``năm 2025 và năm 2030``."""
    words = [f"năm {y}" for y in years]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " và " + words[-1]


def _summary(plan: Plan, results: list[IndicatorResult], year: int, until: str = "", *, annexed: bool = True) -> str:
    """The sentence an official writes: how many the plan set a target for, and how they came out (``until``: a
    period's report, ``tính đến hết quý III năm 2026``, against the year's targets)."""
    targeted = [r for r in results if stated(r)]
    total = _count(len(results))
    if not targeted:
        years = _target_years(plan)
        set_in = f" (Kế hoạch đặt chỉ tiêu cho {_years_words(years)})" if years else ""
        return f"Kế hoạch không đặt chỉ tiêu năm {year} cho {total} chỉ tiêu chủ yếu{set_in}."
    parts = []
    for status in JUDGED:
        these = [r for r in targeted if r.status is status]
        if these:
            parts.append(f"{vocab.VERDICT_VERBS[status]} {_count(len(these))} chỉ tiêu ({_listed(these, annexed)})")
    unjudged = [r for r in targeted if r.status in UNJUDGED]
    if unjudged:
        by_reason = {status: [r for r in unjudged if r.status is status] for status in UNJUDGED}
        why = "; ".join(
            f"{vocab.UNJUDGED_REASONS[s]}: {f'{_count(len(rs))} chỉ tiêu' if _to_annex(rs, annexed) else _ids(rs)}"
            for s, rs in by_reason.items()
            if rs
        )
        parts.append(f"chưa đánh giá được {_count(len(unjudged))} chỉ tiêu ({why})")
    share = f"cả {total}" if len(targeted) == len(results) else f"{_count(len(targeted))}/{total}"
    done = f"kết quả thực hiện {until}: " if until else "kết quả thực hiện: "
    lead = f"Năm {year}, Kế hoạch đặt chỉ tiêu cụ thể cho {share} chỉ tiêu chủ yếu; {done}"
    text = lead + ", ".join(parts) + "."
    rest = [r for r in results if not stated(r)]
    if rest:
        text += f" Kế hoạch không đặt chỉ tiêu năm {year} cho {_count(len(rest))} chỉ tiêu còn lại ({_listed(rest, annexed)})."
    return text


def _unmeasured_clause(results: list[IndicatorResult], count: int, year: int, known: str) -> str:
    """``, các chỉ tiêu này cũng chưa có số liệu``: after the summary's list of the ``count`` indicators without a
    target."""
    also = " cũng" if any(stated(r) and r.status is Status.NO_DATA for r in results) else ""
    until = "" if known == f"năm {year}" else f" {known}"
    these = "chỉ tiêu này" if count == 1 else "các chỉ tiêu này"
    return f", {these}{also} chưa có số liệu{until}"


def _unmeasured_sentence(
    results: list[IndicatorResult], unmeasured: list[IndicatorResult], year: int, known: str, annexed: bool
) -> str:
    """Which of the indicators without a target this year have no figure: said as theirs, after the summary named
    the targeted ones without one (two lists of "chưa có số liệu" read as one that contradicts the other)."""
    said = f"{_count(len(unmeasured))} chỉ tiêu (chi tiết tại Phụ lục)" if _to_annex(unmeasured, annexed) else ""
    if not any(stated(r) for r in results):
        return f"Chưa có số liệu {known}: {said or f'chỉ tiêu {_ids(unmeasured)}'}."
    also = " cũng" if any(stated(r) and r.status is Status.NO_DATA for r in results) else ""
    until = "" if known == f"năm {year}" else f" {known}"  # "năm 2025" said once
    if len(unmeasured) == 1:
        one = unmeasured[0].indicator.label
        return f"Chỉ tiêu {one} (Kế hoạch không đặt chỉ tiêu năm {year}){also} chưa có số liệu{until}."
    return f"Các chỉ tiêu mà Kế hoạch không đặt chỉ tiêu năm {year}{also} chưa có số liệu{until}: {said or _ids(unmeasured)}."


def _figure_sentence(r: IndicatorResult, today: date) -> str:
    ind = r.indicator
    comparison = comparison_text(r, today)
    tail = f", {comparison}" if comparison else ""
    return f"chỉ tiêu {ind.label} ({lower_first(ind.name)}) đạt {value_text(r)}{tail} (chỉ tiêu năm {r.year}: {target_words(r)})"


def _provisional_paragraph(plan: Plan, rs: list[IndicatorResult], whole: Period) -> str:
    """``Chỉ tiêu 1.2 (…) đạt 32,9% (số liệu tạm tính, mới có 07/10 xã, phường báo cáo), chưa đánh giá …``; of an
    amount, ``Chỉ tiêu 1.3 (…): tổng số liệu của các đơn vị đã báo cáo là 28.050 nghìn USD (…)``; a figure of part of
    ``whole`` (the period reported on) says which: ``(số liệu tháng 11/2026, tạm tính, …)``."""
    said = "; ".join(
        f"chỉ tiêu {r.indicator.label} ({lower_first(r.indicator.name)}){_so_far(r)} "
        f"({_of_part(r, whole, provisional_words(plan, r.coverage))}), chưa đánh giá so với chỉ tiêu năm {r.year} "
        f"({target_words(r)})"
        for r in rs
    )
    return vocab.sentence(said) + "."


def _of_part(r: IndicatorResult, whole: Period, words: str) -> str:
    """``số liệu tháng 11/2026, tạm tính, …`` for a figure of part of ``whole``; ``words`` as they are otherwise."""
    if r.known_until is None or r.known_until == whole:
        return words
    return f"số liệu {r.known_until.label}, {words.removeprefix('số liệu ')}"


def _so_far(r: IndicatorResult, part: str = "") -> str:
    """`` đạt 32,9%`` of a rate from the units that reported; of an amount, what they add up to is no result of the
    whole yet (an official's reading: "đạt 28.050 nghìn USD" was two communes' figures, said as the province's)."""
    if r.indicator.measure.adds_up:
        return f": tổng số liệu của các đơn vị đã báo cáo là {r.value_display}{part}"
    return f" đạt {r.value_display}{part}"


def _untargeted_line(plan: Plan, r: IndicatorResult, part: str = "") -> str:
    """``Chỉ tiêu 1.7 (…) đạt 94,5%, tăng 0,4 điểm phần trăm so với năm 2025; mục tiêu đến năm 2030 trên 95%, …``."""
    ind = r.indicator
    text = f"Chỉ tiêu {ind.label} ({lower_first(ind.name)}) đạt {value_text(r)}{part}"
    if r.provisional:  # from fewer units than report it: no change, distance or pace to say of it yet
        said = f"Chỉ tiêu {ind.label} ({lower_first(ind.name)}){_so_far(r, part)}"
        return f"{said} ({provisional_words(plan, r.coverage)}), chưa so sánh với năm trước và mục tiêu cuối kỳ"
    change = _change_words(plan, r)
    if change:
        text += f", {change}"
    final = final_distance(r)
    if final:
        text += f"; {final}"
    return text


def _change_words(plan: Plan, r: IndicatorResult) -> str:
    """``tăng 0,68 điểm phần trăm so với năm 2025 (so với số liệu tạm tính)``; '' when not comparable."""
    p = r.previous
    if p is None or p.change is None or r.value is None:
        return ""
    words = vocab.against_year(p.change, r.indicator.unit, p.year, r.decimals)
    if previous_provisional(plan, r):
        words += f" ({vocab.PROVISIONAL_BASE.format(year=p.year)})"
    return words


@dataclass(frozen=True)
class ToFinal:
    """Where a year's value stands against the final target: reached, or how far is left and the yearly pace."""

    year: int
    goal: str  # the final target in words: "trên 95%"
    reached: bool
    distance: float = 0.0  # at the figures' decimals
    pace: float = 0.0
    strict: bool = False
    small: bool = (
        False  # the pace is less than the smallest step shown (0,0025 a year at two decimals): "chưa đến 0,01"
    )

    @property
    def on_bound(self) -> bool:
        """Exactly on a bound it must pass ("trên 60%" with 60%): not met, and no distance to say."""
        return self.strict and self.distance == 0


def to_final(r: IndicatorResult) -> ToFinal | None:
    """The distance to a numeric final target after the result's year; ``None`` without one."""
    final = r.final
    requirement = final.requirement if final is not None else None
    if final is None or requirement is None or r.value is None or final.year <= r.year:
        return None
    if requirement.aggregate is not Aggregate.YEAR:
        return None
    ind = r.indicator
    goal = report_words(final.meaning, ind.measure, ind.better, framed=True)
    shown = rounded(r.value, r.decimals)  # judged as shown, as the year's target is (``tracking.engine.assess``)
    if requirement.judge(shown, ind.better) in (Status.MET, Status.EXCEEDED):
        return ToFinal(final.year, goal, reached=True)
    distance = abs(requirement.gap(shown, ind.better, r.decimals))
    # from the distance as printed, so that the reader's own division agrees (4,26 over 6 years: 0,71, not the
    # 0,72 of an unprinted 4,2632)
    exact = distance / (final.year - r.year)
    pace = _toward_requirement(exact, r.decimals)
    return ToFinal(
        final.year, goal, False, distance, pace, requirement.strict, small=exact < pace and pace <= 10**-r.decimals
    )


def _toward_requirement(pace: float, decimals: int) -> float:
    """A yearly pace rounded in the direction of what is required, at the target's precision: the size of the
    move always rounded up (1,42 over 4 years needs 0,355 a year → 0,36; 0,02 over 6 years → 0,01), so the
    report never understates it. ``pace`` is a size (not signed); float noise (0,1 × 3) is not rounded up."""
    size = Decimal(repr(round(pace, 9)))
    return float(size.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_CEILING))


def final_distance(r: IndicatorResult) -> str:
    """``mục tiêu đến năm 2030 trên 95%, còn thấp hơn 0,5 điểm phần trăm, bình quân mỗi năm cần tăng trên 0,1 điểm
    phần trăm`` or ``đã đạt mục tiêu đến năm 2030 (trên 60%)``; '' without a numeric final target after the year."""
    f = to_final(r)
    if f is None:
        return ""
    if f.reached:
        return f"đã đạt mục tiêu đến năm {f.year} ({f.goal})"
    ind = r.indicator
    _, verb = _sides(ind.better, ind.unit)
    more = " trên" if f.strict else ""
    goal = f"là {f.goal}" if f.goal[:1].isdigit() else f.goal  # "mục tiêu đến năm 2030 là 100%", "… trên 95%"
    if f.on_bound:
        return f"mục tiêu đến năm {f.year} {goal}, {_short_of(f, r)}"
    return (
        f"mục tiêu đến năm {f.year} {goal}, còn {_short_of(f, r)}, "
        f"bình quân mỗi năm cần {verb}{more} {'chưa đến ' if f.small else ''}{vocab.points(f.pace, ind.unit, r.decimals)}"
    )


def _short_of(f: ToFinal, r: IndicatorResult) -> str:
    """How far a value is from the final target, ``thấp hơn 0,5 điểm phần trăm``; exactly on a bound it must pass,
    ``mới bằng mức mục tiêu (phải vượt mức này)`` (it said "thấp hơn 0 điểm phần trăm"); ``… (phải thấp hơn mức
    này)`` of a bound below. Values are compared as shown (``kh68.tracking.engine``): a distance never rounds to
    nothing otherwise."""
    if f.on_bound:
        return f"mới bằng mức mục tiêu (phải {vocab.past_bound(r.indicator.better, r.indicator.unit)} mức này)"
    side, _ = _sides(r.indicator.better, r.indicator.unit)
    return f"{side} {vocab.points(f.distance, r.indicator.unit, r.decimals)}"


def _sides(better: Direction, unit: str) -> tuple[str, str]:
    """How a value short of its goal is said, and the way it must move: (``thấp hơn``, ``tăng``) or the reverse; a
    place in a ranking goes up as its number goes down: (``kém``, ``tăng``)."""
    if Measure(unit).is_rank:
        return vocab.short_side(better, unit), "tăng"
    return ("thấp hơn", "tăng") if better is Direction.HIGHER else ("cao hơn", "giảm")


def _changes(plan: Plan, rs: list[IndicatorResult]) -> str:
    """``So với năm 2024: chỉ tiêu 1.3 tăng 0,8 điểm phần trăm; …`` of the indicators with a target this year."""
    parts = []
    for r in rs:
        words = _change_words(plan, r)
        p = r.previous
        if words and p is not None:
            parts.append(f"chỉ tiêu {r.indicator.label} {words.replace(f' so với năm {p.year}', '', 1)}")
    years = sorted({r.previous.year for r in rs if r.previous is not None and r.previous.change is not None})
    if not parts:
        return ""
    since = f"năm {years[0]}" if len(years) == 1 else "năm trước"
    return f"So với {since}: {'; '.join(parts)}."


def _break_paragraphs(plan: Plan, results: list[IndicatorResult], year: int) -> list[str]:
    """A break that starts a new series this year, said with its basis: why the previous year is not compared."""
    by_break: dict[int, tuple[Break, list[IndicatorResult]]] = {}
    for r in results:
        b = r.series_break
        crossed = r.previous is not None and r.previous.crossed is not None
        if b is not None and b.first_year == year and crossed and r.unit_of_count_gone is None:
            by_break.setdefault(id(b.declared), (b, []))[1].append(r)
    out = []
    for b, rs in by_break.values():
        declared = b.declared
        reason = lower_first(_flat(declared.reason).rstrip(" ."))
        basis = legal_basis(declared.source)
        lead = (
            f"Theo {basis}, từ ngày {format_date(declared.date)}" if basis else f"Từ ngày {format_date(declared.date)}"
        )
        text = f"{lead}, {reason}. Vì vậy, Báo cáo không so sánh kết quả năm {year} với năm {year - 1} của các chỉ tiêu {_ids(rs)}"
        issued = plan.meta.date or date(plan.meta.year, 12, 31)
        if issued < declared.date and any(stated(r) for r in rs):
            text += f"; chỉ tiêu năm {year} của Kế hoạch được đặt trước ngày {format_date(declared.date)}"
        out.append(text + ".")
    return out


def gone_uncomputable(r: IndicatorResult) -> bool:
    """The result's unit of count ceased and the year's figure cannot be computed for it; an indicator whose year's
    target is a milestone judged by its reported state ("đang triển khai") is counted over the same units but is not
    one of them: a report says of it its state, never also "không tính được"."""
    return r.unit_of_count_gone is not None and r.status is Status.NOT_COMPUTABLE


def _gone_paragraphs(plan: Plan, results: list[IndicatorResult], year: int, proposer: Proposer | None) -> list[str]:
    """Indicators counted over a kind of unit that ceased: the legal basis the plan records, and a proposal."""
    by_kind: dict[tuple[str, date], list[IndicatorResult]] = {}
    for r in results:
        if r.unit_of_count_gone is not None and gone_uncomputable(r):
            by_kind.setdefault((r.unit_of_count_label, r.unit_of_count_gone), []).append(r)
    out = []
    for (label, gone), rs in by_kind.items():
        kind = rs[0].indicator.counted_over
        sources = [u.source for u in plan.units.units.values() if u.kind is kind and u.handover == gone and u.source]
        basis = legal_basis(sources[0]) if sources else ""
        since = f"theo {basis}, từ ngày {format_date(gone)}" if basis else f"từ ngày {format_date(gone)}"
        these = "chỉ tiêu này" if len(rs) == 1 else "các chỉ tiêu này"
        text = (
            f"Chỉ tiêu {_ids(rs)} của Kế hoạch tính theo số {label}; {since} không còn {label}, "
            f"nên năm {year} không tính được {these} theo cách tính của Kế hoạch."
        )
        if proposer is not None:
            text += f" {proposer.sender} đề nghị {proposer.recipient} xem xét, điều chỉnh cách tính {these}."
        out.append(text)
    return out


def _items(lines: list[str]) -> Items:
    """Listed lines in the customary form: a capital first letter, ``;`` after each, ``.`` after the last."""
    clean = [vocab.sentence(_flat(line).rstrip(" .;")) for line in lines if line.strip()]
    return Items(tuple(f"{line}{'.' if i == len(clean) - 1 else ';'}" for i, line in enumerate(clean)))


def _flat(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------ provisional figures


def provisional_words(plan: Plan, c: Coverage | None) -> str:
    """``số liệu tạm tính, mới có 07/10 xã, phường, đặc khu báo cáo`` (what the plan calls the units reporting)."""
    if c is None:
        return ""
    kinds = {plan.units.units[u.unit_id].kind for u in c.expected}
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    who = vocab.unit_kind_label(plan, kind) if kind is not None else "đơn vị"
    return vocab.PROVISIONAL_FIGURE.format(reported=_count(len(c.reported)), expected=_count(len(c.expected)), who=who)


def previous_provisional(plan: Plan, r: IndicatorResult) -> bool:
    """Whether the previous year's figure (the base of the change) was itself provisional."""
    p = r.previous
    if p is None:
        return False
    data = plan.data.get(p.year)
    m = data.indicators.get(r.indicator.id) if data else None
    c = coverage(plan, r.indicator, p.year, m)
    return c is not None and c.provisional


# ------------------------------------------------------------ cell texts


def target_words(r: IndicatorResult) -> str:
    """The plan's target for the year in words (``trên 60%``, ``từ 30% đến 35%``); ``–`` where it sets none."""
    if r.target is None or not stated(r):
        return NO_TARGET_MARK
    meaning = r.target.meaning
    if meaning is None or not meaning.numeric:
        return r.target.text
    return report_words(meaning, r.indicator.measure, r.indicator.better)


def report_words(meaning: Target, measure: Measure, direction: Direction, *, framed: bool = False) -> str:
    """A target as a report says it: a structured target's own words when it gives them, else the plan's as written
    (an official signs the plan's words: "tăng tối thiểu 03 bậc" was "tăng 3 bậc"), else its kind's. ``framed``:
    after "mục tiêu đến năm 2030", where words naming their own year ("phấn đấu đến năm 2030 đạt …") would say it
    twice: its kind's words then."""
    written = None if framed and meaning.year is not None else meaning.as_written(measure)
    return meaning.display or written or meaning.words(Style.REPORT, measure, direction)


def final_words(r: IndicatorResult, column_year: int | None = None) -> str:
    """The final target in words; ``–`` without one. Under a column of ``column_year`` ("Mục tiêu đến năm 2030"), a
    final target of another year says its year (``tối thiểu 20 ha (năm 2026)``): a target set for 2026 alone is no
    target for 2030."""
    final = r.final
    if final is None:
        return NO_TARGET_MARK
    words = (
        final.text
        if not final.meaning.numeric
        else report_words(final.meaning, r.indicator.measure, r.indicator.better)
    )
    return words if column_year in (None, final.year) else f"{words} (năm {final.year})"


def part_of_the_year(r: IndicatorResult, view: StatusView) -> str:
    """`` (số liệu 6 tháng đầu năm 2026)`` after a figure of part of the year, without a target of its year, in a
    report of more than that part (the year's): it is no year's result. Against a target of the year the
    comparison says how far it goes (not of a provisional figure, compared with nothing: said here); in a report of
    that very part, the heading does."""
    whole = view.period or Period.of_year(view.year)
    if r.known_until is None or r.known_until == whole or (stated(r) and not r.provisional):
        return ""
    return f" (số liệu {r.known_until.label})"


def value_text(r: IndicatorResult) -> str:
    """``95,4%``; ``32,9% (tạm tính)``; a state (``Đang triển khai``); ``–`` when it cannot be computed."""
    if r.status is Status.NOT_COMPUTABLE and r.value is None and r.state is None:
        return NO_TARGET_MARK
    if r.value is not None:
        shown = r.value_display
        if r.state is not None:
            shown += f" ({vocab.task_state_label(r.state).lower()})"
        return f"{shown} ({vocab.PROVISIONAL_SHORT})" if r.provisional else shown
    if r.state is not None:
        return vocab.task_state_label(r.state)
    return vocab.STATUS_LABELS[Status.NO_DATA]


def _annex_value(r: IndicatorResult, view: StatusView) -> str:
    """The annex's result: ``value_text`` and the part of the year it is of (``28.050 nghìn USD (số liệu tháng
    11/2026, tạm tính)``, one bracket)."""
    part = part_of_the_year(r, view)
    if part and r.provisional and r.value is not None and r.state is None:
        whole = view.period or Period.of_year(view.year)
        return f"{r.value_display} ({_of_part(r, whole, f'số liệu {vocab.PROVISIONAL_SHORT}')})"
    return value_text(r) + part


def previous_text(plan: Plan, r: IndicatorResult) -> str:
    p = r.previous
    if p is None:
        return NO_TARGET_MARK
    shown = vocab.amount(p.value, r.indicator.unit, r.decimals)
    return f"{shown} ({vocab.PROVISIONAL_SHORT})" if previous_provisional(plan, r) else shown


def comparison_text(r: IndicatorResult, today: date | None = None) -> str:
    """``vượt chỉ tiêu 0,4 điểm phần trăm`` / ``thấp hơn chỉ tiêu 1,2 điểm phần trăm`` (``kh68.vocab``) against a
    target the plan set and judged; '' otherwise. A figure of part of the year goes to its period's end, or, when
    the report is made before that, to the day of the document it comes from (the report's day if none is dated)."""
    if r.target is None or verdict(r) not in JUDGED:
        return ""
    if r.known_until is not None and r.status is Status.IN_PROGRESS:
        day = known_to(r, r.known_until, today)
        until = f"đến hết {r.known_until.label}" if day is None else f"đến ngày {format_date(day)}"
        return vocab.so_far(r.gap, r.indicator.unit, r.indicator.better, until, r.decimals)
    return vocab.against_target(r.status, r.gap, r.indicator.unit, r.indicator.better, r.decimals, r.target.ranged)


def known_to(r: IndicatorResult, period: Period, today: date | None) -> date | None:
    """The day a figure of part of the year is known to, when that comes before ``period``'s end: the latest day, up
    to the report's (``today``), of the documents it comes from (the province's and its units'), else the report's
    own day; ``None`` when it covers the whole period (a document dated at its end or after, or none dated and the
    report made after it). A November figure from a document of 17/11 is known to 17/11, never "to the end of
    November", whenever the report is made."""
    last = period.last_day
    sources = r.measurement.sources() if r.measurement is not None else []
    days = [s.date for s in sources if s.date is not None]
    cap = last if today is None else min(today, last)
    if cap == last and (not days or max(days) >= last):
        return None
    return max((d for d in days if d <= cap), default=cap)


def _comparison_cell(r: IndicatorResult, today: date) -> str:
    """Against the year's target the plan set; without one, against the final target (a provisional figure, from
    fewer units than report it, against nothing: its distance would be a guess)."""
    if stated(r):
        return vocab.sentence(comparison_text(r, today)) or NO_TARGET_MARK
    if r.provisional:
        return NO_TARGET_MARK
    f = to_final(r)
    if f is None:
        return NO_TARGET_MARK
    if f.reached:
        return f"Đã đạt mục tiêu năm {f.year}"
    return f"So với mục tiêu năm {f.year}: {_short_of(f, r)}"


# ------------------------------------------------------------ the annex


def annex_columns(year: int, final_year: int, known: str = "", *, ids: bool = True) -> tuple[Column, ...]:
    """Widths for a landscape A4 page (297 mm less 30 + 15 mm margins = 252 mm); ``known``: when the figures are
    known (``đến hết quý III năm 2026``), else the year; ``ids``: the document's own ids ("Mã"), else the rows'
    numbers ("STT")."""
    return (
        Column("Mã" if ids else "STT", 12, nowrap=True),
        Column("Chỉ tiêu", 56, Align.LEFT),
        Column("Đơn vị tính", 13),
        Column(f"Chỉ tiêu năm {year}", 24),
        Column(f"Kết quả {known or f'năm {year}'}", 22),
        Column(f"Kết quả năm {year - 1}", 20),
        Column("So sánh với chỉ tiêu", 37, Align.LEFT),
        Column("Đánh giá", 24, Align.LEFT),
        Column(f"Mục tiêu đến năm {final_year}", 24),
        Column("Nguồn, ghi chú", 20, nowrap=True),
    )


def indicator_annex(view: StatusView, attached_to: str) -> Annex:
    return Annex(
        label="Phụ lục",
        title=f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU {_known(view).upper()}",
        attached_to=attached_to,
        table=indicator_table(view),
        figures=indicator_figures(view),
    )


def indicator_table(view: StatusView) -> Table:
    plan, year = view.plan, view.year
    final_year = view.results.final_year or plan.meta.period.end
    notes: list[str] = []
    rows = []
    for r in view.results:
        numbers = []
        for text in _notes_of(r, plan):
            notes.append(text)
            numbers.append(len(notes))
        rows.append(
            Row(
                cells=(
                    r.indicator.label,
                    r.indicator.name,
                    r.indicator.unit,
                    target_words(r),
                    _annex_value(r, view),
                    previous_text(plan, r),
                    _comparison_cell(r, view.today),
                    verdict_label(r),
                    final_words(r, final_year),
                    " ".join(f"({n})" for n in numbers),
                ),
                status=verdict(r).value,
                anchor=f"chi-tieu-{r.indicator.id}",
            )
        )
    lines = [*_shared_notes(plan, list(view.results)), *(f"({n}) {text}" for n, text in enumerate(notes, 1))]
    if any(row.cells[3] == NO_TARGET_MARK for row in rows):
        lines.insert(0, f"Dấu {NO_TARGET_MARK} ở cột chỉ tiêu năm {year}: Kế hoạch không đặt chỉ tiêu năm {year}.")
    columns = annex_columns(year, final_year, _known(view), ids=plan.meta.indicator_ids_in_document)
    return Table(columns, tuple(rows), tuple(lines), "Nguồn số liệu và ghi chú:")


def _notes_of(r: IndicatorResult, plan: Plan) -> list[str]:
    ind = r.indicator
    parts = []
    if r.target is not None and stated(r) and r.target.footnote:
        parts.append(f"Chỉ tiêu {ind.label}, chỉ tiêu năm {r.year}: {r.target.footnote}")
    if r.provisional and r.coverage is not None:
        share = r.coverage.denominator_share
        of = f" (chiếm {vocab.amount(round(share), '%', 0)} tổng mẫu số)" if share is not None else ""
        parts.append(f"Chỉ tiêu {ind.label}: {provisional_words(plan, r.coverage)}{of}.")
    computed = r.computed is not None
    parts += [f"Chỉ tiêu {ind.label}, {text}" for text in _source_note(r.measurement, plan, computed)]
    return parts


def _shared_notes(plan: Plan, results: list[IndicatorResult]) -> list[str]:
    """Notes that hold for several indicators at once, each said once with the indicators it concerns.

    A unit of count that no longer exists (indicators counted over districts after the district level ended), and a
    previous year's figure that is shown but was counted over the units before a break.
    """
    return _grouped(results, _gone_note) + _grouped(results, _crossed_note)


Note = tuple[str, str]
"""A note said of several indicators: the text before their ids and the text after them."""


def _gone_note(r: IndicatorResult) -> Note | None:
    if r.unit_of_count_gone is None:
        return None
    label = r.unit_of_count_label
    why = f": tính theo số {label}; từ ngày {format_date(r.unit_of_count_gone)} không còn {label}"
    return ("Chỉ tiêu ", f"{why} nên không tính được." if gone_uncomputable(r) else f"{why}.")


def _crossed_note(r: IndicatorResult) -> Note | None:
    """The previous year's figure is shown, but it was counted over the units before the break."""
    p = r.previous
    if r.unit_of_count_gone is not None or p is None or p.crossed is None:
        return None
    return f"Kết quả năm {p.year} của chỉ tiêu ", f": {p.crossed.text}."


def _grouped(results: list[IndicatorResult], note_of: Callable[[IndicatorResult], Note | None]) -> list[str]:
    """Each note said of some indicators, once, naming them all (``1.1, 1.9``), in the order first met."""
    by_note: dict[Note, list[str]] = {}
    for r in results:
        note = note_of(r)
        if note is not None:
            by_note.setdefault(note, []).append(r.indicator.label)
    return [f"{before}{', '.join(ids)}{after}" for (before, after), ids in by_note.items()]


def _source_note(m: Measurement | None, plan: Plan, computed: bool) -> list[str]:
    if m is None:
        return []
    parts = []
    if m.source:
        src = [m.source.document or ""]
        if m.source.date:
            src.append(f"ngày {format_date(m.source.date)}")
        if m.source.unit:  # in brackets after a document it is the document's sender; alone, it is the source
            sender = plan.unit_name(m.source.unit)
            src.append(f"({sender})" if m.source.document or m.source.date else f"do {sender} báo cáo")
        text = " ".join(s for s in src if s)
        if text:
            parts.append(f"nguồn số liệu: {text}.")
    if computed and m.value is None and m.by_unit:
        how = vocab.UNIT_FORM_COMBINED[form_of(next(iter(m.by_unit.values())))]
        parts.append(f"cách tính: giá trị tổng hợp từ số liệu của {_count(len(m.by_unit))} đơn vị ({how}).")
    if m.note:
        parts.append(f"ghi chú: {' '.join(m.note.split())}")
    return parts


def indicator_figures(view: StatusView) -> tuple[Figure, ...]:
    from kh68.outputs.charts import indicator_chart

    figures = []
    for r in view.results:
        svg = indicator_chart(view.plan, r)
        if svg:
            figures.append(Figure(Svg(svg), f"Chỉ tiêu {r.indicator.label}: {r.indicator.name}"))
    return tuple(figures)
