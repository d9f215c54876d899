"""successor-cycle: a chain of successors that comes back to its start."""

from __future__ import annotations

from conftest import invoke, line_of, only_error, replace_in


def test_a_successor_chain_with_a_cycle(example_copy):
    path = example_copy / "units.yaml"
    replace_in(
        path,
        "short_names: [PGDĐT Đạ Huoai]\n    kind: district_office\n    end: 2025-06-30\n    successors:\n",
        "short_names: [PGDĐT Đạ Huoai]\n    kind: district_office\n    end: 2025-06-30\n    successors:\n"
        "      - pgd_cat_tien\n",
    )
    out = invoke(["check", example_copy], 1).output
    line = line_of(path, "successors: [pgd_da_huoai]")
    assert only_error(out) == (
        f"{path.as_posix()}:{line}:17: lỗi: chuỗi đơn vị kế thừa có vòng lặp: "
        "pgd_cat_tien → pgd_da_huoai → pgd_cat_tien [successor-cycle]"
    )
