"""A cache of what a read-only command printed, as ruff, mypy and pre-commit keep one.

A command's answer (its stdout, stderr and exit code) depends only on kh68's
code, the command line, a few environment variables, the console, today's date
and the plan's files. All of it goes into the key: the code as the size and
time of each of kh68's files and of the places Python imports from, the plan
as the *content* of every file in the plan directory and in ``data/`` and the
listing of both (a new or removed file is a new key). An entry holds its key in
full, so a digest collision is a miss.

The cache can only be wrong by being absent. An answer is kept only when:

* it is the plan's (``storable``, the one rule): exit 0, 1 or 2, nothing of
  the machine on the way (no OS or memory error, stop, output failure or defect
  of kh68: ``kh68.core.witness.fault``), all of it written through the console;
* every file the command read gave the very bytes whose digest is in the key
  (``kh68.core.witness`` hands over what was read, not what is on disk later),
  every file it found missing is missing in the key, every folder it listed
  held the key's names, and it opened nothing else in the plan but through
  that one reading function;
* after the run the key is still the same (the plan, the code, the day) and the
  plan's two folders still have the identity and times they had before the run
  (a file swapped in and put back changes those): nothing the command looked
  at without reading it changed meanwhile.

While a missed command runs, every other file it opens and every directory it
lists is watched too (``sys.addaudithook``): the answer is stored only if all
of it was kh68's or Python's own code, so a command that one day reads another
file is never answered from a stale entry, only more slowly.

The cache lives in the user's cache directory, never in the plan directory;
``KH68_CACHE_DIR`` chooses it, ``KH68_NO_CACHE=1`` turns it off. kh68 uses a
folder only if it is kh68's: the user's own, marked by kh68's ``CACHEDIR.TAG``
(https://bford.info/cachedir/), which is written only into a new or empty
folder (or one holding nothing but kh68's entries). Any other folder (a home,
``/tmp``, a documents folder) is left alone and the command runs uncached. In
its own folder kh68 removes only its own entries, recognised by name and by
their first bytes. Entries are written atomically (a new temporary file, then
``os.replace``), carry a checksum, and any error reading or writing them is
ignored: a cache never turns a working command into a failing one, nor prints
anything.

This module imports nothing but the standard library's quickest modules: it is
what a cache hit runs instead of the command line.
"""

from __future__ import annotations

import marshal
import os
import sys
import time

TYPE_CHECKING = False  # typing itself costs a cache hit more than the rest of this module
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import TracebackType
    from typing import Any, TextIO

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython has it
    from hashlib import blake2b

FORMAT = b"kh68 cache 2\n"
_FORMAT_START = b"kh68 cache "  # every version's entries start so: "kh68 cache <n>\n"
_DIGEST = 32
_NAME_LENGTH = 40  # hexadecimal digits of an entry's name
MAX_ENTRIES = 256
MAX_TEXT = 16 * 1024 * 1024  # characters: a larger answer is not worth keeping
MAX_ENTRY = 4 * MAX_TEXT + (1 << 20)  # bytes of one entry (UTF-8 and marshal of MAX_TEXT characters)
MAX_PLAN_FILE = 64 * 1024 * 1024  # kh68.core.files.MAX_READ_BYTES: a larger plan file is refused, never hashed
LEFTOVER_SECONDS = 3600  # a temporary entry this old was left by a process that died while writing it
PLAN_DATA = "data"
PLAN_ANSWERS = (0, 1, 2)  # ExitCode.OK, PROBLEMS (the plan's), USAGE: the only exit codes kept
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # kh68/, whose every file is in the key

TAG = "CACHEDIR.TAG"
TAG_TEXT = (
    b"Signature: 8a477f597d28d172789f06886806bc55\n"
    b"# This file is a cache directory tag created by kh68.\n"
    b"# For information about cache directory tags see https://bford.info/cachedir/\n"
)

# Read by rich, click, Python or kh68 itself; they decide colours, widths, encodings, the date.
ENVIRONMENT = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONLEGACYWINDOWSSTDIO",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_CTYPE",
    "LC_MESSAGES",
    "TZ",
    "CI",
    "GITHUB_ACTIONS",
)
_OWN = ("KH68_CACHE_DIR", "KH68_NO_CACHE")

