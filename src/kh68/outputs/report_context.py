"""The report to the higher body as a ``StateDocument``: one function per part, no I/O.

The body speaks in the department's voice and follows the customary structure of a
"báo cáo kết quả thực hiện kế hoạch": the opening citing the document that asks for
the report; I. công tác chỉ đạo, triển khai; II. kết quả thực hiện (tasks by group,
then the indicators); III. đánh giá chung; IV. phương hướng, nhiệm vụ năm tới;
V. kiến nghị, đề xuất; the closing.  What only people can write comes from the
``report:`` block of ``data/<year>.yaml``; a part still empty is a visible placeholder,
and so is the paragraph of a task nobody has reported on.  A task is said as an
official says it, "<tên ngắn>: <kết quả>", in the units' words unless the department
summarised its group.  The indicator table is the annex (Phụ lục).  Figures and verdicts
come from the engine (``kh68.outputs.status_view``); nothing here recomputes them.

A report is dated as ``--date`` says, or left "ngày … tháng … năm …" for the signer; a
date after the duty's deadline, or narrative that contradicts a figure, is a warning of
``kh68 report`` (``StateDocument.warnings``), never part of the document.  A report of a
month, quarter or half-year (``period``) sees the figures known at its end and the
deadline of that period.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from kh68.core.errors import UsageError
from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_date as short_date
from kh68.domain.deadlines import periods, plan_report_duty
from kh68.kinds.periods import Period, Rhythm
from kh68.kinds.phrases import fold
from kh68.kinds.verdict import TaskState
from kh68.outputs.document import (
    Block,
    DocumentKind,
    Heading,
    Paragraph,
    Placeholder,
    Properties,
    Section,
    Signer,
    StateDocument,
)
from kh68.outputs.frame import (
    attached_to,
    cited_in,
    date_warnings,
    header_of,
    items,
    next_period,
    report_file,
    report_subject,
    section_words,
    sender_warnings,
    strip_stop,
    synthetic_notice,
)
from kh68.outputs.indicator_table import Proposer, indicator_annex, indicator_blocks
from kh68.outputs.narrative import contradictions
from kh68.outputs.status_view import StatusView, build_status
from kh68.outputs.words import (
    and_joined,
    legal_basis,
    lower_first,
    not_due_words,
    one_sentence,
    period_words,
    plan_reference,
    through,
)
from kh68.reading.bodies import Body, Sender, is_above, issuer_id, plan_report_sender
from kh68.reading.enums import DutyKind
from kh68.reading.models import CitedDocument, Duty, LegalBasis, ReportPart, Unit, YearData, YearReport
from kh68.reading.plan import Current, Plan
from kh68.tracking.tasks import TaskStatus
from kh68.vocab import TASK_STATE_LABELS, sentence

# ------------------------------------------------------------------ entry


def build_report(
    plan: Plan,
    year: int,
    today: date,
    *,
    dated_on: bool = True,
    period: Period | None = None,
    duty_id: str | None = None,
) -> StateDocument:
    """The report on ``year`` (or on ``period`` of it) to the higher body, made ``today`` and dated so unless
    ``dated_on`` is false; ``duty_id``: which of the plan's reports on it (``plan_report`` duties), else the first that
    reports the period."""
    cadence = period or Period.of_year(year)
    duty = _chosen_duty(plan, duty_id, cadence) if duty_id is not None else plan_report_duty(plan, cadence)
    _require_period(plan, duty, cadence)
    if duty is not None and duty.rhythm is Rhythm.SIX_MONTHLY and cadence.last_day == Period.of_year(year).last_day:
        period, cadence = None, Period.of_year(year)  # the second half's report is the year's: "6 tháng và năm"
    view = build_status(plan, year, today, period=period)
    data = report_file(plan, cadence)
    text = data.report if data else None
    on = today if dated_on else None
    if on is not None:
        _require_data_before(plan, cadence, text, on)
    sender = plan_report_sender(plan, duty)
    symbol = report_symbol(plan, sender)
    when = period_words(cadence)
    subject = report_subject(plan, when)
    to = addressees(plan, duty, today)
    return StateDocument(
        kind=DocumentKind.REPORT,
        year=year,
        date=on,
        made=today,
        synthetic_notice=synthetic_notice(plan),
        header=header_of(sender.issued_as, on, symbol),
        title="BÁO CÁO",
        subject=subject,
        addressees=to,
        opening=opening(plan, when, text, sender, on if on is not None and on < cadence.last_day else None),
        opening_notes=successor_notes(plan, duty, today),
        sections=tuple(
            s
            for s in (
                directing_section(plan, sender, when, text, cadence),
                results_section(view, data, cadence, Proposer(sender.issued_as.name, to[0]) if to else None),
                assessment_section(text, plan.data_file(cadence), view),
                directions_section(plan, cadence, text, view),
                proposals_section(text, plan.data_file(cadence), view),
            )
            if s is not None
        ),
        closing=closing(
            plan, when, sender, addressee_ids(plan, duty, today), duty.purpose if duty else None, via(plan, duty, today)
        ),
        recipients=recipients(plan, duty, today, sender),
        signer=Signer(sender.signature, sender.name),
        annex=indicator_annex(view, attached_to(symbol, on, sender.issued_as.name)) if view.results else None,
        properties=Properties(
            title=f"Báo cáo {lower_first(subject)}",
            subject=subject,
            author=sender.issued_as.name,
            keywords=f"báo cáo; {symbol}; {when}",
        ),
        missing_parts=_missing(view) if period is None else (),
        period=period.key if period is not None else "",
        warnings=(
            *date_warnings(plan, duty, cadence, on, cited_in(view.plan, report_file(view.plan, cadence))),
            *sender_warnings(plan, sender, signer_in_plan=True),
            *contradictions(view, text),
            *view.unseen_warnings,
            *verify_warnings(plan, duty, today),
            *([] if duty_id is not None else _other_reports(plan, duty, cadence)),
            *_unasked_year(duty, cadence),
        ),
    )


def _unasked_year(duty: Duty | None, cadence: Period) -> list[str]:
    """A year's report of a plan that asks for monthly or quarterly reports only (its December's or fourth
    quarter's is the last it asks for): said, never passed off as the plan's own report of the year."""
    if duty is None or not cadence.is_year or duty.rhythm in (Rhythm.YEARLY, Rhythm.SIX_MONTHLY):
        return []
    last = duty.rhythm.periods(cadence.year)[-1]
    return [
        (
            f"kế hoạch không quy định báo cáo năm: nhiệm vụ {duty.id} báo cáo {duty.rhythm.words}; báo cáo này tổng hợp "
            f"cả năm {cadence.year} (số liệu đến hết năm), không phải báo cáo kế hoạch yêu cầu (báo cáo kỳ cuối năm: "
            f"--period {last.key})"
        )
    ]


def _other_reports(plan: Plan, duty: Duty | None, cadence: Period) -> list[str]:
    """The plan's other reports on ``cadence`` than the one made: said, with how to choose (a Sở's report to the
    province and the province's to a ministry, both yearly)."""
    others = [
        d
        for d in plan.meta.duties
        if d.kind is DutyKind.PLAN_REPORT
        and d is not duty
        and (d.deadline is None or d.deadline.rule.periodic)
        and (cadence.is_year or cadence in periods(d, cadence.year))
    ]
    if duty is None or not others:
        return []
    names = ", ".join(d.id for d in others)
    return [
        (
            f"kế hoạch có {len(others) + 1} báo cáo gửi cấp trên cho {cadence.label}: đã lập báo cáo của nhiệm vụ "
            f"{duty.id}; báo cáo khác ({names}): thêm --duty <mã>"
        )
    ]


