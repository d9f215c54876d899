"""Helpers of the forms tests: make a form, fill it as a user would, snapshot the data files."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from tests.conftest import invoke

UNIT = "phong_gdth_gdmn"
FORM = "bao-cao-2025-phong-gdth-gdmn.xlsx"


# The workbooks made so far in this process, by the plan's files and the form's arguments.
_MADE: dict[tuple[str, str, int, str | None], bytes] = {}


def make_form(plan: Path, out: Path, unit: str = UNIT, year: int = 2025, period: str | None = None) -> Path:
    """``kh68 form`` for one unit: the year's form, or with ``period`` (``2026-11``) that period's.

    kh68 writes a form byte for byte the same from the same plan files, whatever the clock says and wherever the
    plan is (tests/test_forms_generate.py): a form these tests fill is made once per process for each plan (by
    the content of its files) and arguments, and copied into ``out`` for the next test that asks."""
    path = out / f"bao-cao-{period or year}-{unit.replace('_', '-')}.xlsx"
    key = (_content(plan), unit, year, period)
    if key in _MADE:
        out.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_MADE[key])
        return path
    when = ["--period", period] if period else ["--year", str(year)]
    invoke(["form", "--plan", plan, *when, "--unit", unit, "-o", out], 0)
    _MADE[key] = path.read_bytes()
    return path


def _content(plan: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in plan.rglob("*") if p.is_file()):
        digest.update(f"{file.relative_to(plan).as_posix()}\0{file.stat().st_size}\0".encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def sent(day: Any, month: Any, year: Any = 2025) -> dict[tuple[str, str], Any]:
    """The sent date typed into its three cells on the tasks sheet: ngày C4, tháng E4, năm G4."""
    return {("Nhiệm vụ", "C4"): day, ("Nhiệm vụ", "E4"): month, ("Nhiệm vụ", "G4"): year}


def fill(path: Path, values: dict[tuple[str, str], Any]) -> Path:
    """Type ``values`` (sheet, cell → value) into the form and save it, as openpyxl would."""
    wb = openpyxl.load_workbook(path)
    for (sheet, cell), value in values.items():
        wb[sheet][cell] = value
    wb.save(path)
    return path


def edit_workbook(path: Path, change) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def with_cached_formula(path: Path, sheet_file: str, cell: str, formula: str) -> Path:
    """Turn the number typed in ``cell`` into a formula whose cached result is that number (as Excel saves)."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == f"xl/worksheets/{sheet_file}":
                pattern = rf'(<c r="{cell}"[^>]*>)(<v>[^<]*</v>)'.encode()
                data, count = re.subn(pattern, rb"\1<f>" + formula.encode() + rb"</f>\2", data)
                assert count == 1, f"{cell} has no typed value in {sheet_file}"
            target.writestr(info, data)
    out.replace(path)
    return path


def snapshot(plan: Path) -> dict[str, bytes]:
    return {p.relative_to(plan).as_posix(): p.read_bytes() for p in sorted(plan.rglob("*")) if p.is_file()}
