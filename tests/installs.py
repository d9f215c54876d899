"""kh68 built and installed as a user does, for tests/test_release.py and tests/test_precommit.py.

Those tests install kh68 and its dependencies in new environments three times a run (the wheel of
``make dist`` in a fresh venv, pre-commit's hook environment, the workflow's install from the pinned
source) and its build backend four times (``python -m build``'s two isolated environments, and the builds
from source of pre-commit and of the workflow). Asked of the package index each time, pip spends seconds
of CPU reading every release of each package. So the dependencies and the build backend, as
pyproject.toml names them, are fetched from the index once per run into a wheelhouse (``wheelhouse``,
made by ``conftest.made_once``), and each install of those tests takes them from there with the index
turned off (``offline_pip``): what an install proves is the same (the line as the user types it,
kh68's metadata bringing in only what it declares), and a dependency missing from the index still fails
the fetch. The tests are skipped, saying why, only when the index is out of reach.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# A build or an install that failed because the package index is out of reach (the test is then skipped).
OFFLINE = re.compile(
    r"NewConnectionError|Temporary failure in name resolution|Failed to establish a new connection|"
    r"Could not find a version that satisfies|No matching distribution found|Network is unreachable|"
    r"ProxyError|ConnectTimeout|ReadTimeout|Max retries exceeded"
)


def run(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def ok_or_offline(done: subprocess.CompletedProcess[str], what: str, log: str = "") -> None:
    """``done`` succeeded, or the test is skipped if it failed for want of the package index."""
    said = done.stdout + done.stderr + log
    if done.returncode != 0 and OFFLINE.search(said):
        pytest.skip(f"{what}: the package index is out of reach ({OFFLINE.search(said)[0]})")
    assert done.returncode == 0, f"{what}:\n{said}"


def make_wheelhouse(folder: Path) -> None:
    """Wheels of kh68's dependencies and of its build backend, from the index (for ``made_once``)."""
    wanted = [*PYPROJECT["project"]["dependencies"], *PYPROJECT["build-system"]["requires"]]
    done = run([sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(folder), *wanted], folder)
    ok_or_offline(done, "pip wheel (kh68's dependencies and build backend)")
    assert not list(folder.glob("kh68-*")), "the wheelhouse holds only what kh68 needs, never kh68 itself"


def offline_pip(wheelhouse: Path, *more: Path) -> dict[str, str]:
    """The environment under which pip installs from ``wheelhouse`` (and ``more`` folders) without the index.

    pip does not compile the installed modules to bytecode either (``PIP_COMPILE=0``, pip's ``--no-compile``):
    compiling every module of the 20 packages costs 3 s of CPU per install, where the few runs of the tests
    compile only what they import, once (the Makefile lets Python write its compiled modules)."""
    links = " ".join(str(folder) for folder in (*more, wheelhouse))
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": links, "PIP_COMPILE": "0"}


def fresh_venv(venv: Path) -> None:
    """A new virtual environment with pip in it (virtualenv: a second less than ``python -m venv``'s ensurepip)."""
    done = run([sys.executable, "-m", "virtualenv", "--quiet", "--no-periodic-update", str(venv)], venv.parent)
    assert done.returncode == 0, done.stdout + done.stderr


def venv_env(venv: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (else this process's environment) with ``venv`` first on PATH, outside any other venv."""
    env = {k: v for k, v in (os.environ if base is None else base).items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env