Chunks = list[tuple[int, str]]
Answer = tuple[int, list[tuple[int, str]]]


def directory(plan_root: str) -> str | None:
    """Where entries are kept, or ``None`` when the cache is off (or would be inside the plan)."""
    env = os.environ
    if env.get("KH68_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = env.get("KH68_CACHE_DIR")
    if not chosen:
        if os.name == "nt":
            base = env.get("LOCALAPPDATA") or os.path.join(os.path.expanduser("~"), "AppData", "Local")
            chosen = os.path.join(base, "kh68", "Cache")
        else:
            base = env.get("XDG_CACHE_HOME", "")
            if not os.path.isabs(base):
                base = os.path.join(os.path.expanduser("~"), ".cache")
            chosen = os.path.join(base, "kh68")
    chosen = os.path.realpath(os.path.abspath(chosen))
    if _inside(chosen, os.path.realpath(plan_root)):
        return None
    return chosen


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# ---------------------------------------------------------------- the key


class PlanState:
    """What a key says of the plan, for checking a run against it.

    ``digests``: each file's digest, by path; ``listings``: each folder's names
    (``None``: no such folder); ``stamps``: each folder's device, inode,
    modification and change times, taken before it was listed (not part of the
    key: a run is kept only if they are the same after it).
    """

    __slots__ = ("digests", "listings", "stamps")

    def __init__(self) -> None:
        self.digests: dict[str, str] = {}
        self.listings: dict[str, frozenset[str] | None] = {}
        self.stamps: list[tuple[int, ...] | None] = []


def key(argv: list[str], plan_root: str, version: str) -> tuple[str, PlanState]:
    """The full key of ``kh68 ARGV`` on ``plan_root``, and what it says of the plan's files."""
    plan_root = os.path.realpath(os.path.abspath(plan_root))
    plan, state = _plan_state(plan_root)
    parts: list[Any] = [
        FORMAT,
        version,
        sys.version,
        sys.executable,
        sys.platform,
        tuple(sys.path),
        _code_state(),
        tuple(argv),
        os.getcwd(),
        time.localtime()[:3],  # today, as date.today() sees it
        tuple((name, os.environ.get(name)) for name in ENVIRONMENT),
        tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("KH68_") and k not in _OWN)),
        _console_state(),
        plan_root,
        plan,
    ]
    return repr(parts), state


def _plan_state(root: str) -> tuple[tuple[Any, ...], PlanState]:
    """Listing of the plan directory and ``data/``, and the digest of each file in them."""
    listed: list[Any] = []
    state = PlanState()
    for folder in (root, os.path.join(root, PLAN_DATA)):
        state.stamps.append(_stamp(folder))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except FileNotFoundError:
            listed.append((folder, None))
            state.listings[folder] = None
            continue
        state.listings[folder] = frozenset(e.name for e in entries)
        for entry in entries:
            if entry.is_file():
                digest = _digest(_read_small(entry.path, MAX_PLAN_FILE))
                listed.append((entry.path, digest))
                state.digests[entry.path] = digest
            else:
                listed.append((entry.path, _what_is(entry)))
    return tuple(listed), state


def _what_is(entry: os.DirEntry[str]) -> tuple[Any, ...]:
    """An entry that is no regular file, as the plan's check would tell it: where a symlink points and what is
    there (a folder, a FIFO, which device) or why nothing is (a symlink to /dev/null and one to nowhere once had one
    key, and the second was answered with the first's "thiết bị")."""
    import stat

    try:
        link: Any = os.readlink(entry.path) if entry.is_symlink() else None
    except OSError as exc:
        link = ("error", exc.errno)
    try:
        status = os.stat(entry.path)
        target: tuple[Any, ...] = (stat.S_IFMT(status.st_mode), status.st_rdev, status.st_dev, status.st_ino)
    except OSError as exc:
        target = ("error", exc.errno)
    return ("dir" if entry.is_dir() else "other", link, target)


def _stamp(folder: str) -> tuple[int, ...] | None:
    """What changes whenever an entry of ``folder`` is added, removed, renamed or replaced."""
    try:
        status = os.stat(folder)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino, status.st_mtime_ns, status.st_ctime_ns


def _digest(data: bytes) -> str:
    return blake2b(data).hexdigest()


