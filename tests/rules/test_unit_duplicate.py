"""unit-duplicate: two keys naming the same unit (id and alias) are an error naming both lines."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, only_problem, replace_in


def test_a_unit_twice_in_a_breakdown_under_its_id_and_an_alias(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    entry = "      pgd_lam_ha: {numerator: 1190, denominator: 3620}\n"
    replace_in(path, entry, entry + "      PGDĐT Lâm Hà: {numerator: 1, denominator: 2}\n")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:23:7: lỗi: 'PGDĐT Lâm Hà' và 'pgd_lam_ha' (dòng 22) cùng chỉ đơn vị pgd_lam_ha; "
        "gộp thành một mục [unit-duplicate]"
    )


def test_a_unit_twice_in_a_task(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  III.1.a:\n    phong_tchc:\n      state: ongoing\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, old + "    Phòng TCHC:\n      state: done\n"), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 2
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line + 2}:5: lỗi: 'Phòng TCHC' và 'phong_tchc' (dòng {line}) cùng chỉ đơn vị "
        "phong_tchc; gộp thành một mục [unit-duplicate]"
    )


def test_each_unit_once_is_fine(example_copy: Path) -> None:
    invoke(["check", example_copy], 0)