def _missing(view: StatusView) -> tuple[str, ...]:
    """What the department still has to write: parts of the narrative, and the tasks nobody reported on."""
    parts = [p.label for p in view.unwritten_parts]
    return (*parts, *(f"kết quả nhiệm vụ {t.id}" for t in view.unwritten_tasks))


def _chosen_duty(plan: Plan, duty_id: str, cadence: Period) -> Duty:
    """The ``plan_report`` duty ``--duty`` names, which must report ``cadence`` (``UsageError`` naming the others)."""
    reports = [d for d in plan.meta.duties if d.kind is DutyKind.PLAN_REPORT]
    found = next((d for d in reports if d.id == duty_id), None)
    if found is None:
        known = ", ".join(d.id for d in reports) or "không có (kind: plan_report)"
        raise UsageError(
            f"--duty {excerpt(duty_id)}: không có nhiệm vụ báo cáo kết quả thực hiện kế hoạch này; các nhiệm vụ: "
            f"{known}"
        )
    if not cadence.is_year and cadence not in periods(found, cadence.year):
        said = found.deadline.text if found.deadline else "không ghi"
        raise UsageError(f"--duty {duty_id}: nhiệm vụ này không báo cáo {cadence.label} (hạn: {said})")
    return found


def _require_period(plan: Plan, duty: Duty | None, cadence: Period) -> None:
    """A report of a month, quarter or half-year only where a duty reports that period (``UsageError`` naming the
    plan's reporting duties)."""
    if cadence.is_year or duty is not None:
        return
    duties = [d for d in plan.meta.duties if d.kind is DutyKind.PLAN_REPORT]
    said = "; ".join(f"{section_words(d.section)}: báo cáo {d.rhythm.words}, {_deadline_said(d)}" for d in duties)
    where = f" (nhiệm vụ báo cáo {said})" if said else ""
    units = [d for d in plan.meta.duties if d.kind is DutyKind.UNIT_REPORT and cadence in periods(d, cadence.year)]
    theirs = "; báo cáo của một đơn vị cho kỳ này: thêm --unit <đơn vị>" if units else ""
    raise UsageError(f"kế hoạch không quy định báo cáo {cadence.label}{where}; bỏ --period để lập báo cáo năm{theirs}")


