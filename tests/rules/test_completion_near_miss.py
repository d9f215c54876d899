"""completion-near-miss: see ``kh68.reading.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke, line_of, only_problem, replace_in


def test_a_near_miss_of_hoan_thanh_is_a_warning(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": Hoàn thành', '"2030": Hoàn thanh')
    out = invoke(["check", plan_copy], 0).output
    assert only_problem(out) == (
        f"{path.as_posix()}:{line_of(path, 'Hoàn thanh')}:15: cảnh báo: 'Hoàn thanh' được hiểu là mốc định tính; "
        "nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành' [completion-near-miss]"
    )
    invoke(["check", "--strict", plan_copy], 1)
