"""Files of kh68's own: the shipped templates, and writing without losing or misplacing anything.

Three guarantees live here, for every command that writes:

* ``atomic_write`` replaces a file whole or not at all: through a symlink to
  its target (the link stays a link), keeping the permission bits (and the
  owner where the process may), refusing anything that is not a regular file
  before writing, flushing to disk before and after the rename, and never
  leaving its temporary file behind. Temporary files are named
  ``.<name>.kh68-tmp-XXXX`` beside the target; one left by a killed process
  is removed by the next write to that file.
* ``file_lock`` serialises read–modify–write of one file across processes
  (``filelock``: works on Linux and Windows). The lock file lives in the
  system's temporary folder (``kh68-locks/<hash of the absolute path>.lock``),
  so nothing is ever added to the plan directory or its git history. It
  serialises every kh68 process of one machine; writers on other machines
  sharing a network folder are caught by the "changed since read" check of
  ``atomic_write`` instead.
* ``guard_output`` refuses an output path that is one of the plan's own
  files, or that is not (or would not be) a regular file;
  ``guard_output_dir`` does the same for a folder that outputs go into.

Reading (``read_regular``) never blocks on a FIFO or device and refuses a
file larger than ``MAX_READ_BYTES`` from its size alone, before reading it.
What it reads, and what ``folder_entries`` lists, is told to ``kh68.core.witness``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from kh68.core import witness
from kh68.core.errors import InputError, UsageError, os_reason
from kh68.core.safetext import for_terminal
from kh68.core.startup import Stopped
from kh68.core.vnformat import format_number

TEMP_MARK = ".kh68-tmp-"
LOCK_SUFFIX = ".kh68-lock"
LOCK_TIMEOUT_SECONDS = 10.0  # overridable with KH68_LOCK_TIMEOUT
_STALE_SECONDS = 60.0  # a temporary file this old, of a file nobody here holds locked, is a leftover

MAX_READ_BYTES = 64 * 1024 * 1024  # no plan, data, template or form file is anywhere near this

_ANY: object = object()  # atomic_write's ``expected`` when any current content will do
ANY_CONTENT = _ANY
"""``atomic_write_all``'s ``expected`` when any current content of the file will do."""
_held: dict[Path, int] = {}  # target → how many times this process holds its lock


def templates_dir() -> Path:
    """The shipped templates: ``kh68/templates`` in a wheel, else the repository's ``templates/``.

    An editable install does not contain the wheel's copy, hence the fallback.
    """
    from importlib import resources  # only a report needs it

    packaged = resources.files("kh68") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[3] / "templates"
    if source.is_dir():
        return source
    raise UsageError("không tìm thấy thư mục templates của kh68 (bản cài đặt thiếu tệp)")


def is_kh68_aux(name: str) -> bool:
    """Whether a file name is one of kh68's lock or temporary files (never plan content)."""
    return name.startswith(".") and (TEMP_MARK in name or name.endswith(LOCK_SUFFIX))


# ------------------------------------------------------------------ targets


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "là một thư mục"
    if stat.S_ISFIFO(mode):
        return "là một ống dẫn (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "là một thiết bị"
    if stat.S_ISSOCK(mode):
        return "là một socket"
    return "không phải tệp thông thường"


CWD_GONE = (
    "thư mục hiện tại không còn nữa (đã bị xóa hoặc đổi tên trong lúc cửa sổ lệnh vẫn mở); "
    "chuyển sang một thư mục có thật (cd) rồi chạy lại"
)


def cwd_gone() -> bool:
    """Whether the current directory was removed under the process (a relative path then means nothing)."""
    try:
        Path.cwd()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def shown_path(path: Path | str) -> str:
    """``path`` as messages show it: whole when short, else its start and its length."""
    text = Path(path).as_posix()
    if len(text) <= _SHOWN_LIMIT:
        return for_terminal(text)
    return f"{for_terminal(text[:_SHOWN_LIMIT])}… ({format_number(len(text), 0)} ký tự)"


_SHOWN_LIMIT = 120


