"""One data file open for editing: read under its lock, edited, written once.

Keys are found by their place (``("indicators", "1.4", "by_unit", UnitKey("phong_a"))``);
a ``UnitKey`` matches whatever alias of the unit the file was written with.
The text is edited by ``kh68.entry.textedit`` (only the changed spans; every
other byte stays), falling back to a ruamel.yaml round trip where the
structure must change in a way the text editor does not do.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kh68.core.errors import InputError, os_reason
from kh68.core.files import read_regular, resolve_target, shown_path
from kh68.entry.textedit import TextDocument, TextEditUnsupported
from kh68.kinds.periods import Period


@dataclass(frozen=True)
class UnitKey:
    """A key naming unit ``unit_id``: matches its id or any of its names."""

    unit_id: str

    def __str__(self) -> str:
        return self.unit_id


Section = tuple[str | UnitKey, ...]
Resolver = Callable[[str], str | None]


class DataFile:
    """The text of one data file and the edits made to it."""

    def __init__(self, path: Path, original: bytes | None, text: str, bom: bool):
        self.path = path
        self.original = original
        self.created = original is None
        self.bom = bom
        self.document = TextDocument(path, text)

    @classmethod
    def open(cls, path: Path, period: Period, synthetic: bool) -> DataFile:
        """Read ``path`` (the caller holds its lock), or start a new file for ``period``."""
        try:
            original: bytes | None = read_regular(path)
        except FileNotFoundError:
            resolve_target(path)  # a symlink pointing nowhere gets its own message
            _refuse_another_case(path)
            original = None
        except OSError as exc:
            resolve_target(path)  # a directory, FIFO or loop gets its own message
            raise InputError(f"không đọc được {shown_path(path)}: {os_reason(exc)}; không ghi gì") from None
        if original is None:
            return cls(path, None, new_file_text(period, synthetic), False)
        bom = original.startswith(codecs.BOM_UTF8)
        try:
            text = original[3:].decode("utf-8") if bom else original.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(
                f"{path.as_posix()}: tệp số liệu không đọc được (không phải UTF-8); chạy 'kh68 check' để xem lỗi"
            ) from None
        if _BARE_CR.search(text):  # a line ended by CR alone (an old Mac's): the text editor ends lines with LF
            raise InputError(
                f"{path.as_posix()}: tệp xuống dòng bằng ký tự CR (kiểu máy Mac cũ), kh68 không sửa được mà giữ nguyên "
                "từng byte; mở tệp bằng trình soạn thảo, lưu với kiểu xuống dòng LF hoặc CRLF (Windows) rồi ghi lại; "
                "không ghi gì"
            )
        return cls(path, original, text, bom)

    def get(self, section: Section, key: str, resolve: Resolver) -> str | None:
        return self.document.get(section, key, resolve)

    def set(self, section: Section, key: str, text: str, resolve: Resolver) -> None:
        self.document.set(section, key, text, resolve)

    def reads_back(self, data: Any, resolve: Resolver) -> bool:
        """Whether ``data`` (the new text, parsed by the loader) holds every value set."""
        return self.document.reads_back(data, resolve)

    def use_round_trip(self) -> None:
        self.document.use_round_trip()

    @property
    def changed(self) -> bool:
        return self.original is None or self.data() != self.original

    def text(self) -> str:
        return self.document.text()

    def data(self) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + self.text().encode("utf-8")

    def write(self) -> tuple[Path, bytes, bytes | None] | None:
        """What ``atomic_write_all`` is to write for this file (``None``: unchanged); refused if the file changed
        since it was read."""
        return (self.path, self.data(), self.original) if self.changed else None


def _refuse_another_case(path: Path) -> None:
    """A new ``data/2025.yaml`` beside ``data/2025.YAML`` (or ``.Yml``), which kh68 does not read: a second file of
    the year on Linux, the same file on Windows and macOS: refused, naming it."""
    stem = path.stem.casefold()
    try:
        others = [p.name for p in path.parent.iterdir() if p.stem.casefold() == stem and p.suffix.lower() in SUFFIXES]
    except OSError:
        return
    if others:
        raise InputError(
            f"{shown_path(path.parent)} đã có {', '.join(sorted(others))} (tên viết khác chữ hoa, chữ thường: kh68 "
            "không đọc) cho cùng kỳ: "
            f"đổi tên thành {path.name} rồi ghi lại; không ghi gì"
        )


SUFFIXES = (".yaml", ".yml")
_BARE_CR = re.compile(r"\r(?!\n)")


__all__ = ["DataFile", "Section", "TextEditUnsupported", "UnitKey", "new_file_text"]


def new_file_text(period: Period, synthetic: bool) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/data.schema.json",
        f"# Số liệu và tiến độ {period.label} — ghi bằng 'kh68 record' / 'kh68 progress' hoặc sửa tay.",
    ]
    if synthetic:
        lines.append("# SỐ LIỆU MINH HỌA (không có thật).")
    lines.append(f"year: {period.year}" if period.is_year else f"period: {period.key}")
    if synthetic:
        lines.append("synthetic: true")
    return "\n".join(lines) + "\n"
