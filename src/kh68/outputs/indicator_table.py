"""The indicators in a report: the paragraph of section II and the annex table.

Both read the engine's results (``StatusView.results``, one ``IndicatorResult`` per
indicator) and the words of ``kh68.vocab``; they recompute nothing.  They say what an
official report says: the target as the plan writes it for the year (no interpolated
milestone), the value, the previous year's value, the comparison and the assessment.
Projections and progress ratios stay in ``kh68 status``.
"""

from __future__ import annotations

from collections.abc import Callable

from kh68 import vocab
from kh68.core.vnformat import format_date
from kh68.domain.coverage import unit_of_count_text
from kh68.domain.measures import form_of
from kh68.kinds.verdict import Status
from kh68.outputs.document import Align, Annex, Column, Figure, Row, Svg, Table
from kh68.outputs.status_view import StatusView
from kh68.reading.models import Measurement
from kh68.reading.plan import Plan
from kh68.tracking.engine import IndicatorResult

NO_TARGET_MARK = "–"
# Order in which the paragraph counts the verdicts.
COUNTED = (
    Status.EXCEEDED,
    Status.MET,
    Status.NOT_MET,
    Status.IN_PROGRESS,
    Status.PROVISIONAL,
    Status.NOT_COMPUTABLE,
    Status.NO_DATA,
)
COUNT_WORDS = {
    Status.EXCEEDED: "vượt chỉ tiêu",
    Status.MET: "đạt chỉ tiêu",
    Status.NOT_MET: "chưa đạt chỉ tiêu",
    Status.IN_PROGRESS: "đang triển khai",
    Status.PROVISIONAL: "mới có số liệu tạm tính, chưa đánh giá",
    Status.NOT_COMPUTABLE: "không tính được",
    Status.NO_DATA: "chưa có số liệu",
}


# ------------------------------------------------------------ the paragraph


def indicator_paragraphs(view: StatusView, *, annexed: bool = True) -> list[str]:
    """Section II.2: how many met, exceeded, not met; those not met with their figures; change."""
    results, year = list(view.results), view.year
    if not results:
        return ["Không có chỉ tiêu nào thuộc phạm vi báo cáo."]
    targeted = [r for r in results if r.status is not Status.NO_TARGET]
    paragraphs = [_counts(results, targeted, year)]
    derived = [r for r in targeted if r.target is not None and r.target.derived]
    if derived:
        paragraphs.append(_derived(derived, year))
    not_met = [r for r in targeted if r.status is Status.NOT_MET]
    if not_met:
        paragraphs.append("Chỉ tiêu chưa đạt: " + "; ".join(_figure_sentence(r) for r in not_met) + ".")
    untargeted = [r for r in results if r.status is Status.NO_TARGET]
    if untargeted:
        paragraphs.append(_untargeted(untargeted, year))
    change = _changes(results)
    if change:
        paragraphs.append(change)
    paragraphs += ["Đối với " + _lower_first(note) for note in _grouped(results, _gone_note)]
    provisional = [r for r in results if _provisional(r)]
    if provisional:
        paragraphs.append(
            "Số liệu tạm tính (chưa đủ đơn vị báo cáo): "
            + "; ".join(f"chỉ tiêu {r.indicator.id} ({_provisional(r)})" for r in provisional)
            + "."
        )
    if annexed:
        paragraphs.append(
            "Kết quả từng chỉ tiêu (chỉ tiêu năm theo Kế hoạch, kết quả năm báo cáo và năm trước, so sánh với "
            "chỉ tiêu, mục tiêu đến năm cuối kỳ, nguồn số liệu) tại Phụ lục kèm theo Báo cáo này."
        )
    return paragraphs


def _count(n: int) -> str:
    return f"{n:02d}"


def _ids(rs: list[IndicatorResult]) -> str:
    return ", ".join(r.indicator.id for r in rs)


def _counts(results: list[IndicatorResult], targeted: list[IndicatorResult], year: int) -> str:
    if not targeted:
        return f"Năm {year}, Kế hoạch không đặt chỉ tiêu năm cho chỉ tiêu nào trong {_count(len(results))} chỉ tiêu chủ yếu."
    parts = []
    for status in COUNTED:
        these = [r for r in targeted if r.status is status]
        if these:
            parts.append(f"{_count(len(these))} chỉ tiêu {COUNT_WORDS[status]} ({_ids(these)})")
    share = f"{_count(len(targeted))}/{_count(len(results))}"
    if any(r.target is not None and r.target.derived for r in targeted):
        lead = f"Năm {year}, có {share} chỉ tiêu chủ yếu được đánh giá theo chỉ tiêu hoặc lộ trình của Kế hoạch"
    else:
        lead = f"Năm {year}, Kế hoạch đặt chỉ tiêu cho {share} chỉ tiêu chủ yếu"
    return f"{lead}; kết quả: {'; '.join(parts)}."