def _dangling(path: Path) -> tuple[Path, str] | None:
    """The first symlink on ``path`` (itself or a folder on the way) that points nowhere, and where it points."""
    absolute = path.absolute()
    for place in reversed((absolute, *absolute.parents)):
        try:
            if place.is_symlink() and not place.exists():
                return place, str(place.readlink())
        except (OSError, ValueError):
            return None
    return None


def _dangling_text(path: Path, found: tuple[Path, str]) -> str:
    link, points_to = found
    where = shown_path(path) if link == path.absolute() else shown_path(link)
    return f"{where} là liên kết tượng trưng (symlink) trỏ tới nơi không có ({shown_path(points_to)})"


def resolve_target(path: Path) -> Path:
    """The regular file a write to ``path`` lands on, symlinks followed.

    Raises ``InputError`` (nothing written) for a symlink loop, a symlink that
    points nowhere (on the file or on a folder of its path), a directory, a
    FIFO, a device or anything else that is not a regular file.
    """
    shown = shown_path(path)
    try:  # what the path reaches, through links a name cannot resolve to (/dev/stdout → "pipe:[…]")
        reached = Path(path).stat().st_mode
    except OSError:
        reached = None
    if reached is not None and not stat.S_ISREG(reached):
        raise InputError(
            f"không ghi được {shown}: đường dẫn {_kind(reached)}, không phải tệp thông thường; không ghi gì"
        )
    try:
        real = path.absolute().resolve(strict=False)
    except (RuntimeError, OSError):
        if cwd_gone():
            raise UsageError(CWD_GONE) from None
        raise InputError(f"không ghi được {shown}: vòng lặp liên kết tượng trưng (symlink); không ghi gì") from None
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        dangling = _dangling(path)
        if dangling is not None:
            raise InputError(f"không ghi được {shown}: {_dangling_text(path, dangling)}; không ghi gì") from None
        return real
    except OSError as exc:
        raise InputError(f"không ghi được tệp {shown}: {_os_text(exc, path)}; không ghi gì") from None
    if not stat.S_ISREG(mode):
        raise InputError(f"không ghi được {shown}: đường dẫn {_kind(mode)}, không phải tệp thông thường; không ghi gì")
    return real


def describe(mode: int) -> str:
    """What a path whose ``st_mode`` is ``mode`` is, in Vietnamese: "là một thư mục", "là một ống dẫn (FIFO)", …"""
    return "là một tệp" if stat.S_ISREG(mode) else _kind(mode)


def _os_text(exc: OSError, path: Path | None = None) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "vòng lặp liên kết tượng trưng (symlink)"
    if exc.errno == errno.ENOTDIR and path is not None:
        blocker = _not_a_folder_on(path)
        if blocker is not None:
            place, mode = blocker
            return f"{shown_path(place)} {describe(mode)}, không phải thư mục"
    return os_reason(exc)


def _not_a_folder_on(path: Path) -> tuple[Path, int] | None:
    """The first folder of ``path`` that exists but is not a directory (a file, a FIFO, a device), and its mode."""
    for place in reversed(path.parents):
        if place == Path(place.anchor) or place == Path():
            continue
        try:
            mode = place.stat().st_mode
        except OSError:
            return None
        if not stat.S_ISDIR(mode):
            return place, mode
    return None


def guard_output(path: Path, plan_root: Path | None = None, reads: Mapping[str, Path | None] | None = None) -> Path:
    """Refuse an output ``path`` that is a plan's own file, a file the command reads, or not a regular file.

    ``plan_root`` is the plan directory the command reads: nothing under it
    (through symlinks, other spellings or case) may be written as output;
    ``reads``: the other files it reads, by the option naming each (``--template``).
    Nothing is changed by a refusal: a path inside the plan or one the command
    reads is a usage error (``UsageError``, exit 2: choose another path), a target
    that is not a regular file an ``InputError`` (exit 1, like any other write refused).
    Returns ``path``.
    """
    target = resolve_target(path)
    if plan_root is not None and _inside(target, plan_root):
        raise UsageError(
            f"không ghi ra {shown_path(path)}: đường dẫn nằm trong thư mục kế hoạch {shown_path(plan_root)} "
            "(tệp đầu ra không được ghi đè tệp của kế hoạch); chọn chỗ khác, không ghi gì"
        )
    shipped = templates_dir()
    if _inside(target, shipped):
        raise UsageError(
            f"không ghi ra {shown_path(path)}: đường dẫn nằm trong thư mục mẫu của kh68 {shown_path(shipped)}; "
            "chọn chỗ khác, không ghi gì"
        )
    for option, source in (reads or {}).items():
        if source is not None and _same_file(target, source):
            raise UsageError(
                f"không ghi ra {shown_path(path)}: đó là tệp lệnh đọc ({option}); chọn tên khác, không ghi gì"
            )
    return path


