"""The indicators in a report: the paragraph of section II and the annex table.

Both read the engine's results (``StatusView.results``) and say only what they say:
the target as the plan writes it for the year (no interpolated milestone), the value,
the previous year's value, the comparison and the assessment.  Projections and progress
ratios stay in ``kh68 status``.
"""

from __future__ import annotations

from kh68.outputs.document import Align, Annex, Column, Figure, Row, Svg, Table
from kh68.outputs.status_view import StatusView
from kh68.reading.models import Measurement
from kh68.reading.plan import Plan
from kh68.reading.targets import TargetKind
from kh68.tracking.engine import Result, Status, series_of
from kh68.vnformat import format_number, format_value

NO_TARGET_MARK = "–"
# Order in which the paragraph counts the verdicts.
COUNTED = (Status.EXCEEDED, Status.MET, Status.NOT_MET, Status.IN_PROGRESS, Status.NO_DATA)
COUNT_WORDS = {
    Status.EXCEEDED: "vượt chỉ tiêu",
    Status.MET: "đạt chỉ tiêu",
    Status.NOT_MET: "chưa đạt chỉ tiêu",
    Status.IN_PROGRESS: "đang triển khai",
    Status.NO_DATA: "chưa có số liệu",
}


# ------------------------------------------------------------ the paragraph


def indicator_paragraphs(view: StatusView, *, annexed: bool = True) -> list[str]:
    """Section II.2: how many met, exceeded, not met; those not met with their figures; change."""
    results, year = view.results, view.year
    if not results:
        return ["Không có chỉ tiêu nào thuộc phạm vi báo cáo."]
    targeted = [r for r in results if r.status is not Status.NO_TARGET]
    paragraphs = [_counts(results, targeted, year)]
    not_met = [r for r in targeted if r.status is Status.NOT_MET]
    if not_met:
        paragraphs.append("Chỉ tiêu chưa đạt: " + "; ".join(_figure_sentence(r) for r in not_met) + ".")
    untargeted = [r for r in results if r.status is Status.NO_TARGET]
    if untargeted:
        paragraphs.append(_untargeted(untargeted, year))
    change = _changes(view.plan, results, year)
    if change:
        paragraphs.append(change)
    if annexed:
        paragraphs.append(
            "Kết quả từng chỉ tiêu (chỉ tiêu năm theo Kế hoạch, kết quả năm báo cáo và năm trước, so sánh với "
            "chỉ tiêu, mục tiêu đến năm cuối kỳ, nguồn số liệu) tại Phụ lục kèm theo Báo cáo này."
        )
    return paragraphs


def _count(n: int) -> str:
    return f"{n:02d}"


def _ids(rs: list[Result]) -> str:
    return ", ".join(r.indicator.id for r in rs)


def _counts(results: list[Result], targeted: list[Result], year: int) -> str:
    if not targeted:
        return f"Năm {year}, Kế hoạch không đặt chỉ tiêu năm cho chỉ tiêu nào trong {_count(len(results))} chỉ tiêu chủ yếu."
    parts = []
    for status in COUNTED:
        these = [r for r in targeted if r.status is status]
        if these:
            parts.append(f"{_count(len(these))} chỉ tiêu {COUNT_WORDS[status]} ({_ids(these)})")
    return (
        f"Năm {year}, Kế hoạch đặt chỉ tiêu cho {_count(len(targeted))}/{_count(len(results))} chỉ tiêu chủ yếu; "
        f"kết quả: {'; '.join(parts)}."
    )


def _figure_sentence(r: Result) -> str:
    ind = r.indicator
    shown = value_text(r)
    comparison = comparison_text(r)
    tail = f", {comparison}" if comparison else ""
    return (
        f"chỉ tiêu {ind.id} ({_lower_first(ind.name)}) đạt {shown}{tail} (chỉ tiêu năm {r.year}: {target_with_unit(r)})"
    )


def _untargeted(rs: list[Result], year: int) -> str:
    measured = [r for r in rs if r.value is not None]
    text = f"Kế hoạch không đặt chỉ tiêu năm {year} cho {_count(len(rs))} chỉ tiêu ({_ids(rs)})"
    if measured:
        shown = "; ".join(
            f"chỉ tiêu {r.indicator.id} đạt {value_text(r)} (mục tiêu đến năm {_final_year(r)}: {final_text(r)})"
            for r in measured
        )
        text += f"; kết quả: {shown}"
    unmeasured = [r for r in rs if r.value is None and r.state is None]
    if unmeasured:
        text += f"; chưa có số liệu: {_ids(unmeasured)}"
    return text + "."


def _changes(plan: Plan, results: list[Result], year: int) -> str:
    parts = []
    for r in results:
        previous = previous_value(plan, r)
        if r.value is None or previous is None:
            continue
        parts.append(f"chỉ tiêu {r.indicator.id} {_change(r.value - previous, r.indicator.unit)}")
    if not parts:
        return ""
    return f"So với năm {year - 1}: {'; '.join(parts)}."


def _change(delta: float, unit: str) -> str:
    amount = round(abs(delta), 6)
    if amount < 1e-9:
        return "không thay đổi"
    word = "tăng" if delta > 0 else "giảm"
    return f"{word} {_amount(amount, unit)}"


def _amount(amount: float, unit: str) -> str:
    if unit == "%":
        return f"{format_number(amount)} điểm phần trăm"
    return f"{format_number(amount)} {unit}".strip()


# ------------------------------------------------------------ cell texts


def target_text(r: Result) -> str:
    """The plan's target for the year as it writes it; ``–`` where it sets none."""
    stated = r.indicator.targets.get(r.year)
    if stated is None or stated.spec.kind is TargetKind.NONE:
        return NO_TARGET_MARK
    return stated.text