def _deadline_said(duty: Duty) -> str:
    """``hạn: trước ngày 15/12 hằng năm`` as written, or ``không ghi hạn``."""
    return f"hạn: {duty.deadline.text}" if duty.deadline else "không ghi hạn"


def _require_data_before(plan: Plan, cadence: Period, text: YearReport | None, today: date) -> None:
    """A report cannot count figures up to a day after its own date: ``UsageError`` naming both."""
    as_of = text.data_as_of if text else None
    if as_of is None or as_of <= today:
        return
    where = "report › data_as_of"
    doc = plan.documents.get(plan.data_file(cadence))
    if doc is not None:
        line, column = doc.position(("report", "data_as_of"))
        where = f"{doc.path.as_posix()}:{line}:{column}, {where}"
    raise UsageError(
        f"báo cáo ghi ngày {short_date(today)} (--date), trước ngày chốt số liệu {short_date(as_of)} ({where}): "
        f"ghi --date từ {short_date(as_of)} trở đi, hoặc sửa ngày chốt số liệu"
    )


# ------------------------------------------------------------ frame parts


def report_symbol(plan: Plan, sender: Sender) -> str:
    """``report_symbol`` of plan.yaml, else ``BC-`` and the issuing body's abbreviation."""
    return plan.meta.report_symbol or sender.issued_as.symbol


def opening(plan: Plan, when: str, text: YearReport | None, sender: Sender, before_end: date | None = None) -> str:
    """``Thực hiện <văn bản yêu cầu báo cáo>, <cơ quan> báo cáo … như sau:``: the document cited once, by its number,
    date and issuer (the subject line already says what the plan is about); with the day its figures are counted to
    (Decree 09/2019, Article 12): ``data_as_of``, else the report's own day when it comes before the period ends
    (``before_end``: what was sent by then is what it counts)."""
    cited = [cite(d) for d in text.references] if text and text.references else answered(plan, sender)
    cut = text.data_as_of if text and text.data_as_of else before_end
    as_of = f" (số liệu tính đến ngày {short_date(cut)})" if cut else ""
    lead = f"Thực hiện {'; '.join(cited)}, " if cited else ""
    return f"{lead}{sender.issued_as.name} báo cáo kết quả thực hiện {when}{as_of} như sau:"


