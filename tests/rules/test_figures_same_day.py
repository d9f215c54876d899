"""figures-same-day: two files of periods ending on the same day give different figures for the same indicator."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke, line_of


def _found(root: Path, code: int = 1) -> list[str]:
    return [line for line in invoke(["check", root], code).output.splitlines() if "[figures-same-day]" in line]


def _write(root: Path, period: str, body: str) -> Path:
    path = root / "data" / f"{period}.yaml"
    path.write_text(f"period: {period}\nsynthetic: true\nindicators:\n{body}", encoding="utf-8")
    return path


def test_a_quarter_and_its_last_month_that_disagree_are_refused_naming_both(example_copy: Path) -> None:
    """A hostile probe: December 90, the fourth quarter 80, the second half 70 were all accepted and the year's view
    showed 70, saying nothing of the others."""
    _write(example_copy, "2026-12", '  "6.8":\n    value: 90\n')
    quarter = _write(example_copy, "2026-Q4", '  "6.8":\n    value: 80\n')
    half = _write(example_copy, "2026-H2", '  "6.8":\n    value: 80\n')
    tail = (
        "hai kỳ cùng tính đến ngày 31/12/2026 nên phải là một số (lũy kế từ đầu năm, hay số hiện có tại ngày đó): kh68 "
        "không chọn, sửa số liệu của một trong hai kỳ (hoặc xóa kỳ thừa) [figures-same-day]"
    )
    assert _found(example_copy) == [
        f"{half.as_posix()}:5:12: lỗi: chỉ tiêu 6.8: 6 tháng cuối năm 2026 ghi 80%, tháng 12/2026 ghi 90%; {tail}",
        f"{quarter.as_posix()}:5:12: lỗi: chỉ tiêu 6.8: quý IV/2026 ghi 80%, tháng 12/2026 ghi 90%; {tail}",
    ]


def test_a_units_figures_are_compared_unit_by_unit(example_copy: Path) -> None:
    _write(example_copy, "2026-09", '  "6.2":\n    by_unit:\n      xa_mh_01: {numerator: 3, denominator: 4}\n')
    quarter = _write(
        example_copy,
        "2026-Q3",
        '  "6.2":\n    by_unit:\n      xa_mh_01: {numerator: 3, denominator: 5}\n      xa_mh_02: {numerator: 1, '
        "denominator: 2}\n",
    )
    line = line_of(quarter, "xa_mh_01:")
    assert _found(example_copy) == [
        (
            f"{quarter.as_posix()}:{line}:17: lỗi: chỉ tiêu 6.2 của xa_mh_01: quý III/2026 ghi 3/5, tháng 9/2026 ghi 3/4; "
            "hai kỳ cùng tính đến ngày 30/9/2026 nên phải là một số (lũy kế từ đầu năm, hay số hiện có tại ngày đó): "
            "kh68 không chọn, sửa số liệu của một trong hai kỳ (hoặc xóa kỳ thừa) [figures-same-day]"
        )
    ]


def test_the_same_figure_twice_and_the_years_own_file_are_no_conflict(example_copy: Path) -> None:
    _write(example_copy, "2026-12", '  "6.8":\n    value: 90\n')
    _write(example_copy, "2026-Q4", '  "6.8":\n    value: 90.0\n')
    year = example_copy / "data" / "2026.yaml"
    year.write_text('year: 2026\nsynthetic: true\nindicators:\n  "6.8":\n    value: 85\n', encoding="utf-8")
    assert _found(example_copy, 0) == []


def test_record_refuses_a_figure_another_period_of_the_same_day_gives_otherwise(example_copy: Path) -> None:
    plan = ["--plan", example_copy]
    invoke(["record", "6.8", "--period", "2026-12", "--value", "90", *plan], 0)
    result = invoke(["record", "6.8", "--period", "2026-Q4", "--value", "80", *plan], 1)
    assert "quý IV/2026 ghi 80%, tháng 12/2026 ghi 90%" in result.stderr
    assert not (example_copy / "data" / "2026-Q4.yaml").exists()


def test_record_refuses_a_month_that_disagrees_with_its_quarter_recorded_before(example_copy: Path) -> None:
    """A review: the month recorded after its quarter was accepted, and the quarter's file then said wrong."""
    plan = ["--plan", example_copy]
    invoke(["record", "6.8", "--period", "2026-Q4", "--value", "80", *plan], 0)
    result = invoke(["record", "6.8", "--period", "2026-12", "--value", "90", *plan], 1)
    assert "tháng 12/2026 ghi 90%, quý IV/2026 ghi 80%" in result.stderr
    assert not (example_copy / "data" / "2026-12.yaml").exists()
