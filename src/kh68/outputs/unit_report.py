"""A division's own report to the coordinating division (``kh68 report --unit U``).

Its own header (units.yaml: header, parent, abbreviation), symbol and number line,
"Kính gửi:" the coordinating unit, its tasks and indicators only, its own words from its
progress entries, "Nơi nhận" ("- Như trên;", the duty's copy_to, "- Lưu: …"), the
signature of its head (TM. for a collective body such as a People's Committee).

Only a unit that reports for the year has one: a unit acting on the year's reporting day
(the day ``record``, ``progress``, ``form`` and ``status`` judge the year's reporters on),
dated on a day it acts. A unit that ceased before that day, or starts after it, is refused
with its dates (its successors report its work); one that started during the year says
from when it reports in its opening.
"""

from __future__ import annotations

from datetime import date

from kh68.core.errors import UsageError
from kh68.core.safetext import listing
from kh68.core.vnformat import format_date as short_date
from kh68.domain.deadlines import period_day, unit_report_duties
from kh68.domain.measures import unit_value
from kh68.kinds.periods import Period
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
    numbered,
    report_file,
    report_subject,
    section_words,
    sender_warnings,
    synthetic_notice,
)
from kh68.outputs.indicator_table import Proposer, indicator_annex, indicator_blocks
from kh68.outputs.status_view import StatusView, build_status
from kh68.outputs.words import (
    and_joined,
    coordinator,
    lower_first,
    not_due_words,
    one_sentence,
    period_words,
    plan_reference,
    through,
)
from kh68.reading.bodies import (
    above_the_units,
    belongs_to,
    coordinator_id,
    is_above,
    parent_id,
    short_name,
    stands_for_many,
    unit_sender,
)
from kh68.reading.enums import DutyKind, UnitKind
from kh68.reading.models import Duty, Progress, Task, Unit
from kh68.reading.plan import Plan
from kh68.vocab import amount, sentence, task_state_label

PROGRESS_FIELDS = {
    "difficulties": "khó khăn, vướng mắc",
    "directions": "phương hướng, nhiệm vụ thời gian tới",
    "proposals": "kiến nghị, đề xuất",
}


def build_unit_report(
    plan: Plan, year: int, today: date, unit_id: str, *, dated_on: bool = True, period: Period | None = None
) -> StateDocument:
    """``unit_id``'s report on ``year`` (or on ``period`` of it) to the coordinating unit, made ``today``."""
    cadence = period or Period.of_year(year)
    duties = (
        unit_report_duties(plan, cadence) if period is not None else [d for d in [plan.duty(DutyKind.UNIT_REPORT)] if d]
    )
    if period is not None and not duties:
        raise UsageError(f"kế hoạch không quy định các đơn vị báo cáo {cadence.label}; bỏ --period để lập báo cáo năm")
    duty = duties[0] if duties else None
    if duty is None:  # nobody to send it to, no duty to cite: a report no one asked for
        raise UsageError(
            "kế hoạch không giao các đơn vị báo cáo (không có nhiệm vụ kind: unit_report trong plan.yaml), nên "
            f"không có báo cáo của {unit_id}; bỏ --unit để lập báo cáo chung của kế hoạch"
        )
    require_one_body(plan, unit_id, period_day(plan, cadence))
    require_not_the_coordinator(plan, unit_id)
    if (why := above_the_units(plan, unit_id)) is not None:  # the Sở itself, the province: no unit report
        raise UsageError(
            f"{plan.unit_name(unit_id)} ({unit_id}) {why}, không lập báo cáo của đơn vị; bỏ --unit để lập báo cáo "
            "chung của kế hoạch"
        )
    require_in_operation(plan, unit_id, cadence, today)
    view = build_status(plan, year, today, unit_id, period)
    unit = plan.units.units[unit_id]
    sender = unit_sender(plan, unit_id)
    own = sender.issued_as
    name = short_name(plan, unit_id, coordinator_id(plan))
    symbol = own.symbol
    recipient = coordinator(plan, unit_id)
    addressed = _addressed(plan, duty, unit_id, today)
    if addressed is None and (outside := _body_of_division(plan, unit_id)) is not None:
        addressed, recipient = outside
    when = period_words(cadence)
    subject = report_subject(plan, when)
    entries = _own_entries(plan, view, unit_id)
    others = plan.units.current(duty.copy_to, today) if duty is not None else []
    on = today if dated_on else None
    return StateDocument(
        kind=DocumentKind.UNIT_REPORT,
        year=year,
        date=on,
        made=today,
        synthetic_notice=synthetic_notice(plan),
        header=header_of(own, on, symbol),
        title="BÁO CÁO",
        subject=subject,
        addressees=(f"{addressed[0]}{through([recipient])}",)
        if addressed and recipient
        else (recipient,)
        if recipient
        else (),
        opening=_opening(plan, cadence, name, unit, duty),
        sections=(
            _tasks_section(view, unit_id, cadence),
            *(
                (
                    Section(
                        "II",
                        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                        _indicator_section(view, unit_id, name, Proposer(name, recipient) if recipient else None),
                    ),
                )
                if plan.indicators
                else ()
            ),
            *(
                _words_section(number, field, plan, cadence, entries)
                for number, field in zip(
                    ("III", "IV", "V") if plan.indicators else ("II", "III", "IV"), PROGRESS_FIELDS, strict=True
                )
            ),
        ),
        closing=_closing(when, name, recipient, addressed),
        recipients=(
            *(("- Như trên;",) if recipient else ()),
            *(f"- {n};" for n in dict.fromkeys(plan.unit_name(c.unit_id) for c in others)),
            f"- {sender.archive(plan)}",
        ),
        signer=Signer(sender.signature, ""),
        annex=indicator_annex(view, attached_to(symbol, on, name)) if view.results else None,
        properties=Properties(
            title=f"Báo cáo {lower_first(subject)}",
            subject=subject,
            author=name,
            keywords=f"báo cáo; {symbol}; {when}",
        ),
        period=period.key if period is not None else "",
        warnings=(
            *date_warnings(plan, duty, cadence, on, cited_in(plan, view.plan.data.get(year), unit_id)),
            *sender_warnings(plan, sender),
            *view.unseen_warnings,
        ),
    )


