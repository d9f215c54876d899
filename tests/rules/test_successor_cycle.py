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


def test_a_cycle_of_ten_thousand_successors_is_found_quickly_and_said_shortly(example_copy):
    import time

    path = example_copy / "units.yaml"
    ring = "".join(
        f"\n  - id: c{i}\n    name: Vòng {i}\n    end: 2020-01-01\n    successors: [c{(i + 1) % 10_000}]\n"
        for i in range(10_000)
    )
    path.write_text(path.read_text(encoding="utf-8") + ring, encoding="utf-8")
    start = time.perf_counter()
    out = invoke(["check", example_copy], 1).output
    assert time.perf_counter() - start < 30  # was cubic: minutes for 10.000 units
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, 'successors: [c1]')}:17: lỗi: chuỗi đơn vị kế thừa có vòng lặp: "
        "c0 → c1 → c2 → c3 → … (9.993 đơn vị) → c9997 → c9998 → c9999 → c0 [successor-cycle]"
    )


def test_a_chain_of_ten_thousand_successors_without_cycle_is_fine(example_copy):
    path = example_copy / "units.yaml"
    chain = "".join(
        f"\n  - id: s{i}\n    name: Đơn vị {i}\n    end: 2020-01-01\n    successors: [s{i + 1}]\n"
        for i in range(10_000)
    )
    path.write_text(path.read_text(encoding="utf-8") + chain + "\n  - id: s10000\n    name: Cuối\n", encoding="utf-8")
    invoke(["check", example_copy], 0)
