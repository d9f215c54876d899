"""A division's own report to the coordinating division (``kh68 report --unit U``).

Its own symbol and number line, "Kính gửi:" the coordinating division, its tasks and
indicators only, its own words from its progress entries, its head's signature.

Only a unit that reports for the year has one: a unit acting on the year's reporting day
(the day ``record``, ``progress``, ``form`` and ``status`` judge the year's reporters on),
dated on a day it acts. A unit that ceased before that day, or starts after it, is refused
with its dates (its successors report its work); one that started during the year says
from when it reports in its opening.
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
    Paragraph,
    Placeholder,
    Properties,
    Section,
    Signer,
    StateDocument,
)
from kh68.outputs.indicator_table import indicator_annex, indicator_paragraphs
from kh68.outputs.report_context import items, synthetic_notice
from kh68.outputs.status_view import StatusView, build_status
from kh68.outputs.words import coordinator, lower_first, plan_reference, sentence, short_name
from kh68.reading.enums import DutyKind
from kh68.reading.models import Progress, Unit
from kh68.reading.plan import Plan
from kh68.vocab import task_state_label

PROGRESS_FIELDS = {
    "difficulties": "khó khăn, vướng mắc",
    "directions": "phương hướng, nhiệm vụ năm tới",
    "proposals": "kiến nghị, đề xuất",
}


def build_unit_report(plan: Plan, year: int, today: date, unit_id: str) -> StateDocument:
    require_in_operation(plan, unit_id, year, today)
    view = build_status(plan, year, today, unit_id)
    unit = plan.units.units[unit_id]
    name = short_name(plan, unit_id)
    symbol = unit_symbol(unit)
    recipient = coordinator(plan) or ""
    subject = f"Kết quả thực hiện năm {year} {plan_reference(plan)}"
    entries = _own_entries(plan, view, unit_id)
    return StateDocument(
        kind=DocumentKind.UNIT_REPORT,
        year=year,
        date=today,
        synthetic_notice=synthetic_notice(plan),
        header=Header(
            parent_body=plan.meta.issuing_body,
            issuing_body=name.upper(),
            number_line=f"Số: …/{symbol}",
            place_date=f"{plan.meta.place}, {long_date(today)}",
            symbol=symbol,
        ),
        title="BÁO CÁO",
        subject=subject,
        addressee=f"Kính gửi: {recipient}." if recipient else "",
        opening=_opening(plan, year, name, unit),
        sections=(
            _tasks_section(view, unit_id),
            Section("II", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", tuple(Paragraph(p) for p in indicator_paragraphs(view))),
            *(
                _words_section(number, field, year, entries)
                for number, field in zip(("III", "IV", "V"), PROGRESS_FIELDS, strict=True)
            ),
        ),
        closing=f"Trên đây là báo cáo kết quả thực hiện năm {year} của {name}; kính gửi {recipient or 'đơn vị đầu mối'} tổng hợp./.",
        recipients=("- Như trên;", f"- Lưu: {symbol.removeprefix('BC-')}."),
        signer=Signer("", head_title(unit), ""),
        annex=indicator_annex(view, f"(Kèm theo Báo cáo số …/{symbol} ngày {short_date(today)} của {name})")
        if view.results
        else None,
        properties=Properties(
            title=f"Báo cáo {lower_first(subject)}",
            subject=subject,
            author=name,
            keywords=f"báo cáo; {symbol}; năm {year}",
        ),
    )


def unit_symbol(unit: Unit) -> str:
    """The unit's own report symbol: ``report_symbol`` if the plan gives it, else from its abbreviation."""
    own = getattr(unit, "report_symbol", None)
    if isinstance(own, str) and own:
        return own
    for short in unit.short_names:
        word = short.removeprefix("Phòng ").replace(" ", "")
        if word and word[0].isupper() and "," not in word and not any(c.islower() for c in word[:2]):
            return f"BC-{word.replace('–', '-')}"
    return "BC"


def head_title(unit: Unit) -> str:
    return "TRƯỞNG PHÒNG" if unit.name.lower().startswith("phòng") else "THỦ TRƯỞNG ĐƠN VỊ"


def require_in_operation(plan: Plan, unit_id: str, year: int, today: date) -> None:
    """``UsageError`` with the unit's dates unless it acts on the year's reporting day and on ``today``."""
    due = plan.report_day(year)
    reason = plan.units.inactive_reason(unit_id, due)
    if reason:
        raise UsageError(f"không lập báo cáo năm {year} của {unit_id} (hạn báo cáo {short_date(due)}): {reason}")
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


def _opening(plan: Plan, year: int, name: str, unit: Unit) -> str:
    duty = plan.duty(DutyKind.UNIT_REPORT)
    where = f" (mục {duty.section})" if duty else ""
    since = ""
    if unit.start is not None and unit.start.year == year and unit.start > date(year, 1, 1):
        since = f" (từ ngày {short_date(unit.start)}, ngày đơn vị bắt đầu hoạt động)"
    return f"Thực hiện {plan_reference(plan)}{where}, {name} báo cáo kết quả thực hiện năm {year}{since} như sau:"


def _own_entries(plan: Plan, view: StatusView, unit_id: str) -> list[tuple[str, Progress]]:
    members = set(plan.units.expand(unit_id)) | {unit_id}
    return [(t.task.id, p) for t in view.tasks for uid, p in t.entries.items() if uid in members]


def _tasks_section(view: StatusView, unit_id: str) -> Section:
    plan = view.plan
    members = set(plan.units.expand(unit_id)) | {unit_id}
    blocks: list[Block] = []
    for number, t in enumerate(view.tasks, 1):
        blocks.append(Heading(2, f"{number}. {t.task.title} (mục {t.task.id})"))
        own = [p for uid, p in t.entries.items() if uid in members]
        if not own:
            blocks.append(
                Placeholder(
                    f"[Chưa có nội dung: đơn vị chưa ghi tiến độ nhiệm vụ {t.task.id} năm {view.year} "
                    f"(kh68 progress, hoặc mục tasks › {t.task.id} của tệp data/{view.year}.yaml).]"
                )
            )
            continue
        for p in own:
            text = f"Tình hình thực hiện: {task_state_label(p.state).lower()}."
            if p.results:
                text += " " + sentence(p.results)
            blocks.append(Paragraph(text))
    if not blocks:
        blocks.append(Paragraph("Đơn vị không chủ trì nhiệm vụ nào của Kế hoạch."))
    return Section("I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", tuple(blocks))


def _words_section(number: str, field: str, year: int, entries: list[tuple[str, Progress]]) -> Section:
    titles = {
        "difficulties": "KHÓ KHĂN, VƯỚNG MẮC",
        "directions": f"PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}",
        "proposals": "KIẾN NGHỊ, ĐỀ XUẤT",
    }
    texts = [lower_first(" ".join(getattr(p, field).split())) for _, p in entries if getattr(p, field)]
    block: Block = (
        items(texts)
        if texts
        else Placeholder(
            f"[Chưa có nội dung: đơn vị chưa ghi {PROGRESS_FIELDS[field]} (mục {field} trong tiến độ nhiệm vụ "
            f"của tệp data/{year}.yaml).]"
        )
    )
    return Section(number, titles[field], (block,))
