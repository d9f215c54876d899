"""kh68 diff on a history holding file names that are not UTF-8."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE_PLAN, cpu_time, git, invoke, replace_in


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


def _hash(repo: Path, kind: str, data: bytes) -> str:
    """A git object written as given (``--literally``: a tree git itself would refuse to make)."""
    args = ["git", "hash-object", "-t", kind, "-w", "--literally", "--stdin"]
    return subprocess.run(args, cwd=repo, input=data, capture_output=True, check=True).stdout.decode().strip()


def _commit_tree(repo: Path, plan_tree: str) -> str:
    root = _hash(repo, "tree", b"40000 plan\x00" + bytes.fromhex(plan_tree))
    out = subprocess.run(
        ["git", "-c", "user.name=kh68", "-c", "user.email=kh68@example.invalid", "commit-tree", root, "-m", "x"],
        cwd=repo,
        capture_output=True,
        check=True,
    )
    return out.stdout.decode().strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_tree_entry_named_dot_dot_is_refused_and_nothing_is_written_outside(git_repo: Path) -> None:
    """A hostile-input probe: a commit made by hand whose plan folder holds an entry ".." wrote a file wherever its
    path said (``kh68 diff`` extracts revisions without git's checkout, which refuses such names)."""
    blob = _hash(git_repo, "blob", b"written outside\n")
    landed = _hash(git_repo, "tree", b"100644 pwned.txt\x00" + bytes.fromhex(blob))
    up = _hash(git_repo, "tree", b"40000 ..\x00" + bytes.fromhex(landed))
    plan = subprocess.run(
        ["git", "cat-file", "tree", "HEAD:plan"], cwd=git_repo, capture_output=True, check=True
    ).stdout
    commit = _commit_tree(git_repo, _hash(git_repo, "tree", b"40000 ..\x00" + bytes.fromhex(up) + plan))
    result = invoke(["diff", "HEAD", commit, "--plan", git_repo / "plan"], 2)
    assert result.stderr == (
        f"kh68: lỗi: bản {commit[:7]} có tệp tên '../../pwned.txt' không hợp lệ (có phần '..': git không lấy ra "
        "tệp như vậy, có thể là commit làm tay để ghi ra ngoài thư mục); kh68 không đọc bản này\n"
    )
    assert not list(Path(tempfile.gettempdir()).glob("pwned.txt"))


@pytest.mark.skipif(shutil.which("git") is None or os.name == "nt", reason="needs git (and a sparse file)")
def test_a_blob_larger_than_any_plan_file_is_never_read(git_repo: Path) -> None:
    """A hostile-input probe: a 2 MB repository held a 381 MiB data file of one repeated byte; diff read it whole
    (800 MB of memory) before saying it was too large."""
    big = git_repo / "plan" / "data" / "2027.yaml"
    with big.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    git(git_repo, "add", "--all")
    git(git_repo, "commit", "-qm", "tệp lớn")
    big.unlink()
    git(git_repo, "commit", "-qam", "bỏ tệp lớn")
    with cpu_time() as spent:
        result = invoke(["diff", "HEAD~1", "HEAD", "--plan", git_repo / "plan"], 0)
    assert (
        "HEAD~1:plan/data/2027.yaml:1:1: lỗi: không đọc được tệp: tệp quá lớn (65 MiB, tối đa 64 MiB)" in result.output
    )
    assert spent() < 2.0


@pytest.mark.skipif(shutil.which("git") is None or os.name == "nt", reason="needs git (and a ':' in a name)")
def test_a_name_with_a_colon_is_an_ordinary_file_outside_windows(git_repo: Path) -> None:
    """A review: "ghi chú 10:30.txt" in the plan folder made every diff refuse the revision."""
    (git_repo / "plan" / "ghi chú 10:30.txt").write_text("ghi chú\n", encoding="utf-8")
    git(git_repo, "add", "--all")
    git(git_repo, "commit", "-qm", "ghi chú")
    result = invoke(["diff", "HEAD~1", "HEAD", "--plan", git_repo / "plan"], 0)
    assert result.output.splitlines()[-1] == "Không có thay đổi về mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị hay số liệu."


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_files_kh68_does_not_read_are_never_written_out(git_repo: Path, tmp_path: Path) -> None:
    """A second hostile-input probe: twenty entries naming one 60 MB blob (a 248 KB repository) wrote 1,1 GB into
    the temporary folder; a file kh68 does not read is its name alone."""
    blob = _hash(git_repo, "blob", b"#" * (4 * 1024 * 1024))
    entries = b"".join(b"100644 big-%02d.bin\x00" % i + bytes.fromhex(blob) for i in range(20))
    plan = subprocess.run(
        ["git", "cat-file", "tree", "HEAD:plan"], cwd=git_repo, capture_output=True, check=True
    ).stdout
    commit = _commit_tree(git_repo, _hash(git_repo, "tree", entries + plan))
    from kh68.repo.gitplan import _Git

    into = tmp_path / "plan"
    into.mkdir()
    assert _Git(git_repo).extract(commit, "plan", into) == 20 + len(list((git_repo / "plan").rglob("*.yaml")))
    assert {f.stat().st_size for f in into.glob("big-*.bin")} == {0}
    invoke(["diff", "HEAD", commit, "--plan", git_repo / "plan"], 0)
