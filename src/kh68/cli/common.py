"""Shared pieces of the command line: the app, options, error handling, output."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from kh68.errors import ExitCode, Kh68Error, PlanInvalid, Problem, Severity, UsageError

app = typer.Typer(
    name="kh68",
    help="Theo dõi kế hoạch thực hiện Nghị quyết 68/NQ-CP: kiểm tra, tình hình thực hiện, báo cáo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Thư mục kế hoạch (mặc định: ./plan hoặc biến môi trường KH68_PLAN).",
        envvar="KH68_PLAN",
        show_default=False,
    ),
]

F = TypeVar("F", bound=Callable[..., Any])

# The option parser's usage error (click's, vendored by recent typer releases).
ParserUsageError: type[Exception] = typer.BadParameter.__mro__[1]

_USAGE_MESSAGES = [
    (r"Missing option '(.+?)'", r"thiếu tùy chọn bắt buộc \1"),
    (r"Missing argument '(.+?)'", r"thiếu đối số \1"),
    (r"No such option: (\S+)", r"không có tùy chọn \1"),
    (r"No such command '(.+?)'", r"không có lệnh '\1'"),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"thừa đối số: \1"),
    (
        r"Invalid value for '(.+?)': .*?'(.*?)' is not one of (.+?)\.?$",
        r"giá trị '\2' của \1 không hợp lệ; chọn một trong: \3",
    ),
    (r"Invalid value for '(.+?)': .*integer", r"giá trị của \1 phải là số nguyên"),
    (r"Invalid value for '(.+?)': (.+)$", r"giá trị của \1 không hợp lệ: \2"),
    (r"Option '(.+?)' requires an argument", r"tùy chọn \1 cần một giá trị"),
]
_SUGGESTION = re.compile(r"Did you mean '?([^'?]+)'?\?|Possible options: ([^)]+)\)")


def translate_usage_error(message: str) -> str:
    """The option parser's English message in Vietnamese (an unknown one is kept)."""
    message = message.strip()
    for pattern, replacement in _USAGE_MESSAGES:
        match = re.match(pattern, message, re.DOTALL)
        if match:
            text = match.expand(replacement).replace("' or '", "', '")
            hint = _SUGGESTION.search(message)
            if hint:
                text += f" (có phải ý bạn là {hint.group(1) or hint.group(2)}?)"
            return text
    return message


def utf8_streams() -> None:
    """Print Vietnamese correctly whatever the console code page (Windows)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


@app.callback()
def _root() -> None:
    utf8_streams()


def handle_errors(func: F) -> F:
    """Turn every ``Kh68Error`` into a Vietnamese message and its exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PlanInvalid as exc:
            print_problems(exc.problems)
            say_error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except Kh68Error as exc:
            say_error(str(exc))
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def say_error(message: str) -> None:
    typer.echo(f"kh68: lỗi: {message}", err=True)


def print_problems(problems: list[Problem], fmt: str = "parsable", *, err: bool = True) -> None:
    for problem in problems:
        typer.echo(problem.github() if fmt == "github" else problem.parsable(), err=err)


def parse_day(text: str | None, option: str) -> date:
    """A date option (``2025-11-05`` or ``05/11/2025``); today when not given."""
    from kh68.vnformat import parse_date

    if text is None:
        return date.today()
    try:
        return parse_date(text)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def plan_dir(option: Path | None) -> Path:
    from kh68.reading.load import default_plan_dir

    return option if option is not None else default_plan_dir()


def count_problems(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    return errors, len(problems) - errors


__all__ = ["ExitCode", "PlanOption", "app", "handle_errors", "plan_dir", "print_problems", "say_error"]
