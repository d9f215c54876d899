"""unit-group-depth: groups nest at most MAX_DEPTH levels; a chain of thousands is reported, not a crash."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import check_fails, line_of, only_problem
from kh68.lint.rules.unit_group_depth import MAX_DEPTH, depths
from kh68.reading.models import Unit
from kh68.reading.plan import UnitIndex


def write_chain(plan: Path, length: int) -> Path:
    """units.yaml plus a chain g0 ⊃ g1 ⊃ … ⊃ g<length-1> ⊃ phong_tchc."""
    units = plan / "units.yaml"
    chain = "".join(
        f"  - id: g{i}\n    name: Nhóm {i}\n    members: [{f'g{i + 1}' if i + 1 < length else 'phong_tchc'}]\n"
        for i in range(length)
    )
    units.write_text(units.read_text(encoding="utf-8") + "\n" + chain, encoding="utf-8")
    return units


def test_depth_at_the_limit_is_accepted(fixture_copy: Path) -> None:
    write_chain(fixture_copy, MAX_DEPTH)
    assert depths(UnitIndex([Unit(id="a", name="A", members=["b"]), Unit(id="b", name="B")])) == {"a": 1, "b": 0}


def test_one_level_too_deep_is_reported_at_the_outermost_group(fixture_copy: Path) -> None:
    units = write_chain(fixture_copy, MAX_DEPTH + 1)
    assert only_problem(check_fails(fixture_copy)) == (
        f"{units.as_posix()}:{line_of(units, 'members: [g1]')}:14: lỗi: nhóm đơn vị 'g0' lồng {MAX_DEPTH + 1} cấp, "
        f"quá {MAX_DEPTH} cấp cho phép [unit-group-depth]"
    )


def test_a_chain_of_five_thousand_groups_is_checked_without_recursion(fixture_copy: Path) -> None:
    write_chain(fixture_copy, 5000)
    start = time.perf_counter()
    line = only_problem(check_fails(fixture_copy))
    assert time.perf_counter() - start < 10
    assert line.endswith(f"nhóm đơn vị 'g0' lồng 5.000 cấp, quá {MAX_DEPTH} cấp cho phép [unit-group-depth]")
