"""Open a returned workbook safely: what it is, how big it unpacks, then openpyxl.

Everything openpyxl or zipfile can raise ends here as a Vietnamese message
naming the file; nothing reaches openpyxl that could exhaust memory: the parts
are unpacked within limits by ``kh68.core.zipsafe`` (sizes and ratios from the zip
directory first, XML with a DOCTYPE or entities refused), parts with more cells
or elements than a form has are refused here, and openpyxl reads only the
checked parts (parsing them with defusedxml).
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kh68.core.errors import InputError, os_reason
from kh68.core.safetext import excerpt
from kh68.core.startup import Stopped
from kh68.core.vnformat import format_number
from kh68.core.zipsafe import Limits, UnsafeZip, repack, unpack
from kh68.entry.forms.rawcells import defined_names, formula_cells, stored_value_problems, without_phonetics

MAX_FILE = 20 * 1024 * 1024  # a filled form is some ten kilobytes
# A sheet of a filled form is tens of kilobytes of XML: 10 MB a part, 30 MB in all, 500 parts.
LIMITS = Limits("biểu mẫu", ".xlsx")
# Cells, rows, shared strings … of one part: a form has a few hundred cells, and
# openpyxl spends some 50 µs and a kilobyte on each element it builds.
MAX_ELEMENTS = 100_000
MAX_ELEMENTS_TOTAL = 150_000
MAX_CELLS = 20_000
SAVE_AS = "mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx (Excel Workbook)"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_ELEMENT = re.compile(rb"<[^/!?]")
_STRING_LITERAL = re.compile(rb'"[^"]*"')


class FormRefused(InputError):
    """A returned form that cannot be read or imported; each message names the file (and sheet and cell)."""

    def __init__(self, *messages: str):
        self.messages = list(messages)
        super().__init__("\n".join(messages))


@dataclass
class OpenedForm:
    """A workbook's values (cached results of formulas), and which cells hold a formula."""

    name: str
    values: Any  # openpyxl Workbook, data_only
    formulas: dict[str, set[str]] = field(default_factory=dict)  # sheet title → coordinates


def open_form(path: Path) -> OpenedForm:
    name = path.name
    data = _read(path)
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise FormRefused(
                f"{name}: tệp được đặt mật khẩu (mã hóa); mở tệp, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx"
            )
        raise FormRefused(f"{name}: tệp là bảng tính Excel 97–2003 (.xls), không phải .xlsx; {SAVE_AS}")
    if not data:  # a file saved empty, or a copy cut short (an attachment not fully downloaded)
        raise FormRefused(f"{name}: tệp rỗng (0 byte), không có bảng tính nào; nhận lại tệp từ đơn vị gửi")
    if not data.startswith(b"PK\x03\x04"):
        raise FormRefused(f"{name}: tệp không phải bảng tính .xlsx (có thể là CSV hay văn bản đổi tên); {SAVE_AS}")
    try:
        contents = unpack(data, LIMITS, SAVE_AS)
    except UnsafeZip as exc:
        raise FormRefused(f"{name}: {exc}") from None
    names = set(contents)
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise FormRefused(f"{name}: tệp nén không chứa bảng tính Excel; {SAVE_AS}")
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise FormRefused(f"{name}: {_LINKED}")
    has_formula = _check_xml(name, contents)
    contents = without_phonetics(contents)
    if stored := stored_value_problems(contents):
        raise FormRefused(*(f"{name} › {problem}" for problem in stored))
    clean = repack(contents)  # openpyxl reads only what was unpacked here, within the limits
    values = _load(name, clean, data_only=True)
    _unescape(values)
    formulas: dict[str, set[str]] = {}
    if has_formula:
        book = _load(name, clean, data_only=False)
        for ws in book.worksheets:
            cells = {c.coordinate for c in ws._cells.values() if c.data_type == "f"}
            if cells:
                formulas[ws.title] = cells
    return OpenedForm(name, values, formulas)


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
"""A character Excel and LibreOffice write escaped in a cell's text (``_x000b_``, a vertical tab; ``_x005F_`` a "_"
before what would read as one): openpyxl leaves the escape as text."""


def _unescape(book: Any) -> None:
    """Every cell's text as typed: its escapes decoded once, left to right (``_x005F_x000b_`` is "_x000b_")."""
    for ws in book.worksheets:
        for cell in getattr(ws, "_cells", {}).values():
            value = cell._value
            if isinstance(value, str) and "_x" in value:
                cell._value = _ESCAPED.sub(_character, value)  # not .value: "=…" stays text


def _character(escape: re.Match[str]) -> str:
    """The character of an escape; one no text can hold (a lone surrogate, U+FFFE) stays written as it is."""
    code = int(escape[1], 16)
    return escape[0] if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF) else chr(code)


