"""Plan text made safe for where it is shown: terminals, Markdown, XML.

Plan and data text come from many hands and may carry anything. This module is
the one place that decides what such text may not carry:

- ``for_terminal``: control characters, escape sequences, bidi overrides and
  other invisible format characters become visible escapes (``\\x1b``,
  ``\\u202e``), so text can neither drive the terminal nor reorder a line;
- ``for_document``: the same characters have no place in a written document
  (Markdown, HTML, Word): line separators become a line break, the others are
  removed, so what is written is what the author saw in an editor;
- ``markdown_escape``: text can create no Markdown structure (headings, lists,
  emphasis, links, tables, HTML, code, hard breaks, @mentions), and carries what
  ``for_document`` lets through;
- ``xml_safe``: characters XML 1.0 cannot hold are replaced;
- ``excerpt``: a short quoted piece of an offending value for a message.

It imports nothing of kh68's: every layer may use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kh68.core.startup import is_text

# ---------------------------------------------------------------- terminals

# Characters that show nothing, or nothing of their own, yet are not nothing: zero-width spaces and joiners, the
# word joiner and invisible operators, the soft hyphen, fillers (Hangul, Mongolian), variation selectors, the object
# replacement character, non-characters and private use (a glyph of no font a reader has). Two "giống hệt" ids or
# names differ by one of them; kh68 names them and writes none. Beyond the BMP (``_unsafe_astral``): tags, variation
# selectors, musical formatting, private use. A class holding astral ranges makes ``re`` several times slower on all
# text; the classes below hold every astral character, and a match beyond the BMP is kept where it is harmless (🙂).
_INVISIBLE = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200c\u200d\u2060-\u2064\u206a-\u206f\u3164"
    "\ue000-\uf8ff\ufdd0-\ufdef\ufe00-\ufe0f\uffa0\ufff0-\ufff8\ufffc\ufffe\uffff"
)
_ASTRAL = "\U00010000-\U0010ffff"


def _unsafe_astral(code: int) -> bool:
    """Unicode tags (invisible ASCII look-alikes), supplementary variation selectors, musical formatting and the
    private use planes."""
    return 0xE0000 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF or 0x1D173 <= code <= 0x1D17A or code >= 0xF0000


def _unsafe(char: str) -> bool:
    """A character a class below matched: every one of the BMP is unsafe; beyond it, ``_unsafe_astral``."""
    code = ord(char)
    return code <= 0xFFFF or _unsafe_astral(code)


# The zero-width space: kh68's own Markdown writes one after "@" (no @mention), so a terminal may receive it; in
# plan text it is named (``unsafe_characters``) and left out of documents like the others.
_ZERO_WIDTH_SPACE = "\u200b"
# Characters a terminal must never receive from plan text:
# C0 controls but newline and tab, DEL, C1 controls; bidi embeddings, overrides,
# isolates and marks; line/paragraph separators; BOM; interlinear annotations;
# lone surrogates (from file names that are not UTF-8, which no stream can encode);
# the invisible ones above.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029\ufeff\ufff9-\ufffb"
    "\ud800-\udfff"
    f"{_INVISIBLE}{_ASTRAL}]"
)
# Well-formed SGR sequences (colours, bold): the only escape sequences kh68's own
# console writes. Everything else starting with ESC is escaped.
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    # Astral characters as a surrogate pair: the escape stays valid JSON too.
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _visible_match(match: re.Match[str]) -> str:
    char = match.group()
    return _visible(char) if _unsafe(char) else char


def for_terminal(text: str) -> str:
    """``text`` with every character unsafe on a terminal shown as a visible escape.

    C0 controls are shown as ``\\x1b``, the others as ``\\u202e`` (astral ones as a
    surrogate pair), so that JSON printed through this stays valid JSON with the
    same value. A workflow command of a CI runner that plan text would start on a line of
    its own (``::error::…`` after a line break, ``##[error]`` anywhere: GitHub Actions reads
    every line kh68 prints) is broken by a zero-width space; kh68's own annotations start the
    text, and stay.
    """
    if "::" in text or "##[" in text:
        text = _WORKFLOW_COMMAND.sub(lambda m: f"{m[1] or m[3]}\u200b{m[2] or m[4]}", text)
    if _TERMINAL_UNSAFE.search(text) is None:
        return text
    return _TERMINAL_UNSAFE.sub(_visible_match, text)


_WORKFLOW_COMMAND = re.compile(r"(?:(?<=\n)(\s*:)(:)|(#)(#\[))")


def for_terminal_keeping_sgr(text: str) -> str:
    """Like ``for_terminal`` but colour/bold sequences (``ESC [ … m``) pass.

    For the stream under a styled console, whose own colours must reach the terminal.
    """
    if _TERMINAL_UNSAFE.search(text) is None:
        return text
    parts = []
    last = 0
    for match in _SGR.finditer(text):
        parts.append(for_terminal(text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(for_terminal(text[last:]))
    return "".join(parts)


_NAMED = re.compile(f"{_TERMINAL_UNSAFE.pattern[:-1]}{_ZERO_WIDTH_SPACE}]")


def unsafe_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` that ``for_terminal`` escapes, and the zero-width space, as escapes."""
    return sorted({_visible(c) for c in _NAMED.findall(text) if _unsafe(c)})


# ---------------------------------------------------------------- documents

# Characters that end a line, whatever the editor that wrote them: CR LF, CR, VT, FF, the
# information separators FS GS RS, NEL, the Unicode line and paragraph separators.
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Characters a written document must not carry: what ``for_terminal`` escapes (but the line
# breaks above), and XML's non-characters U+FFFE, U+FFFF.
_DOCUMENT_UNSAFE = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\ud800-\udfff"
    f"{_INVISIBLE}{_ZERO_WIDTH_SPACE}{_ASTRAL}]"
)
_DOCUMENT_SUSPECT = re.compile(f"{_LINE_BREAKS.pattern}|{_DOCUMENT_UNSAFE.pattern}")


def for_document(text: str) -> str:
    """``text`` as a written document (Markdown, HTML, Word) may carry it.

    Every line break becomes ``\\n``; every other control character (C0 but tab, DEL,
    C1), bidi embedding, override, isolate and mark, BOM, interlinear annotation, Unicode
    tag, lone surrogate and XML non-character is removed: none is visible in the editor
    the text was written in, and none has a meaning on paper. ``kh68 check`` names them
    (rule ``text-control-chars``). The result is XML 1.0 text.
    """
    if _DOCUMENT_SUSPECT.search(text) is None:
        return text
    return _DOCUMENT_UNSAFE.sub(_kept, _LINE_BREAKS.sub("\n", text))


def _kept(match: re.Match[str]) -> str:
    char = match.group()
    return "" if _unsafe(char) else char


# ---------------------------------------------------------------- Markdown

# Characters with an inline meaning (CommonMark and GitHub: emphasis, code, links,
# images, HTML, entities, tables, strikethrough, math). A backslash before ASCII
# punctuation always shows it literally.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&$])")
# Bare URLs GitHub would turn into links: break the "://" and "www.".
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")
# @mention (and e-mail autolink): a zero-width space after '@' keeps the text as is.
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")
# Block markers at the start of a line: headings ('#', '##' … then a space), bullets, setext
# underlines and thematic breaks ('-', '+', '=' then a space or the same again),
# ordered lists (1-9 digits, '.' or ')', a space). "-1,5" or "1.1" stay as they are.
_BLOCK_START = re.compile(r"^(#+(?=\s|$)|[-+=](?=\s|$|[-+=]))|^(\d{1,9})([.)])(?=\s|$)")


def _escape_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line)
    if "://" in line or "www." in line.lower():  # the cheap tests first: these run on every value
        line = _AUTOLINK.sub(r"\\\1\2", line)
    if "@" in line:
        line = _MENTION.sub("@\u200b", line)
    return _BLOCK_START.sub(_escape_block_start, line)


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1):
        return f"\\{match.group(1)}"
    return f"{match.group(2)}\\{match.group(3)}"


