"""source-date-outside: see ``kh68.lint.rules`` and the manual's list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, invoke, line_of, only_problem, replace_in

DATA = Path("data") / "2025.yaml"
WRITTEN = "source: {document: Báo cáo minh họa số 02/BC-MH, date: 2025-11-03, unit: phong_qlcl_gdtx}"


@pytest.mark.parametrize(
    ("written", "shown"), [("0001-01-01", "01/01/0001"), ("9999-12-31", "31/12/9999"), ("2052-11-04", "04/11/2052")]
)
def test_a_source_dated_far_from_its_year_is_an_error(example_copy: Path, written: str, shown: str) -> None:
    path = example_copy / DATA
    replace_in(path, WRITTEN, WRITTEN.replace("2025-11-03", written))
    line = line_of(path, f"date: {written}")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line}:60: lỗi: nguồn số liệu chỉ tiêu 6.5 ghi ngày {shown}, cách kỳ báo cáo của tệp "
        "(năm 2025) hơn một năm: ngày hay năm gõ nhầm? [source-date-outside]"
    )


@pytest.mark.parametrize("written", ["2024-01-01", "2026-12-31"])
def test_a_source_of_the_year_before_or_after_is_accepted(example_copy: Path, written: str) -> None:
    replace_in(example_copy / DATA, WRITTEN, WRITTEN.replace("2025-11-03", written))
    invoke(["check", example_copy], 0)  # a plan's figure of late 2024, a yearly report of January 2026


def test_a_units_source_names_the_unit(example_copy: Path) -> None:
    path = example_copy / DATA
    text = path.read_text(encoding="utf-8")
    assert "xa_mh_01: {numerator: 1768, denominator: 5200}" in text
    replace_in(
        path,
        "xa_mh_01: {numerator: 1768, denominator: 5200}",
        "xa_mh_01: {numerator: 1768, denominator: 5200, source: {date: 2205-10-01}}",
    )
    assert "nguồn số liệu chỉ tiêu 6.2 của xa_mh_01 ghi ngày 01/10/2205" in only_problem(check_fails(example_copy))
