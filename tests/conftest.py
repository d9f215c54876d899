"""Shared fixtures and helpers for the kh68 tests (keep this file small)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import kh68.cli
from tools import PROBES, probe

# No test sees an answer cached by another run (tests/test_cache.py turns it on in a temporary directory).
os.environ["KH68_NO_CACHE"] = "1"

REPO = Path(__file__).resolve().parents[1]
# The tests run on fixture plans, never on plan/ (the department's own, which it edits freely; only
# test_bundled_plan.py runs `kh68 check plan` on it). FIXTURE_PLAN: a frozen copy of plan/ (no data
# files), see tests/fixtures/plans/README.md.
FIXTURE_PLAN = REPO / "tests" / "fixtures" / "plans" / "lamdong-nq68"
EXAMPLE_PLAN = REPO / "examples" / "plan"
# The demo's units before and after the reorganisation of 01/7/2025.
DISTRICTS = [
    "pgd_da_lat", "pgd_bao_loc", "pgd_bao_lam", "pgd_cat_tien", "pgd_da_huoai", "pgd_da_teh",
    "pgd_di_linh", "pgd_dam_rong", "pgd_don_duong", "pgd_duc_trong", "pgd_lac_duong", "pgd_lam_ha",
]  # fmt: skip
COMMUNES = [f"xa_mh_{i:02d}" for i in range(1, 11)]


@pytest.hookimpl(trylast=True)  # after -m and -k: only the tools of the tests that will run are probed
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """``@pytest.mark.needs("calc", ...)``: skipped, saying why, unless each tool does its job (tests/tools.py)."""
    for item in items:
        for mark in item.iter_markers("needs"):
            for key in mark.args:
                if key not in PROBES:
                    raise pytest.UsageError(f"{item.nodeid}: needs({key!r}): no such tool in tests/tools.py")
                found = probe(key)
                if isinstance(found, str):
                    item.add_marker(pytest.mark.skip(reason=found))


@pytest.fixture(scope="module")
def demo():
    """The demo plan, loaded once per test module (tests only read it)."""
    from kh68.lint.check import load_plan

    return load_plan(EXAMPLE_PLAN)


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture plan ``FIXTURE_PLAN`` (no data files)."""
    return Path(shutil.copytree(FIXTURE_PLAN, tmp_path / "plan"))


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the synthetic demo plan in ``examples/plan`` (with data files)."""
    return Path(shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan"))


def invoke(args: list[str], exit_code: int, env: dict[str, str] | None = None) -> Result:
    """Run ``kh68 ARGS``; assert the exit code and that no traceback escaped."""
    result = CliRunner().invoke(kh68.cli.app, [str(a) for a in args], env=env)
    output = result.output
    assert result.exit_code == exit_code, f"exit {result.exit_code} != {exit_code}\n{output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output, output
    return result


def check_fails(root: Path, *extra: str) -> str:
    """The output of ``kh68 check ROOT``, which must exit 1."""
    return invoke(["check", root, *extra], 1).output


# The demo plan's one deliberate warning: 6.2 in 2025 is aggregated from 7 of the 10 communes
# expected (test_check_cli.test_example_plan_is_clean_but_for_its_provisional_value asserts it);
# problem_lines looks past it.
DEMO_PROVISIONAL = "cảnh báo: chỉ tiêu 6.2 năm 2025: giá trị tạm tính, 7/10 đơn vị đã báo cáo"


def problem_lines(output: str) -> list[str]:
    """The ``path:line:column: lỗi|cảnh báo: …`` lines of ``output`` (but the demo's deliberate warning)."""
    return [
        line
        for line in output.splitlines()
        if re.match(r"^.+:\d+:\d+: (lỗi|cảnh báo): ", line) and DEMO_PROVISIONAL not in line
    ]


def only_problem(output: str) -> str:
    """The one problem line of ``output`` (fail if there are more or none)."""
    lines = problem_lines(output)
    assert len(lines) == 1, output
    return lines[0]


def only_error(output: str) -> str:
    """The one error line of ``output`` (fail if there are more or none); warnings are ignored."""
    lines = [line for line in output.splitlines() if ": lỗi: " in line]
    assert len(lines) == 1, output
    return lines[0]


def add_line_after(path: Path, anchor: str, line: str) -> int:
    """Insert ``line`` after the one line containing ``anchor``; return its 1-based number."""
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = line_of(path, anchor)
    text.insert(at, line + "\n")
    path.write_text("".join(text), encoding="utf-8")
    return at + 1


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a text file (fail if it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of ``path`` containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def indicator(targets: dict, *, direction: str = "higher", basis: str = "value", unit: str = "%", id: str = "9.1"):
    """A small indicator for engine tests, with its targets as written in a plan."""
    from kh68.reading.models import Indicator

    return Indicator.model_validate(
        {
            "id": id,
            "name": "Chỉ tiêu thử",
            "unit": unit,
            "direction": direction,
            "basis": basis,
            "targets": targets,
            "responsible_units": ["phong_a"],
        }
    )


@contextmanager
def cpu_time() -> Iterator[Callable[[], float]]:
    """The CPU seconds spent inside the block by this process and the children it waited for.

    A budget such as "refused at once, without reading the 2 GB" is about the work done: on
    the wall clock it also counts the time other processes had the CPU, and fails on a loaded
    machine (the tests share two cores). ``with cpu_time() as spent: ...; assert spent() < 1``.
    """

    def now() -> float:
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system

    start = now()
    yield lambda: now() - start


# ---------------------------------------------------------------- git

needs_git = pytest.mark.needs("git")

# A known committer, and no user or system configuration of the machine the tests run on.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run ``git ARGS`` in ``repo`` (it must succeed); its output, stripped."""
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=True).stdout.strip()


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path`` outside any git work tree, git configured as ``GIT_ENV`` says (for kh68's own git calls too)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    return tmp_path


@pytest.fixture
def git_repo(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo plan committed on ``main`` as ``plan/``; the working directory is the repository."""
    root = isolated / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(EXAMPLE_PLAN, root / "plan")
    git(root, "add", ".")
    git(root, "commit", "-qm", "kế hoạch")
    monkeypatch.chdir(root)
    monkeypatch.delenv("KH68_PLAN", raising=False)
    return root
