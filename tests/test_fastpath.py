"""kh68.reading.fastpath: plain digits read without Python; anything else by the full validator, which alone speaks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError

from kh68.core.vnformat import MAX_DIGITS
from kh68.lint.check import check_plan
from kh68.outputs.schema import _Generator
from kh68.reading import models
from kh68.reading.fastpath import FastPath, digits, without_fast_path

CALLS: list[Any] = []


def _spy(value: Any) -> Any:
    CALLS.append(value)
    return models._count(value)


Spied = Annotated[int, BeforeValidator(_spy), Field(ge=0), FastPath(digits(MAX_DIGITS))]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    numerator: Spied | None = None
    denominator: Spied | None = None


def _errors(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str, str]]:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(dict[str, _Entry]).validate_python(data)
    return [(e["loc"], e["type"], e["msg"]) for e in without_fast_path(caught.value.errors(include_url=False))]


def test_plain_digits_never_call_the_full_validator() -> None:
    CALLS.clear()
    read = TypeAdapter(dict[str, _Entry]).validate_python({"a": {"numerator": "0700", "denominator": "9" * MAX_DIGITS}})
    assert (read["a"].numerator, read["a"].denominator) == (700, int("9" * MAX_DIGITS))
    assert CALLS == []


@pytest.mark.parametrize(
    ("written", "read"), [("2.140", 2140), (" 12 ", 12), (7, 7), ("7.000", 7000), ("9" * MAX_DIGITS + "0", None)]
)
def test_anything_else_goes_to_the_full_validator(written: Any, read: int | None) -> None:
    CALLS.clear()
    if read is None:  # one digit too many for the fast path: the full validator's own refusal
        assert _errors({"a": {"numerator": written}}) == [
            (
                ("a", "numerator"),
                "value_error",
                f"Value error, '{written}' có quá 15 chữ số: quá lớn hoặc quá dài để so sánh chính xác",
            )
        ]
    else:
        assert _Entry(numerator=written).numerator == read
    assert [written] == CALLS


def test_only_the_full_validator_speaks_at_the_field_itself() -> None:
    assert _errors({"a": {"numerator": "-1", "denominator": "１２"}}) == [
        (("a", "numerator"), "value_error", "Value error, '-1' không phải là số nguyên không âm"),
        (("a", "denominator"), "value_error", "Value error, '１２' không phải là số nguyên không âm"),
    ]


def test_a_files_own_keys_named_like_the_branches_are_kept() -> None:
    """The branch name is taken out only behind a miss of the fast path: a key a file writes is never dropped."""
    assert _errors({"checked": {"numerator": "x"}, "fast": {"numerator": 1, "checked": 2}}) == [
        (("checked", "numerator"), "value_error", "Value error, 'x' không phải là số nguyên không âm"),
        (("fast", "checked"), "extra_forbidden", "Extra inputs are not permitted"),
    ]


def test_the_schema_describes_what_the_full_validator_takes() -> None:
    full = Annotated[int, BeforeValidator(models._count), Field(ge=0)]
    assert TypeAdapter(models.Count).json_schema(schema_generator=_Generator) == TypeAdapter(full).json_schema(
        schema_generator=_Generator
    )


def test_a_bad_count_in_a_data_file_is_said_at_its_line(example_copy: Path) -> None:
    data = example_copy / "data" / "2024.yaml"
    text = data.read_text(encoding="utf-8")
    old = "pgd_bao_loc: {numerator: 1264, denominator: 3950}"
    line = text[: text.index(old)].count("\n") + 1
    data.write_text(text.replace(old, 'pgd_bao_loc: {checked: 1, numerator: "-3", denominator: 3950}'), "utf-8")
    _, problems = check_plan(example_copy)
    assert [(p.line, p.column, p.rule, p.message) for p in problems if p.path.endswith("2024.yaml")] == [
        (
            line,
            21,
            "key-unknown",
            "khóa không hợp lệ 'checked'; các khóa hợp lệ: value, numerator, denominator, met, source, note",
        ),
        (line, 44, "schema", "numerator: '-3' không phải là số nguyên không âm"),
    ]
