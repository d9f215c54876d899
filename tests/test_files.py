"""``kh68.core.files``: atomic writes that keep what a file is, locks, and the output guard."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import cpu_time, invoke, sigterm_after_rename
from kh68.core.errors import InputError, UsageError
from kh68.core.files import (
    LOCK_TIMEOUT_SECONDS,
    TEMP_MARK,
    FileTooLarge,
    _lock_timeout,
    atomic_write,
    atomic_write_all,
    file_lock,
    guard_output,
    guard_output_dir,
    is_kh68_aux,
    read_regular,
    shown_path,
)

POSIX = pytest.mark.skipif(os.name != "posix", reason="symlinks, FIFOs and devices as on POSIX")


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------- atomic_write


@POSIX
def test_atomic_write_through_a_symlink_updates_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real" / "2025.yaml"
    target.parent.mkdir()
    target.write_bytes(b"old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(Path("real") / "2025.yaml")
    atomic_write(link, b"new\n")
    assert link.is_symlink()
    assert os.readlink(link) == "real/2025.yaml"
    assert target.read_bytes() == b"new\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["2025.yaml"]


@POSIX
def test_atomic_write_keeps_permission_bits(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _pipe() -> int:
    """The reading end of a pipe of this process, as a descriptor /proc/self/fd names."""
    read, _ = os.pipe()
    return read


@POSIX
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "đường dẫn là một thư mục, không phải tệp thông thường"),
        (lambda p: os.mkfifo(p), "đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường"),
        (lambda p: p.symlink_to("/dev/null"), "đường dẫn là một thiết bị, không phải tệp thông thường"),
        (lambda p: p.symlink_to(p.name), "vòng lặp liên kết tượng trưng (symlink)"),
        # a hostile-input probe: -o /dev/stdout on a pipe said "tệp không tồn tại" (/proc/self/fd/1 names a pipe)
        pytest.param(
            lambda p: p.symlink_to(f"/proc/self/fd/{_pipe()}"),
            "đường dẫn là một ống dẫn (FIFO), không phải tệp",
            marks=pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)"),
        ),
    ],
    ids=["directory", "fifo", "device", "symlink-loop", "a-pipe-through-proc"],
)
def test_atomic_write_refuses_what_is_not_a_regular_file_before_writing(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "out.md"
    make(path)
    with pytest.raises(InputError) as caught:
        atomic_write(path, b"x")
    assert message in str(caught.value)
    assert str(caught.value).endswith("không ghi gì")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_a_temp_file_left_by_a_killed_writer_is_removed_by_the_next_write(tmp_path: Path) -> None:
    path = tmp_path / "2025.yaml"
    path.write_bytes(b"old")
    stale = tmp_path / f".2025.yaml{TEMP_MARK}abc123"
    stale.write_bytes(b"half")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    other = tmp_path / f".2024.yaml{TEMP_MARK}abc123"
    other.write_bytes(b"someone else's")
    os.utime(other, (an_hour_ago, an_hour_ago))
    with file_lock(path):
        atomic_write(path, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "2025.yaml"]
    assert is_kh68_aux(stale.name)
    assert not is_kh68_aux("2025.yaml")


def test_a_fresh_temp_file_of_a_running_writer_is_left_even_under_this_processs_lock(tmp_path: Path) -> None:
    """A hostile probe: writers whose locks live in different temporary folders (other users, other machines on a
    shared folder) deleted each other's new text while it was being written, then said "tệp không tồn tại". A
    writer of this machine still running, or of another machine, keeps its file; one that stopped does not."""
    from kh68.core.files import _writer

    path = tmp_path / "2025.yaml"
    path.write_bytes(b"old")
    running = tmp_path / f".2025.yaml{TEMP_MARK}{_writer()}~abc"  # this very process: running
    elsewhere = tmp_path / f".2025.yaml{TEMP_MARK}maykhac.1~abc"
    stopped = tmp_path / f".2025.yaml{TEMP_MARK}{_writer().rpartition('.')[0]}.{_a_pid_not_running()}~abc"
    for temp in (running, elsewhere, stopped):
        temp.write_bytes(b"another writer's new text")
    with file_lock(path):
        atomic_write(path, b"new")
    kept = [running.name, elsewhere.name, "2025.yaml"] + (
        [] if os.name == "posix" else [stopped.name]
    )  # Windows: stale
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept)
    assert path.read_bytes() == b"new"


def _a_pid_not_running() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "2025.yaml"
    path.write_bytes(b"changed by hand")
    with pytest.raises(InputError, match="vừa bị thay đổi bởi chương trình khác"):
        atomic_write(path, b"new", expected=b"as read")
    assert path.read_bytes() == b"changed by hand"
    assert [p.name for p in tmp_path.iterdir()] == ["2025.yaml"]


def test_a_lock_held_elsewhere_times_out_with_a_message_and_nothing_written(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filelock import FileLock

    from kh68.core.files import lock_path, resolve_target

    path = example_copy / "data" / "2025.yaml"
    before = path.read_bytes()
    monkeypatch.setenv("KH68_LOCK_TIMEOUT", "0.2")
    other = FileLock(str(lock_path(resolve_target(path))))
    other.acquire()
    try:
        script = "import sys, kh68.cli; sys.argv = ['kh68', *sys.argv[1:]]; kh68.cli.main()"
        args = ["record", "6.4", "--year", "2025", "--value", "99,7", "--force", "--plan", example_copy]
        done = subprocess.run(
            [sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, check=False
        )
    finally:
        other.release()
    assert done.returncode == 1
    assert done.stderr == (
        f"kh68: lỗi: tệp {path.as_posix()} đang được một lệnh kh68 khác ghi (đã chờ 0,2 giây); "
        "không ghi gì — hãy chạy lại lệnh sau\n"
    )
    assert path.read_bytes() == before


# ------------------------------------------------------------- through the CLI (in this process: what is tested is
# where kh68 writes, which a process of its own would not change)


@POSIX
def test_record_into_a_symlinked_data_file_keeps_the_link(example_copy: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared" / "2025.yaml"
    elsewhere.parent.mkdir()
    data = example_copy / "data" / "2025.yaml"
    elsewhere.write_bytes(data.read_bytes())
    data.unlink()
    data.symlink_to(elsewhere)
    invoke(["record", "6.4", "--year", "2025", "--value", "99,7", "--force", "--plan", example_copy], 0)
    assert data.is_symlink()
    assert data.resolve() == elsewhere
    assert "    value: 99,7\n" in elsewhere.read_text(encoding="utf-8")
    assert sorted(p.name for p in elsewhere.parent.iterdir()) == ["2025.yaml"]


@POSIX
@pytest.mark.parametrize("where", ["plan-file", "plan-file-by-symlink", "plan-dir-new-file", "directory", "fifo"])
def test_report_output_never_lands_on_the_plan_or_a_non_regular_file(
    example_copy: Path, tmp_path: Path, where: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    link = outside / "link.md"
    link.symlink_to(example_copy / "units.yaml")
    (outside / "fifo").parent.mkdir(exist_ok=True)
    os.mkfifo(outside / "fifo")
    target = {
        "plan-file": example_copy / "units.yaml",
        "plan-file-by-symlink": link,
        "plan-dir-new-file": example_copy / "data" / ".." / "bao-cao.md",
        "directory": outside,
        "fifo": outside / "fifo",
    }[where]
    before = tree_bytes(example_copy)
    exit_code = 1 if where in ("directory", "fifo") else 2
    # --format: the file's suffix (units.yaml) names no format kh68 writes, refused before its place is looked at
    done = invoke(["report", "--year", "2025", "--plan", example_copy, "--format", "md", "-o", target], exit_code)
    assert done.stdout == ""
    reason = {
        "directory": "đường dẫn là một thư mục, không phải tệp thông thường; không ghi gì",
        "fifo": "đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường; không ghi gì",
    }.get(where, f"đường dẫn nằm trong thư mục kế hoạch {example_copy.as_posix()}")
    assert reason in done.stderr
    assert tree_bytes(example_copy) == before
    assert sorted(p.name for p in outside.iterdir()) == ["fifo", "link.md"]


def test_guard_output_accepts_a_new_file_outside_the_plan(example_copy: Path, tmp_path: Path) -> None:
    assert guard_output(tmp_path / "bao-cao.md", example_copy) == tmp_path / "bao-cao.md"
    with pytest.raises(UsageError, match="nằm trong thư mục kế hoạch"):
        guard_output(example_copy / "new.md", example_copy)


def test_schema_out_refuses_the_plan_directory_and_writes_nothing(example_copy: Path) -> None:
    before = tree_bytes(example_copy)
    result = invoke(["schema", "--out", example_copy / "data"], 2, env={"KH68_PLAN": str(example_copy)})
    assert "nằm trong thư mục kế hoạch" in result.output
    assert tree_bytes(example_copy) == before


@POSIX
def test_schema_out_with_a_fifo_among_its_files_writes_none(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    out.mkdir()
    os.mkfifo(out / "units.schema.json")
    result = invoke(["schema", "--out", out], 1)
    assert "units.schema.json: đường dẫn là một ống dẫn (FIFO)" in result.output
    assert [p.name for p in out.iterdir()] == ["units.schema.json"]


@POSIX
def test_init_checks_the_whole_tree_before_writing_anything(tmp_path: Path) -> None:
    target = tmp_path / "kho"
    (target / "plan").mkdir(parents=True)
    os.mkfifo(target / "plan" / "units.yaml")
    result = invoke(["init", target, "--force", "--no-git"], 1)
    assert "units.yaml: đường dẫn là một ống dẫn (FIFO)" in result.output
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == ["plan", "plan/units.yaml"]


# ------------------------------------------------------------- faults of the file system


def test_a_huge_sparse_file_is_refused_from_its_size_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "2025.yaml"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GB, sparse: nothing on disk
    with cpu_time() as spent, pytest.raises(FileTooLarge) as caught:
        read_regular(huge)
    assert spent() < 1
    assert caught.value.strerror == "tệp quá lớn (2.048 MiB, tối đa 64 MiB); kh68 không đọc tệp này"


def test_read_regular_allocates_what_the_file_holds_not_its_limit(tmp_path: Path) -> None:
    small = tmp_path / "f.yaml"
    small.write_bytes(b"year: 2025\n")
    tracemalloc.start()
    assert read_regular(small, limit=512 * 1024**2) == b"year: 2025\n"
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1024**2


@POSIX
def test_a_write_through_a_symlink_that_points_nowhere_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "2025.yaml"
    link.symlink_to("khong-co/2025.yaml")
    with pytest.raises(InputError) as caught:
        atomic_write(link, b"new")
    assert str(caught.value) == (
        f"không ghi được {link.as_posix()}: {link.as_posix()} là liên kết tượng trưng (symlink) "
        "trỏ tới nơi không có (khong-co/2025.yaml); không ghi gì"
    )
    folder = tmp_path / "ra"
    folder.symlink_to(tmp_path / "o-dia-chua-gan")
    with pytest.raises(InputError, match="ra là liên kết tượng trưng"):
        atomic_write(folder / "bao-cao.md", b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025.yaml", "ra"]  # no folder made at the link's target


@POSIX
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("x"), "'{p}' là một tệp, không phải thư mục; không ghi gì"),
        (os.mkfifo, "'{p}' là một ống dẫn (FIFO), không phải thư mục; không ghi gì"),
        (lambda p: p.symlink_to("/dev/null"), "'{p}' là một thiết bị, không phải thư mục; không ghi gì"),
        (
            lambda p: p.symlink_to("khong-co"),
            (
                "không dùng được thư mục {p}: {p} là liên kết tượng trưng (symlink) trỏ tới nơi không có (khong-co); "
                "không ghi gì"
            ),
        ),
        (
            lambda p: p.symlink_to(p),
            "không dùng được thư mục {p}: vòng lặp liên kết tượng trưng (symlink); không ghi gì",
        ),
    ],
    ids=["file", "fifo", "device", "dangling", "loop"],
)
def test_an_output_folder_that_cannot_be_one_is_refused(tmp_path: Path, make, message: str) -> None:
    folder = tmp_path / "ra"
    make(folder)
    with pytest.raises(InputError if "không dùng được" in message else UsageError) as caught:
        guard_output_dir(folder)
    assert str(caught.value) == message.format(p=folder.as_posix())


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "1e400", "abc", "100000"])
def test_a_lock_timeout_that_is_not_a_sensible_number_is_the_default(monkeypatch, value: str) -> None:
    monkeypatch.setenv("KH68_LOCK_TIMEOUT", value)
    assert _lock_timeout() == LOCK_TIMEOUT_SECONDS


def test_a_long_path_is_shown_by_its_start_and_length() -> None:
    assert shown_path("a/b.md") == "a/b.md"
    long = "d" * 5000
    assert shown_path(long) == "d" * 120 + "… (5.000 ký tự)"


def test_a_full_disk_under_a_new_output_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    path = tmp_path / "ra" / "nam-2025" / "bao-cao.md"
    with pytest.raises(InputError) as caught:
        atomic_write(path, b"# 2025\n")
    assert str(caught.value) == f"không ghi được tệp {path.as_posix()}: ổ đĩa đã đầy; không ghi gì"
    assert list(tmp_path.iterdir()) == []


def test_a_batch_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    first, second = tmp_path / "2025.yaml", tmp_path / "2026.yaml"
    first.write_bytes(b"old 2025\n")
    second.write_bytes(b"old 2026\n")
    second.chmod(0o444)
    with pytest.raises(InputError) as refused:
        atomic_write_all([(first, b"new 2025\n", b"old 2025\n"), (second, b"new 2026\n", b"old 2026\n")])
    assert str(refused.value) == f"tệp {second} chỉ đọc; không ghi gì (các tệp khác cũng giữ nguyên: {first})"
    assert (first.read_bytes(), second.read_bytes()) == (b"old 2025\n", b"old 2026\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025.yaml", "2026.yaml"]  # no temporary file left


def _renames_fail(monkeypatch: pytest.MonkeyPatch, fails: Callable[[Path, int], bool], error: BaseException) -> None:
    """``Path.replace`` raises ``error`` where ``fails(target, renames done so far)``."""
    replace = Path.replace
    done = [0]

    def rename(self: Path, target: Path) -> Path:
        if fails(Path(target), done[0]):
            raise error
        done[0] += 1
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", rename)


def test_a_batch_whose_second_rename_fails_puts_the_first_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "2025.yaml", tmp_path / "2026.yaml"
    first.write_bytes(b"old 2025\n")
    _renames_fail(monkeypatch, lambda target, _: target.name == "2026.yaml", OSError(28, "No space left on device"))
    with pytest.raises(InputError) as refused:
        atomic_write_all([(first, b"new 2025\n", b"old 2025\n"), (second, b"new 2026\n", None)])
    assert str(refused.value) == (
        f"không ghi được tệp {second}: ổ đĩa đã đầy; không ghi gì (các tệp khác cũng giữ nguyên: {first})"
    )
    assert first.read_bytes() == b"old 2025\n"
    assert not second.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025.yaml"]


def test_a_stop_between_two_renames_puts_the_first_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "2025.yaml", tmp_path / "data" / "2026.yaml"
    first.write_bytes(b"old 2025\n")
    _renames_fail(monkeypatch, lambda target, _: target.name == "2026.yaml", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        atomic_write_all([(first, b"new 2025\n", b"old 2025\n"), (second, b"new 2026\n", None)])
    assert first.read_bytes() == b"old 2025\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025.yaml"]  # no temporary file, no folder made


def test_a_file_that_cannot_be_put_back_is_named_as_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "2025.yaml", tmp_path / "2026.yaml"
    first.write_bytes(b"old 2025\n")
    # The first rename only: the second file's, then putting the first back, fail.
    _renames_fail(monkeypatch, lambda _, done: done > 0, OSError(28, "No space left on device"))
    with pytest.raises(InputError) as refused:
        atomic_write_all([(first, b"new 2025\n", b"old 2025\n"), (second, b"new 2026\n", None)])
    assert str(refused.value) == (
        f"không ghi được tệp {second}: ổ đĩa đã đầy; không ghi gì; không đặt lại được {first} (đã mang nội dung "
        "mới): kiểm tra bằng 'kh68 check'"
    )
    assert first.read_bytes() == b"new 2025\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025.yaml"]


def test_a_file_changed_while_the_batch_is_written_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kh68.core.files

    first, second = tmp_path / "2025.yaml", tmp_path / "2026.yaml"
    first.write_bytes(b"old 2025\n")
    staged = kh68.core.files._Staged

    def meanwhile(path: Path, data: bytes, expected: object, **how: object) -> object:
        if path == second:
            first.write_bytes(b"another program's 2025\n")
        return staged(path, data, expected, **how)

    monkeypatch.setattr(kh68.core.files, "_Staged", meanwhile)
    with pytest.raises(InputError, match=r"vừa bị thay đổi bởi chương trình khác"):
        atomic_write_all([(first, b"new 2025\n", b"old 2025\n"), (second, b"new 2026\n", None)])
    assert first.read_bytes() == b"another program's 2025\n"
    assert not second.exists()


def test_a_batch_refused_says_which_files_were_not_created(tmp_path: Path) -> None:
    first, second = tmp_path / "2026-10.yaml", tmp_path / "2026-11.yaml"
    second.write_bytes(b"old\n")
    second.chmod(0o444)
    with pytest.raises(InputError) as refused:
        atomic_write_all([(first, b"new\n", None), (second, b"new\n", b"old\n")])
    assert str(refused.value) == f"tệp {second} chỉ đọc; không ghi gì (không tạo {first})"
    assert not first.exists()


def test_a_stop_during_the_renames_of_a_batch_waits_for_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM right after the first file is replaced: the second is replaced too, then kh68 stops (it left the
    first new and the second old)."""
    import signal

    from kh68.core.startup import Stopped

    first, second = tmp_path / "2025.yaml", tmp_path / "2026.yaml"
    first.write_bytes(b"old 2025\n")
    second.write_bytes(b"old 2026\n")
    with sigterm_after_rename(monkeypatch, on=lambda target: target.name == "2025.yaml") as before:
        with pytest.raises(Stopped) as stopped:
            atomic_write_all([(first, b"new 2025\n", b"old 2025\n"), (second, b"new 2026\n", b"old 2026\n")])
        assert signal.getsignal(signal.SIGTERM) is not before  # kh68's handler is back
    assert (stopped.value.signum, stopped.value.done) == (signal.SIGTERM, f"đã ghi xong {first}, {second}")
    assert (first.read_bytes(), second.read_bytes()) == (b"new 2025\n", b"new 2026\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025.yaml", "2026.yaml"]


