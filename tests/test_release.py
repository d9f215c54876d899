"""Releases: one version, a changelog entry for it, and a wheel and an sdist that work once installed.

The version is written once, as ``__version__`` in ``src/kh68/__init__.py``: the package
metadata reads it (hatch's version source) and ``kh68 --version`` prints it. The slow test
builds the sdist and the wheel (from the sdist, as ``make dist`` does), checks them with
twine, installs the wheel into a fresh venv and runs it there, from outside the source tree:
``--version``, ``check``, the reports (their templates are read at run time from the
wheel) and ``init`` (its templates too) give what the development install gives. The
dependencies and the build backend come from a wheelhouse fetched once per run
(tests/installs.py).
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

import kh68
from conftest import EXAMPLE_PLAN, REPO, invoke, made_once
from installs import fresh_venv, offline_pip, ok_or_offline, run, venv_env
from kh68.repo.scaffold import scaffold_files

CHANGELOG = REPO / "CHANGELOG.md"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_written_once_and_everything_agrees() -> None:
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"] == {"path": "src/kh68/__init__.py"}
    source = (REPO / "src" / "kh68" / "__init__.py").read_text(encoding="utf-8")
    assert re.findall(r'^__version__ = "([^"]+)"$', source, flags=re.M) == [kh68.__version__]
    assert version("kh68") == kh68.__version__, "the installed metadata is older than __version__: run make lint"
    assert invoke(["--version"], 0).output == f"kh68 {kh68.__version__}\n"
    script = Path(sys.executable).parent / "kh68"
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"kh68 {kh68.__version__}\n")


def test_release_tools_are_an_extra_not_runtime_dependencies() -> None:
    names = {re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0].lower() for spec in PYPROJECT["project"]["dependencies"]}
    assert not names & {"build", "twine", "hatchling"}
    release = PYPROJECT["project"]["optional-dependencies"]["release"]
    assert {re.split(r"[<>=!~ ]", spec, maxsplit=1)[0] for spec in release} == {"build", "twine"}


def _changelog_versions() -> list[tuple[str, str]]:
    return re.findall(r"^## \[([^\]]+)\](?: - (\S+))?$", CHANGELOG.read_text(encoding="utf-8"), flags=re.M)


def test_the_changelog_has_an_entry_per_version_newest_first() -> None:
    entries = _changelog_versions()
    assert entries[0] == ("Unreleased", "")
    released = entries[1:]
    assert released, "no released version in CHANGELOG.md"
    for number, day in released:
        assert re.fullmatch(r"\d+\.\d+\.\d+", number), number
        datetime.date.fromisoformat(day)  # Keep a Changelog: "## [X.Y.Z] - YYYY-MM-DD"
    numbers = [tuple(int(part) for part in number.split(".")) for number, _ in released]
    assert numbers == sorted(numbers, reverse=True)
    assert kh68.__version__ in [number for number, _ in released], (
        f"CHANGELOG.md has no entry for {kh68.__version__}: move the Unreleased entries under it"
    )


def test_the_readme_says_how_to_install_a_pinned_release() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'pipx install "kh68==X.Y.Z"' in readme
    assert 'pip install "kh68==X.Y.Z"' in readme
    assert "git tag -a vX.Y.Z" in (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
    assert 'pipx install "kh68 @ git+https://' in (REPO / "docs" / "huong-dan" / "cai-dat.md").read_text(
        encoding="utf-8"
    )


# ---------------------------------------------------------------- building and installing


@pytest.fixture(scope="module")
def dist(tmp_path_factory, wheelhouse: Path) -> Path:
    """``dist/`` built from this tree as ``make dist`` builds it: made once per run, whichever xdist worker
    asks first (the tests only read it)."""
    return made_once(tmp_path_factory, "release-dist", lambda base: _build(base, wheelhouse)) / "dist"


@pytest.fixture(scope="module")
def installed(tmp_path_factory, dist: Path, wheelhouse: Path) -> tuple[Path, dict[str, str]]:
    """The wheel of ``dist`` installed in a fresh venv, once per run: (the venv's kh68, its environment)."""
    base = made_once(tmp_path_factory, "release-venv", lambda base: _install(base, dist, wheelhouse))
    return base / "venv" / "bin" / "kh68", venv_env(base / "venv")


def _build(base: Path, wheelhouse: Path) -> None:
    """The sdist, then the wheel from the sdist, each in an isolated environment (its backend from the wheelhouse)."""
    env = {**os.environ, **offline_pip(wheelhouse)}
    done = run([sys.executable, "-m", "build", "--outdir", str(base / "dist"), str(REPO)], base, env)
    ok_or_offline(done, "python -m build")


def _install(base: Path, dist: Path, wheelhouse: Path) -> None:
    venv = base / "venv"
    fresh_venv(venv)
    # The workflow's own install line, the package found in dist/ (and its dependencies in the wheelhouse).
    install = yaml.safe_load(scaffold_files(year=2026)[".github/workflows/plan.yml"])["jobs"]["check"]["steps"]
    line = next(step["run"] for step in install if step.get("name") == "Cài kh68")
    assert line == f'python -m pip install "kh68=={kh68.__version__}"'
    done = run(["bash", "-e", "-c", line], base, {**venv_env(venv), **offline_pip(wheelhouse, dist)})
    ok_or_offline(done, line)
    wheel = re.escape(f"dist/kh68-{kh68.__version__}-py3-none-any.whl")
    assert re.search(rf"^Processing \S*{wheel}$", done.stdout, flags=re.M), done.stdout  # this build, not another


@pytest.mark.slow
def test_make_dist_builds_a_wheel_and_an_sdist_that_twine_passes(dist: Path) -> None:
    name = f"kh68-{kh68.__version__}"
    assert sorted(p.name for p in dist.iterdir()) == [f"{name}-py3-none-any.whl", f"{name}.tar.gz"]
    done = run([sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))], dist)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2, done.stdout
    with zipfile.ZipFile(dist / f"{name}-py3-none-any.whl") as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"{name}.dist-info/METADATA").decode()
    templates = {p.relative_to(REPO).as_posix() for p in (REPO / "templates").rglob("*") if p.is_file()}
    assert {f"kh68/{t}" for t in templates} <= names
    assert f"\nVersion: {kh68.__version__}\n" in metadata
    assert "\nProvides-Extra: release\n" in metadata


