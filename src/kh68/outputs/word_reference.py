"""What a report takes from a department's Word model (``--reference-docx``): its styles, nothing else.

The model comes from other hands and may hold anything a Word file can: macros
(``vbaProject.bin``, a .docm or .dotm content type), a template attached from a server
(``attachedTemplate``, ``TargetMode="External"``), hyperlinks and pictures linked from
outside, embedded or linked objects, ActiveX controls, custom XML, embedded fonts,
headers and footers with fields. So the report is never built from it. kh68 starts from
its own document (python-docx's base, without the bibliography part and the Word 2010
style copy it carries) and puts in only a whitelist of the model's parts: the styles,
and what styles use, the numbering definitions, the theme (its fonts and colours) and
the fonts table. Each is parsed and cleaned: every element that refers to a relationship
(an embedded font, a picture bullet, a linked fill) is removed, and none of the model's
relationships is copied, so nothing in the report can point anywhere. The page set-up
stays Decree 30's (``kh68.outputs.word``).

The model is read as a returned form is (``kh68.core.zipsafe``: size, zip bomb, DTD);
every way it can fail is an ``InputError`` naming the file.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml

from kh68.core.errors import InputError, os_reason
from kh68.core.files import read_regular, shown_path
from kh68.core.vnformat import format_number
from kh68.core.zipsafe import Limits, UnsafeZip, unpack

REFERENCE_LIMIT = 20 * 1024 * 1024  # a Word model with a logo is some hundred kilobytes
_REFERENCE = Limits("tệp Word mẫu", ".docx")
SAVE_DOCX = "mở bằng Word và lưu lại dạng .docx"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

# The parts taken, by relationship type: the root element each must have.
TAKEN = {
    RT.STYLES: f"{{{_W}}}styles",
    RT.NUMBERING: f"{{{_W}}}numbering",
    RT.THEME: f"{{{_A}}}theme",
    RT.FONT_TABLE: f"{{{_W}}}fonts",
}
# Parts of python-docx's base that a report never uses: dropped from every report.
UNUSED = (RT.CUSTOM_XML, _STYLES_WITH_EFFECTS)
# A Word document, a Word template, and the same with macros (whose macros are never taken).
WORD_MAIN_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
# Picture bullets: VML pictures of the numbering part (their image is a relationship, never copied).
_PICTURE_BULLETS = (f"{{{_W}}}numPicBullet", f"{{{_W}}}lvlPicBulletId")


class _NotWord(Exception):
    """The model is not a Word document (``str()``: what it lacks, or the part that is broken)."""


def base_document() -> Any:
    """kh68's own starting document: python-docx's base without the parts a report never uses."""
    doc = Document()
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in UNUSED:
            doc.part.drop_rel(rid)
    return doc


def reference_document(path: Path) -> Any:
    """The base document with the styles, numbering, theme and fonts table of the model at ``path``."""
    where = f"tệp Word mẫu '{shown_path(path)}' (--reference-docx)"
    contents = _unpacked(path, where)
    try:
        taken = _taken_parts(contents)
    except _NotWord as exc:
        raise InputError(f"{where} {exc}; {SAVE_DOCX}") from None
    try:
        return _with_parts(taken)
    except Exception:  # python-docx and lxml raise anything on a part they cannot read
        raise InputError(f"{where} không phải tệp Word .docx hợp lệ; {SAVE_DOCX}") from None


def _unpacked(path: Path, where: str) -> dict[str, bytes]:
    try:
        size = path.stat().st_size
        if size > REFERENCE_LIMIT:
            raise InputError(f"{where} quá lớn ({format_number(size / 1024 / 1024, 1)} MB); không đọc")
        data = read_regular(path)
    except OSError as exc:
        raise InputError(f"không đọc được {where}: {os_reason(exc)}") from None
    if not data.startswith(b"PK\x03\x04"):
        raise InputError(f"{where} không phải tệp Word .docx hợp lệ; {SAVE_DOCX}")
    try:
        return unpack(data, _REFERENCE, SAVE_DOCX)
    except UnsafeZip as exc:
        raise InputError(f"{where}: {exc}") from None


def _taken_parts(contents: dict[str, bytes]) -> dict[str, bytes]:
    """Relationship type → the cleaned bytes of each part taken from the model."""
    not_word = _NotWord("không phải văn bản Word (thiếu phần nội dung hoặc kiểu chữ)")
    main = _main_part(contents)
    if main is None or _content_type(contents, main) not in WORD_MAIN_TYPES:
        raise not_word
    taken: dict[str, bytes] = {}
    for reltype, name in _related(contents, main).items():
        if reltype in TAKEN and name in contents:
            taken[reltype] = _cleaned(name, contents[name], TAKEN[reltype])
    if RT.STYLES not in taken:
        raise not_word
    return taken


def _with_parts(taken: dict[str, bytes]) -> Any:
    """The base document with ``taken`` in place of its own parts of the same relationship types."""
    base = base_document()
    names = {rel.reltype: rel.target_part.partname.lstrip("/") for rel in base.part.rels.values()}
    replaced = {names[reltype]: data for reltype, data in taken.items() if reltype in names}
    source, out = io.BytesIO(), io.BytesIO()
    base.save(source)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, replaced.get(item.filename) or src.read(item))
    return Document(io.BytesIO(out.getvalue()))


# ------------------------------------------------------------------ the model's package


def _xml(name: str, data: bytes) -> Any:
    """The root element of a part (python-docx's parser: no entities; ``zipsafe`` refused any DTD)."""
    try:
        return parse_xml(data)
    except (SyntaxError, ValueError):  # lxml's XMLSyntaxError is a SyntaxError
        raise _NotWord(f"có phần {name} bị hỏng") from None


def _relationships(contents: dict[str, bytes], rels_name: str, owner: str) -> dict[str, str]:
    """Type → part name of each internal relationship in ``rels_name`` (targets relative to ``owner``'s folder)."""
    if rels_name not in contents:
        return {}
    found: dict[str, str] = {}
    for rel in _xml(rels_name, contents[rels_name]).iter(f"{{{_PACKAGE_RELS}}}Relationship"):
        target, reltype = rel.get("Target") or "", rel.get("Type") or ""
        if rel.get("TargetMode") == "External" or not target or reltype in found:
            continue
        joined = target[1:] if target.startswith("/") else posixpath.join(posixpath.dirname(owner), target)
        found[reltype] = posixpath.normpath(joined)
    return found


def _main_part(contents: dict[str, bytes]) -> str | None:
    return _relationships(contents, "_rels/.rels", "").get(RT.OFFICE_DOCUMENT)


def _related(contents: dict[str, bytes], part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    return _relationships(contents, posixpath.join(folder, "_rels", f"{name}.rels"), part)


def _content_type(contents: dict[str, bytes], part: str) -> str | None:
    if "[Content_Types].xml" not in contents:
        return None
    types = _xml("[Content_Types].xml", contents["[Content_Types].xml"])
    for override in types.iter(f"{{{_CONTENT_TYPES}}}Override"):
        if (override.get("PartName") or "").lstrip("/") == part:
            return str(override.get("ContentType"))
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    for default in types.iter(f"{{{_CONTENT_TYPES}}}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return str(default.get("ContentType"))
    return None


def _cleaned(name: str, data: bytes, root_tag: str) -> bytes:
    """The part without any element that refers to a relationship (nor picture bullets)."""
    root = _xml(name, data)
    if root.tag != root_tag:
        raise _NotWord(f"có phần {name} không đúng loại")
    for element in [e for e in root.iter() if _doomed(e)]:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return serialize_part_xml(root)


def _doomed(element: Any) -> bool:
    """An element that refers to a relationship (``r:id``, ``r:embed``, ``r:link`` …), or a picture bullet."""
    if not isinstance(element.tag, str):  # a comment or a processing instruction
        return False
    return element.tag in _PICTURE_BULLETS or any(str(key).startswith(f"{{{_R}}}") for key in element.attrib)


__all__ = ["REFERENCE_LIMIT", "SAVE_DOCX", "base_document", "reference_document"]
