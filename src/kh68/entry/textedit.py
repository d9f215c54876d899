"""Edit a YAML data file as text: change only the spans that change.

The file is composed with kh68's own loader (libyaml nodes, with the
position of every node). Setting a key that exists replaces its scalar in
place; setting a key that does not exist inserts new lines after the last
entry of the nearest existing block mapping, indented like its siblings and
ended like the line before; into a flow mapping ``{...}`` as ``, key: value``
before its ``}``; under a key with no value (``key:``) as ``key: {...}`` on
its line. Everything else — indentation style, each line's line ending,
document markers, comments, other scalars — stays byte for byte.

A block scalar (``|``/``>``) that is replaced gives way to one quoted line.
What the text editor cannot do (edits that overlap) goes through a ruamel.yaml
round trip instead (``_RoundTrip``). Either way, every
value set is read back from the new text (as the loader parses it, see
``reads_back``) before it is written.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from kh68.core.errors import InputError
from kh68.reading.source import compose_nodes

Resolver = Callable[[str], str | None]
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_OTHER_TOOLS_BOOLEANS = frozenset(("y", "n", "yes", "no", "on", "off", "true", "false"))
"""Words kh68 reads as text but YAML 1.1 tools (PyYAML, many editors' linters) read as true or false: a unit id
``no`` written plain was the key ``False`` to them (a hostile probe). Written quoted, in any case; as a value,
``true`` and ``false`` stay plain: the booleans kh68 writes (``met: true``), booleans to every tool."""
_BOOLEANS = frozenset(("true", "false"))


class TextEditUnsupported(Exception):
    """The text editor cannot make this edit; the round trip will."""


def _key_text(key: Any) -> str:
    return str(getattr(key, "unit_id", key))


def _matches(written: str, key: Any, resolve: Resolver) -> bool:
    wanted = _key_text(key)
    if written == wanted:
        return True
    return hasattr(key, "unit_id") and resolve(written) == wanted


def render_scalar(text: str, *, is_key: bool = False, flow: bool = False) -> str:
    """``text`` as a YAML scalar that reads back as exactly ``text``: plain when safe, else double-quoted.

    Inside a flow mapping ``{...}`` a comma ends a plain scalar, so ``99,6`` there is quoted.
    """
    other_tools_boolean = text.lower() in _OTHER_TOOLS_BOOLEANS and (is_key or text not in _BOOLEANS)
    if _plain_ok(text, flow) and not (is_key and text[:1].isdigit()) and not other_tools_boolean:
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(f"\\u{ord(c):04x}" if _needs_escape(c) else c for c in quoted)


def _needs_escape(char: str) -> bool:
    code = ord(char)
    return 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF


_SURELY_PLAIN = re.compile(r"[0-9]{1,30}(?:\.[0-9]{1,30})?|[0-9]{4}-[0-9]{2}-[0-9]{2}|[a-z][a-z0-9_]{0,63}")
"""Digits, an ISO day, a lower-case word: read back as themselves, plain, in block and flow alike (nearly every
value a form writes: a count, a day, a state), without composing a document to find out."""


def _plain_ok(text: str, flow: bool = False) -> bool:
    if _SURELY_PLAIN.fullmatch(text) and text not in _NULLS:
        return True
    if text in _NULLS or text != text.strip() or "\n" in text or "\r" in text or len(text) > 200:
        return False
    if any(_needs_escape(c) or (ord(c) < 0x20 and c != "\t") or c == "\t" for c in text):
        return False
    try:
        node = compose_nodes(f"{{k: {text}}}\n" if flow else f"k: {text}\n")
    except yaml.YAMLError:
        return False
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return False
    value = node.value[0][1]  # plain, itself, and text (not "<<", which kh68's reader takes for a merge key)
    return (
        isinstance(value, yaml.ScalarNode)
        and not value.style
        and value.value == text
        and value.tag == "tag:yaml.org,2002:str"
    )


class _Pending:
    """New keys to insert under one existing node, as a nested dict.

    The node is a block mapping (new lines after its last entry), a flow mapping
    (``, key: value`` before its ``}``) or the empty value of ``key:`` (``{...}``).
    """

    def __init__(self, node: yaml.Node, position: int, indent: int, emptied: tuple[int, int] | None = None):
        self.node = node
        self.position = position
        self.indent = indent
        self.emptied = emptied  # an empty value of a block mapping's key (``{}``, ``~``) taken out: lines go below
        self.tree: dict[str, Any] = {}

    @property
    def inline(self) -> bool:
        if self.emptied is not None:
            return False
        return not isinstance(self.node, yaml.MappingNode) or bool(self.node.flow_style)


class TextDocument:
    """The text of one data file, edited in place (see the module docstring)."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.original = text
        self.root = self._compose(text)
        self.step = _indent_step(self.root)
        self.replaced: dict[int, tuple[yaml.ScalarNode, str, bool]] = {}
        self.pending: dict[int, _Pending] = {}
        self.assigned: list[tuple[tuple[Any, ...], str, str]] = []
        self.fallback: _RoundTrip | None = None
        self.resolve: Resolver = lambda _ref: None
        self.owners: dict[int, tuple[yaml.Node, yaml.MappingNode]] = {}  # a value walked through: its key, its mapping
        self._text: str | None = None

    def _compose(self, text: str) -> yaml.MappingNode:
        try:
            with _gc_paused():
                node = compose_nodes(text)
        except yaml.YAMLError:
            raise InputError(
                f"{self.path.as_posix()}: tệp số liệu không đọc được; chạy 'kh68 check' để xem lỗi"
            ) from None
        if not isinstance(node, yaml.MappingNode):
            raise InputError(f"{self.path.as_posix()}: tệp số liệu phải là một bảng khóa–giá trị; chạy 'kh68 check'")
        return node

    # ---------------------------------------------------------------- walk

    def _walk(self, section: tuple[Any, ...], resolve: Resolver) -> tuple[yaml.Node, list[Any], list[str]]:
        """The deepest existing mapping along ``section`` (or the null value of ``key:``), the keys left, the keys walked."""
        node: yaml.Node = self.root
        walked: list[str] = []
        for depth, key in enumerate(section):
            found = _find(node, key, resolve)  # type: ignore[arg-type]  # a MappingNode: checked below
            if found is None:
                return node, list(section[depth:]), walked
            walked.append(_key_text(key))
            value = found[1]
            self.owners[id(value)] = (found[0], node)  # type: ignore[assignment]
            if isinstance(value, yaml.ScalarNode) and _is_null(value):
                return value, list(section[depth + 1 :]), walked  # "key:" with no value: filled as {...}
            if not isinstance(value, yaml.MappingNode):
                where = ".".join(walked)
                raise InputError(f"{self.path.as_posix()}: '{where}' phải là một bảng khóa–giá trị; chạy 'kh68 check'")
            node = value
        return node, [], walked

    def get(self, section: tuple[Any, ...], key: str, resolve: Resolver) -> str | None:
        if self.fallback is not None:
            return self.fallback.get(section, key, resolve)
        try:
            mapping, rest, _ = self._walk(section, resolve)
        except TextEditUnsupported:
            return None
        if rest or not isinstance(mapping, yaml.MappingNode):
            pending = self.pending.get(id(mapping))
            tree = pending.tree if pending else {}
            for part in rest:
                tree = tree.get(_key_text(part), {})
            value = tree.get(key)
            return value if isinstance(value, str) else None
        found = _find(mapping, key, resolve)
        if found is None:
            pending = self.pending.get(id(mapping))
            value = pending.tree.get(key) if pending else None
            return value if isinstance(value, str) else None
        node = found[1]
        if id(node) in self.replaced:
            return self.replaced[id(node)][1]
        if isinstance(node, yaml.ScalarNode):
            return None if _is_null(node) else node.value
        return "(một bảng khóa–giá trị)"

    def set(self, section: tuple[Any, ...], key: str, text: str, resolve: Resolver) -> None:
        self.assigned.append((section, key, text))
        self.resolve = resolve
        self._text = None
        if self.fallback is not None:
            self.fallback.set(section, key, text, resolve)
            return
        try:
            self._set_text(section, key, text, resolve)
        except TextEditUnsupported:
            self._fall_back()

    def _fall_back(self) -> _RoundTrip:
        self.fallback = _RoundTrip(self.path, self.original)
        for section, key, text in self.assigned:
            self.fallback.set(section, key, text, self.resolve)
        return self.fallback

    def _set_text(self, section: tuple[Any, ...], key: str, text: str, resolve: Resolver) -> None:
        mapping, rest, _ = self._walk(section, resolve)
        if not rest and isinstance(mapping, yaml.MappingNode) and (found := _find(mapping, key, resolve)):
            node = found[1]
            if not isinstance(node, yaml.ScalarNode):
                raise TextEditUnsupported
            self.replaced[id(node)] = (node, text, bool(mapping.flow_style))
            return
        pending = self.pending.get(id(mapping))
        if pending is None:
            pending = self._pending_under(mapping)
            self.pending[id(mapping)] = pending
        tree = pending.tree
        for part in rest:
            tree = tree.setdefault(_key_text(part), {})
        tree[key] = text

    def _pending_under(self, node: yaml.Node) -> _Pending:
        below = self._below_key(node)
        if below is not None:
            return below
        if not isinstance(node, yaml.MappingNode):  # the null value of "key:" (or "key: ~")
            return _Pending(node, node.start_mark.index, 0)
        if node.flow_style:
            last = node.value[-1][1].end_mark.index if node.value else node.start_mark.index + 1
            return _Pending(node, last, 0)
        return _Pending(node, self._insertion_point(node), _child_indent(node, self.step))

    def _below_key(self, node: yaml.Node) -> _Pending | None:
        """The empty value of a key of a block mapping (``indicators: {}``, ``tasks:``), which a new entry fills
        as block lines below the key, as every other entry of the file is written (not all on the key's line)."""
        empty = (isinstance(node, yaml.MappingNode) and node.flow_style and not node.value) or (
            isinstance(node, yaml.ScalarNode) and _is_null(node)
        )
        owner = self.owners.get(id(node))
        if not empty or owner is None or owner[1].flow_style:
            return None
        key = owner[0]
        text = self.original
        line_start = text.rfind("\n", 0, key.start_mark.index) + 1
        if text[line_start : key.start_mark.index].strip():  # the key is not first on its line (``- key: {}``)
            return None
        start = node.start_mark.index
        while start > key.end_mark.index and text[start - 1] in " \t":
            start -= 1
        if text[start - 1 : start] != ":" and start != node.start_mark.index:
            start = node.start_mark.index
        newline = text.find("\n", node.end_mark.index)
        position = len(text) if newline < 0 else newline + 1
        indent = key.start_mark.column + self.step
        return _Pending(node, position, indent, emptied=(start, node.end_mark.index))

    def _insertion_point(self, mapping: yaml.MappingNode) -> int:
        """Where lines after the last entry of ``mapping`` go: the start of the next line."""
        if not mapping.value:
            raise TextEditUnsupported
        last = mapping.value[-1][1]
        while isinstance(last, yaml.MappingNode | yaml.SequenceNode) and last.value and not last.flow_style:
            tail = last.value[-1]
            last = tail[1] if isinstance(last, yaml.MappingNode) else tail
        end: int = last.end_mark.index
        text = self.original
        if end > 0 and text[end - 1] == "\n":
            return end
        newline = text.find("\n", end)
        return len(text) if newline < 0 else newline + 1

    # ---------------------------------------------------------------- text

    def text(self) -> str:
        if self._text is None:
            self._text = self._render()
        return self._text

    def _render(self) -> str:
        if self.fallback is not None:
            return self.fallback.text()
        try:
            return self._spliced()
        except TextEditUnsupported:
            return self._fall_back().text()

    def use_round_trip(self) -> None:
        self._fall_back()
        self._text = None

    def reads_back(self, data: Any, resolve: Resolver) -> bool:
        """Whether ``data`` (plain data parsed from ``text()``) holds every value set, as given."""
        for section, key, value in _canonical(self.assigned):
            node = data
            for part in (*section, key):
                if not isinstance(node, dict):
                    return False
                written = next((k for k in node if _matches(k, part, resolve)), None)
                if written is None:
                    return False
                node = node[written]
            if node != unicodedata.normalize("NFC", value):
                return False
        return True

    def _spliced(self) -> str:
        text = self.original
        splices: list[tuple[int, int, int, str]] = []
        for node, value, flow in self.replaced.values():
            start, end = node.start_mark.index, node.end_mark.index
            rendered = render_scalar(value, flow=flow)
            if node.style in ("|", ">"):  # a block scalar: its lines give way to one, the line end after it stays
                end = start + len(text[start:end].rstrip())
                rendered += _header_comment(text, start)
            elif start == end:  # "key:" with no value (or "key" with no colon): the value goes after the key
                rendered = _empty_value_prefix(text, start) + rendered
            splices.append((start, _VALUE_FIRST, end, rendered))
        for pending in self.pending.values():
            if pending.inline:
                splices.append(_inline_splice(pending, text))
                continue
            if pending.emptied is not None:
                start, end = pending.emptied
                splices.append((start, _VALUE_FIRST, end, ""))
            newline = _newline_before(text, pending.position)
            lines = _lines(pending.tree, pending.indent, self.step, flow_entries=_entries_are_flow(pending.node))
            block = "".join(line + newline for line in lines)
            if pending.position == len(text) and text and not text.endswith("\n"):
                block = newline + block
            splices.append((pending.position, -pending.indent, pending.position, block))
        out: list[str] = []
        cursor = 0
        for start, _order, end, replacement in sorted(splices, key=lambda s: (s[0], s[1])):
            if start < cursor:
                raise TextEditUnsupported
            out += [text[cursor:start], replacement]
            cursor = end
        out.append(text[cursor:])
        return "".join(out)


