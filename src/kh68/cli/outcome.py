"""How every command ends, without the option parser: its output, its errors and its exit code.

A command's work (``kh68.cli.readonly`` and the typer commands) prints through
``echo`` and ``console`` (plan text made safe for a terminal), runs inside
``guarded`` (every failure said in Vietnamese, with its exit code) and ends with
``CommandExit``. Nothing here imports typer: a cache miss of ``kh68 check``,
``kh68 status`` or ``kh68 export`` runs its command without building the option parser
(``kh68.app.launch``); the typer commands turn ``CommandExit`` into typer's exit
(``kh68.cli.common.handle_errors``).
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kh68.cli.problem_formats import LINE_FORMATS, ProblemFormat
from kh68.core import witness
from kh68.core.errors import (
    ExitCode,
    Kh68Error,
    NotInPlan,
    PlanDirMissing,
    PlanInvalid,
    Problem,
    Severity,
    UsageError,
    os_reason,
    stop_exit_code,
)
from kh68.core.safetext import excerpt, for_terminal, for_terminal_keeping_sgr
from kh68.core.startup import Stopped

if TYPE_CHECKING:
    from kh68.kinds.periods import Period


class CommandExit(Exception):
    """A command ends with exit code ``code`` (what it had to say is said)."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


PLAN_ENV = "KH68_PLAN"
"""The environment variable naming the plan directory when ``--plan`` is not given."""

# Said under "không có thư mục kế hoạch …": the ways to name the plan, or to make one.
PLAN_DIR_HINT = (
    "Gợi ý: chỉ thư mục kế hoạch bằng --plan <thư mục> hoặc biến môi trường KH68_PLAN; "
    "chưa có kế hoạch thì tạo một kế hoạch mới bằng kh68 init <thư mục>."
)


class OutputClosed(Exception):
    """The reader of stdout went away (``kh68 status | head -1``).

    Raised instead of ``BrokenPipeError`` so that no library on the way (rich
    exits with 1 on one) turns it into anything but a quiet exit 0.
    """


class OutputFailed(OSError):
    """Writing to stdout failed for another reason than a closed reader (a full disk, a device error)."""


class SafeStream:
    """A text stream that lets no control character of plan text through.

    ``sys.stdout`` and ``sys.stderr`` are replaced by one of these for every
    command, so whatever prints — ``echo``, a rich console, the option parser —
    goes through ``for_terminal``. On a terminal, colour sequences (``ESC[…m``,
    the only ones kh68's consoles write) pass; everything else is escaped.
    """

    def __init__(self, stream: TextIO, *, diagnostics: bool = False):
        self.stream = stream
        self.diagnostics = diagnostics  # stderr: a failure to write there has nowhere to be told, so it is dropped
        isatty = getattr(stream, "isatty", None)
        self._clean = for_terminal_keeping_sgr if isatty is not None and _is_tty(isatty) else for_terminal

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        try:
            self.stream.write(self._clean(text))
        except (OSError, ValueError) as exc:
            self._failed(exc)
        return len(text)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except (OSError, ValueError) as exc:
            self._failed(exc)

    def _failed(self, exc: OSError | ValueError) -> None:
        if self.diagnostics:
            return
        if isinstance(exc, BrokenPipeError):
            raise OutputClosed from None
        if isinstance(exc, ValueError):  # the stream was closed under kh68
            raise OutputClosed from None
        raise OutputFailed(exc.errno, exc.strerror) from None

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        if name == "fileno" and os.name == "nt":
            # click writes straight to a Windows console handle when it finds one: keep it here.
            raise AttributeError(name)
        return getattr(self.stream, name)


def _is_tty(isatty: Callable[[], bool]) -> bool:
    try:
        return bool(isatty())
    except (OSError, ValueError):
        return False


