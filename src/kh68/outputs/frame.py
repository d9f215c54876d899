"""The frame every report shares: the header, the subject line, the annex's line, lists, the warnings of a date.

The department's report (``report_context``), a unit's report (``unit_report``) and the
internal summary (``internal_summary``) are each built in their own module; what they
share lives here, so that none of them imports another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from kh68.core.vnformat import format_date as short_date
from kh68.domain.deadlines import deadline
from kh68.kinds.periods import Period
from kh68.outputs.document import Header, Items
from kh68.outputs.words import dated, lower_first, next_period_words, plan_about, plan_reference
from kh68.reading.bodies import ARCHIVE_ONLY, UNIT_HEAD, Body, Sender, abbreviation_of
from kh68.reading.enums import UnitKind
from kh68.reading.models import Duty, YearData
from kh68.reading.plan import Plan
from kh68.vocab import sentence

SYNTHETIC_NOTICE = (
    "SỐ LIỆU MINH HỌA: báo cáo này được lập từ kế hoạch mẫu có số liệu minh họa, "
    "không có thật; không dùng để gửi hoặc trích dẫn."
)
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def synthetic_notice(plan: Plan) -> str:
    return SYNTHETIC_NOTICE if plan.synthetic else ""


def header_of(issuer: Body, on: date | None, symbol: str) -> Header:
    """Decree 30's header of a document ``issuer`` issues (dated ``on``, or left for the signer; ``symbol`` empty:
    no number line)."""
    return Header(
        parent_lines=issuer.parent_lines,
        own_lines=issuer.own_lines,
        number_line=f"Số: …/{symbol}" if symbol else "",
        place_date=f"{issuer.place}, {dated(on)}",
        symbol=symbol,
    )


def report_subject(plan: Plan, when: str) -> str:
    """``Kết quả thực hiện năm 2026 Kế hoạch số 188/KH-UBND ngày 02/4/2026 của … về …``: the plan's own number and
    title (``when``: ``năm 2026``, ``quý III năm 2026``)."""
    return f"Kết quả thực hiện {when} {plan_reference(plan)} {plan_about(plan)}"


def attached_to(symbol: str, on: date | None, issuer: str) -> str:
    """The annex's ``(Kèm theo Báo cáo số …/BC-… ngày … tháng … năm … của …)`` (Decree 30, Appendix I, part III, point 1)."""
    return f"(Kèm theo Báo cáo số …/{symbol} {dated(on)} của {issuer})"


def report_file(plan: Plan, cadence: Period) -> YearData | None:
    """The figures, progress and words of ``cadence``: the year's (all its files), or a period's own file."""
    if cadence.is_year:
        return plan.data.get(cadence.year)
    return plan.files.get(cadence)


def cited_in(plan: Plan, data: YearData | None, unit_id: str | None = None) -> list[tuple[str, date]]:
    """Each document a report on ``data`` cites (those it answers, those issued to carry the plan out) or takes
    figures from (the province's and each unit's), and each unit's progress report (its last day), as named in a
    sentence, with its date; a unit's report (``unit_id``) only the documents of its own figures and progress."""
    if data is None:
        return []
    text = data.report
    cited = []
    if text is not None and unit_id is None:
        cited = [(f"văn bản số {d.number}", d.date) for d in (*text.references, *text.directing_documents)]
    for m in data.indicators.values():
        cited += [(s.document or "nguồn số liệu", s.date) for s in m.sources(unit_id) if s.date is not None]
    latest: dict[str, date] = {}  # each unit's progress report: the last day it is dated
    for entries in data.progress.values():
        for uid, progress in entries.items():
            if progress.date is not None and unit_id in (None, uid) and progress.date > latest.get(uid, date.min):
                latest[uid] = progress.date
    return cited + [(f"báo cáo tiến độ của {plan.unit_name(uid)}", day) for uid, day in latest.items()]


def date_warnings(
    plan: Plan, duty: Duty | None, cadence: Period, on: date | None, cited: Sequence[tuple[str, date]] = ()
) -> tuple[str, ...]:
    """Warnings on the date written on the report (``--date``): after the duty's deadline for ``cadence``; before
    the plan was issued or the period began (nothing of it could be reported yet); before a document it cites or
    takes figures from (``cited``: each one as named in a sentence, and its date)."""
    if on is None:
        return ()
    dated_on = f"báo cáo {cadence.label} ghi ngày {short_date(on)} (--date)"
    found = []
    due = deadline(duty, cadence) if duty is not None else None
    if duty is not None and due is not None and on > due:
        found.append(f"{dated_on}, sau hạn báo cáo ngày {short_date(due)} ({section_words(duty.section)} của Kế hoạch)")
    floor = on  # a document dated up to the plan's date is said with it
    if plan.meta.date is not None and on < plan.meta.date:
        found.append(f"{dated_on}, trước ngày ban hành {plan_reference(plan, short=True)}")
        floor = plan.meta.date
    elif on < cadence.first_day:
        found.append(f"{dated_on}, trước khi {cadence.label} bắt đầu ({short_date(cadence.first_day)})")
    later = {(document, day) for document, day in cited if day > floor}
    found += [
        f"{dated_on}, trước ngày của {document} ({short_date(day)}) mà báo cáo trích dẫn hoặc lấy số liệu"
        for document, day in sorted(later, key=lambda cited: (cited[1], cited[0]))
    ]
    return tuple(found)


