"""Shared by the tests of each kind of timing."""

from __future__ import annotations

from datetime import date

from kh68.kinds.timings import Timing, parse_timing


def read(text: str, **defaults: object) -> Timing:
    return parse_timing(text).with_defaults(**defaults)


def window(text: str, **defaults: object) -> tuple[str, date | None, date | None]:
    timing = read(text, **defaults)
    return timing.kind, timing.start, timing.end
