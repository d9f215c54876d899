"""Nothing of the bundled plan is built into the tool: ``src/`` and ``templates/`` hold none of its facts.

The facts are read from the fixture plan's ``*.yaml`` when the test runs (never a list written here;
``FIXTURE_PLAN``, a frozen copy of ``plan/``, which the department edits without the tool's tests): its
unit ids and names, indicator, task, group and section ids, duty ids, symbols and
abbreviations, document numbers, place names and dates. Any of them in the tool's code,
messages, help or templates (comments and docstrings included) fails the test with
file:line. Examples in messages come from the user's plan or are neutral.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_PLAN, REPO
from kh68.reading.enums import DutyKind

SCANNED = [REPO / "src", REPO / "templates"]
# Nationwide words of public administration, not any plan's: the tool writes them itself.
NATIONWIDE = {"UBND", "HĐND", "MTTQ"}
LEVELS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
NAME = r"[A-ZĐÂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][\wđ]*"


def _load(name: str) -> dict:
    return yaml.safe_load((FIXTURE_PLAN / name).read_text(encoding="utf-8")) or {}


def _strings(data: object) -> Iterator[str]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(str(k) for k in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, date):
            yield item.isoformat()


def _date_forms(day: date) -> set[str]:
    d, m, y = day.day, day.month, day.year
    return {f"{d:02d}/{m}/{y}", f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d}/{m:02d}/{y}", day.isoformat()}


def plan_facts() -> dict[str, re.Pattern[str]]:
    """Each fact of the fixture plan → the pattern that finds it in text."""
    meta, units = _load("plan.yaml"), _load("units.yaml").get("units", [])
    indicators, groups = _load("indicators.yaml").get("indicators", []), _load("tasks.yaml").get("groups", [])
    texts = [s for name in ("plan.yaml", "units.yaml", "indicators.yaml", "tasks.yaml") for s in _strings(_load(name))]
    ids: set[str] = set()
    ids |= {u["id"] for u in units}
    ids |= {str(i["id"]) for i in indicators}
    ids |= {str(g["id"]) for g in groups} | {str(t["id"]) for g in groups for t in g.get("tasks", [])}
    sections = [c.get("id") for key in ("purposes", "requirements", "implementation") for c in meta.get(key) or []]
    sections += [(meta.get("vision") or {}).get("id")] + [d.get("section") for d in meta.get("duties") or []]
    ids |= {str(s) for s in sections if s and "." in str(s)}
    ids |= {d["id"] for d in meta.get("duties") or [] if d["id"] not in {k.value for k in DutyKind}}

    words: set[str] = set()
    symbols = [meta.get("symbol"), meta.get("report_symbol")]
    words |= {s for s in symbols if s} | {s.split("-", 1)[1] for s in symbols if s and "-" in s}
    for unit in units:
        words.add(unit["name"])
        for short in unit.get("short_names") or []:
            words |= {w for w in re.findall(r"[\w-]+", short) if sum(c.isupper() for c in w) >= 2}
    words -= NATIONWIDE
    for text in texts:
        words |= set(re.findall(r"\b\d+(?:/\d{4})?[/-][\w.]*[A-ZĐ][\w.-]*(?:/[\w.-]+)?", text))  # 68/NQ-CP, 78-CTr/TU
    places = {meta["place"]}
    for text in texts:
        places |= set(re.findall(rf"\b{LEVELS} ({NAME}(?: {NAME})*)", text))
    words |= places

    # The document's own dates: its legal bases', its deadlines, those its words say (not the dated facts
    # from outside the document that notes and units record with their sources).
    dates: set[str] = set()
    for basis in meta.get("legal_bases") or []:
        dates |= _date_forms(basis["date"])
    document = [meta.get(key) for key in ("title", "opening", "overall_goal", "vision", "legal_bases", "purposes",
                                           "requirements", "implementation", "closing", "duties")]  # fmt: skip
    for text in _strings(document):
        dates |= set(re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)) | set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text))
    for duty in meta.get("duties") or []:
        if duty.get("deadline"):
            day, month = (int(part) for part in str(duty["deadline"]).split("/"))
            dates |= {f"{day:02d}/{month:02d}", f"{day}/{month}", f"{day:02d}/{month}", f"-{month:02d}-{day:02d}"}

    facts: dict[str, re.Pattern[str]] = {}
    for found in ids:
        facts[found] = re.compile(rf"(?<![\w.]){re.escape(found)}(?![\w]|\.\d)")
    for found in words:
        facts[found] = re.compile(rf"(?<![\w]){re.escape(found)}(?![\w])")
    for found in dates:
        facts[found] = re.compile(rf"(?<![\d/]){re.escape(found)}(?![\d])")
    return facts


def scanned_files() -> list[Path]:
    return sorted(p for root in SCANNED for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def hits() -> list[str]:
    facts = plan_facts()
    found = []
    for path in scanned_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        # A pattern can only match where its fact is written: look line by line for those in the file only.
        present = {fact: pattern for fact, pattern in facts.items() if fact in text}
        for number, line in enumerate(text.splitlines(), 1):
            for fact, pattern in present.items():
                if pattern.search(line):
                    found.append(f"{path.relative_to(REPO).as_posix()}:{number}: {fact}")
    return found


def test_the_bundled_plan_gives_facts_to_look_for() -> None:
    facts = plan_facts()
    # A scan that had nothing to look for could not fail: each kind of fact of the plan is there.
    meta, units = _load("plan.yaml"), _load("units.yaml")["units"]
    indicators, groups = _load("indicators.yaml")["indicators"], _load("tasks.yaml")["groups"]
    assert meta["symbol"] in facts
    assert meta["symbol"].split("-", 1)[1] in facts  # the abbreviation
    assert meta["place"] in facts
    assert all(d["deadline"] in facts for d in meta["duties"] if d.get("deadline"))
    assert all(b["number"] in facts for b in meta["legal_bases"])
    assert all(u["id"] in facts and u["name"] in facts for u in units)
    assert all(str(i["id"]) in facts for i in indicators)
    assert all(str(t["id"]) in facts for g in groups for t in g["tasks"])


@pytest.mark.parametrize("line", ["ví dụ {fact}", "({fact})", "'{fact}'", "{fact}."])
def test_the_scan_finds_a_fact_however_it_is_written(line: str) -> None:
    facts = plan_facts()
    meta = _load("plan.yaml")
    for fact in (meta["symbol"], meta["place"], meta["duties"][0]["deadline"], _load("units.yaml")["units"][0]["id"]):
        assert facts[fact].search(line.format(fact=fact)), (fact, line)


def test_src_and_templates_hold_no_fact_of_the_bundled_plan() -> None:
    found = hits()
    assert found == [], "\n".join(found)
