"""The ``kh68-check`` hook of this repository (``.pre-commit-hooks.yaml``) through the real pre-commit.

This repository's working tree is copied into a temporary git repository (the
hook source, as ``pre-commit try-repo`` does), and a plan repository made by
``kh68 init --hook-repo <copy> --hook-rev <its full commit id>`` (the pinned
variant; the default local hook is tested offline in ``test_init_hooks.py``)
holds the fixture plan ``FIXTURE_PLAN``. pre-commit builds the hook's environment by
pip-installing kh68 from the copy, and the workflow's install line installs the
same kh68 into a fresh venv; both take kh68's dependencies and build backend from
the wheelhouse fetched once per run (tests/installs.py). The tests are skipped,
with the reason, only when the package index is out of reach.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import kh68
from conftest import FIXTURE_PLAN, made_once
from installs import fresh_venv, offline_pip, ok_or_offline, venv_env
from kh68.cli.readonly import NOT_CROSS_CHECKED
from kh68.lint.check import check_plan
from kh68.repo.scaffold import scaffold
from tools import require

ROOT = Path(__file__).resolve().parents[1]
HOOK_NAME = "kh68 check (kiểm tra kế hoạch)"

pytestmark = [pytest.mark.slow, pytest.mark.needs("pre-commit")]


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_", "VIRTUAL_ENV"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_GLOBAL="/dev/null",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} → {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def _source_files() -> list[str]:
    if (ROOT / ".git").exists():
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return [f for f in out.split("\0") if f and (ROOT / f).is_file()]
    skip = {".venv", ".git", "__pycache__", ".pytest_cache", "build", "dist"}
    return [
        p.relative_to(ROOT).as_posix()
        for p in ROOT.rglob("*")
        if p.is_file() and not skip.intersection(p.relative_to(ROOT).parts)
    ]


def _hook_source(shared: Path) -> None:
    """The working tree committed in ``shared/kh68``; ``shared/cache``, pre-commit's home (its own lock guards it)."""
    env = _env(shared / "cache")
    git = list(require("git").argv)
    source = shared / "kh68"
    for rel in _source_files():
        target = source / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    _run([*git, "init", "-q"], source, env)
    _run([*git, "add", "-A"], source, env)
    _run([*git, "commit", "-qm", "kh68 (bản sao cây làm việc)"], source, env)


@pytest.fixture(scope="module")
def plan_repo(tmp_path_factory, wheelhouse: Path) -> tuple[Path, dict[str, str]]:
    """A plan repository of this worker's (the tests edit it) whose hook and workflow pin the hook's source."""
    shared = made_once(tmp_path_factory, "precommit", _hook_source)
    base = tmp_path_factory.mktemp("precommit")
    env = {**_env(shared / "cache"), **offline_pip(wheelhouse)}
    git = list(require("git").argv)
    source = shared / "kh68"
    sha = _run([*git, "rev-parse", "HEAD"], source, env).stdout.strip()

    repo = base / "kehoach"
    report = scaffold(repo, hook_repo=source.as_posix(), hook_rev=sha, git=False)
    assert report.kept == []
    shutil.rmtree(repo / "plan")
    shutil.copytree(FIXTURE_PLAN, repo / "plan")
    _run([*git, "init", "-q"], repo, env)
    _run([*git, "add", "-A"], repo, env)
    _run([*git, "commit", "-qm", "kế hoạch"], repo, env)
    return repo, env


@pytest.fixture(scope="module")
def hooked(plan_repo: tuple[Path, dict[str, str]]) -> tuple[Path, dict[str, str]]:
    """``plan_repo`` with the hook's environment installed. pre-commit's home is shared by the xdist workers,
    so that the hook's environment is built once a run (pre-commit's own lock guards it)."""
    repo, env = plan_repo
    install = _run([*require("pre-commit").argv, "install-hooks"], repo, env, check=False)
    home_log = Path(env["PRE_COMMIT_HOME"]) / "pre-commit.log"
    log = home_log.read_text(encoding="utf-8", errors="replace") if home_log.is_file() else ""
    ok_or_offline(install, "pre-commit install-hooks", log)
    return repo, env


def test_hook_passes_on_the_bundled_plan(hooked):
    repo, env = hooked
    done = _run([*require("pre-commit").argv, "run", "--all-files"], repo, env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(rf"^{re.escape(HOOK_NAME)}\.+Passed$", done.stdout, flags=re.M), done.stdout


def test_hook_fails_with_file_and_line_on_a_broken_plan(hooked):
    repo, env = hooked
    indicators = repo / "plan" / "indicators.yaml"
    original = indicators.read_text(encoding="utf-8")
    try:
        indicators.write_text(
            original.replace("    name: Tỷ lệ huy động trẻ em nhà trẻ", "    nmae: Tỷ lệ huy động trẻ em nhà trẻ", 1),
            encoding="utf-8",
        )
        problems = check_plan(repo / "plan")[1]
        expected = [p.parsable().replace((repo / "plan").as_posix(), "plan", 1) for p in problems]
        assert expected
        assert expected[0].startswith("plan/indicators.yaml:")
        done = _run([*require("pre-commit").argv, "run", "--files", "plan/indicators.yaml"], repo, env, check=False)
        assert done.returncode == 1, done.stdout + done.stderr
        assert re.search(rf"^{re.escape(HOOK_NAME)}\.+Failed$", done.stdout, flags=re.M), done.stdout
        lines = done.stdout.splitlines()
        for line in expected:
            assert line in lines, done.stdout
        assert f"plan: 2 lỗi, 0 cảnh báo{NOT_CROSS_CHECKED}." in lines  # a plan file's errors: more may follow
    finally:
        indicators.write_text(original, encoding="utf-8")


def test_hook_is_skipped_when_no_plan_file_changes(hooked):
    repo, env = hooked
    done = _run([*require("pre-commit").argv, "run", "--files", "README.md"], repo, env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(rf"^{re.escape(HOOK_NAME)}\.+\(no files to check\)Skipped$", done.stdout, flags=re.M), done.stdout


def test_the_workflow_installs_the_same_kh68_from_the_pinned_source(plan_repo, tmp_path):
    """The install line of the generated workflow (a path as git+file://localhost/…@<commit>) works with pip."""
    repo, env = plan_repo
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "plan.yml").read_text(encoding="utf-8"))
    install = next(step["run"] for step in workflow["jobs"]["check"]["steps"] if step.get("name") == "Cài kh68")
    assert install.startswith('python -m pip install "kh68 @ git+file://localhost/')
    venv = tmp_path / "venv"
    fresh_venv(venv)
    done = _run(["bash", "-e", "-c", install], repo, venv_env(venv, env), check=False)
    ok_or_offline(done, install)
    assert _run([str(venv / "bin" / "kh68"), "--version"], repo, env).stdout == f"kh68 {kh68.__version__}\n"
    checked = _run([str(venv / "bin" / "kh68"), "check", "plan"], repo, env, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