def safe_streams() -> None:
    """Route ``sys.stdout`` and ``sys.stderr`` through ``SafeStream`` (once)."""
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr, diagnostics=True)


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print ``message`` with every unsafe character shown as an escape, then flush (as ``click.echo`` does)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(for_terminal(message) + ("\n" if nl else ""))
    stream.flush()


def console(**options: Any) -> Any:
    """A rich console whose content is cleaned by ``for_terminal`` before it is styled.

    Table cells, ``Text`` objects, anything rendered: plan text cannot carry an
    escape sequence of its own even on a terminal, where colours are let through.
    """
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def render_str(self, text: str, **options: Any) -> Any:
            # Escaped before the layout, so that a table makes room for what is printed.
            return super().render_str(for_terminal(text), **options)

        def _render_buffer(self, buffer: Any) -> str:
            clean = (
                segment if segment.control else Segment(for_terminal(segment.text), *segment[1:]) for segment in buffer
            )
            return str(super()._render_buffer(clean))

    options.setdefault("highlight", False)
    options.setdefault("markup", False)
    options.setdefault("emoji", False)
    return SafeConsole(**options)


# What the layers below raise without knowing of a command line, and the exit code the CLI gives it.
_EXIT_CODES: dict[type[Kh68Error], ExitCode] = {
    NotInPlan: ExitCode.USAGE,  # a unit, indicator, task or year given on the command line that the plan lacks
}


def exit_code_of(exc: Kh68Error) -> int:
    """The exit code of an error kh68 reports: as the CLI maps it, else the error's own."""
    return next((code for kind, code in _EXIT_CODES.items() if isinstance(exc, kind)), exc.exit_code)


@contextmanager
def guarded() -> Iterator[None]:
    """Every way a command can fail, said in Vietnamese with its exit code.

    ``Kh68Error`` → its message and code (1 or 2); an OS error not turned into
    one (a full disk under stdout) → its reason, exit 1; a closed stdout (``| head``)
    → quiet exit 0; Ctrl-C → "đã dừng theo yêu cầu", exit 130; anything else is a
    defect of kh68 → "lỗi nội bộ", exit 70 (the traceback with ``KH68_DEBUG=1``).
    Every end but a ``Kh68Error`` or the command's own exit is the machine's, not
    the plan's: it is told to ``kh68.core.witness`` (the cache never keeps it).
    """
    try:
        try:
            yield
        except BaseException as exc:
            if not isinstance(exc, CommandExit | Kh68Error):
                witness.fault(exc)
            raise
    except CommandExit:
        raise
    except PlanInvalid as exc:
        print_problems(exc.problems)
        say_error(str(exc))
        raise CommandExit(exc.exit_code) from None
    except PlanDirMissing as exc:
        say_error(str(exc))
        with suppress(OSError):
            echo(PLAN_DIR_HINT, err=True)
        raise CommandExit(exc.exit_code) from None
    except Kh68Error as exc:
        say_error(str(exc))
        raise CommandExit(exit_code_of(exc)) from None
    except (BrokenPipeError, OutputClosed):
        quiet_stdout()
        raise CommandExit(ExitCode.OK) from None
    except KeyboardInterrupt as exc:
        raise CommandExit(say_stopped(exc)) from None
    except OutputFailed as exc:
        say_output_failed(exc)
        raise CommandExit(ExitCode.PROBLEMS) from None
    except OSError as exc:
        from kh68.core.files import CWD_GONE, cwd_gone

        if not exc.filename and cwd_gone():  # a relative path could not be made absolute
            say_error(CWD_GONE)
            raise CommandExit(ExitCode.USAGE) from None
        say_os_error(exc)
        raise CommandExit(ExitCode.PROBLEMS) from None
    except (RecursionError, MemoryError):
        say_error("dữ liệu lồng nhau quá sâu hoặc quá lớn để xử lý")
        raise CommandExit(ExitCode.PROBLEMS) from None
    except Exception as exc:
        stop = _stop_behind(exc)
        if stop is not None:  # a stop that a library turned into an error of its own
            raise CommandExit(say_stopped(stop)) from None
        internal_error(exc)
        raise CommandExit(ExitCode.INTERNAL) from None


