"""yaml-empty: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, only_problem


@pytest.mark.parametrize("content", [b"", b"\n\n", "# chỉ có chú thích\n".encode()])
def test_empty_file(fixture_copy: Path, content: bytes) -> None:
    (fixture_copy / "units.yaml").write_bytes(content)
    assert only_problem(check_fails(fixture_copy)) == (
        f"{fixture_copy.as_posix()}/units.yaml:1:1: lỗi: tệp rỗng: cần một bảng khóa–giá trị (mapping) [yaml-empty]"
    )
