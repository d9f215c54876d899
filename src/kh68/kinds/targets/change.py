"""change: ``giảm 10% so với năm 2025``, ``tăng 2 điểm phần trăm so với năm 2024``, ``tăng 500 ha so với năm trước``,
``tăng từ 10-15% so với năm 2025`` (a range: its near edge the goal, beyond its far edge exceeded).

Set against a base year's figure: a relative change (``%`` of an amount), a change
in percentage points of a rate, or an amount in the indicator's unit. "Giảm" means
lower is better, "tăng" higher. Without the base year's figure the target cannot be
judged (``Status.NO_BASE``). For a rate, "giảm 10%" reads two ways (10 points, or a
tenth of the rate) and is refused, naming both (``kh68.reading`` knows the unit).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Self

from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, YEAR, as_written, decimals_written, is_share, number
from kh68.kinds.targets.base import FieldType, History, Requirement, Style, Target, TargetUnparsable, say, two_readings
from kh68.kinds.verdict import Direction

_AMOUNT_OF = r"(?:(?:tổng\s+)?(?:số\s+lượng|lượng|số|mức|kết quả(?:\s+thực hiện)?)\s+(?:của\s+)?)?"
"""What the base year's figure is called before it ("so với tổng lượng năm 2025", "so với kết quả năm 2025"); never a
plan's or a target's ("so với kế hoạch năm 2025" is another base: not read)."""
_AGAINST = (
    rf"(?:năm\s+(?P<year>{YEAR})|cùng kỳ năm\s+(?P<same>{YEAR})"
    r"|(?P<previous>năm trước|năm liền trước|cùng kỳ(?: năm trước)?|năm liền kề trước))"
)
_PATTERN = re.compile(
    rf"^(?P<verb>giảm|tăng)\s+(?:thêm\s+)?(?:(?P<least>ít nhất|tối thiểu|từ)\s+|(?P<most>không quá|không vượt quá|tối đa)\s+"
    rf"|(?P<over>trên|hơn)\s+)?(?P<n>{NUMBER})\s*(?:(?P<u1>%)?\s*(?P<sep> - |đến\s+)(?P<far>{NUMBER})\s*)?"
    rf"(?P<u>điểm phần trăm|{UNIT})?\s*(?P<up>trở lên\s*)?"
    rf"so với\s+{_AMOUNT_OF}{_AGAINST}(?P<up_after>\s+trở lên)?$"
)
_TIMES = re.compile(
    rf"^(?:tăng\s+)?gấp\s+(?:(?:từ\s+)?(?P<n>{NUMBER})(?:\s*(?: - |đến\s+)(?P<far>{NUMBER}))?\s+lần"
    rf"|(?P<word>đôi|ba|bốn))\s+(?:so với\s+)?"
    rf"{_AMOUNT_OF}{_AGAINST}$"
)
_WORDS = {"đôi": "2", "ba": "3", "bốn": "4"}
""""gấp đôi năm 2025": twice; "gấp ba": three times."""
""""gấp 1,5 lần năm 2025": at least that many times the base year's figure."""
_KEPT = re.compile(
    rf"^không\s+(?P<verb>giảm|tăng|thấp hơn|ít hơn|cao hơn|nhiều hơn)\s+(?:so với\s+)?"
    rf"(?:năm\s+(?P<year>{YEAR})|(?P<previous>năm trước|năm liền trước|cùng kỳ năm trước|năm liền kề trước))$"
)
""""không giảm so với năm 2025": at least the base year's figure (not above it, for "không tăng")."""
POINTS = "điểm phần trăm"