def finish(code: int) -> int:
    """``code``, once what is left of stdout is written (or said why it could not be)."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OutputClosed):
        quiet_stdout()
    except OSError as exc:  # a full disk or a device error under stdout
        say_output_failed(exc)
        code = code or ExitCode.PROBLEMS
    return code


def say_os_error(exc: OSError) -> None:
    """An OS error no command turned into a ``Kh68Error`` (a full disk under stdout)."""
    where = f" {excerpt(exc.filename, 120)}" if exc.filename else ""
    quiet_stdout_if_broken()
    say_error(f"lỗi đọc/ghi{where}: {os_reason(exc)}")


_stop_said = False


def new_command() -> None:
    """A command starts in this process: its stop is said even if an earlier one's was (tests run many)."""
    global _stop_said
    _stop_said = False
    Stopped.last = None


def _stop_behind(exc: BaseException) -> KeyboardInterrupt | None:
    """The stop behind ``exc``: one in its chain of causes, else the signal that arrived during the command.

    pydantic, building a validator while Ctrl-C or SIGTERM arrives, raises a ``SchemaError`` of its own,
    without the stop as its cause; Python 3.11 creating a class, a ``RuntimeError`` with it as its cause.
    """
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, KeyboardInterrupt):
            return link
        seen.add(id(link))
        link = link.__cause__ or link.__context__
    return Stopped(Stopped.last) if Stopped.last is not None else None


def say_stopped(exc: KeyboardInterrupt | None = None) -> int:
    """Say "đã dừng theo yêu cầu" (once per process); the exit code of the stop (130, or 128 + the signal).

    ``exc`` ``None``: a stop that the option parser turned into its own exit 130,
    without a word; the signal is then the latest one kh68's handler saw.
    """
    global _stop_said
    if not _stop_said:
        done = getattr(exc, "done", None)  # a write finished before the stop: said, not hidden behind the stop
        say_error(f"đã dừng theo yêu cầu ({done})" if done else "đã dừng theo yêu cầu")
        _stop_said = True
    if exc is None:
        return 128 + Stopped.last if Stopped.last is not None else ExitCode.INTERRUPTED
    return stop_exit_code(exc)


def say_output_failed(exc: OSError) -> None:
    """stdout cannot be written (a full disk, a device error): say so on stderr, drop the rest of stdout."""
    quiet_stdout()
    say_error(f"không ghi được kết quả ra đầu ra chuẩn: {os_reason(exc)}")


def internal_error(exc: BaseException) -> None:
    """The last resort: a defect of kh68, said shortly; the traceback only with KH68_DEBUG=1."""
    if os.environ.get("KH68_DEBUG") == "1":
        traceback.print_exception(exc, file=sys.stderr)
    say_error(
        f"lỗi nội bộ của kh68 ({type(exc).__name__}); đây là lỗi của chương trình, không phải của kế hoạch. "
        "Chạy lại với KH68_DEBUG=1 để xem chi tiết và báo cho người bảo trì."
    )


def quiet_stdout() -> None:
    """stdout is closed (``kh68 status | head -1``): send what is left to the null device.

    As the Python documentation recommends for SIGPIPE: the interpreter's last
    flush at exit then has nowhere to fail.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ is not None else 1)
    except (OSError, ValueError):
        pass


def quiet_stdout_if_broken() -> None:
    """After a failed write on stdout, drop its buffer rather than fail again at exit."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        quiet_stdout()


def say_error(message: str) -> None:
    with suppress(OSError):  # stderr itself is gone: nothing left to tell
        echo(f"kh68: lỗi: {message}", err=True)


PROBLEMS_SHOWN_PER_KIND = 10
_VALUES = re.compile(r"'[^']*'|\d+")
_Kind = tuple[str, Severity, str, str]