def _canonical(assigned: list[tuple[tuple[Any, ...], str, str]]) -> list[tuple[tuple[Any, ...], str, str]]:
    """The last value set for each place (unit keys compared by the id written)."""
    last: dict[tuple[Any, ...], tuple[tuple[Any, ...], str, str]] = {}
    for section, key, value in assigned:
        last[(*section, key)] = (section, key, value)
    return list(last.values())


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic collection while nodes are built (they form no cycle; collecting costs more than parsing)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _is_null(node: yaml.ScalarNode) -> bool:
    return node.tag.endswith(":null") and not node.style


_Pair = tuple[yaml.Node, yaml.Node]
# Per mapping node: its entries by the key as written, and (built on the first unit look-up) by unit id.
_INDEX: weakref.WeakKeyDictionary[yaml.MappingNode, list[dict[str, _Pair] | None]] = weakref.WeakKeyDictionary()


def _find(mapping: yaml.MappingNode, key: Any, resolve: Resolver) -> _Pair | None:
    """The entry of ``mapping`` that ``key`` names (a unit key: under any alias); indexed, not scanned.

    A batch sets thousands of values in one file; scanning every mapping for every one was quadratic.
    """
    index = _INDEX.get(mapping)
    if index is None:
        written: dict[str, _Pair] = {}
        for key_node, value_node in mapping.value:
            if isinstance(key_node, yaml.ScalarNode):
                written.setdefault(key_node.value, (key_node, value_node))
        index = _INDEX[mapping] = [written, None]
    wanted = _key_text(key)
    exact = index[0]
    assert exact is not None
    found = exact.get(wanted)
    if found is not None or not hasattr(key, "unit_id"):
        return found
    by_unit = index[1]
    if by_unit is None:
        by_unit = {}
        for text, pair in exact.items():
            unit_id = resolve(text)
            if unit_id is not None:
                by_unit.setdefault(unit_id, pair)
        index[1] = by_unit
    return by_unit.get(wanted)


