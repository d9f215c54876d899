"""``kh68 diff`` against real git repositories built in ``tmp_path``."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, git, invoke, needs_git, replace_in
from kh68.lint.check import check_plan

ROOT = Path(__file__).resolve().parents[1]

pytestmark = needs_git


@pytest.fixture
def repo(git_repo: Path) -> Path:
    """The demo plan committed on ``main`` (``conftest.git_repo``)."""
    return git_repo


def change_plan(root: Path) -> None:
    plan = root / "plan"
    replace_in(plan / "indicators.yaml", '"2030": "> 60"', '"2030": "> 65"')
    replace_in(
        plan / "indicators.yaml",
        '      "2030": "97"\n    responsible_units: [phong_gdtrh]',
        '      "2030": "97"\n    responsible_units: [phong_gdtrh, phong_qlcl_gdtx]',
    )
    replace_in(
        plan / "indicators.yaml",
        '  - id: "6.12"',
        '''  - id: "6.14"
    name: Tỷ lệ trường học có kết nối Internet
    unit: "%"
    targets:
      "2030": "100"
    responsible_units: [phong_khtc]

  - id: "6.12"''',
    )
    tasks = (plan / "tasks.yaml").read_text(encoding="utf-8")
    start = tasks.index("      - id: III.3.b")
    end = tasks.index("  - id: III.4")
    (plan / "tasks.yaml").write_text(tasks[:start] + tasks[end:], encoding="utf-8")
    for year in (2025, 2026):  # the department's summary of the deleted task goes with it
        data = plan / "data" / f"{year}.yaml"
        lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
        data.write_text("".join(line for line in lines if not line.startswith('    "III.3.b":')), encoding="utf-8")
    replace_in(plan / "data" / "2025.yaml", "value: 58,8", "value: 60")
    replace_in(
        plan / "data" / "2025.yaml",
        "  III.1.b:\n    phong_tchc:\n      state: not_started",
        "  III.1.b:\n    phong_tchc:\n      state: in_progress",
    )


EXPECTED_TEXT = """\
Kế hoạch có số liệu minh họa (không có thật).
Mục tiêu thay đổi:
  6.5 năm 2030: "> 60" → "> 65" (trên 60% → trên 65%)
Chỉ tiêu thêm mới:
  6.14 Tỷ lệ trường học có kết nối Internet
Nhiệm vụ bị xóa:
  III.3.b Phát triển nguồn nhân lực chất lượng cao
Đơn vị thực hiện thay đổi:
  6.12 (chủ trì): Phòng Giáo dục Trung học → Phòng Giáo dục Trung học, Phòng Quản lý chất lượng – Giáo dục thường xuyên
Số liệu ghi mới hoặc thay đổi:
  6.5 năm 2025: 58,8% → 60%
Tiến độ nhiệm vụ:
  III.1.b năm 2025, Phòng Tổ chức hành chính Sở GDĐT: Chưa triển khai → Đang triển khai
Tình trạng thay đổi:
  6.5 năm 2025: Chưa đạt → Đạt
  6.5 năm 2026: Vượt chỉ tiêu → Chưa đạt
