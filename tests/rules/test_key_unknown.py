"""key-unknown: see ``kh68.reading.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, line_of, only_problem, problem_lines, replace_in


def test_unknown_key_with_suggestion(plan_copy: Path) -> None:
    path = plan_copy / "tasks.yaml"
    replace_in(path, "lead_units: [phong_khtc, phong_gddt_huyen]", "lead_unit: [phong_khtc, phong_gddt_huyen]")
    lines = problem_lines(check_fails(plan_copy))
    expected = (
        f"{path.as_posix()}:{line_of(path, 'lead_unit:')}:9: lỗi: "
        "khóa không hợp lệ 'lead_unit' (có phải ý bạn là 'lead_units'?) [key-unknown]"
    )
    assert expected in lines
    assert any("thiếu trường bắt buộc 'lead_units'" in line for line in lines)


def test_unknown_key_without_close_match_lists_valid_keys(plan_copy: Path) -> None:
    path = plan_copy / "plan.yaml"
    replace_in(path, "place: Lâm Đồng", "place: Lâm Đồng\nzzz: 1")
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(
        f"{path.as_posix()}:{line_of(path, 'zzz')}:1: lỗi: khóa không hợp lệ 'zzz'; các khóa hợp lệ: number, symbol"
    )


def test_unknown_key_in_data_file(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(
        path, "pgd_lam_ha: {numerator: 1190, denominator: 3620}", "pgd_lam_ha: {numerator: 1190, denominater: 3620}"
    )
    lines = problem_lines(check_fails(example_copy))
    assert any(
        ln.startswith(f"{path.as_posix()}:{line_of(path, 'denominater')}:")
        and "khóa không hợp lệ 'denominater' (có phải ý bạn là 'denominator'?)" in ln
        for ln in lines
    ), lines


@pytest.mark.parametrize(
    ("old", "new", "key", "suggestion"),
    [
        (
            "source: {document: Báo cáo minh họa số 02/BC-MH,",
            "source: {documnet: Báo cáo minh họa số 02/BC-MH,",
            "documnet",
            "document",
        ),
        ("      difficulties: Thiếu giáo viên", "      dificulties: Thiếu giáo viên", "dificulties", "difficulties"),
        ("year: 2025", "yaer: 2025", "yaer", "year"),
    ],
)
def test_unknown_nested_keys_in_data_file(example_copy: Path, old: str, new: str, key: str, suggestion: str) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, old, new)
    lines = problem_lines(check_fails(example_copy))
    expected = f"khóa không hợp lệ '{key}' (có phải ý bạn là '{suggestion}'?) [key-unknown]"
    assert any(ln.startswith(f"{path.as_posix()}:{line_of(path, key)}:") and ln.endswith(expected) for ln in lines), (
        lines
    )


def test_unknown_key_in_plan_period(plan_copy: Path) -> None:
    path = plan_copy / "plan.yaml"
    replace_in(path, "  end: 2030", "  ends: 2030")
    lines = problem_lines(check_fails(plan_copy))
    assert (
        f"{path.as_posix()}:{line_of(path, 'ends:')}:3: lỗi: khóa không hợp lệ 'ends' (có phải ý bạn là 'end'?) [key-unknown]"
        in lines
    )
