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

from kh68.core.vnformat import format_number, with_unit

PERCENT = "%"


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

    def accepts(self, written: str) -> bool:
        """Whether a unit written after a number in the plan's words is this one; a percent is one whether or not
        either says of what (``45%`` of an indicator in ``% GRDP``, ``100% dân số`` of one in ``%``)."""
        said, own = fold_unit(written), fold_unit(self.unit)
        if said == own:
            return True
        return said.startswith(PERCENT) and own.startswith(PERCENT) and PERCENT in (said, own)

    def clamp(self, value: float) -> float:
        """A projected rate stays within 0–100%; an amount is what it is."""
        return min(max(value, 0.0), 100.0) if self.is_percent else value
