"""Small pieces of wording the report, a unit's report and the internal summary share."""

from __future__ import annotations

from datetime import date

from kh68.core.vnformat import format_date as short_date
from kh68.core.vnformat import long_date
from kh68.kinds.periods import Period, Rhythm
from kh68.reading.bodies import coordinator_id, short_name
from kh68.reading.plan import Plan
from kh68.tracking.tasks import TaskStatus
from kh68.vocab import plan_name

BLANK_DATE = "ngày … tháng … năm …"
"""The date of a document printed before it is signed: the signer writes it in by hand."""


def dated(day: date | None) -> str:
    """``ngày 05 tháng 9 năm 2025`` (Decree 30); ``ngày … tháng … năm …`` for a date left to the signer."""
    return long_date(day) if day is not None else BLANK_DATE


def period_words(period: Period) -> str:
    """How a report's title says its period: ``năm 2026``, ``6 tháng đầu năm 2026``, ``quý III năm 2026``,
    ``tháng 11 năm 2026``."""
    if period.rhythm is Rhythm.QUARTERLY:
        return f"quý {('I', 'II', 'III', 'IV')[period.index - 1]} năm {period.year}"
    if period.rhythm is Rhythm.MONTHLY:
        return f"tháng {period.index} năm {period.year}"
    return period.label


def next_period_words(period: Period, last_year: int, *, heading: bool = True) -> str:
    """The period after ``period``, as a heading says it (``NĂM 2027``, ``QUÝ IV NĂM 2026``; ``heading`` false: as a
    sentence does, ``quý IV năm 2026``); ``THỜI GIAN TỚI`` after the plan's last year."""
    if period.index < period.rhythm.per_year:
        following = Period(period.year, period.rhythm, period.index + 1)
    else:
        following = Period(period.year + 1, period.rhythm, 1)
    words = "thời gian tới" if following.year > last_year else period_words(following)
    return words.upper() if heading else words


def legal_basis(source: str | None) -> str:
    """The document a fact outside the plan rests on, as a report cites it: the ``source`` the plan records, up to
    the first ``": "`` (what follows explains the fact), without a closing full stop; '' without one."""
    if not source:
        return ""
    cited = " ".join(source.split()).split(": ", 1)[0]
    return cited.rstrip(" .;")


def lower_first(text: str) -> str:
    """``Đề nghị …`` → ``đề nghị …`` for a list item; an acronym (``UBND …``) and a name that starts the text
    (``Đoàn Kết …``, ``Sở Y tế …``: its next word capitalised too) are left as they are."""
    if len(text) > 1 and text[0].isupper() and text[1].isupper():
        return text
    words = text.split(maxsplit=2)
    named = len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper()
    if named and words[0].lower() not in _LEVELS:  # "tỉnh Gia Lai": a level, lower case before its name
        return text
    return text[:1].lower() + text[1:]


_LEVELS = frozenset({"tỉnh", "thành", "xã", "phường", "huyện", "quận", "thị", "đặc", "thôn", "bản", "ấp", "tổ"})
"""First words of a place's level ("tỉnh", "thành phố", "xã", "thị xã", "đặc khu"), written lower case before its
name in a sentence."""


def one_sentence(text: str) -> str:
    """Unit text as one sentence on one line, ending with a full stop (``vocab.sentence`` capitalises)."""
    flat = " ".join(text.split())
    return flat if flat.endswith(".") else flat.rstrip(" ;,") + "."


def and_joined(names: list[str]) -> str:
    """``A``; ``A và B``; ``A, B và C``: bodies named in one sentence."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def through(names: list[str]) -> str:
    """`` (qua Sở Du lịch)``: after a body a report is addressed to through its recipient(s); '' without one."""
    return f" (qua {and_joined(names)})" if names else ""


def coordinator(plan: Plan, among: str | None = None) -> str | None:
    """The name of the unit the units report to, as ``among`` says it (a fellow division: its short name)."""
    found = coordinator_id(plan)
    return short_name(plan, found, among) if found else None


def plan_reference(plan: Plan, *, short: bool = False) -> str:
    """``Kế hoạch số 188/KH-UBND ngày 02/4/2026 của <cơ quan ban hành>`` (``…`` for a number not yet written;
    ``năm <năm>`` for a date not written); ``short`` leaves out the issuer."""
    meta = plan.meta
    when = f"ngày {short_date(meta.date)}" if meta.date else f"năm {meta.year}"
    reference = f"{plan_name(meta.type.capitalize(), meta.number, meta.symbol, meta.issued_with)} {when}"
    return reference if short else f"{reference} của {plan.unit_name(meta.issuing_unit)}"


def plan_about(plan: Plan) -> str:
    """``về <trích yếu>``: the plan's title as a subject line continues it."""
    title = " ".join(plan.meta.title.split()).rstrip(" .;")
    return f"về {lower_first(title)}"


def _past_due(t: TaskStatus, year: int) -> bool:
    """Due before the year reported on and never reported done."""
    schedule = t.task.schedule
    end_before = schedule is not None and schedule.end is not None and schedule.end.year < year
    return end_before and t.due is not None and t.due.overdue


def not_due_words(t: TaskStatus, year: int, when: str | None = None) -> str | None:
    """What a report says of a task the year does not ask for (``thực hiện quý II/2027; năm 2026 chưa đến kỳ thực
    hiện.``); ``None`` for one the year asks for, or one past its deadline and never reported done (asked for).
    ``when``: the period the report is of ("quý IV/2026"), said in place of the year."""
    if t.task.expected_in(year) or _past_due(t, year):
        return None
    schedule = t.task.schedule
    if schedule is None:
        return f"năm {year} chưa đến kỳ thực hiện."
    timing = schedule.words()
    if schedule.end is not None and schedule.end.year < year:
        done = f", đã hoàn thành (báo cáo năm {t.done_in})" if t.done_in is not None else ""
        return f"nhiệm vụ thực hiện {timing}, trước năm {year}{done}."
    return f"thực hiện {timing}; {schedule.idle_words(when or f'năm {year}')}."
