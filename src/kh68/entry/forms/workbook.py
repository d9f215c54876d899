"""Open a returned workbook safely: what it is, how big it unpacks, then openpyxl.

Everything openpyxl or zipfile can raise ends here as a Vietnamese message
naming the file; nothing reaches openpyxl that could exhaust memory (sizes and
ratios are checked from the zip directory first, and XML with a DOCTYPE or
entities is refused before parsing; openpyxl parses sheets with defusedxml).
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kh68.errors import InputError, os_reason
from kh68.files import read_regular
from kh68.vnformat import format_number

MAX_FILE = 20 * 1024 * 1024  # a filled form is some ten kilobytes
MAX_MEMBER = 10 * 1024 * 1024  # a sheet of a filled form is tens of kilobytes of XML
MAX_TOTAL = 30 * 1024 * 1024
MAX_MEMBERS = 500
MAX_RATIO = 200  # real sheets compress 5–30 times; bombs a thousand times
SAVE_AS = "mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx (Excel Workbook)"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


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
    if not data.startswith(b"PK\x03\x04"):
        raise FormRefused(f"{name}: tệp không phải bảng tính .xlsx (có thể là CSV hay văn bản đổi tên); {SAVE_AS}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FormRefused(f"{name}: tệp .xlsx bị hỏng (không mở được như tệp nén); {SAVE_AS}") from None
    _check_sizes(name, members)
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise FormRefused(f"{name}: tệp nén không chứa bảng tính Excel; {SAVE_AS}")
    has_formula = _check_xml(name, archive, members)
    values = _load(name, data, data_only=True)
    formulas: dict[str, set[str]] = {}
    if has_formula:
        book = _load(name, data, data_only=False)
        for ws in book.worksheets:
            cells = {c.coordinate for c in ws._cells.values() if c.data_type == "f"}
            if cells:
                formulas[ws.title] = cells
    return OpenedForm(name, values, formulas)


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise FormRefused(f"{path.name}: tệp quá lớn cho một biểu mẫu ({size // 1024 // 1024} MB); không đọc")
        return read_regular(path, MAX_FILE)  # never blocks on a FIFO or reads a device forever
    except OSError as exc:
        raise FormRefused(f"{path.name}: không đọc được tệp: {os_reason(exc)}") from None


def _check_sizes(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip bomb from its directory, before anything is unpacked."""
    if len(members) > MAX_MEMBERS:
        raise FormRefused(f"{name}: tệp chứa {len(members)} phần, quá nhiều cho một biểu mẫu; không đọc")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER or total > MAX_TOTAL or (member.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise FormRefused(
                f"{name}: tệp giải nén ra quá lớn ({member.filename}: {format_number(member.file_size)} byte, "
                f"nén {format_number(ratio, 0)} lần) — có thể là tệp độc hại (zip bomb); không đọc"
            )


def _check_xml(name: str, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> bool:
    """Refuse XML with a DOCTYPE or entities (an .xlsx never has them); whether a sheet has a formula."""
    has_formula = False
    for member in members:
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            text = archive.read(member)
        except Exception:  # a corrupt member: zlib, CRC, truncated data …
            raise FormRefused(f"{name}: phần {member.filename} của tệp bị hỏng; {SAVE_AS}") from None
        if _DTD.search(text):
            raise FormRefused(
                f"{name}: phần {member.filename} khai báo DOCTYPE/ENTITY (không có trong bảng tính thật, "
                "có thể là tệp độc hại); không đọc"
            )
        if member.filename.startswith("xl/worksheets/") and _FORMULA.search(text):
            has_formula = True
    return has_formula


def _load(name: str, data: bytes, *, data_only: bool) -> Any:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension not supported" and the like
            return load_workbook(io.BytesIO(data), data_only=data_only)
    except Exception as exc:  # openpyxl raises anything from KeyError to lxml errors on a broken file
        reason = type(exc).__name__
        raise FormRefused(f"{name}: không đọc được bảng tính ({reason}); {SAVE_AS}") from None
