"""yearly_change: ``tăng bình quân 1,5%/năm``, ``tăng trưởng bình quân 8%/năm giai đoạn 2026 - 2030``,
``tăng bình quân hàng năm trong giai đoạn này đạt 10 - 13%/năm``.

An average yearly change from a base year: compounded for ``%`` of an amount,
by equal steps for points of a rate or an amount in the indicator's unit. The
base is the year before "giai đoạn Y1 - Y2", the year of "so với năm Y", or the
year before the plan's period starts. Each year of the span is judged against
the value the base grows to by then; without the base's figure the target cannot
be judged yet (``Status.NO_BASE``). A range of rates ("10 - 13%/năm") is met from the
value the lower rate grows to and exceeded beyond the value the higher rate grows to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Self

from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number
from kh68.kinds.measure import Measure
from kh68.kinds.phrases import NUMBER, UNIT, YEAR, decimals_written, is_share, number, per_year_removed
from kh68.kinds.targets.base import FieldType, History, Requirement, Style, Target, TargetUnparsable, two_readings
from kh68.kinds.verdict import Direction

_SPAN = rf"(?:trong\s+)?giai đoạn\s+(?P<NAME1>{YEAR}) - (?P<NAME2>{YEAR})"
_PATTERN = re.compile(
    rf"^(?:{_SPAN.replace('NAME', 'a')},?\s*)?"
    rf"(?:tốc độ\s+)?(?:(?P<verb>tăng|giảm)(?: trưởng)?\s+bình quân|bình quân\s+(?:(?:hằng|hàng|mỗi) năm\s+)?(?P<verb2>tăng|giảm))\s+"
    rf"(?:(?:hằng|hàng|mỗi) năm\s+)?(?:trong giai đoạn (?:này|trên)\s+)?(?:(?:đạt|ít nhất|tối thiểu|trên|từ)\s+)?"
    rf"(?P<about>khoảng\s+)?"
    rf"(?P<n>{NUMBER})(?:\s*-\s*(?P<n2>{NUMBER}))?\s*(?P<u>điểm phần trăm|{UNIT})?"
    rf"(?:\s*/\s*năm|\s+(?:mỗi|một) năm)?(?:\s+trở lên)?"
    rf"(?:,?\s*{_SPAN.replace('NAME', 'b')})?(?:\s*so với năm\s+(?P<base>{YEAR}))?$"
)
_BARE = re.compile(
    rf"^(?:(?P<every>hằng năm|hàng năm|mỗi năm)\s*,?\s*)?(?P<verb>tăng|giảm)(?: trưởng)?\s+"
    rf"(?P<q>(?:ít nhất|tối thiểu|trên|từ)\s+)?(?P<n>{NUMBER})\s*(?P<u>%|điểm phần trăm)(?P<per>\s*/\s*năm)?"
    rf"(?:\s+trở lên)?$"
)
"""A change each year that says against nothing ("tăng 8%/năm", "Hằng năm, tăng trên 3%"): the average over the
span, or each year's against the year before? Refused, naming both."""