def answered(plan: Plan, sender: Sender) -> list[str]:
    """What the report answers: the plan itself when another body issued it (a People's Committee's plan, the
    report its tracker owes under it), else the plan's bases issued by a body the report goes to."""
    issuer = issuer_id(plan)
    if issuer is not None and issuer != sender.issued_as.unit_id:
        return [plan_reference(plan)]
    return requesting_bases(plan, sender)


def requesting_bases(plan: Plan, sender: Sender) -> list[str]:
    """The plan's legal bases issued by a body the report goes to (the higher body's plan that asks for it), never
    one the reporting body issued itself (a probe of a real plan: the People's Committee's report to a ministry
    opened "Thực hiện Văn bản số 92/KH-UBND … của UBND tỉnh, Ủy ban nhân dân tỉnh … báo cáo")."""
    to = _report_recipients(plan)
    own = sender.issued_as.unit_id
    found = [b for b in plan.meta.legal_bases if (body := plan.units.resolve(b.issuer)) in to and body != own]
    return [_citation_of_basis(b) for b in found]


def closing(
    plan: Plan, when: str, sender: Sender, to: tuple[str, ...], purpose: str | None = None, by_way: str = ""
) -> str:
    """``… kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.`` to one body above the sender; to several, each
    named as in the Kính gửi (``kính báo cáo Tỉnh ủy, Hội đồng nhân dân tỉnh và Ủy ban nhân dân tỉnh./.``), none
    of them singled out to direct; a recipient not above the sender (a fellow Sở) is sent it, not "kính báo cáo":
    ``… kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo và gửi Sở Nội vụ để tổng hợp./.``; without a
    recipient, ``kính báo cáo./.``. ``to``: the recipients' unit ids (``addressee_ids``); ``purpose``: what the
    plan says they do with it (``để tổng hợp, báo cáo Chính phủ``), said instead of "xem xét, chỉ đạo";
    ``by_way``: `` (qua Sở Du lịch)``, after the last body it is addressed to."""
    own = sender.issued_as.unit_id
    above = [plan.unit_name(u) for u in to if is_above(plan, own, u)]
    peers = [plan.unit_name(u) for u in to if u != own and not is_above(plan, own, u)]
    if by_way and (peers or above):
        (peers if peers else above)[-1] += by_way
    said = []
    if above:
        whom = and_joined(above)
        if purpose:
            whom += f" {_purpose(purpose)}"
        elif len(above) == 1:
            whom += " xem xét, chỉ đạo"
        said.append(f"kính báo cáo {whom}")
    if peers:  # the plan's purpose when no body above receives it, else "để tổng hợp"
        said.append(f"gửi {and_joined(peers)} {_purpose(purpose) if purpose and not above else 'để tổng hợp'}")
    words = " và ".join(said) if said else "kính báo cáo"
    return (
        f"Trên đây là báo cáo kết quả thực hiện {when} {plan_reference(plan, short=True)}; "
        f"{sender.issued_as.name} {words}./."
    )


def _purpose(purpose: str) -> str:
    """The plan's words for what the recipient does with the report, without the full stop a closing adds."""
    return purpose.strip().rstrip(".;")


def addressee_ids(plan: Plan, duty: Duty | None, today: date) -> tuple[str, ...]:
    """The bodies the report is addressed to, acting on the report's date (a body that has ceased → its
    successors), once each: the duty's ``addressed_to`` when it goes to them through its recipients, else its
    recipients."""
    if duty is None:
        return ()
    acting = plan.units.current(duty.addressed_to or duty.to_units, today, duty.function)
    return tuple(dict.fromkeys(c.unit_id for c in acting))


def via(plan: Plan, duty: Duty | None, today: date) -> str:
    """`` (qua Sở Du lịch)`` after the body a report is addressed to through the duty's recipients; '' otherwise."""
    if duty is None or not duty.addressed_to:
        return ""
    return through(
        list(dict.fromkeys(plan.unit_name(c.unit_id) for c in plan.units.current(duty.to_units, today, duty.function)))
    )


def addressees(plan: Plan, duty: Duty | None, today: date) -> tuple[str, ...]:
    """``Kính gửi``: the names of ``addressee_ids``."""
    names = tuple(dict.fromkeys(plan.unit_name(u) for u in addressee_ids(plan, duty, today)))
    return (*names[:-1], names[-1] + via(plan, duty, today)) if names else names


