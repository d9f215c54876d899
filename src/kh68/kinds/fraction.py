"""A figure given as a fraction (numerator over denominator): the one check of its two parts.

The data file's model, the Excel form and the CSV file all ask ``fraction_problem``; each says where the
problem is in its own terms (the YAML field, the form's cell, the CSV's row and column) and the words are these.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from kh68.core.vnformat import format_number

Part = Literal["numerator", "denominator"]
LABELS: dict[Part, str] = {"numerator": "tử số", "denominator": "mẫu số"}


class FractionFault(StrEnum):
    MISSING = "missing"  # one part without the other
    ZERO = "zero"  # a denominator of 0
    ABOVE = "above"  # more than the whole


@dataclass(frozen=True)
class FractionProblem:
    """What is wrong with a fraction and which part to point at."""

    fault: FractionFault
    part: Part
    text: str


def fraction_problem(numerator: int | None, denominator: int | None) -> FractionProblem | None:
    """Why ``numerator``/``denominator`` is no fraction (``None`` for a part not given); ``None``: it is one."""
    if numerator is None or denominator is None:
        part: Part = "numerator" if numerator is None else "denominator"
        return FractionProblem(FractionFault.MISSING, part, f"thiếu {LABELS[part]}: ghi cả tử số và mẫu số")
    if denominator == 0:
        return FractionProblem(FractionFault.ZERO, "denominator", "mẫu số phải lớn hơn 0")
    if numerator > denominator:
        text = f"tử số {format_number(numerator)} lớn hơn mẫu số {format_number(denominator)}"
        return FractionProblem(FractionFault.ABOVE, "numerator", text)
    return None
