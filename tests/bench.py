"""``make bench``: kh68's start-up against yamllint, and a plan of ~100.000 values against bare libyaml.

1. Start-up: ``kh68 check`` and ``kh68 status`` on a fixture plan (``tests/fixtures/plans/lamdong-nq68``, the
   tool's tests run on fixtures; ``plan/`` is the department's),
   answered from the cache (a hit) and not (a miss), against ``yamllint -d
   relaxed plan`` on the same files, run in turn (A B A B …).
2. Generated plans of about 30.000, 100.000 and 1.000.000 values (390, 1.300 and
   13.000 schools × 11 indicators × 7 years, as numerator/denominator per school;
   ``KH68_BENCH_SCHOOLS=390,1300`` to choose) under ``bench/``: ``check``, ``status``,
   ``record`` of one figure and ``import`` of 10 filled forms, without the cache, against a GC-off libyaml
   ``compose`` of the same files (process start included); the peak memory of
   ``check`` per value.
3. Forms: a form for each of the 1.300 schools, every one filled and imported;
   the time per form both ways and of the single write of the year file.
4. A million problems: three plans, each with one file of 1.000.000 problems of
   one kind (bad values, unknown keys, list items where units belong), ``check``
   against a GC-off libyaml ``compose`` of the same files.

Figures are synthetic.

Each figure is the median CPU time (user + system) of whole processes, as the
operating system accounts a finished child (``os.wait4``); memory is its
maximum resident set size.
"""

from __future__ import annotations

import compileall
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import kh68
from kh68.core.vnformat import format_number

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "plan"
START = str(ROOT / "tests" / "fixtures" / "plans" / "lamdong-nq68")
"""The plan of the start-up figures: a fixture (``plan/`` is the department's, not the tool's)."""
SCHOOLS = 1300
SIZES = tuple(int(n) for n in os.environ.get("KH68_BENCH_SCHOOLS", "390,1300,13000").split(","))
"""Schools of the generated plans: about 30.000, 100.000 and 1.000.000 values (11 indicators × 7 years each)."""
YEARS = range(2024, 2031)
UNMEASURED = ("6.1", "6.9")  # a state, and a count of districts: no figure by school
RUNS = int(os.environ.get("KH68_BENCH_RUNS", "7"))
BIG_RUNS = int(os.environ.get("KH68_BENCH_BIG_RUNS", "3"))
_SCRIPT = Path(sys.executable).with_name("kh68")
KH68 = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "kh68"]
COMPOSE = (
    "import gc, sys\n"
    "gc.disable()\n"
    "from pathlib import Path\n"
    "import yaml\n"
    "root = Path(sys.argv[1])\n"
    "for p in sorted([*root.glob('*.yaml'), *(root / 'data').glob('*.yaml')]):\n"
    "    yaml.compose(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
)


class Figure:
    """CPU seconds and peak memory of the runs of one command."""

    def __init__(self, name: str, command: list[str], env: dict[str, str] | None = None):
        self.name = name
        self.command = command
        self.env = {**os.environ, **(env or {})}
        self.cpu: list[float] = []
        self.peak: list[int] = []

    def run(self, prepare=None) -> None:
        if prepare is not None:
            prepare()
        process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=self.env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(self.command)}: exit {process.returncode}")
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        self.peak.append(usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024))

    @property
    def median(self) -> float:
        return statistics.median(self.cpu)


def in_turn(figures: list[Figure], runs: int, prepare=None) -> None:
    for figure in figures:  # one warm-up each: files in the page cache, the cache entry written
        figure.run(prepare)
        figure.cpu.clear()
        figure.peak.clear()
    for _ in range(runs):
        for figure in figures:
            figure.run(prepare)


def row(label: str, value: str, ratio: str = "", goal: str = "") -> None:
    print(f"| {label:<44} | {value:>10} | {ratio:>9} | {goal:<14} |")


def header(title: str) -> None:
    print(f"\n{title}\n")
    print(f"| {'lệnh':<44} | {'CPU (s)':>10} | {'tỷ lệ':>9} | {'mục tiêu':<14} |")
    print(f"|{'-' * 46}|{'-' * 12}|{'-' * 11}|{'-' * 16}|")


def seconds(value: float) -> str:
    return format_number(value, 3)


def times(value: float) -> str:
    return f"{format_number(value, 2)}×"