def successor_notes(plan: Plan, duty: Duty | None, today: date) -> tuple[str, ...]:
    """Why the report goes to a body the plan does not name: the one it names ceased, with the basis the plan
    records (``source`` of that unit), and who took over the duty's field."""
    if duty is None:
        return ()
    notes = []
    for c in _inherited(plan, duty, today):
        gone = plan.units.units[c.named]
        basis = legal_basis(gone.source)
        since = short_date(c.since) if c.since else ""
        lead = f"theo {basis}, từ ngày {since}" if basis else f"từ ngày {since}"
        name, heir = plan.unit_name(c.named), plan.unit_name(c.unit_id)
        notes.append(
            f"Kế hoạch giao báo cáo {name}; {lead}, {_handed(plan, gone, c.unit_id, duty)} của {name} do {heir} "
            f"tiếp nhận, nên Báo cáo này gửi {heir}."
        )
    return tuple(notes)


def _handed(plan: Plan, gone: Unit, heir: str, duty: Duty) -> str:
    """What ``heir`` took over from ``gone``, as the plan records it: the fields its successor entry's ``note`` lists
    ("lao động, tiền lương, việc làm, …": a body's whole field is not claimed for one that took part of it), else the
    duty's field, else the work."""
    entry = next((s for s in gone.successors if plan.units.resolve(s.unit) == heir), None)
    if entry is not None and entry.note:
        return f"lĩnh vực {' '.join(entry.note.split()).rstrip(' .;')}"
    return f"lĩnh vực {duty.function}" if duty.function else "nhiệm vụ"


def verify_warnings(plan: Plan, duty: Duty | None, today: date) -> tuple[str, ...]:
    """What the plan marks to verify (``verify`` in units.yaml) about a body the report names in place of the one
    the plan names: the report states it as fact, so the person making it hears it before it is signed."""
    if duty is None:
        return ()
    about: dict[str, list[str]] = {}  # what to verify → the bodies it is said of, in the order the report names them
    for c in _inherited(plan, duty, today):
        for unit_id in (c.named, c.unit_id):
            unit = plan.units.units[unit_id]
            names = about.setdefault(unit.verify.strip().rstrip("."), []) if unit.verify else []
            if unit.verify and unit.name not in names:
                names.append(unit.name)
    return tuple(
        f"báo cáo nêu thông tin ngoài văn bản kế hoạch về {and_joined(names)} mà units.yaml ghi cần xác minh: {what}; "
        "xác minh trước khi trình ký"
        for what, names in about.items()
    )


def _inherited(plan: Plan, duty: Duty, today: date) -> list[Current]:
    seen: set[str] = set()
    out = []
    for c in plan.units.current(duty.to_units, today, duty.function):
        if c.inherited and c.named not in seen:
            seen.add(c.named)
            out.append(c)
    return out


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


def directing_section(plan: Plan, sender: Sender, when: str, text: YearReport | None, cadence: Period) -> Section:
    """The documents the reporting body issued, said as its own; those of other bodies, said as theirs (a Sở's
    guidance is never credited to the People's Committee that reports)."""
    docs = text.directing_documents if text else []
    if not docs:
        return Section(
            "I", "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", (placeholder(ReportPart.DIRECTING_DOCUMENTS, plan.data_file(cadence)),)
        )
    own = [d for d in docs if _issued_by(plan, d, sender.issued_as)]
    others = [d for d in docs if d not in own]
    blocks: list[Block] = []
    if own:
        said = (
            f"{sentence(when)}, {sender.issued_as.name} đã ban hành các văn bản chỉ đạo, triển khai thực hiện Kế hoạch:"
        )
        blocks += [Paragraph(said), items([cite(d) for d in own])]
    if others:
        who = "Các cơ quan, đơn vị" if own else f"{sentence(when)}, các cơ quan, đơn vị"
        blocks += [
            Paragraph(f"{who} đã ban hành văn bản triển khai thực hiện Kế hoạch:"),
            items([cite(d) for d in others]),
        ]
    return Section("I", "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", tuple(blocks))


