"""timing-outside-period: see ``kh68.lint.rules`` and the manual's list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import invoke, line_of, only_problem, replace_in


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (
            "Năm 2023",
            (
                "có hạn 31/12/2023 ('Năm 2023'), trước khi kế hoạch bắt đầu (năm 2024): quá hạn ngay từ đầu nếu chưa ghi "
                "hoàn thành"
            ),
        ),
        (
            "Quý II/2031",
            "bắt đầu 01/4/2031 ('Quý II/2031'), sau khi kế hoạch kết thúc (năm 2030): không năm nào của kế hoạch hỏi đến",
        ),
    ],
)
def test_a_timing_outside_the_plans_years_is_warned(example_copy: Path, written: str, said: str) -> None:
    path = example_copy / "tasks.yaml"
    replace_in(path, "        timing: Thường xuyên\n", f"        timing: {written}\n")
    output = invoke(["check", example_copy], 0).stdout
    line = line_of(path, f"timing: {written}")
    assert only_problem(output.replace(_provisional(output), "")) == (
        f"{path.as_posix()}:{line}:17: cảnh báo: nhiệm vụ III.1.a {said} [timing-outside-period]"
    )


def _provisional(output: str) -> str:
    """The demo's own warning of a provisional figure, left out of what is compared."""
    return next(line + "\n" for line in output.splitlines() if "[coverage-provisional]" in line)


@pytest.mark.parametrize("written", ["Năm 2024 và các năm tiếp theo", "Hằng năm", "Giai đoạn 2026-2030"])
def test_timings_within_the_plan_are_silent(example_copy: Path, written: str) -> None:
    replace_in(example_copy / "tasks.yaml", "        timing: Thường xuyên\n", f"        timing: {written}\n")
    assert "[timing-outside-period]" not in invoke(["check", example_copy], 0).stdout
