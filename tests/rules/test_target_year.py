"""target-year: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, invoke, line_of, only_problem, replace_in


def test_a_year_in_the_words_other_than_its_key_is_an_error(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2025": "60"', '"2025": "Đến năm 2030 đạt 60%"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'Đến năm 2030')}:15: lỗi: chỉ tiêu 'Đến năm 2030 đạt 60%' ghi năm 2030 "
        "nhưng đặt ở năm 2025 [target-year]"
    )


def test_the_year_of_its_key_is_read(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "indicators.yaml", '"2030": "> 60"', '"2030": "Đến năm 2030 đạt trên 60%"')
    invoke(["check", fixture_copy], 0)


def test_the_year_a_change_is_counted_from_is_before_the_target_and_one_the_plan_can_hold(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "tăng 2 điểm phần trăm so với năm 2010"')
    where = f"{path.as_posix()}:{line_of(path, 'so với năm')}:15: lỗi: chỉ tiêu "
    assert only_problem(check_fails(fixture_copy)) == (
        f"{where}'tăng 2 điểm phần trăm so với năm 2010' năm 2030 so với năm 2010: số liệu năm 2010 không ghi được "
        "(các năm có số liệu: 2014–2030; năm số liệu gốc đặt ở period.baseline_years của plan.yaml), nên chỉ tiêu "
        "không bao giờ đánh giá được [target-year]"
    )
    for base in ("2030", "2031"):
        replace_in(path, "so với năm 2010" if base == "2030" else "so với năm 2030", f"so với năm {base}")
        assert only_problem(check_fails(fixture_copy)) == (
            f"{where}'tăng 2 điểm phần trăm so với năm {base}' năm 2030 so với năm {base}: năm gốc phải trước năm "
            "2030 của chỉ tiêu [target-year]"
        )
