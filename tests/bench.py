"""``make bench``: time check/status on a plan of ~100.000 recorded values, and forms.

Generates a plan (every school of a large province × 13 indicators × 7 years,
as numerator/denominator per school) under ``bench/``, then times
``kh68 check`` and ``kh68 status`` against bare ``yaml.load(..., CSafeLoader)``
of the same files, and ``kh68 record`` (one value replaced, one key added)
against ``kh68 check``, and prints the ratios. Then makes a form for each of the
1.300 schools, fills every one, imports them all and prints the time per form
in both directions and the time of the single write of the year file.
Figures are synthetic.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from kh68.vnformat import format_number

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "plan"
SCHOOLS = 1300
YEARS = range(2024, 2031)
KH68 = [sys.executable, "-m", "kh68"]


def generate() -> int:
    shutil.rmtree(OUT.parent, ignore_errors=True)
    shutil.copytree(ROOT / "examples" / "plan", OUT, ignore=shutil.ignore_patterns("data"))
    units = [f"\n  - id: truong_{i:04d}\n    name: Trường minh họa số {i}\n" for i in range(SCHOOLS)]
    with (OUT / "units.yaml").open("a", encoding="utf-8") as handle:
        handle.write("".join(units))
    indicators = [i["id"] for i in yaml.safe_load((OUT / "indicators.yaml").read_text(encoding="utf-8"))["indicators"]]
    rng = random.Random(68)
    (OUT / "data").mkdir()
    count = 0
    for year in YEARS:
        lines = [f"# SỐ LIỆU MINH HỌA (sinh tự động cho make bench)\nyear: {year}\nsynthetic: true\nindicators:\n"]
        for ind in indicators:
            if ind in ("6.1", "6.9"):
                continue
            lines.append(f'  "{ind}":\n    by_unit:\n')
            for i in range(SCHOOLS):
                den = rng.randint(50, 900)
                lines.append(
                    f"      truong_{i:04d}: {{numerator: {rng.randint(den * 8 // 10, den)}, denominator: {den}}}\n"
                )
                count += 1
        (OUT / "data" / f"{year}.yaml").write_text("".join(lines), encoding="utf-8")
    return count


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_only() -> None:
    for path in sorted(OUT.rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def run(*args: str) -> None:
    subprocess.run([*KH68, *args], check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    values = generate()
    print(
        f"Kế hoạch sinh tự động: {format_number(values)} giá trị theo trường, {format_number(SCHOOLS)} trường, "
        f"{len(YEARS)} năm ({OUT})"
    )
    base = best_of(3, parse_only)
    startup = best_of(3, lambda: subprocess.run([sys.executable, "-c", "import pydantic, yaml"], check=True))
    check = best_of(3, lambda: run("check", str(OUT)))
    status = best_of(3, lambda: run("status", "--plan", str(OUT), "--year", "2025", "--today", "2025-11-06"))
    data = OUT / "data" / "2027.yaml"
    original = data.read_bytes()

    def record(*args: str) -> None:
        data.write_bytes(original)
        run("record", "6.2", "--year", "2027", "--plan", str(OUT), "--force", *args)

    replace = best_of(3, lambda: record("--by", "truong_0650", "--numerator", "1", "--denominator", "2"))
    insert = best_of(3, lambda: record("--value", "12,5"))
    data.write_bytes(original)
    bare = base + startup
    print(f"yaml.load(CSafeLoader) các tệp:    {format_number(base)} s")
    print(f"python -c 'import pydantic, yaml': {format_number(startup)} s")
    print(
        f"kh68 check:                        {format_number(check)} s ({format_number(check / bare)}× so với đọc YAML + khởi động)"
    )
    print(
        f"kh68 status:                       {format_number(status)} s ({format_number(status / bare)}× so với đọc YAML + khởi động)"
    )
    print(
        f"kh68 record (thay một giá trị):     {format_number(replace)} s ({format_number(replace / check)}× kh68 check)"
    )
    print(
        f"kh68 record (thêm một khóa):        {format_number(insert)} s ({format_number(insert / check)}× kh68 check)"
    )


FORMS_YEAR = 2026


def forms_bench() -> None:
    from datetime import date

    import openpyxl

    from kh68.entry.edits import apply_edits
    from kh68.entry.forms.files import write_forms
    from kh68.entry.forms.importing import form_edits
    from kh68.entry.forms.read import read_form
    from kh68.reading.load import load_plan

    plan = load_plan(OUT)
    units = [f"truong_{i:04d}" for i in range(SCHOOLS)]
    folder = OUT.parent / "forms"
    start = time.perf_counter()
    written = write_forms(plan, FORMS_YEAR, units, folder, date(2024, 1, 1))
    made = time.perf_counter() - start
    rng = random.Random(2026)
    for item in written:  # filled as a school would: numerator and denominator of every row
        wb = openpyxl.load_workbook(item.path)
        ws = wb["Chỉ tiêu"]
        for row in range(7, 7 + len(item.spec.indicators)):
            den = rng.randint(50, 900)
            ws[f"H{row}"], ws[f"I{row}"] = rng.randint(den * 8 // 10, den), den
        wb["Nhiệm vụ"]["C4"] = date(FORMS_YEAR, 11, 4)
        wb.save(item.path)
    start = time.perf_counter()
    edits = [edit for item in written for edit in form_edits(read_form(item.path, plan))]
    read = time.perf_counter() - start
    start = time.perf_counter()
    result = apply_edits(plan, edits, force=True)
    write = time.perf_counter() - start
    changed = [f.path.name for f in result.files if f.changed]
    n = len(written)
    rows = sum(len(item.spec.indicators) for item in written)
    print(f"Biểu mẫu: {format_number(n)} trường, {format_number(rows)} dòng chỉ tiêu ({folder})")
    print(f"kh68 form, mỗi biểu mẫu:           {format_number(made / n * 1000, 1)} ms ({format_number(made)} s tất cả)")
    print(
        f"đọc biểu mẫu đã điền, mỗi biểu mẫu: {format_number(read / n * 1000, 1)} ms ({format_number(read)} s tất cả)"
    )
    print(
        f"ghi một lần {', '.join(changed)}:         {format_number(write)} s "
        f"({format_number(len(edits))} thay đổi, kiểm tra như kh68 check)"
    )


if __name__ == "__main__":
    main()
    forms_bench()
