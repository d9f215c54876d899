"""Turn pydantic validation errors into positioned Vietnamese problems."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kh68.core.errors import Problem, error
from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number
from kh68.reading.fastpath import without_fast_path
from kh68.reading.ruledoc import KEY_UNKNOWN, READ_RULE_BY_ID, SCHEMA, RuleDoc, RuleValueError
from kh68.reading.source import Document

_MAPPING = "cần một bảng khóa–giá trị (mapping), không phải danh sách hay giá trị đơn"
_DATE = "cần một ngày dạng 2025-03-15 hoặc 15/3/2025"
_MESSAGES = {
    "missing": "thiếu trường bắt buộc '{field}'",
    "string_type": "cần một chuỗi văn bản",
    "string_unicode": "cần một chuỗi văn bản",
    "string_not_ascii": "chỉ được dùng chữ không dấu",
    "int_parsing": "cần một số nguyên",
    "int_parsing_size": "số quá lớn",
    "int_type": "cần một số nguyên",
    "int_from_float": "cần một số nguyên",
    "float_parsing": "cần một số",
    "float_type": "cần một số",
    "finite_number": "cần một số hữu hạn",
    "bool_parsing": "cần true hoặc false",
    "bool_type": "cần true hoặc false",
    "dict_type": _MAPPING,
    "mapping_type": _MAPPING,
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dataclass_type": _MAPPING,
    "list_type": "cần một danh sách",
    "tuple_type": "cần một danh sách",
    "set_type": "cần một danh sách",
    "iterable_type": "cần một danh sách",
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "date_parsing": _DATE,
    "date_type": _DATE,
    "datetime_parsing": _DATE,
    "datetime_type": _DATE,
    "none_required": "phải để trống",
    "string_too_short": "không được để trống",
    "string_too_long": "quá dài: tối đa {max_length} ký tự",
    "too_short": "cần ít nhất {min_length} mục",
    "too_long": "nhiều nhất {max_length} mục",
    "string_pattern_mismatch": "mã chỉ gồm chữ thường không dấu, chữ số và '_', bắt đầu bằng chữ (ví dụ phong_ke_hoach)",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than": "phải nhỏ hơn {lt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "multiple_of": "phải là bội số của {multiple_of}",
    "frozen_field": "không được sửa",
    "frozen_instance": "không được sửa",
}
# Every other kind of error pydantic may give (none of which kh68's models should meet) is still said in Vietnamese.
_OTHER = "giá trị {value} không hợp lệ ở đây"


SUGGESTIONS_PER_FILE = 100
"""Unknown keys of one file for which a close spelling is sought; past them, the key alone is named.

Seeking one is a fuzzy comparison with every valid key: a file of a million
unknown keys would spend minutes on suggestions nobody reads.
"""


def problems_from(exc: ValidationError, doc: Document, model: type[BaseModel]) -> list[Problem]:
    messages = _Messages(model)
    path = str(doc.path)  # one string shared by every problem of the file
    problems = []
    for err in without_fast_path(exc.errors(include_url=False)):
        loc = err["loc"]
        is_key = err["type"] == "extra_forbidden"
        shown = loc
        if "[key]" in loc:  # a dict key itself is wrong
            loc, is_key = tuple(part for part in loc if part != "[key]"), True
            # The key's own error is about the key: it is not named as if it were a field.
            shown = loc if err["type"] == "extra_forbidden" else (*loc[:-1], "")
        line, column = doc.position(loc, key=is_key)
        problems.append(error(path, line, column, messages.message(err, shown), _rule(err).id))
    return problems


def _rule(err: ErrorDetails) -> RuleDoc:
    """The rule a validation error breaks: an unknown key, a validator's own rule, or the schema."""
    if err["type"] == "extra_forbidden":
        return KEY_UNKNOWN
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, RuleValueError):
        return cause.rule
    return READ_RULE_BY_ID.get(getattr(cause, "rule_id", ""), SCHEMA)


class _Messages:
    """The Vietnamese message of each validation error of one file."""

    def __init__(self, model: type[BaseModel]):
        self.model = model
        self.suggestions_left = SUGGESTIONS_PER_FILE
        self.fields: dict[tuple[str | int, ...], list[str]] = {}

    def message(self, err: ErrorDetails, loc: tuple[str | int, ...]) -> str:
        if err["type"] != "extra_forbidden":
            return _message(err, loc)
        parent = loc[:-1]
        if parent not in self.fields:
            self.fields[parent] = _fields_at(self.model, parent)
        self.suggestions_left -= 1
        return _unknown_key(str(loc[-1]), self.fields[parent], suggest=self.suggestions_left >= 0)


def _message(err: ErrorDetails, loc: tuple[str | int, ...]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    if kind in ("value_error", "assertion_error"):
        # kh68's own validators raise Vietnamese messages; without one, the Vietnamese words for any error.
        said = str(ctx["error"]) if "error" in ctx else _OTHER.format(value=excerpt(err.get("input")))
        return _with_field(name, said)
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")  # pydantic joins the last choice with "or"
        return _with_field(name, f"giá trị {excerpt(err.get('input'))} không hợp lệ; chọn một trong: {expected}")
    if kind in ("too_short", "too_long") and isinstance(err.get("input"), str):
        kind = f"string_{kind}"  # a text whose length a validator checks after trimming it: characters, not items
    template = _MESSAGES.get(kind)
    if template is None:
        return _with_field(name, _OTHER.format(value=excerpt(err.get("input"))))
    try:
        # A length as Vietnamese write it (5.000 ký tự); other bounds as they are (a year: 2025, not 2.025).
        lengths = {k: format_number(v, 0) for k, v in ctx.items() if k in ("max_length", "min_length")}
        text = template.format(field=name, **(ctx | lengths))
    except (KeyError, IndexError):  # a context pydantic did not give: the message without its number
        text = _OTHER.format(value=excerpt(err.get("input")))
    return _with_field(name if kind != "missing" else "", text)


def _with_field(name: str, message: str) -> str:
    return f"{name}: {message}" if name and not name.isdigit() else message


def _unknown_key(key: str, fields: list[str], *, suggest: bool) -> str:
    message = f"khóa không hợp lệ {excerpt(key)}"
    if key.isascii() and key.isdigit():
        # "{value: 99,55}": in a flow mapping the decimal comma starts a new key "55".
        return (
            f"{message}: trong {{...}} dấu phẩy ngăn cách các khóa — nếu đây là phần thập phân của một số, "
            'hãy đặt số trong dấu nháy ("99,55") hoặc viết bằng dấu chấm (99.55)'
        )
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6) if suggest and len(key) <= 200 else []
    if close:
        return f"{message} (có phải ý bạn là '{close[0]}'?)"
    if fields:
        return f"{message}; các khóa hợp lệ: {', '.join(fields)}"
    return message


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Field names of the model found at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap_model(current)
    return list(current.model_fields) if current else []


def _step(annotation: Any, part: str | int) -> Any:
    model = _unwrap_model(annotation)
    if model is not None and isinstance(part, str) and part in model.model_fields:
        return model.model_fields[part].annotation
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return next((r for a in args if (r := _step(a, part)) is not None), None)
    if origin is typing.Annotated:
        return _step(args[0], part)
    if origin is list and isinstance(part, int):
        return args[0]
    if origin is dict:
        return args[1]
    return None


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _unwrap_model(arg)
            if found is not None:
                return found
    return None
