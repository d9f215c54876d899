"""The kinds of target, registered here and nowhere else.

``parse_target`` tries each kind of ``KINDS`` in order on the plan's words; the
first that reads them wins, and words no kind reads are an error listing every
kind's example. A structured form (``{at_least: 500, text: "…"}``) names its
kind by the first key of that kind's ``fields``.

Adding a kind: write ``kinds/targets/<kind>.py`` (a ``Target`` subclass: its
``kind``, ``example``, ``meaning``, ``fields``, ``parse``, ``from_fields``,
``requirement`` and ``words``), add it to ``KINDS`` below where its phrasing
should be tried, and add ``tests/kinds/targets/test_<kind>.py``. The models,
the engine, the outputs and the README's table of forms ask the kind; none of
them lists kinds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from kh68.core.safetext import excerpt
from kh68.kinds.phrases import as_written, fold, strip_end
from kh68.kinds.targets.approximately import Approximately
from kh68.kinds.targets.at_least import AtLeast
from kh68.kinds.targets.at_most import AtMost
from kh68.kinds.targets.base import (
    Aggregate,
    Feed,
    FieldType,
    History,
    Requirement,
    Style,
    Target,
    TargetUnparsable,
    requirement_words,
)
from kh68.kinds.targets.change import Change
from kh68.kinds.targets.completion import Completion
from kh68.kinds.targets.greater_than import GreaterThan
from kh68.kinds.targets.less_than import LessThan
from kh68.kinds.targets.milestone import Milestone
from kh68.kinds.targets.no_target import NoTarget
from kh68.kinds.targets.per_year import PerYear
from kh68.kinds.targets.range import Range
from kh68.kinds.targets.total import Total
from kh68.kinds.targets.yearly_change import YearlyChange

KINDS: tuple[type[Target], ...] = (
    AtLeast,
    GreaterThan,
    AtMost,
    LessThan,
    Range,
    Approximately,
    Change,
    YearlyChange,
    PerYear,
    Total,
    Completion,
    NoTarget,
    Milestone,  # last: any words without a number
)
"""Every kind of target, in the order their phrasings are tried (and listed in messages and the README)."""

_BY_NAME = {kind.kind: kind for kind in KINDS}
# "phấn đấu đạt", "chiếm tối thiểu 20%", "đảm bảo 100%", "Có ít nhất 02 vùng": words before the bound
_LEAD = re.compile(
    r"^(?:(?:(?:phấn đấu|dự kiến|đảm bảo|bảo đảm|duy trì|giữ vững)(?:\s+ổn định)?\s+)+(?:(?:đạt|chiếm|có|ở)\s+)?"
    r"|(?:đạt|chiếm|có)\s+)"
    r"(?:(?:tỷ lệ|mức)\s+)?(?=.*[0-9])"  # "đạt tỷ lệ 100%", "đạt mức 95%", "duy trì ở mức 49,5%"
)
_DONE_WORDS = (
    r"(?:hình thành|phát triển|xây dựng|thành lập|thu hút|tổ chức|đào tạo|bồi dưỡng|hỗ trợ|công nhận|cấp|"
    r"trồng|tạo việc làm cho|giải quyết việc làm cho|đón|triển khai|thực hiện)"
)
_ACTION = re.compile(
    rf"^{_DONE_WORDS}(?:\s*(?:,|và)\s*{_DONE_WORDS})*(?:\s+(?:mới|được))?\s+"  # "Phát triển và triển khai …"
    r"(?=(?:ít nhất|tối thiểu|trên|hơn|không quá|tối đa|khoảng|từ)?\s*[0-9])"
)
"""What is done, before the bound of how many ("Hình thành ít nhất 20 mô hình", "cấp mới 12 mã số"): the words the
target is counted in follow the number. Never "tăng", "giảm" (a change), nor "thêm" (more than what exists)."""
_DONE = re.compile(r"^hoàn thành\s+(?=(?:(?:ít nhất|tối thiểu|trên|hơn|khoảng|từ)\s+)?[0-9][0-9.,]*\s*[^\W\d_%])")
"""Work done, counted in what follows the number ("hoàn thành tối thiểu 4.800 căn"); "hoàn thành 100%" is the
completion of the work (kind ``completion``), never a bound."""
_TO_LEVEL = (
    (
        re.compile(
            r"^(?:(?:giảm|hạ|kéo giảm)\s+)?(?:xuống\s+còn|xuống|còn)\s+(?:mức\s+)?"
            r"(?=(?P<said>dưới|không quá|không vượt quá|tối đa|khoảng)?\s*[0-9])"
        ),
        "không quá",
    ),
    (
        re.compile(r"^(?:nâng\s+)?lên\s+(?:mức\s+)?(?=(?P<said>ít nhất|tối thiểu|trên|hơn|từ|khoảng)?\s*[0-9])"),
        "ít nhất",
    ),
)
"""A level reached by falling or rising ("giảm xuống dưới 2%", "giảm còn 5%", "nâng lên 60%"): the level, on the side
the verb says when the words after say none; words of the other side ("giảm xuống trên 2%") are read by no kind."""
_BY_STEPS = re.compile(r"[0-9]\s*(?:lần|bậc|hạng|điểm phần trăm)\b")
""""nâng lên 2 lần", "giảm xuống 3 bậc": by so much, not to a level: read by no rise or fall to a level."""
_UP_TO = re.compile(r"^tăng\s+lên\s+(?:mức\s+)?(?P<level>(?:(?:ít nhất|tối thiểu|trên|từ)\s+)?[0-9][^/]*?)$")
""""tăng lên 20%": to 20%, or by 20%? Both are written; refused naming both (never "lần": "tăng lên 2 lần")."""
_UNBASED = re.compile(
    r"^(?P<verb>tăng|giảm)(?:\s+thêm)?\s+(?:(?P<bound>ít nhất|tối thiểu|từ|không quá|tối đa|trên|hơn|khoảng|dưới)"
    r"\s+)?(?P<rest>[0-9].*)$"
)
"""A change that says no base ("tăng 20%", "tăng thêm 500 ha", "giảm 10% đến năm 2030"): against which year?"""
# "phấn đấu đến năm 2030 đạt …", "dự kiến đến năm 2030 đạt …": the pledge before the year, when a target follows it
_PLEDGE = re.compile(
    r"^(?:phấn đấu|dự kiến|đảm bảo|bảo đảm)\s+(?=(?:(?:đến|tới) (?:hết )?|trong |vào )?năm [0-9]{4}\s*[,:]?\s*\S)"
)
_REMARK = re.compile(
    r"(?<=[0-9%a-zà-ỹđ])\s*\((?:trừ|ngoại trừ|loại trừ|không kể|không tính|kể cả|bao gồm|gồm)\b[^()0-9]*\)$"
)
"""A remark in brackets after a target that says what it covers ("100% (trừ thủ tục đặc thù)", "(không kể …)"): the
target is before it, and the report quotes it whole. Any other bracket may change the bound ("5% (tối đa)", "90%
(lũy kế)", "(năm 2025)"): never passed over."""
_YEAR_BEFORE = re.compile(r"^(?:(?:đến|tới) (?:hết )?|trong |vào )?năm (?P<y>[0-9]{4})\s*(?:,|:)?\s*(?=\S)")
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:(?P<by>vào|đến|tới|trong) (?:hết )?)?năm (?P<y>[0-9]{4})$")
_NOT_THE_YEAR = re.compile(r"(?:\b(?:từ|trước|sau|cuối|đầu|như|mức|của|bằng|giữa|hết))\s*,?$")
_AGAINST_A_YEAR = re.compile(r"so với|cùng kỳ|gấp|hơn|bằng|\btăng\b|\bgiảm\b")
"""A year after a target without "vào", "đến" ("đạt 20% xã, phường năm 2025") is the target's year, except in a
change or a comparison, where "năm 2025" is the base ("tăng 10% so với năm 2025", "không thấp hơn năm 2025")."""