@dataclass(frozen=True, kw_only=True)
class YearlyChange(Target):
    kind = "yearly_change"
    example = "tăng bình quân 8%/năm"
    phrasings = (
        "tăng bình quân 1,5%/năm",
        "tăng trưởng bình quân 8%/năm giai đoạn 2026 - 2030",
        "giảm bình quân 2 điểm phần trăm/năm",
        "tăng bình quân khoảng 8,5%/năm",
    )
    meaning = "mỗi năm của giai đoạn, giá trị ít nhất bằng số liệu năm gốc tăng (giảm) đều theo mức bình quân"
    fields: ClassVar[dict[str, FieldType]] = {
        "yearly_change": FieldType.NUMBER,
        "relative": FieldType.FLAG,
        "base_year": FieldType.YEAR,
    }
    history_free = False

    rate: float  # signed, per year
    rate_high: float | None = None  # the range's other end ("10 - 13%/năm": 13), signed like rate
    relative: bool  # compounded share of the value ("%"); else an equal step in the unit (points of a rate)
    base: int | None = None
    last: int | None = None  # the span's last year, when the words say it
    structured: bool = False  # written as {yearly_change: …}: no words to misread
    approximate: bool = False  # "tăng bình quân khoảng 8,5%/năm": the rates move out by the plan's tolerance
    tolerance: float | None = None  # a share of each rate, filled in from the plan when approximate

    @classmethod
    def parse(cls, phrase: str, text: str) -> Self | None:
        bare = _BARE.match(phrase)
        if bare is not None and (bare["every"] or bare["per"]):
            raise TargetUnparsable(_bare_readings(text, bare))
        match = _PATTERN.match(phrase)
        if match is None or (match["about"] and "trên" in phrase[: match.start("about")].split()):
            return None  # "trên khoảng 8%/năm": above, or about? Neither is read
        if "trở lên" in phrase and (match["about"] or re.search(r"\btrên\s+[0-9]", phrase)):
            said = "khoảng" if match["about"] else "trên"  # above or from, about or at least: never guessed
            raise TargetUnparsable(
                f"chỉ tiêu {excerpt(text)} đọc được hai cách: {said} {match['n']}%/năm, hoặc từ {match['n']}%/năm trở "
                "lên; viết một trong hai"
            )
        verb = match["verb"] or match["verb2"]
        unit = per_year_removed(match["u"])  # "8%/năm": the kind is yearly, its unit "%"
        size = float(number(match["n"], TargetUnparsable, text))
        high = float(number(match["n2"], TargetUnparsable, text)) if match["n2"] else None
        if high is not None and high <= size:
            return None  # "13 - 10%/năm": not a range kh68 reads
        sign = -1 if verb == "giảm" else 1
        first = match["a1"] or match["b1"]
        last = match["a2"] or match["b2"]
        base: int | None = None
        if match["base"]:
            base = int(match["base"])
        elif first:
            base = int(first) - 1
        return cls(
            text=text,
            rate=sign * size,
            rate_high=None if high is None else sign * high,
            relative=is_share(unit),
            unit=None if is_share(unit) or unit == "điểm phần trăm" else unit,
            base=base,
            last=int(last) if last else None,
            decimals=max(decimals_written(match["n"]), decimals_written(match["n2"] or "0")),
            approximate=bool(match["about"]),
        )

    @classmethod
    def from_fields(cls, fields: Mapping[str, Any], text: str) -> Self:
        base = fields.get("base_year")
        return cls(
            text=text,
            rate=float(fields["yearly_change"]),
            relative=bool(fields.get("relative", True)),
            base=None if base is None else int(base),
            structured=True,
        )

    def ambiguity(self, measure: Measure) -> str | None:
        if not (measure.is_percent and self.relative and not self.structured):
            return None
        if self.rate_high is None:
            return two_readings(self.text, self.rate, self.decimals, "mỗi năm", per_year=True)
        # a range: the readings keep both edges ("1,5-2"), and the structured form, of one rate, is not offered as
        # the second's way out (a probe of real plans: following it dropped the far edge)
        second = "ghi mức của từng năm bằng dạng cấu trúc {text: '…', range: [<mức thấp>, <mức cao>]}"
        return two_readings(
            self.text, self.rate, self.decimals, "mỗi năm", per_year=True, far=self.rate_high, second=second
        )

    @property
    def implied_direction(self) -> Direction:
        return Direction.LOWER if self.rate < 0 else Direction.HIGHER

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"yearly_change": self.rate, "relative": self.relative}
        if self.rate_high is not None:
            out["yearly_change_high"] = self.rate_high
        return out

    @property
    def base_year(self) -> int | None:
        return self.base

    @property
    def span(self) -> tuple[int, int] | None:
        if self.base is None or self.last is None:
            return None
        return (self.base + 1, self.last)

    def with_defaults(
        self, *, year: int | None = None, start: int | None = None, tolerance: float | None = None, **_: Any
    ) -> Target:
        base = self.base if self.base is not None else (start - 1 if start is not None else None)
        last = self.last if self.last is not None else year
        share = tolerance if self.approximate and self.tolerance is None else self.tolerance
        return replace(self, base=base, last=last, tolerance=share)

    def requirement(self, direction: Direction, history: History) -> Requirement | None:
        if self.base is None:
            return None
        base = history.value_in(self.base)
        if base is None:
            return None
        years = history.year - self.base
        low, high = self._rates()
        far = None if high is None else self._grown(base, high, years)
        return Requirement(self._grown(base, low, years), far=far, span=self.span)

    def _rates(self) -> tuple[float, float | None]:
        """The rate to reach and the one beyond which the value exceeds; "khoảng" moves both out by its share (about
        8,5%/năm: from 8,075% to 8,925% at 5%)."""
        if not self.approximate:
            return self.rate, self.rate_high
        share = self.tolerance or 0.0
        high = self.rate_high if self.rate_high is not None else self.rate
        return self.rate * (1 - share), high * (1 + share)  # a fall's rates move the same way, signed

    def _grown(self, base: float, rate: float, years: int) -> float:
        """The base after ``years`` of ``rate``: compounded for "%", by equal steps otherwise."""
        return base * (1 + rate / 100) ** years if self.relative else base + rate * years

    def words(self, style: Style, measure: Measure, direction: Direction) -> str:
        verb = "giảm" if self.rate < 0 else "tăng"
        size = abs(self.rate)
        places = max(self.decimals, 2)
        shown = f"{format_number(size, places)}%" if self.relative else measure.difference(size, places)
        if self.rate_high is not None:  # "10,00-13,00%", "2,00-3,00 điểm phần trăm"
            high = abs(self.rate_high)
            shown = f"{format_number(size, places)}-" + (
                f"{format_number(high, places)}%" if self.relative else measure.difference(high, places)
            )
        if style is Style.SHORT:
            return f"{'−' if self.rate < 0 else '+'}{shown}/năm"
        since = f" (so với năm {self.base})" if self.base is not None and style is Style.MEANING else ""
        return f"{verb} bình quân {shown}/năm{since}"


def _bare_readings(text: str, bare: re.Match[str]) -> str:
    verb, said = bare["verb"], f"{(bare['q'] or '')}{bare['n']}{'%' if bare['u'] == '%' else ' ' + bare['u']}"
    return (
        f"chỉ tiêu {excerpt(text)} nói mức {verb} mỗi năm mà không nói so với gì, đọc được hai cách: {verb} bình quân "
        f"cả giai đoạn (viết '{verb} bình quân {said}/năm'), hoặc năm nào cũng {verb} so với năm trước (viết "
        f"'{verb} {said} so với năm trước' ở chỉ tiêu của từng năm); với một tỷ lệ (%), ghi rõ '{said.rstrip('%')} "
        "điểm phần trăm' hay dạng cấu trúc"
    )