def sender_warnings(plan: Plan, sender: Sender, *, signer_in_plan: bool = False) -> tuple[str, ...]:
    """What the report leaves blank or writes in place of what the plan does not say: the plan's number
    (``Kế hoạch số …/KH-…``); of the body that sends it, its symbol's abbreviation (``BC-…``) and the title of its
    head who signs (``THỦ TRƯỞNG ĐƠN VỊ``); the drafting unit in ``Lưu: VT, …``; the signer's name, when plan.yaml
    has a place for it (``signer_in_plan``: the plan's report). Decree 30 asks for each; a blank the writer must fill is never silent."""
    body = sender.issued_as
    unit = plan.units.units[body.unit_id]
    found = []
    if plan.meta.number is None:
        found.append(
            f"plan.yaml không ghi số của kế hoạch (number): báo cáo viết "
            f"'{plan_reference(plan, short=True)}'; điền số trước khi trình ký"
        )
    if body.abbreviation is None:
        found.append(
            f"units.yaml không ghi chữ viết tắt (abbreviation) của {body.unit_id}: số, ký hiệu của báo cáo để "
            f"'{body.symbol}'"
        )
    if unit.head_title is None and body.head_title == UNIT_HEAD:
        found.append(
            f"units.yaml không ghi chức danh người đứng đầu (head_title) của {body.unit_id}: chỗ ký để '{UNIT_HEAD}'"
        )
    drafter = sender.drafter
    if drafter is not None and drafter != body.unit_id and abbreviation_of(plan, drafter) is None:
        found.append(
            f"units.yaml không ghi chữ viết tắt (abbreviation) của {drafter}, đơn vị soạn thảo: nơi nhận ghi "
            f"'{ARCHIVE_ONLY}' thiếu đơn vị soạn thảo"
        )
    own = drafter is None or (drafter == body.unit_id and plan.units.units[drafter].kind is not UnitKind.DIVISION)
    if signer_in_plan and own:  # the plan's report drafted by "the Sở" itself: no division to file it under
        said = (
            "nhiệm vụ báo cáo không ghi đơn vị soạn thảo"
            if drafter is None
            else f"đơn vị soạn thảo {drafter} (drafter, mặc định đơn vị đầu tiên của from_units) là chính cơ quan ban "
            "hành báo cáo"
        )
        found.append(
            f"{said}: nơi nhận ghi '{ARCHIVE_ONLY}' (Phụ lục I Nghị định 30/2020: 'Lưu: VT, <đơn vị soạn thảo>', phòng "
            f"hay đơn vị thuộc cơ quan soạn văn bản); khai báo phòng soạn thảo trong units.yaml (kind: division, "
            f"parent: {body.unit_id}, abbreviation) rồi ghi ở drafter của nhiệm vụ báo cáo"
        )
    if signer_in_plan and not sender.name:
        found.append("plan.yaml không ghi họ tên người ký (signer: name): dòng họ tên dưới chữ ký để trống")
    return tuple(found)


def next_period(plan: Plan, cadence: Period, *, heading: bool = True) -> str:
    """``NĂM 2027`` while the plan goes on (``QUÝ IV NĂM 2026`` after a quarter); ``THỜI GIAN TỚI`` after its last
    year (a one-year plan's); ``heading`` false: as a sentence says it (``quý IV năm 2026``)."""
    return next_period_words(cadence, plan.meta.period.end, heading=heading)


def items(lines: list[str]) -> Items:
    """A list in the customary form: a capital first letter, ``…;`` each, the last ``….`` (the layout adds ``- ``)."""
    clean = [strip_stop(line) or "" for line in lines]
    clean = [sentence(line) for line in clean if line]
    return Items(tuple(f"{line}{'.' if i == len(clean) - 1 else ';'}" for i, line in enumerate(clean)))


def strip_stop(text: str | None) -> str | None:
    return " ".join(text.split()).rstrip(" .;") if text else text


def section_words(section: str) -> str:
    """``mục V.1`` for a numbered section; a named one as it is named (``phần kết``)."""
    return f"mục {section}" if _a_number(section) else lower_first(section)


def _a_number(section: str) -> bool:
    return section[:1].isdigit() or section.split(".")[0].strip() in ROMAN


def numbered(section: str) -> bool:
    """Whether a section of the plan is cited by its number (``V.1``, ``2.3``, ``mục "V. CHẾ ĐỘ BÁO CÁO", khoản 1``,
    ``Phần III``), not by a name alone (``Phần kết``)."""
    if _a_number(section):
        return True
    cited = re.match(r"(?:mục|khoản|điểm|tiết|phần|chương)\s+[\"“']?([0-9]|[IVX]+\b)", section, re.IGNORECASE)
    return cited is not None


ROMAN = frozenset(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])
