"""A cache of what a read-only command printed, as ruff, mypy and pre-commit keep one.

A command's answer (its stdout, stderr and exit code) depends only on kh68's
code, the command line, a few environment variables, the console, today's date
and the plan's files. All of it goes into the key: the code as the size and
time of each of kh68's files and of the places Python imports from, the plan
as the *content* of every file in the plan directory and in ``data/`` and the
listing of both (a new or removed file is a new key). An entry holds its key in
full, so a digest collision is a miss.

While a missed command runs, every file it opens and every directory it lists
is watched (``sys.addaudithook``): the answer is stored only if all of it was
in the key, so a command that one day reads another file is never answered
from a stale entry, only more slowly.

The cache lives in the user's cache directory, never in the plan directory;
``KH68_CACHE_DIR`` chooses it, ``KH68_NO_CACHE=1`` turns it off. Entries are
written atomically (a temporary file, then ``os.replace``), carry a checksum,
and any error reading or writing them is ignored: a cache never turns a working
command into a failing one, nor prints anything.

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

FORMAT = b"kh68 cache 1\n"
_DIGEST = 32
MAX_ENTRIES = 256
MAX_TEXT = 16 * 1024 * 1024  # characters: a larger answer is not worth keeping
MAX_ENTRY = 4 * MAX_TEXT + (1 << 20)  # bytes of one entry (UTF-8 and marshal of MAX_TEXT characters)
MAX_PLAN_FILE = 64 * 1024 * 1024  # kh68.core.files.MAX_READ_BYTES: a larger plan file is refused, never hashed
PLAN_DATA = "data"
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # kh68/, whose every file is in the key

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


def key(argv: list[str], plan_root: str, version: str) -> tuple[str, frozenset[str]]:
    """The full key of ``kh68 ARGV`` on ``plan_root``, and the plan files it covers."""
    plan_root = os.path.realpath(os.path.abspath(plan_root))
    plan, covered = _plan_state(plan_root)
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
    return repr(parts), covered


def _plan_state(root: str) -> tuple[tuple[Any, ...], frozenset[str]]:
    """Listing of the plan directory and ``data/``, and the digest of each file in them."""
    state: list[Any] = []
    covered: set[str] = set()
    for folder in (root, os.path.join(root, PLAN_DATA)):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except FileNotFoundError:
            state.append((folder, None))
            continue
        for entry in entries:
            if entry.is_file():
                state.append((entry.path, blake2b(_read_small(entry.path, MAX_PLAN_FILE)).hexdigest()))
                covered.add(entry.path)
            else:
                state.append((entry.path, "dir" if entry.is_dir() else "other"))
    return tuple(state), frozenset(covered)


class _Unfit(Exception):
    """A file the cache will not read: not a regular file, or too large (the command runs uncached)."""


def _read_small(path: str, limit: int) -> bytes:
    """The bytes of the regular file ``path``; never blocks on a FIFO, never reads more than ``limit``."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            raise _Unfit(path)
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise _Unfit(path)
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


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


# ---------------------------------------------------------------- entries


def _entry_path(folder: str, full_key: str) -> str:
    return os.path.join(folder, blake2b(full_key.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest())


def lookup(folder: str, full_key: str) -> Answer | None:
    """The stored answer for ``full_key``; ``None`` for a miss, a damaged entry or any error."""
    try:
        blob = _read_small(_entry_path(folder, full_key), MAX_ENTRY)
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
    """Keep ``answer`` under ``full_key``, atomically; any error is ignored."""
    temporary = None
    try:
        os.makedirs(folder, exist_ok=True)
        payload = marshal.dumps((full_key, answer[0], [tuple(c) for c in answer[1]]))
        blob = FORMAT + blake2b(payload, digest_size=_DIGEST).digest() + payload
        final = _entry_path(folder, full_key)
        temporary = f"{final}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(blob)
        os.replace(temporary, final)
        temporary = None
        _prune(folder)
    except Exception:
        pass
    finally:
        if temporary is not None:
            try:
                os.remove(temporary)
            except OSError:
                pass


def _prune(folder: str) -> None:
    """Keep the newest ``MAX_ENTRIES`` entries (a new day or edit makes new keys)."""
    entries = [e for e in os.scandir(folder) if e.is_file()]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for entry in entries[: len(entries) - MAX_ENTRIES]:
        try:
            os.remove(entry.path)
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


class Recording:
    """Capture a command's output while it runs, and check it read only what the key covers."""

    _hooked = False

    def __init__(self, plan_root: str, covered: frozenset[str]):
        self.plan_root = os.path.realpath(os.path.abspath(plan_root))
        self.covered = covered
        self.listable = {self.plan_root, os.path.join(self.plan_root, PLAN_DATA), os.path.realpath(os.getcwd())}
        self.outside = _code_places()
        self.chunks: Chunks = []
        self.size = 0
        self.complete = True
        self._saved: tuple[TextIO, TextIO] | None = None

    def note(self, event: str, path: Any) -> None:
        if path is None or isinstance(path, int):
            return
        try:
            real = os.path.realpath(os.path.abspath(os.fsdecode(path)))
        except Exception:
            self.complete = False
            return
        if not self._covers(event, real):
            self.complete = False

    def _covers(self, event: str, real: str) -> bool:
        if _inside(real, self.plan_root):
            return real in (self.covered if event == "open" else self.listable)
        if event != "open" and real in self.listable:
            return True  # the current directory, listed by the import system
        return real == os.path.realpath(os.devnull) or any(_inside(real, place) for place in self.outside)

    def __enter__(self) -> Recording:
        if not Recording._hooked:
            sys.addaudithook(_audit)
            Recording._hooked = True
        self._saved = (sys.stdout, sys.stderr)
        sys.stdout = _Tee(sys.stdout, 1, self)
        sys.stderr = _Tee(sys.stderr, 2, self)
        _active.append(self)
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
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


def answered(argv: list[str], plan_root: str, version: str, run: Callable[[list[str]], int]) -> int:
    """``run(argv)``'s exit code, from the cache when it holds the answer; store a new one."""
    try:
        folder = directory(plan_root)
        full_key, covered = key(argv, plan_root, version) if folder is not None else ("", frozenset())
    except Exception:
        folder = None
    if folder is None:
        return run(argv)
    answer = lookup(folder, full_key)
    if answer is not None:
        return replay(answer)
    recording = Recording(plan_root, covered)
    with recording:
        code = run(argv)
    if recording.complete and recording.size <= MAX_TEXT and isinstance(code, int):
        store(folder, full_key, (int(code), recording.chunks))
    return code
