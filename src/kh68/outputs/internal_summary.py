"""The coordinating division's internal summary of the units' reports (``kh68 report --internal``).

Everything the units sent — results, difficulties, directions, proposals, dates — attributed
unit by unit, with the table of who reported on time, late, without a date, or not at all,
and what the department still has to write (the parts of the narrative, and the tasks
nobody reported on).  A body the issuer cannot direct (a commune's People's Committee
for a department's plan) is asked to report, not bound: without its report it is "chưa
nhận được", not "chưa gửi".  A working document: it is not sent with the report.
"""

from __future__ import annotations

from datetime import date

from kh68.core.vnformat import format_date as short_date
from kh68.domain.deadlines import report_due
from kh68.kinds.periods import Period
from kh68.outputs.document import (
    Align,
    Block,
    Column,
    DocumentKind,
    Heading,
    Paragraph,
    Properties,
    Row,
    Section,
    StateDocument,
    Table,
)
from kh68.outputs.frame import header_of, items, next_period, section_words, synthetic_notice
from kh68.outputs.status_view import StatusView, build_status
from kh68.outputs.words import lower_first, one_sentence, plan_reference
from kh68.reading.bodies import body, coordinator_id, none_named, plan_report_sender, short_name, tracker_id
from kh68.reading.enums import DutyKind, UnitKind
from kh68.reading.plan import Plan
from kh68.reading.report_text import describe_missing
from kh68.tracking.tasks import Deadline, UnitReport
from kh68.vocab import due_words, task_state_label