def startup() -> None:
    beside = Path(sys.executable).parent / "yamllint"  # the venv's, installed by make bench
    yamllint = str(beside) if beside.exists() else shutil.which("yamllint")
    cache = tempfile.mkdtemp(prefix="kh68-bench-cache-")
    fresh = {"KH68_CACHE_DIR": cache}
    try:
        figures = [
            Figure("kh68 check (cache: trúng)", [*KH68, "check", START], fresh),
            Figure("kh68 status --plan (cache: trúng)", [*KH68, "status", "--plan", START], fresh),
            Figure("kh68 check (cache: trượt)", [*KH68, "check", START], {"KH68_NO_CACHE": "1"}),
            Figure("kh68 status --plan (cache: trượt)", [*KH68, "status", "--plan", START], {"KH68_NO_CACHE": "1"}),
        ]
        if yamllint:
            figures.append(Figure("yamllint -d relaxed", [yamllint, "-d", "relaxed", START]))
        in_turn(figures, RUNS)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    header(f"1. Khởi động, kế hoạch mẫu {START}, trung vị {RUNS} lần, so với yamllint")
    base = figures[-1].median if yamllint else None
    for figure in figures[: len(figures) - (1 if yamllint else 0)]:
        goal = START_GOALS.get(figure.name, "")
        row(figure.name, seconds(figure.median), times(figure.median / base) if base else "", goal)
    if yamllint:
        row(figures[-1].name, seconds(base), times(1.0))
    else:
        print(
            "!!! KHÔNG CÓ yamllint: không so được khởi động với yamllint; chạy `make bench` "
            "(cài nhóm phụ thuộc bench) hoặc pip install yamllint !!!",
            file=sys.stderr,
        )


START_GOALS = {
    "kh68 check (cache: trúng)": "≤ 0,15×",
    "kh68 status --plan (cache: trúng)": "≤ 0,15×",
    "kh68 check (cache: trượt)": "≤ 1×",
    "kh68 status --plan (cache: trượt)": "≤ 1,2×",
}
"""Issue 19's start-up goals, against yamllint on the same files."""


def school(i: int) -> str:
    return f"truong_{i:05d}"


def generate(schools: int = SCHOOLS) -> int:
    shutil.rmtree(OUT.parent, ignore_errors=True)
    shutil.copytree(ROOT / "examples" / "plan", OUT, ignore=shutil.ignore_patterns("data"))
    units = [f"\n  - id: {school(i)}\n    name: Trường minh họa số {i}\n" for i in range(schools)]
    members = ", ".join(school(i) for i in range(schools))
    units.append(f"\n  - id: truong_minh_hoa\n    name: Các trường minh họa\n    members: [{members}]\n")
    with (OUT / "units.yaml").open("a", encoding="utf-8") as handle:
        handle.write("".join(units))
    # Every school reports every indicator it has figures for (the demo's own reporters are communes).
    listed = yaml.safe_load((OUT / "indicators.yaml").read_text(encoding="utf-8"))
    for item in listed["indicators"]:
        if item["id"] not in UNMEASURED:
            item["reporters"] = ["truong_minh_hoa"]
            item.pop("counted_over", None)
    text = "# SỐ LIỆU MINH HỌA (sinh tự động cho make bench)\n" + yaml.safe_dump(
        listed, allow_unicode=True, sort_keys=False
    )
    (OUT / "indicators.yaml").write_text(text, encoding="utf-8")
    indicators = [i["id"] for i in listed["indicators"]]
    rng = random.Random(68)
    (OUT / "data").mkdir()
    count = 0
    for year in YEARS:
        lines = [f"# SỐ LIỆU MINH HỌA (sinh tự động cho make bench)\nyear: {year}\nsynthetic: true\nindicators:\n"]
        for ind in indicators:
            if ind in UNMEASURED:
                continue
            lines.append(f'  "{ind}":\n    by_unit:\n')
            for i in range(schools):
                den = rng.randint(50, 900)
                lines.append(
                    f"      {school(i)}: {{numerator: {rng.randint(den * 8 // 10, den)}, denominator: {den}}}\n"
                )
                count += 1
        (OUT / "data" / f"{year}.yaml").write_text("".join(lines), encoding="utf-8")
    return count


