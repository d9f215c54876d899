"""Write measured values and task progress into data files without losing anything.

Edits go through ruamel.yaml's round-trip mode, so comments, key order and
the formatting of untouched entries stay byte-for-byte. Every edit is checked
with the whole plan before it is written, and written atomically.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tag import Tag

from kh68.errors import InputError, PlanInvalid, Severity, UsageError
from kh68.files import atomic_write
from kh68.reading.load import DATA_DIR, check_data_text, check_plan
from kh68.reading.plan import Plan
from kh68.vnformat import format_number, parse_decimal


class _TextResolver(VersionedResolver):
    """Keep plain scalars as text, like the plan loader does (only ``null`` is null)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            if value in ("", "~", "null", "Null", "NULL"):
                return Tag(suffix="tag:yaml.org,2002:null")
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _TextResolver
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


@dataclass(frozen=True)
class Outcome:
    path: Path
    changed: bool
    created: bool


class _Edit:
    """One data file of one year, loaded for editing."""

    def __init__(self, plan: Plan, year: int):
        self.plan = plan
        self.path = plan.root / DATA_DIR / f"{year}.yaml"
        self.created = not self.path.exists()
        self.original: bytes | None = None
        self.bom, self.newline = False, "\n"
        if self.created:
            text = _new_file(year, plan.meta.synthetic)
        else:
            self.original = self.path.read_bytes()
            self.bom = self.original.startswith(codecs.BOM_UTF8)
            text = self.original.decode("utf-8-sig")
            self.newline = "\r\n" if "\r\n" in text else "\n"
        try:
            self.doc = _yaml().load(text.replace("\r\n", "\n"))
        except (YAMLError, UnicodeError):
            raise InputError(
                f"{self.path.as_posix()}: tệp số liệu không đọc được; chạy 'kh68 check' để xem lỗi"
            ) from None
        if not isinstance(self.doc, CommentedMap):
            raise InputError(f"{self.path.as_posix()}: tệp số liệu phải là một bảng khóa–giá trị; chạy 'kh68 check'")

    def section(self, *keys: str) -> CommentedMap:
        node = self.doc
        for depth, key in enumerate(keys, 1):
            if node.get(key) is None:
                node[_key(key)] = CommentedMap()
            node = node[key]
            if not isinstance(node, CommentedMap):
                where = ".".join(keys[:depth])
                raise InputError(f"{self.path.as_posix()}: '{where}' phải là một bảng khóa–giá trị; chạy 'kh68 check'")
        return node

    def text(self) -> str:
        """The edited file, with the original's BOM and line ends."""
        out = io.StringIO()
        _yaml().dump(self.doc, out)
        text = out.getvalue().replace("\n", self.newline)
        return ("\ufeff" if self.bom else "") + text

    def commit(self) -> Outcome:
        text = self.text()
        new = text.encode("utf-8")
        if self.original is not None and new == self.original:
            return Outcome(self.path, changed=False, created=False)
        problems = check_data_text(self.plan, self.path, text)
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            raise PlanInvalid(errors, f"thay đổi bị từ chối vì các lỗi trên; {self.path.as_posix()} giữ nguyên")
        atomic_write(self.path, new)
        return Outcome(self.path, changed=True, created=self.created)


def plan_for_edit(root: Path, year: int) -> Plan:
    """The plan to edit ``year``'s data against.

    When the only errors are in that year's data file, the plan is loaded
    without it, so that ``record --force`` can repair a wrong value; the edit
    is then checked, with the whole file, before anything is written.
    """
    plan, problems = check_plan(root)
    if plan is not None:
        return plan
    path = root / DATA_DIR / f"{year}.yaml"
    if path.exists():
        plan, _ = check_plan(root, overrides={path: f"year: {year}\n"})
    if plan is None:
        raise PlanInvalid(problems)
    return plan


def _new_file(year: int, synthetic: bool) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/data.schema.json",
        f"# Số liệu và tiến độ năm {year} — ghi bằng 'kh68 record' / 'kh68 progress' hoặc sửa tay.",
    ]
    if synthetic:
        lines.append("# SỐ LIỆU MINH HỌA (không có thật).")
    lines.append(f"year: {year}")
    if synthetic:
        lines.append("synthetic: true")
    return "\n".join(lines) + "\n"


