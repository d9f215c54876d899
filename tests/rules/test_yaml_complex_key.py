"""yaml-complex-key: a key that is a list, a mapping or a merge key."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, line_of, only_problem, replace_in


@pytest.mark.parametrize(("key", "column"), [("[a, b]", 1), ("? {a: 1}", 3), ("<<", 1)])
def test_a_complex_key(fixture_copy: Path, key: str, column: int) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, "place: Lâm Đồng", f"place: Lâm Đồng\n{key}: x")
    line = line_of(path, f"{key}: x")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line}:{column}: lỗi: khóa phải là một chuỗi đơn giản "
        "(không hỗ trợ khóa phức hợp hay '<<') [yaml-complex-key]"
    )
