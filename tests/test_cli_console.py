"""The command line as a real process: console encodings and what start-up imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLE_PLAN, FIXTURE_PLAN
from kh68.cli.outcome import PLAN_DIR_HINT

pytestmark = (
    pytest.mark.slow
)  # real kh68 processes under several console encodings (make test runs them; make test-fast leaves them out)

HEAVY = (
    "rich",
    "jinja2",
    "ruamel",
    "docx",
    "kh68.outputs.report_context",
    "kh68.entry.editing",
    "kh68.outputs.schema",
    "kh68.outputs.diff_compare",
)


def kh68(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kh68", *args], capture_output=True, env={**os.environ, **(env or {})}, check=False
    )


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_vietnamese_is_printed_whatever_the_console_encoding(encoding: str) -> None:
    done = kh68("check", str(FIXTURE_PLAN), env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").endswith("không có lỗi — 13 chỉ tiêu, 10 nhiệm vụ, 20 đơn vị, số liệu 0 năm.\n")
    failed = kh68("check", "khong-co", env={"PYTHONIOENCODING": encoding})
    assert (failed.returncode, failed.stderr.decode("utf-8")) == (
        2,
        f"kh68: lỗi: không có thư mục kế hoạch 'khong-co'\n{PLAN_DIR_HINT}\n",
    )


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["check", str(EXAMPLE_PLAN)], []),
        (["status", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--format", "json"], []),
        (["status", "--plan", str(EXAMPLE_PLAN), "--year", "2025"], ["rich"]),
    ],
)
def test_check_and_status_import_only_what_they_need(args: list[str], loaded: list[str]) -> None:
    code = (
        "import contextlib, io, json, sys\n"
        "from kh68.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    run({args!r})\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == loaded
