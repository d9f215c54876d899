"""The typer side of the command line: the app, its shared options, the usage errors of its parser.

How a command prints, fails and ends is ``kh68.cli.outcome`` (no typer there); ``handle_errors``
turns its ``CommandExit`` into typer's exit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from kh68.app.streams import utf8_streams
from kh68.cli.help import VietnameseGroup
from kh68.cli.outcome import PLAN_ENV, CommandExit, echo, guarded, new_command, plain_year, safe_streams
from kh68.core.errors import ExitCode

app = typer.Typer(
    name="kh68",
    help="Theo dõi một kế hoạch (Kế hoạch của cơ quan nhà nước): kiểm tra, tình hình thực hiện, báo cáo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=VietnameseGroup,
)

PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Thư mục kế hoạch (mặc định: ./plan hoặc biến môi trường KH68_PLAN).",
        envvar=PLAN_ENV,
        show_default=False,
        readable=False,  # every path option: kh68 says itself, in Vietnamese, why a path cannot be read
    ),
]

F = TypeVar("F", bound=Callable[..., Any])


def year_number(text: str | int) -> int:
    """A ``--year``: ASCII digits only (``outcome.plain_year``), else the parser's usage error."""
    if isinstance(text, int):
        return text
    year = plain_year(text)
    if year is None:
        from kh68.core.safetext import excerpt

        raise typer.BadParameter(f"{excerpt(text)} không phải là một năm (viết bằng chữ số 0–9, ví dụ 2025)")
    return year


def year_option(help_text: str, **options: Any) -> Any:
    """The one ``--year`` option of every command (see ``year_number``)."""
    return typer.Option("--year", help=help_text, parser=year_number, metavar="<số>", **options)


def period_option(help_text: str) -> Any:
    """The one ``--period`` option: a month, quarter or half-year (``2026-11``, ``2026-Q3``, ``2026-H1``) or a year."""
    return typer.Option("--period", help=help_text, metavar="<kỳ>", show_default=False)


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


def handle_errors(func: F) -> F:
    """Turn every error into a Vietnamese message and its exit code (``outcome.guarded``), as typer's exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with guarded():
                return func(*args, **kwargs)
        except CommandExit as exc:
            raise typer.Exit(exc.code) from None

    return wrapper  # type: ignore[return-value]


def _show_version(value: bool) -> None:
    if value:
        from kh68 import __version__

        echo(f"kh68 {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", help="Hiện phiên bản của kh68 rồi thoát.", callback=_show_version, is_eager=True),
    ] = False,
) -> None:
    utf8_streams()
    safe_streams()
    new_command()  # a command run through the app itself (typer's test runner), not kh68.cli.run


__all__ = [
    "ParserUsageError",
    "PlanOption",
    "app",
    "handle_errors",
    "period_option",
    "translate_usage_error",
    "year_number",
    "year_option",
]
