"""Unpack an Office file (a zip of XML parts) from someone else, within limits, before any library reads it.

A returned form (.xlsx) and a department's Word model (``--reference-docx``)
come from other hands. ``unpack`` checks the zip directory first (number of
parts, sizes, compression ratio: a zip bomb is refused before anything is
unpacked), then reads each part in small steps (a part that unpacks to more
than its directory entry says is refused before it fills the memory), and
refuses XML that is not UTF-8 or declares a DOCTYPE or entities (no Office
file has them). ``repack`` gives the checked parts back as a zip, so the
library that reads them (openpyxl, python-docx) sees only those bytes.

It imports nothing of kh68's layers; every failure is ``UnsafeZip`` with a
Vietnamese reason that the caller prefixes with the file's name.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_STEP = 64 * 1024
XML_PARTS = (".xml", ".rels", ".vml")


class UnsafeZip(ValueError):
    """A zip that is not read; ``str()`` is the Vietnamese reason (without the file name)."""


@dataclass(frozen=True)
class Limits:
    what: str  # "biểu mẫu", "tệp Word mẫu": what the file should be, for the messages
    suffix: str  # ".xlsx", ".docx"
    member: int = 10 * 1024 * 1024  # bytes of one unpacked part
    total: int = 30 * 1024 * 1024  # bytes of all parts
    members: int = 500
    ratio: int = 200  # real XML compresses 5–30 times; bombs a thousand times


def unpack(data: bytes, limits: Limits, damaged: str) -> dict[str, bytes]:
    """Every part of the zip ``data`` by name; ``damaged`` is said (after the reason) when it is broken."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnsafeZip(f"tệp {limits.suffix} bị hỏng (không mở được như tệp nén); {damaged}") from None
    check_sizes(members, limits)
    _refuse_twice_named(members, limits)
    contents: dict[str, bytes] = {}
    for member in members:
        if member.is_dir():
            continue
        contents[member.filename] = _read(archive, member, limits, damaged)
    for part, text in contents.items():
        if part.endswith(XML_PARTS):
            check_xml(part, text, damaged)
    return contents


def _refuse_twice_named(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Two parts of one name (part names of an Office file are one name whatever their case): a program reads one,
    another the other, so what kh68 reads may not be what the sender saw; no program saves a file so."""
    seen: set[str] = set()
    for member in members:
        name = member.filename.casefold()
        if name in seen:
            raise UnsafeZip(
                f"tệp {limits.suffix} có hai phần cùng tên {excerpt(member.filename)} (tệp đã bị sửa ngoài chương trình "
                "bảng tính, mỗi chương trình đọc một phần khác nhau); không đọc"
            )
        seen.add(name)


def check_sizes(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse a zip bomb from its directory, before anything is unpacked."""
    if len(members) > limits.members:
        raise UnsafeZip(f"tệp chứa {format_number(len(members), 0)} phần, quá nhiều cho một {limits.what}; không đọc")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if (
            member.file_size > limits.member
            or total > limits.total
            or (member.file_size > 1024 * 1024 and ratio > limits.ratio)
        ):
            raise UnsafeZip(
                f"tệp giải nén ra quá lớn ({member.filename}: {format_number(member.file_size)} byte, "
                f"nén {format_number(ratio, 0)} lần) — có thể là tệp độc hại (zip bomb); không đọc"
            )


def _read(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits, damaged: str) -> bytes:
    chunks = []
    total = 0
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_STEP):
                total += len(chunk)
                if total > member.file_size or total > limits.member:
                    raise UnsafeZip(
                        f"phần {member.filename} giải nén ra nhiều hơn kích thước ghi trong tệp "
                        "— có thể là tệp độc hại (zip bomb); không đọc"
                    )
                chunks.append(chunk)
    except UnsafeZip:
        raise
    except Exception:  # a corrupt part: zlib, CRC, truncated data, an encrypted entry …
        raise UnsafeZip(f"phần {member.filename} của tệp bị hỏng; {damaged}") from None
    return b"".join(chunks)


def check_xml(part: str, text: bytes, damaged: str) -> None:
    if text.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in text[:1024]:
        # Office writes UTF-8 only; another encoding would hide what is looked for below
        raise UnsafeZip(f"phần {part} không viết bằng mã UTF-8 như tệp Office thật; {damaged}")
    if _DTD.search(text):
        raise UnsafeZip(
            f"phần {part} khai báo DOCTYPE/ENTITY (không có trong tệp Office thật, có thể là tệp độc hại); không đọc"
        )


def repack(contents: dict[str, bytes]) -> bytes:
    """The checked parts as a zip again (stored, not compressed: it is read at once)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for part, data in contents.items():
            archive.writestr(part, data)
    return out.getvalue()


__all__ = ["Limits", "UnsafeZip", "check_sizes", "check_xml", "repack", "unpack"]