def _key(key: str) -> Any:
    """Quote keys that an editor would read as numbers (``"6.10"``)."""
    return DoubleQuotedScalarString(key) if key[:1].isdigit() else key


def _same(old: Any, new: str) -> bool:
    """Equal as numbers when both are numbers (``99,5`` is ``99.5``), else as text."""
    try:
        return parse_decimal(str(old)) == parse_decimal(new)
    except ValueError:
        return str(old) == new


def _shown(text: Any) -> str:
    try:
        return format_number(parse_decimal(str(text)), 6)
    except ValueError:
        return str(text)


def _set(entry: CommentedMap, key: str, value: str, force: bool, what: str) -> None:
    """Set ``entry[key]``; an existing different value needs ``force``."""
    old = entry.get(key)
    if old is None or not _same(old, value):
        if old is not None and not force:
            raise InputError(f"{what} đã có {key} = {_shown(old)}; dùng --force để ghi đè bằng {_shown(value)}")
        entry[key] = value


def _number_text(value: float) -> str:
    """A number as plain YAML text with a decimal point (``99.5``, ``100``)."""
    return format_number(value, 6).replace(".", "").replace(",", ".")


def record_value(
    plan: Plan,
    indicator_id: str,
    year: int,
    *,
    value: float | None = None,
    by: str | None = None,
    numerator: int | None = None,
    denominator: int | None = None,
    met: bool | None = None,
    source: str | None = None,
    note: str | None = None,
    force: bool = False,
) -> Outcome:
    """Record a value of ``indicator_id`` for ``year`` (province-wide, or for unit ``by``)."""
    indicator = plan.indicator(indicator_id)
    if indicator is None:
        known = ", ".join(i.id for i in plan.indicators)
        raise InputError(f"không có chỉ tiêu '{indicator_id}' (các mã: {known})")
    plan.require_year(year)
    fields = _value_fields(value, numerator, denominator, met)
    edit = _Edit(plan, year)
    entry = edit.section("indicators", indicator_id)
    what = f"chỉ tiêu {indicator_id} năm {year}"
    if by is not None:
        unit_id = plan.require_unit(by)
        entry = edit.section("indicators", indicator_id, "by_unit", unit_id)
        what += f" của {unit_id}"
    for key, text in fields.items():
        _set(entry, key, text, force, what)
    if source is not None:
        _set(edit.section("indicators", indicator_id, "source"), "document", source, force, what)
    if note is not None:
        _set(entry, "note", note, force, what)
    return edit.commit()


def _value_fields(value: float | None, numerator: int | None, denominator: int | None, met: bool | None) -> dict:
    given = [value is not None, numerator is not None or denominator is not None, met is not None]
    if sum(given) != 1:
        raise UsageError("cần đúng một trong: --value, --numerator/--denominator, --met/--not-met")
    if given[1]:
        if numerator is None or denominator is None:
            raise UsageError("--numerator và --denominator phải đi cùng nhau")
        return {"numerator": str(numerator), "denominator": str(denominator)}
    if given[2]:
        return {"met": "true" if met else "false"}
    return {"value": _number_text(value)}


def record_progress(
    plan: Plan,
    task_id: str,
    year: int,
    unit: str,
    *,
    state: str,
    on: date | None = None,
    texts: dict[str, str | None],
    force: bool = False,
) -> Outcome:
    """Record ``unit``'s progress on ``task_id`` in ``year``."""
    if plan.task(task_id) is None:
        known = ", ".join(t.id for t in plan.tasks)
        raise InputError(f"không có nhiệm vụ '{task_id}' (các mã: {known})")
    plan.require_year(year)
    unit_id = plan.require_unit(unit)
    edit = _Edit(plan, year)
    entry = edit.section("tasks", task_id, unit_id)
    what = f"nhiệm vụ {task_id} năm {year} của {unit_id}"
    _set(entry, "state", state, force, what)
    if on is not None:
        _set(entry, "date", on.isoformat(), force, what)
    for key, text in texts.items():
        if text is not None:
            _set(entry, key, text, force, what)
    return edit.commit()
