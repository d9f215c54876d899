"""The cells of a returned workbook as stored, checked before openpyxl builds them.

Excel, LibreOffice and Google Sheets write each cell's value in a form of its type (``t``): a number in XML
Schema's form, an index into the shared strings, 0 or 1 for a truth value, an ISO date. A value no program writes
(``NaN``, ``0x10``, ``1e400`` as a number, a shared string that is not there, a cell written twice) is a file
altered by hand or by a tool: refused here naming the sheet and the cell and quoting what is stored, where openpyxl
would fail with an exception's name or read it as another value (``1e400`` as infinity). Phonetic guides (``rPh``,
the reading of Japanese text) are no part of a value and are left out.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

from kh68.core.safetext import excerpt

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_MANTISSA_DIGIT = re.compile(r"^[^eE]*[1-9]")
_DATE = re.compile(r"[0-9TZ:.+-]+")  # ISO 8601: a day, a time, both, a zone
_CELL_REF = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")
_TYPES = frozenset({"n", "s", "b", "e", "str", "inlineStr", "d"})
_PHONETIC = re.compile(rb"<(?:\w+:)?rPh\b[^>]*(?:/>|>.*?</(?:\w+:)?rPh>)", re.DOTALL)


def without_phonetics(contents: dict[str, bytes]) -> dict[str, bytes]:
    """The parts with every phonetic guide (``<rPh>``) left out of the sheets and the shared strings."""
    shared = _shared_part(contents)
    return {
        part: _PHONETIC.sub(b"", data)
        if (part.startswith("xl/worksheets/") or part == shared) and b"rPh" in data
        else data
        for part, data in contents.items()
    }


def stored_value_problems(contents: dict[str, bytes]) -> list[str]:
    """``trang › ô: …`` for each cell whose stored value no spreadsheet program writes (the first 20)."""
    shared = _shared_count(contents.get(_shared_part(contents)))
    problems: list[str] = []
    for part, sheet in _sheets(contents):
        seen: set[str] = set()
        for cell in _cells(contents[part]):
            problem = _problem(cell, shared, seen)
            if problem is not None:
                problems.append(f"{sheet} › {cell.get('r') or '?'}: {problem}")
                if len(problems) >= 20:
                    return problems
    return problems


def formula_cells(contents: dict[str, bytes], chosen: Callable[[str], bool]) -> list[str]:
    """``trang › ô`` of each cell whose formula, as an XML reader reads it, is ``chosen``."""
    found = []
    for part, sheet in _sheets(contents):
        for cell in _cells(contents[part]):
            formula = cell.find(f"{_MAIN}f")
            text = "".join(formula.itertext()) if formula is not None else ""
            if text and chosen(text):
                found.append(f"{sheet} › {cell.get('r') or '?'}")
    return found


def defined_names(contents: dict[str, bytes]) -> list[tuple[str, str]]:
    """Each defined name of the workbook with its formula (``q`` → ``WEBSERVICE("…")``)."""
    try:
        book = ET.fromstring(contents["xl/workbook.xml"])
    except (KeyError, ET.ParseError):
        return []
    return [(d.get("name") or "", "".join(d.itertext())) for d in book.iter(f"{_MAIN}definedName")]


def _problem(cell: ET.Element, shared: int, seen: set[str]) -> str | None:
    where = cell.get("r")
    if where is not None:
        if _CELL_REF.fullmatch(where) is None:
            return f"tên ô {excerpt(where)} không phải tên ô Excel ghi (tệp đã bị sửa ngoài Excel)"
        if where in seen:
            return "ô được ghi hai lần trong tệp (tệp đã bị sửa ngoài Excel)"
        seen.add(where)
    kind = cell.get("t", "n")
    stored = cell.find(f"{_MAIN}v")
    value = (stored.text or "") if stored is not None else None
    if kind not in _TYPES:
        return f"kiểu ô {excerpt(kind)} không phải kiểu Excel ghi (tệp đã bị sửa ngoài Excel)"
    inline = cell.find(f"{_MAIN}is")
    if kind == "inlineStr" and inline is not None and len(inline.findall(f"{_MAIN}t")) > 1:
        # one text, or runs (<r>) of it: two texts side by side read as one, the other or both ("1", "20", "120")
        return "chữ trong ô được ghi thành hai phần rời (tệp đã bị sửa ngoài Excel)"
    if not value or kind in ("e", "str", "inlineStr"):
        return None
    said = f"giá trị lưu trong tệp là {excerpt(value)}"
    if kind == "n" and not _a_number(value):
        return f"{said}, không phải một số Excel ghi được (tệp đã bị sửa ngoài Excel)"
    if kind == "s" and not (value.isascii() and value.isdigit() and int(value) < shared):
        return f"{said}, chỉ tới một chữ không có trong tệp (tệp đã bị sửa ngoài Excel)"
    if kind == "b" and value not in ("0", "1"):
        return f"{said}, không phải giá trị đúng/sai (tệp đã bị sửa ngoài Excel)"
    if kind == "d" and not _a_date(value):
        return f"{said}, không phải một ngày (tệp đã bị sửa ngoài Excel)"
    return None


def _a_number(value: str) -> bool:
    """A number as a spreadsheet writes it: ASCII digits, within a double's range both ways (1e400 is no number of
    Excel's, nor 1e-400, which Python would read as 0)."""
    if _NUMBER.fullmatch(value) is None:
        return False
    number = float(value)
    return abs(number) != float("inf") and (number != 0 or _MANTISSA_DIGIT.search(value) is None)