@dataclass(frozen=True, kw_only=True)
class Change(Target):
    kind = "change"
    example = "giảm 10% so với năm 2025"
    phrasings = (
        "giảm 10% so với năm 2025",
        "tăng 2 điểm phần trăm so với năm 2024",
        "tăng 500 ha so với năm trước",
        "tăng 5% so với cùng kỳ",
        "giảm 15% so với tổng lượng năm 2025",
        "không giảm so với năm 2025",
        "tăng 10% trở lên so với năm 2025",
        "tăng trên 10% so với năm 2025",
        "giảm không quá 5% so với năm 2025",
        "tăng 5% so với cùng kỳ năm 2025",
        "gấp 1,5 lần năm 2025",
        "gấp đôi năm 2025",
        "không thấp hơn năm 2025",
        "tăng từ 10-15% so với năm 2025",
        "gấp 1,5-2 lần năm 2025",
        "tăng thêm 20% so với năm 2025",
    )
    meaning = (
        "so với số liệu năm gốc: tăng (giảm) ít nhất mức ghi; một khoảng ('tăng 10-15%'): trong khoảng là Đạt, quá "
        "cận xa là Vượt; chưa có số liệu năm gốc thì chưa đánh giá được"
    )
    fields: ClassVar[dict[str, FieldType]] = {
        "change": FieldType.NUMBER,
        "relative": FieldType.FLAG,
        "base_year": FieldType.YEAR,
    }
    history_free = False

    amount: float  # signed: negative for a decrease
    relative: bool  # a share of the base figure (the words say "%" of an amount)
    base: int | None = None
    previous: bool = False  # "so với năm trước": the base is the year before the target's
    structured: bool = False  # written as {change: …, relative: …}: no words to misread
    kept: Direction | None = None  # "không giảm" (HIGHER) / "không tăng" (LOWER) so với …: no change is the bound
    at_most: bool = False  # "giảm không quá 5%": the change is a limit, not a goal (the better side turns)
    strict: bool = False  # "tăng trên 10%": the change itself falls short
    times: float | None = None  # "gấp 1,5 lần năm 2025" (amount: +50%)
    far: float | None = None  # "tăng 10-15%": the far edge (+15), beyond which the target is exceeded
    far_times: float | None = None  # "gấp 1,5-2 lần năm 2025": 2

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        if kept := _KEPT.match(phrase):
            return cls(
                text=text,
                amount=0.0,
                relative=False,
                base=int(kept["year"]) if kept["year"] else None,
                previous=bool(kept["previous"]),
                kept=Direction.HIGHER if kept["verb"] in ("giảm", "thấp hơn", "ít hơn") else Direction.LOWER,
            )
        if times := _TIMES.match(phrase):
            return cls._times(times, text)
        match = _PATTERN.match(phrase)
        if match is None or (match["up_after"] and (match["up"] or match["far"])):
            return None
        if match["up_after"]:  # "giảm 10% so với năm 2025 trở lên": as "giảm 10% trở lên so với năm 2025"
            return cls.parse(phrase[: match.start("up_after")].replace(" so với", " trở lên so với", 1), text)
        if not match["far"] and ((match["up"] and match["most"]) or (match["least"] == "từ" and not match["up"])):
            return None
        size = float(number(match["n"], TargetUnparsable, text))
        unit = match["u"] or match["u1"]
        if match["far"]:
            return cls._range(match, size, unit, text)
        if match["over"] and match["up"]:  # "tăng trên 10% trở lên": above 10%, or from 10% up?
            said = as_written(text, f"{match['n']} {unit or ''}".strip())  # "500 ha", "10%" as written
            raise TargetUnparsable(
                f"chỉ tiêu {excerpt(text)} đọc được hai cách: {match['verb']} trên {said} (bằng {said} là chưa đạt), "
                f"hoặc {match['verb']} từ {said} trở lên (bằng {said} là đạt); viết một trong hai"
            )
        if unit == "lần":
            raise TargetUnparsable(_times_readings(text, match["verb"], match["n"]))
        if unit is not None and unit.startswith("%/"):  # "tăng 5%/năm so với năm 2025": a yearly pace, not this
            return None
        return cls(
            text=text,
            amount=-size if match["verb"] == "giảm" else size,
            relative=is_share(unit),  # "10%", "10% số hộ": a share of the base figure
            unit=None if is_share(unit) or unit == POINTS else unit,
            base=_base(match),
            previous=bool(match["previous"]),
            decimals=decimals_written(match["n"]),
            at_most=bool(match["most"]),
            strict=bool(match["over"]),
        )

    @classmethod
    def _range(cls, match: re.Match[str], size: float, unit: str | None, text: str) -> Self | None:
        """ "tăng 10-15% so với năm 2025", "giảm từ 5% đến 10% so với …": the nearer edge is the goal, beyond the
        farther one the target is exceeded (as a range of levels is)."""
        if match["most"] or match["over"] or match["up"] or match["least"] not in (None, "từ"):
            return None  # "tăng ít nhất 10-15%", "tăng trên 10-15%": no one reading of the range's edges
        if match["u1"] and not (unit is not None and unit.startswith("%")):
            return None  # "tăng 10% - 15 ha so với …"
        if unit is not None and unit.startswith("%/"):
            return None  # a yearly pace: yearly_change's
        if match["sep"].startswith("đến") and not match["u"] and re.fullmatch(r"(?:19|20|21)[0-9]{2}", match["far"]):
            return None  # "tăng 10% đến 2030 so với năm 2025": to 2030% or by the year 2030? Neither is read
        far = float(number(match["far"], TargetUnparsable, text))
        if size >= far:
            raise TargetUnparsable(f"khoảng chỉ tiêu {excerpt(text)} có cận dưới không nhỏ hơn cận trên")
        sign = -1 if match["verb"] == "giảm" else 1
        return cls(
            text=text,
            amount=sign * size,
            far=sign * far,
            relative=is_share(unit),
            unit=None if is_share(unit) or unit == POINTS else unit,
            base=_base(match),
            previous=bool(match["previous"]),
            decimals=max(decimals_written(match["n"]), decimals_written(match["far"])),
        )

    @classmethod
    def _times(cls, match: re.Match[str], text: str) -> Self:
        written = match["n"] or _WORDS[match["word"]]
        times = float(number(written, TargetUnparsable, text))
        if times <= 1:  # "gấp 0,8 lần" is no rise: written as the fall it is ("giảm 20% so với năm 2025")
            raise TargetUnparsable(f"chỉ tiêu {excerpt(text)}: 'gấp … lần' cần số lần lớn hơn 1")
        far_times = float(number(match["far"], TargetUnparsable, text)) if match["far"] else None
        if far_times is not None and far_times <= times:
            raise TargetUnparsable(f"khoảng chỉ tiêu {excerpt(text)} có cận dưới không nhỏ hơn cận trên")
        return cls(
            text=text,
            amount=(times - 1) * 100,
            far=None if far_times is None else (far_times - 1) * 100,
            relative=True,
            base=_base(match),
            previous=bool(match["previous"]),
            decimals=max(decimals_written(written), decimals_written(match["far"]))
            if match["far"]
            else decimals_written(written),
            times=times,
            far_times=far_times,
        )

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        base = fields.get("base_year")
        return cls(
            text=text,
            amount=float(fields["change"]),
            relative=bool(fields.get("relative", False)),
            base=None if base is None else int(base),
            previous=base is None,
            structured=True,
        )

    @property
    def implied_direction(self) -> Direction:
        if self.kept is not None:
            return self.kept
        rising = Direction.LOWER if self.amount < 0 else Direction.HIGHER
        return rising.opposite if self.at_most else rising

    def figures(self) -> dict[str, Any]:
        far = {} if self.far is None else {"far_change": self.far}
        return {"change": self.amount, "relative": self.relative} | far

    @property
    def base_year(self) -> int | None:
        return self.base

    def with_defaults(self, *, year: int | None = None, **_: Any) -> Target:
        if self.base is None and self.previous and year is not None:
            return replace(self, base=year - 1)
        return self

    def requirement(self, direction: Direction, history: History) -> Requirement | None:
        base = history.value_in(self.base) if self.base is not None else None
        if base is None:
            return None
        far = None if self.far is None else self._reached(base, self.far)
        return Requirement(self._reached(base, self.amount), self.strict, far=far)

    def _reached(self, base: float, change: float) -> float:
        return base * (1 + change / 100) if self.relative else base + change

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        if self.kept is not None:
            against = f"năm {self.base}" if self.base is not None else "năm trước"
            said = "không giảm" if self.kept is Direction.HIGHER else "không tăng"
            return (
                f"{'≥' if self.kept is Direction.HIGHER else '≤'} {against}"
                if style is Style.SHORT
                else f"{said} so với {against}"
            )
        verb = "giảm" if self.amount < 0 else "tăng"
        places = max(self.decimals, 2)
        against = f"năm {self.base}" if self.base is not None else "năm trước"
        if self.times is not None:
            far_times = "" if self.far_times is None else f"-{format_number(self.far_times, places)}"
            return f"gấp {format_number(self.times, places)}{far_times} lần {against}"
        shown = self._size(abs(self.amount), measure, places)
        sign = "−" if self.amount < 0 else "+"
        if self.far is not None:  # "tăng 10-15%"; short: "+10% đến +15%" ("+10-15%" would read as a sum)
            far = self._size(abs(self.far), measure, places)
            if style is Style.SHORT:
                return f"{sign}{shown} đến {sign}{far} so với {against}"
            near = format_number(abs(self.amount), places)
            return f"{verb} {near}-{far} so với {against}"
        bound = "≥ " if self.at_most and self.amount < 0 else "≤ " if self.at_most else "> " if self.strict else ""
        if style is Style.SHORT:
            return f"{bound}{sign}{shown} so với {against}"
        qualifier = "không quá " if self.at_most else "trên " if self.strict else ""
        return f"{verb} {qualifier}{shown} so với {against}"

    def _size(self, size: float, measure: Measure, places: int) -> str:
        """A change said with its unit: ``10%`` of the base figure, ``500 ha``, ``2 điểm phần trăm``."""
        return f"{format_number(size, places)}%" if self.relative else measure.difference(size, places)

    def ambiguity(self, measure: Measure) -> str | None:
        if measure.is_rank and not self.structured:
            return self._rank_readings(measure)
        if not (measure.is_percent and self.relative and not self.structured):
            return None
        against = f"so với năm {self.base}" if self.base else "so với năm trước"
        if self.at_most or self.strict or self.times is not None or self.far is not None:
            return self._qualified_readings(against)
        return two_readings(self.text, self.amount, self.decimals, against)

    def _qualified_readings(self, against: str) -> str:
        """ "giảm không quá 5%", "tăng trên 10%", "gấp đôi" of a rate: the readings with their qualifier kept, and a
        way out for each that keeps it (the structured change has none: the year's bound is written instead)."""
        better = self.implied_direction
        bound = (
            ("greater_than" if better is Direction.HIGHER else "less_than")
            if self.strict
            else ("at_least" if better is Direction.HIGHER else "at_most")
        )
        year_bound = f"ghi mức của năm bằng dạng cấu trúc {{text: '…', {bound}: <mức>}}"
        if self.far is not None:
            year_bound = "ghi mức của năm bằng dạng cấu trúc {text: '…', range: [<mức thấp>, <mức cao>]}"
        if self.times is not None:
            return f"chỉ tiêu {excerpt(self.text)} ghi số lần của một tỷ lệ (%), đọc được nhiều cách; {year_bound}"
        qualifier = "không quá " if self.at_most else "trên " if self.strict else ""
        return two_readings(
            self.text, self.amount, self.decimals, against, qualifier=qualifier, second=year_bound, far=self.far
        )

    def _rank_readings(self, measure: Measure) -> str:
        """ "tăng 3 bậc" of a place in a ranking: the place goes up 3 (its number down 3), or the number up 3; "không
        giảm": the place, or the number, never goes down."""
        if self.kept is not None:
            said = "không giảm" if self.kept is Direction.HIGHER else "không tăng"
            place = "không xuống" if self.kept is Direction.HIGHER else "không lên"
            number = "không lớn thêm" if self.kept is Direction.HIGHER else "không nhỏ đi"
            bound = "at_most" if self.kept is Direction.HIGHER else "at_least"
            return (
                f"chỉ tiêu {excerpt(self.text)} của một thứ hạng ({measure.unit}) đọc được hai cách: thứ hạng {place} "
                f"(số thứ hạng {number}), hoặc số {said}; kh68 không đoán: ghi dạng cấu trúc {{text: …, {bound}: "
                "<thứ hạng năm gốc>} và direction: lower cho cách đọc thứ nhất (thứ hạng càng nhỏ càng tốt)"
            )

        size, rises = format_number(abs(self.amount), self.decimals), self.amount > 0
        verb = "tăng" if rises else "giảm"
        place = f"thứ hạng {'lên' if rises else 'xuống'} {size} bậc (số thứ hạng {'nhỏ đi' if rises else 'lớn thêm'} {size})"
        base = f", base_year: {self.base}" if self.base is not None else ""
        change = f"{'-' if rises else ''}{size.replace(',', '.')}"
        return (
            f"chỉ tiêu {excerpt(self.text)} của một thứ hạng ({measure.unit}) đọc được hai cách: {place}, hoặc số "
            f"{verb} thêm {size}; kh68 không đoán: ghi dạng cấu trúc {{text: …, change: {change}{base}}} và "
            "direction: lower cho cách đọc thứ nhất (thứ hạng càng nhỏ càng tốt)"
        )

    def goal_words(self, goal: float, measure: Measure, direction: Direction) -> str:
        """The bound the change comes to in a year: ``không quá 4.500 ha`` (``trên …`` of "tăng trên 10%")."""
        shown = say(goal, measure, self.decimals)
        if self.strict:
            return f"dưới {shown}" if direction is Direction.LOWER else f"trên {shown}"
        return f"không quá {shown}" if direction is Direction.LOWER else f"từ {shown} trở lên"


def _base(match: re.Match[str]) -> int | None:
    year = match["year"] or match["same"]
    return int(year) if year else None


def _times_readings(text: str, verb: str, times: str) -> str:
    """ "tăng 1,2 lần so với năm 2025": 1,2 times the base year's figure, or that much more again?"""
    size = float(number(times, TargetUnparsable, text))
    once, again = format_number(size * 100, 2), format_number((size + 1) * 100, 2)
    if verb == "giảm":
        return (
            f"chỉ tiêu {excerpt(text)} ghi số lần của một mức giảm, đọc được nhiều cách; ghi mức giảm bằng % "
            "('giảm 50% so với năm 2025': còn một nửa số liệu năm gốc) hoặc dạng cấu trúc {change: …, relative: "
            "true, base_year: …}"
        )
    return (
        f"chỉ tiêu {excerpt(text)} đọc được hai cách: gấp {times} lần năm gốc ({once}% số liệu năm gốc), hoặc tăng "
        f"thêm {times} lần ({again}%); viết 'gấp {times} lần năm …' cho cách đọc thứ nhất, hoặc dạng cấu trúc "
        "{change: …, relative: true, base_year: …}"
    )
