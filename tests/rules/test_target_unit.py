"""target-unit: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, check_fails, invoke, line_of, only_problem, replace_in
from kh68.kinds.targets import accepted_forms


def test_a_unit_other_than_the_indicators_is_an_error(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2025": "60"', '"2025": "60 trường"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '60 trường')}:15: lỗi: chỉ tiêu '60 trường' ghi đơn vị 'trường', "
        "khác đơn vị tính '%' của chỉ tiêu 6.5 [target-unit]"
    )


def test_the_indicators_own_unit_after_the_number_is_read(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "indicators.yaml", '"2025": "60"', '"2025": "60 %"')
    invoke(["check", fixture_copy], 0)


def test_words_after_a_percent_that_no_rate_is_of_are_refused_never_read_as_the_percent(fixture_copy: Path) -> None:
    """ "5% hoặc thấp hơn" is no rate of anything the indicator's name says: an error naming the forms, never ≥ 5%."""
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "60% hoặc thấp hơn"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'hoặc thấp hơn')}:15: lỗi: chỉ tiêu '60% hoặc thấp hơn': sau dấu % là "
        f"'hoặc thấp hơn', không phải cái mà tên chỉ tiêu 6.5 nói là tỷ lệ của nó; các dạng đọc được: {accepted_forms()} "
        "[target-unit]"
    )
    replace_in(path, '"2030": "60% hoặc thấp hơn"', '"2030": "trên 60% trường mầm non"')  # what the name says
    invoke(["check", fixture_copy], 0)


def test_a_rate_each_year_of_an_indicator_in_percent_says_the_two_ways_out(fixture_copy: Path) -> None:
    """A probe of real plans: "đạt 9,5-10%/năm" was told that '/năm' is not what the indicator is a rate of."""
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "đạt 9,5-10%/năm"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '10%/năm')}:15: lỗi: chỉ tiêu 'đạt 9,5-10%/năm' ghi '%/năm', mức của mỗi "
        "năm, mà chỉ tiêu 6.5 tính bằng %: nếu là tốc độ mỗi năm (tăng trưởng bình quân), ghi unit của chỉ tiêu là "
        "'%/năm'; nếu là mức tăng, giảm mỗi năm của tỷ lệ, viết 'tăng bình quân …%/năm' [target-unit]"
    )


def test_what_a_share_is_of_said_with_cac_before_it_is_read(fixture_copy: Path) -> None:
    """A probe of real plans: "100% các giao dịch …" of "Tỷ lệ giao dịch …" was refused, "các" not in the name (a
    count's own words after its unit: ``tests/kinds/test_measure.py``)."""
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "trên 60% các trường mầm non"')
    invoke(["check", fixture_copy], 0)


def test_the_unit_is_quoted_as_the_plan_writes_it(fixture_copy: Path) -> None:
    """Capitals and spacing as typed ('Trường  Mầm non'), never as kh68 compares them ('trường mầm non')."""
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2025": "60"', '"2025": "60 Trường  Mầm non"')
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'Mầm non')}:15: lỗi: chỉ tiêu '60 Trường  Mầm non' ghi đơn vị "
        "'Trường  Mầm non', khác đơn vị tính '%' của chỉ tiêu 6.5 [target-unit]"
    )


def test_a_unit_counted_in_thousands_says_how_many_and_the_way_out(tmp_path: Path) -> None:
    """A probe of Quảng Ngãi 29/KH-UBND: "28 nghìn tỷ đồng" of an indicator in tỷ đồng was refused without a word of
    how to write it."""
    plan = Path(shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "mot-nam", tmp_path / "plan"))
    path = plan / "indicators.yaml"
    replace_in(path, "    unit: thôn\n", "    unit: tỷ đồng\n")
    replace_in(path, '"2026": "08"', '"2026": "28 nghìn tỷ đồng"')
    assert only_problem(check_fails(plan)) == (
        f"{path.as_posix()}:{line_of(path, '28 nghìn tỷ đồng')}:15: lỗi: chỉ tiêu '28 nghìn tỷ đồng' ghi đơn vị "
        "'nghìn tỷ đồng', khác đơn vị tính 'tỷ đồng' của chỉ tiêu 2: 1 nghìn tỷ đồng là 1.000 tỷ đồng; kh68 không tự "
        "đổi: ghi dạng cấu trúc giữ lời văn, số theo đơn vị tính của chỉ tiêu (nhân 1.000), ví dụ {text: '…', "
        "at_least: …} [target-unit]"
    )


def test_the_way_out_of_a_scale_keeps_the_side_the_words_say(tmp_path: Path) -> None:
    """A probe of real plans: "đạt trên 660 ngàn tỷ đồng" was offered {…, at_least: …}, turning "more than" into "at
    least"."""
    plan = Path(shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "mot-nam", tmp_path / "plan"))
    path = plan / "indicators.yaml"
    replace_in(path, "    unit: thôn\n", "    unit: tỷ đồng\n")
    replace_in(path, '"2026": "08"', '"2026": "đạt trên 660 ngàn tỷ đồng"')
    assert only_problem(check_fails(plan)).endswith("ví dụ {text: '…', greater_than: …} [target-unit]")


def test_another_scale_of_a_currency_is_said_too() -> None:
    from kh68.lint.rules.target_unit import _message

    assert _message("1,5 tỷ USD", "tỷ USD", "triệu USD", "4").endswith(
        "1 tỷ USD là 1.000 triệu USD; kh68 không tự đổi: ghi dạng cấu trúc giữ lời văn, số theo đơn vị tính của chỉ "
        "tiêu (nhân 1.000), ví dụ {text: '…', at_least: …}"
    )
    assert _message("500 ha", "ha", "tỷ đồng", "1.2") == (
        "chỉ tiêu '500 ha' ghi đơn vị 'ha', khác đơn vị tính 'tỷ đồng' của chỉ tiêu 1.2"
    )
