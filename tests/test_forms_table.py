"""The manual's tables of target, timing and deadline forms and of rules are the ones the kinds and rules write."""

from __future__ import annotations

from conftest import REPO
from kh68.cli.docgen import documents
from kh68.kinds import periods, targets, timings
from kh68.outputs.forms_table import TABLES, fill


def test_the_manual_tables_are_what_the_kinds_write() -> None:
    found = set()
    for path in documents():
        text = path.read_text(encoding="utf-8")
        assert text == fill(text), f"{path.relative_to(REPO)}: chạy make docs để viết lại các bảng"
        found |= {name for name in TABLES if f"<!-- generated: {name} -->" in text}
    assert found == set(TABLES), "every table is shown somewhere"


def test_every_kind_has_its_row() -> None:
    for table, kinds in ((TABLES["target-forms"](), targets.KINDS), (TABLES["timing-forms"](), timings.KINDS)):
        assert [line.split("| `")[-1].split("`")[0] for line in table.splitlines()[2:]] == [k.kind for k in kinds]
    assert len(TABLES["deadline-forms"]().splitlines()) == 2 + len(periods.KINDS)
