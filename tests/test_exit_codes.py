"""One exit code per kind of failure, whichever command meets it (README: "Mã thoát")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, invoke

UNKNOWN_UNIT = "không có đơn vị 'pgd_xyz' trong units.yaml"
COMMANDS_NAMING_A_UNIT = [
    ["record", "6.4", "--year", "2025", "--by", "pgd_xyz", "--value", "50"],
    ["progress", "III.1.a", "--year", "2025", "--unit", "pgd_xyz", "--state", "done"],
    ["report", "--year", "2025", "--unit", "pgd_xyz"],
    ["status", "--year", "2025", "--unit", "pgd_xyz"],
]


@pytest.mark.parametrize("args", COMMANDS_NAMING_A_UNIT, ids=lambda a: a[0])
def test_an_unknown_unit_is_a_usage_error_everywhere(example_copy: Path, args: list[str]) -> None:
    before = {p: p.read_bytes() for p in (example_copy / "data").iterdir()}
    out = invoke([*args, "--plan", example_copy], 2).output
    assert out.startswith(f"kh68: lỗi: {UNKNOWN_UNIT}; các mã hợp lệ: cac_don_vi_truong_hoc, ")
    assert {p: p.read_bytes() for p in (example_copy / "data").iterdir()} == before


@pytest.mark.parametrize(
    "args",
    [
        ["record", "6.4", "--year", "2031", "--value", "50"],
        ["progress", "III.1.a", "--year", "2031", "--unit", "phong_tchc", "--state", "done"],
        ["report", "--year", "2031"],
        ["status", "--year", "2031"],
    ],
    ids=lambda a: a[0],
)
def test_a_year_outside_the_plan_is_a_usage_error_everywhere(args: list[str]) -> None:
    out = invoke([*args, "--plan", EXAMPLE_PLAN], 2).output
    assert out.startswith("kh68: lỗi: năm 2031 nằm ngoài thời kỳ kế hoạch")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["record", "6.14", "--year", "2025", "--value", "1"], "kh68: lỗi: không có chỉ tiêu '6.14' (các mã: 6.1, "),
        (
            ["progress", "III.9", "--year", "2025", "--unit", "phong_tchc", "--state", "done"],
            "kh68: lỗi: không có nhiệm vụ 'III.9' (các mã: III.1.a, ",
        ),
    ],
)
def test_an_unknown_indicator_or_task_is_a_usage_error(example_copy: Path, args: list[str], message: str) -> None:
    assert invoke([*args, "--plan", example_copy], 2).output.startswith(message)


def test_a_plan_with_errors_is_exit_1_everywhere(example_copy: Path) -> None:
    (example_copy / "units.yaml").write_text("units: []\n", encoding="utf-8")
    for args in (
        ["check", example_copy],
        ["status", "--plan", example_copy],
        ["report", "--year", "2025", "--plan", example_copy],
    ):
        assert "[unit-unknown]" in invoke(args, 1).output
