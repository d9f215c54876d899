"""The sources of figures of ``kh68 import``: one table, picked by suffix, each yielding figures."""

from __future__ import annotations

from pathlib import Path

from kh68.entry.forms.dating import Arrival
from kh68.entry.importing import FORM_SUFFIXES
from kh68.entry.sources import SOURCES, source_for
from kh68.entry.sources.csv_file import CsvFile
from kh68.entry.sources.excel_form import ExcelForm
from kh68.kinds.fraction import FractionFault, fraction_problem
from kh68.lint.check import load_plan


def test_each_suffix_has_one_source_and_the_import_takes_them_from_the_table() -> None:
    suffixes = [s for source in SOURCES for s in source.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert set(FORM_SUFFIXES) == set(suffixes)


def test_a_source_is_picked_by_suffix_and_an_unknown_one_is_tried_as_a_form() -> None:
    assert isinstance(source_for(Path("x/bao-cao.CSV")), CsvFile)
    assert isinstance(source_for(Path("bao-cao.xlsx")), ExcelForm)
    assert isinstance(source_for(Path("bao-cao.txt")), ExcelForm)


def test_the_csv_source_yields_figures_and_their_edits(example_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "xuat.csv"
    path.write_text("indicator,year,unit,numerator,denominator\n6.2,2024,pgd_da_lat,2140,6210\n", encoding="utf-8")
    intake = source_for(path).read(path, load_plan(example_copy), Arrival.today())
    assert [(f.indicator_id, f.unit_id, f.numerator, f.denominator) for f in intake.figures] == [
        ("6.2", "pgd_da_lat", 2140, 6210)
    ]
    assert intake.summary == "1 số liệu năm 2024"
    assert intake.edits
    assert intake.unit_period is None


def test_a_fraction_is_checked_once_and_says_which_part_is_wrong() -> None:
    assert fraction_problem(3, 4) is None
    found = [fraction_problem(n, d) for n, d in ((None, 4), (3, 0), (2500, 2000))]
    assert [(p.fault, p.part, p.text) if p else None for p in found] == [
        (FractionFault.MISSING, "numerator", "thiếu tử số: ghi cả tử số và mẫu số"),
        (FractionFault.ZERO, "denominator", "mẫu số phải lớn hơn 0"),
        (FractionFault.ABOVE, "numerator", "tử số 2.500 lớn hơn mẫu số 2.000"),
    ]