_LINKED = (
    "bảng tính có công thức lấy số liệu từ tệp, chương trình hay mạng khác, hoặc chạy chương trình (liên kết ngoài, "
    "DDE, RTD, WEBSERVICE, CALL); "
    "sao chép rồi dán giá trị (Paste Special › Values) thay cho công thức, lưu lại và gửi lại"
)


def read_input(path: Path, limit: int = MAX_FILE, what: str = "biểu mẫu") -> bytes:
    """The bytes of a returned file; a FIFO, a device or a directory is refused without waiting."""
    from kh68.core.files import read_regular

    try:
        size = path.stat().st_size
        if size > limit:
            raise FormRefused(
                f"{path.name}: tệp quá lớn cho một {what} ({format_number(size / 1024 / 1024, 1)} MB, "
                f"tối đa {format_number(limit // 1024 // 1024, 0)} MB); không đọc"
            )
        return read_regular(path)
    except OSError as exc:
        raise FormRefused(f"{path.name}: không đọc được tệp: {os_reason(exc)}") from None


def _read(path: Path) -> bytes:
    return read_input(path)


def _check_xml(name: str, contents: dict[str, bytes]) -> bool:
    """Refuse parts with more cells or elements than a form has, and outside formulas; whether a sheet has a formula."""
    has_formula = False
    elements = 0
    for member, text in contents.items():
        if not member.endswith((".xml", ".rels", ".vml")):
            continue
        elements += _check_count(name, member, text)
        if elements > MAX_ELEMENTS_TOTAL:
            raise FormRefused(
                f"{name}: tệp có hơn {format_number(MAX_ELEMENTS_TOTAL, 0)} phần tử XML, quá nhiều cho một biểu mẫu "
                "— có thể là tệp độc hại hoặc trang bị điền tràn; không đọc"
            )
        if member.startswith("xl/worksheets/") and _FORMULA.search(text):
            has_formula = True
    # Read as an XML reader reads them (character references, CDATA and comments resolved): a formula written
    # "&#87;EBSERVICE(" or "WEB<!-- -->SERVICE(" is WEBSERVICE to Excel; a defined name is a formula too ("=q").
    places = formula_cells(contents, lambda f: _reaches_outside(f.encode())) if has_formula else []
    named = [
        f"tên {excerpt(n)} (Formulas › Name Manager)"
        for n, f in defined_names(contents)
        if _reaches_outside(f.encode())
    ]
    if places or named:
        raise FormRefused(*[f"{name} › {place}: {_LINKED}" for place in (*places, *named)])
    return has_formula


_FETCHING = re.compile(
    rb"(?<![A-Za-z0-9_.])(?:_xlfn\.|_xlws\.)?(?:RTD|WEBSERVICE|FILTERXML|CALL|REGISTER(?:\.ID)?|EXEC|SQL\.REQUEST"
    rb"|IMPORT(?:DATA|XML|RANGE|HTML|FEED)|CUBE[A-Z]*|DDE(?:AUTO)?)\s*\(",
    re.IGNORECASE,
)
"""Functions that fetch a value from a program, a server or the network (``RTD``, ``WEBSERVICE``), or run code
(``CALL``, ``REGISTER``): their stored result is not what the sender typed, nor what a spreadsheet shows later."""


def _reaches_outside(formula: bytes) -> bool:
    """A formula reading another workbook (``[1]Sheet1!A1``), asking a program (DDE ``cmd|' /C calc'!A0``, ``RTD``),
    the network (``WEBSERVICE``) or running code (``CALL``)."""
    code = _STRING_LITERAL.sub(b"", formula.replace(b"&quot;", b'"'))  # a program may write quotes as entities
    return b"[" in code or b"|" in code or _FETCHING.search(code) is not None


def _check_count(name: str, part: str, text: bytes) -> int:
    """Refuse a part with more cells or elements than any form has, before openpyxl builds them."""
    cells = len(_CELL.findall(text)) if part.startswith("xl/worksheets/") else 0
    elements = len(_ELEMENT.findall(text))
    if cells > MAX_CELLS or elements > MAX_ELEMENTS:
        counted = f"{format_number(cells, 0)} ô" if cells > MAX_CELLS else f"{format_number(elements, 0)} phần tử XML"
        limit = f"{format_number(MAX_CELLS, 0)} ô" if cells > MAX_CELLS else format_number(MAX_ELEMENTS, 0)
        raise FormRefused(
            f"{name}: phần {part} có {counted}, quá nhiều cho một biểu mẫu (tối đa {limit}) — "
            "có thể là tệp độc hại hoặc trang bị điền tràn; không đọc"
        )
    return elements


def _load(name: str, data: bytes, *, data_only: bool) -> Any:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension not supported" and the like
            return load_workbook(io.BytesIO(data), data_only=data_only)
    except Exception as exc:  # openpyxl raises anything from KeyError to lxml errors on a broken file
        Stopped.raise_if_any()  # … and turns a stop into a TypeError
        reason = type(exc).__name__
        raise FormRefused(f"{name}: không đọc được bảng tính ({reason}); {SAVE_AS}") from None
