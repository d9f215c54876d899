"""id-duplicate: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, problem_lines, replace_in


def test_id_6_1_twice_is_a_duplicate(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, 'id: "6.10"', "id: 6.1")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '- id: 6.1')}:9: lỗi: mã chỉ tiêu '6.1' bị trùng (đã dùng ở mục thứ 1) [id-duplicate]"
    )


def test_duplicate_indicator_ids(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, 'id: "6.11"', 'id: "6.10"')
    second = [n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if 'id: "6.10"' in ln][1]
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{second}:9: lỗi: mã chỉ tiêu '6.10' bị trùng (đã dùng ở mục thứ 10) [id-duplicate]"
    )


def test_duplicate_task_ids(fixture_copy: Path) -> None:
    path = fixture_copy / "tasks.yaml"
    replace_in(path, "id: III.1.b", "id: III.1.a")
    second = [n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "- id: III.1.a" in ln][1]
    assert (
        only_problem(check_fails(fixture_copy))
        == f"{path.as_posix()}:{second}:13: lỗi: mã nhiệm vụ 'III.1.a' bị trùng [id-duplicate]"
    )


def test_duplicate_unit_ids_point_at_the_right_entries(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    replace_in(path, "  - id: phong_khtc\n", "  - id: phong_tchc\n")
    replace_in(
        path, "{unit: so_gddt, function: giáo dục nghề nghiệp}", "{unit: so_gddtt, function: giáo dục nghề nghiệp}"
    )
    lines = problem_lines(check_fails(fixture_copy))
    dup = [n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ln == "  - id: phong_tchc"][1]
    assert (
        f"{path.as_posix()}:{dup}:9: lỗi: mã đơn vị 'phong_tchc' bị trùng (đã dùng ở mục thứ 8) [id-duplicate]" in lines
    )
    # The unit after the duplicate still gets its own line, not its neighbour's.
    assert any(ln.startswith(f"{path.as_posix()}:{line_of(path, 'so_gddtt')}:") and "so_gddtt" in ln for ln in lines), (
        lines
    )


def test_a_unit_id_that_differs_only_by_a_space_is_a_duplicate(example_copy: Path) -> None:
    """'" phong_khtc"' is read as phong_khtc: a second unit of that id was silently dropped (check said 0 errors)."""
    path = example_copy / "units.yaml"
    replace_in(path, "  - id: phong_khtc\n", '  - id: " phong_khtc"\n    name: Phòng X\n  - id: phong_khtc\n')
    second = line_of(path, "  - id: phong_khtc")
    output = check_fails(example_copy)
    assert f"{path.as_posix()}:{second}:9: lỗi: mã đơn vị 'phong_khtc' bị trùng" in output
    assert "[id-duplicate]" in output
