"""file-encoding: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from conftest import check_fails, only_problem


def test_truncated_inside_a_character(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    raw = path.read_bytes()
    cut = raw.index("Ủy ban".encode()) + 1  # 'Ủ' is 3 bytes in UTF-8
    path.write_bytes(raw[:cut])
    line = only_problem(check_fails(fixture_copy))
    line_number = raw[:cut].count(b"\n") + 1
    assert line.startswith(f"{path.as_posix()}:{line_number}:")
    assert "tệp bị cắt cụt" in line


def test_windows_1258_file(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    text = unicodedata.normalize("NFD", path.read_text(encoding="utf-8").replace("ơ", "o").replace("ư", "u"))
    path.write_bytes(text.encode("cp1258", errors="replace"))
    line = only_problem(check_fails(fixture_copy))
    assert re.match(rf"^{re.escape(path.as_posix())}:\d+:\d+: lỗi: tệp không phải UTF-8", line), line
    assert "Windows-1258" in line
    assert "hãy lưu lại với mã hóa UTF-8" in line


def test_utf16_file_with_bom(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:1:1: lỗi: tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8 [file-encoding]"
    )


def test_a_nul_byte_in_utf8_text_is_said_where_it_is(fixture_copy: Path) -> None:
    """Not 'UTF-16': one NUL among the first bytes of a UTF-8 file is a control character at its place."""
    path = fixture_copy / "units.yaml"
    path.write_bytes(b"a\x00b: 1\n" + path.read_bytes())
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:1:2: lỗi: tệp chứa ký tự điều khiển U+0000, không được phép trong YAML [yaml-syntax]"
    )
