"""expected-denominator-below: the whole area's denominator below what the units that reported already count."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import invoke, line_of, replace_in


def test_a_whole_below_what_the_units_reported_is_warned_of_and_its_share_not_said(example_copy: Path) -> None:
    """A hostile probe: 10.000 against the 30.800 the communes reported was "308% mẫu số" in status and the report."""
    data = example_copy / "data" / "2025.yaml"
    replace_in(data, "expected_denominator: 41600", "expected_denominator: 10000")
    out = invoke(["check", example_copy], 0).output.splitlines()
    line = line_of(data, "expected_denominator: 10000")
    assert (
        f"{data.as_posix()}:{line}:27: cảnh báo: chỉ tiêu 6.2: mẫu số toàn địa bàn (expected_denominator) 10.000 nhỏ "
        "hơn tổng mẫu số các đơn vị đã báo cáo (30.800): kiểm tra lại một trong hai; tỷ lệ mẫu số đã báo cáo không "
        "được tính [expected-denominator-below]"
    ) in out
    args = ["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-06", "--format", "json"]
    found = next(i for i in json.loads(invoke(args, 0).stdout)["indicators"] if i["id"] == "6.2")
    said = found["coverage"]
    assert (said["denominator_reported"], said["denominator_expected"], said["denominator_share"], said["label"]) == (
        30800,
        10000,
        None,
        "tạm tính, 7/10 đơn vị",
    )


def test_a_whole_at_or_above_the_units_is_no_finding(example_copy: Path) -> None:
    assert "[expected-denominator-below]" not in invoke(["check", example_copy], 0).output
