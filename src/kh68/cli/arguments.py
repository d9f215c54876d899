"""Every argument is text: the one place the command line is checked before a command runs.

On Linux a program's arguments are bytes; Python decodes them as UTF-8 and keeps each
byte that is not (typed on a terminal set to TCVN3, VNI or Latin-1, a file name from an
old Windows) as a lone surrogate (``'\\udcfa'``). Such a value would be written into a
data file (and refused there, as if the file were wrong), into a report or a message.
So an argument that is not valid UTF-8 is a usage error naming its option (or its
argument), said before anything is read or written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

from kh68.core.safetext import excerpt, is_text

ADVICE = "kh68 chỉ nhận chữ mã UTF-8 (Unicode) — đặt bảng mã của cửa sổ lệnh là UTF-8 rồi gõ lại"


def check_arguments(group: Any, args: list[str]) -> tuple[str, str] | None:
    """For the first argument of ``args`` that is not text, or an empty path (``--plan ''``, which would name the
    folder the command runs in): the message and the command whose help to see.

    ``group`` is the click group of the app (typer's own copy of click: read by its attributes only).
    """
    for index, token in enumerate(args):
        if not is_text(token):
            holder, value, command = _holder(group, args, index)
            return f"{holder} không phải chữ viết bằng mã UTF-8: {excerpt(_shown(value))}; {ADVICE}", command
        if not token.strip() or token.endswith("="):
            holder, value, command = _holder(group, args, index)
            if not value.strip() and holder in _path_holders(group, command):  # "", " ": no path at all
                return f"{holder} trống: ghi một đường dẫn (thư mục hiện tại là '.')", command
            if not value and holder == "đối số":  # an argument too many, and empty: click said it in English
                return "thừa đối số: ''", command
    return None


def _path_holders(group: Any, command: str) -> set[str]:
    """What ``_holder`` calls each of ``command``'s options and arguments that take a path (``giá trị của --plan``,
    ``đối số PLAN``)."""
    found = group.commands.get(command.removeprefix("kh68 "))
    paths = [p for p in (found.params if found is not None else []) if _takes_a_path(p)]
    options = {f"giá trị của {name}" for p in paths if p.param_type_name == "option" for name in p.opts}
    return options | {f"đối số {p.metavar or p.name.upper()}" for p in paths if p.param_type_name == "argument"}


def _takes_a_path(param: Any) -> bool:
    """Whether an option's value is a path: typed ``Path``, or ``-o``/``--output`` (a path, or ``-`` for the screen)."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    typed = annotation is Path or Path in get_args(annotation)  # Path, list[Path]
    return typed or bool({"-o", "--output", "--out"} & set(param.opts))


def _shown(token: str) -> str:
    """``token`` with each byte that is not UTF-8 written ``\\xfa`` (a lone surrogate of Windows as ``\\ud800``)."""
    return "".join(_byte(c) if "\ud800" <= c <= "\udfff" else c for c in token)


def _byte(char: str) -> str:
    code = ord(char)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _holder(group: Any, args: list[str], index: int) -> tuple[str, str, str]:
    """What ``args[index]`` is (``giá trị của --note``, ``đối số CHỈ_TIÊU``, ``tên lệnh``), its value, its command."""
    token = args[index]
    position = next((i for i, arg in enumerate(args) if not arg.startswith("-")), None)
    if position is None or index < position:
        return "tùy chọn", token, "kh68"
    command = group.commands.get(args[position])
    if index == position or command is None:
        return ("tên lệnh" if index == position else "đối số"), token, "kh68"
    holder, value = _holder_in(command, args[position + 1 :], index - position - 1)
    return holder, value, f"kh68 {args[position]}"


def _holder_in(command: Any, args: list[str], index: int) -> tuple[str, str]:
    """Within ``command``'s own arguments ``args``: what ``args[index]`` is, and its value."""
    valued = {name for p in command.params if p.param_type_name == "option" and not p.is_flag for name in p.opts}
    params = [p for p in command.params if p.param_type_name == "argument"]
    arguments = [p.metavar or p.name.upper() for p in params]
    if params and params[-1].nargs == -1:  # the last argument takes every value after it ("import a.xlsx ''")
        arguments += [arguments[-1]] * len(args)
    token = args[index]
    positional = 0
    options_done = False
    i = 0
    while i < index:
        arg = args[i]
        if options_done or not arg.startswith("-") or arg == "-":
            positional += 1
        elif arg == "--":
            options_done = True
        elif arg in valued:
            if i + 1 == index:
                return f"giá trị của {arg}", token
            i += 1  # the option's value
        i += 1
    if options_done or not token.startswith("-") or token == "-":
        return (f"đối số {arguments[positional]}" if positional < len(arguments) else "đối số"), token
    name, equals, value = token.partition("=")
    if equals and name in valued:
        return f"giá trị của {name}", value
    if not token.startswith("--") and token[:2] in valued:
        return f"giá trị của {token[:2]}", token[2:]
    return "tùy chọn", token


__all__ = ["check_arguments"]
