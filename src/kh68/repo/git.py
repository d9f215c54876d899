"""How kh68 runs git: every path it names is a literal path, never a pathspec.

A plan folder may be called anything, ``:(top)plan``, ``:!x`` or ``*`` included; git would
read such a name as pathspec magic or a glob. ``--literal-pathspecs`` (the option form of
``GIT_LITERAL_PATHSPECS=1``) makes git take every path as written; the paths themselves
always follow ``--``.
"""

from __future__ import annotations

from os import PathLike


def git_command(*args: str | PathLike[str]) -> list[str | PathLike[str]]:
    """The command line of ``git ARGS`` with literal pathspecs."""
    return ["git", "--literal-pathspecs", *args]


__all__ = ["git_command"]