def large_plan(schools: int = SCHOOLS) -> None:
    values = generate(schools)
    plan = str(OUT)
    off = {"KH68_NO_CACHE": "1"}
    floor = Figure("compose libyaml, GC tắt (sàn)", [sys.executable, "-c", COMPOSE, plan])
    check = Figure("kh68 check", [*KH68, "check", plan], off)
    status = Figure("kh68 status", [*KH68, "status", "--plan", plan, "--year", "2025", "--today", "2025-11-06"], off)
    figures = [floor, check, status]
    in_turn(figures, BIG_RUNS)
    numerators = iter(range(10**6))
    edit = [*KH68, "record", "6.2", "--year", "2025", "--by", school(1), "--denominator", "900", "--force"]
    record = Figure("kh68 record (một số liệu)", edit, off)

    def next_value() -> None:  # a new figure each run: a real edit, never "no change"
        record.command = [*edit, "--numerator", str(next(numerators) % 700), "--plan", plan]

    in_turn([record], BIG_RUNS, next_value)
    batch = _import_batch(OUT)
    header(
        f"2. Kế hoạch sinh tự động: {format_number(values)} giá trị, {format_number(schools)} trường, "
        f"{len(YEARS)} năm; không dùng cache; trung vị {BIG_RUNS} lần"
    )
    row(floor.name, seconds(floor.median), times(1.0))
    row(check.name, seconds(check.median), times(check.median / floor.median), "≤ 1,5× sàn")
    row(status.name, seconds(status.median), times(status.median / floor.median), "≤ 1,5× sàn")
    row(record.name, seconds(record.median), times(record.median / check.median) + "ck", "≤ 1,2× check")
    row(batch.name, seconds(batch.median), times(batch.median / check.median) + "ck", "≤ 1,2× check")
    peak = max(check.peak)
    print(
        f"\nBộ nhớ đỉnh của kh68 check: {format_number(peak / 2**20, 1)} MiB = "
        f"{format_number(peak / values / 1024, 2)} KB mỗi giá trị (mục tiêu ≤ 1,5 KB); "
        f"của sàn: {format_number(max(floor.peak) / 2**20, 1)} MiB."
    )
    print("(ck: tỷ lệ so với kh68 check)")


def main() -> None:
    os.chdir(ROOT)
    # As an installed program runs: its bytecode compiled (PYTHONDONTWRITEBYTECODE would recompile every start).
    compileall.compile_dir(Path(kh68.__file__).parent, quiet=1)
    print(f"kh68 {kh68.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPU; lệnh: {' '.join(KH68)}")
    startup()
    for schools in SIZES:
        large_plan(schools)
    if SIZES[-1] != SCHOOLS:
        generate()  # the forms below are of the 1.300 schools


FORMS_YEAR = 2026