def _a_date(value: str) -> bool:
    """A day, a time or both in ISO 8601, as a spreadsheet stores a date cell (``2025-02-30`` is no day)."""
    from datetime import date, datetime, time

    if _DATE.fullmatch(value) is None:
        return False
    for read in (date.fromisoformat, datetime.fromisoformat, time.fromisoformat):
        try:
            read(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        return True
    return False


def _cells(sheet: bytes) -> Iterator[ET.Element]:
    try:
        root = ET.fromstring(sheet)
    except ET.ParseError:
        return  # a broken part is openpyxl's to refuse, as before
    yield from root.iter(f"{_MAIN}c")


def _shared_count(part: bytes | None) -> int:
    if part is None:
        return 0
    try:
        return sum(1 for _ in ET.fromstring(part).iter(f"{_MAIN}si"))
    except ET.ParseError:
        return 0


def _shared_part(contents: dict[str, bytes]) -> str:
    """The shared strings' part, as the workbook's relationships name it (``xl/sharedStrings.xml`` where they do
    not)."""
    for rel_type, part in _workbook_targets(contents).values():
        if rel_type.endswith("/sharedStrings"):
            return part
    return "xl/sharedStrings.xml"


def _workbook_targets(contents: dict[str, bytes]) -> dict[str | None, tuple[str, str]]:
    """Each relationship of the workbook: its id → (type, the part it names)."""
    try:
        rels = ET.fromstring(contents["xl/_rels/workbook.xml.rels"])
    except (KeyError, ET.ParseError):
        return {}
    found = {}
    for rel in rels.iter(f"{_PACKAGE}Relationship"):
        target = rel.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        found[rel.get("Id")] = (rel.get("Type") or "", part)
    return found


def _sheets(contents: dict[str, bytes]) -> Iterator[tuple[str, str]]:
    """Each worksheet part with its sheet's name (the part's own name where the workbook does not say it)."""
    named = _sheet_names(contents)
    for part in sorted(p for p in contents if p.startswith("xl/worksheets/") and p.endswith(".xml")):
        yield part, named.get(part, posixpath.basename(part))


def _sheet_names(contents: dict[str, bytes]) -> dict[str, str]:
    try:
        book = ET.fromstring(contents["xl/workbook.xml"])
    except (KeyError, ET.ParseError):
        return {}
    targets = {rel_id: part for rel_id, (_, part) in _workbook_targets(contents).items()}
    return {
        targets[sheet.get(f"{_RELATIONSHIPS}id")]: sheet.get("name") or ""
        for sheet in book.iter(f"{_MAIN}sheet")
        if sheet.get(f"{_RELATIONSHIPS}id") in targets
    }