def _indicator_section(view: StatusView, unit_id: str, name: str, proposer: Proposer | None) -> tuple[Block, ...]:
    """The indicators the unit answers for, then the figures it sent of the others (a commune reporting to the
    department its own count of what the department answers for): none of them is left out."""
    figures = _own_figures(view, unit_id)
    if not figures:
        return tuple(indicator_blocks(view, proposer))
    said = Paragraph(f"Số liệu {name} báo cáo để tổng hợp:")
    return (*(indicator_blocks(view, proposer) if view.results else ()), said, items(figures))


def _own_figures(view: StatusView, unit_id: str) -> list[str]:
    """``<chỉ tiêu>: <số liệu của đơn vị>`` for each indicator the unit sent a figure of that it does not answer
    for itself (those are in the indicators' paragraphs)."""
    data = view.plan.data.get(view.year)
    answered = {r.indicator.id for r in view.results}
    found = []
    for indicator in view.plan.indicators:
        m = data.indicators.get(indicator.id) if data is not None else None
        entry = m.by_id.get(unit_id) if m is not None and indicator.id not in answered else None
        value = unit_value(entry, indicator) if entry is not None else None
        if value is not None:
            found.append(f"{indicator.name}: {amount(value, indicator.unit)}")
    return found


def _closing(when: str, name: str, recipient: str | None, addressed: tuple[str, bool] | None = None) -> str:
    """``Trên đây là báo cáo …; <đơn vị> gửi <đơn vị đầu mối> để tổng hợp./.``: a division reports to a fellow
    division, it does not "kính gửi" it in the closing (the Kính gửi line is above). Addressed to a body through the
    coordinating unit (``addressed``: its name, and whether it is above the unit): ``…, kính báo cáo Ủy ban nhân dân
    thành phố (qua Sở Du lịch)./.``."""
    if addressed is not None and recipient:
        body, above = addressed
        via = through([recipient])
        to = f", kính báo cáo {body}{via}" if above else f", gửi {body}{via} để tổng hợp"
    else:
        to = f", gửi {recipient} để tổng hợp" if recipient else ""
    return f"Trên đây là báo cáo kết quả thực hiện {when} của {name}{to}./."


