"""unit-group-cycle: a unit group that contains itself is an error naming the cycle; nothing recurses on it."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_problem, replace_in
from kh68.reading.models import Unit
from kh68.reading.plan import UnitIndex

GROUP_MEMBERS = "members: [phong_tchc, phong_khtc, phong_gdth_gdmn, phong_gdtrh, phong_qlcl_gdtx]"


def add_members(units: Path, unit_id: str, members: str) -> None:
    replace_in(units, f"  - id: {unit_id}\n", f"  - id: {unit_id}\n    members: [{members}]\n")


def test_a_cycle_through_another_group_is_named_at_the_member_that_closes_it(fixture_copy: Path) -> None:
    units = fixture_copy / "units.yaml"
    add_members(units, "phong_tchc", "cac_phong_thuoc_so")
    line = line_of(units, "members: [cac_phong_thuoc_so]")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{units.as_posix()}:{line}:15: lỗi: nhóm đơn vị 'cac_phong_thuoc_so' chứa chính nó: "
        "cac_phong_thuoc_so → phong_tchc → cac_phong_thuoc_so [unit-group-cycle]"
    )


def test_a_group_that_names_itself(fixture_copy: Path) -> None:
    units = fixture_copy / "units.yaml"
    replace_in(units, GROUP_MEMBERS, GROUP_MEMBERS.replace("phong_khtc", "Các phòng thuộc Sở"))
    assert only_problem(check_fails(fixture_copy)) == (
        f"{units.as_posix()}:{line_of(units, 'members: [phong_tchc, Các phòng')}:27: lỗi: nhóm đơn vị 'cac_phong_thuoc_so' "
        "chứa chính nó: cac_phong_thuoc_so → cac_phong_thuoc_so [unit-group-cycle]"
    )


def test_status_and_report_refuse_a_cyclic_plan_without_a_traceback(fixture_copy: Path) -> None:
    add_members(fixture_copy / "units.yaml", "phong_tchc", "cac_phong_thuoc_so")
    for command in (["status"], ["report", "--year", "2025"], ["export"]):
        out = invoke([*command, "--plan", fixture_copy], 1).output
        assert "[unit-group-cycle]" in out


def test_expanding_a_cyclic_group_ends() -> None:
    index = UnitIndex(
        [
            Unit(id="a", name="A", members=["b", "x"]),
            Unit(id="b", name="B", members=["c"]),
            Unit(id="c", name="C", members=["a", "y"]),
            Unit(id="x", name="X"),
            Unit(id="y", name="Y"),
        ]
    )
    assert index.expand("a") == ["y", "x"]
    assert index.expand("c") == ["x", "y"]


def test_a_clean_plan_has_no_cycle(fixture_copy: Path) -> None:
    assert "unit-group-cycle" not in invoke(["check", fixture_copy], 0).output


def test_a_cycle_of_ten_thousand_groups_is_said_shortly(example_copy: Path) -> None:
    path = example_copy / "units.yaml"
    ring = "".join(f"\n  - id: g{i}\n    name: Nhóm {i}\n    members: [g{(i + 1) % 10_000}]\n" for i in range(10_000))
    path.write_text(path.read_text(encoding="utf-8") + ring, encoding="utf-8")
    lines = [line for line in invoke(["check", example_copy], 1).output.splitlines() if ": lỗi: " in line]
    assert lines == [
        (
            f"{path.as_posix()}:{line_of(path, 'members: [g1]')}:14: lỗi: nhóm đơn vị 'g0' lồng 10.000 cấp, "
            "quá 8 cấp cho phép [unit-group-depth]"
        ),
        (
            f"{path.as_posix()}:{line_of(path, 'members: [g0]')}:15: lỗi: nhóm đơn vị 'g0' chứa chính nó: "
            "g0 → g1 → g2 → g3 → … (9.993 đơn vị) → g9997 → g9998 → g9999 → g0 [unit-group-cycle]"
        ),
    ]
