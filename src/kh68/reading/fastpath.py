"""A value read by pydantic's own schema when it is written plainly, by its full validator otherwise.

Nearly every count of a data file is written as plain digits (``2140``): a
schema of pydantic's reads those without calling Python, which on a plan of
100.000 counts is most of the validation's time. Anything else (``2.140``,
``-1``, ``７``, a number given by code) goes to the full validator, which
alone speaks: ``kh68.reading.validation`` drops the fast path's own "no
match" (an error type no file can produce) and the branch's name from the
place of the full validator's errors, so a value is refused with the same
words at the same line as without the fast path.
"""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

MISSED = "kh68_fast_path_missed"
"""The error type of a value the fast path does not take (never shown: the full validator's errors are)."""
FAST, CHECKED = "fast", "checked"
"""The names of the two branches, as pydantic adds them to the place of an error."""


class FastPath:
    """``Annotated`` metadata: try ``fast`` (a core schema whose result equals the full validator's) first.

    What a file may hold is what the full validator takes: ``checked(union)`` is the schema to describe.
    """

    def __init__(self, fast: CoreSchema):
        self.fast = core_schema.custom_error_schema(
            fast, custom_error_type=MISSED, custom_error_message="fast path missed"
        )

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        checked = handler(source)
        return core_schema.union_schema([(self.fast, FAST), (checked, CHECKED)], mode="left_to_right")


def checked(union: core_schema.UnionSchema) -> CoreSchema | None:
    """The full validator of a fast path's union; ``None`` for any other union."""
    named = {name: choice for choice, name in (c for c in union["choices"] if isinstance(c, tuple))}
    return named.get(CHECKED) if FAST in named else None


def digits(most: int) -> CoreSchema:
    """A whole number written as 1 to ``most`` ASCII digits, nothing around them."""
    pattern = rf"^[0-9]{{1,{most}}}$"
    return core_schema.chain_schema(
        [core_schema.str_schema(pattern=pattern, strip_whitespace=False), core_schema.int_schema()]
    )


def without_fast_path(errors: list[Any]) -> list[Any]:
    """``errors`` as the full validators give them: the fast path's misses dropped, the branch name taken out of
    the place of each error behind one (only there: a file's own key named ``checked`` stays).

    Pydantic lists a union's errors branch by branch, so the full validator's errors follow the miss of their
    own fast path: each is checked against the place that miss names, in one comparison."""
    kept = []
    branch: tuple[Any, ...] = ()
    for err in errors:
        loc = err["loc"]
        if err["type"] == MISSED:
            branch = (*loc[:-1], CHECKED)
            continue
        if branch and loc[: len(branch)] == branch:
            err = {**err, "loc": loc[: len(branch) - 1] + loc[len(branch) :]}
        kept.append(err)
    return kept