def _same_file(target: Path, source: Path) -> bool:
    """Whether ``target`` (resolved) is ``source``, by path or by file identity (a hard link, another spelling)."""
    try:
        if os.path.normcase(str(target)) == os.path.normcase(str(source.resolve())):
            return True
        return target.samefile(source)
    except (OSError, RuntimeError):
        return False


def guard_output_dir(folder: Path, plan_root: Path | None = None) -> Path:
    """Refuse a folder for outputs (``schema --out``, ``form -o``, ``init``) that cannot be one.

    A path that exists and is not a directory (a file, FIFO, device) → ``UsageError``
    (exit 2), as is the plan directory or a folder inside it; a symlink loop, a
    symlink pointing nowhere or an OS error (path too long, no permission) →
    ``InputError`` (exit 1, like any write refused). Nothing is written. A missing
    folder is fine: it is created when written. Returns ``folder``.
    """
    shown = shown_path(folder)
    try:
        real = folder.absolute().resolve(strict=False)
        mode: int | None = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    except (RuntimeError, OSError) as exc:
        if cwd_gone():
            raise UsageError(CWD_GONE) from None
        reason = "vòng lặp liên kết tượng trưng (symlink)" if isinstance(exc, RuntimeError) else _os_text(exc, folder)
        raise InputError(f"không dùng được thư mục {shown}: {reason}; không ghi gì") from None
    if mode is None:
        dangling = _dangling(folder)
        if dangling is not None:
            raise InputError(f"không dùng được thư mục {shown}: {_dangling_text(folder, dangling)}; không ghi gì")
    elif not stat.S_ISDIR(mode):
        raise UsageError(f"'{shown}' {describe(mode)}, không phải thư mục; không ghi gì")
    if plan_root is not None and _inside(real, plan_root):
        raise UsageError(
            f"không ghi vào {shown}: thư mục nằm trong thư mục kế hoạch {shown_path(plan_root)} "
            "(đầu ra không được lẫn vào các tệp của kế hoạch); chọn chỗ khác, không ghi gì"
        )
    return folder


def _inside(target: Path, root: Path) -> bool:
    """Whether ``target`` is ``root`` or under it, comparing resolved paths and file identities."""
    try:
        real_root = root.resolve()
        root_stat = real_root.stat()
    except (OSError, RuntimeError):
        return False
    if os.path.normcase(str(target)).startswith(os.path.normcase(str(real_root)).rstrip(os.sep) + os.sep):
        return True
    for ancestor in (target, *target.parents):
        with contextlib.suppress(OSError):
            if os.path.samestat(ancestor.stat(), root_stat):
                return True
    return _same_as_plan_file(target, real_root)


def _same_as_plan_file(target: Path, root: Path) -> bool:
    """A hard link to one of the plan's files is that file."""
    try:
        target_stat = target.stat()
    except OSError:
        return False
    if target_stat.st_nlink < 2:
        return False
    for folder, _dirs, names in os.walk(root):
        for name in names:
            with contextlib.suppress(OSError):
                if os.path.samestat(Path(folder, name).stat(), target_stat):
                    return True
    return False


# ------------------------------------------------------------------ locking


