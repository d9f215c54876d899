"""key-unknown: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, line_of, only_problem, problem_lines, replace_in
from kh68.lint.check import check_plan


def test_unknown_key_with_suggestion(fixture_copy: Path) -> None:
    path = fixture_copy / "tasks.yaml"
    replace_in(path, "lead_units: [phong_khtc, phong_gddt_huyen]", "lead_unit: [phong_khtc, phong_gddt_huyen]")
    lines = problem_lines(check_fails(fixture_copy))
    expected = (
        f"{path.as_posix()}:{line_of(path, 'lead_unit:')}:9: lỗi: "
        "khóa không hợp lệ 'lead_unit' (có phải ý bạn là 'lead_units'?) [key-unknown]"
    )
    assert expected in lines
    assert any("thiếu trường bắt buộc 'lead_units'" in line for line in lines)


def test_unknown_key_without_close_match_lists_valid_keys(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, "place: Lâm Đồng", "place: Lâm Đồng\nzzz: 1")
    line = only_problem(check_fails(fixture_copy))
    assert line.startswith(
        f"{path.as_posix()}:{line_of(path, 'zzz')}:1: lỗi: khóa không hợp lệ 'zzz'; các khóa hợp lệ: number, symbol"
    )


def test_unknown_key_in_data_file(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "xa_mh_07: {numerator: 1188, denominator: 3600}", "xa_mh_07: {numerator: 1188, denominater: 3600}")
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


def test_unknown_key_in_plan_period(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, "  end: 2030", "  ends: 2030")
    lines = problem_lines(check_fails(fixture_copy))
    assert (
        f"{path.as_posix()}:{line_of(path, 'ends:')}:3: lỗi: khóa không hợp lệ 'ends' (có phải ý bạn là 'end'?) [key-unknown]"
        in lines
    )


def test_spelling_is_suggested_for_the_first_hundred_unknown_keys_of_a_file(example_copy: Path) -> None:
    """A file of a million unknown keys is not compared, key by key, with every valid key."""
    path = example_copy / "data" / "2025.yaml"
    path.write_text("year: 2025\nsynthetic: true\n" + "".join(f"yeer{i}: 1\n" for i in range(101)), encoding="utf-8")
    first, hundredth, past = (f"{path.as_posix()}:{n + 3}:1: lỗi: khóa không hợp lệ 'yeer{n}'" for n in (0, 99, 100))
    lines = check_fails(example_copy).splitlines()
    assert f"{first} (có phải ý bạn là 'year'?) [key-unknown]" in lines
    assert lines[-2:] == [
        f"{path.as_posix()}: … và 91 lỗi khác cùng loại [key-unknown]",
        f"{example_copy.as_posix()}: 101 lỗi, 0 cảnh báo.",
    ]
    messages = {p.line: p.parsable() for p in check_plan(example_copy)[1]}
    assert messages[102] == f"{hundredth} (có phải ý bạn là 'year'?) [key-unknown]"
    assert messages[103].startswith(f"{past}; các khóa hợp lệ: year, period, synthetic")


def test_a_decimal_comma_inside_braces_is_explained(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.4":\n    value: 99,55\n', '  "6.4": {value: 99,55}\n')
    line = only_problem(check_fails(example_copy))
    assert line == (
        f"{path.as_posix()}:{line_of(path, '6.4')}:21: lỗi: khóa không hợp lệ '55': trong {{...}} dấu phẩy ngăn cách "
        'các khóa — nếu đây là phần thập phân của một số, hãy đặt số trong dấu nháy ("99,55") hoặc viết bằng dấu chấm '
        "(99.55) [key-unknown]"
    )
