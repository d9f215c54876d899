"""Read one YAML file safely; the line and column of a node when a problem needs it.

Plan files are parsed to nodes with libyaml and turned into plain Python data
by hand, so that:

* every scalar stays the text the author wrote (``1.10`` is never the number
  1.1, ``no`` never ``False``, ``2025-11-05`` never a date); pydantic decides
  what a field means;
* duplicate keys, anchors/aliases (and so "billion laughs"), merge keys and
  tags such as ``!!python/object`` are refused before anything is built;
* text is NFC-normalised, so NFD input compares equal to NFC.

Positions are not copied out while reading: a plan of 100.000 values would hold
a million of them for the few problems ever reported. A document keeps its node
graph until its own validation is done, then only its text, and finds a position
by walking the graph along the key path (``Document.position``).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

from kh68.core.errors import Problem, error, os_reason
from kh68.core.files import read_regular
from kh68.core.safetext import excerpt
from kh68.reading.ruledoc import (
    FILE_ENCODING,
    FILE_UNREADABLE,
    YAML_ALIAS,
    YAML_COMPLEX_KEY,
    YAML_DUPLICATE_KEY,
    YAML_EMPTY,
    YAML_KEY_SPACE,
    YAML_SYNTAX,
    YAML_TAG,
    RuleDoc,
)

Key = tuple[str | int, ...]

_YAML_TAG = "tag:yaml.org,2002:"
ENCODING, SYNTAX = FILE_ENCODING.id, YAML_SYNTAX.id
_STR, _NULL, _MERGE = _YAML_TAG + "str", _YAML_TAG + "null", _YAML_TAG + "merge"
_PLAIN_TAGS = dict.fromkeys(("", "~", "null", "Null", "NULL"), _NULL) | {"<<": _MERGE}
_COLLECTION_TAGS: dict[type, str] = {yaml.MappingNode: _YAML_TAG + "map", yaml.SequenceNode: _YAML_TAG + "seq"}


class _TextResolving:
    """Resolve plain scalars only as null, merge key or text.

    Every other meaning is pydantic's to give, so the YAML 1.1 guesses (``1.10``
    a float, ``no`` a boolean) are never made, and parsing skips the regular
    expressions of PyYAML's resolver (most of its cost on large files).
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN_TAGS.get(value, _STR) if implicit[0] else _STR
        return _COLLECTION_TAGS[kind]

    # No path resolvers are ever added, so libyaml's calls on entering and leaving
    # each node need do nothing: builtins that take the same arguments do it at C speed.
    descend_resolver = slice
    ascend_resolver = tuple


try:

    class _Loader(_TextResolving, yaml.CSafeLoader):  # type: ignore[misc]
        pass
except AttributeError:  # pragma: no cover - libyaml missing

    class _Loader(_TextResolving, yaml.SafeLoader):  # type: ignore[no-redef,misc]
        pass


