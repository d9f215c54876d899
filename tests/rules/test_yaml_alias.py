"""yaml-alias: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import check_fails, only_problem


def test_billion_laughs_is_rejected_quickly(fixture_copy: Path) -> None:
    rows = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    (fixture_copy / "units.yaml").write_text("\n".join(rows) + "\nunits: []\n", encoding="utf-8")
    start = time.perf_counter()
    out = check_fails(fixture_copy)
    assert time.perf_counter() - start < 1.0
    assert only_problem(out) == (
        f"{fixture_copy.as_posix()}/units.yaml:1:7: lỗi: không hỗ trợ anchor/alias YAML (&, *): "
        "hãy viết giá trị trực tiếp [yaml-alias]"
    )
