"""``kh68 init``: a new plan repository in one command.

The files come from ``templates/init`` (shipped in the wheel as
``kh68/templates/init``): a neutral skeleton of a plan with Vietnamese comments and
visible placeholders (``"<Tên cơ quan ban hành>"``, which ``kh68 check`` reports until
filled), or with ``--from`` the plan files of an existing plan without its data; the
CI workflow that uses kh68, and a README. Names starting with ``dot-`` become dot
files. The pre-commit configuration is one of ``templates/precommit``: by default a
``repo: local`` hook that runs the installed ``kh68 check`` (no network), or with
``--hook-repo URL --hook-rev vX.Y.Z`` the ``kh68-check`` hook of that repository at
that pinned revision (a version tag or a full commit id; a branch such as ``main`` is
refused). The workflow installs the same pinned kh68: ``kh68==<this version>`` from
the package index by default, else ``kh68 @ git+URL@REV`` (a path as a ``file://``
URL, which pip needs).

Tokens are replaced in one pass (a value never has a token replaced inside it):
``__KH68_REQUIREMENT__`` (what pip installs, as text of the README and comments),
``__KH68_REPO_YAML__``, ``__KH68_REV_YAML__`` and ``__KH68_INSTALL_YAML__`` (whole
YAML scalars, written by the YAML serializer) and ``__YEAR__`` (the year the plan is
made). The hook source comes from the command line: it is refused unless it is a git
repository address and a revision name (no space, quote, ``$`` or line break can
reach the YAML files, the shell line of the workflow or the README). The JSON Schemas
are generated into ``schemas/`` so the modelines of the plan files resolve.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kh68.core.errors import InputError, Severity, UsageError, os_reason
from kh68.core.files import guard_output, guard_output_dir, shown_path, templates_dir
from kh68.core.safetext import excerpt
from kh68.repo.git import git_command

PRECOMMIT_CONFIG = ".pre-commit-config.yaml"
PLAN_FILES = ("plan.yaml", "units.yaml", "indicators.yaml", "tasks.yaml")
MODELINE = "# yaml-language-server:"


def _walk(node: Any, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    found = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.is_dir():
            found += _walk(child, (*prefix, child.name))
        elif child.is_file():
            found.append(((*prefix, child.name), child))
    return found


def _target_name(part: str) -> str:
    return "." + part[len("dot-") :] if part.startswith("dot-") else part


# A repository address: a URL of a scheme git, pre-commit and pip clone from, or an absolute path;
# letters, digits and the few marks addresses need ("@" only before the host). Nothing that a YAML
# file, a shell line in double quotes, a pip requirement or a Markdown link would read otherwise.
_REPO_START = re.compile(r"(?:https?|ssh|git|file)://|/|[A-Za-z]:/")
_REPO_MARKS = frozenset("-._~:/%+")
# A revision: a branch, tag or commit name as git allows it, kept to ASCII letters, digits and . _ - / +.
_REV = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._+-]|/(?!/))*")
# A revision that names one version for good: a version tag (v1.2.0, 1.10, v2.0.0rc1, v1.2.0-1) or a
# full commit id (pip fetches a commit only by its full id). A branch (main), HEAD or a short id moves or may.
_PINNED_REV = re.compile(r"[vV]?[0-9]+(?:\.[0-9]+)+(?:[-.+]?[A-Za-z0-9]+)*|[0-9a-f]{40}|[0-9a-f]{64}")
_LONGEST = 500


def hook_repo_problem(repo: str) -> str | None:
    """Why ``repo`` cannot be the kh68 repository written into the generated files, or ``None``."""
    start = _REPO_START.match(repo)
    address = repo[start.end() :] if start else ""
    host, _, path = address.partition("/") if start and "://" in start.group() else ("", "", address)
    _, _, host = host.rpartition("@")  # "git@github.com": the user part before the host
    allowed = all(c.isalnum() or c in _REPO_MARKS for c in host + path)
    if start and path and allowed and len(repo) <= _LONGEST:
        return None
    return (
        f"--hook-repo {excerpt(repo)}: không phải địa chỉ kho git mà pre-commit và pip dùng được — cần dạng "
        "https://…, ssh://…, git://…, file://… hoặc đường dẫn tuyệt đối, chỉ gồm chữ, số và . _ ~ - : / % + "
        "('@' chỉ ở tên người dùng trước máy chủ, như ssh://git@github.com/…); không tạo gì"
    )


def hook_rev_problem(rev: str) -> str | None:
    """Why ``rev`` cannot be the kh68 revision written into the generated files, or ``None``."""
    from kh68 import __version__

    named = _REV.fullmatch(rev) and ".." not in rev and not rev.endswith((".", "/", ".lock")) and len(rev) <= _LONGEST
    if not named:
        return (
            f"--hook-rev {excerpt(rev)}: không phải tên tag hay mã commit của git — chỉ gồm chữ cái không dấu, "
            f"chữ số và . _ - / +, bắt đầu bằng chữ hoặc số, ví dụ v{__version__}; không tạo gì"
        )
    if not _PINNED_REV.fullmatch(rev):
        return (
            f"--hook-rev {excerpt(rev)}: không ghim một phiên bản cố định (tên nhánh như main hay HEAD, hoặc mã commit "
            f"rút gọn, đều có thể trỏ sang mã khác) — dùng tag phiên bản, ví dụ v{__version__}, hoặc mã commit đủ "
            "40 ký tự; không tạo gì"
        )
    return None


def yaml_scalar(value: str) -> str:
    """``value`` as one YAML scalar, written by the YAML serializer (quoted when it would read otherwise)."""
    import yaml

    line = yaml.safe_dump({"k": value}, allow_unicode=True, width=float("inf"), default_flow_style=False)
    scalar = line.removeprefix("k: ").removesuffix("\n")
    if "\n" in scalar or yaml.safe_load(f"k: {scalar}\n") != {"k": value}:
        raise UsageError(f"không ghi được {excerpt(value)} vào tệp YAML trên một dòng; không tạo gì")
    return scalar


@dataclass(frozen=True)
class Kh68Source:
    """Where the generated pre-commit hook and CI workflow get kh68, pinned to one version."""

    requirement: str  # what pip installs: kh68==X.Y.Z, or kh68 @ git+URL@REV
    repo: str | None = None  # the git repository of the pre-commit hook; None: the installed kh68 (repo: local)
    rev: str | None = None

    @property
    def install(self) -> str:
        """The workflow's shell line installing kh68."""
        return f'python -m pip install "{self.requirement}"'