def markdown_escape(text: str, newline: str = " ") -> str:
    """``text`` as Markdown that shows it literally and creates no structure.

    The text is first made ``for_document``. Each line is stripped of every Unicode space
    around it (no indented code, no hard break of two trailing spaces) and escaped; lines
    are joined by ``newline`` (a space by default; ``"\\\\\\n"`` for hard breaks in a
    paragraph, ``"<br>"`` in a table cell); blank lines are dropped, so the text stays
    one block.
    """
    lines = (line.strip() for line in for_document(str(text)).split("\n"))
    return newline.join(_escape_line(line) for line in lines if line)


# ---------------------------------------------------------------- XML

# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    if _XML_INVALID.search(text) is None:
        return text
    return _XML_INVALID.sub("\ufffd", text)


# ---------------------------------------------------------------- messages

EXCERPT_LIMIT = 40


def excerpt(text: object, limit: int = EXCERPT_LIMIT) -> str:
    """A short quoted excerpt of an offending value, on one line and safe on a terminal.

    ``'abc'``; a longer value is cut at ``limit`` characters: ``'abc…' (1.234 ký tự)``.
    """
    value = str(text)
    shown = revealed(value[:limit])
    if len(value) <= limit:
        return f"'{shown}'"
    return f"'{shown}…' ({_count(len(value))} ký tự)"


LISTED = 20


def listing(values: Iterable[object], limit: int = LISTED) -> str:
    """Names joined by ``, ``: each cut like ``excerpt`` (unquoted), at most ``limit`` of them.

    ``1.1, 1.2, 1.3``; past ``limit`` names: ``a, b, … và 9.980 mục khác``.
    """
    names = [str(v) for v in values]
    shown = [_short(n) for n in names[:limit]]
    rest = len(names) - len(shown)
    if rest > 0:
        shown.append(f"… và {_count(rest)} mục khác")
    return ", ".join(shown)


def _short(name: str, limit: int = EXCERPT_LIMIT) -> str:
    shown = revealed(name[:limit])
    return shown if len(name) <= limit else f"{shown}… ({_count(len(name))} ký tự)"


def revealed(value: str) -> str:
    """``for_terminal``, on one line, and every invisible format character shown too.

    An offending value is quoted to be seen: ``'6.\\u200b3'`` tells apart the id that only
    looks like ``'1.3'`` (zero-width space, joiners, soft hyphen: Unicode category Cf).
    """
    shown = for_terminal(value).replace("\n", "\\n").replace("\t", "\\t")
    if shown.isascii():
        return shown
    return "".join(_visible(c) if unicodedata.category(c) == "Cf" else c for c in shown)


def _count(number: int) -> str:
    """``1234`` → ``1.234`` (vnformat cannot be imported here)."""
    return f"{number:,}".replace(",", ".")


__all__ = [
    "excerpt",
    "for_document",
    "for_terminal",
    "for_terminal_keeping_sgr",
    "is_text",
    "listing",
    "markdown_escape",
    "revealed",
    "unsafe_characters",
    "xml_safe",
]
