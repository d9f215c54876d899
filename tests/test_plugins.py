"""The kh68 program validates a plan without the pydantic plugins installed beside it (``kh68.app.plugins``)."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_BLANKS, FIXTURE_PLAN
from kh68.app import plugins

SPY = """
import os


class Spy:
    def new_schema_validator(self, schema, schema_type, path, kind, config, settings):
        with open(os.environ["SPY_LOG"], "a", encoding="utf-8") as log:
            log.write(path.name + "\\n")
        return None, None, None


plugin = Spy()
"""

PROGRAM = "import sys; sys.argv = ['kh68', *sys.argv[1:]]; from kh68.app.launch import main; main()"
LIBRARY = "import sys; from pathlib import Path; from kh68.lint.check import load_plan; load_plan(Path(sys.argv[1]))"


@pytest.fixture
def spy_installed(tmp_path: Path) -> dict[str, str]:
    """An environment where a pydantic plugin is installed that writes down every model it is shown."""
    site = tmp_path / "site"
    (site / "spy-1.0.dist-info").mkdir(parents=True)
    (site / "spy-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: spy\nVersion: 1.0\n")
    (site / "spy-1.0.dist-info" / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    (site / "spy_plugin.py").write_text(SPY)
    return dict(os.environ, PYTHONPATH=str(site), SPY_LOG=str(tmp_path / "seen.txt"), KH68_NO_CACHE="1")


def _run(code: str, args: list[str], env: dict[str, str], said: str = "") -> None:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False)
    assert (done.returncode, done.stderr) == (0, said)


def test_the_program_validates_a_plan_without_the_plugins_installed(spy_installed: dict[str, str]) -> None:
    seen = Path(spy_installed["SPY_LOG"])
    _run(PROGRAM, ["check", str(FIXTURE_PLAN)], spy_installed)
    _run(PROGRAM, ["status", "--plan", str(FIXTURE_PLAN), "--today", "2025-11-06"], spy_installed)
    report = ["report", "--plan", str(FIXTURE_PLAN), "--year", "2025", "--date", "2025-11-10"]
    _run(PROGRAM, report, spy_installed, EXAMPLE_BLANKS)  # a command run through the option parser
    assert not seen.exists()
    # The same validation from code that imports kh68: the plugin is there, as its environment has it.
    _run(LIBRARY, [str(FIXTURE_PLAN)], spy_installed)
    assert {"UnitsFile", "IndicatorsFile", "TasksFile"} <= set(seen.read_text().split())


def test_the_loader_answers_no_plugin_and_the_rest_from_pydantics_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, plugins.LOADER, raising=False)
    plugins.keep_out()
    loader = importlib.import_module(plugins.LOADER)
    assert loader.get_plugins() == ()
    assert loader.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"  # not answered here: read from pydantic's module
    with pytest.raises(AttributeError):
        loader.__path__  # noqa: B018  (a module, not a package: what the import system asks)


def test_a_loader_already_imported_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, plugins.LOADER, raising=False)
    real = importlib.import_module(plugins.LOADER)
    plugins.keep_out()
    assert sys.modules[plugins.LOADER] is real
    assert real.get_plugins is not plugins._no_plugins  # pydantic's own, which scans the environment