def _lock_timeout() -> float:
    """``KH68_LOCK_TIMEOUT`` in seconds; anything but a finite number ≥ 0 is the default."""
    import math

    try:
        chosen = float(os.environ.get("KH68_LOCK_TIMEOUT", LOCK_TIMEOUT_SECONDS))
    except ValueError:
        return LOCK_TIMEOUT_SECONDS
    return chosen if math.isfinite(chosen) and 0 <= chosen <= _LONGEST_WAIT else LOCK_TIMEOUT_SECONDS


_LONGEST_WAIT = 24 * 3600.0


def lock_path(target: Path) -> Path:
    """The lock file of ``target``: one per absolute path, in the temporary folder."""
    import hashlib
    import tempfile

    folder = Path(tempfile.gettempdir()) / "kh68-locks"
    if not folder.is_dir():
        folder.mkdir(exist_ok=True)
        with contextlib.suppress(OSError):
            folder.chmod(0o1777)  # shared by every user of the machine, like /tmp
    digest = hashlib.sha256(os.path.normcase(str(target)).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return folder / f"{digest}{LOCK_SUFFIX}"


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[Path]:
    """Hold the lock of ``path`` (re-entrant within this process); yield the resolved target.

    Another process holding it for longer than the timeout → ``InputError``
    in Vietnamese, nothing written.
    """
    from filelock import FileLock, Timeout

    target = resolve_target(path)
    if _held.get(target):
        _held[target] += 1
        try:
            yield target
        finally:
            _held[target] -= 1
        return
    timeout = _lock_timeout()
    where = lock_path(target)
    try:
        lock = FileLock(str(where), timeout=timeout, mode=0o666)
        lock.acquire()
    except Timeout:
        raise InputError(
            f"tệp {shown_path(path)} đang được một lệnh kh68 khác ghi (đã chờ {_seconds(timeout)} giây); "
            "không ghi gì — hãy chạy lại lệnh sau"
        ) from None
    except OSError as exc:
        if where.is_symlink():  # planted where kh68's lock goes (a symlink is never followed there)
            reason = f"{where} là một liên kết tượng trưng (symlink), không phải tệp khóa của kh68: hãy xóa nó"
        else:
            reason = _os_text(exc)
        raise InputError(f"không khóa được tệp {shown_path(path)} để ghi: {reason}; không ghi gì") from None
    _held[target] = 1
    try:
        yield target
    finally:
        del _held[target]
        lock.release()


def _seconds(value: float) -> str:
    """A number of seconds as Vietnamese writes it: 10, 0,2, 1,5 (at most 3 decimals)."""
    return format_number(value, 3)


# ------------------------------------------------------------------ writing


def _remove_leftovers(target: Path) -> None:
    """Remove temporary files of ``target`` left by killed writers.

    Those too old to belong to a running write; and, while this process holds the file's lock, those of a writer of
    this machine that is no longer running, or that name no writer (an older kh68's). Never a fresh one of a writer
    still running, nor of another machine: the lock is this machine's and this user's (in the temporary folder),
    and a kh68 of another user or machine writing the same shared folder holds its own (a hostile probe: writers
    with their own TMPDIR deleted each other's new text, then said the file was gone).
    """
    prefix = f".{target.name}{TEMP_MARK}"
    locked = bool(_held.get(target))
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if not entry.name.startswith(prefix):
                continue
            owner, named, _ = entry.name[len(prefix) :].partition(_OWNER_END)
            with contextlib.suppress(OSError):
                stale = now - entry.stat(follow_symlinks=False).st_mtime > _STALE_SECONDS
                if stale or (locked and _writer_gone(owner if named else None)):
                    Path(entry.path).unlink()


_OWNER_END = "~"  # ends the writer's name in a temporary file's: ``.2025.yaml.kh68-tmp-<host>.<pid>~<random>``


def _writer() -> str:
    """This writer, as a temporary file names it: the machine and the process."""
    import socket  # only a write needs it

    host = "".join(c for c in socket.gethostname() if c.isalnum())[:32] or "may"
    return f"{host}.{os.getpid()}"


def _writer_gone(owner: str | None) -> bool:
    """Whether the writer a temporary file names has stopped (``None``: it names none, an older kh68's file)."""
    if owner is None:
        return True
    host, _, pid = owner.rpartition(".")
    if host != _writer().rpartition(".")[0] or not pid.isdigit() or os.name != "posix":
        return False  # another machine's, or no way to ask (Windows): left until it is stale
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_identity(temp: str, old: os.stat_result | None) -> None:
    """Give the new file the old one's permission bits and, where allowed, owner and group.

    A new file gets what ``open()`` would give it (0666 less the umask), not the
    0600 of a temporary file: forms, reports and data files are meant to be shared.
    """
    if old is None:
        mask = os.umask(0)
        os.umask(mask)
        Path(temp).chmod(0o666 & ~mask)
        return
    Path(temp).chmod(stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):
            os.chown(temp, old.st_uid, old.st_gid)


def atomic_write(path: Path, data: bytes, *, expected: bytes | object | None = _ANY) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    ``path`` may be a symlink: its target is replaced and the link stays. A
    read-only file is refused (even for root, who could replace it). With
    ``expected`` (bytes, or ``None`` for "did not exist"), the write is
    refused when the file no longer holds that (someone changed it since it
    was read). Any error leaves the old
    file as it was and no temporary file behind.
    """
    atomic_write_all([(path, data, expected)])


def atomic_write_all(writes: Sequence[tuple[Path, bytes, bytes | object | None]]) -> None:
    """Write each ``(path, data, expected)`` as ``atomic_write`` does, all of them or none.

    Every new text is first written whole beside its file (where a full disk, a size limit or a stop stops
    it: nothing is replaced); only then are the files replaced, one rename each, each checked again just
    before for a change made by another program. A rename that still fails puts back the files already
    replaced; a file that cannot be put back is named as changed, never said to be kept. A stop (Ctrl-C,
    SIGTERM) during the renames waits for them: the batch is whole, then kh68 stops; a stop that came before and
    that a library swallowed writes nothing (``Stopped.raise_if_any``).
    """
    Stopped.raise_if_any()
    staged: list[_Staged] = []
    try:
        try:
            for path, data, expected in writes:
                _Staged(path, data, expected, into=staged)  # a stop here: nothing replaced yet
        except _NotWritten as exc:
            raise _with_the_others(exc, writes) from None
        with _stops_held(done=lambda: "đã ghi xong " + ", ".join(item.shown for item in staged)):
            _replace_all(staged, writes)  # a stop between two renames, or while putting them back, waits for them
    finally:
        for item in staged:
            item.discard()


def _with_the_others(exc: _NotWritten, writes: Sequence[tuple[Path, bytes, object]]) -> Exception:
    """A file of a batch not written, and what became of the others (one file: the error as it is)."""
    return InputError(f"{exc} ({_the_others(exc.path, writes)})") if len(writes) > 1 else exc


def _replace_all(staged: list[_Staged], writes: Sequence[tuple[Path, bytes, object]]) -> None:
    """Replace every file; on an error, put back those replaced (see ``atomic_write_all``)."""
    replaced: list[_Staged] = []
    try:
        for item in staged:
            item.replace()
            replaced.append(item)
    except BaseException as exc:
        left = [item.shown for item in reversed(replaced) if not item.restore()]
        if left:
            raise InputError(
                f"{exc}; không đặt lại được {', '.join(left)} (đã mang nội dung mới): kiểm tra bằng 'kh68 check'"
            ) from None
        if isinstance(exc, _NotWritten):
            raise _with_the_others(exc, writes) from None
        raise


_STOPS = ("SIGINT", "SIGTERM", "SIGHUP")


@contextlib.contextmanager
def _stops_held(done: Callable[[], str]) -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done, then stop kh68 as they would have (``Stopped``,
    saying ``done()``: the files were written before it stopped): the renames of a batch are all made, or (on an
    error, which is said instead) all put back, never cut between two. Only the main thread can set handlers;
    elsewhere (and for a signal kh68 does not handle) nothing is held."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    numbers = [n for n in (getattr(signal, name, None) for name in _STOPS) if n is not None]
    before = {n: signal.getsignal(n) for n in numbers}
    for number in numbers:
        if callable(before[number]):  # one kh68 (or Python) handles; an ignored signal stays ignored
            signal.signal(number, lambda signum, _frame: held.append(signum))
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
    if held:
        raise Stopped(held[0], done=done())


_OTHERS_SHOWN = 5  # the other files of a refused batch named; the rest counted


def _the_others(failed: Path, writes: Sequence[tuple[Path, bytes, object]]) -> str:
    """What became of the other files of a refused batch: kept as they were, or not created."""
    others = [path for path, _, _ in writes if path != failed]
    kept = [shown_path(path) for path in others if os.path.lexists(path)]
    unmade = [shown_path(path) for path in others if not os.path.lexists(path)]
    said = ([f"các tệp khác cũng giữ nguyên: {_paths(kept)}"] if kept else []) + (
        [f"không tạo {_paths(unmade)}"] if unmade else []
    )
    return "; ".join(said)


def _paths(shown: list[str]) -> str:
    """At most ``_OTHERS_SHOWN`` paths, whole, the rest counted: ``a.xlsx, b.xlsx, … và 8 tệp khác``."""
    rest = len(shown) - _OTHERS_SHOWN
    return ", ".join(shown[:_OTHERS_SHOWN]) + (f", … và {rest} tệp khác" if rest > 0 else "")


def _replace(source: Path, target: Path) -> None:
    """``source.replace(target)``; on Windows, tried again for a second while another program (an antivirus, an
    indexer, Excel) holds the target open."""
    for attempt in range(10 if os.name == "nt" else 1):
        try:
            source.replace(target)
            return
        except PermissionError:
            if attempt == 9 or os.name != "nt":
                raise
            time.sleep(0.1)


class _NotWritten(InputError):
    """A file of a batch that could not be written (``path``); every other file is kept as it was."""

    def __init__(self, path: Path, message: str):
        super().__init__(message)
        self.path = path


class _Staged:
    """A file's new text written whole beside it, not yet in its place."""

    def __init__(self, path: Path, data: bytes, expected: bytes | object | None, *, into: list[_Staged] | None = None):
        """``into``: the batch's list, which this joins before anything is written (whatever stops it then — an
        error, Ctrl-C — the batch discards what it left)."""
        import tempfile  # only a write needs it (a check or a status reads)

        self.temp: str | None = None
        self.made: list[Path] = []
        if into is not None:
            into.append(self)
        self.path, self.shown, self.target = path, shown_path(path), resolve_target(path)
        self.before: bytes | None = None
        self.kept = "không ghi gì"  # what a refusal says of the file: until it is known to be there
        try:
            old = self.target.stat()
        except FileNotFoundError:
            old = None
        except OSError as exc:
            raise self._failed(exc) from None
        if old is not None and not old.st_mode & stat.S_IWUSR:
            raise _NotWritten(path, f"tệp {self.shown} chỉ đọc; không ghi gì")
        if old is not None:
            self.kept = "tệp cũ giữ nguyên"
        self.made = [folder for folder in (self.target.parent, *self.target.parent.parents) if not folder.exists()]
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            _remove_leftovers(self.target)
            prefix = f".{self.target.name}{TEMP_MARK}{_writer()}{_OWNER_END}"
            fd, self.temp = tempfile.mkstemp(prefix=prefix, dir=self.target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            _keep_identity(self.temp, old)
            self.before = _current(self.target)
        except OSError as exc:
            self.discard()
            raise self._failed(exc) from None
        except BaseException:  # Ctrl-C, SIGTERM while the text is written: nothing left beside the file
            self.discard()
            raise
        self.expected = expected
        if expected is not _ANY and self.before != expected:
            self.discard()
            raise self._changed()

    def _failed(self, exc: OSError) -> _NotWritten:
        return _NotWritten(self.path, f"không ghi được tệp {self.shown}: {_os_text(exc, self.path)}; {self.kept}")

    def _changed(self) -> _NotWritten:
        return _NotWritten(
            self.path,
            f"tệp {self.shown} vừa bị thay đổi bởi chương trình khác trong lúc kh68 ghi; không ghi gì — hãy chạy lại lệnh",
        )

    def replace(self) -> None:
        assert self.temp is not None
        if self.expected is not _ANY and _current(self.target) != self.before:  # changed while the batch was staged
            raise self._changed()
        try:
            _replace(Path(self.temp), self.target)
        except OSError as exc:
            raise self._failed(exc) from None
        self.temp = None
        _fsync_directory(self.target.parent)

    def restore(self) -> bool:
        """Put back what the file held before ``replace`` (a later file of the batch could not be written);
        whether it could."""
        if self.before is None:
            try:
                self.target.unlink()
            except FileNotFoundError:
                pass
            except OSError:
                return False
            self.discard()  # and the folders made for it
            return True
        try:
            back = _Staged(self.path, self.before, _ANY)
        except InputError:
            return False
        try:
            back.replace()
        except InputError:
            return False
        finally:
            back.discard()
        return True

    def discard(self) -> None:
        """Remove what was written but not put in place: the temporary file, the folders made for it."""
        if self.temp is not None:
            with contextlib.suppress(OSError):
                Path(self.temp).unlink()
            self.temp = None
        for folder in self.made:
            with contextlib.suppress(OSError):
                folder.rmdir()
        self.made = []


def _current(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except FileNotFoundError:
        return None


# ------------------------------------------------------------------ reading


class NotRegularFile(OSError):
    """A path to read that is a directory, a FIFO, a device or a socket; ``str()`` says which."""


class FileTooLarge(OSError):
    """A file to read larger than ``MAX_READ_BYTES``; ``str()`` says how large."""


def read_regular(path: Path, limit: int = MAX_READ_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed).

    Never blocks: a FIFO, a device or a directory is refused with
    ``NotRegularFile`` before it is read (and a FIFO is opened non-blocking,
    should one replace the file in between). A file larger than ``limit``
    bytes is refused with ``FileTooLarge`` from its size, without reading it
    (a 2 GB sparse file costs no memory), and one that grows past ``limit``
    while read is refused too. A symlink loop is ``OSError`` ELOOP.

    The bytes read (or the failure) are told to ``kh68.core.witness``: the
    cache keeps an answer only if they are the bytes its key was made of.
    """
    try:
        data = _read_regular(path, limit)
    except BaseException:
        witness.read(path, None)
        raise
    witness.read(path, data)
    return data


def _read_regular(path: Path, limit: int) -> bytes:
    mode = Path(path).stat().st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFile(None, f"đường dẫn {_kind(mode)}, không phải tệp thông thường", str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(None, f"đường dẫn {_kind(status.st_mode)}, không phải tệp thông thường", str(path))
        if status.st_size > limit:
            raise _too_large(path, status.st_size, limit)
        data = handle.read(status.st_size + 1)  # the size it has: no buffer of ``limit`` bytes for a small file
        if len(data) > status.st_size:  # it grew since (or is a /proc file, whose size says 0)
            data += handle.read(limit + 1 - len(data))
        if len(data) > limit:
            raise _too_large(path, None, limit)
        return data


def _too_large(path: Path, size: int | None, limit: int) -> FileTooLarge:
    def mib(count: int) -> str:
        return format_number(count / 2**20, 1)

    actual = f"{mib(size)} MiB, " if size is not None else ""
    return FileTooLarge(None, f"tệp quá lớn ({actual}tối đa {mib(limit)} MiB); kh68 không đọc tệp này", str(path))


def folder_entries(folder: Path) -> list[Path]:
    """The entries of ``folder``, hidden ones too, in no particular order (``OSError`` as ``Path.iterdir``).

    The names (or the failure) are told to ``kh68.core.witness``: the cache keeps
    an answer only if the folder held the names its key was made of.
    """
    try:
        entries = list(folder.iterdir())
    except BaseException:
        witness.listed(folder, None)
        raise
    witness.listed(folder, [entry.name for entry in entries])
    return entries