def _derived(rs: list[IndicatorResult], year: int) -> str:
    return (
        f"Kế hoạch không ghi chỉ tiêu riêng cho năm {year} của {_count(len(rs))} chỉ tiêu ({_ids(rs)}); "
        "các chỉ tiêu này được đánh giá theo lộ trình từ chỉ tiêu năm trước đến mục tiêu cuối kỳ của Kế hoạch."
    )


def _figure_sentence(r: IndicatorResult) -> str:
    ind = r.indicator
    comparison = comparison_text(r)
    tail = f", {comparison}" if comparison else ""
    target = f" (chỉ tiêu năm {r.year}: {target_with_unit(r)})" if target_text(r) != NO_TARGET_MARK else ""
    return f"chỉ tiêu {ind.id} ({_lower_first(ind.name)}) đạt {value_text(r)}{tail}{target}"


def _untargeted(rs: list[IndicatorResult], year: int) -> str:
    measured = [r for r in rs if r.value is not None]
    text = f"Kế hoạch không đặt chỉ tiêu năm {year} cho {_count(len(rs))} chỉ tiêu ({_ids(rs)})"
    if measured:
        shown = "; ".join(
            f"chỉ tiêu {r.indicator.id} đạt {value_text(r)} (mục tiêu đến năm {r.final.year}: {final_text(r)})"
            if r.final
            else f"chỉ tiêu {r.indicator.id} đạt {value_text(r)}"
            for r in measured
        )
        text += f"; kết quả: {shown}"
    unmeasured = [r for r in rs if not r.has_data]
    if unmeasured:
        text += f"; chưa có số liệu: {_ids(unmeasured)}"
    return text + "."


def _changes(results: list[IndicatorResult]) -> str:
    parts, broken = [], []
    for r in results:
        p = r.previous
        if p is None or p.change is None or r.value is None:
            continue
        if r.comparable_since is not None and p.year < r.comparable_since:
            broken.append(r.indicator.id)
            continue
        words = vocab.against_year(p.change, r.indicator.unit, p.year, r.decimals)
        parts.append(f"chỉ tiêu {r.indicator.id} {words.removesuffix(f' so với năm {p.year}')}")
    years = sorted({r.previous.year for r in results if r.previous is not None})
    since = f"năm {years[0]}" if len(years) == 1 else "năm trước"
    text = f"So với {since}: {'; '.join(parts)}." if parts else ""
    if broken:
        text += f" Không so sánh với năm trước đối với chỉ tiêu {', '.join(broken)} (phạm vi số liệu thay đổi)."
    return text.strip()


def _provisional(r: IndicatorResult) -> str:
    c = r.coverage
    if c is None or c.complete or r.value is None:
        return ""
    return c.label  # "tạm tính, 7/10 đơn vị" (with the share of the denominator when known)


# ------------------------------------------------------------ cell texts


def _stated(r: IndicatorResult) -> bool:
    return r.target is not None and not r.target.derived


def target_text(r: IndicatorResult) -> str:
    """The plan's target for the year as it writes it; ``–`` where it sets none (or only a milestone)."""
    return r.target.text if r.target is not None and _stated(r) else NO_TARGET_MARK


def target_with_unit(r: IndicatorResult) -> str:
    """``60%``, ``30-35%``: a numeric target with its unit; a textual one as written."""
    if r.target is None or not _stated(r):
        return NO_TARGET_MARK
    return r.target.display


def final_text(r: IndicatorResult) -> str:
    return r.final.text if r.final else NO_TARGET_MARK


def value_text(r: IndicatorResult) -> str:
    provisional = _provisional(r)
    if r.value is not None:
        shown = r.value_display
        if r.state is not None:
            shown += f" ({vocab.task_state_label(r.state).lower()})"
        return f"{shown} ({provisional})" if provisional else shown
    if r.state is not None:
        return vocab.task_state_label(r.state)
    return vocab.STATUS_LABELS[Status.NO_DATA]


def previous_text(r: IndicatorResult) -> str:
    p = r.previous
    return vocab.amount(p.value, r.indicator.unit, r.decimals) if p is not None else NO_TARGET_MARK


def comparison_text(r: IndicatorResult) -> str:
    """``vượt 0,4% so với chỉ tiêu`` / ``thấp hơn chỉ tiêu 1,2 điểm phần trăm`` (``kh68.vocab``); '' if none."""
    if r.target is None or r.status in (Status.NO_DATA, Status.NO_TARGET):
        return ""
    return vocab.against_target(r.status, r.gap, r.indicator.unit, r.indicator.better, r.decimals, r.target.ranged)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