def _issued_by(plan: Plan, doc: CitedDocument, body: Body) -> bool:
    """A document is the reporting body's when it names no issuer, or names that body (by any of its names)."""
    if doc.issuer is None:
        return True
    return plan.units.resolve(doc.issuer) == body.unit_id or fold(doc.issuer) == fold(body.name)


# ------------------------------------------------------------------ II.


def results_section(
    view: StatusView, data: YearData | None, cadence: Period, proposer: Proposer | None = None
) -> Section:
    """Tasks by group; then, when the plan has indicators, the indicators (their table is the annex)."""
    with_indicators = bool(view.plan.indicators)
    blocks: list[Block] = []
    if with_indicators:
        blocks.append(Heading(2, "1. Kết quả thực hiện các nhiệm vụ, giải pháp chủ yếu"))
    summaries = data.report.group_summaries if data is not None and data.report is not None else {}
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
            continue
        tasks = by_group[group.id]
        lone = len(tasks) == 1 and _same(tasks[0].task.title, group.title)
        for t in tasks:
            blocks += task_block(
                t,
                view.year,
                cadence,
                file=view.plan.data_file(cadence),
                lone=lone,
                summary=summaries.get(t.task.id),
                names=view.plan.unit_name,
            )
    if with_indicators:
        blocks.append(Heading(2, "2. Kết quả thực hiện các chỉ tiêu chủ yếu"))
        blocks += indicator_blocks(view, proposer)
    return Section("II", "KẾT QUẢ THỰC HIỆN", tuple(blocks))


def task_block(
    t: TaskStatus,
    year: int,
    cadence: Period,
    *,
    file: str,
    lone: bool = False,
    summary: str | None = None,
    names: Callable[[str], str] | None = None,
) -> list[Block]:
    """``a) <tên ngắn>: <kết quả>.`` in the department's words (``summary``), else the units' (or the state they
    reported), each unit on its own line when several reported (``names``: a unit's name by id); a task reported
    done says so; a task whose time has not come says so; a task nobody reported on, or reported only by its
    state, is a visible placeholder. ``lone``: the only task of a group of the same name, said without repeating
    it."""
    task = t.task
    lead = "" if lone else f"{_task_label(t)}{task.report_title}: "
    # Once any unit wrote its results, every unit's entry is said: its results, else the state it reported.
    reported = (
        [
            (uid, one_sentence(p.results) if p.results else sentence(_state_words(p.state)))
            for uid, p in t.entries.items()
        ]
        if any(p.results for p in t.entries.values())
        else []
    )
    done = " Nhiệm vụ đã hoàn thành." if t.state is TaskState.DONE else _behind(t, cadence)
    if summary:  # people's words keep their capitals (a body's name may start them)
        said = one_sentence(summary)
    elif reported and t.partners_only and names is not None:  # no lead reported: whose words these are is said
        said = " ".join(f"{names(uid)} (đơn vị phối hợp): {result}" for uid, result in reported) + done
    elif len(reported) > 1 and names is not None:  # whose result is whose: a line each, their words as written
        lines = items([f"{names(uid)}: {result}" for uid, result in reported])
        return [*([Paragraph(lead.rstrip())] if lead else []), lines, *([Paragraph(done.strip())] if done else [])]
    elif reported:
        said = " ".join(result for _, result in reported) + done
    elif t.state is not None and t.done_in is None:  # a state, no result: what was done is still to be written
        return [_state_without_results(t, t.state, lead, cadence, file)]
    elif (idle := not_due_words(t, year, cadence.label)) is not None:
        said = idle
    else:
        return [_nothing_reported(t, lead, year, cadence, file)]
    return [Paragraph(f"{lead}{said}" if lead else sentence(said))]


def _behind(t: TaskStatus, cadence: Period) -> str:
    """`` Nhiệm vụ chưa hoàn thành theo thời gian Kế hoạch đề ra (quý I - II/2026).`` for work its leads reported
    under way past a deadline within the period reported on (a report printed its results alone, as if on time);
    '' otherwise (a deadline after the period is the next report's; only coordinating units' words: never said
    late)."""
    task = t.task
    if t.due is None or not t.due.overdue or task.schedule is None or t.partners_only:
        return ""
    if t.due.day > cadence.last_day:
        return ""
    return f" Nhiệm vụ chưa hoàn thành theo thời gian Kế hoạch đề ra ({task.schedule.words()})."


