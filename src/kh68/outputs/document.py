"""The shape of a state document as typed values: header, sections of blocks, annex, signature.

``kh68.outputs.report_context`` builds one of these for the report to the province, for
a division's report and for the internal summary; the Markdown and HTML templates and the
Word writer only lay them out, so the three formats say the same thing in the same words.

Every text here is plain text, and document text: each part passes the texts it is made
with through ``for_document`` (``DocumentPart``), so that whatever field a part gains,
no control character of the plan or of people's words reaches a template or the Word
writer. Escaping is the job of each format (Markdown, HTML, Word).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass, replace
from enum import Enum, StrEnum
from typing import Any, ClassVar

from kh68.core.safetext import for_document


def _document_text(value: Any) -> Any:
    """A text (or a tuple of texts) as a document may carry it; kh68's own SVG, enums and anything else as they are."""
    if isinstance(value, Svg | Enum):
        return value
    if isinstance(value, str):
        return for_document(value)
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return tuple(_document_text(item) for item in value)
    return value


class DocumentPart:
    """A part of a document whose texts are ``for_document`` as soon as it is made."""

    not_text: ClassVar[frozenset[str]] = frozenset()
    """Fields that are no text of the document (an HTML id, a CSS class, what is said to the person making it)."""

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            written = _document_text(value)
            if written is not value:
                object.__setattr__(self, f.name, written)


def rewritten(value: Any, rewrite: Callable[[str], str]) -> Any:
    """``value`` (a document, a part of one, its texts) with ``rewrite`` applied to every text it holds; kh68's
    own SVG and the enums as they are, and a document's warnings, which are not its text."""
    if isinstance(value, Svg | Enum):
        return value
    if isinstance(value, str):
        return rewrite(value)
    if isinstance(value, tuple):
        return tuple(rewritten(item, rewrite) for item in value)
    if isinstance(value, DocumentPart) and is_dataclass(value):
        kept = value.not_text
        changes = {f.name: rewritten(getattr(value, f.name), rewrite) for f in fields(value) if f.name not in kept}
        return replace(value, **changes)
    return value


class DocumentKind(StrEnum):
    REPORT = "report"  # the department's report to the province
    UNIT_REPORT = "unit_report"  # a division's report to the coordinating division
    INTERNAL = "internal"  # the coordinating division's working summary of the units' reports


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class Heading(DocumentPart):
    """``I. CÔNG TÁC …`` (level 1), ``1. …`` (level 2), ``1.1. …`` (level 3)."""

    level: int
    text: str
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph(DocumentPart):
    text: str
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Items(DocumentPart):
    """A list in the customary form: each line is shown after ``- ``, already punctuated (``…;``, the last ``….``)."""

    lines: tuple[str, ...]
    kind: ClassVar[str] = "items"


@dataclass(frozen=True)
class Placeholder(DocumentPart):
    """A part nobody has written yet, shown so that it cannot be missed."""

    text: str
    kind: ClassVar[str] = "placeholder"


@dataclass(frozen=True)
class Column(DocumentPart):
    title: str
    width_mm: float
    align: Align = Align.CENTER
    nowrap: bool = False


@dataclass(frozen=True)
class Row(DocumentPart):
    cells: tuple[str, ...]
    status: str = ""  # the indicator's status value (a CSS class in HTML), empty for other tables
    anchor: str = ""  # an id for the HTML row, e.g. "chi-tieu-1.5"
    not_text: ClassVar[frozenset[str]] = frozenset({"status", "anchor"})


@dataclass(frozen=True)
class Table(DocumentPart):
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    notes_title: str = ""
    kind: ClassVar[str] = "table"


