"""Help in Vietnamese, the option parser's own words included.

Why not gettext: click marks its words with ``gettext``, but typer (0.29 and
later) vendors its own copy of click in which "Usage: " and "Show this message
and exit." are plain strings, and ``gettext.gettext`` picks its language from
LANGUAGE/LC_ALL/LANG only, which a Windows console does not set. So the words
are put in Vietnamese where every help page is written: a help formatter
(usage line, section headings, the help column of each option) and a context
that uses it, given to every command by the group class of ``app``. Whatever
typer or click release is installed, the English words arrive here the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from typer.core import TyperGroup

USAGE = "Cách dùng: "
OPTIONS_METAVAR = "[TÙY_CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [ĐỐI_SỐ]..."

SECTIONS = {"Arguments": "Đối số", "Options": "Tùy chọn", "Commands": "Lệnh"}
HELP_TEXTS = {"Show this message and exit.": "Hiện hướng dẫn này rồi thoát."}
# The bracketed notes after an option's help: "[env var: KH68_PLAN; default: parsable; required]".
NOTES = {"default": "mặc định", "env var": "biến môi trường", "required": "bắt buộc"}
TYPE_METAVARS = {
    "<str>": "<chữ>",
    "<int>": "<số>",
    "<float>": "<số>",
    "<path>": "<đường_dẫn>",
    "<text>": "<chữ>",
}

_NOTE_BLOCK = re.compile(r"\[([^\[\]]*)\]$")
# A type the parser names from the code: <str>, and an option given several times, <list[X]>,
# shown as one value of it (<list[Path]> is <đường_dẫn>, <list[not_met|no_data]> is <not_met|no_data>).
_TYPE_METAVAR = re.compile(r"<list\[([^\]<>]+)\]>|" + "|".join(re.escape(m) for m in TYPE_METAVARS))
# A required argument in typer's usage line, {THƯ_MỤC}: written plainly, as usage lines do (optional ones in [ ]).
_REQUIRED_ARGUMENT = re.compile(r"\{([^{}\s]+)\}")

if TYPE_CHECKING:  # the parser's classes, whichever copy of click typer uses
    from typer._click.core import Context as _Context
    from typer._click.formatting import HelpFormatter as _Formatter
else:
    _Context = TyperGroup.context_class
    _Formatter = _Context.formatter_class


def _note(item: str) -> str:
    name, sep, value = item.partition(": ")
    word = NOTES.get(name)
    return f"{word}{sep}{value}" if word else item


def translate_help(text: str) -> str:
    """An option's help column in Vietnamese: the parser's fixed texts and its bracketed notes."""
    text = HELP_TEXTS.get(text, text)
    return _NOTE_BLOCK.sub(lambda m: "[" + "; ".join(_note(i) for i in m.group(1).split("; ")) + "]", text)


def _metavar(match: re.Match[str]) -> str:
    if match.group(1) is None:
        return TYPE_METAVARS[match.group()]
    inner = f"<{match.group(1).lower() if match.group(1) in ('Path', 'str') else match.group(1)}>"
    return TYPE_METAVARS.get(inner, inner)


def translate_metavars(text: str) -> str:
    return _TYPE_METAVAR.sub(_metavar, text)


class VietnameseHelpFormatter(_Formatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = _REQUIRED_ARGUMENT.sub(r"\1", translate_metavars(args))
        super().write_usage(prog, args, USAGE if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(SECTIONS.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(translate_metavars(first), translate_help(second)) for first, second in rows]
        super().write_dl(rows, col_max, col_spacing)


class VietnameseContext(_Context):
    formatter_class = VietnameseHelpFormatter


class VietnameseGroup(TyperGroup):
    """The group of ``app``: it and every command under it write their help in Vietnamese."""

    context_class = VietnameseContext

    def __init__(self, **attrs: Any):
        attrs["subcommand_metavar"] = attrs.get("subcommand_metavar") or SUBCOMMAND_METAVAR
        super().__init__(**attrs)
        self.options_metavar = OPTIONS_METAVAR
        for command in self.commands.values():
            command.context_class = VietnameseContext
            command.options_metavar = OPTIONS_METAVAR
