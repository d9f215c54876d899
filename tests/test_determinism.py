"""Same plan and options, same bytes — across processes with different hash seeds.

Running the same code twice in one process proves little: set and dict orders
follow the hash seed, which is fixed for the life of a process. So each seed
gets its own interpreter, which writes every output once; the files must be
byte for byte the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN

SEEDS = ("0", "1")
DAY = "2025-11-10"
REPORT = ["report", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--date", DAY]
# Output file name → the command writing it ("-o" to the file, or its stdout captured there).
JOBS = {
    "report.md": [*REPORT, "-o"],
    "report.html": [*REPORT, "--format", "html", "-o"],
    "report.docx": [*REPORT, "--format", "docx", "-o"],
    "status.json": ["status", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--today", DAY, "--format", "json"],
    "status.txt": ["status", "--plan", str(EXAMPLE_PLAN), "--year", "2026", "--today", DAY],
    "export.json": ["export", "--plan", str(EXAMPLE_PLAN)],
}

DRIVER = """
import os, sys
from pathlib import Path
from kh68.cli import run
out = Path(sys.argv[1])
for name, argv in JOBS.items():
    target = out / name
    if argv[-1] == "-o":
        assert run([*argv, str(target)]) == 0, name
        continue
    sys.stdout.flush()
    saved, fd = os.dup(1), os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 1)
    try:
        assert run(argv) == 0, name
        sys.stdout.flush()
    finally:
        os.dup2(saved, 1)
        os.close(fd)
"""


@pytest.mark.slow  # two interpreters, every output format
def test_every_output_is_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    runs = {}
    for seed in SEEDS:
        out = tmp_path / f"seed-{seed}"
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "KH68_NO_CACHE": "1", "COLUMNS": "120"}
        code = f"JOBS = {JOBS!r}\n{DRIVER}"
        runs[seed] = (out, subprocess.Popen([sys.executable, "-c", code, str(out)], env=env, stderr=subprocess.PIPE))
    for seed, (_, process) in runs.items():
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, (seed, err.decode())
    outputs = {seed: {name: (out / name).read_bytes() for name in JOBS} for seed, (out, _) in runs.items()}
    first = outputs[SEEDS[0]]
    assert all(first[name] for name in JOBS), [name for name in JOBS if not first[name]]
    for seed in SEEDS[1:]:
        for name in JOBS:
            assert outputs[seed][name] == first[name], f"{name} differs between PYTHONHASHSEED={SEEDS[0]} and {seed}"