WORDS = (
    ("III", "KHÓ KHĂN, VƯỚNG MẮC", "difficulties", "khó khăn, vướng mắc"),
    ("IV", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI", "directions", "phương hướng, nhiệm vụ"),
    ("V", "KIẾN NGHỊ, ĐỀ XUẤT", "proposals", "kiến nghị, đề xuất"),
)


def build_internal_summary(plan: Plan, year: int, today: date, period: Period | None = None) -> StateDocument:
    """The coordinating unit's working summary of the units' reports of ``year`` (of a month, quarter or half-year
    of it, ``period``, for a plan whose units report by period): who sent theirs, and what they wrote."""
    view = build_status(plan, year, today, None, period)
    duty = _counted(view.deadlines, today, period)
    reporter = plan_report_sender(plan, plan.duty(DutyKind.PLAN_REPORT)).issued_as.name
    author_id = coordinator_id(plan) or tracker_id(plan) or plan.meta.issuing_unit
    own = body(plan, author_id)
    author = short_name(plan, own.unit_id, own.unit_id)
    when = period.label if period is not None else f"năm {year}"
    subject = f"Báo cáo của các đơn vị về kết quả thực hiện {when} {plan_reference(plan)}"
    return StateDocument(
        kind=DocumentKind.INTERNAL,
        year=year,
        date=today,
        made=today,
        synthetic_notice=synthetic_notice(plan),
        header=header_of(own, today, ""),
        title="TỔNG HỢP",
        subject=subject,
        addressees=(),
        opening=(
            f"Tài liệu làm việc nội bộ của {author}, tổng hợp nguyên văn báo cáo của các đơn vị để soạn báo cáo "
            + (
                f"của {reporter} ({due_words(report_due(plan, year))})"
                if period is None
                else f"{period.label} của {reporter}"
            )
            + "; không gửi kèm báo cáo."
        ),
        sections=(
            _lateness(plan, duty),
            _results(view),
            *(_words(view, number, _next(title, plan, period), field, what) for number, title, field, what in WORDS),
            _still_to_write(view),
        ),
        closing="",
        recipients=(),
        signer=None,
        annex=None,
        properties=Properties(
            title=f"Tổng hợp {lower_first(subject)}",
            subject=subject,
            author=author,
            keywords=f"tổng hợp nội bộ; {when}",
        ),
        missing_parts=tuple(p.label for p in view.unwritten_parts)
        + tuple(f"kết quả nhiệm vụ {t.id}" for t in view.unwritten_tasks),
    )


def _next(title: str, plan: Plan, period: Period | None) -> str:
    """``PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM TỚI``; of a period's summary, the period after it (``… THÁNG 12 NĂM 2026``)."""
    return title if period is None else title.replace("NĂM TỚI", next_period(plan, period))


def _counted(deadlines: list[Deadline], today: date, period: Period | None = None) -> Deadline | None:
    """The units' report the summary counts: the period's, of a period's summary; else the year's; of a plan whose
    units report by month or quarter, the latest period due by ``today`` (else the first due after it), not
    January's."""
    dated = [d for d in deadlines if d.duty.kind is DutyKind.UNIT_REPORT and d.due is not None]
    own = [d for d in dated if period is not None and d.period == period]
    if own:
        return own[0]
    yearly = [d for d in dated if d.period is None or d.period.is_year]
    if yearly:
        return yearly[0]
    due = [d for d in dated if d.due is not None and d.due <= today]
    return max(due, key=lambda d: d.due or today) if due else (dated[0] if dated else None)


def bound(plan: Plan, unit_id: str) -> bool:
    """Whether the plan's issuer can require a report of ``unit_id``: a People's Committee directs its agencies and
    the committees below it; a department (an agency) directs its divisions and units, and can only ask another
    agency or a People's Committee."""
    issuer = plan.units.resolve(plan.meta.issuing_unit)
    if issuer is not None and plan.units.units[issuer].kind is UnitKind.AUTHORITY:
        return True
    return plan.units.units[unit_id].kind not in (UnitKind.COMMUNE, UnitKind.AGENCY, UnitKind.AUTHORITY)


STATES = ("đúng hạn", "chậm", "không ghi ngày gửi", "chưa gửi", "chưa nhận được")


def _state(plan: Plan, duty: Deadline, u: UnitReport) -> tuple[str, str, str]:
    """(kind, the table's words, the date shown) of one unit's report."""
    if not u.reported:
        if none_named(plan, u.unit_id):  # "Các cơ quan, đơn vị có liên quan": who should send it is not known
            return "chưa gửi", "chưa gửi (nhóm không ghi thành viên)", "–"
        return (
            ("chưa gửi", "chưa gửi", "–")
            if bound(plan, u.unit_id)
            else ("chưa nhận được", "chưa nhận được (đề nghị báo cáo)", "–")
        )
    if u.on is None:
        return "không ghi ngày gửi", "đã gửi, không ghi ngày", "–"
    when = short_date(u.on) + (" (ngày nhận)" if u.received else "")
    if u.late and duty.due is not None:
        return "chậm", f"chậm {(u.on - duty.due).days} ngày", when
    return "đúng hạn", "đúng hạn", when


def _lateness(plan: Plan, duty: Deadline | None) -> Section:
    title = "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ"
    if duty is None or duty.due is None:
        return Section("I", title, (Paragraph("Kế hoạch không quy định hạn báo cáo của các đơn vị."),))
    rows = []
    counts = dict.fromkeys(STATES, 0)
    for n, u in enumerate(duty.units, 1):
        kind, state, when = _state(plan, duty, u)
        counts[kind] += 1
        rows.append(Row((str(n), plan.unit_name(u.unit_id), when, state)))
    received = len(duty.units) - counts["chưa gửi"] - counts["chưa nhận được"]
    said = [f"{counts[k]} {k}" for k in ("đúng hạn", "chậm", "không ghi ngày gửi") if counts[k]]
    which = f" {duty.period.label}" if duty.period is not None and not duty.period.is_year else ""
    text = (
        f"Hạn gửi báo cáo{which}: ngày {short_date(duty.due)} ({section_words(duty.duty.section)} của Kế hoạch). "
        f"Đã nhận báo cáo của {received}/{len(duty.units)} đơn vị" + (f" ({', '.join(said)})" if said else "") + "."
    )
    if counts["chưa gửi"]:
        text += f" {counts['chưa gửi']} đơn vị chưa gửi."
    if counts["chưa nhận được"]:
        text += (
            f" Chưa nhận được báo cáo của {counts['chưa nhận được']} đơn vị ngoài quyền chỉ đạo của "
            f"{plan.unit_name(plan.meta.issuing_unit)} (đề nghị báo cáo, không giao nhiệm vụ)."
        )
    table = Table(
        (Column("STT", 12), Column("Đơn vị", 83, Align.LEFT), Column("Ngày gửi", 28), Column("Tình trạng", 42)),
        tuple(rows),
    )
    return Section("I", title, (Paragraph(text), table))


def _results(view: StatusView) -> Section:
    plan = view.plan
    blocks: list[Block] = []
    for t in view.tasks:
        blocks.append(Heading(2, f"{t.task.id}. {t.task.report_title}"))
        lines = []
        for uid, p in t.entries.items():
            when = f", ngày {short_date(p.date)}" if p.date else ""
            period = plan.entry_period(view.year, p)  # a month's report quoted in the year's summary says so
            of = f", báo cáo {period.label}" if period is not None else ""
            said = one_sentence(p.results) if p.results else "không ghi kết quả"  # verbatim, capitals as typed
            lines.append(f"{plan.unit_name(uid)} ({task_state_label(p.state).lower()}{of}{when}): {said}")
        if lines:
            blocks.append(items(lines))
        else:
            blocks.append(Paragraph("Chưa có đơn vị báo cáo."))
        owing = [u for u in t.missing_leads if bound(plan, u)]
        asked = [u for u in t.missing_leads if not bound(plan, u)]
        if owing:
            blocks.append(Paragraph(f"Đơn vị chủ trì chưa báo cáo: {'; '.join(plan.unit_names(owing))}."))
        if asked:
            blocks.append(Paragraph(f"Chưa nhận được báo cáo (đề nghị báo cáo): {'; '.join(plan.unit_names(asked))}."))
    return Section("II", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ DO CÁC ĐƠN VỊ BÁO CÁO", tuple(blocks))


def _words(view: StatusView, number: str, title: str, field: str, what: str) -> Section:
    plan = view.plan
    lines = [
        f"{plan.unit_name(uid)} (mục {t.task.id}): {one_sentence(getattr(p, field))}"
        for t in view.tasks
        for uid, p in t.entries.items()
        if getattr(p, field)
    ]
    block: Block = items(lines) if lines else Paragraph(f"Các đơn vị chưa báo cáo {what}.")
    return Section(number, title, (block,))


def _still_to_write(view: StatusView) -> Section:
    file = view.plan.data_file(Period.of_year(view.year))
    parts, tasks = list(view.unwritten_parts), list(view.unwritten_tasks)
    if parts or tasks:
        text = f"Báo cáo còn chỗ trống (tệp {file}): {describe_missing(parts, tasks)}."
    else:
        text = f"Phần lời văn (mục report của tệp {file}) và kết quả các nhiệm vụ đã đủ."
    return Section("VI", "PHẦN LỜI VĂN CỦA BÁO CÁO CÒN PHẢI VIẾT", (Paragraph(text),))
