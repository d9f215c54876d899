"""yaml-key-space: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, invoke, line_of, only_problem, replace_in


@pytest.mark.parametrize("space", [" ", "\t", "\\u00a0", "\\u2028"], ids=["space", "tab", "nbsp", "line-separator"])
def test_a_key_with_a_space_at_an_end_is_refused_where_it_is(example_copy: Path, space: str) -> None:
    """ "6.3 " beside "6.3" would be two keys a reader sees as one, and pydantic would keep only one of them."""
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '\n  "6.3":\n', f'\n  "6.3{space}":\n')
    line = line_of(path, f'"6.3{space}":')
    shown = {" ": " ", "\t": "\\t", "\\u00a0": "\u00a0", "\\u2028": "\\u2028"}[
        space
    ]  # a no-break space is shown as it is
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line}:3: lỗi: khóa '6.3{shown}' có khoảng trắng ở đầu hoặc cuối: viết '6.3' "
        "[yaml-key-space]"
    )


def test_a_duplicate_unit_with_a_space_no_longer_changes_a_figure_unseen(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    before = path.read_bytes()
    replace_in(path, '\n  "6.3":\n', '\n  "6.3 ":\n')
    edited = path.read_bytes()
    result = invoke(["record", "6.3", "--plan", example_copy, "--year", "2025", "--value", "12"], 1)
    assert "[yaml-key-space]" in result.output
    assert path.read_bytes() == edited != before  # nothing written


def test_a_unit_id_with_a_space_is_read_as_the_model_reads_it(example_copy: Path) -> None:
    """It stopped every command with exit 70 (the rules' index kept the space the model strips)."""
    replace_in(example_copy / "units.yaml", "  - id: phong_khtc\n", '  - id: "phong_khtc "\n')
    assert "lỗi" not in invoke(["check", example_copy], 0).output.replace("0 lỗi", "")