def kind_named(name: str) -> type[Target] | None:
    return _BY_NAME.get(name)


def accepted_forms() -> str:
    """Every kind's example, for messages and the README: ``99,5 | 30-35 | …``."""
    return " | ".join(kind.example for kind in KINDS)


def parse_target(text: str) -> Target:
    """The target the plan's words ``text`` mean; ``TargetUnparsable`` naming every accepted form otherwise."""
    other_digits = "".join(dict.fromkeys(ch for ch in text if ch.isdecimal() and not ch.isascii()))
    if other_digits:  # "９５", "٩٥": a number, but not one kh68 reads, nor words of a milestone
        raise TargetUnparsable(
            f"chỉ tiêu {excerpt(text)} có chữ số không phải 0–9 ({other_digits}: chữ số toàn độ rộng hoặc của "
            "bảng chữ khác); viết lại số bằng các chữ số 0–9"
        )
    phrase = _PLEDGE.sub("", _REMARK.sub("", strip_end(fold(text))))
    year = None
    for pattern in (_YEAR_BEFORE, _YEAR_AFTER):
        match = pattern.search(phrase)
        if match and pattern is _YEAR_AFTER and not match["by"] and _AGAINST_A_YEAR.search(phrase):
            match = None
        if match and pattern is _YEAR_AFTER and not match["by"] and _NOT_THE_YEAR.search(phrase[: match.start()]):
            match = None  # "đạt 60% từ năm 2026" (from it on), "trước năm 2025", "mức năm 2025": not the target's year
        if match and not (phrase[: match.start()] + phrase[match.end() :]).strip():
            match = None  # "năm 2025" alone is no target of that year: words no kind reads
        if match:
            year = int(match["y"])
            phrase = (phrase[: match.start()] + phrase[match.end() :]).strip()
    phrase = _to_level(_DONE.sub("", _ACTION.sub("", _LEAD.sub("", phrase))), text)
    for kind in KINDS:
        target = kind.parse(phrase, text)
        if target is not None:
            return replace(target, year=year) if year is not None else target
    if (unbased := _UNBASED.match(phrase)) and "so với" not in phrase:
        verb = unbased["verb"]
        if verb == "giảm" and unbased["bound"] == "dưới":  # "giảm dưới 6%": to below 6%, or by less than 6%?
            level = as_written(text, unbased["rest"])
            raise TargetUnparsable(
                f"chỉ tiêu {excerpt(text)} đọc được hai cách: giảm xuống dưới {level} (viết 'giảm xuống dưới "
                f"{level}'), hoặc một mức giảm so với một năm (viết rõ năm gốc, ví dụ 'giảm không quá {level} so với "
                "năm …'); viết một trong hai"
            )
        raise TargetUnparsable(
            f"chỉ tiêu {excerpt(text)} nói mức {verb} mà không nói so với năm nào; viết '{verb} … so với năm …' (năm "
            f"gốc, như '{verb} 10% so với năm 2025'), '{verb} … so với năm trước' (mỗi năm so với năm liền trước), "
            "hoặc ghi mức cần đạt ('ít nhất 30%', 'không quá 5')"
        )
    raise TargetUnparsable(
        f"không đọc được chỉ tiêu {excerpt(text)}; các dạng đọc được: {accepted_forms()} "
        "(hoặc dạng cấu trúc {at_least: 3, text: '…'})"
    )