def _child_indent(mapping: yaml.MappingNode, step: int) -> int:
    return mapping.value[0][0].start_mark.column if mapping.value else step


def _indent_step(root: yaml.MappingNode) -> int:
    """The document's indentation step: the first nested block mapping's, else 2."""
    for _key, value in root.value:
        if isinstance(value, yaml.MappingNode) and value.value and not value.flow_style:
            step: int = value.value[0][0].start_mark.column - root.value[0][0].start_mark.column
            return max(1, step)
    return 2


def _newline_before(text: str, position: int) -> str:
    if position >= 2 and text[position - 2 : position] == "\r\n":
        return "\r\n"
    if position >= 1 and text[position - 1] == "\n":
        return "\n"
    return "\r\n" if "\r\n" in text else "\n"


def _entries_are_flow(mapping: yaml.Node) -> bool:
    """Whether the last entry of a block mapping is a ``{...}`` (``xa_mh_07: {numerator: …}``): new ones follow suit."""
    if not isinstance(mapping, yaml.MappingNode) or not mapping.value:
        return False
    last = mapping.value[-1][1]
    return isinstance(last, yaml.MappingNode) and bool(last.flow_style)


def _inline_splice(pending: _Pending, text: str) -> tuple[int, int, int, str]:
    """New keys written in flow style: into ``{...}`` after its last entry, or as the value of ``key:``."""
    items = _flow_items(pending.tree)
    node = pending.node
    if isinstance(node, yaml.MappingNode):
        return pending.position, 0, pending.position, (", " if node.value else "") + items
    start, end = node.start_mark.index, node.end_mark.index
    return start, _VALUE_FIRST, end, (_empty_value_prefix(text, start) if start == end else "") + "{" + items + "}"


