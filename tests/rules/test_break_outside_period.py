"""break-outside-period: a series break dated outside the plan period."""

from __future__ import annotations

import pytest

from conftest import invoke, line_of, only_error, replace_in


@pytest.mark.parametrize("when", ["2023-12-31", "2031-01-01"])
def test_a_break_outside_the_plan_period(fixture_copy, when):
    path = fixture_copy / "plan.yaml"
    replace_in(path, "  - date: 2025-07-01\n", f"  - date: {when}\n")
    out = invoke(["check", fixture_copy], 1).output
    shown = "/".join(reversed(when.split("-")))
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, f'- date: {when}')}:11: lỗi: điểm gãy ngày {shown} nằm ngoài thời kỳ "
        "kế hoạch (01/01/2024–31/12/2030) [break-outside-period]"
    )


def test_an_indicator_break_outside_the_plan_period(fixture_copy):
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path,
        '    counted_over: district_office   # "số huyện, thành phố"\n',
        "    counted_over: district_office\n    breaks:\n      - {date: 2040-01-01, kind: definition, reason: x}\n",
    )
    out = invoke(["check", fixture_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, '2040-01-01')}:16: lỗi: điểm gãy ngày 01/01/2040 nằm ngoài thời kỳ "
        "kế hoạch (01/01/2024–31/12/2030) [break-outside-period]"
    )