def pip_url(repo: str) -> str:
    """``repo`` as the URL of a pip requirement: an absolute path becomes a ``file://localhost/`` URL.

    pip refuses a bare path (``git+/srv/kh68``), and pip before 24 also ``git+file:///srv/kh68``
    (a URL without a host); ``git+file://localhost/srv/kh68`` every pip and git read.
    """
    if repo.startswith("file:///"):
        return f"file://localhost/{repo.removeprefix('file:///')}"
    if repo.startswith("/"):
        return f"file://localhost{repo}"
    if re.match(r"[A-Za-z]:/", repo):
        return f"file://localhost/{repo}"
    return repo


def kh68_source(hook_repo: str | None, hook_rev: str | None, version: str | None = None) -> Kh68Source:
    """The kh68 the generated files use (``UsageError`` when the options given cannot pin one)."""
    if version is None:
        from kh68 import __version__ as version
    if hook_repo is None and hook_rev is None:
        return Kh68Source(requirement=f"kh68=={version}")
    if hook_repo is None:
        raise UsageError(
            f"--hook-rev chỉ dùng cùng --hook-repo (kho git của kh68); không có hai tùy chọn này, hook pre-commit "
            f"chạy kh68 đã cài trên máy và CI cài kh68=={version}; không tạo gì"
        )
    if hook_rev is None:
        raise UsageError(
            f"--hook-repo cần thêm --hook-rev: phiên bản cố định của kh68 trong kho đó (tag, ví dụ v{version}, "
            "hoặc mã commit đủ 40 ký tự); không tạo gì"
        )
    problem = hook_repo_problem(hook_repo) or hook_rev_problem(hook_rev)
    if problem:
        raise UsageError(problem)
    return Kh68Source(requirement=f"kh68 @ git+{pip_url(hook_repo)}@{hook_rev}", repo=hook_repo, rev=hook_rev)


def scaffold_files(
    hook_repo: str | None = None,
    hook_rev: str | None = None,
    year: int | None = None,
    source: Path | None = None,
    version: str | None = None,
) -> dict[str, str]:
    """Relative path → text of every file ``kh68 init`` writes (schemas included).

    With ``source`` (an existing plan directory), the plan files are that plan's, without its
    data: its units, duties, indicators and tasks, the number and date left for the new plan.
    ``version`` is the kh68 version the files pin (by default this one's).
    """
    from kh68.outputs.schema import all_schemas

    year = year or datetime.date.today().year
    kh68 = kh68_source(hook_repo, hook_rev, version)
    tokens = {
        "__KH68_REPO_YAML__": yaml_scalar(kh68.repo or ""),
        "__KH68_REV_YAML__": yaml_scalar(kh68.rev or ""),
        "__KH68_INSTALL_YAML__": yaml_scalar(kh68.install),
        "__KH68_REQUIREMENT__": kh68.requirement,
        "__YEAR__": str(year),
    }
    pattern = re.compile("|".join(re.escape(token) for token in tokens))

    def fill(text: str) -> str:
        return pattern.sub(lambda match: tokens[match.group()], text)

    copied = _plan_of(source, year) if source is not None else {}
    files: dict[str, str] = {}
    for parts, node in _walk(templates_dir() / "init"):
        rel = "/".join(_target_name(fill(p)) for p in parts)
        text = fill(node.read_text(encoding="utf-8"))
        if source is not None and rel.startswith("plan/data/"):
            continue  # the new plan starts without figures
        if rel in copied:
            text = _with_modeline(copied[rel], text.splitlines()[0])
        files[rel] = text
    hook = "local.yaml" if kh68.repo is None else "pinned.yaml"
    files[PRECOMMIT_CONFIG] = fill((templates_dir() / "precommit" / hook).read_text(encoding="utf-8"))
    files = dict(sorted(files.items(), key=lambda item: _template_order(item[0])))
    for name, text in all_schemas().items():
        files[f"schemas/{name}"] = text
    return files


