"""yaml-duplicate-key: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_duplicate_mapping_keys(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    replace_in(
        path,
        "  - id: phong_khtc\n    name: Phòng Kế hoạch - Tài chính",
        "  - id: phong_khtc\n    name: KHTC\n    name: Phòng Kế hoạch - Tài chính",
    )
    first = line_of(path, "name: KHTC")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{first + 1}:5: lỗi: khóa 'name' bị lặp (đã có ở dòng {first}) [yaml-duplicate-key]"
    )
