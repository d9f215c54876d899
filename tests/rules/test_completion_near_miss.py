"""completion-near-miss: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import invoke, line_of, only_problem, replace_in


def test_a_near_miss_of_hoan_thanh_is_a_warning(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": Hoàn thành', '"2030": Hoàn thanh')
    out = invoke(["check", fixture_copy], 0).output
    assert only_problem(out) == (
        f"{path.as_posix()}:{line_of(path, 'Hoàn thanh')}:15: cảnh báo: 'Hoàn thanh' được hiểu là mốc định tính; "
        "nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành' [completion-near-miss]"
    )
    invoke(["check", "--strict", fixture_copy], 1)


@pytest.mark.slow  # reads and checks a 10 MB plan file
def test_a_ten_megabyte_milestone_is_read_in_seconds(fixture_copy: Path) -> None:
    """The near-miss comparison on 10 MB of prose took minutes (difflib's ratio is quadratic)."""
    import time

    replace_in(fixture_copy / "indicators.yaml", '"2030": Hoàn thành', '"2030": "' + "a" * 10_000_000 + '"')
    start = time.perf_counter()
    invoke(["check", "--strict", fixture_copy], 0)
    assert time.perf_counter() - start < 30


def test_a_huge_unknown_unit_is_named_without_a_suggestion(fixture_copy: Path) -> None:
    path = fixture_copy / "tasks.yaml"
    replace_in(path, "lead_units: [phong_khtc, phong_gddt_huyen]", "lead_units: [" + "x" * 1_000_000 + "]")
    out = invoke(["check", fixture_copy], 1).output
    assert only_problem(out) == (
        f"{path.as_posix()}:{line_of(path, 'lead_units: [xxx')}:22: lỗi: không có đơn vị '"
        + "x" * 40
        + "…' (1.000.000 ký tự) trong units.yaml [unit-unknown]"
    )


def test_none_of_a_count_without_a_number_is_a_warning_and_its_structured_form_passes(fixture_copy: Path) -> None:
    """A real plan: "không để xảy ra tử vong" of a count in "ca" was read as a milestone, its figure never compared
    ("Chưa có số liệu" beside 11 ca). Warned, naming the structured form, which then passes."""
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path,
        '    unit: "%"\n    targets:\n      "2025": "60"\n      "2030": "> 60"',
        '    unit: ca\n    targets:\n      "2025": không để xảy ra tử vong\n      "2030": "không quá 0"',
    )
    assert only_problem(invoke(["check", fixture_copy], 0).output) == (
        f"{path.as_posix()}:{line_of(path, 'không để xảy ra tử vong')}:15: cảnh báo: chỉ tiêu 'không để xảy ra tử "
        "vong' không có số nên được hiểu là mốc định tính (đánh giá theo trạng thái), mà chỉ tiêu tính bằng ca: nếu "
        "là không quá 0 ca, ghi dạng cấu trúc {text: '…', at_most: 0} [completion-near-miss]"
    )
    replace_in(path, '"2025": không để xảy ra tử vong', '"2025": {text: không để xảy ra tử vong, at_most: 0}')
    assert "không có lỗi" in invoke(["check", fixture_copy], 0).output.splitlines()[-1]