# ------------------------------------------------------------ the annex


def annex_columns(year: int, final_year: int) -> tuple[Column, ...]:
    """Widths for a landscape A4 page (297 mm less 30 + 15 mm margins = 252 mm)."""
    return (
        Column("Mã", 12, nowrap=True),
        Column("Chỉ tiêu", 62, Align.LEFT),
        Column("Đơn vị tính", 13, nowrap=True),
        Column(f"Chỉ tiêu năm {year}", 22, nowrap=True),
        Column(f"Kết quả năm {year}", 25, nowrap=True),
        Column(f"Kết quả năm {year - 1}", 22, nowrap=True),
        Column("So sánh với chỉ tiêu", 34, Align.LEFT),
        Column("Đánh giá", 22, Align.LEFT),
        Column(f"Mục tiêu đến năm {final_year}", 22, nowrap=True),
        Column("Nguồn, ghi chú", 18, nowrap=True),
    )


def indicator_annex(view: StatusView, attached_to: str) -> Annex:
    return Annex(
        label="Phụ lục",
        title=f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM {view.year}",
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
                    r.indicator.id,
                    r.indicator.name,
                    r.indicator.unit,
                    target_text(r),
                    value_text(r),
                    previous_text(r),
                    vocab.sentence(comparison_text(r)) or NO_TARGET_MARK,
                    r.status_label,
                    final_text(r),
                    " ".join(f"({n})" for n in numbers),
                ),
                status=r.status.value,
                anchor=f"chi-tieu-{r.indicator.id}",
            )
        )
    lines = [*_shared_notes(list(view.results)), *(f"({n}) {text}" for n, text in enumerate(notes, 1))]
    if any(row.cells[3] == NO_TARGET_MARK for row in rows):
        lines.insert(0, f"Dấu {NO_TARGET_MARK} ở cột chỉ tiêu năm {year}: Kế hoạch không ghi chỉ tiêu cho năm {year}.")
    return Table(annex_columns(year, final_year), tuple(rows), tuple(lines), "Nguồn số liệu và ghi chú:")


def _notes_of(r: IndicatorResult, plan: Plan) -> list[str]:
    ind = r.indicator
    parts = []
    if r.target is not None and _stated(r) and r.target.footnote:
        parts.append(f"Chỉ tiêu {ind.id}, chỉ tiêu năm {r.year}: {r.target.footnote}")
    computed = r.computed is not None
    parts += [f"Chỉ tiêu {ind.id}, {text}" for text in _source_note(r.measurement, plan, computed)]
    return parts


def _shared_notes(results: list[IndicatorResult]) -> list[str]:
    """Notes that hold for several indicators at once, each said once with the indicators it concerns.

    A unit of count that no longer exists (indicators counted over districts after the district level ended), and a previous
    year's figure that is shown but was counted over the units before a break.
    """
    return _grouped(results, _gone_note) + _grouped(results, _crossed_note)


Note = tuple[str, str]
"""A note said of several indicators: the text before their ids and the text after them."""


def _gone_note(r: IndicatorResult) -> Note | None:
    if r.unit_of_count_gone is None:
        return None
    return "Chỉ tiêu ", f": {unit_of_count_text(r.unit_of_count_label, r.unit_of_count_gone)}."


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
            by_note.setdefault(note, []).append(r.indicator.id)
    return [f"{before}{', '.join(ids)}{after}" for (before, after), ids in by_note.items()]


def _source_note(m: Measurement | None, plan: Plan, computed: bool) -> list[str]:
    if m is None:
        return []
    parts = []
    if m.source:
        src = [m.source.document or ""]
        if m.source.date:
            src.append(f"ngày {format_date(m.source.date)}")
        if m.source.unit:
            src.append(f"({plan.unit_name(m.source.unit)})")
        text = " ".join(s for s in src if s)
        if text:
            parts.append(f"nguồn số liệu: {text}.")
    if computed and m.value is None and m.by_unit:
        how = vocab.UNIT_FORM_COMBINED[form_of(next(iter(m.by_unit.values())))]
        parts.append(f"cách tính: giá trị toàn tỉnh tính từ số liệu của {len(m.by_unit)} đơn vị ({how}).")
    if m.note:
        parts.append(f"ghi chú: {' '.join(m.note.split())}")
    return parts


def indicator_figures(view: StatusView) -> tuple[Figure, ...]:
    from kh68.outputs.charts import indicator_chart

    figures = []
    for r in view.results:
        svg = indicator_chart(view.plan, r)
        if svg:
            figures.append(Figure(Svg(svg), f"Chỉ tiêu {r.indicator.id}: {r.indicator.name}"))
    return tuple(figures)
