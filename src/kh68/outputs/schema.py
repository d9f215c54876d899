"""JSON Schemas of the plan files, generated from the pydantic models.

``kh68 schema`` writes one schema per file kind of ``kh68.reading.models.FILE_MODELS``
(draft-07, the draft every YAML editor understands); the plan files point at
them with a ``# yaml-language-server: $schema=…`` line, so editors give
completion, hover help (the Vietnamese titles and descriptions of the models)
and error marks.

The loader (``kh68.reading.source``) keeps every YAML scalar as text and lets
pydantic convert it, whereas an editor sees YAML 1.2 types: ``99.5`` is a
number, ``99,5`` and ``2025-03-15`` are strings, ``true`` is a boolean. So the
schemas are widened to accept every spelling the loader accepts:

* a number may be a YAML number or a string of digits (``99,5``, ``1.234,5``);
* a whole number may be a YAML integer or a string of digits, and a count
  any YAML number (``2.140`` is the count 2140 written with a thousands dot);
* a date is a string ``2025-03-15`` or ``15/3/2025``;
* free text may be any scalar (``id: 1.1`` is read as the text ``1.1``);
* a single unit may be written without a list; a target or a deadline may be
  written as a bare scalar (``"2025": 99,5``, ``deadline: 15/12``).

Where a pattern cannot say exactly what the loader accepts it says a little
more: the schema never marks as wrong what ``kh68 check`` accepts, and
``kh68 check`` remains the judge (with file:line:column).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from kh68 import vocab
from kh68.core.errors import UsageError
from kh68.core.files import atomic_write, guard_output, guard_output_dir
from kh68.kinds.verdict import Direction, TaskState
from kh68.reading import models
from kh68.reading.enums import Basis, BreakKind, DutyKind, InYear, UnitKind
from kh68.reading.fastpath import checked

DRAFT = "http://json-schema.org/draft-07/schema#"
REF_TEMPLATE = "#/definitions/{model}"

# Titles of the types themselves (a field's own title wins where both exist).
TYPE_TITLES: dict[str, str] = {
    "PlanMeta": "Tệp plan.yaml — thông tin chung của kế hoạch",
    "UnitsFile": "Tệp units.yaml — các đơn vị",
    "IndicatorsFile": "Tệp indicators.yaml — các chỉ tiêu chủ yếu",
    "TasksFile": "Tệp tasks.yaml — nội dung, nhiệm vụ và giải pháp",
    "YearData": "Tệp data/<năm>.yaml — số liệu và tiến độ một năm",
    "LegalBasis": "Văn bản căn cứ",
    "Clause": "Mục của kế hoạch",
    "DutyDeadline": "Hạn báo cáo",
    "Rhythm": "Kỳ báo cáo",
    "Duty": "Nhiệm vụ báo cáo",
    "Period": "Thời kỳ kế hoạch",
    "Thresholds": "Ngưỡng đánh giá tiến độ",
    "Judging": "Cách đánh giá chỉ tiêu",
    "RuleLevel": "Mức của quy tắc kiểm tra",
    "Signer": "Người ký báo cáo",
    "UnitHeader": "Tiêu đề văn bản của đơn vị",
    "Note": "Ghi chú",
    "Unit": "Đơn vị",
    "Target": "Chỉ tiêu của một năm",
    "Indicator": "Chỉ tiêu",
    "Task": "Nhiệm vụ",
    "TaskTiming": "Thời gian thực hiện của nhiệm vụ",
    "TaskTarget": "Chỉ tiêu ghi trong nhiệm vụ",
    "TaskGroup": "Nhóm nhiệm vụ",
    "Source": "Nguồn số liệu",
    "UnitValue": "Số liệu của một đơn vị",
    "Measurement": "Số liệu của một chỉ tiêu",
    "Progress": "Tiến độ do một đơn vị báo cáo",
    "FormReceipt": "Biểu mẫu đã nhận của một đơn vị",
    "DateSource": "Nguồn của ngày báo cáo",
    "TaskState": "Trạng thái",
    "BreakKind": "Loại điểm gãy",
    "SeriesBreak": "Điểm gãy chuỗi số liệu",
    "SectionItem": "Mục của phần Tổ chức thực hiện",
    "Typo": "Lỗi đánh máy của văn bản",
    "UnitKind": "Loại đơn vị",
    "Successor": "Đơn vị kế thừa",
    "Reporters": "Đơn vị báo cáo số liệu",
    "YearReport": "Lời văn của báo cáo năm",
    "CitedDocument": "Văn bản được trích dẫn",
    "SentReport": "Báo cáo đã gửi",
    "Assessment": "Đánh giá chung",
    "Direction": "Chiều tốt",
    "Basis": "Cách tính",
    "InYear": "Số liệu trong năm",
    "DutyKind": "Loại nhiệm vụ báo cáo",
}

_ENUM_WORDS: dict[type, dict[Any, str]] = {
    TaskState: dict(vocab.TASK_STATE_LABELS),
    Direction: dict(vocab.DIRECTION_LABELS),
    Basis: dict(vocab.BASIS_LABELS),
    InYear: dict(vocab.IN_YEAR_LABELS),
    DutyKind: dict(vocab.DUTY_KIND_LABELS),
    UnitKind: dict(vocab.UNIT_KIND_LABELS),
    BreakKind: dict(vocab.BREAK_KIND_LABELS),
    models.DateSource: {
        models.DateSource.FORM: "ngày gửi ghi trên biểu mẫu",
        models.DateSource.RECEIVED: "ngày nhận (biểu mẫu không ghi ngày gửi)",
    },
}

_WS = r"[\s\u00a0]*"
# Supersets of what kh68.core.vnformat accepts (see the module docstring).
DECIMAL_TEXT = rf"^{_WS}[+-]?[\d\s\u00a0.,]*\d{_WS}$"
COUNT_TEXT = rf"^{_WS}\d[\d\s\u00a0.,]*$"
INT_TEXT = r"^\s*-?[0-9]+\s*$"
FLOAT_TEXT = r"^\s*[+-]?([\d_]+(\.[\d_]*)?|\.[\d_]+)([eE][+-]?\d+)?\s*$"
DATE_TEXT = r"^\s*(\d{1,2}/\d{1,2}/\d{4}|\d{4}-?\d{2}-?\d{2}|\d{4}-?W\d{2}(-?\d)?)\s*$"
DAY_MONTH_TEXT = r"^\s*\d+/\d+\s*$"
YEAR_KEY = r"^\s*[+-]?\d+\s*$"
PERIOD_TEXT = r"^\s*[0-9]{4}(-([Hh][12]|[Qq][1-4]|0[1-9]|1[0-2]))?\s*$"
_BOOL_WORDS = ("true", "false", "yes", "no", "on", "off", "y", "n", "t", "f", "1", "0")


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


BOOL_TEXT = "^(" + "|".join(_any_case(w) for w in _BOOL_WORDS) + ")$"
SCALAR_TEXT: JsonSchemaValue = {"type": ["string", "number", "boolean"]}


def _either(*alternatives: JsonSchemaValue) -> JsonSchemaValue:
    return {"anyOf": list(alternatives)}


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, widened to what the text-keeping loader accepts."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        json_schema = super().str_schema(schema)
        if "pattern" in json_schema or "format" in json_schema:
            return json_schema
        return {**SCALAR_TEXT, **{k: v for k, v in json_schema.items() if k != "type"}}

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        return _either(super().int_schema(schema), {"type": "string", "pattern": INT_TEXT})

    def float_schema(self, schema: core_schema.FloatSchema) -> JsonSchemaValue:
        return _either(super().float_schema(schema), {"type": "string", "pattern": FLOAT_TEXT})

    def bool_schema(self, schema: core_schema.BoolSchema) -> JsonSchemaValue:
        return _either({"type": "boolean"}, {"enum": [0, 1]}, {"type": "string", "pattern": BOOL_TEXT})

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string", "pattern": DATE_TEXT}

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        json_schema = super().dict_schema(schema)
        json_schema.pop("propertyNames", None)
        keys: Any = schema.get("keys_schema", {})
        while keys.get("type", "").startswith("function-"):  # a year key: Year's validators around an int
            keys = keys["schema"]
        if keys.get("type") == "int":
            json_schema["propertyNames"] = {"pattern": YEAR_KEY}
        return json_schema

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        func = schema["function"]["function"]
        if func is models._decimal:
            return _either({"type": "number"}, {"type": "string", "pattern": DECIMAL_TEXT})
        if func is models._count:
            # A YAML number, not only an integer: the loader reads ``2.140`` as 2140.
            return _either({"type": "number"}, {"type": "string", "pattern": COUNT_TEXT})
        if func is models._date:
            return {"type": "string", "pattern": DATE_TEXT}
        if func is models._whole:
            return self.generate_inner(schema["schema"])
        if func is models._list:
            inner = self.generate_inner(schema["schema"])
            return _either(inner, inner["items"])
        if func is models._period_key:
            return {"type": ["string", "number"], "pattern": PERIOD_TEXT}
        if func is models._text or func in _MODEL_TEXT_FORMS or func in _SHAPE_KEEPING:
            return super().function_before_schema(schema)
        raise UsageError(f"kh68 schema: chưa biết cách mô tả bộ chuyển đổi {func!r} của models.py")

    def union_schema(self, schema: core_schema.UnionSchema) -> JsonSchemaValue:
        full = checked(schema)  # a value with a fast path: described by its full validator
        return super().union_schema(schema) if full is None else self.generate_inner(full)

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        json_schema = super().enum_schema(schema)
        words: dict[Any, str] | None = _ENUM_WORDS.get(schema["cls"])
        if words is not None:
            json_schema["description"] = "; ".join(f"{member.value}: {label}" for member, label in words.items())
            json_schema["enumDescriptions"] = list(words.values())
        return json_schema

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        text_form = _MODEL_TEXT_FORMS.get(_model_validator_of(schema["cls"]))
        if text_form is None:
            return json_schema
        outer: dict[str, Any] = {k: json_schema.pop(k) for k in ("title", "description") if k in json_schema}
        return {**outer, "anyOf": [json_schema, text_form]}


def _model_validator_of(cls: type[BaseModel]) -> Any:
    """The ``mode="before"`` model validator of ``cls`` (as pydantic calls it), if any."""
    for decorator in cls.__pydantic_decorators__.model_validators.values():
        if decorator.info.mode == "before":
            return getattr(cls, decorator.cls_var_name)
    return None


# Model before-validators that only fill in a field from another (the shape the editor sees is the model's).
_SHAPE_KEEPING: set[Any] = {models.YearData._year_of_period}

# Models whose before-validator reads a bare scalar, and which scalars it reads.
_MODEL_TEXT_FORMS: dict[Any, JsonSchemaValue] = {
    models.DutyDeadline._from_text: {"anyOf": [{"type": "string"}, {"type": "object"}]},
    # The words of a target are read by the kinds of kh68.kinds.targets: no pattern says them all.
    models.Target._from_text: {"type": ["string", "number", "boolean"]},
    models.Successor._from_text: {"type": "string"},
    models.TaskTiming._from_text: {"type": "string"},
    models.Reporters._from_list: {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
}


def _draft7(node: Any) -> Any:
    """``$ref`` with siblings is ignored in draft-07: move the ref into ``allOf``."""
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {k: _draft7(v) if k not in ("default", "enum", "examples") else v for k, v in node.items()}
    if "$ref" in node and len(node) > 1:
        ref = node.pop("$ref")
        node = {**node, "allOf": [{"$ref": ref}]}
    return node


def _titles(json_schema: dict[str, Any]) -> None:
    for name, definition in json_schema.get("definitions", {}).items():
        if name not in TYPE_TITLES:
            raise UsageError(f"kh68 schema: thiếu tiêu đề tiếng Việt cho kiểu '{name}' (TYPE_TITLES trong schema.py)")
        definition["title"] = TYPE_TITLES[name]
        definition.setdefault("description", TYPE_TITLES[name])


def file_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one plan file kind (a key of ``FILE_MODELS``)."""
    model = models.FILE_MODELS[kind]
    generated = model.model_json_schema(ref_template=REF_TEMPLATE, schema_generator=_Generator, mode="validation")
    generated["definitions"] = generated.pop("$defs", {})
    _titles(generated)
    if not generated["definitions"]:
        del generated["definitions"]
    body = {k: v for k, v in generated.items() if k not in ("title", "description")}
    schema: dict[str, Any] = _draft7(
        {
            "$schema": DRAFT,
            "$comment": "Sinh tự động bởi 'kh68 schema' từ kh68/models.py; không sửa tay.",
            "title": TYPE_TITLES[model.__name__],
            "description": generated.get("description") or TYPE_TITLES[model.__name__],
            **body,
        }
    )
    return schema


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