def _state_without_results(t: TaskStatus, state: TaskState, lead: str, cadence: Period, file: str) -> Placeholder:
    task_id = t.task.id
    return Placeholder(
        f"{lead}{_state_words(state)}{_behind(t, cadence)} [Chưa có nội dung: kết quả cụ thể của nhiệm vụ {task_id} "
        f"{cadence.label}; đơn vị mới báo cáo trạng thái. Ghi kết quả (mục tasks › {task_id} › results) hoặc đoạn "
        f"tổng hợp (mục report › group_summaries › {task_id}) vào tệp {file}.]"
    )


def _nothing_reported(t: TaskStatus, lead: str, year: int, cadence: Period, file: str) -> Placeholder:
    task = t.task
    # A task past its deadline and never reported done may be done but not recorded: asked for, never said late.
    late = ""
    if task.schedule and not task.expected_in(year):  # not asked for this year, yet no words: past due
        late = f"; nhiệm vụ thực hiện {task.schedule.words()}, đã qua hạn mà chưa có báo cáo hoàn thành"
    elif task.schedule and t.due is not None and t.due.overdue and t.due.day <= cadence.last_day:
        # due within the period reported on, as status says "quá hạn": the report never passes over it
        late = f"; nhiệm vụ có hạn ngày {short_date(t.due.day)}, đã quá hạn mà chưa có báo cáo hoàn thành"
    # A request to an organisation is asked, not assigned: what it did is the department's to say, if anything.
    whose = (
        "đoạn tổng hợp kết quả phối hợp (nội dung đề nghị, không giao nhiệm vụ báo cáo; mục report › "
        f"group_summaries › {task.id})"
        if t.is_request
        else f"tiến độ của đơn vị chủ trì (mục tasks › {task.id}) hoặc đoạn tổng hợp (mục report › group_summaries › "
        f"{task.id})"
    )
    return Placeholder(
        f"{lead}[Chưa có nội dung: kết quả thực hiện nhiệm vụ {task.id} {cadence.label}{late}. Ghi {whose} "
        f"vào tệp {file}.]"
    )


def _state_words(state: TaskState) -> str:
    """``chưa triển khai.``: a state reported without results, as the report says it after a task's name."""
    return f"{TASK_STATE_LABELS[state].lower()}."


def _task_label(t: TaskStatus) -> str:
    """``3) `` before a task's name: its number in its group, when the id gives one an official numbers a list
    by (a number, a letter); a dash for an id the document does not number so ("1b", "2-b", "a.1", "1.1"): an item
    of the list, never a paragraph standing alone between "1)" and "2)"; none for a name that begins with its own
    number ("(1) Tổ chức …")."""
    task_id, group_id = t.task.id, t.group_id
    if _OWN_NUMBER.match(t.task.title):
        return ""
    suffix = task_id[len(group_id) :].lstrip(".") if task_id.startswith(group_id) else ""
    return f"{suffix}) " if _LIST_LABEL.fullmatch(suffix) else "- "


_LIST_LABEL = re.compile(r"[0-9]{1,3}|[a-zđ]")
_OWN_NUMBER = re.compile(r"\(?(?:[0-9]{1,3}|[a-zđ])[.)]\s|\([0-9]{1,3}\)\s")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# ------------------------------------------------------------ III. IV. V.