class Svg(str):
    """kh68's own SVG (escaped where it was built): the HTML template inserts it as it is."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Figure(DocumentPart):
    """A chart with its caption (HTML only)."""

    svg: Svg
    caption: str
    kind: ClassVar[str] = "figure"


Block = Heading | Paragraph | Items | Placeholder | Table | Figure


@dataclass(frozen=True)
class Section(DocumentPart):
    """A numbered part of the body (``I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI``) and its blocks."""

    number: str
    title: str
    blocks: tuple[Block, ...]

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass(frozen=True)
class Header(DocumentPart):
    """Decree 30's header: the left block (parent body's lines, then the issuer's own, bold), number and place-date."""

    parent_lines: tuple[str, ...]  # ("UBND TỈNH …",); () for a body without one (a People's Committee)
    own_lines: tuple[str, ...]  # ("SỞ …",) or ("ỦY BAN NHÂN DÂN", "XÃ …")
    number_line: str  # "Số: …/BC-UBND"; empty for the internal summary
    place_date: str  # "<địa danh>, ngày 25 tháng 12 năm 2026"
    symbol: str  # "BC-UBND"

    # Templates written before the header had lines (README, "Mẫu báo cáo") still find these.
    @property
    def parent_body(self) -> str:
        return " ".join(self.parent_lines)

    @property
    def issuing_body(self) -> str:
        return " ".join(self.own_lines)


@dataclass(frozen=True)
class Signer(DocumentPart):
    lines: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") or ("TRƯỞNG PHÒNG",)
    name: str

    # Templates written before the signature had lines still find these: the last line, and those above it.
    @property
    def title(self) -> str:
        return self.lines[-1] if self.lines else ""

    @property
    def authority(self) -> str:
        return " / ".join(self.lines[:-1])


@dataclass(frozen=True)
class Annex(DocumentPart):
    """The landscape annex (Phụ lục) of figures, referred to from the body."""

    label: str  # "Phụ lục"
    title: str  # "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025"
    attached_to: str  # "(Kèm theo Báo cáo số …/BC-UBND ngày 25/12/2026 của …)"
    table: Table
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Properties(DocumentPart):
    """The Word document's core properties."""

    title: str
    subject: str
    author: str
    keywords: str


@dataclass(frozen=True)
class StateDocument(DocumentPart):
    kind: DocumentKind
    year: int
    date: dt.date | None  # the date written on the document; None: "ngày … tháng … năm …", left for the signer
    made: dt.date  # the day it is made (the Word file's dates)
    synthetic_notice: str  # empty unless the plan's figures are synthetic
    header: Header
    title: str  # "BÁO CÁO"
    subject: str
    addressees: tuple[str, ...]  # "Kính gửi" recipients (names, unpunctuated); () for none
    opening: str
    sections: tuple[Section, ...]
    closing: str
    recipients: tuple[str, ...]  # "Nơi nhận" lines, punctuated: "- Như trên;", …, the last "- Lưu: VT, <ký hiệu>."
    signer: Signer | None
    annex: Annex | None
    properties: Properties
    missing_parts: tuple[str, ...] = field(default=())  # what the department still has to write
    # Paragraphs right after the opening: what the reader must know first (a recipient the plan names that has
    # ceased, and who receives the report in its place, with the basis).
    opening_notes: tuple[str, ...] = field(default=())
    period: str = ""  # a month's, quarter's or half-year's report: its key ("2026-Q3"); "" for the year's
    # What the person making the document should hear (the date after the deadline, the narrative contradicting
    # a figure): said by ``kh68 report`` on stderr, never written into the document.
    warnings: tuple[str, ...] = field(default=())
    not_text: ClassVar[frozenset[str]] = frozenset({"warnings"})

    @property
    def addressee_lines(self) -> tuple[str, ...]:
        """``Kính gửi: X.`` on one line, or ``Kính gửi:`` then ``- X;`` … ``- Y.`` (Decree 30, Appendix I, II.9.b)."""
        if not self.addressees:
            return ()
        if len(self.addressees) == 1:
            return (f"Kính gửi: {self.addressees[0]}.",)
        last = len(self.addressees) - 1
        return ("Kính gửi:", *(f"- {a}{'.' if i == last else ';'}" for i, a in enumerate(self.addressees)))

    def template_vars(self) -> dict[str, Any]:
        """The top-level names a Jinja template sees (its fields, but the warnings, which are not the document's)."""
        names = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "warnings"}
        return names | {"addressee_lines": self.addressee_lines}


__all__ = [
    "Align",
    "Annex",
    "Block",
    "Column",
    "DocumentKind",
    "DocumentPart",
    "Figure",
    "Header",
    "Heading",
    "Items",
    "Paragraph",
    "Placeholder",
    "Properties",
    "Row",
    "Section",
    "Signer",
    "StateDocument",
    "Svg",
    "Table",
]
