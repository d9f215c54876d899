"""Every schema error is said in Vietnamese: pydantic's English never reaches the user."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic_core.core_schema import ErrorType

from conftest import invoke, line_of, replace_in
from kh68.reading.validation import _message

ENGLISH = re.compile(r"\b(should|must|Input|input|Value|value|valid|least|item|items|Field|required|type)\b")


@pytest.mark.parametrize("kind", typing.get_args(ErrorType))
def test_no_kind_of_error_is_said_in_english(kind: str) -> None:
    err = {
        "type": kind,
        "loc": ("muc",),
        "msg": "Value should have at least 1 item after validation, not 0",
        "input": "abc",
        "ctx": {},
    }
    said = _message(err, ("muc",))  # type: ignore[arg-type]
    assert said.startswith("muc: ") or kind == "missing", said
    assert not ENGLISH.search(said), said


def test_an_empty_list_that_needs_an_item_is_refused_in_vietnamese(example_copy: Path) -> None:
    units = example_copy / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(
        text.replace(
            "    name: Sở Giáo dục và Đào tạo tỉnh Lâm Đồng\n",
            "    name: Sở Giáo dục và Đào tạo tỉnh Lâm Đồng\n    header: {own: []}\n",
        ),
        encoding="utf-8",
    )
    out = invoke(["check", example_copy], 1).output
    line = line_of(units, "header: {own: []}")
    assert f"{units.as_posix()}:{line}:19: lỗi: own: cần ít nhất 1 mục [schema]" in out.splitlines()


def test_a_pair_with_one_number_is_refused_in_vietnamese(example_copy: Path) -> None:
    indicators = example_copy / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    assert text.count('"2025": 30-35') == 1
    indicators.write_text(text.replace('"2025": 30-35', '"2025": {range: [30]}'), encoding="utf-8")
    out = invoke(["check", example_copy], 1).output
    line = line_of(indicators, "{range: [30]}")
    assert f"{indicators.as_posix()}:{line}:23: lỗi: range: cần ít nhất 2 mục [schema]" in out.splitlines()


def test_an_empty_text_is_refused_as_empty_not_as_a_list_without_items(example_copy: Path) -> None:
    """A hostile probe: a cited document's ``number: ""`` was "cần ít nhất 1 mục" (pydantic counts a text trimmed by a
    validator as items)."""
    plan = example_copy / "plan.yaml"
    replace_in(plan, "  - number: 68/NQ-CP\n", '  - number: "   "\n')
    out = invoke(["check", example_copy], 1).output
    line = line_of(plan, 'number: "   "')
    assert f"{plan.as_posix()}:{line}:13: lỗi: number: không được để trống [schema]" in out.splitlines()


def test_a_years_target_left_empty_says_what_to_write(example_copy: Path) -> None:
    """A hostile probe: ``"2025":`` with nothing after it was "cần một bảng khóa–giá trị (mapping) …"."""
    indicators = example_copy / "indicators.yaml"
    replace_in(indicators, '      "2025": 30-35\n', '      "2025":\n')
    out = invoke(["check", example_copy], 1).output
    assert (
        f"{indicators.as_posix()}:25:14: lỗi: mục tiêu của năm này để trống: ghi chỉ tiêu như văn bản, '-' nếu năm đó "
        "kế hoạch không đặt chỉ tiêu, hoặc bỏ năm này [schema]"
    ) in out.splitlines()