"""


def expected_text() -> str:
    return EXPECTED_TEXT


def test_working_tree_against_head(repo):
    head = git(repo, "rev-parse", "--short=7", "HEAD")
    change_plan(repo)
    result = invoke(["diff"], 0)
    assert result.output == f"Thay đổi kế hoạch: HEAD ({head}) → thư mục đang sửa\n" + expected_text()


def test_two_revisions_and_range_forms(repo):
    base = git(repo, "rev-parse", "--short=7", "HEAD")
    git(repo, "checkout", "-q", "-b", "sua")
    change_plan(repo)
    git(repo, "commit", "-qam", "sửa")
    tip = git(repo, "rev-parse", "--short=7", "HEAD")
    both = invoke(["diff", "main", "sua", "--plan", "plan"], 0)
    assert both.output == f"Thay đổi kế hoạch: main ({base}) → sua ({tip})\n" + expected_text()
    dotted = invoke(["diff", "main..HEAD"], 0)
    assert dotted.output == f"Thay đổi kế hoạch: main ({base}) → HEAD ({tip})\n" + expected_text()
    # main moves on; A...B compares B with the common ancestor, as a pull request does.
    git(repo, "checkout", "-q", "main")
    replace_in(repo / "plan" / "data" / "2025.yaml", "value: 99,96", "value: 99,1")
    git(repo, "commit", "-qam", "main đi tiếp")
    three = invoke(["diff", "main...sua"], 0)
    assert three.output == f"Thay đổi kế hoạch: gốc chung của main và sua ({base}) → sua ({tip})\n" + expected_text()
    two = invoke(["diff", "main..sua"], 0)
    assert "  6.6 năm 2025: 99,1% → 99,96%\n" in two.output


def test_no_change(repo):
    head = git(repo, "rev-parse", "--short=7", "HEAD")
    result = invoke(["diff"], 0)
    assert result.output == (
        f"Thay đổi kế hoạch: HEAD ({head}) → thư mục đang sửa\n"
        "Kế hoạch có số liệu minh họa (không có thật).\n"
        "Không có thay đổi về mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị hay số liệu.\n"
    )


def test_markdown_for_a_pull_request(repo):
    head = git(repo, "rev-parse", "--short=7", "HEAD")
    change_plan(repo)
    result = invoke(["diff", "--format", "markdown"], 0)
    lines = result.output.splitlines()
    assert lines[:4] == [
        f"### Thay đổi kế hoạch: HEAD ({head}) → thư mục đang sửa",
        "",
        "> Kế hoạch có số liệu minh họa (không có thật).",
        "",
    ]
    assert "**Tình trạng thay đổi**" in lines
    # plan fields are escaped (kh68.core.safetext.markdown_escape): "\> 60"
    assert "- 6.5 năm 2025: Chưa đạt → Đạt" in lines
    assert '- 6.5 năm 2030: "\\> 60" → "\\> 65" (trên 60% → trên 65%)' in lines
    from markdown_it import MarkdownIt

    html = MarkdownIt().render(result.output)
    assert "<strong>Mục tiêu thay đổi</strong>" in html
    assert "<li>6.5 năm 2025: Chưa đạt → Đạt</li>" in html
    assert "<li>6.5 năm 2030: &quot;&gt; 60&quot; → &quot;&gt; 65&quot; (trên 60% → trên 65%)</li>" in html


def test_markdown_escapes_every_field_taken_from_the_plan(repo):
    plan = repo / "plan"
    replace_in(
        plan / "indicators.yaml",
        "name: Tỷ lệ huy động trẻ em nhà trẻ",
        'name: "# [bấm](https://x.io) <b>*đậm*</b> @ai"',
    )
    replace_in(plan / "units.yaml", "name: Phòng Giáo dục Trung học", 'name: "|ô|bảng| `mã` ![ảnh](y.png)"')
    replace_in(plan / "indicators.yaml", '"2030": 35-40', '"2030": 36-40')
    replace_in(
        plan / "indicators.yaml",
        '"2030": 36-40\n    responsible_units: [phong_gdth_gdmn]',
        '"2030": 36-40\n    responsible_units: [phong_gdth_gdmn, phong_gdtrh]',
    )
    result = invoke(["diff", "--format", "markdown"], 0)
    from markdown_it import MarkdownIt

    html = MarkdownIt().render(result.output)
    for structure in ("<h1", "<a ", "<b>", "<em>", "<img", "<table", "<code>"):
        assert structure not in html, structure
    assert "- 6.2 — tên: " in result.output
    assert ", \\|ô\\|bảng\\| \\`mã\\` !\\[ảnh\\](y.png)\n" in result.output
    assert "\\# \\[bấm\\](https\\://x.io) \\<b\\>\\*đậm\\*\\</b\\> @\u200bai" in result.output


def test_json_for_machines(repo):
    change_plan(repo)
    result = invoke(["diff", "--format", "json"], 0)
    data = json.loads(result.output)
    assert data["comparable"] is True
    assert data["targets"] == [
        {
            "indicator": "6.5",
            "name": "Tỷ lệ trường mầm non đạt chuẩn quốc gia",
            "year": 2030,
            "old": {
                "text": "> 60",
                "meaning": "trên 60%",
                "kind": "greater_than",
                "min": 60.0,
                "max": None,
                "exclusive": True,
            },
            "new": {
                "text": "> 65",
                "meaning": "trên 65%",
                "kind": "greater_than",
                "min": 65.0,
                "max": None,
                "exclusive": True,
            },
        }
    ]
    assert data["indicators_added"] == [{"id": "6.14", "name": "Tỷ lệ trường học có kết nối Internet"}]
    assert data["tasks_removed"] == [{"id": "III.3.b", "name": "Phát triển nguồn nhân lực chất lượng cao"}]
    assert data["responsibility"] == [
        {"item": "6.12", "role": "chủ trì", "old": ["phong_gdtrh"], "new": ["phong_gdtrh", "phong_qlcl_gdtx"]}
    ]
    assert data["values"] == [
        {
            "indicator": "6.5",
            "year": 2025,
            "old": {"value": 58.8, "state": None, "shown": "58,8%"},
            "new": {"value": 60.0, "state": None, "shown": "60%"},
        }
    ]
    assert data["progress"] == [
        {"task": "III.1.b", "year": 2025, "unit": "phong_tchc", "old": "not_started", "new": "in_progress"}
    ]
    assert data["statuses"] == [
        {"indicator": "6.5", "year": 2025, "old": "not_met", "new": "met", "old_label": "Chưa đạt", "new_label": "Đạt"},
        {
            "indicator": "6.5",
            "year": 2026,
            "old": "exceeded",
            "new": "not_met",
            "old_label": "Vượt chỉ tiêu",
            "new_label": "Chưa đạt",
        },
    ]


def test_new_values_responsible_units_and_removed_data(repo):
    data = repo / "plan" / "data" / "2025.yaml"
    replace_in(data, '  "6.7":\n    value: 94,1\n', "")
    replace_in(
        repo / "plan" / "indicators.yaml",
        '"2030": "> 60"\n    responsible_units: [phong_qlcl_gdtx, phong_gdth_gdmn]',
        '"2030": "> 60"\n    responsible_units: Phòng GDTH – GDMN',
    )
    (repo / "plan" / "data" / "2027.yaml").write_text(
        'year: 2027\nindicators:\n  "6.3":\n    value: 96\n', encoding="utf-8"
    )
    result = invoke(["diff"], 0)
    head = git(repo, "rev-parse", "--short=7", "HEAD")
    assert result.output == (
        f"Thay đổi kế hoạch: HEAD ({head}) → thư mục đang sửa\n"
        "Kế hoạch có số liệu minh họa (không có thật).\n"
        "Đơn vị thực hiện thay đổi:\n"
        "  6.5 (chủ trì): Phòng Quản lý chất lượng – Giáo dục thường xuyên, Phòng Giáo dục Tiểu học - Giáo dục Mầm non"
        " → Phòng Giáo dục Tiểu học - Giáo dục Mầm non\n"
        "Số liệu ghi mới hoặc thay đổi:\n"
        "  6.7 năm 2025: 94,1% → (không còn)\n"
        "  6.3 năm 2027: (chưa có) → 96%\n"
        "Tình trạng thay đổi:\n"
        "  6.3 năm 2027: Chưa có số liệu → Vượt chỉ tiêu\n"
    )


def test_an_invalid_revision_is_reported_not_a_crash(repo):
    head = git(repo, "rev-parse", "--short=7", "HEAD")
    replace_in(
        repo / "plan" / "indicators.yaml",
        '(100% số huyện, thành phố)\n    unit: "%"\n    basis: share_of_units',
        '(100% số huyện, thành phố)\n    unit: "%"\n    basis: tỷ lệ',
    )
    # The problem is the one 'kh68 check' reports, at the same file:line:column.
    problem = check_plan(Path("plan"))[1][0].parsable()
    assert problem.startswith("plan/indicators.yaml:9:12: lỗi: basis: giá trị 'tỷ lệ' không hợp lệ")
    result = invoke(["diff"], 1)
    assert result.output == (
        f"Thay đổi kế hoạch: HEAD ({head}) → thư mục đang sửa\n"
        "Không so sánh được: kế hoạch ở thư mục đang sửa không hợp lệ (1 lỗi).\n"
        f"  {problem}\n"
    )
    git(repo, "commit", "-qam", "hỏng")
    broken = git(repo, "rev-parse", "--short=7", "HEAD")
    git(repo, "revert", "--no-edit", "HEAD")
    fixed = git(repo, "rev-parse", "--short=7", "HEAD")
    back = invoke(["diff", "HEAD~1", "HEAD"], 0)  # the change repairs the plan: reported, not a failure
    assert back.output == (
        f"Thay đổi kế hoạch: HEAD~1 ({broken}) → HEAD ({fixed})\n"
        "Không so sánh được: kế hoạch ở HEAD~1 (" + broken + ") không hợp lệ (1 lỗi).\n"
        f"  HEAD~1:{problem}\n"
    )
    as_json = invoke(["diff", "HEAD~1", "HEAD", "--format", "json"], 0)
    data = json.loads(as_json.output)
    assert (data["comparable"], data["from"]["valid"], data["to"]["valid"]) == (False, False, True)
    forward = invoke(["diff", "HEAD~2", "HEAD~1", "--format", "markdown"], 1)
    assert (
        forward.output.splitlines()[2]
        == f"**Không so sánh được:** kế hoạch ở HEAD\\~1 ({broken}) không hợp lệ (1 lỗi)."
    )


def test_a_revision_without_the_plan(repo):
    (repo / "README.md").write_text("x\n")
    git(repo, "add", "README.md")
    git(repo, "commit", "-qm", "readme")
    git(repo, "rm", "-rq", "plan")
    git(repo, "commit", "-qm", "xóa kế hoạch")
    result = invoke(["diff", "HEAD~1", "HEAD"], 1)
    head = git(repo, "rev-parse", "--short=7", "HEAD")
    assert result.output.splitlines()[1] == f"Không so sánh được: HEAD ({head}): không có thư mục kế hoạch 'plan'."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "khong-co"], "không có bản 'khong-co' trong kho git"),
        (["diff", "main..HEAD", "HEAD"], "'main..HEAD' đã là một khoảng ..; không nhận thêm bản thứ hai 'HEAD'"),
        (["diff", "--", "-x"], "không có bản '-x' trong kho git"),
    ],
)
def test_usage_errors(repo, args, message):
    result = invoke(args, 2)
    assert result.output == f"kh68: lỗi: {message}\n"


def test_outside_a_git_repository(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples" / "plan", tmp_path / "plan")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = invoke(["diff"], 2)
    assert result.output == f"kh68: lỗi: '{tmp_path.as_posix()}/plan' không nằm trong một kho git\n"


@pytest.mark.skipif(os.name != "posix", reason="symlinks and devices as on POSIX")
@pytest.mark.parametrize("kind", ["loop", "device"])
def test_a_plan_directory_that_is_a_loop_or_a_device(repo, kind):
    shutil.rmtree(repo / "plan")
    (repo / "plan").symlink_to("plan" if kind == "loop" else "/dev/null")
    expected = {
        "loop": "không mở được thư mục kế hoạch 'plan': đường dẫn có liên kết tượng trưng (symlink) vòng lặp",
        "device": "'plan' không phải thư mục kế hoạch (đó là một ống dẫn, thiết bị hoặc socket)",
    }[kind]
    assert invoke(["diff"], 2).output == f"kh68: lỗi: {expected}\n"


@needs_git
def test_a_revision_beyond_a_shallow_clone_says_the_history_is_cut(repo, tmp_path):
    with (repo / "plan" / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("# sửa\n")
    git(repo, "commit", "-qam", "sửa")
    clone = tmp_path / "nong"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.as_posix()}", str(clone))
    result = invoke(["diff", "HEAD~1", "--plan", clone / "plan"], 2)
    assert result.output == (
        "kh68: lỗi: không có bản 'HEAD~1' trong kho git (kho chỉ có lịch sử rút gọn — clone với --depth; "
        "lấy đủ lịch sử bằng git fetch --unshallow)\n"
    )


@needs_git
def test_git_missing_from_path_is_said(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "khong-co-git"))
    assert invoke(["diff"], 2).output == "kh68: lỗi: không tìm thấy lệnh git; hãy cài git\n"


@pytest.mark.slow  # commits and diffs a 10 MB name
def test_a_ten_megabyte_name_is_shown_by_its_beginning(repo):
    replace_in(repo / "plan/indicators.yaml", "name: Tỷ lệ huy động trẻ em nhà trẻ", "name: " + "T" * 10_000_000)
    for fmt in ("text", "markdown"):
        out = invoke(["diff", "--format", fmt], 0).output
        assert max(len(line) for line in out.splitlines()) < 1000
    line = next(line for line in invoke(["diff"], 0).output.splitlines() if "TTT" in line)
    assert line == '  6.2 — tên: "Tỷ lệ huy động trẻ em nhà trẻ" → "' + "T" * 300 + '… (10.000.000 ký tự)"'
    assert "T" * 10_000_000 in invoke(["diff", "--format", "json"], 0).output  # JSON keeps the value


def test_markdown_of_a_plan_text_with_controls_and_a_heading(repo):
    name = '"\\n\\u00a0## Tên\\e[31m mới\\a\\u202e\\u2028- dòng 2"'
    replace_in(repo / "plan" / "indicators.yaml", "name: Tỷ lệ huy động trẻ em nhà trẻ", f"name: {name}")
    out = invoke(["diff", "--format", "markdown"], 0).output
    assert '- 6.2 — tên: "Tỷ lệ huy động trẻ em nhà trẻ" → "\\## Tên\\[31m mới \\- dòng 2"\n' in out
    assert not any(c in out for c in "\x1b\x07\u202e\u2028")
    assert "\\x1b" not in out  # removed, not shown as on a terminal


def test_a_plan_at_the_top_of_its_repository(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan folder is the repository itself: git refused the empty path kh68 listed it by."""
    shutil.copytree(EXAMPLE_PLAN, isolated / "ke-hoach")
    root = isolated / "ke-hoach"
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "kế hoạch")
    head = git(root, "rev-parse", "--short=7", "HEAD")
    replace_in(root / "indicators.yaml", '"2030": "> 60"', '"2030": "> 65"')
    monkeypatch.chdir(root)
    output = invoke(["diff", "--plan", "."], 0).output
    assert output.startswith(f"Thay đổi kế hoạch: HEAD ({head}) → thư mục đang sửa\n")
    assert "> 65" in output


