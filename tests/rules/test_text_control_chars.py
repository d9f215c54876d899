"""text-control-chars: an escape sequence or bidi override spelled in plan text is a warning where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import invoke, line_of, only_problem, replace_in

WARNING = (
    "cảnh báo: văn bản chứa ký tự điều khiển hay ký tự ẩn {codes}; hãy xóa (nó có thể làm sai lệch nội dung hiển "
    "thị, hay làm hai tên trông giống nhau mà khác nhau)"
)


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ('"Ủy ban\\e[2J nhân dân"', "\\x1b"),
        ('"Ủy ban \\u202Ednân"', "\\u202e"),
        ('"Ủy ban \\x85\\x9B31m"', "\\u0085, \\u009b"),
        ('"Ủy ban \\x7F"', "\\u007f"),
    ],
)
def test_control_characters_in_a_plan_file(fixture_copy: Path, written: str, codes: str) -> None:
    path = fixture_copy / "units.yaml"
    replace_in(path, "name: Ủy ban nhân dân tỉnh Lâm Đồng", f"name: {written}")
    out = invoke(["check", fixture_copy], 0).output
    line = line_of(path, f"name: {written}")
    assert only_problem(out) == f"{path.as_posix()}:{line}:11: {WARNING.format(codes=codes)} [text-control-chars]"
    invoke(["check", "--strict", fixture_copy], 1)


def test_control_characters_in_data_text_and_keys(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "    note: Đang triển khai đề án phổ cập theo giai đoạn (minh họa).", '    note: "\\u2066Đang"')
    replace_in(path, "      xa_mh_07: {numerator: 1188", '      "xa_mh_07\\x1b": {numerator: 1188')
    lines = invoke(["check", example_copy], 1).output.splitlines()
    note, key = line_of(path, '"\\u2066Đang"'), line_of(path, '"xa_mh_07\\x1b"')
    bidi, escape = WARNING.format(codes="\\u2066"), WARNING.format(codes="\\x1b")
    assert f"{path.as_posix()}:{note}:11: {bidi} [text-control-chars]" in lines
    assert f"{path.as_posix()}:{key}:7: {escape} [text-control-chars]" in lines
