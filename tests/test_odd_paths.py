"""Odd things where plan files should be: their own messages, never a hang or a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from tests.conftest import cpu_time, invoke

from kh68.lint.check import load_plan

pytestmark = pytest.mark.slow  # real kh68 processes in odd working directories and on odd files (make test runs them; make test-fast leaves them out)


def check_lines(plan: Path, code: int) -> list[str]:
    return invoke(["check", plan], code).output.splitlines()


def test_a_lone_yml_year_file_is_read(example_copy: Path) -> None:
    data = example_copy / "data"
    (data / "2024.yaml").rename(data / "2024.yml")
    check_lines(example_copy, 0)
    assert sorted(load_plan(example_copy).data) == [2023, 2024, 2025, 2026]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.mkdir(), "đường dẫn là một thư mục, không phải tệp thông thường"),
        (os.mkfifo, "đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường"),
        (
            lambda p: (p.symlink_to(p.with_name("vong")), p.with_name("vong").symlink_to(p)),
            "đường dẫn có liên kết tượng trưng (symlink) vòng lặp",
        ),
    ],
    ids=["directory", "fifo", "symlink-loop"],
)
@pytest.mark.parametrize("name", ["data/2026.yaml", "units.yaml"])
def test_a_plan_path_that_is_not_a_file_has_its_own_message(example_copy: Path, make, reason: str, name: str) -> None:
    path = example_copy / name
    if path.exists():
        path.unlink()
    make(path)
    lines = check_lines(example_copy, 1)
    assert f"{path.as_posix()}:1:1: lỗi: không đọc được tệp: {reason} [file-unreadable]" in lines
    assert not any("thiếu tệp" in line for line in lines)


def test_a_plan_directory_that_is_a_fifo_or_a_loop(tmp_path: Path) -> None:
    fifo = tmp_path / "ke-hoach"
    os.mkfifo(fifo)
    assert invoke(["check", fifo], 2).output == (
        f"kh68: lỗi: '{fifo}' không phải thư mục kế hoạch (đó là một ống dẫn, thiết bị hoặc socket)\n"
    )
    loop = tmp_path / "vong"
    loop.symlink_to(loop)
    assert invoke(["status", "--plan", loop], 2).output == (
        f"kh68: lỗi: không mở được thư mục kế hoạch '{loop}': đường dẫn có liên kết tượng trưng (symlink) vòng lặp\n"
    )


def test_a_path_too_long_is_said_shortly(tmp_path: Path) -> None:
    long = tmp_path / ("a" * 300) / "plan"
    out = invoke(["check", long], 2).output
    assert out.startswith(f"kh68: lỗi: không mở được thư mục kế hoạch '{str(long)[:200]}…' (")
    assert out.endswith(" ký tự): tên tệp hoặc đường dẫn quá dài\n")


# ---------------------------------------------------------------- faults of the file system, through the real CLI


def kh68(*args: object, cwd: Path | None = None, without_root_rights: bool = False) -> subprocess.CompletedProcess[str]:
    """The real ``kh68`` in a subprocess; with ``without_root_rights`` as root, permissions apply to it too."""
    command = [sys.executable, "-m", "kh68", *map(str, args)]
    if without_root_rights:
        command = [*NO_OVERRIDE, *command]
    env = {**os.environ, "KH68_NO_CACHE": "1"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=cwd, env=env, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    assert "lỗi nội bộ" not in done.stderr, done.stderr
    return done


# Root reads and writes whatever the permission bits say; without these two capabilities it cannot.
NO_OVERRIDE = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
]


def _permissions_apply() -> bool:
    if os.name != "posix":
        return False
    if os.geteuid() != 0:
        return True
    if shutil.which("setpriv") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        closed = Path(folder, "f")
        closed.write_text("x")
        closed.chmod(0)
        probe = subprocess.run([*NO_OVERRIDE, "test", "-r", str(closed)], check=False, capture_output=True)
    return probe.returncode == 1  # unreadable to root without its capabilities


needs_permissions = pytest.mark.skipif(
    not _permissions_apply(), reason="permission bits do not apply here (root without setpriv, or not POSIX)"
)
POSIX = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and devices as on POSIX")


def tree(root: Path) -> dict[str, bytes | str]:
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else "dir")
        for p in sorted(root.rglob("*"))
        if not p.is_symlink()
    }


@pytest.mark.parametrize("name", ["plan.yaml", "data/2025.yaml"])
def test_a_huge_sparse_plan_file_is_refused_at_once(example_copy: Path, name: str) -> None:
    path = example_copy / name
    path.unlink()
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    with cpu_time() as spent:
        lines = check_lines(example_copy, 1)
    assert spent() < 5
    assert (
        f"{path.as_posix()}:1:1: lỗi: không đọc được tệp: tệp quá lớn (2.048 MiB, tối đa 64 MiB); "
        "kh68 không đọc tệp này [file-unreadable]"
    ) in lines


def test_record_into_a_huge_sparse_data_file_reads_nothing_and_writes_nothing(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    path.unlink()
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    args = ["record", "6.3", "--year", "2025", "--value", "96", "--force", "--plan", example_copy]
    out = invoke(args, 1).output
    assert "tệp quá lớn (2.048 MiB, tối đa 64 MiB)" in out
    assert path.stat().st_size == 2 * 1024**3
    assert [p.name for p in path.parent.iterdir() if ".kh68-tmp-" in p.name] == []


@POSIX
@pytest.mark.parametrize("command", ["record", "progress"])
def test_a_data_file_that_is_a_symlink_pointing_nowhere_is_not_created(example_copy: Path, command: str) -> None:
    path = example_copy / "data" / "2025.yaml"
    path.unlink()
    path.symlink_to("o-mang/2025.yaml")  # a share that is not mounted
    before = tree(example_copy)
    edit = {
        "record": ["record", "6.3", "--value", "96"],
        "progress": ["progress", "III.1.a", "--unit", "phong_tchc", "--state", "done"],
    }[command]
    result = invoke([*edit, "--year", "2025", "--force", "--plan", example_copy], 1)
    assert result.output == (
        f"kh68: lỗi: không ghi được {path.as_posix()}: {path.as_posix()} là liên kết tượng trưng (symlink) "
        "trỏ tới nơi không có (o-mang/2025.yaml); không ghi gì\n"
    )
    assert tree(example_copy) == before


@POSIX
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_report_onto_a_symlink_pointing_nowhere_is_refused(example_copy: Path, tmp_path: Path, fmt: str) -> None:
    link = tmp_path / "bao-cao"
    link.symlink_to("khong-co/bao-cao")
    result = invoke(["report", "--plan", example_copy, "--year", "2025", "--format", fmt, "-o", link], 1)
    assert result.output == (
        f"kh68: lỗi: không ghi được {link.as_posix()}: {link.as_posix()} là liên kết tượng trưng (symlink) "
        "trỏ tới nơi không có (khong-co/bao-cao); không ghi gì\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao", "plan"]


@POSIX
@pytest.mark.parametrize("command", ["schema", "form", "init"])
@pytest.mark.parametrize("kind", ["fifo", "device", "dangling"])
def test_an_output_folder_that_is_not_one_is_refused_for_every_command(
    example_copy: Path, tmp_path: Path, command: str, kind: str
) -> None:
    target = tmp_path / "ra"
    {"fifo": os.mkfifo, "device": lambda p: p.symlink_to("/dev/null"), "dangling": lambda p: p.symlink_to("khong-co")}[
        kind
    ](target)
    args = {
        "schema": ["schema", "--out", target],
        "form": ["form", "--year", "2025", "--plan", example_copy, "-o", target],
        "init": ["init", "--no-git", target],
    }[command]
    shown = target.as_posix()
    expected = {
        "fifo": f"kh68: lỗi: '{shown}' là một ống dẫn (FIFO), không phải thư mục; không ghi gì\n",
        "device": f"kh68: lỗi: '{shown}' là một thiết bị, không phải thư mục; không ghi gì\n",
        "dangling": (
            f"kh68: lỗi: không dùng được thư mục {shown}: {shown} là liên kết tượng trưng (symlink) "
            "trỏ tới nơi không có (khong-co); không ghi gì\n"
        ),
    }[kind]
    assert invoke(args, 1 if kind == "dangling" else 2).output == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan", "ra"]


@POSIX
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_importing_a_fifo_or_a_device_never_hangs(example_copy: Path, tmp_path: Path, suffix: str, kind: str) -> None:
    form = tmp_path / f"bieu-mau.{suffix}"
    os.mkfifo(form) if kind == "fifo" else form.symlink_to("/dev/zero")
    done = kh68("import", form, "--plan", example_copy, "--dry-run")
    what = "một ống dẫn (FIFO)" if kind == "fifo" else "một thiết bị"
    assert done.returncode == 1
    assert f"bieu-mau.{suffix}: không đọc được tệp: đường dẫn là {what}, không phải tệp thông thường" in done.stderr


@POSIX
def test_a_reference_docx_that_is_a_fifo_never_hangs(example_copy: Path, tmp_path: Path) -> None:
    reference = tmp_path / "mau.docx"
    os.mkfifo(reference)
    args = ["report", "--plan", example_copy, "--year", "2025", "--format", "docx", "--reference-docx", reference]
    assert invoke([*args, "-o", tmp_path / "b.docx"], 1).output == (
        f"kh68: lỗi: không đọc được tệp Word mẫu '{reference}' (--reference-docx): "
        "đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường\n"
    )


@needs_permissions
def test_an_unreadable_plan_directory_is_said_in_vietnamese(example_copy: Path) -> None:
    example_copy.chmod(0)
    try:
        for args in (["check", example_copy], ["status", "--plan", example_copy, "--year", "2025"]):
            done = kh68(*args, without_root_rights=True)
            assert done.returncode == 2
            assert done.stderr == (
                f"kh68: lỗi: không mở được thư mục kế hoạch '{example_copy}': không có quyền truy cập\n"
            )
    finally:
        example_copy.chmod(0o755)


@needs_permissions
def test_an_unreadable_data_file_is_said_in_vietnamese_by_record(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    path.chmod(0)
    try:
        done = kh68("check", example_copy, without_root_rights=True)
        assert done.returncode == 1
        assert f"{path.as_posix()}:1:1: lỗi: không đọc được tệp: không có quyền truy cập [file-unreadable]" in (
            done.stdout + done.stderr
        )
        args = ["record", "6.3", "--year", "2025", "--value", "96", "--force", "--plan", example_copy]
        done = kh68(*args, without_root_rights=True)
        assert done.returncode == 1
        assert "Permission denied" not in done.stderr
    finally:
        path.chmod(0o644)


@needs_permissions
@pytest.mark.parametrize("command", ["report", "schema", "form", "init"])
def test_an_unwritable_output_folder_is_said_and_nothing_is_left(
    example_copy: Path, tmp_path: Path, command: str
) -> None:
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    args = {
        "report": ["report", "--plan", example_copy, "--year", "2025", "-o", folder / "bao-cao.md"],
        "schema": ["schema", "--out", folder / "schemas"],
        "form": ["form", "--year", "2025", "--plan", example_copy, "-o", folder / "bieu-mau"],
        "init": ["init", "--no-git", folder / "kho"],
    }[command]
    try:
        done = kh68(*args, without_root_rights=True)
        assert done.returncode == 1
        assert done.stderr.startswith("kh68: lỗi: ")
        assert "không có quyền truy cập" in done.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", ["report", "schema", "init"])
def test_an_output_path_of_5000_characters_is_said_shortly(example_copy: Path, tmp_path: Path, command: str) -> None:
    long = tmp_path.joinpath(*["d" * 200] * 25)
    args = {
        "report": ["report", "--plan", example_copy, "--year", "2025", "-o", long],
        "schema": ["schema", "--out", long],
        "init": ["init", "--no-git", long],
    }[command]
    out = invoke(args, 1).output
    assert "tên tệp hoặc đường dẫn quá dài" in out
    assert len(out) < 400
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


@POSIX
def test_a_plan_directory_that_is_a_symlink_pointing_nowhere_says_so(tmp_path: Path) -> None:
    link = tmp_path / "ke-hoach"
    link.symlink_to("o-mang/ke-hoach")
    assert invoke(["check", link], 2).output == (
        f"kh68: lỗi: không có thư mục kế hoạch '{link}': liên kết tượng trưng (symlink) trỏ tới nơi không có "
        "(o-mang/ke-hoach)\n"
    )


@POSIX
@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_importing_a_broken_symlink_says_why_it_cannot_be_read(example_copy: Path, tmp_path: Path, kind: str) -> None:
    form = tmp_path / "bieu-mau.xlsx"
    form.symlink_to(form if kind == "loop" else tmp_path / "khong-co.xlsx")
    reason = {"loop": "đường dẫn có liên kết tượng trưng (symlink) vòng lặp", "dangling": "tệp không tồn tại"}[kind]
    result = invoke(["import", form, "--plan", example_copy, "--dry-run"], 1)
    assert f"kh68: lỗi: bieu-mau.xlsx: không đọc được tệp: {reason}\n" in result.output


@POSIX
@pytest.mark.parametrize("kind", ["fifo", "file", "dangling"])
def test_a_data_folder_that_is_not_one_is_an_error_not_a_plan_without_figures(example_copy: Path, kind: str) -> None:
    folder = example_copy / "data"
    shutil.rmtree(folder)
    {"fifo": os.mkfifo, "file": lambda p: p.write_text("x"), "dangling": lambda p: p.symlink_to("o-mang")}[kind](folder)
    reason = {
        "fifo": "data là một ống dẫn (FIFO), không phải thư mục",
        "file": "data là một tệp, không phải thư mục",
        "dangling": "data là liên kết tượng trưng (symlink) trỏ tới nơi không có ('o-mang')",
    }[kind]
    assert check_lines(example_copy, 1)[0] == (
        f"{folder.as_posix()}:1:1: lỗi: {reason}; kh68 không đọc được số liệu nào [file-unreadable]"
    )


@POSIX
def test_record_into_a_data_folder_that_is_a_fifo_names_it(example_copy: Path) -> None:
    folder = example_copy / "data"
    shutil.rmtree(folder)
    os.mkfifo(folder)
    out = invoke(["record", "6.3", "--year", "2025", "--value", "96", "--plan", example_copy], 1).output
    assert "data là một ống dẫn (FIFO), không phải thư mục; kh68 không đọc được số liệu nào [file-unreadable]" in out
    assert folder.is_fifo()


CWD_GONE = (
    "kh68: lỗi: thư mục hiện tại không còn nữa (đã bị xóa hoặc đổi tên trong lúc cửa sổ lệnh vẫn mở); "
    "chuyển sang một thư mục có thật (cd) rồi chạy lại\n"
)


@POSIX
@pytest.mark.parametrize(
    "args",
    [["check"], ["schema"], ["init", "kho"], ["report", "--year", "2025", "-o", "r.md"], ["form", "--year", "2025"]],
    ids=["check", "schema", "init", "report", "form"],
)
def test_a_deleted_current_directory_is_said_as_such(example_copy: Path, tmp_path: Path, args: list[str]) -> None:
    gone = tmp_path / "da-xoa"
    gone.mkdir()
    script = (
        f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); from kh68.app.launch import main; main()"
    )
    env = {**os.environ, "KH68_NO_CACHE": "1", "KH68_PLAN": ""}
    if args[0] in ("report", "form"):
        args = [*args, "--plan", str(example_copy)]
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False)
    assert (done.returncode, done.stderr) == (2, CWD_GONE)


@POSIX
def test_a_deleted_current_directory_does_not_matter_with_absolute_paths(example_copy: Path, tmp_path: Path) -> None:
    gone = tmp_path / "da-xoa"
    gone.mkdir()
    script = (
        f"import os, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); from kh68.app.launch import main; main()"
    )
    env = {**os.environ, "KH68_NO_CACHE": "1"}
    args = ["record", "6.3", "--year", "2025", "--value", "96", "--force", "--plan", str(example_copy)]
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "value: 96" in (example_copy / "data" / "2025.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["--template", "--reference-docx"])
def test_a_report_is_never_written_over_a_file_it_reads(example_copy: Path, tmp_path: Path, option: str) -> None:
    source = tmp_path / ("rieng.md.j2" if option == "--template" else "mau.docx")
    source.write_bytes(b"{{ header.symbol }}\n")
    fmt = "md" if option == "--template" else "docx"
    for output in (source, tmp_path / "." / source.name):  # the same file, however written
        args = ["report", "--plan", example_copy, "--year", "2025", "--format", fmt, option, source, "-o", output]
        done = invoke(args, 2)
        assert done.stderr == (
            f"kh68: lỗi: không ghi ra {output}: đó là tệp lệnh đọc ({option}); chọn tên khác, không ghi gì\n"
        )
    assert source.read_bytes() == b"{{ header.symbol }}\n"


def test_report_to_a_dash_is_standard_output(
    example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"]
    assert invoke([*args, "-o", "-"], 0).stdout == invoke(args, 0).stdout
    assert not (tmp_path / "-").exists()
    refused = invoke([*args, "--format", "docx", "-o", "-"], 2)
    assert refused.stderr == "kh68: lỗi: báo cáo Word (--format docx) cần tên tệp: thêm -o bao-cao.docx.\n"


def test_a_report_is_never_written_over_kh68s_own_templates(example_copy: Path) -> None:
    from kh68.core.files import templates_dir

    shipped = templates_dir() / "report.md.j2"
    before = shipped.read_bytes()
    done = invoke(["report", "--plan", example_copy, "--year", "2025", "--format", "md", "-o", shipped], 2)
    assert done.stderr.startswith(f"kh68: lỗi: không ghi ra {shipped}: đường dẫn nằm trong thư mục mẫu của kh68 ")
    assert shipped.read_bytes() == before