def _type_in(path: Path, sheets: dict[str, dict[str, int]]) -> None:
    """Numbers typed into empty input cells, straight into the sheets' XML (as Excel stores them)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            for cell, value in sheets.get(info.filename.rsplit("/", 1)[-1], {}).items():
                pattern = rf'(<c r="{cell}" s="\d+" t="n">)(</c>)'.encode()
                data = re.sub(pattern, rb"\1<v>" + str(value).encode() + rb"</v>\2", data, count=1)
            target.writestr(info, data)


def _fill(written: list) -> None:  # type: ignore[type-arg]
    """Forms filled as a school would: numerator and denominator of every row, the date sent."""
    rng = random.Random(2026)
    for item in written:
        values = {}
        for row in range(7, 7 + len(item.spec.indicators)):
            den = rng.randint(50, 900)
            values[f"H{row}"], values[f"I{row}"] = rng.randint(den * 8 // 10, den), den
        _type_in(item.path, {"sheet2.xml": values, "sheet3.xml": {"C4": 4, "E4": 11, "G4": FORMS_YEAR}})


IMPORTED = 10
"""Forms of an import batch (``kh68 import`` of a folder), timed against ``kh68 check`` of the same plan."""


def _import_batch(plan_dir: Path) -> Figure:
    """``kh68 import`` of ``IMPORTED`` filled forms into the year file, restored before each run."""
    from datetime import date

    from kh68.entry.forms.files import write_forms
    from kh68.lint.check import load_plan

    folder = plan_dir.parent / "batch"
    shutil.rmtree(folder, ignore_errors=True)
    _fill(write_forms(load_plan(plan_dir), FORMS_YEAR, [school(i) for i in range(IMPORTED)], folder, date(2024, 1, 1)))
    year_file = plan_dir / "data" / f"{FORMS_YEAR}.yaml"
    before = year_file.read_bytes()
    batch = Figure(
        f"kh68 import ({IMPORTED} biểu mẫu)",
        [*KH68, "import", str(folder), "--plan", str(plan_dir), "--force", "--received", f"{FORMS_YEAR}-11-05"],
        {"KH68_NO_CACHE": "1"},
    )
    in_turn([batch], BIG_RUNS, lambda: year_file.write_bytes(before))
    year_file.write_bytes(before)
    return batch


def forms_bench() -> None:
    from datetime import date

    from kh68.entry.edits import apply_edits
    from kh68.entry.forms.files import write_forms
    from kh68.entry.forms.read import read_form
    from kh68.entry.sources.excel_form import form_edits
    from kh68.lint.check import load_plan

    plan = load_plan(OUT)
    units = [school(i) for i in range(SCHOOLS)]
    folder = OUT.parent / "forms"
    clock = _Clock()
    written = write_forms(plan, FORMS_YEAR, units, folder, date(2024, 1, 1))
    made = clock.lap()
    _fill(written)
    clock.lap()
    edits = [edit for item in written for edit in form_edits(read_form(item.path, plan))]
    read = clock.lap()
    result = apply_edits(plan, edits, force=True)
    write = clock.lap()
    changed = [f.path.name for f in result.files if f.changed]
    n = len(written)
    rows = sum(len(item.spec.indicators) for item in written)
    print(f"Biểu mẫu: {format_number(n)} trường, {format_number(rows)} dòng chỉ tiêu ({folder}); thời gian thực / CPU")
    print(f"kh68 form, mỗi biểu mẫu:            {_per(made, n)}")
    print(f"đọc biểu mẫu đã điền, mỗi biểu mẫu: {_per(read, n)}")
    print(
        f"ghi một lần {', '.join(changed)}:          {format_number(write[0])} s / {format_number(write[1])} s "
        f"({format_number(len(edits))} thay đổi, kiểm tra như kh68 check)"
    )


def _cpu() -> float:
    """CPU time of this process and of its finished children (the workers that build forms)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class _Clock:
    """Wall-clock and CPU time since the last lap (CPU time is what a loaded machine does not blur)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), _cpu()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), _cpu()
        spent = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return spent


def _per(spent: tuple[float, float], n: int) -> str:
    wall, cpu = spent
    return f"{format_number(wall / n * 1000, 1)} ms / {format_number(cpu / n * 1000, 1)} ms ({format_number(wall)} s tất cả)"


PROBLEMS = 1_000_000
_MILLION_SHAPES = {
    "giá trị sai (numerator: abc)": (
        "data/2025.yaml",
        'year: 2025\nsynthetic: true\nindicators:\n  "6.2":\n    by_unit:\n',
        "      xa_{i:07d}: {{numerator: abc, denominator: 10}}\n",
    ),
    "khóa không hợp lệ": ("data/2025.yaml", "year: 2025\nsynthetic: true\n", "k{i:07d}: 1\n"),
    "danh sách đơn vị sai kiểu": ("units.yaml", "units:\n", "  - x{i}\n"),
}


def million_problems() -> None:
    header(f"4. Một tệp có {format_number(PROBLEMS)} lỗi cùng loại; kh68 check so với sàn; trung vị {BIG_RUNS} lần")
    for name, (file, head, line) in _MILLION_SHAPES.items():
        plan = OUT.parent / "million"
        shutil.rmtree(plan, ignore_errors=True)
        shutil.copytree(ROOT / "examples" / "plan", plan)
        (plan / file).write_text(head + "".join(line.format(i=i) for i in range(PROBLEMS)), encoding="utf-8")
        floor = Figure("sàn", [sys.executable, "-c", COMPOSE, str(plan)])
        check = Figure(f"kh68 check: {name}", [*KH68, "check", str(plan)], {"KH68_NO_CACHE": "1"})
        in_turn([floor, check], BIG_RUNS)
        row(check.name, seconds(check.median), times(check.median / floor.median), f"sàn {seconds(floor.median)} s")
        shutil.rmtree(plan, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["million"]:
        os.chdir(ROOT)
        million_problems()
        raise SystemExit
    main()
    forms_bench()
    million_problems()
