"""kh68 diff on a history holding file names that are not UTF-8."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE_PLAN, git, invoke, replace_in


@pytest.mark.skipif(os.name == "nt", reason="needs byte file names (POSIX)")
@pytest.mark.needs("git")
def test_a_name_that_is_not_utf8_in_a_revision_is_no_traceback(tmp_path: Path) -> None:
    plan = Path(shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan"))
    (plan / "data" / os.fsdecode(b"b\xe1o-c\xe1o.yaml")).write_text("x: 1\n", encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=kh68", "-c", "user.email=kh68@example.invalid", "commit", "-qm", "kế hoạch")
    lines = invoke(["diff", "HEAD", "HEAD", "--plan", plan], 0).output.splitlines()
    assert lines[0].startswith("Thay đổi kế hoạch: HEAD (")
    assert lines[1:] == [
        "Kế hoạch có số liệu minh họa (không có thật).",
        "Không có thay đổi về mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị hay số liệu.",
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("name", [":(top)plan", ":!x", "*", ":(glob)**", ":(icase)PLAN"])
def test_a_plan_folder_named_like_a_pathspec_is_that_folder(git_repo: Path, name: str) -> None:
    """``plan/`` holds 35-40 for 6.2 in 2030, the odd folder 36-40; both committed, nothing edited since.

    Read as a pathspec, the odd name would give git's ``plan/`` (a change 35-40 → 36-40, or a failure).
    """
    odd = git_repo / name
    shutil.copytree(git_repo / "plan", odd)
    replace_in(odd / "indicators.yaml", '"2030": 35-40', '"2030": 36-40')
    git(git_repo, "add", "--all")
    git(git_repo, "commit", "-qm", "thư mục tên lạ")
    lines = invoke(["diff", "--plan", name], 0).output.splitlines()
    assert lines[0].startswith("Thay đổi kế hoạch: HEAD (")
    assert lines[1:] == [
        "Kế hoạch có số liệu minh họa (không có thật).",
        "Không có thay đổi về mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị hay số liệu.",
    ]
    replace_in(odd / "indicators.yaml", '"2030": 36-40', '"2030": 37-40')
    changed = invoke(["diff", "--plan", name], 0).output.splitlines()
    assert changed[2:] == [
        "Mục tiêu thay đổi:",
        '  6.2 năm 2030: "36-40" → "37-40" (trong khoảng 36–40% → trong khoảng 37–40%)',
    ]