def _template_order(rel: str) -> tuple[str, ...]:
    """Where ``rel`` comes in the walk of the templates (dot files under their ``dot-`` names)."""
    return tuple("dot-" + part[1:] if part.startswith(".") else part for part in rel.split("/"))


def _plan_of(source: Path, year: int) -> dict[str, str]:
    """``plan/<file>`` → text of the plan files of ``source`` (a valid plan), ready to start the next plan from."""
    from kh68.lint.check import check_plan
    from kh68.reading.load import plan_root_problem

    shown = shown_path(source)
    problem = plan_root_problem(source)
    if problem is not None:
        raise UsageError(f"--from: {problem}")
    plan, problems = check_plan(source)
    if plan is None:
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        raise UsageError(
            f"--from {shown}: kế hoạch nguồn có {errors} lỗi; chạy kh68 check {shown} rồi sửa trước, không tạo gì"
        )
    found: dict[str, str] = {}
    for name in PLAN_FILES:
        path = source / name
        if path.is_file():
            try:
                found[f"plan/{name}"] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"--from: không đọc được {shown_path(path)}: {exc}; không tạo gì") from None
    found["plan/plan.yaml"] = _new_document(found["plan/plan.yaml"], year)
    return found


_DOCUMENT_KEYS = {
    "number": "null   # kế hoạch mới: số văn bản khi ban hành",
    "date": "null     # kế hoạch mới: ngày ban hành",
}


def _new_document(text: str, year: int) -> str:
    """``plan.yaml`` of the plan started from: no number, no date, issued in ``year`` (the rest as written)."""
    import yaml

    keys = {**_DOCUMENT_KEYS, "year": f"{year}       # kế hoạch mới: năm ban hành"}
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        key = line.split(":", 1)[0]
        if key in keys and line.startswith(f"{key}:"):
            ending = "\r\n" if line.endswith("\r\n") else "\n"
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if following[:1] in (" ", "\t"):  # a value continued on the next lines: left as written
                continue
            lines[i] = f"{key}: {keys[key]}{ending}"
    new = "".join(lines)
    read = yaml.safe_load(new)
    if not isinstance(read, dict) or any(read.get(k) is not None for k in _DOCUMENT_KEYS):
        return text
    return new


def _with_modeline(text: str, modeline: str) -> str:
    """``text`` with its first line pointing at the new repository's schemas (as the skeleton's does)."""
    first, newline, rest = text.partition("\n")
    if first.startswith(MODELINE):
        return modeline + newline + rest
    return f"{modeline}\n{text}"


@dataclass
class ScaffoldReport:
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    git_init: bool = False
    # The first commit of a repository without one, so that ``kh68 diff`` has a revision to compare with:
    # True when made, False when git refused (most often: no user.name/user.email), None when not attempted.
    first_commit: bool | None = None
    kh68: Kh68Source | None = None  # where the hook and the workflow get kh68


def _is_empty(directory: Path) -> bool:
    """Empty, or holding only a fresh ``.git`` (a just-cloned empty repository)."""
    return all(child.name == ".git" for child in directory.iterdir())


def _plan_directory_around(directory: Path) -> Path | None:
    """The plan directory (one holding ``plan.yaml``) that ``directory`` is, or is inside, if any."""
    try:
        real = directory.absolute().resolve()
    except (OSError, RuntimeError):
        return None
    for place in (real, *real.parents):
        with contextlib.suppress(OSError):
            if (place / "plan.yaml").is_file() and any((place / name).exists() for name in _OTHER_PLAN_FILES):
                return place
    return None


_OTHER_PLAN_FILES = ("units.yaml", "indicators.yaml", "tasks.yaml", "data")