def _kind(problem: Problem) -> _Kind:
    """Problems of one kind in one file: one rule (without a rule id, one message but its values)."""
    shape = "" if problem.rule else _VALUES.sub("…", problem.message)
    return problem.path, problem.severity, problem.rule, shape


def print_problems(problems: list[Problem], fmt: ProblemFormat = ProblemFormat.parsable, *, err: bool = True) -> None:
    """Print ``problems``; past ``PROBLEMS_SHOWN_PER_KIND`` of one kind in a file, one summary line.

    A file with a million bad values is summarised in a few lines; the exit code
    still counts them all.
    """
    from kh68.core.vnformat import format_number

    seen: Counter[_Kind] = Counter()
    lines = []
    for problem in problems:
        kind = _kind(problem)
        seen[kind] += 1
        if seen[kind] <= PROBLEMS_SHOWN_PER_KIND:
            lines.append(LINE_FORMATS[fmt](problem))
    for (path, severity, rule, _), count in seen.items():
        if count > PROBLEMS_SHOWN_PER_KIND:
            hidden = format_number(count - PROBLEMS_SHOWN_PER_KIND, 0)
            suffix = f" [{rule}]" if rule else ""
            lines.append(f"{path}: … và {hidden} {severity.label} khác cùng loại{suffix}")
    stream = sys.stderr if err else sys.stdout
    for line in lines:  # each line made safe alone: a workflow command may start kh68's own, never plan text's
        stream.write(for_terminal(line) + "\n")
    stream.flush()


def parse_day(text: str | None, option: str) -> date:
    """A date option (``2025-03-15`` or ``15/3/2025``); today when not given."""
    from kh68.core.vnformat import parse_date

    if text is None:
        return date.today()
    try:
        return parse_date(text)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def parse_past_day(text: str, option: str) -> date:
    """``parse_day`` of a day something was done (sent, received, reported): not one still to come (a day of
    grace for a clock in another time zone)."""
    from kh68.core.vnformat import format_date
    from kh68.entry.forms.dating import GRACE

    day = parse_day(text, option)
    if day > date.today() + GRACE:
        raise UsageError(f"{option}: ngày {format_date(day)} chưa tới (sau hôm nay)")
    return day


def check_numbers(options: dict[str, str | None], count: tuple[str, ...] = ()) -> None:
    """Number options read as a data file's numbers are (``7.080`` refused with both readings), naming the option."""
    from kh68.core.vnformat import parse_count, parse_exact

    for option, text in options.items():
        if text is None:
            continue
        try:
            parse_count(text) if option in count else parse_exact(text)
        except ValueError as exc:
            raise UsageError(f"{option}: {exc}") from None


def plan_dir(option: Path | None) -> Path:
    from kh68.reading.load import default_plan_dir

    return option if option is not None else default_plan_dir()


def count_problems(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    return errors, len(problems) - errors


def plain_year(text: str) -> int | None:
    """A ``--year`` of ASCII digits only, as a year in a data file; ``None`` for anything else (``2025.0``,
    ``2_025``, ``+2025`` are not years)."""
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > 30:
        return None
    return int(cleaned)


def when(year: int | None, period: str | None, *, default: int | None = None) -> tuple[int, Period | None]:
    """The year and period a command works on, from ``--year`` and ``--period`` (which must agree)."""
    from kh68.kinds.periods import parse_period

    if period is None:
        if year is None:
            if default is None:
                raise UsageError("thiếu tùy chọn bắt buộc --year (hoặc --period, ví dụ --period 2026-11)")
            return default, None
        return year, None
    try:
        found = parse_period(period)
    except ValueError as exc:
        raise UsageError(f"--period: {exc}") from None
    if year is not None and year != found.year:
        raise UsageError(f"--year {year} và --period {found.key} không cùng một năm")
    return found.year, None if found.is_year else found
