"""The README's tables of target, timing and deadline forms are the ones the kinds write."""

from __future__ import annotations

from conftest import REPO
from kh68.kinds import periods, targets, timings
from kh68.outputs.forms_table import TABLES, fill


def test_the_readme_tables_are_what_the_kinds_write() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme == fill(readme), "README.md: chạy make docs để viết lại các bảng"
    for name in TABLES:
        assert f"<!-- generated: {name} -->" in readme


def test_every_kind_has_its_row() -> None:
    for table, kinds in ((TABLES["target-forms"](), targets.KINDS), (TABLES["timing-forms"](), timings.KINDS)):
        assert [line.split("| `")[-1].split("`")[0] for line in table.splitlines()[2:]] == [k.kind for k in kinds]
    assert len(TABLES["deadline-forms"]().splitlines()) == 2 + len(periods.KINDS)
