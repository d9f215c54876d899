"""The report to the province as a ``StateDocument``: one function per part, no I/O.

The body speaks in the department's voice and follows the customary structure of a
"báo cáo kết quả thực hiện kế hoạch": the opening citing the document that asks for
the report; I. công tác chỉ đạo, triển khai; II. kết quả thực hiện (tasks by group,
then the indicators); III. đánh giá chung; IV. phương hướng, nhiệm vụ năm tới;
V. kiến nghị, đề xuất; the closing.  What only people can write comes from the
``report:`` block of ``data/<year>.yaml``; a part still empty is a visible placeholder.
The indicator table is the annex (Phụ lục).  Figures and verdicts come from the engine
(``kh68.outputs.status_view``); nothing here recomputes them.
"""

from __future__ import annotations

from datetime import date

from kh68.core.errors import UsageError
from kh68.core.vnformat import format_date as short_date
from kh68.core.vnformat import long_date
from kh68.outputs.document import (
    Block,
    DocumentKind,
    Header,
    Heading,
    Items,
    Paragraph,
    Placeholder,
    Properties,
    Section,
    Signer,
    StateDocument,
)
from kh68.outputs.indicator_table import indicator_annex, indicator_paragraphs
from kh68.outputs.status_view import StatusView, build_status
from kh68.outputs.words import plan_about, plan_reference
from kh68.reading.bodies import Body, Sender, plan_report_sender
from kh68.reading.enums import DutyKind
from kh68.reading.models import CitedDocument, Duty, LegalBasis, ReportPart, YearReport
from kh68.reading.plan import Plan
from kh68.reading.report_text import missing_parts
from kh68.tracking.tasks import TaskStatus, expected_in
from kh68.vocab import task_state_label

SYNTHETIC_NOTICE = (
    "SỐ LIỆU MINH HỌA: báo cáo này được lập từ kế hoạch mẫu có số liệu minh họa, "
    "không có thật; không dùng để gửi hoặc trích dẫn."
)
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


# ------------------------------------------------------------------ entry


def build_report(plan: Plan, year: int, today: date, unit: str | None = None) -> StateDocument:
    """The report on ``year`` to the higher body (with ``unit``: that unit's report to the coordinating unit)."""
    plan.require_year(year, baseline=False)
    if unit is not None:
        from kh68.outputs.unit_report import build_unit_report

        return build_unit_report(plan, year, today, plan.require_unit(unit))
    view = build_status(plan, year, today)
    text = _year_text(plan, year)
    _require_data_before(plan, year, text, today)
    duty = plan.duty(DutyKind.PLAN_REPORT)
    sender = plan_report_sender(plan, duty)
    symbol = report_symbol(plan, sender)
    subject = report_subject(plan, year)
    return StateDocument(
        kind=DocumentKind.REPORT,
        year=year,
        date=today,
        synthetic_notice=synthetic_notice(plan),
        header=header_of(sender.issued_as, today, symbol),
        title="BÁO CÁO",
        subject=subject,
        addressees=addressees(plan, duty, today),
        opening=opening(plan, year, text, sender),
        sections=tuple(
            s
            for s in (
                directing_section(sender, year, text),
                results_section(view, text),
                assessment_section(year, text),
                directions_section(plan, year, text),
                proposals_section(year, text),
            )
            if s is not None
        ),
        closing=closing(plan, year, sender, duty, today),
        recipients=recipients(plan, duty, today, sender),
        signer=Signer(sender.signature, sender.name),
        annex=indicator_annex(view, attached_to(symbol, today, sender.issued_as.name)) if view.results else None,
        properties=Properties(
            title=f"Báo cáo {_lower_first(subject)}",
            subject=subject,
            author=sender.issued_as.name,
            keywords=f"báo cáo; {symbol}; năm {year}",
        ),
        missing_parts=tuple(p.label for p in missing_parts(plan, year)),
    )