def target_with_unit(r: Result) -> str:
    """``60%``, ``30-35%``: the target as written, with the unit of a numeric target."""
    text = target_text(r)
    stated = r.indicator.targets.get(r.year)
    if stated is None or not stated.spec.kind.numeric:
        return text
    unit = r.indicator.unit
    return f"{text}%" if unit == "%" else f"{text} {unit}"


def final_text(r: Result) -> str:
    targets = r.indicator.targets
    return targets[max(targets)].text if targets else NO_TARGET_MARK


def _final_year(r: Result) -> int | None:
    return max(r.indicator.targets) if r.indicator.targets else None


def value_text(r: Result) -> str:
    if r.value is not None:
        shown = format_value(r.value, r.indicator.unit)
        return f"{shown} ({r.state.label.lower()})" if r.state is not None else shown
    if r.state is not None:
        return r.state.label
    return "Chưa có số liệu"


def previous_value(plan: Plan, r: Result) -> float | None:
    return series_of(r.indicator, plan.data).get(r.year - 1)


def previous_text(plan: Plan, r: Result) -> str:
    value = previous_value(plan, r)
    if value is not None:
        return format_value(value, r.indicator.unit)
    previous = plan.data.get(r.year - 1)
    m = previous.indicators.get(r.indicator.id) if previous else None
    return m.state.label if m is not None and m.state is not None else NO_TARGET_MARK


def comparison_text(r: Result) -> str:
    """``vượt 0,4% so với chỉ tiêu`` / ``thấp hơn chỉ tiêu 1,2 điểm phần trăm`` / ``bằng chỉ tiêu``."""
    target, unit = r.target, r.indicator.unit
    if target is None or r.gap is None or r.status in (Status.NO_DATA, Status.NO_TARGET):
        return ""
    amount = round(abs(r.gap), 6)
    if r.status is Status.EXCEEDED:
        shown = f"{format_number(amount)}%" if unit == "%" else _amount(amount, unit)
        return f"vượt {shown} so với chỉ tiêu"
    if r.status in (Status.NOT_MET, Status.IN_PROGRESS):
        if amount < 1e-9:
            return f"chưa vượt mức {format_value(target.spec.min, unit)}"
        side = "thấp hơn" if r.indicator.direction == "higher" else "cao hơn"
        return f"{side} chỉ tiêu {_amount(amount, unit)}"
    if target.kind is TargetKind.RANGE:
        return "trong khoảng chỉ tiêu"
    return "bằng chỉ tiêu"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


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
    table = indicator_table(view)
    return Annex(
        label="Phụ lục",
        title=f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM {view.year}",
        attached_to=attached_to,
        table=table,
        figures=indicator_figures(view),
    )


def indicator_table(view: StatusView) -> Table:
    plan, year = view.plan, view.year
    final_year = max((y for i in plan.indicators for y in i.targets), default=plan.meta.period.end)
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
                    previous_text(plan, r),
                    _upper_first(comparison_text(r)) or NO_TARGET_MARK,
                    r.status.label,
                    final_text(r),
                    " ".join(f"({n})" for n in numbers),
                ),
                status=r.status.value,
                anchor=f"chi-tieu-{r.indicator.id}",
            )
        )
    lines = [f"({n}) {text}" for n, text in enumerate(notes, 1)]
    if any(row.cells[3] == NO_TARGET_MARK for row in rows):
        lines.insert(0, f"Dấu {NO_TARGET_MARK} ở cột chỉ tiêu năm {year}: Kế hoạch không đặt chỉ tiêu cho năm {year}.")
    return Table(annex_columns(year, final_year), tuple(rows), tuple(lines), "Nguồn số liệu và ghi chú:")


def _notes_of(r: Result, plan: Plan) -> list[str]:
    ind = r.indicator
    parts = []
    stated = ind.targets.get(r.year)
    if stated is not None and stated.footnote:
        parts.append(f"Chỉ tiêu {ind.id}, chỉ tiêu năm {r.year}: {stated.footnote}")
    parts += [f"Chỉ tiêu {ind.id}, {text}" for text in _source_note(r.measurement, plan, r.computed is not None)]
    return parts


def _source_note(m: Measurement | None, plan: Plan, computed: bool) -> list[str]:
    if m is None:
        return []
    parts = []
    if m.source:
        src = [m.source.document or ""]
        if m.source.date:
            from kh68.outputs.decree_dates import short_date

            src.append(f"ngày {short_date(m.source.date)}")
        if m.source.unit:
            src.append(f"({plan.unit_name(m.source.unit)})")
        text = " ".join(s for s in src if s)
        if text:
            parts.append(f"nguồn số liệu: {text}.")
    if computed and m.value is None and m.by_unit:
        how = (
            "tổng tử số/tổng mẫu số"
            if any(e.numerator is not None for e in m.by_unit.values())
            else "số đơn vị đạt/tổng số đơn vị"
        )
        parts.append(f"cách tính: giá trị toàn tỉnh tính từ số liệu của {len(m.by_unit)} đơn vị ({how}).")
    if m.note:
        parts.append(f"ghi chú: {' '.join(m.note.split())}")
    return parts


def indicator_figures(view: StatusView) -> tuple[Figure, ...]:
    from kh68.outputs.charts import indicator_chart

    figures = []
    for r in view.results:
        series = series_of(r.indicator, view.plan.data)
        svg = indicator_chart(view.plan, r.indicator, series) if series else ""
        if svg:
            figures.append(Figure(Svg(svg), f"Chỉ tiêu {r.indicator.id}: {r.indicator.name}"))
    return tuple(figures)