def _to_level(phrase: str, text: str) -> str:
    """``phrase`` with a fall or rise to a level said as the level: "giảm xuống 2%" is "không quá 2%", "nâng lên 60%"
    "ít nhất 60%"; "tăng lên 20%" is refused naming its two readings."""
    if (rise := _UP_TO.match(phrase)) and "so với" not in phrase and not re.search(r"\blần\b", phrase):
        level = rise["level"].strip()
        raise TargetUnparsable(
            f"chỉ tiêu {excerpt(text)} đọc được hai cách: đạt mức {level} (viết 'ít nhất {level}'), hoặc tăng thêm "
            f"{level} (viết 'tăng {level} so với năm …', ghi năm gốc); viết một trong hai"
        )
    for pattern, side in _TO_LEVEL:
        if (found := pattern.match(phrase)) and not _BY_STEPS.search(phrase):
            rest = phrase[found.end() :]
            return rest if found["said"] else f"{side} {rest}"
    return phrase


def parse_nested(phrase: str, text: str) -> Target | None:
    """A plain bound after "trung bình mỗi năm", "tổng giai đoạn …" (``phrase`` folded)."""
    for kind in KINDS:
        if kind.nestable and (target := kind.parse(phrase, text)) is not None:
            return target
    return None


def structured_fields() -> dict[str, FieldType]:
    """Every key of every kind's structured form with its type (one type per key across kinds)."""
    found: dict[str, FieldType] = {}
    for kind in KINDS:
        for name, field_type in kind.fields.items():
            if found.setdefault(name, field_type) is not field_type:
                raise TypeError(f"khóa {name!r} có hai kiểu trong các loại chỉ tiêu")
    return found


def from_fields(fields: Mapping[str, Any], text: str | None) -> Target:
    """The target of a structured form: the kind named by its key, with only that kind's keys."""
    given = {name for name, value in fields.items() if value is not None}
    named = [kind for kind in KINDS if next(iter(kind.fields)) in given]
    if len(named) != 1:
        keys = ", ".join(next(iter(kind.fields)) for kind in KINDS)
        found = ", ".join(next(iter(kind.fields)) for kind in named)
        what = f"có {len(named)} khóa loại chỉ tiêu ({found})" if named else "thiếu khóa loại chỉ tiêu"
        raise TargetUnparsable(f"chỉ tiêu dạng cấu trúc {what}: ghi đúng một trong {keys}")
    kind = named[0]
    stray = sorted(given - set(kind.fields))
    if stray:
        raise TargetUnparsable(
            f"khóa {', '.join(stray)} không dùng với chỉ tiêu loại {kind.kind}; loại này nhận {', '.join(kind.fields)}"
        )
    return kind.from_fields(fields, text or "")


__all__ = [
    "KINDS",
    "Aggregate",
    "Feed",
    "FieldType",
    "History",
    "Requirement",
    "Style",
    "Target",
    "TargetUnparsable",
    "accepted_forms",
    "from_fields",
    "kind_named",
    "parse_nested",
    "parse_target",
    "requirement_words",
    "structured_fields",
]
