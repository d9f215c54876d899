"""The real ``kh68`` processes: simultaneous records lose nothing, a killed record leaves a whole file.

Figures (pairs, kills, losses) are printed with ``-s``; the assertions are the guarantee.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kh68.core.files import TEMP_MARK
from kh68.core.vnformat import format_number
from kh68.lint.check import load_plan

pytestmark = pytest.mark.slow  # dozens of kh68 processes, some of them killed

KH68 = [sys.executable, "-m", "kh68"]
# 20 processes at once, each writing one unit's value of one indicator into the same year file (one round: a
# second round of the same adds nothing but seconds of CPU).
PAIRS = 10
PAIRS_AT_ONCE = 10
INDICATORS = ["6.3", "6.4", "6.5", "6.7"]
UNITS = [f"xa_mh_{n:02d}" for n in range(1, 6)]  # units active in 2025
# Only bounds a hang: 20 processes at once on two shared cores can take a while each.
HANG = 300


def _record(root: Path, indicator: str, unit: str, numerator: str, *extra: str) -> subprocess.Popen[bytes]:
    """One unit's fraction of a rate (a rate's value per unit is refused: by-unit-combine)."""
    figure = ["--numerator", numerator, "--denominator", "100"]
    args = [*KH68, "record", indicator, "--year", "2025", "--by", unit, *figure, "--plan", str(root), *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="starts many processes; POSIX only")
def test_simultaneous_records_on_one_year_file_lose_nothing(example_copy: Path) -> None:
    slots = [(ind, unit) for ind in INDICATORS for unit in UNITS]
    assert len(slots) == 2 * PAIRS
    written: dict[tuple[str, str], str] = {}
    for start in range(0, PAIRS, PAIRS_AT_ONCE):
        running = []
        for pair in range(start, start + PAIRS_AT_ONCE):
            for (ind, unit), value in zip(slots[2 * pair : 2 * pair + 2], ("51", "52"), strict=True):
                running.append((_record(example_copy, ind, unit, value), ind, unit, value))
        for process, ind, unit, value in running:
            out, err = process.communicate(timeout=HANG)
            assert process.returncode == 0, err.decode()
            assert out.decode().startswith("Đã ghi"), out.decode()
            written[(ind, unit)] = value
    data = load_plan(example_copy).data[2025]
    found = {}
    for ind, unit in written:
        entry = data.indicators[ind].by_unit.get(unit) if ind in data.indicators else None
        found[(ind, unit)] = entry.numerator if entry else None
    lost = [slot for slot, value in found.items() if value != int(written[slot])]
    print(f"\n{PAIRS} cặp lệnh record đồng thời ({PAIRS_AT_ONCE} cặp một lượt): {len(lost)} giá trị bị mất")
    assert lost == []
    assert len(found) == 2 * PAIRS


def _large_plan(root: Path, schools: int) -> None:
    """``root`` with ``schools`` more units and a 2025 data file of three values per school."""
    units = "".join(f"\n  - id: truong_{i:04d}\n    name: Trường minh họa số {i}\n" for i in range(schools))
    with (root / "units.yaml").open("a", encoding="utf-8") as handle:
        handle.write(units)
    lines = ["# SỐ LIỆU MINH HỌA\nyear: 2025\nsynthetic: true\nindicators:\n"]
    for ind in ("6.3", "6.4", "6.5"):  # not 6.2: the demo expects its figures from the communes
        lines.append(f'  "{ind}":\n    by_unit:\n')
        lines += [f"      truong_{i:04d}: {{numerator: {i % 40 + 10}, denominator: 60}}\n" for i in range(schools)]
    for path in (root / "data").iterdir():
        path.unlink()
    (root / "data" / "2025.yaml").write_text("".join(lines), encoding="utf-8")


def _record_count(root: Path) -> subprocess.Popen[bytes]:
    args = ["--by", "truong_0007", "--numerator", "33", "--denominator", "60", "--force", "--plan", str(root)]
    return subprocess.Popen([*KH68, "record", "6.4", "--year", "2025", *args], stderr=subprocess.PIPE)


def _temps(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "data").iterdir() if TEMP_MARK in p.name)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_record_leaves_the_old_or_the_new_file_and_the_next_write_cleans_up(example_copy: Path) -> None:
    _large_plan(example_copy, 600)
    path = example_copy / "data" / "2025.yaml"
    old = path.read_bytes()
    started = time.perf_counter()
    done = _record_count(example_copy)
    assert done.wait(timeout=HANG) == 0
    duration = time.perf_counter() - started
    new = path.read_bytes()
    assert new != old
    rng = random.Random(68)
    kills, whole, left_temp = 5, 0, 0
    for _ in range(kills):
        path.write_bytes(old)
        process = _record_count(example_copy)
        time.sleep(rng.uniform(0.6, 1.05) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=HANG)
        after = path.read_bytes()
        assert after in (old, new)
        whole += 1
        left_temp += bool(_temps(example_copy))
    print(
        f"\n{kills} lần SIGKILL giữa lệnh record ({format_number(duration, 2)} s/lệnh): {whole} lần tệp nguyên vẹn (cũ hoặc mới), "
        f"{left_temp} lần để lại tệp tạm"
    )
    path.write_bytes(old)
    (path.parent / f".2025.yaml{TEMP_MARK}planted").write_bytes(old[:100])  # as a kill during write leaves it
    final = _record_count(example_copy)
    assert final.wait(timeout=HANG) == 0
    assert path.read_bytes() == new
    assert _temps(example_copy) == []