@functools.cache
def render(kind: str) -> str:
    """The schema text of a file kind: the models do not change while kh68 runs, so it is made once."""
    return json.dumps(file_schema(kind), ensure_ascii=False, indent=2) + "\n"


def all_schemas() -> dict[str, str]:
    """File name → text of every schema, in ``FILE_MODELS`` order."""
    return {schema_file_name(kind): render(kind) for kind in models.FILE_MODELS}


def write_schemas(out: Path, plan_root: Path | None = None) -> list[Path]:
    """Write every schema into ``out`` (created if needed); return the paths written.

    Every target is checked first (``guard_output``: not a plan file, not a
    directory, FIFO or device), so a refusal writes nothing.
    """
    guard_output_dir(out)
    texts = {out / name: text for name, text in all_schemas().items()}
    for path in texts:
        guard_output(path, plan_root)
    out.mkdir(parents=True, exist_ok=True)
    for path, text in texts.items():
        atomic_write(path, text.encode("utf-8"))
    return list(texts)


def kind_of(path: Path) -> str | None:
    """The file kind of a plan file by its place in the plan directory, if any."""
    if path.parent.name == "data" and re.fullmatch(r"\d{4}\.ya?ml", path.name):
        return "data"
    stem = path.name.rsplit(".", 1)[0]
    return stem if stem in models.FILE_MODELS and stem != "data" and path.suffix in (".yaml", ".yml") else None
