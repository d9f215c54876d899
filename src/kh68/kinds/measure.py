"""An indicator's unit of measure: how its amounts and differences are said.

``Measure("%")`` is a rate: ``99,5%``, a difference of ``1,2 điểm phần trăm``,
bounded by 0 and 100, aggregated from units as a total numerator over a total
denominator. Any other unit (``ha``, ``tỷ đồng``, ``trường``) is an amount or a
count: ``7.080 tỷ đồng``, a difference of ``3 trường``, aggregated from units as
a sum; a figure per something (``triệu đồng/người``) is aggregated as a ratio,
never summed. The one place that tells a rate from an amount.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number, with_unit

PERCENT = "%"
_OTHER_UNIT = re.compile(r"[-+]?[0-9][0-9.,]*\s*([^\W\d_][^\d]*)")
"""A number followed by words (``96 tấn``, ``96tấn``): a unit of measure, not a number's own letters (``1e5``)."""


RANK_UNITS = frozenset({"bậc", "hạng", "thứ hạng", "thứ bậc"})
"""Units of a place in a ranking (folded); never "vị trí" (a plan's "vị trí việc làm" are counted)."""


def fold_unit(text: str) -> str:
    """A unit as compared: NFC, lower case, single spaces (``Tỷ  đồng`` is ``tỷ đồng``)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


@dataclass(frozen=True)
class Measure:
    unit: str

    @property
    def is_percent(self) -> bool:
        """A rate in percent: ``%``, or a share of something (``% GRDP``, ``% dân số``); ``%/năm`` is a pace."""
        unit = self.unit.strip()
        return unit.startswith(PERCENT) and "/" not in unit

    @property
    def is_rank(self) -> bool:
        """A place in a ranking (``bậc``, ``hạng``, ``thứ hạng``): a smaller number is a better place, and "tăng 3 bậc"
        says the place, not the number, goes up."""
        return fold_unit(self.unit) in RANK_UNITS

    def amount(self, value: float, decimals: int = 2) -> str:
        """``99,5%``, ``7.080 tỷ đồng``."""
        return with_unit(format_number(value, decimals), self.unit)

    @property
    def adds_up(self) -> bool:
        """Whether units' figures sum to the whole: a count or an amount (``ha``, ``tỷ đồng``, ``trường``),
        not a rate (``%``) nor a figure per something (``triệu đồng/người``)."""
        return not self.is_percent and "/" not in self.unit

    def difference(self, value: float, decimals: int = 2) -> str:
        """A difference of two amounts: ``1,2 điểm phần trăm`` for a rate, ``3 trường`` otherwise."""
        number = format_number(value, decimals)
        if self.is_percent:
            return f"{number} điểm phần trăm"
        return f"{number} {self.unit}" if self.unit else number

    def accepts(self, written: str, name: str = "") -> bool:
        """Whether a unit written after a number in the plan's words is this one. A bare ``%`` is a rate of
        whatever the indicator's unit says it is of (``45%`` of an indicator in ``% GRDP``); words after a ``%``
        of an indicator in ``%`` are what it is a rate of only when its ``name`` says them (``100% dân số`` of
        "Tỷ lệ dân số …", ``100% số xã, phường`` of "Tỷ lệ xã, phường …"), as are words after a share's own unit (``45% GRDP tỉnh`` of "… trong GRDP tỉnh" in
        ``% GRDP``): "5% hoặc thấp hơn" is no rate of anything, and is never read as 5%."""
        said, own = fold_unit(written), fold_unit(self.unit)
        if said == own or (said == PERCENT and self.is_percent):
            return True
        if not self.is_percent and own and said.replace(" ", "") == f"{own}/năm".replace(" ", ""):
            return True  # "không quá 05 vụ/năm" of a count in vụ: the year's own figure
        named = fold_unit(name)
        if own and said.startswith(own + " "):  # "45% GRDP tỉnh", "02 vùng nuôi thủy sản thông minh" of "Số vùng …"
            of = said.removeprefix(own).strip()
            if self.is_percent:
                return _named(of, named)
            # a count's own words, as the name says them after its unit: "trường đạt chuẩn" is not "Số trường chưa
            # đạt chuẩn" (a review: words found anywhere in the name read the opposite indicator's target)
            return re.search(rf"(?<!\w){re.escape(said)}(?!\w)", named) is not None
        of = said.removeprefix(PERCENT).strip()
        return own == PERCENT and said.startswith(PERCENT) and bool(of) and _named(of, named)

    def without_unit(self, typed: str) -> str:
        """The number of a figure typed with this unit, as typed: ``98%`` of a rate is ``98``, ``45% GRDP`` of one in
        % GRDP ``45``, ``96,5 ha`` of an amount in ha ``96,5``; anything else stays as it is, for the reader of
        numbers to refuse. A ``%`` typed for an amount (``11,5%`` of an indicator in nghìn USD is not 11,5 nghìn USD)
        and another unit (``96 tấn`` of one in ha) are refused here, never dropped."""
        text = typed.strip()
        unit = self.unit.strip()
        number = re.sub(rf"\s*{re.escape(unit)}$", "", text, flags=re.IGNORECASE).rstrip() if unit else text
        if number != text:
            return number
        if self.is_percent:
            return text.removesuffix(PERCENT).rstrip()
        if text.endswith(PERCENT):
            raise ValueError(self.not_percent(typed))
        other = _OTHER_UNIT.fullmatch(text)
        if other and unit:
            raise ValueError(f"{excerpt(typed)}: chỉ tiêu này tính bằng {unit}, không phải {excerpt(other[1])}")
        return text

    def not_percent(self, shown: object) -> str:
        """Why a figure typed or shown with a % is refused for an amount."""
        counted = f"tính bằng {self.unit.strip()}" if self.unit.strip() else "không tính theo tỷ lệ"
        return f"{excerpt(shown)}: chỉ tiêu này {counted}, không phải %; ghi số không kèm %"

    def clamp(self, value: float) -> float:
        """A projected rate stays within 0–100%; an amount is what it is."""
        return min(max(value, 0.0), 100.0) if self.is_percent else value


def _named(of: str, name: str) -> bool:
    """Whether the indicator's ``name`` says what a share is of, or what its unit counts: ``dân số``, ``xã, phường``
    of ``số xã, phường`` (the number of them: "100% số xã, phường" of "Tỷ lệ xã, phường …"), ``giao dịch …`` of
    ``các giao dịch …`` (a real plan: "100% các giao dịch trên nền tảng …"), ``nuôi thủy sản`` of "02 vùng nuôi thủy
    sản" of "Số vùng nuôi thủy sản"."""
    core = _ALL_OF.sub("", of).strip()
    return of in name or (bool(core) and core in name)


_ALL_OF = re.compile(r"^(?:(?:tất cả|toàn bộ)\s+)?(?:(?:các|những|số)\s+)?")
"""Words before what a share is of that the indicator's name leaves out ("các", "những", "tất cả các", "số")."""