class _Unfit(Exception):
    """A file the cache will not read: not a regular file, or too large, or not the user's own."""


def _read_small(path: str, limit: int, *, own: bool = False) -> bytes:
    """The bytes of the regular file ``path``; never blocks on a FIFO, never reads more than ``limit``.

    ``own``: only a file of the user's own, not through a symlink (the cache's tag and entries).
    """
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | (getattr(os, "O_NOFOLLOW", 0) if own else 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit or (own and not _mine(status)):
            raise _Unfit(path)
        chunks = []
        size = 0
        want = status.st_size + 1  # the size it has (and one byte to see it end): no larger buffer than that
        while True:
            chunk = os.read(fd, min(want, 1 << 20))
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise _Unfit(path)
            chunks.append(chunk)
            want = 1 << 20  # it grew since (or is a /proc file, whose size says 0)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _mine(status: os.stat_result) -> bool:
    """Whether a file or folder belongs to the user running kh68 (always, where there are no owners)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or status.st_uid == getuid()


def _code_state() -> tuple[Any, ...]:
    """Size and time of each file of the kh68 package and of each place code is imported from."""
    package = _PACKAGE
    files: list[tuple[str, int, int]] = []
    for path, stat in _walk(package):
        files.append((path, stat.st_size, stat.st_mtime_ns))
    places: list[tuple[str, int | None]] = []
    for place in sys.path:
        if not os.path.isabs(place):
            continue  # the current directory (``python -m``): its time changes with every file made in it
        try:
            places.append((place, os.stat(place).st_mtime_ns))
        except OSError:
            places.append((place, None))
    return tuple(files), tuple(places)


def _walk(folder: str) -> Iterator[tuple[str, os.stat_result]]:
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry.path)
        else:
            yield entry.path, entry.stat()


def _console_state() -> tuple[Any, ...]:
    state: list[Any] = [sys.flags.utf8_mode]
    state.extend((getattr(s, "encoding", None), getattr(s, "errors", None)) for s in (sys.stdout, sys.stderr))
    for fd in (0, 1, 2):
        try:
            tty = os.isatty(fd)
        except OSError:
            tty = None
        try:
            size: tuple[int, int] | None = tuple(os.get_terminal_size(fd))  # type: ignore[assignment]
        except (OSError, ValueError, AttributeError):
            size = None
        state.append((fd, tty, size))
    return tuple(state)


# ---------------------------------------------------------------- the folder


def owned(folder: str) -> bool:
    """Whether ``folder`` is kh68's cache: the user's own, with kh68's ``CACHEDIR.TAG`` in it."""
    try:
        return _mine(os.stat(folder)) and _read_small(os.path.join(folder, TAG), len(TAG_TEXT), own=True) == TAG_TEXT
    except Exception:  # no tag, another program's, unreadable: not kh68's
        return False


def claim(folder: str) -> bool:
    """Make ``folder`` kh68's cache if it is new, empty or holds only kh68's entries; whether it is kh68's.

    A folder with anything else in it (another program's tag, the user's files)
    is never claimed: kh68 then keeps nothing and touches nothing there.
    """
    if owned(folder):
        return True
    try:
        os.makedirs(folder, mode=0o700)
    except FileExistsError:
        if not _only_entries(folder):
            return False
    _write_new(os.path.join(folder, f"{TAG}.{os.getpid()}.tmp"), TAG_TEXT, os.path.join(folder, TAG))
    return owned(folder)


def _only_entries(folder: str) -> bool:
    """Whether ``folder`` is a directory of the user's own holding nothing but kh68's entries (or nothing)."""
    import stat

    status = os.stat(folder)
    if not stat.S_ISDIR(status.st_mode) or not _mine(status):
        return False
    with os.scandir(folder) as entries:
        return all(_is_entry(e.path, e.name) or _is_leftover(e.path, e.name, 0) or _is_tag_leftover(e) for e in entries)


def _is_tag_leftover(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is the temporary tag of a kh68 that died while claiming the folder."""
    stem, _, pid = entry.name[: -len(".tmp")].rpartition(".")
    if not (stem == TAG and pid.isdigit() and pid.isascii() and entry.name.endswith(".tmp")):
        return False
    try:
        return TAG_TEXT.startswith(_read_small(entry.path, len(TAG_TEXT), own=True))
    except Exception:
        return False


def _is_entry(path: str, name: str) -> bool:
    """Whether ``path`` is an entry of kh68's cache, by its name and by its first bytes."""
    return _entry_name(name) and _entry_content(path)


def _is_leftover(path: str, name: str, age: float) -> bool:
    """Whether ``path`` is a temporary entry (``<name>.<pid>.tmp``) at least ``age`` seconds old."""
    stem, _, rest = name.partition(".")
    pid, _, suffix = rest.partition(".")
    if not (_entry_name(stem) and pid.isdigit() and pid.isascii() and suffix == "tmp"):
        return False
    try:
        old_enough = time.time() - os.lstat(path).st_mtime >= age
    except OSError:
        return False
    return old_enough and _entry_content(path)


def _entry_name(name: str) -> bool:
    return len(name) == _NAME_LENGTH and all(c in "0123456789abcdef" for c in name)


def _entry_content(path: str) -> bool:
    """Whether the file ``path`` (not a symlink, the user's own) starts as every version's entries do."""
    try:
        head = _head(path)
    except Exception:
        return False
    number, newline, _ = head[len(_FORMAT_START) :].partition(b"\n")
    return head.startswith(_FORMAT_START) and newline == b"\n" and number.isdigit()


def _head(path: str) -> bytes:
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or not _mine(status):
            return b""
        return os.read(fd, 32)
    finally:
        os.close(fd)


# ---------------------------------------------------------------- entries


def _entry_path(folder: str, full_key: str) -> str:
    return os.path.join(folder, blake2b(full_key.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest())


def lookup(folder: str, full_key: str) -> Answer | None:
    """The stored answer for ``full_key``; ``None`` for a miss, a damaged entry, a folder not kh68's or any error."""
    try:
        if not owned(folder):
            return None
        blob = _read_small(_entry_path(folder, full_key), MAX_ENTRY, own=True)
        head, digest, payload = (
            blob[: len(FORMAT)],
            blob[len(FORMAT) : len(FORMAT) + _DIGEST],
            blob[len(FORMAT) + _DIGEST :],
        )
        if head != FORMAT or blake2b(payload, digest_size=_DIGEST).digest() != digest:
            return None
        stored_key, code, chunks = marshal.loads(payload)
        if stored_key != full_key or type(code) is not int:
            return None
        if not all(type(c) is tuple and len(c) == 2 and c[0] in (1, 2) and type(c[1]) is str for c in chunks):
            return None
        return code, chunks
    except Exception:  # a missing, unreadable or damaged entry is a miss
        return None


def store(folder: str, full_key: str, answer: Answer) -> None:
    """Keep ``answer`` under ``full_key``, atomically, if ``folder`` is (or may become) kh68's; errors are ignored."""
    try:
        if not claim(folder):
            return
        final = _entry_path(folder, full_key)
        if os.path.lexists(final) and not _is_entry(final, os.path.basename(final)):
            return  # not kh68's: never replaced
        payload = marshal.dumps((full_key, answer[0], [tuple(c) for c in answer[1]]))
        blob = FORMAT + blake2b(payload, digest_size=_DIGEST).digest() + payload
        _write_new(f"{final}.{os.getpid()}.tmp", blob, final)
        _prune(folder)
    except Exception:
        pass


def _write_new(temporary: str, data: bytes, final: str) -> None:
    """Write ``data`` into a new file ``temporary`` (never an existing one), then rename it to ``final``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(temporary, flags, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temporary, final)
    except BaseException:
        try:
            os.remove(temporary)
        except OSError:
            pass
        raise


def _prune(folder: str) -> None:
    """Keep the newest ``MAX_ENTRIES`` of kh68's entries (a new day or edit makes new keys); nothing else.

    Only files kh68 made — named as its entries and starting as they do — are
    counted and removed; so are temporary entries left by a process that died
    while writing one. Anything else in the folder is never touched.
    """
    entries: list[tuple[int, str]] = []
    with os.scandir(folder) as found:
        for entry in found:
            if _is_leftover(entry.path, entry.name, LEFTOVER_SECONDS):
                _remove(entry.path)
            elif _entry_name(entry.name) and entry.is_file(follow_symlinks=False):
                entries.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
    if len(entries) <= MAX_ENTRIES:
        return
    ours = sorted((mtime, path) for mtime, path in entries if _entry_content(path))
    for _, path in ours[: max(0, len(ours) - MAX_ENTRIES)]:
        _remove(path)


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def replay(answer: Answer) -> int:
    """Write a stored answer exactly as the command wrote it; its exit code."""
    code, chunks = answer
    streams = {1: sys.stdout, 2: sys.stderr}
    last = None
    for number, text in chunks:
        if last is not None and number != last:
            _flush(streams[last], last)
        _write(streams[number], number, text)
        last = number
    for number, stream in streams.items():
        _flush(stream, number)
    return code


def _write(stream: TextIO, number: int, text: str) -> None:
    """Write on stdout, or on stderr where a failure has nowhere to be told (as the command run for real)."""
    try:
        stream.write(text)
    except (OSError, ValueError):
        if number == 1:
            raise


def _flush(stream: TextIO, number: int) -> None:
    try:
        stream.flush()
    except (OSError, ValueError):
        if number == 1:
            raise


# ---------------------------------------------------------------- recording a miss


class _Tee:
    """A console stream that also keeps, in order, what was written to it."""

    def __init__(self, stream: TextIO, number: int, recording: Recording):
        self._stream = stream
        self._number = number
        self._recording = recording

    def write(self, text: str) -> int:
        try:
            written = self._stream.write(text)
        except BaseException:
            self._recording.complete = False  # what reached the reader is not what was said
            raise
        self._recording.chunks.append((self._number, text))
        self._recording.size += len(text)
        return written

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BaseException:
            self._recording.complete = False
            raise

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    @property
    def buffer(self) -> Any:
        # Bytes written under the text layer would not be kept: such a run is not stored.
        self._recording.complete = False
        return self._stream.buffer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


_active: list[Recording] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _active and event in ("open", "os.listdir", "os.scandir"):
        _active[-1].note(event, args[0] if args else None)


def _real(path: Any) -> str:
    return os.path.realpath(os.path.abspath(os.fsdecode(path)))


class Recording:
    """Capture a command's output while it runs, and check it read only what the key covers, as the key has it.

    It listens to ``kh68.core.witness`` (the bytes each plan file gave, the names
    each folder held, the machine's faults) and to Python's audit events (every
    file opened, every folder listed); ``verified()`` says whether all of it
    agrees with the key's ``PlanState``.
    """

    _hooked = False

    def __init__(self, plan_root: str, state: PlanState):
        self.plan_root = os.path.realpath(os.path.abspath(plan_root))
        self.state = state
        self.listable = {self.plan_root, os.path.join(self.plan_root, PLAN_DATA), os.path.realpath(os.getcwd())}
        self.outside = _code_places()
        self.chunks: Chunks = []
        self.size = 0
        self.complete = True  # all of the output was written through the console, and all of it is here
        self.as_keyed = True  # every plan file read and folder listed was as the key has it
        self.faults = 0
        self.opened: dict[str, int] = {}  # plan file → times opened
        self.reads: dict[str, int] = {}  # plan file → times read through kh68.core.files.read_regular
        self._saved: tuple[TextIO, TextIO] | None = None
        self._tees: tuple[_Tee, _Tee] | None = None

    def verified(self) -> bool:
        """Whether the answer is complete, no fault of the machine decided it, and it came from the key's plan."""
        opened_only_to_read = all(self.reads.get(path, 0) >= times for path, times in self.opened.items())
        return self.complete and self.as_keyed and not self.faults and opened_only_to_read

    # kh68.core.witness
    def read(self, path: Any, data: bytes | None) -> None:
        try:
            real = _real(path)
            if not _inside(real, self.plan_root):
                return  # kh68's own files: the audit events decide
            self.reads[real] = self.reads.get(real, 0) + 1
            if data is None or self.state.digests.get(real) != _digest(data):
                self.as_keyed = False
        except Exception:
            self.as_keyed = False

    def absent(self, path: Any) -> None:
        try:
            real = _real(path)
            if not _inside(real, self.plan_root):
                return
            folder, name = os.path.split(real)
            if name in (self.state.listings.get(folder) or ()) or real in self.state.digests:
                self.as_keyed = False  # the key has it: it went away during the run
        except Exception:
            self.as_keyed = False

    def listed(self, folder: Any, names: list[str] | None) -> None:
        try:
            real = _real(folder)
            if not _inside(real, self.plan_root):
                return
            seen = None if names is None else frozenset(names)
            if real not in self.state.listings or self.state.listings[real] != seen:
                self.as_keyed = False
        except Exception:
            self.as_keyed = False

    def fault(self, exc: BaseException) -> None:
        self.faults += 1

    # sys.addaudithook
    def note(self, event: str, path: Any) -> None:
        if path is None or isinstance(path, int):
            return
        try:
            real = _real(path)
            if not self._covers(event, real):
                self.complete = False
            elif event == "open" and _inside(real, self.plan_root):
                self.opened[real] = self.opened.get(real, 0) + 1
        except Exception:
            self.complete = False

    def _covers(self, event: str, real: str) -> bool:
        if _inside(real, self.plan_root):
            return real in (self.state.digests if event == "open" else self.listable)
        if event != "open" and real in self.listable:
            return True  # the current directory, listed by the import system
        return real == os.path.realpath(os.devnull) or any(_inside(real, place) for place in self.outside)

    def __enter__(self) -> Recording:
        from kh68.core import witness

        if not Recording._hooked:
            sys.addaudithook(_audit)
            Recording._hooked = True
        self._saved = (sys.stdout, sys.stderr)
        self._tees = (_Tee(sys.stdout, 1, self), _Tee(sys.stderr, 2, self))
        sys.stdout, sys.stderr = self._tees
        _active.append(self)
        witness.listen(self)
        return self

    def flush(self) -> None:
        """Write out what the console streams still hold: an answer that fails to reach them is not kept."""
        for tee in self._tees or ():
            try:
                tee.flush()
            except (OSError, ValueError):
                pass  # said by the command line as it exits (``kh68.cli.finish``), where it fails again

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        from kh68.core import witness

        witness.stop(self)
        _active.remove(self)
        if self._saved is not None:
            sys.stdout, sys.stderr = self._saved
        if kind is not None:
            self.complete = False


def _code_places() -> list[str]:
    """Where Python and kh68 read their own files from (the current directory excepted)."""
    here = os.path.realpath(os.getcwd())
    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, _PACKAGE}
    places.update(p for p in sys.path if p and os.path.isabs(p))
    return [r for r in (os.path.realpath(p) for p in places) if r != here and r != os.sep]


def storable(code: object, recording: Recording) -> bool:
    """Whether a run's answer may be kept: the one rule of what the cache keeps.

    Only the plan's own answer: the command ended on its own, on the plan's
    problems or on a usage error (exit 0, 1, 2 — never 70, a defect of kh68,
    nor 128 + a signal, a stop); no fault of the machine decided it (an OS or
    memory error, an output that failed: ``kh68.core.witness.fault``); all of it
    was recorded, within ``MAX_TEXT``; and everything it read was as the key has it.
    """
    return isinstance(code, int) and int(code) in PLAN_ANSWERS and recording.size <= MAX_TEXT and recording.verified()


def _still_the_key(argv: list[str], plan_root: str, version: str, full_key: str, state: PlanState) -> bool:
    """Whether, after a run, the key is what it was before it and the plan's folders were not touched meanwhile."""
    try:
        again, after = key(argv, plan_root, version)
    except Exception:
        return False
    return again == full_key and after.stamps == state.stamps


def answered(argv: list[str], plan_root: str, version: str, run: Callable[[list[str]], int]) -> int:
    """``run(argv)``'s exit code, from the cache when it holds the answer; store a new, verified one."""
    try:
        folder = directory(plan_root)
        full_key, state = key(argv, plan_root, version) if folder is not None else ("", PlanState())
    except Exception:
        folder = None
    if folder is None:
        return run(argv)
    answer = lookup(folder, full_key)
    if answer is not None:
        return replay(answer)
    recording = Recording(plan_root, state)
    with recording:
        code = run(argv)
        recording.flush()
    if storable(code, recording) and _still_the_key(argv, plan_root, version, full_key, state):
        store(folder, full_key, (int(code), recording.chunks))
    return code
