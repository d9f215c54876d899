"""Reading a plan's words: one folding of text, one reading of numbers, one error per kind of phrase.

Every kind matches the *folded* phrase (NFC, lower case, single spaces, one kind
of dash), so ``Ít  nhất 30%``, ``ít nhất 30 %`` and ``ÍT NHẤT 30%`` are one
phrase; numbers inside it are read by ``kh68.core.vnformat`` only, so ``7.080``
means here what it means in a data file.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import ClassVar

from kh68.core.safetext import excerpt
from kh68.core.vnformat import parse_exact

NUMBER = r"[0-9]{1,3}(?: [0-9]{3})+(?:,[0-9]+)?(?![0-9])|[0-9](?:[0-9.,]*[0-9])?"  # "1 700" grouped by spaces too
"""A number as a plan writes it (``05``, ``99,5``, ``7.080``, ``1.234,5``): read by :func:`number`."""

_NOT_A_SHARE = r"(?!(?:trở|mỗi|hằng|hàng|một|so|năm)\b)"  # "8% mỗi năm", "10% so với …", "30% trở lên"
UNIT = (
    rf"(?:%/năm(?![\w/])|%(?:\s+{_NOT_A_SHARE}[^\W\d_][^\d,;:()/%]*?(?:,\s*[^\W\d_][^\d,;:()/%]*?)*)?"
    r"|[^\W\d_][^\d,;:()/]*?(?:/[^\W\d_][^\d,;:()/]*?){0,2})"  # "bác sĩ/vạn dân", "triệu đồng/người/năm"
)
"""A unit written after a number: ``%`` (or a share of something: ``% dân số``, ``% xã, phường``; a pace: ``%/năm``), ``ha``, ``tỷ đồng``,
``trường``."""


def is_share(unit: str | None) -> bool:
    """A unit written after a number that makes it a share: ``%``, or a share of something (``% số hộ``); never a
    pace (``%/năm``)."""
    return unit is not None and unit.startswith("%") and not unit.startswith("%/")


def per_year_removed(unit: str | None) -> str | None:
    """``%`` of ``%/năm`` (a unit said per year by a kind that is yearly itself); any other unit as it is."""
    return unit.removesuffix("/năm") if unit is not None and unit.startswith("%/") else unit


YEAR = r"[0-9]{4}"


class UnreadablePhrase(ValueError):
    """A plan's words that no kind reads; ``rule_id`` names the ``kh68 check`` rule it breaks."""

    rule_id: ClassVar[str] = "schema"


def fold(text: str) -> str:
    """Lower-case NFC text with single spaces and one kind of dash (`` - ``), for matching; the older spelling
    "quí" as "quý"."""
    text = unicodedata.normalize("NFC", text).lower().replace("\u00a0", " ").replace("quí", "quý")
    text = re.sub(r"\s*[-–—]\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def as_written(text: str, folded: str) -> str:
    """The part of ``text`` that ``folded`` (a part of its ``fold``) was read from, as it is written there (its
    capitals and spaces kept: ``GRDP tỉnh``, not ``grdp tỉnh``); ``folded`` itself where no part is found."""
    words = [re.escape(word) for word in folded.split()]
    found = re.search(r"\s*".join(words), unicodedata.normalize("NFC", text), re.IGNORECASE) if words else None
    return found[0] if found else folded


def plain_spans(phrase: str) -> str:
    """A folded phrase with the spans of time it counts written without a leading zero: ``06 tháng`` is
    ``6 tháng`` (documents pad counts under ten: "Định kỳ 06 tháng", "06 tháng đầu năm 2026")."""
    return re.sub(r"(?<![0-9/.,])0+([1-9][0-9]*) (tháng|quý|năm)\b", r"\1 \2", phrase)


def strip_end(text: str) -> str:
    """A phrase without the full stop or semicolon that ends a table cell."""
    return text.rstrip(" .;")


def number(digits: str, error: type[UnreadablePhrase], context: str) -> Decimal:
    """The number ``digits`` (as ``kh68.core.vnformat`` reads every number); ``error`` naming ``context`` if not one."""
    try:
        return parse_exact(digits)
    except ValueError as exc:
        if digits.strip() == context.strip():
            raise error(str(exc)) from None
        raise error(f"{excerpt(context)}: {exc}") from None


def decimals_written(digits: str) -> int:
    """How many decimals a number is written with: ``99,96`` → 2, ``7.080`` → 0, ``30`` → 0."""
    value = parse_exact(digits)
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