_VALUE_FIRST = -(10**9)
"""Sort order of a value put in place: before new lines inserted at the same point (the end of a file)."""


def _empty_value_prefix(text: str, index: int) -> str:
    """What goes before a value written where there was none: ``" "`` after ``key:``, ``": "`` after a bare ``key``
    (``{value: 1, note}``, ``? key``)."""
    before = index
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return " " if before > 0 and text[before - 1] == ":" else ": "


_HEADER_COMMENT = re.compile(r"[ \t]+#[^\r\n]*")


def _header_comment(text: str, start: int) -> str:
    """The comment on the header line of a block scalar (``note: |+ # giữ``), kept after the value replacing it."""
    line_end = text.find("\n", start)
    header = text[start : len(text) if line_end < 0 else line_end]
    found = _HEADER_COMMENT.search(header)
    return found.group().rstrip("\r") if found else ""


def _flow_items(tree: dict[str, Any]) -> str:
    parts = []
    for key, value in tree.items():
        shown = "{" + _flow_items(value) + "}" if isinstance(value, dict) else render_scalar(value, flow=True)
        parts.append(f"{render_scalar(key, is_key=True, flow=True)}: {shown}")
    return ", ".join(parts)


def _lines(tree: dict[str, Any], indent: int, step: int, *, flow_entries: bool = False) -> list[str]:
    """Block lines for ``tree``; with ``flow_entries``, each entry that is a mapping of scalars on one line as ``{...}``."""
    lines = []
    for key, value in tree.items():
        prefix = " " * indent + render_scalar(key, is_key=True) + ":"
        if isinstance(value, dict) and flow_entries and not any(isinstance(v, dict) for v in value.values()):
            lines.append(f"{prefix} {{{_flow_items(value)}}}")
        elif isinstance(value, dict):
            lines.append(prefix)
            lines += _lines(value, indent + step, step)
        else:
            lines.append(f"{prefix} {render_scalar(value)}")
    return lines


