"""docs/contributing.md's module table names every module of src/kh68, so that it cannot drift from the layout."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "kh68"


def _named(table: str) -> set[str]:
    """Paths the table names: ``reading/models.py`` and folders such as ``kinds/targets/`` or ``lint/rules/``."""
    return set(re.findall(r"`([a-z_/]+(?:\.py|/))`", table))


def test_the_module_table_names_every_module() -> None:
    text = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    table = "\n".join(line for line in text.splitlines() if line.startswith("| `"))
    named = _named(table)
    short = {n.rsplit("/", 1)[-1] for n in named if n.endswith(".py")}  # "`outputs/`: `document.py`, …" rows
    missing = []
    for module in sorted(PACKAGE.rglob("*.py")):
        rel = module.relative_to(PACKAGE).as_posix()
        if module.name in ("__init__.py", "__main__.py"):
            continue
        folders = {rel.rsplit("/", i)[0] + "/" for i in range(1, rel.count("/") + 1)}
        if rel in named or folders & named or (module.name in short and rel.startswith("outputs/")):
            continue
        missing.append(rel)
    assert missing == []