_ALLOWED_TAGS = {_YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


_SCANNED = 8  # mappings of at most this many entries are searched in order, larger ones indexed once


@dataclass
class Document:
    """Plain data of one YAML file; the 1-based position of each node on demand.

    The node graph of the first parse is kept only until ``release_nodes`` (the
    loader calls it once the file's own validation problems are positioned), so
    that a file with a million bad values is positioned without a second parse.
    The positions of the keys near the top (``report``, an indicator under ``indicators``)
    are kept when it goes, for the rules that speak of a file's parts; a deeper
    position asked for later composes the text again, once.
    """

    path: Path
    data: Any
    utf8: bytes = field(default=b"", repr=False)  # the text, encoded: half the memory of a Vietnamese text
    _root: yaml.Node | None = field(default=None, repr=False, compare=False)
    _index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    _near_top: dict[Key, tuple[yaml.Node, yaml.Node | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def release_nodes(self) -> None:
        """Let the node graph go (a large plan keeps only text, models and the nodes near the top)."""
        if self._root is not None:
            self._near_top = nodes_near_top(self._root)
        self._root = None
        self._index.clear()

    @property
    def text(self) -> str:
        """The text of the file as read (NFC)."""
        return self.utf8.decode("utf-8")

    def _nodes(self) -> yaml.Node | None:
        if self._root is None and self.utf8:
            # The text was read without error once, so it composes again to the same nodes.
            self._root = yaml.compose(self.text, Loader=_Loader)
        return self._root

    def _entries(self, node: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key → (key node, value node) of one mapping, built the first time it is walked."""
        entries = self._index.get(id(node))
        if entries is None:
            entries = {k.value: (k, v) for k, v in node.value if k.__class__ is yaml.ScalarNode}
            self._index[id(node)] = entries
        return entries

    def value_at(self, loc: Key) -> Any:
        """The plain value at the key path ``loc`` (``None`` where there is none)."""
        node = self.data
        for part in loc:
            if isinstance(node, list):
                if not (isinstance(part, int) and 0 <= part < len(node)):
                    return None
                node = node[part]
            elif isinstance(node, dict) and part in node:
                node = node[part]
            else:
                return None
        return node

    def position(self, loc: Key, *, key: bool = False) -> tuple[int, int]:
        """Position of ``loc`` (of its key with ``key``), or of its nearest ancestor that has one.

        Called once per problem, so a file of a million problems walks a million paths: kept tight.
        """
        if self._root is None and loc in self._near_top:  # the graph is gone, the key is near the top
            near, near_key = self._near_top[loc]
            return _pos(near_key if key and near_key is not None else near)
        node = self._nodes()
        if node is None:
            return 1, 1
        key_node: yaml.Node | None = None
        for part in loc:
            kind = node.__class__
            if kind is yaml.MappingNode:
                pairs = node.value
                if len(pairs) > _SCANNED:
                    found = self._entries(node).get(part)  # type: ignore[arg-type]  # an int part finds nothing
                else:  # a small mapping (a unit's numerator and denominator): scanned, not indexed
                    found = next(((k, v) for k, v in pairs if k.value == part), None)
                if found is None:
                    break
                key_node, node = found
            elif kind is yaml.SequenceNode and part.__class__ is int and 0 <= part < len(node.value):
                node = node.value[part]
            else:
                break
        return _pos(key_node if key and key_node is not None else node)


class SourceError(Exception):
    """The file cannot be read as a plan file; ``problem`` says where."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def decode(path: Path, raw: bytes) -> str:
    """Bytes to NFC text; only UTF-8 (with or without BOM) is accepted."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise SourceError(error(path, 1, 1, "tệp được mã hóa UTF-32; hãy lưu lại tệp với mã hóa UTF-8", ENCODING))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        raise SourceError(error(path, 1, 1, "tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8", ENCODING))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        if exc.end == len(raw) and exc.reason == "unexpected end of data":
            # A multi-byte character cut off at the very end: the file was truncated.
            raise SourceError(
                error(path, line, column, "tệp bị cắt cụt: kết thúc giữa chừng một ký tự UTF-8", ENCODING)
            ) from None
        raise SourceError(
            error(
                path,
                line,
                column,
                f"tệp không phải UTF-8 (byte 0x{raw[exc.start]:02x} không hợp lệ); "
                "có thể tệp được lưu bằng Windows-1258 hoặc TCVN3 — hãy lưu lại với mã hóa UTF-8",
                ENCODING,
            )
        ) from None
    return unicodedata.normalize("NFC", text)


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: ASCII text with a zero byte after (or before) every character.

    A single NUL in UTF-8 text (``a\\x00b: 1``) is not that: the YAML reader says where it is.
    """
    head = raw[:4]
    return len(head) == 4 and ((head[1] == 0 and head[3] == 0) or (head[0] == 0 and head[2] == 0))


def read_document(path: Path, display: str | None = None) -> Document:
    """Read and parse ``path``; raise ``SourceError`` with a positioned problem."""
    shown = Path(display) if display else path
    try:
        raw = read_regular(path)
    except OSError as exc:
        raise SourceError(error(shown, 1, 1, f"không đọc được tệp: {os_reason(exc)}", FILE_UNREADABLE.id)) from None
    return parse_document(shown, decode(shown, raw))


def compose_nodes(text: str) -> yaml.Node | None:
    """The libyaml node graph of ``text``, plain scalars resolved as text (how kh68 edits files)."""
    return yaml.compose(text, Loader=_Loader)


def parse_document(path: Path, text: str) -> Document:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise SourceError(_yaml_problem(path, exc, f"YAML không hợp lệ: {_describe(exc, text)}")) from None
    except yaml.reader.ReaderError as exc:
        # A control character; libyaml's ``position`` is a byte offset in UTF-8.
        before = text.encode("utf-8")[: exc.position].decode("utf-8", errors="ignore")
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        message = f"tệp chứa ký tự điều khiển U+{exc.character:04X}, không được phép trong YAML"
        raise SourceError(error(path, line, column, message, SYNTAX)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error is one of the above
        raise SourceError(error(path, 1, 1, f"YAML không hợp lệ: {_one_line(str(exc))}", SYNTAX)) from None
    if node is None or (node.tag == _NULL and not node.value and not _style(node)):
        # No document at all, or only "---" / comments: an empty file.
        raise SourceError(error(path, 1, 1, "tệp rỗng: cần một bảng khóa–giá trị (mapping)", YAML_EMPTY.id))
    return Document(path=path, data=_data(path, node, text), utf8=text.encode("utf-8"), _root=node)


def _data(path: Path, node: yaml.Node, text: str) -> Any:
    """The plain data of ``node``, refusing what a plan file may not contain.

    Anchors, aliases, tags and merge keys cannot occur in a text without ``&``,
    ``*``, ``!`` or ``<<``: such a text (nearly every plan file) is built by the
    quick ``_plain``, which leaves the remaining refusals (duplicate and complex
    keys) to the thorough ``_Builder``, as does every other text.
    """
    try:
        if not any(mark in text for mark in ("&", "*", "!", "<<")):
            try:
                return _plain(node, 0)
            except _Irregular:
                pass
        return _Builder(path).build(node, 0)
    except _TooDeep as exc:
        line, column = _pos(exc.node)
        message = "YAML không hợp lệ: " + _YAML_MESSAGES["exceeded maximum nesting depth"].format()
        raise SourceError(error(path, line, column, message, SYNTAX)) from None


# No plan file nests more than a few levels; libyaml accepts 1.000, more than Python builds recursively.
MAX_DEPTH = 100


class _TooDeep(Exception):
    """A collection nested deeper than ``MAX_DEPTH``."""

    def __init__(self, node: yaml.Node):
        super().__init__()
        self.node = node


_YAML_MESSAGES = {
    "expected a single document": "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)",
    "found character '\\t' that cannot start any token": "ký tự tab không được dùng để thụt lề",
    "found a tab character": "ký tự tab không được dùng để thụt lề",
    "found character that cannot start any token": (
        "ký tự không được phép ở đầu giá trị (đặt giá trị trong dấu nháy nếu nó bắt đầu bằng @, ` hoặc %)"
    ),
    "exceeded maximum nesting depth": (
        "dữ liệu lồng nhau quá sâu (quá 100 cấp '[', '{{' hoặc thụt lề; tệp kế hoạch chỉ cần vài cấp)"
    ),
    "found invalid Unicode character escape code": (
        "mã thoát Unicode trong dấu nháy kép không phải một ký tự (ví dụ '\\ud800' là nửa cặp surrogate)"
    ),
    "did not find expected hexdecimal number": "mã thoát '\\x', '\\u' hoặc '\\U' thiếu chữ số thập lục phân",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong chuỗi đặt trong dấu nháy kép",
    "found unexpected end of stream": "tệp kết thúc giữa chừng",
    "found unexpected document indicator": "dòng '---' hoặc '...' nằm giữa một giá trị (dấu nháy chưa đóng?)",
    "mapping values are not allowed": "dấu ':' không hợp lệ ở đây (thiếu dấu nháy hoặc thụt lề sai?)",
    "found unexpected ':'": "dấu ':' không hợp lệ ở đây (thiếu dấu nháy hoặc thụt lề sai?)",
    "mapping keys are not allowed": "không được đặt khóa ở đây (thụt lề sai?)",
    "could not find expected ':'": "thiếu dấu ':' sau khóa",
    "found undefined alias": "alias không được định nghĩa",
    "found duplicate anchor": "anchor bị định nghĩa hai lần",
    "expected <block end>, but found '-'": "thụt lề không khớp với dòng trên",
    "did not find expected '-' indicator": "thụt lề không khớp với dòng trên (thiếu dấu '-' của danh sách?)",
    "did not find expected key": "thụt lề sai hoặc thiếu khóa: dòng này không khớp với các khóa ở trên",
    "did not find expected ',' or ']'": "thiếu dấu ',' hoặc ']' (danh sách '[' mở ở dòng {opened} chưa đóng?)",
    "did not find expected ',' or '}'": "thiếu dấu ',' hoặc '}}' (bảng '{{' mở ở dòng {opened} chưa đóng?)",
    "did not find expected node content": "thiếu giá trị",
    "did not find expected <document start>": "có nội dung thừa sau khi tài liệu đã kết thúc",
    "block sequence entries are not allowed": "không được bắt đầu danh sách '-' ở đây (thụt lề sai?)",
    "did not find expected alphabetic or numeric character": (
        "sau '&' hoặc '*' phải là tên anchor/alias (đặt giá trị trong dấu nháy nếu nó bắt đầu bằng & hoặc *)"
    ),
    "did not find expected comment or line break": "có nội dung thừa sau giá trị trên cùng dòng",
    "did not find expected whitespace or line break": "có nội dung thừa sau giá trị trên cùng dòng",
    "found an indentation indicator equal to 0": "chỉ số thụt lề sau '|' hoặc '>' phải từ 1 đến 9",
    "found incompatible YAML document": "phiên bản YAML không được hỗ trợ: bỏ dòng '%YAML' ở đầu tệp",
    "found duplicate %YAML directive": "dòng '%YAML' bị lặp",
    "found duplicate %TAG directive": "dòng '%TAG' bị lặp",
    "found unknown directive name": "dòng bắt đầu bằng '%' không phải chỉ thị YAML (đặt giá trị trong dấu nháy)",
    "could not find expected directive name": "dòng bắt đầu bằng '%' không phải chỉ thị YAML (đặt giá trị trong dấu nháy)",
    "found extremely long version number": "số phiên bản trong dòng '%YAML' không hợp lệ",
    "did not find expected version number": "số phiên bản trong dòng '%YAML' không hợp lệ",
    "did not find expected digit or '.' character": "số phiên bản trong dòng '%YAML' không hợp lệ",
    "found undefined tag handle": "thẻ YAML (!) không hợp lệ",
    "did not find expected tag URI": "thẻ YAML (!) không hợp lệ",
    "did not find URI escaped octet": "thẻ YAML (!) không hợp lệ",
    "did not find expected '!'": "thẻ YAML (!) không hợp lệ",
    "did not find the expected '>'": "thẻ YAML (!) không hợp lệ",
    "found unexpected non-alphabetical character": "thẻ YAML (!) không hợp lệ",
    "did not find expected whitespace": "thiếu khoảng trắng",
}

_SIMPLE_KEY_LIMIT = 1024
_KEY_PROBLEMS = ("could not find expected ':'", "mapping values are not allowed")

# What libyaml was reading when it failed (``exc.context``), for a problem it words too generally.
_YAML_CONTEXTS = {
    "while scanning a quoted scalar": "chuỗi trong dấu nháy mở ở dòng {opened} chưa đóng",
    "while scanning a directive": "dòng bắt đầu bằng '%' không phải chỉ thị YAML (đặt giá trị trong dấu nháy)",
    "while scanning a tag": "thẻ YAML (!) không hợp lệ",
    "while parsing a tag": "thẻ YAML (!) không hợp lệ",
    "while scanning a block scalar": "chuỗi nhiều dòng ('|' hoặc '>') viết sai",
}


def _describe(exc: yaml.MarkedYAMLError, text: str = "") -> str:
    """The libyaml message in Vietnamese; one libyaml has not worded before is said generally."""
    problem = exc.problem or str(exc)
    mark = exc.problem_mark
    if mark is not None and problem.startswith("found character") and _char_at(text, mark) == "\t":
        return _YAML_MESSAGES["found a tab character"]
    opened = exc.context_mark.line + 1 if exc.context_mark is not None else "?"
    context = exc.context or ""
    if mark is not None and mark.column > _SIMPLE_KEY_LIMIT and problem.startswith(_KEY_PROBLEMS):
        # libyaml takes a key only within 1.024 characters of its line: a longer one is no key.
        return "khóa dài quá 1.024 ký tự (YAML không nhận khóa dài hơn); hãy rút ngắn khóa"
    if problem.startswith("found unexpected end of stream") and context.startswith("while scanning a quoted scalar"):
        return _YAML_CONTEXTS[context].format(opened=opened)
    for english, vietnamese in _YAML_MESSAGES.items():
        if problem.startswith(english) or context.startswith(english):
            return vietnamese.format(opened=opened) if "{" in vietnamese else vietnamese
    for english, vietnamese in _YAML_CONTEXTS.items():
        if context.startswith(english):
            return vietnamese.format(opened=opened)
    return "cú pháp YAML sai ở đây"


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _yaml_problem(path: Path, exc: yaml.MarkedYAMLError, message: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return error(path, 1, 1, message, SYNTAX)
    return error(path, mark.line + 1, mark.column + 1, message, SYNTAX)


NEAR_TOP = 2
"""How deep the keys are whose nodes a document keeps when it lets its graph go."""
NEAR_TOP_WIDTH = 1000
"""At most this many entries of each mapping or list near the top are kept (a deeper search composes again):
at most ``NEAR_TOP_WIDTH`` entries at the top and as many under each of them."""


def nodes_near_top(root: yaml.Node) -> dict[Key, tuple[yaml.Node, yaml.Node | None]]:
    """For every key path at most ``NEAR_TOP`` deep, its node and the last key node on the way to it (what
    ``Document.position`` finds by walking the graph). Non-scalar nodes are kept bare: their marks, not their
    children."""
    kept: dict[Key, tuple[yaml.Node, yaml.Node | None]] = {(): (_bare(root), None)}
    level: list[tuple[Key, yaml.Node, yaml.Node | None]] = [((), root, None)]
    for _ in range(NEAR_TOP):
        deeper: list[tuple[Key, yaml.Node, yaml.Node | None]] = []
        for loc, node, above in level:
            for part, key_node, value_node in islice(_children(node), NEAR_TOP_WIDTH):
                key_node = key_node or above  # an item of a list: the key of the list
                kept[(*loc, part)] = (_bare(value_node), key_node)
                deeper.append(((*loc, part), value_node, key_node))
        level = deeper
    return kept


def _children(node: yaml.Node) -> Iterator[tuple[str | int, yaml.Node | None, yaml.Node]]:
    if node.__class__ is yaml.MappingNode:
        for key_node, value_node in node.value:
            if key_node.__class__ is yaml.ScalarNode:
                yield key_node.value, key_node, value_node
    elif node.__class__ is yaml.SequenceNode:
        for index, item in enumerate(node.value):
            yield index, None, item


def _bare(node: yaml.Node) -> yaml.Node:
    """A node standing for ``node``'s position only: its marks, not its children."""
    return node if node.__class__ is yaml.ScalarNode else yaml.ScalarNode("", "", node.start_mark, node.end_mark)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _style(node: yaml.Node) -> str | None:
    style: str | None = getattr(node, "style", None)
    return style


class _Irregular(Exception):
    """A duplicate or complex key: ``_Builder`` says what and where."""


def _plain(node: yaml.Node, depth: int) -> Any:
    """Dicts, lists, strings and ``None`` of a node graph without anchors, tags or merge keys."""
    kind = node.__class__
    if kind is yaml.MappingNode:
        return _plain_mapping(node, depth)
    if kind is yaml.SequenceNode:
        if depth >= MAX_DEPTH:
            raise _TooDeep(node)
        return [_plain(item, depth + 1) for item in node.value]
    return None if node.tag == _NULL and not _style(node) else node.value


def _plain_mapping(node: yaml.Node, depth: int) -> dict[str, Any]:
    if depth >= MAX_DEPTH:
        raise _TooDeep(node)
    result: dict[str, Any] = {}
    intern = sys.intern  # keys repeat across thousands of entries: share one string each
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode:
            raise _Irregular
        key = intern(key_node.value)
        if key in result or key.strip() is not key:  # a key with a space at an end: said by _Builder
            raise _Irregular
        kind = value_node.__class__
        if kind is yaml.ScalarNode:
            result[key] = None if value_node.tag == _NULL and not value_node.style else value_node.value
        elif kind is yaml.MappingNode:
            result[key] = _plain_mapping(value_node, depth + 1)
        else:
            result[key] = _plain(value_node, depth + 1)
    return result


class _Builder:
    """Turn a node graph into dicts, lists, strings and ``None``, checking every node."""

    def __init__(self, path: Path):
        self.path = path
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str, rule: RuleDoc) -> SourceError:
        line, column = _pos(node)
        return SourceError(error(self.path, line, column, message, rule.id))

    def build(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.seen:
            raise self.fail(node, "không hỗ trợ anchor/alias YAML (&, *): hãy viết giá trị trực tiếp", YAML_ALIAS)
        self.seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            raise self.fail(node, f"thẻ YAML {excerpt(node.tag, 100)} không được phép trong tệp kế hoạch", YAML_TAG)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and depth >= MAX_DEPTH:
            raise _TooDeep(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        if node.tag == _NULL and not _style(node):
            return None
        return node.value

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
                raise self.fail(
                    key_node, "khóa phải là một chuỗi đơn giản (không hỗ trợ khóa phức hợp hay '<<')", YAML_COMPLEX_KEY
                )
            key = sys.intern(key_node.value)
            if key.strip() != key:  # "a1 " beside "a1": two keys a reader sees as one (and pydantic would merge)
                raise self.fail(
                    key_node,
                    f"khóa {excerpt(key)} có khoảng trắng ở đầu hoặc cuối: viết {excerpt(key.strip())}",
                    YAML_KEY_SPACE,
                )
            if key in result:
                raise self.fail(
                    key_node, f"khóa {excerpt(key)} bị lặp (đã có ở dòng {first_lines[key]})", YAML_DUPLICATE_KEY
                )
            first_lines[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1)
        return result