def _inside_git(directory: Path) -> bool | None:
    """Whether ``directory`` is inside a git work tree; ``None`` when git is missing."""
    try:
        done = subprocess.run(
            git_command("rev-parse", "--is-inside-work-tree"),
            cwd=directory,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return None
    return done.returncode == 0 and done.stdout.strip() == "true"


def _refuse_links(directory: Path, target: Path) -> None:
    """A folder or file inside the new repository that is a symbolic link (``plan -> ../other``) would have the
    files written elsewhere, into another plan perhaps: refused, before anything is written."""
    inside = target.relative_to(directory)
    for depth in range(1, len(inside.parts) + 1):
        path = directory.joinpath(*inside.parts[:depth])
        if path.is_symlink():
            raise UsageError(
                f"{shown_path(path)} là liên kết tượng trưng (symlink): kh68 init không ghi qua liên kết vào nơi khác, "
                "không tạo gì; xóa liên kết hoặc chọn thư mục khác"
            )


def _mkdirs(directory: Path, made: list[Path]) -> None:
    """Create ``directory`` and missing parents, remembering each one created."""
    missing = [d for d in (directory, *directory.parents) if not d.exists()]
    for folder in reversed(missing):
        folder.mkdir()
        made.append(folder)


def _undo(made: list[Path]) -> None:
    """Remove what a failed ``init`` created, newest first (no half-scaffolded directory)."""
    for path in reversed(made):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()


def scaffold(
    directory: Path,
    *,
    force: bool = False,
    hook_repo: str | None = None,
    hook_rev: str | None = None,
    git: bool = True,
    year: int | None = None,
    source: Path | None = None,
) -> ScaffoldReport:
    """Write a new plan repository into ``directory``; never overwrite a file.

    The whole target is checked before anything is written: the directory
    itself (not a file, FIFO, device or dangling symlink; not a plan directory
    or inside one), and every file to write. A failure or a stop (Ctrl-C)
    while writing removes everything this call created.
    """
    guard_output_dir(directory)
    shown = shown_path(directory)
    plan_dir = _plan_directory_around(directory)
    if plan_dir is not None:
        raise UsageError(
            f"không tạo kho kế hoạch trong {shown}: {shown_path(plan_dir)} là một thư mục kế hoạch "
            "(có plan.yaml); kho mới chứa thư mục plan/ của nó — chọn một thư mục ở ngoài, không tạo gì"
        )
    try:
        nonempty = directory.is_dir() and not _is_empty(directory)
    except OSError as exc:
        raise InputError(f"không đọc được thư mục {shown}: {os_reason(exc)}; không tạo gì") from None
    if nonempty and not force:
        raise UsageError(
            f"thư mục '{shown}' không rỗng; dùng --force để thêm các tệp còn thiếu (tệp đã có không bị ghi đè)"
        )
    files = scaffold_files(hook_repo, hook_rev, year, source)
    kh68 = kh68_source(hook_repo, hook_rev)
    targets = {rel: directory.joinpath(*rel.split("/")) for rel in files}
    for target in targets.values():
        guard_output(target)  # the whole tree is checked before anything is written
        _refuse_links(directory, target)
    report = ScaffoldReport(kh68=kh68)
    made: list[Path] = []
    try:
        _mkdirs(directory, made)
        for rel, text in files.items():
            target = targets[rel]
            _mkdirs(target.parent, made)
            try:
                with target.open("x", encoding="utf-8", newline="\n") as out:
                    made.append(target)
                    out.write(text)
            except FileExistsError:
                report.kept.append(target.as_posix())
                continue
            report.created.append(target.as_posix())
    except OSError as exc:
        _undo(made)
        raise InputError(f"không tạo được {shown}: {os_reason(exc)}; không tạo gì") from None
    except BaseException:  # Ctrl-C, SIGTERM: nothing half-made either
        _undo(made)
        raise
    if git and _inside_git(directory) is False and shutil.which("git"):
        done = subprocess.run(git_command("init", "-q"), cwd=directory, capture_output=True, text=True, check=False)
        report.git_init = done.returncode == 0
    if git and report.created and _inside_git(directory) and not _has_commit(directory):
        report.first_commit = _commit(directory, [Path(shown) for shown in report.created])
    return report


FIRST_COMMIT_MESSAGE = "Kế hoạch mới (kh68 init)"


def _git(directory: Path, *args: str | Path) -> bool:
    done = subprocess.run(git_command(*args), cwd=directory, capture_output=True, text=True, check=False)
    return done.returncode == 0


def _has_commit(directory: Path) -> bool:
    return _git(directory, "rev-parse", "-q", "--verify", "HEAD")


def _commit(directory: Path, files: list[Path]) -> bool:
    """Commit ``files`` (only those ``init`` wrote) as the repository's first commit."""
    relative = [f.resolve().relative_to(directory.resolve()) for f in files]
    return _git(directory, "add", "--", *relative) and _git(directory, "commit", "-q", "-m", FIRST_COMMIT_MESSAGE)