@pytest.mark.parametrize(
    ("args", "rev"), [(["HEAD:../../etc", "HEAD"], "HEAD:../../etc"), (["HEAD", "main:plan"], "main:plan")]
)
def test_a_file_of_a_commit_is_no_revision(repo: Path, args: list[str], rev: str) -> None:
    """A probe: "HEAD:../../etc" was said to be "đã là một khoảng ..", a range it is not."""
    assert invoke(["diff", *args], 2).output == (
        f"kh68: lỗi: '{rev}' không phải tên một bản (commit) của kho git: dấu ':' chỉ một tệp trong một bản; ghi bản, "
        "ví dụ HEAD~1, v0.1.0 hoặc HEAD~1..HEAD\n"
    )


def test_a_revision_of_the_reflog_at_a_time_is_a_revision(repo: Path) -> None:
    """A review: the ':' of a time ("HEAD@{2099-01-01 00:00:00}") was refused as a file of a commit."""
    assert invoke(["diff", "HEAD@{2099-01-01 00:00:00}", "HEAD"], 0).output.startswith("Thay đổi kế hoạch: HEAD@{")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give the folder away")
def test_a_repository_git_refuses_for_its_owner_says_so_and_the_way_out(repo: Path) -> None:
    """A hostile probe: a repository owned by another user (a shared or mounted folder) was "không nằm trong một kho
    git"; git refuses it for its owner (dubious ownership)."""
    for path in [repo, *repo.rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
    result = invoke(["diff"], 2, env={"GIT_CONFIG_GLOBAL": os.devnull})
    assert result.stderr == (
        "kh68: lỗi: git từ chối đọc kho vì thư mục kho thuộc người dùng khác (dubious ownership); nếu tin cậy kho "
        f"này, chạy: git config --global --add safe.directory '{repo.resolve().as_posix()}'\n"
    )
