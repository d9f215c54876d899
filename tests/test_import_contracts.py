"""The import-linter contracts of pyproject.toml fail when a forbidden import is added.

A copy of the package gets one forbidden import per contract; ``lint-imports``
run on the copy must report every contract broken (and the real package, in
``make lint``, keeps them all).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# One forbidden import per contract: the module it is added to, the line, the contract it breaks.
VIOLATIONS = [
    ("reading/models.py", "import kh68.tracking.engine", "Layers: the CLI on top"),
    ("reading/plan.py", "import rich", "Nothing below the CLI imports typer, click or rich"),
    ("tracking/engine.py", "import pathlib", "The tracking layer and the domain do no I/O"),
    ("domain/coverage.py", "import shutil", "The tracking layer and the domain do no I/O"),
    ("kinds/measure.py", "import kh68.vocab", "No import cycle between the packages and modules of kh68"),
    ("core/errors.py", "import kh68.reading.plan", "The base modules import nothing of the layers above them"),
    ("app/cache.py", "import pydantic", "What a cache hit runs imports only the standard library and kh68.core"),
    ("outputs/export.py", "import kh68.cli.common", "Outputs do not import the CLI"),
    ("outputs/unit_report.py", "import kh68.outputs.report_context", "Each kind of document is a unit"),
    ("cli/outcome.py", "import typer", "A cache miss of check, export or status runs without the option parser"),
]


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed (pip install -e '.[lint]')")
def test_every_contract_fails_when_a_forbidden_import_is_added(tmp_path: Path) -> None:
    package = tmp_path / "src" / "kh68"
    shutil.copytree(REPO / "src" / "kh68", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    for module, line, _ in VIOLATIONS:
        path = package / module
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # forbidden\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src")}
    result = subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stdout + result.stderr
    report = " ".join(result.stdout.split())  # long contract names are wrapped
    assert f"Contracts: 0 kept, {len({contract for *_, contract in VIOLATIONS})} broken." in report, report
    for module, line, contract in VIOLATIONS:
        assert contract in report
        imported = line.split()[-1]
        assert f"kh68.{module.removesuffix('.py').replace('/', '.')} -> {imported}" in report, (module, report)
