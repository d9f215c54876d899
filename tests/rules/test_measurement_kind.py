"""measurement-kind: a number for a number, a state for a state, met only for a share of units."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, line_of, only_problem, replace_in


@pytest.mark.parametrize(
    ("old", "new", "needle", "column", "message"),
    [
        (
            '  "6.1":\n    state: in_progress',
            '  "6.1":\n    value: 12',
            "value: 12",
            12,
            "chỉ tiêu 6.1 ghi trạng thái (state), không ghi số",
        ),
        (
            '  "6.3":\n    value: 95,4',
            '  "6.3":\n    state: done',
            "state: done",
            12,
            "chỉ tiêu 6.3 ghi số (value), không ghi trạng thái",
        ),
        (
            '  "6.13":\n    value: 81,2',
            '  "6.13":\n    by_unit:\n      pgd_da_lat: {met: true}',
            "met: true",
            25,
            "chỉ tiêu 6.13 không tính theo tỷ lệ đơn vị đạt chuẩn",
        ),
    ],
)
def test_a_measurement_of_the_wrong_kind(
    example_copy: Path, old: str, new: str, needle: str, column: int, message: str
) -> None:
    # 6.1 without its basis takes a state only (its targets are a milestone and "Hoàn thành").
    replace_in(
        example_copy / "indicators.yaml",
        '    unit: "%"\n    basis: share_of_units\n    targets:\n      "2025":\n        text: Triển khai',
        '    unit: "%"\n    targets:\n      "2025":\n        text: Triển khai',
    )
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, old, new)
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, needle)}:{column}: lỗi: {message} [measurement-kind]"
    )
