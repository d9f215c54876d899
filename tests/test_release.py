"""Releases: one version, a changelog entry for it, and a wheel and an sdist that work once installed.

The version is written once, as ``__version__`` in ``src/kh68/__init__.py``: the package
metadata reads it (hatch's version source) and ``kh68 --version`` prints it. The slow test
builds the sdist and the wheel (from the sdist, as ``make dist`` does), checks them with
twine, installs the wheel into a fresh venv and runs it there, from outside the source tree:
``--version``, ``check``, the reports (their templates are read at run time from the
wheel) and ``init`` (its templates too) give what the development install gives.
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
from kh68.repo.scaffold import scaffold_files

CHANGELOG = REPO / "CHANGELOG.md"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# A build or an install that failed because the package index is out of reach (the test is then skipped).
OFFLINE = re.compile(
    r"NewConnectionError|Temporary failure in name resolution|Failed to establish a new connection|"
    r"Could not find a version that satisfies|No matching distribution found|Network is unreachable|"
    r"ProxyError|ConnectTimeout|ReadTimeout|Max retries exceeded"
)


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


def _run(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _ok_or_offline(done: subprocess.CompletedProcess[str], what: str) -> None:
    said = done.stdout + done.stderr
    if done.returncode != 0 and OFFLINE.search(said):
        pytest.skip(f"{what}: the package index is out of reach ({OFFLINE.search(said)[0]})")
    assert done.returncode == 0, f"{what}:\n{said}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """``dist/`` built from this tree, the wheel installed in a fresh venv: (dist, the venv's kh68, env).

    Made once per run, whichever xdist worker runs a test of it first (the tests only read it)."""
    base = made_once(tmp_path_factory, "release", _build_and_install)
    return base / "dist", base / "venv" / "bin" / "kh68", _venv_env(base / "venv")


def _venv_env(venv: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def _build_and_install(base: Path) -> None:
    dist = base / "dist"
    _ok_or_offline(_run([sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)], base), "python -m build")
    venv = base / "venv"
    _ok_or_offline(_run([sys.executable, "-m", "venv", str(venv)], base), "python -m venv")
    env = _venv_env(venv)
    # The workflow's own install line, the package found in dist/ (and its dependencies on the index).
    install = yaml.safe_load(scaffold_files(year=2026)[".github/workflows/plan.yml"])["jobs"]["check"]["steps"]
    line = next(step["run"] for step in install if step.get("name") == "Cài kh68")
    assert line == f'python -m pip install "kh68=={kh68.__version__}"'
    done = _run(["bash", "-e", "-c", line], base, {**env, "PIP_FIND_LINKS": str(dist)})
    _ok_or_offline(done, line)
    wheel = re.escape(f"dist/kh68-{kh68.__version__}-py3-none-any.whl")
    assert re.search(rf"^Processing \S*{wheel}$", done.stdout, flags=re.M), done.stdout  # this build, not another


@pytest.mark.slow
def test_make_dist_builds_a_wheel_and_an_sdist_that_twine_passes(installed) -> None:
    dist, _, _ = installed
    name = f"kh68-{kh68.__version__}"
    assert sorted(p.name for p in dist.iterdir()) == [f"{name}-py3-none-any.whl", f"{name}.tar.gz"]
    done = _run([sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))], dist)
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
    _, program, env = installed
    where = _run([str(program.parent / "python"), "-c", "import kh68; print(kh68.__file__)"], tmp_path, env)
    assert str(REPO) not in where.stdout
    assert "site-packages" in where.stdout, where.stdout
    assert _run([str(program), "--version"], tmp_path, env).stdout == f"kh68 {kh68.__version__}\n"

    checked = _run([str(program), "check", str(EXAMPLE_PLAN)], tmp_path, env)
    assert (checked.returncode, checked.stdout) == (0, invoke(["check", EXAMPLE_PLAN], 0).output)

    for fmt in ("md", "html"):
        args = ["report", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--date", "2025-12-20", "--format", fmt]
        out = tmp_path / f"bao-cao.{fmt}"
        made = _run([str(program), *args, "-o", str(out)], tmp_path, env)
        assert made.returncode == 0, made.stdout + made.stderr
        assert out.read_text(encoding="utf-8") == invoke(args, 0).stdout, fmt  # (the late-date warning is on stderr)

    made = _run([str(program), "init", "--no-git", "kehoach"], tmp_path, env)
    assert made.returncode == 0, made.stdout + made.stderr
    for rel, text in scaffold_files().items():
        assert (tmp_path / "kehoach" / rel).read_text(encoding="utf-8") == text, rel