def _body_of_division(plan: Plan, unit_id: str) -> tuple[tuple[str, bool], str] | None:
    """A body outside the coordinating division's own addresses that body, through the division ("Kính gửi: Sở …
    (qua Phòng …)."): Decree 30's recipients are bodies (a commune addressed a division of a Sở by its name and the
    Sở's abbreviation); a division of the same body addresses the division. The body's name and whether it is above
    the unit, and the division's own name."""
    division = coordinator_id(plan)
    if division is None or plan.units.units[division].kind is not UnitKind.DIVISION:
        return None
    body_id = parent_id(plan, division)
    if body_id is None or body_id == unit_id or belongs_to(plan, unit_id, body_id):
        return None  # within the division's own body
    return (plan.unit_name(body_id), is_above(plan, unit_id, body_id)), short_name(plan, division, body_id)


def _addressed(plan: Plan, duty: Duty | None, unit_id: str, today: date) -> tuple[str, bool] | None:
    """The body a unit's report is addressed to through the coordinating unit (the duty's ``addressed_to``), and
    whether it is above the unit; ``None`` when it goes straight to the coordinating unit."""
    if duty is None or not duty.addressed_to:
        return None
    acting = list(dict.fromkeys(c.unit_id for c in plan.units.current(duty.addressed_to, today, duty.function)))
    if not acting:
        return None
    return and_joined([plan.unit_name(u) for u in acting]), all(is_above(plan, unit_id, u) for u in acting)


def require_one_body(plan: Plan, unit_id: str, day: date) -> None:
    """``UsageError`` for a unit that is many bodies under one name: a report is issued by one body (Decree 30's
    header names it), so each of them reports in its own name (those acting on the period's ``day``)."""
    unit = plan.units.units[unit_id]
    if stands_for_many(unit):
        acting = dict.fromkeys(plan.units.current_ids([unit_id], day)) if unit.members else {}
        members = [m for m in acting if above_the_units(plan, m) is None]  # never the Sở its offices passed to
        which = (
            f"; lập báo cáo của từng đơn vị: --unit {listing(members)}"
            if members
            else "; ghi từng đơn vị vào units.yaml để lập báo cáo của đơn vị đó"
        )
        raise UsageError(
            f"{plan.unit_name(unit_id)} ({unit_id}) là nhiều cơ quan, đơn vị chung một tên, không phải một cơ quan "
            f"ban hành văn bản: không lập báo cáo mang tên chung{which}"
        )


def require_not_the_coordinator(plan: Plan, unit_id: str) -> None:
    """``UsageError`` for the unit the units' reports are addressed to: its report would be sent to itself
    ("Kính gửi: Sở Khoa học và Công nghệ" from the Sở)."""
    if unit_id == coordinator_id(plan):
        raise UsageError(
            f"{plan.unit_name(unit_id)} ({unit_id}) là đơn vị đầu mối nhận báo cáo của các đơn vị, không lập báo "
            "cáo gửi chính mình; bỏ --unit để lập báo cáo chung của kế hoạch"
        )


def require_in_operation(plan: Plan, unit_id: str, cadence: Period, today: date) -> None:
    """``UsageError`` with the unit's dates unless it acts on the period's reporting day and on ``today``."""
    due = period_day(plan, cadence)
    reason = plan.units.inactive_reason(unit_id, due)
    if reason:
        raise UsageError(f"không lập báo cáo {cadence.label} của {unit_id} (hạn báo cáo {short_date(due)}): {reason}")
    reason = plan.units.inactive_reason(unit_id, today)
    if reason:
        raise UsageError(
            f"không lập báo cáo của {unit_id} ghi ngày {short_date(today)} (--date): {reason}; "
            f"ghi --date trong thời gian đơn vị hoạt động ({_lifetime(plan.units.units[unit_id])})"
        )


def _lifetime(unit: Unit) -> str:
    since = f"từ {short_date(unit.start)}" if unit.start else ""
    until = f"đến {short_date(unit.end)}" if unit.end else ""
    return " ".join(part for part in (since, until) if part)


