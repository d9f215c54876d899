"""Load the plan as it was at a git revision (for ``kh68 diff``).

The plan directory's files at ``REV`` are listed with ``git ls-tree`` (the folder
as a literal path: ``kh68.repo.git``) and read with ``git cat-file`` into a temporary directory, which ``check_plan``
then loads like any plan. Problems found there are shown as ``REV:plan/…``.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from kh68.core.errors import UsageError, os_reason
from kh68.core.files import MAX_READ_BYTES, shown_path
from kh68.core.safetext import excerpt
from kh68.lint.check import check_plan
from kh68.outputs.diff_compare import Side
from kh68.reading.load import plan_root_problem
from kh68.repo.git import git_command

WORKTREE_LABEL = "thư mục đang sửa"


def split_range(rev_a: str | None, rev_b: str | None) -> tuple[str, str | None, bool]:
    """``(old, new, merge_base)``: new ``None`` is the working tree.

    ``A..B`` compares A with B, ``A...B`` the merge base of A and B with B (what
    a pull request changes); an empty side of a range is ``HEAD``, as in git.
    """
    for rev in (rev_a, rev_b):
        # "HEAD:plan/x.yaml" names a file in a commit, never a commit ("HEAD@{2026-12-05 18:21:07}" is one)
        if rev is not None and ":" in re.sub(r"[@^]\{[^}]*\}", "", rev):
            raise UsageError(
                f"'{rev}' không phải tên một bản (commit) của kho git: dấu ':' chỉ một tệp trong một bản; ghi bản, "
                "ví dụ HEAD~1, v0.1.0 hoặc HEAD~1..HEAD"
            )
    if rev_a is None:
        return "HEAD", None, False
    for sep in ("...", ".."):
        if sep in rev_a:
            if rev_b is not None:
                raise UsageError(f"'{rev_a}' đã là một khoảng {sep}; không nhận thêm bản thứ hai '{rev_b}'")
            old, _, new = rev_a.partition(sep)
            return old or "HEAD", new or "HEAD", sep == "..."
    return rev_a, rev_b, False


def _dubious(stderr: bytes) -> str | None:
    """git's refusal of a repository owned by another user (a shared or mounted folder), said as it is: it was
    "không nằm trong một kho git" (a hostile probe)."""
    text = stderr.decode("utf-8", "replace")
    if "dubious ownership" not in text:
        return None
    found = re.search(r"safe\.directory\s+'?([^'\n]+)'?", text)
    folder = found[1].strip() if found else "<thư mục kho>"
    return (
        "git từ chối đọc kho vì thư mục kho thuộc người dùng khác (dubious ownership); nếu tin cậy kho này, chạy: "
        f"git config --global --add safe.directory '{folder}'"
    )


class _Git:
    def __init__(self, start: Path):
        self.cwd = start
        self.top = Path(
            self.run(["rev-parse", "--show-toplevel"], f"'{start.as_posix()}' không nằm trong một kho git").strip()
        )

    def run_bytes(self, args: list[str], failure: str) -> bytes:
        """What ``git ARGS`` writes to stdout; ``UsageError(failure)`` when it fails."""
        try:
            # git's own words in English: kh68 reads some of them ("dubious ownership"), whatever the user's language
            env = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C"}
            done = subprocess.run(git_command(*args), cwd=self.cwd, capture_output=True, check=False, env=env)
        except FileNotFoundError:
            raise UsageError("không tìm thấy lệnh git; hãy cài git") from None
        except OSError as exc:
            raise UsageError(f"không chạy được git: {os_reason(exc)}") from None
        if done.returncode != 0:
            raise UsageError(_dubious(done.stderr) or failure)
        return done.stdout

    def run(self, args: list[str], failure: str) -> str:
        return self.run_bytes(args, failure).decode("utf-8", "replace")

    def commit(self, rev: str) -> str:
        if rev.startswith("-"):
            raise UsageError(f"không có bản {excerpt(rev)} trong kho git")
        try:
            out = self.run(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], "")
        except UsageError as exc:
            if str(exc):  # git itself could not run
                raise
            missing = f"không có bản {excerpt(rev)} trong kho git"
            if self._shallow():
                missing += (
                    " (kho chỉ có lịch sử rút gọn — clone với --depth; lấy đủ lịch sử bằng git fetch --unshallow)"
                )
            raise UsageError(missing) from None
        return out.strip()

    def _shallow(self) -> bool:
        try:
            return self.run(["rev-parse", "--is-shallow-repository"], "").strip() == "true"
        except UsageError:
            return False

    def merge_base(self, a: str, b: str) -> str:
        out = self.run(["merge-base", a, b], f"bản '{a}' và '{b}' không có gốc chung")
        return out.strip()

    def extract(self, commit: str, prefix: str, into: Path) -> int:
        """Write the files under ``prefix`` at ``commit`` into ``into``; return how many.

        A tree is data: an entry named ``..`` (a commit made by hand, which git itself never checks out) is refused,
        never followed out of ``into``; a file kh68 does not read is made empty (its name is what ``check`` says of
        it); a blob larger than any plan file is never read: its file is made as large, empty (``check`` then says
        it is too large); more files or more YAML than a plan holds refuse the revision."""
        listing = self.run_bytes(
            ["ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", prefix or "."], "không đọc được cây thư mục"
        )
        count = total = 0
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, raw_path = entry.partition(b"\t")
            mode, kind, sha, size = meta.decode("ascii", "replace").split()
            if kind != "blob" or mode == "120000":
                continue
            # A name that is not UTF-8 (made on an old Windows) is kept readable: its bad bytes become U+FFFD,
            # so the file is still seen (and reported as a file kh68 does not read) on every system.
            name = PurePosixPath(raw_path.decode("utf-8", "replace"))
            if prefix and not name.is_relative_to(prefix):  # git lists only the plan folder; anything else is ignored
                continue
            rel = name.relative_to(prefix) if prefix else name
            target = _inside(into, rel, commit)
            target.parent.mkdir(parents=True, exist_ok=True)
            count += 1
            if count > MAX_FILES:
                raise UsageError(
                    f"bản {commit[:7]} có hơn {MAX_FILES} tệp trong thư mục kế hoạch; kh68 không đọc bản này"
                )
            if not rel.name.lower().endswith(READ_SUFFIXES):  # a file kh68 does not read: its name alone is said
                target.touch()
            elif int(size) > MAX_READ_BYTES:
                with target.open("wb") as handle:  # sparse where the system allows: nothing read, nothing written
                    handle.truncate(int(size) if os.name != "nt" else MAX_READ_BYTES + 1)
            else:
                total += int(size)
                if total > MAX_TOTAL_BYTES:
                    raise UsageError(
                        f"các tệp YAML của bản {commit[:7]} lớn quá {MAX_TOTAL_BYTES // 2**20} MiB; kh68 không đọc bản này"
                    )
                target.write_bytes(self.run_bytes(["cat-file", "blob", sha], "không đọc được tệp"))
        return count


READ_SUFFIXES = (".yaml", ".yml")
"""What kh68 reads of a plan folder; any other file is extracted empty (its name is what ``check`` says of it)."""
MAX_FILES = 10_000
MAX_TOTAL_BYTES = 4 * MAX_READ_BYTES
"""A revision whose plan folder holds more files, or more YAML, is no plan kh68 reads (a tiny commit of entries that
all name one large blob would fill the disk)."""
WINDOWS_ODD = " hay ký tự : \\ mà Windows không cho"


def _inside(into: Path, rel: PurePosixPath, commit: str) -> Path:
    """Where a file of a tree goes under ``into``: no part of its name ``..`` (git's own checkout refuses it), none
    that names a drive or a folder on Windows (``:``, ``\\``), the path within ``into`` once resolved."""
    odd = ":\\" if os.name == "nt" else ""
    bad = [part for part in rel.parts if part == ".." or any(c in part for c in odd)]
    target = into.joinpath(*rel.parts)
    if bad or rel.is_absolute() or not target.resolve().is_relative_to(into.resolve()):
        windows = WINDOWS_ODD if odd else ""
        raise UsageError(
            f"bản {commit[:7]} có tệp tên {excerpt(rel.as_posix())} không hợp lệ (có phần '..'{windows}: git không "
            "lấy ra tệp như vậy, có thể là commit làm tay để ghi ra ngoài thư mục); kh68 không đọc bản này"
        )
    return target


def _prefix(plan_root: Path, top: Path) -> str:
    """The plan directory's path inside the repository (``""`` for its top)."""
    try:
        real, real_top = plan_root.absolute().resolve(), top.resolve()
    except (OSError, RuntimeError):
        raise UsageError(
            f"không mở được thư mục kế hoạch '{shown_path(plan_root)}': đường dẫn có liên kết tượng trưng (symlink) vòng lặp"
        ) from None
    try:
        prefix = real.relative_to(real_top).as_posix()
    except ValueError:
        raise UsageError(
            f"thư mục kế hoạch '{shown_path(plan_root)}' (thật ra là '{shown_path(real)}') "
            f"không nằm trong kho git '{shown_path(real_top)}'"
        ) from None
    return "" if prefix == "." else prefix


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists():
        path = path.parent
    return path if path.is_dir() else path.parent


def _load_worktree(root: Path) -> Side:
    if not root.is_dir():
        return Side(WORKTREE_LABEL, None, None, missing=f"không có thư mục kế hoạch '{root.as_posix()}'")
    plan, problems = check_plan(root)
    return Side(WORKTREE_LABEL, None, plan, problems)


def _load_commit(git: _Git, label: str, rev: str, commit: str, prefix: str) -> Side:
    shown = prefix or "."
    with tempfile.TemporaryDirectory(prefix="kh68-diff-") as tmp:
        root = Path(tmp) / (PurePosixPath(prefix).name or "plan")
        root.mkdir()
        if git.extract(commit, prefix, root) == 0:
            return Side(label, commit, None, missing=f"không có thư mục kế hoạch '{shown}'")
        plan, problems = check_plan(root)
        here = root.as_posix()
        problems = [
            dataclasses.replace(p, path=f"{rev}:{shown}{p.path[len(here) :]}") if p.path.startswith(here) else p
            for p in problems
        ]
        return Side(label, commit, plan, problems)


def load_revisions(plan_root: Path, rev_a: str | None, rev_b: str | None) -> tuple[Side, Side]:
    """The plan at the two revisions named on the command line (see ``split_range``)."""
    old_rev, new_rev, symmetric = split_range(rev_a, rev_b)
    if os.path.lexists(plan_root):  # a missing plan directory is a side without a plan, not an error
        wrong = plan_root_problem(plan_root)
        if wrong is not None:
            raise UsageError(wrong)
    git = _Git(_nearest_existing(plan_root))
    prefix = _prefix(plan_root, git.top)
    old_commit = git.commit(old_rev)
    new_commit = git.commit(new_rev) if new_rev is not None else None
    old_label = old_rev
    if symmetric and new_commit is not None:
        old_commit = git.merge_base(old_commit, new_commit)
        old_rev, old_label = old_commit[:7], f"gốc chung của {old_rev} và {new_rev}"
    old = _load_commit(git, f"{old_label} ({old_commit[:7]})", old_rev, old_commit, prefix)
    if new_commit is None or new_rev is None:
        new = _load_worktree(plan_root)
    else:
        new = _load_commit(git, f"{new_rev} ({new_commit[:7]})", new_rev, new_commit, prefix)
    return old, new
