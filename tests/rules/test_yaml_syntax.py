"""yaml-syntax: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, line_of, only_problem, replace_in


def test_invalid_yaml_syntax(fixture_copy: Path) -> None:
    path = fixture_copy / "tasks.yaml"
    replace_in(path, "title: Tổ chức khen thưởng, tôn vinh kịp thời", "title: [Tổ chức khen thưởng, tôn vinh kịp thời")
    opened = line_of(path, "title: [Tổ chức")
    line = only_problem(check_fails(fixture_copy))
    # libyaml notices the problem on the next line; the message names the line of the '['.
    assert line == (
        f"{path.as_posix()}:{opened + 1}:13: lỗi: YAML không hợp lệ: "
        f"thiếu dấu ',' hoặc ']' (danh sách '[' mở ở dòng {opened} chưa đóng?) [yaml-syntax]"
    )


def test_truncated_file(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text.index("short_names: [Phòng GDTH") + len("short_names: [Phòng GDTH")
    path.write_text(text[:cut], encoding="utf-8")
    line = only_problem(check_fails(fixture_copy))
    assert line.startswith(f"{path.as_posix()}:{text[:cut].count(chr(10)) + 2}:1: lỗi: YAML không hợp lệ:")
    assert "chưa đóng" in line


# Every libyaml message, in Vietnamese, with the file and line (no English, no exit 70).
@pytest.mark.parametrize(
    ("appended", "line_offset", "column", "message"),
    [
        (
            'zz: "\\ud800"\n',
            1,
            8,
            "mã thoát Unicode trong dấu nháy kép không phải một ký tự (ví dụ '\\ud800' là nửa cặp surrogate)",
        ),
        (
            'zz: "\\U00110000"\n',
            1,
            8,
            "mã thoát Unicode trong dấu nháy kép không phải một ký tự (ví dụ '\\ud800' là nửa cặp surrogate)",
        ),
        ('zz: "\\xZZ"\n', 1, 8, "mã thoát '\\x', '\\u' hoặc '\\U' thiếu chữ số thập lục phân"),
        (
            "zz: &\n",
            1,
            6,
            "sau '&' hoặc '*' phải là tên anchor/alias (đặt giá trị trong dấu nháy nếu nó bắt đầu bằng & hoặc *)",
        ),
        ('zz: "abc\n', 2, 1, "chuỗi trong dấu nháy mở ở dòng {line} chưa đóng"),
        ("zz: |0\n  x\n", 1, 6, "chỉ số thụt lề sau '|' hoặc '>' phải từ 1 đến 9"),
        ("zz: !<x\n", 1, 8, "thẻ YAML (!) không hợp lệ"),
        ('zz: "x\n---\n"\n', 2, 1, "dòng '---' hoặc '...' nằm giữa một giá trị (dấu nháy chưa đóng?)"),
    ],
)
def test_libyaml_messages_are_vietnamese(
    fixture_copy: Path, appended: str, line_offset: int, column: int, message: str
) -> None:
    path = fixture_copy / "units.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + appended, encoding="utf-8")
    line = text.count("\n") + line_offset
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line}:{column}: lỗi: YAML không hợp lệ: "
        f"{message.format(line=text.count(chr(10)) + 1)} [yaml-syntax]"
    )


def test_an_unsupported_yaml_version(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    path.write_text("%YAML 2.0\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:1:1: lỗi: YAML không hợp lệ: "
        "phiên bản YAML không được hỗ trợ: bỏ dòng '%YAML' ở đầu tệp [yaml-syntax]"
    )


DEEP = "dữ liệu lồng nhau quá sâu (quá 100 cấp '[', '{' hoặc thụt lề; tệp kế hoạch chỉ cần vài cấp)"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[" * 10_000 + "]" * 10_000, "1:1001"),  # past libyaml's 1.000 levels
        ("{a: " * 10_000 + "}" * 10_000, "1:4001"),
        ("- " * 10_000 + "x", "1:1999"),
        ("[" * 600 + "]" * 600, "1:101"),  # within libyaml's limit, too deep to build
        ("units:\n  - id: a\n    name: " + "{a: " * 700 + "}" * 700, "3:399"),
    ],
)
def test_absurd_nesting_is_a_positioned_error(fixture_copy: Path, text: str, where: str) -> None:
    path = fixture_copy / "units.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    assert (
        only_problem(check_fails(fixture_copy))
        == f"{path.as_posix()}:{where}: lỗi: YAML không hợp lệ: {DEEP} [yaml-syntax]"
    )