# ------------------------------------------------------------- round trip


class _RoundTrip:
    """The same edits through ruamel.yaml's round-trip mode (comments and key order kept)."""

    def __init__(self, path: Path, text: str):
        from ruamel.yaml.comments import CommentedMap

        self.path = path
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.doc = _ruamel().load(text.replace("\r\n", "\n"))
        if not isinstance(self.doc, CommentedMap):
            raise InputError(f"{path.as_posix()}: tệp số liệu phải là một bảng khóa–giá trị; chạy 'kh68 check'")

    def _section(self, section: tuple[Any, ...], resolve: Resolver, create: bool) -> Any:
        from ruamel.yaml.comments import CommentedMap

        node = self.doc
        for depth, key in enumerate(section):
            written = next((k for k in node if isinstance(k, str) and _matches(k, key, resolve)), None)
            if written is None or node.get(written) is None:
                if not create:
                    return None
                written = written if written is not None else _ruamel_key(_key_text(key))
                node[written] = CommentedMap()
            node = node[written]
            if not isinstance(node, CommentedMap):
                where = ".".join(_key_text(k) for k in section[: depth + 1])
                raise InputError(f"{self.path.as_posix()}: '{where}' phải là một bảng khóa–giá trị; chạy 'kh68 check'")
        return node

    def get(self, section: tuple[Any, ...], key: str, resolve: Resolver) -> str | None:
        node = self._section(section, resolve, create=False)
        value = None if node is None else node.get(key)
        return None if value is None else str(value)

    def set(self, section: tuple[Any, ...], key: str, text: str, resolve: Resolver) -> None:
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        node = self._section(section, resolve, create=True)
        node[key] = text if render_scalar(text) == text else DoubleQuotedScalarString(text)

    def text(self) -> str:
        out = io.StringIO()
        _ruamel().dump(self.doc, out)
        return out.getvalue().replace("\n", self.newline)


def _ruamel_key(key: str) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(key) if key[:1].isdigit() or key.lower() in _OTHER_TOOLS_BOOLEANS else key


def _ruamel() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver
    from ruamel.yaml.tag import Tag

    class TextResolver(VersionedResolver):
        """Keep plain scalars as text, like the plan loader does (only ``null`` is null)."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode and implicit[0]:
                if value in _NULLS:
                    return Tag(suffix="tag:yaml.org,2002:null")
                return self.DEFAULT_SCALAR_TAG
            return super().resolve(kind, value, implicit)

    parser = YAML(typ="rt")
    parser.Resolver = TextResolver
    parser.preserve_quotes = True
    parser.width = 4096
    parser.indent(mapping=2, sequence=4, offset=2)
    return parser