@pytest.mark.parametrize("which", [1, 2])
def test_a_stop_while_a_new_text_is_written_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: int
) -> None:
    """Ctrl-C (or SIGTERM) while the first or the second file's new text is written beside it: nothing replaced,
    nothing left (a temporary file of 10 MB was left beside data/2025.yaml)."""
    first, second = tmp_path / "2025.yaml", tmp_path / "2026.yaml"
    first.write_bytes(b"old 2025\n")
    second.write_bytes(b"old 2026\n")
    fsync, calls = os.fsync, []

    def stopped_at(fd: int) -> None:  # the first file's new text is synced first, then the second's
        calls.append(fd)
        if len(calls) == which:
            raise KeyboardInterrupt
        fsync(fd)

    monkeypatch.setattr(os, "fsync", stopped_at)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_all([(first, b"new 2025\n", b"old 2025\n"), (second, b"new 2026\n", b"old 2026\n")])
    assert (first.read_bytes(), second.read_bytes()) == (b"old 2025\n", b"old 2026\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025.yaml", "2026.yaml"]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_a_symlink_planted_where_the_lock_goes_is_named_never_followed(example_copy: Path, tmp_path: Path) -> None:
    from kh68.core.files import lock_path, resolve_target

    path = example_copy / "data" / "2025.yaml"
    before = path.read_bytes()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"someone's file\n")
    where = lock_path(resolve_target(path))
    where.unlink(missing_ok=True)
    where.symlink_to(victim)
    try:
        result = invoke(["record", "6.4", "--year", "2025", "--value", "99,7", "--force", "--plan", example_copy], 1)
    finally:
        where.unlink()
    assert result.output == (
        f"kh68: lỗi: không khóa được tệp {path} để ghi: {where} là một liên kết tượng trưng (symlink), không phải "
        "tệp khóa của kh68: hãy xóa nó; không ghi gì\n"
    )
    assert (path.read_bytes(), victim.read_bytes()) == (before, b"someone's file\n")


def test_a_stop_a_library_swallowed_writes_nothing(tmp_path: Path) -> None:
    """A hostile-input probe: SIGTERM during an import was turned by openpyxl into a TypeError ("form unreadable"),
    and the import went on to write the data file."""
    from kh68.core.startup import Stopped

    path = tmp_path / "2025.yaml"
    path.write_bytes(b"old")
    Stopped.last = 15
    try:
        with pytest.raises(Stopped):
            atomic_write_all([(path, b"new", b"old")])
    finally:
        Stopped.last = None
    assert (path.read_bytes(), [p.name for p in tmp_path.iterdir()]) == (b"old", ["2025.yaml"])