def _require_data_before(plan: Plan, year: int, text: YearReport | None, today: date) -> None:
    """A report cannot count figures up to a day after its own date: ``UsageError`` naming both."""
    as_of = text.data_as_of if text else None
    if as_of is None or as_of <= today:
        return
    where = "report › data_as_of"
    doc = plan.documents.get(f"data/{year}.yaml")
    if doc is not None:
        line, column = doc.position(("report", "data_as_of"))
        where = f"{doc.path.as_posix()}:{line}:{column}, {where}"
    raise UsageError(
        f"báo cáo ghi ngày {short_date(today)} (--date), trước ngày chốt số liệu {short_date(as_of)} ({where}): "
        f"ghi --date từ {short_date(as_of)} trở đi, hoặc sửa ngày chốt số liệu"
    )


# ------------------------------------------------------------ frame parts


def synthetic_notice(plan: Plan) -> str:
    return SYNTHETIC_NOTICE if plan.synthetic else ""


def header_of(issuer: Body, today: date, symbol: str) -> Header:
    """Decree 30's header of a document ``issuer`` issues on ``today`` (``symbol`` empty: no number line)."""
    return Header(
        parent_lines=issuer.parent_lines,
        own_lines=issuer.own_lines,
        number_line=f"Số: …/{symbol}" if symbol else "",
        place_date=f"{issuer.place}, {long_date(today)}",
        symbol=symbol,
    )


def report_symbol(plan: Plan, sender: Sender) -> str:
    """``report_symbol`` of plan.yaml, else ``BC-`` and the issuing body's abbreviation."""
    return plan.meta.report_symbol or sender.issued_as.symbol


def report_subject(plan: Plan, year: int) -> str:
    """``Kết quả thực hiện năm 2026 Kế hoạch số 188/KH-UBND ngày 02/4/2026 của … về …``: the plan's own number and title."""
    return f"Kết quả thực hiện năm {year} {plan_reference(plan)} {plan_about(plan)}"


def attached_to(symbol: str, today: date, issuer: str) -> str:
    """The annex's ``(Kèm theo Báo cáo số …/BC-… ngày … của …)``."""
    return f"(Kèm theo Báo cáo số …/{symbol} ngày {short_date(today)} của {issuer})"


def opening(plan: Plan, year: int, text: YearReport | None, sender: Sender) -> str:
    """``Thực hiện <văn bản yêu cầu báo cáo>, <cơ quan> báo cáo … như sau:``."""
    cited = [cite(d) for d in text.references] if text and text.references else requesting_bases(plan)
    as_of = f" (số liệu tính đến ngày {short_date(text.data_as_of)})" if text and text.data_as_of else ""
    lead = f"Thực hiện {'; '.join(cited)}, " if cited else ""
    return f"{lead}{sender.issued_as.name} báo cáo kết quả thực hiện năm {year}{as_of} như sau:"


def requesting_bases(plan: Plan) -> list[str]:
    """The plan's legal bases issued by a body the report goes to (the higher body's plan that asks for it)."""
    to = _report_recipients(plan)
    found = [b for b in plan.meta.legal_bases if plan.units.resolve(b.issuer) in to]
    return [_citation_of_basis(b) for b in found]


def closing(plan: Plan, year: int, sender: Sender, duty: Duty | None, today: date) -> str:
    # The body the report answers to (the first recipient) is asked to consider it; the others receive it.
    to = addressees(plan, duty, today)[:1]
    whom = f" {to[0]} xem xét, chỉ đạo" if to else ""
    return (
        f"Trên đây là báo cáo kết quả thực hiện năm {year} {plan_reference(plan, short=True)}; "
        f"{sender.issued_as.name} kính báo cáo{whom}./."
    )


def addressees(plan: Plan, duty: Duty | None, today: date) -> tuple[str, ...]:
    """``Kính gửi``: the duty's recipients acting on the report's date (a body that has ceased → its successors)."""
    if duty is None:
        return ()
    acting = plan.units.current(duty.to_units, today, duty.function)
    return tuple(dict.fromkeys(plan.unit_name(c.unit_id) for c in acting))


