"""Running kh68 in-process for the manual's samples and pictures: the fixed terminal, the repository root."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
WIDTH = 80
"""The terminal width every sample is produced at (``COLUMNS``)."""

# The environment of every sample: a fixed, colourless terminal; no cache; no plan chosen from outside.
SAMPLE_ENV: dict[str, str | None] = {
    "COLUMNS": str(WIDTH),
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "FORCE_COLOR": None,
    "KH68_NO_CACHE": "1",
    "KH68_PLAN": None,
    "KH68_DEBUG": None,
}


def run_kh68(args: list[str], cwd: Path) -> tuple[int, str]:
    """``kh68 ARGS`` run in-process in ``cwd``, as a terminal of ``WIDTH`` columns shows it: (exit code, output)."""
    import os

    from typer.testing import CliRunner

    import kh68.cli

    before = Path.cwd()
    os.chdir(cwd)
    try:
        with CliRunner().isolation(env=SAMPLE_ENV) as (_, _, output):
            code = kh68.cli.finish(kh68.cli.run(args))
            sys.stdout.flush()
            sys.stderr.flush()
            text = output.getvalue().decode("utf-8")
    finally:
        os.chdir(before)
    return code, text


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)