def assessment_section(text: YearReport | None, file: str, view: StatusView | None = None) -> Section:
    """Section III, in the department's words; where it has not written its shortcomings yet, the placeholder
    carries the difficulties the units reported (``view``), the material it writes them from."""
    a = text.assessment if text else None
    blocks: list[Block] = [Heading(2, "1. Ưu điểm")]
    blocks.append(_written(a.strengths if a else [], ReportPart.STRENGTHS, file))
    blocks.append(Heading(2, "2. Tồn tại, hạn chế"))
    material = _reported(view, "difficulties", "Khó khăn") if view is not None else ""
    blocks.append(_written(a.shortcomings if a else [], ReportPart.SHORTCOMINGS, file, material))
    blocks.append(Heading(2, "3. Nguyên nhân"))
    blocks.append(Heading(3, "a) Nguyên nhân khách quan"))
    blocks.append(_written(a.objective_causes if a else [], ReportPart.OBJECTIVE_CAUSES, file))
    blocks.append(Heading(3, "b) Nguyên nhân chủ quan"))
    blocks.append(_written(a.subjective_causes if a else [], ReportPart.SUBJECTIVE_CAUSES, file))
    return Section("III", "ĐÁNH GIÁ CHUNG", tuple(blocks))


def _reported(view: StatusView, part: str, what: str) -> str:
    """``Khó khăn các đơn vị đã báo cáo: <đơn vị> (nhiệm vụ <mã>): …; …`` — what the units said of ``part``
    (``difficulties``, ``directions``, ``proposals``) on the tasks of the view, the material a placeholder carries
    for the department to write its own from; '' when none said anything."""
    said = [
        f"{view.plan.unit_name(uid)} (nhiệm vụ {t.task.id}): {strip_stop(getattr(p, part))}"
        for t in view.tasks
        for uid, p in t.entries.items()
        if getattr(p, part)
    ]
    return f"{what} các đơn vị đã báo cáo: {'; '.join(said)}." if said else ""


def directions_section(plan: Plan, cadence: Period, text: YearReport | None, view: StatusView | None = None) -> Section:
    ahead = next_period(plan, cadence)
    lines = text.directions if text else []
    # The placeholder names the part as its heading does ("… thời gian tới", "… quý I năm 2027"), not "năm tới".
    material = _reported(view, "directions", "Phương hướng") if view is not None else ""
    said = (
        items(lines)
        if lines
        else placeholder(
            ReportPart.DIRECTIONS,
            plan.data_file(cadence),
            material,
            label=f"phương hướng, nhiệm vụ {next_period(plan, cadence, heading=False)}",
        )
    )
    return Section("IV", f"PHƯƠNG HƯỚNG, NHIỆM VỤ {ahead}", (said,))


def proposals_section(text: YearReport | None, file: str, view: StatusView | None = None) -> Section:
    material = _reported(view, "proposals", "Kiến nghị, đề xuất") if view is not None else ""
    return Section(
        "V",
        "KIẾN NGHỊ, ĐỀ XUẤT",
        (_written(text.proposals if text else [], ReportPart.PROPOSALS, file, material),),
    )


def _written(lines: list[str], part: ReportPart, file: str, material: str = "") -> Block:
    return items(lines) if lines else placeholder(part, file, material)


def placeholder(part: ReportPart, file: str, material: str = "", *, label: str = "") -> Placeholder:
    """A part the department has not written: where to write it, and ``material`` to write it from; ``label``:
    the part as the report's heading names it, where that is not its usual name."""
    return Placeholder(
        f"[Chưa có nội dung: {label or part.label}. Ghi vào mục report › {part.value.replace('.', ' › ')} "
        f"của tệp {file}.{' ' + material if material else ''}]"
    )


# ------------------------------------------------------------------ words


def cite(doc: CitedDocument) -> str:
    """``Kế hoạch số 12/KH-UBND ngày 15/3/2025 của … về …``."""
    issuer = f" của {doc.issuer}" if doc.issuer else ""
    return f"{doc.kind} số {doc.number} ngày {short_date(doc.date)}{issuer} {strip_stop(doc.subject)}"


def _citation_of_basis(basis: LegalBasis) -> str:
    """A legal basis as the opening cites it, once: its kind, number, date and issuer (``Kế hoạch số 12/KH-UBND ngày
    15/3/2025 của UBND tỉnh …``), without its title, which the subject line already says."""
    kind = "Văn bản"
    if basis.title:
        head = " ".join(basis.title.split()).split(" số ", 1)[0]
        if head and len(head.split()) <= 4 and head != basis.title:
            kind = head
    return f"{kind} số {basis.number} ngày {short_date(basis.date)} của {basis.issuer}"


__all__ = ["build_report", "cite", "recipients"]
