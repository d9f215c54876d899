"""successor-unknown: a successor that is not a unit of units.yaml."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke, line_of, replace_in


def only_error(output: str) -> str:
    lines = [line for line in output.splitlines() if ": lỗi: " in line]
    assert len(lines) == 1, output
    return lines[0]


def add_line_after(path: Path, anchor: str, line: str) -> int:
    """Insert ``line`` after the one line containing ``anchor``; return its 1-based number."""
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = line_of(path, anchor)
    text.insert(at, line + "\n")
    path.write_text("".join(text), encoding="utf-8")
    return at + 1


def test_a_successor_that_is_not_a_unit(plan_copy):
    path = plan_copy / "units.yaml"
    replace_in(
        path,
        "- {unit: so_gddt, function: giáo dục nghề nghiệp}",
        "- {unit: so_gddtt, function: giáo dục nghề nghiệp}",
    )
    out = invoke(["check", plan_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, 'so_gddtt')}:16: lỗi: đơn vị kế thừa: không có đơn vị 'so_gddtt' "
        "trong units.yaml (có phải ý bạn là 'so_gddt'?) [successor-unknown]"
    )