def recipients(plan: Plan, duty: Duty | None, today: date, sender: Sender) -> tuple[str, ...]:
    """``Nơi nhận``: ``- Như trên;`` (the Kính gửi), the duty's other recipients, ``- Lưu: VT, <đơn vị soạn thảo>.``."""
    lines = ["- Như trên;"] if addressees(plan, duty, today) else []
    if duty is not None:
        others = plan.units.current(duty.copy_to, today)
        lines += [f"- {n};" for n in dict.fromkeys(plan.unit_name(c.unit_id) for c in others)]
    return (*lines, f"- {sender.archive(plan)}")


def _report_recipients(plan: Plan) -> list[str]:
    duty = plan.duty(DutyKind.PLAN_REPORT)
    return plan.unit_ids(duty.to_units) if duty else []


# ------------------------------------------------------------------ I.


def directing_section(sender: Sender, year: int, text: YearReport | None) -> Section:
    docs = text.directing_documents if text else []
    issuer = sender.issued_as.name
    if not docs:
        blocks: tuple[Block, ...] = (placeholder(ReportPart.DIRECTING_DOCUMENTS, year),)
    else:
        blocks = (
            Paragraph(f"Năm {year}, {issuer} đã ban hành các văn bản chỉ đạo, triển khai thực hiện Kế hoạch:"),
            items([cite(d) for d in docs]),
        )
    return Section("I", "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", blocks)


# ------------------------------------------------------------------ II.


def results_section(view: StatusView, text: YearReport | None) -> Section:
    """Tasks by group; then, when the plan has indicators, the indicators (their table is the annex)."""
    with_indicators = bool(view.plan.indicators)
    blocks: list[Block] = []
    if with_indicators:
        blocks.append(Heading(2, "1. Kết quả thực hiện các nhiệm vụ, giải pháp chủ yếu"))
    summaries = text.group_summaries if text else {}
    by_group: dict[str, list[TaskStatus]] = {}
    for t in view.tasks:
        by_group.setdefault(t.group_id, []).append(t)
    for number, group in enumerate((g for g in view.plan.groups if g.id in by_group), 1):
        blocks.append(
            Heading(3, f"1.{number}. {group.title}") if with_indicators else Heading(2, f"{number}. {group.title}")
        )
        summary = summaries.get(group.id)
        if summary:
            blocks.append(Paragraph(summary))
        blocks += [Paragraph(task_sentence(t, view.year, with_results=not summary)) for t in by_group[group.id]]
    if with_indicators:
        blocks.append(Heading(2, "2. Kết quả thực hiện các chỉ tiêu chủ yếu"))
        blocks += [Paragraph(p) for p in indicator_paragraphs(view)]
    return Section("II", "KẾT QUẢ THỰC HIỆN", tuple(blocks))


def task_sentence(t: TaskStatus, year: int, *, with_results: bool) -> str:
    """``a) <tên nhiệm vụ> (mục <số mục>): thực hiện thường xuyên. <kết quả>``."""
    task = t.task
    label = _task_label(t)
    state = task_state_label(t.state).lower() if t.state else _no_state(t, year)
    named = f"{label}{task.title} (mục {task.id})" if label else f"Tình hình thực hiện (mục {task.id})"
    sentence = f"{named}: {state}."
    if with_results:
        results = [_end(p.results) for p in t.entries.values() if p.results]
        if results:
            sentence += " " + " ".join(results)
    return sentence


def _no_state(t: TaskStatus, year: int) -> str:
    if not expected_in(t.task, year):
        timing = _lower_first(_strip_stop(t.task.timing_text) or "")
        schedule = t.task.schedule
        if schedule is not None and schedule.end is not None and schedule.end.year < year:
            return f"thời gian thực hiện trước năm {year} ({timing})"
        return f"chưa đến kỳ thực hiện ({timing})" if timing else "chưa đến kỳ thực hiện"
    return "chưa tổng hợp được kết quả"


def _task_label(t: TaskStatus) -> str:
    task_id, group_id = t.task.id, t.group_id
    suffix = task_id[len(group_id) :].lstrip(".") if task_id.startswith(group_id) else ""
    return f"{suffix}) " if suffix else ""