@pytest.mark.slow
def test_the_installed_wheel_runs_from_outside_the_source_tree(installed, tmp_path: Path) -> None:
    program, env = installed
    where = run([str(program.parent / "python"), "-c", "import kh68; print(kh68.__file__)"], tmp_path, env)
    assert str(REPO) not in where.stdout
    assert "site-packages" in where.stdout, where.stdout
    assert run([str(program), "--version"], tmp_path, env).stdout == f"kh68 {kh68.__version__}\n"

    checked = run([str(program), "check", str(EXAMPLE_PLAN)], tmp_path, env)
    assert (checked.returncode, checked.stdout) == (0, invoke(["check", EXAMPLE_PLAN], 0).output)

    for fmt in ("md", "html"):
        args = ["report", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--date", "2025-12-20", "--format", fmt]
        out = tmp_path / f"bao-cao.{fmt}"
        made = run([str(program), *args, "-o", str(out)], tmp_path, env)
        assert made.returncode == 0, made.stdout + made.stderr
        assert out.read_text(encoding="utf-8") == invoke(args, 0).stdout, fmt  # (the late-date warning is on stderr)

    made = run([str(program), "init", "--no-git", "kehoach"], tmp_path, env)
    assert made.returncode == 0, made.stdout + made.stderr
    for rel, text in scaffold_files().items():
        assert (tmp_path / "kehoach" / rel).read_text(encoding="utf-8") == text, rel