def _opening(plan: Plan, cadence: Period, name: str, unit: Unit, duty: Duty | None) -> str:
    # "(mục V.1)" cites where the plan asks the report; a part named without a number ("(phần kết)") is no citation
    where = f" ({section_words(duty.section)})" if duty and numbered(duty.section) else ""
    since = ""
    if unit.start is not None and cadence.first_day < unit.start <= cadence.last_day:
        since = f" (từ ngày {short_date(unit.start)}, ngày đơn vị bắt đầu hoạt động)"
    when = period_words(cadence)
    return f"Thực hiện {plan_reference(plan)}{where}, {name} báo cáo kết quả thực hiện {when}{since} như sau:"


def _own_entries(plan: Plan, view: StatusView, unit_id: str) -> list[tuple[str, Progress]]:
    members = set(plan.units.expand(unit_id)) | {unit_id}
    return [(t.task.id, p) for t in view.tasks for uid, p in t.entries.items() if uid in members]


def _tasks_section(view: StatusView, unit_id: str, cadence: Period) -> Section:
    plan = view.plan
    members = set(plan.units.expand(unit_id)) | {unit_id}
    blocks: list[Block] = []
    for number, t in enumerate(view.tasks, 1):
        blocks.append(Heading(2, f"{number}. {t.task.report_title} (mục {t.task.id})"))
        own = [p for uid, p in t.entries.items() if uid in members]
        idle = not_due_words(t, cadence.year, cadence.label) if not own else None
        if idle is not None:  # as the report of the plan says it: not asked for this year
            blocks.append(Paragraph(sentence(idle)))
            continue
        if not own:
            blocks.append(
                Placeholder(
                    f"[Chưa có nội dung: đơn vị chưa ghi tiến độ nhiệm vụ {t.task.id} {cadence.label} "
                    f"(kh68 progress, hoặc mục tasks › {t.task.id} của tệp {plan.data_file(cadence)}).]"
                )
            )
            continue
        blocks += [Paragraph(_said(p)) for p in own]
    coordinated = _coordinated(plan, unit_id, cadence)
    for number, (task, entry) in enumerate(((t, e) for t, e in coordinated if e is not None), len(view.tasks) + 1):
        blocks.append(Heading(2, f"{number}. {task.report_title} (mục {task.id}, đơn vị phối hợp)"))
        blocks.append(Paragraph(_said(entry)))
    if not blocks:
        helped = [task.id for task, _ in coordinated]
        also = f"; đơn vị phối hợp thực hiện nhiệm vụ {', '.join(helped)}, chưa ghi tiến độ phối hợp" if helped else ""
        blocks.append(Paragraph(f"Đơn vị không chủ trì nhiệm vụ nào của Kế hoạch{also}."))
    return Section("I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", tuple(blocks))


def _said(p: Progress) -> str:
    return sentence(one_sentence(p.results)) if p.results else f"{task_state_label(p.state)}."


def _coordinated(plan: Plan, unit_id: str, cadence: Period) -> list[tuple[Task, Progress | None]]:
    """The tasks of the period the unit works on without leading them (phối hợp), with what it reported of each."""
    data = report_file(plan, cadence)
    progress = data.progress if data is not None else {}
    return [
        (task, progress.get(task.id, {}).get(unit_id))
        for group in plan.groups
        for task in group.tasks
        if task.expected_in(cadence.year)
        and plan.covers(task.coordinating_units, unit_id, cadence.last_day)
        and not plan.covers(task.lead_units, unit_id, cadence.last_day)
    ]


def _words_section(
    number: str, field: str, plan: Plan, cadence: Period, entries: list[tuple[str, Progress]]
) -> Section:
    titles = {
        "difficulties": "KHÓ KHĂN, VƯỚNG MẮC",
        "directions": f"PHƯƠNG HƯỚNG, NHIỆM VỤ {next_period(plan, cadence)}",
        "proposals": "KIẾN NGHỊ, ĐỀ XUẤT",
    }
    texts = [" ".join(getattr(p, field).split()) for _, p in entries if getattr(p, field)]
    block: Block = (
        items(texts)
        if texts
        else Placeholder(
            f"[Chưa có nội dung: đơn vị chưa ghi {PROGRESS_FIELDS[field]} (mục {field} trong tiến độ nhiệm vụ "
            f"của tệp {plan.data_file(cadence)}).]"
        )
    )
    return Section(number, titles[field], (block,))