# ------------------------------------------------------------ III. IV. V.


def assessment_section(year: int, text: YearReport | None) -> Section:
    a = text.assessment if text else None
    blocks: list[Block] = [Heading(2, "1. Ưu điểm")]
    blocks.append(_written(a.strengths if a else [], ReportPart.STRENGTHS, year))
    blocks.append(Heading(2, "2. Tồn tại, hạn chế"))
    blocks.append(_written(a.shortcomings if a else [], ReportPart.SHORTCOMINGS, year))
    blocks.append(Heading(2, "3. Nguyên nhân"))
    blocks.append(Heading(3, "a) Nguyên nhân khách quan"))
    blocks.append(_written(a.objective_causes if a else [], ReportPart.OBJECTIVE_CAUSES, year))
    blocks.append(Heading(3, "b) Nguyên nhân chủ quan"))
    blocks.append(_written(a.subjective_causes if a else [], ReportPart.SUBJECTIVE_CAUSES, year))
    return Section("III", "ĐÁNH GIÁ CHUNG", tuple(blocks))


def directions_section(plan: Plan, year: int, text: YearReport | None) -> Section:
    return Section(
        "IV",
        f"PHƯƠNG HƯỚNG, NHIỆM VỤ {next_period(plan, year)}",
        (_written(text.directions if text else [], ReportPart.DIRECTIONS, year),),
    )


def next_period(plan: Plan, year: int) -> str:
    """``NĂM 2027`` while the plan goes on; ``THỜI GIAN TỚI`` in its last year (or a one-year plan's)."""
    return f"NĂM {year + 1}" if year < plan.meta.period.end else "THỜI GIAN TỚI"


def proposals_section(year: int, text: YearReport | None) -> Section:
    return Section("V", "KIẾN NGHỊ, ĐỀ XUẤT", (_written(text.proposals if text else [], ReportPart.PROPOSALS, year),))


def _written(lines: list[str], part: ReportPart, year: int) -> Block:
    return items(lines) if lines else placeholder(part, year)


def placeholder(part: ReportPart, year: int) -> Placeholder:
    return Placeholder(
        f"[Chưa có nội dung: {part.label}. Ghi vào mục report › {part.value.replace('.', ' › ')} "
        f"của tệp data/{year}.yaml.]"
    )


# ------------------------------------------------------------------ words


def items(lines: list[str]) -> Items:
    """A list in the customary form: ``…;`` each, the last ``….`` (the layout adds ``- ``)."""
    clean = [_strip_stop(line) or "" for line in lines]
    clean = [line for line in clean if line]
    return Items(tuple(f"{line}{'.' if i == len(clean) - 1 else ';'}" for i, line in enumerate(clean)))


def cite(doc: CitedDocument) -> str:
    """``Kế hoạch số 12/KH-UBND ngày 15/3/2025 của … về …``."""
    issuer = f" của {doc.issuer}" if doc.issuer else ""
    return f"{doc.kind} số {doc.number} ngày {short_date(doc.date)}{issuer} {_strip_stop(doc.subject)}"


def _citation_of_basis(basis: LegalBasis) -> str:
    """A legal basis as the report cites it: its title, else its number, date and issuer."""
    if basis.title:
        return _strip_stop(basis.title) or basis.title
    return f"văn bản số {basis.number} ngày {short_date(basis.date)} của {basis.issuer}"


def _year_text(plan: Plan, year: int) -> YearReport | None:
    data = plan.data.get(year)
    return data.report if data else None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _strip_stop(text: str | None) -> str | None:
    return " ".join(text.split()).rstrip(" .;") if text else text


def _end(text: str) -> str:
    """Unit text as a sentence: one line, ending with a full stop."""
    flat = " ".join(text.split())
    return flat if flat.endswith(".") else flat.rstrip(" ;,") + "."


__all__ = [
    "MOTTO",
    "NATIONAL_TITLE",
    "SYNTHETIC_NOTICE",
    "build_report",
    "cite",
    "header_of",
    "items",
    "long_date",
    "recipients",
    "synthetic_notice",
]
