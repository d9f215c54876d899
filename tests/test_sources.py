"""The sources of figures of ``kh68 import``: one table, picked by suffix, each yielding figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kh68.core.errors import error
from kh68.entry.edits import ValueEdit
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


def _refusing(calls: list[int], together: set[str]) -> Callable[..., None]:
    """An ``apply_edits`` that refuses any batch holding every indicator of ``together`` (and counts its calls)."""
    from kh68.core.errors import EditRefused

    def apply(plan: object, edits: list[ValueEdit], **_: object) -> None:
        calls.append(len(edits))
        if together <= {e.indicator for e in edits}:
            raise EditRefused([error("data/2026.yaml", 3, 5, f"lỗi của {', '.join(sorted(together))}")])

    return apply


def test_the_edit_that_brings_an_error_is_found_by_halves(monkeypatch: pytest.MonkeyPatch) -> None:
    """One wrong figure among sixteen: found in a few checks of the data file (halves), said with its own place."""
    from kh68.entry import importing

    calls: list[int] = []
    monkeypatch.setattr(importing, "apply_edits", _refusing(calls, {"i11"}))
    edits = [ValueEdit(f"i{n}", 2026, value="1", origin=f"dòng {n + 2}") for n in range(16)]
    found = importing._culprits(None, importing._figures(edits))  # type: ignore[arg-type]
    assert [([e.origin for e in blamed], [p.message for p in problems]) for blamed, problems in found] == [
        (["dòng 13"], ["lỗi của i11"])
    ]
    assert calls == [16, 8, 8, 4, 2, 2, 1, 1, 4]  # depth first: the half with the error, then its sibling


def test_edits_that_bring_an_error_only_together_are_said_of_their_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither half alone brings the error: no edit is blamed, the file is (``_apply`` then says it of the file)."""
    from kh68.entry import importing

    monkeypatch.setattr(importing, "apply_edits", _refusing([], {"i0", "i3"}))
    edits = [ValueEdit(f"i{n}", 2026, value="1", origin=f"dòng {n + 2}") for n in range(4)]
    assert importing._culprits(None, importing._figures(edits)) == []  # type: ignore[arg-type]
    assert importing._refusal(Path("a.csv"), [], error("data/2026.yaml", 3, 5, "lỗi", "rule-id")) == (
        "a.csv: lỗi [rule-id]; không ghi vào data/2026.yaml"
    )


def test_a_header_of_many_unknown_columns_is_said_in_a_few_lines(example_copy: Path, tmp_path: Path) -> None:
    """A hostile probe: a header of 100.000 unknown columns was said column by column (2 MB on the terminal)."""
    from conftest import invoke

    wide = tmp_path / "wide.csv"
    names = ",".join(f"c{i}" for i in range(100_000))
    wide.write_text(f"indicator,year,value,{names}\n6.8,2025,76\n", encoding="utf-8")
    [message] = [
        line for line in invoke(["import", "--plan", example_copy, wide], 1).stderr.splitlines() if "lỗi" in line
    ]
    listed = ", ".join(f"cột lạ 'c{i}'" for i in range(20))
    assert message.startswith(f"kh68: lỗi: wide.csv › dòng 1: tiêu đề không hợp lệ ({listed}, … và 99.980 cột lạ khác)")
    assert len(message) < 1_000


def test_a_files_refusal_names_what_its_edits_bring_together_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """A review: when one figure of a file brought an error alone, the errors that only its other figures together
    bring were not said (found only by the next import). Both are: the one at its place, the others of the file."""
    from kh68.core.errors import EditRefused
    from kh68.entry import importing

    def apply(plan: object, edits: list[ValueEdit], **_: object) -> str:
        names = {e.indicator for e in edits}
        problems = [error("data/2026.yaml", 3, 5, f"lỗi của {n}") for n in ("i0",) if n in names]
        problems += [error("data/2026.yaml", 4, 5, "lỗi của i2 và i3")] if {"i2", "i3"} <= names else []
        if problems:
            raise EditRefused(problems)
        return "ghi"

    monkeypatch.setattr(importing, "apply_edits", apply)
    result = importing.FileResult(
        Path("a.csv"), edits=[ValueEdit(f"i{n}", 2026, value="1", origin=f"dòng {n + 2}") for n in range(4)]
    )
    assert importing._apply(None, [result], force=False, dry_run=False) == "ghi"  # type: ignore[arg-type]
    assert result.problems == [
        "a.csv › dòng 2: lỗi của i0; không ghi vào data/2026.yaml",
        "a.csv: lỗi của i2 và i3; không ghi vào data/2026.yaml",
    ]
