"""The ``kh68`` command line: the typer app (``kh68.cli.commandline``) and the work of its commands.

The package itself imports nothing, so that ``kh68.cli.readonly`` and ``kh68.cli.outcome`` (a cache
miss of ``check``, ``status`` or ``export``, run without typer) do not build the app; ``app``, ``run``, ``main``
and ``finish`` are ``kh68.cli.commandline``'s, imported when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kh68.cli.commandline import app, finish, main, run

_COMMAND_LINE = ("app", "finish", "main", "run")


def __getattr__(name: str) -> Any:
    if name in _COMMAND_LINE:
        from kh68.cli import commandline

        return getattr(commandline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["app", "finish", "main", "run"]
