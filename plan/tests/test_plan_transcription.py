"""``plan/`` against the source document: the II.2 table, the tasks of III, the duties of IV.

The department's own tests of its transcription, kept with ``plan/`` so that both are edited
together (``make test`` and CI run them with the tool's tests, which never read ``plan/``).
The table is parsed out of ``ke-hoach-nq68-so-gddt-lam-dong.txt`` next to this file, a copy
of ``shared/source/`` (checked against it when ``shared/`` is next to the repository); what
each target means is written by hand below, so a parser change and a transcription error
cannot hide each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from kh68 import load_plan
from kh68.kinds.phrases import fold

HERE = Path(__file__).resolve().parent
PLAN = HERE.parent
# The plan document plan/ is transcribed from; a copy lives here so that the tests run anywhere,
# and test_source_copy_is_the_shared_document checks it against shared/.
SOURCE_DOC = HERE / "ke-hoach-nq68-so-gddt-lam-dong.txt"
SHARED_SOURCE_DOC = PLAN.parents[1] / "shared" / "source" / SOURCE_DOC.name

BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


@dataclass
class Row:
    id: str
    name: str
    unit: str
    target_2025: str
    footnote_2025: str | None
    target_2030: str
    responsible: str  # "" when the cell is blank (merged with the row above)


def source_text() -> str:
    return SOURCE_DOC.read_text(encoding="utf-8")


def section(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


def table_rows() -> list[Row]:
    """The rows of the II.2 table: a cell starts with a tab, other lines continue it."""
    table = section(source_text(), "Các chỉ tiêu chủ yếu đến năm 2025 và năm 2030", "\n3. [bookmark: bookmark35]")
    cells: list[str] = []
    for line in table.splitlines()[1:]:
        if line.startswith("\t"):
            cells.append(line[1:].strip())
        elif line.strip() and cells:
            cells[-1] += "\n" + line.strip()
    starts = [i for i, cell in enumerate(cells) if re.fullmatch(r"6\.\d+", cell)]
    rows = []
    for i in starts:
        number, name, unit, t2025, t2030, responsible = cells[i : i + 6]
        footnote = None
        if match := re.fullmatch(r"(.*?)\[footnoteRef:(\d+)\]\s*\[\2:\s*(.*)\]", t2025, re.S):
            t2025, footnote = match[1].strip(), match[3].strip()
        rows.append(Row(number, name, unit, t2025, footnote, t2030.strip(), responsible.strip()))
    return rows


ROWS = table_rows()

# What each target means, read by a person from the table.
EXPECTED_TARGETS = {
    "6.1": (("milestone", None, None), ("completion", None, None)),
    "6.2": (("range", 30, 35), ("range", 35, 40)),
    "6.3": (("at_least", 95, None), ("range", 95, 97)),
    "6.4": (("at_least", 99.5, None), ("at_least", 99.5, None)),
    "6.5": (("at_least", 60, None), ("greater_than", 60, None)),
    "6.6": (("at_least", 99.96, None), ("at_least", 99.97, None)),
    "6.7": (("none", None, None), ("greater_than", 95, None)),
    "6.8": (("none", None, None), ("greater_than", 75, None)),
    "6.9": (("at_least", 100, None), ("at_least", 100, None)),
    "6.10": (("none", None, None), ("at_least", 99, None)),
    "6.11": (("none", None, None), ("at_least", 99, None)),
    "6.12": (("none", None, None), ("at_least", 97, None)),
    "6.13": (("at_least", 80, None), ("at_least", 90, None)),
}

# Responsible units, blank cells taken from the row above (merged cells).
EXPECTED_RESPONSIBLE = {
    "6.1": ["phong_gdth_gdmn"],
    "6.2": ["phong_gdth_gdmn"],
    "6.3": ["phong_gdth_gdmn"],
    "6.4": ["phong_gdth_gdmn"],
    "6.5": ["phong_qlcl_gdtx", "phong_gdth_gdmn"],
    "6.6": ["phong_qlcl_gdtx", "phong_gdth_gdmn"],
    "6.7": ["phong_qlcl_gdtx", "phong_gdtrh"],
    "6.8": ["phong_qlcl_gdtx", "phong_gdtrh"],
    "6.9": ["phong_qlcl_gdtx"],
    "6.10": ["phong_gdth_gdmn"],
    "6.11": ["phong_gdtrh"],
    "6.12": ["phong_gdtrh"],
    "6.13": ["phong_gdth_gdmn", "phong_gdtrh"],
}


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


def test_table_has_13_indicators() -> None:
    assert [r.id for r in ROWS] == [f"6.{i}" for i in range(1, 14)]


def test_plan_has_the_same_indicators_in_order(plan) -> None:
    assert [i.id for i in plan.indicators] == [r.id for r in ROWS]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_indicator_matches_table(plan, row: Row) -> None:
    ind = plan.indicator(row.id)
    assert ind is not None
    assert ind.name == row.name
    assert ind.unit == row.unit == "%"
    assert sorted(ind.targets) == [2025, 2030]
    assert ind.targets[2025].text == row.target_2025
    assert ind.targets[2030].text == row.target_2030
    assert ind.targets[2025].footnote == row.footnote_2025
    assert ind.targets[2030].footnote is None


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_target_meaning(plan, row: Row) -> None:
    ind = plan.indicator(row.id)
    for year, (kind, low, high) in zip((2025, 2030), EXPECTED_TARGETS[row.id], strict=False):
        meaning = ind.targets[year].meaning
        assert (meaning.kind, *meaning.bounds()) == (kind, low, high), f"{row.id} {year}: {ind.targets[year].text!r}"


def test_footnote_of_6_1() -> None:
    row = ROWS[0]
    assert row.target_2025 == "Triển khai theo đề án"
    assert row.footnote_2025 == (
        "Triển khai các nội dung đề án phổ cập giáo dục mầm non cho trẻ mẫu giáo từ 3 đến 5 tuổi theo giai đoạn."
    )


def test_blank_responsible_cells_are_the_merged_ones() -> None:
    blank = [r.id for r in ROWS if not r.responsible]
    assert blank == ["6.2", "6.3", "6.4", "6.8", "6.12"]


def split_units(cell: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n| và ", cell) if part.strip()]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_responsible_units(plan, row: Row) -> None:
    ind = plan.indicator(row.id)
    assert plan.unit_ids(ind.responsible_units) == EXPECTED_RESPONSIBLE[row.id]
    if row.responsible:
        # Every name in the cell resolves, and to exactly the expected units.
        resolved = [plan.units.resolve(name) for name in split_units(row.responsible)]
        assert None not in resolved, split_units(row.responsible)
        assert list(dict.fromkeys(resolved)) == EXPECTED_RESPONSIBLE[row.id]
        assert ind.responsible_text in row.responsible.splitlines()
    else:
        previous = ROWS[ROWS.index(row) - 1]
        assert EXPECTED_RESPONSIBLE[row.id] == EXPECTED_RESPONSIBLE[previous.id]
        assert ind.responsible_text is None


@pytest.mark.parametrize("spelling", ["Phòng GDTH – GDMN", "Phòng GDTH - GDMN", "GDTH-GDMN", "phòng gdth—gdmn"])
def test_spellings_of_gdth_gdmn_resolve_to_one_unit(plan, spelling: str) -> None:
    assert plan.units.resolve(spelling) == "phong_gdth_gdmn"


# --------------------------------------------------------------------- III


EXPECTED_TASKS = {
    # id: (timing kind, the year it names (start or deadline), lead unit ids)
    "III.1.a": ("ongoing", None, ["cac_phong_thuoc_so"]),
    "III.1.b": ("at_review", None, ["phong_tchc"]),
    "III.2.a": ("by_year", 2025, ["phong_tchc"]),
    "III.2.b": ("by_year", 2025, ["cac_phong_thuoc_so", "phong_gddt_huyen", "to_cchc_cds"]),
    "III.2.c": ("from_year", 2024, ["phong_khtc", "phong_gddt_huyen"]),
    "III.2.d": (None, None, ["cac_phong_thuoc_so", "cac_don_vi_truong_hoc", "phong_gddt_huyen", "cong_doan_nganh"]),
    "III.3.a": ("from_year", 2024, ["cac_phong_chuyen_mon", "phong_qlcl_gdtx"]),
    "III.3.b": ("from_year", 2024, ["phong_tchc"]),
    "III.4": ("from_year", 2024, ["cac_phong_thuoc_so", "phong_gddt_huyen"]),
    "III.5": (None, None, ["cong_doan_nganh", "to_chuc_ct_xh"]),
}


def source_tasks() -> dict[str, dict[str, str]]:
    """Tasks of section III: id, title, and the 'chủ trì' / 'phối hợp' / 'thời gian' lines."""
    body = section(source_text(), "III. [bookmark: bookmark37]", "IV. [bookmark: bookmark175]")
    tasks: dict[str, dict[str, str]] = {}
    group = current = ""
    for raw in body.splitlines()[1:]:
        line = BOOKMARK.sub("", raw).strip()
        if match := re.match(r"^(\d)\. (.*)$", line):
            # A group is a task itself (III.4, III.5) until a lettered task shows up.
            group = current = f"III.{match[1]}"
            tasks[current] = {"title": match[2].strip()}
        elif match := re.match(r"^([a-d])\) (.*)$", line):
            if tasks.get(group, {}).keys() == {"title"}:
                del tasks[group]
            current = f"{group}.{match[1]}"
            tasks[current] = {"title": match[2].strip()}
        elif match := re.match(r"^· (?:Đơn vị chủ trì tham mưu): (.*)$", line):
            tasks[current]["lead"] = match[1]
        elif match := re.match(r"^· (?:Đơn vị|Cơ quan) phối hợp thực hiện: (.*)$", line):
            tasks[current]["coordinating"] = match[1]
        elif match := re.match(r"^· Thời gian thực hiện: (.*)$", line):
            tasks[current]["timing"] = match[1]
    return tasks


def test_all_tasks_of_section_iii(plan) -> None:
    assert [t.id for t in plan.tasks] == list(source_tasks()) == list(EXPECTED_TASKS)


@pytest.mark.parametrize("task_id", list(EXPECTED_TASKS))
def test_task_matches_source(plan, task_id: str) -> None:
    source = source_tasks()[task_id]
    task = plan.task(task_id)
    assert fold(task.title) == fold(source["title"])
    assert (task.lead_text or None) == source.get("lead")
    assert (task.coordinating_text or None) == source.get("coordinating")
    if "timing" in source:
        assert task.timing_text.rstrip(".") == source["timing"].rstrip(".")
    else:
        assert task.timing is None
    kind, year, leads = EXPECTED_TASKS[task_id]
    schedule = task.schedule
    named = (schedule.start or schedule.end) if schedule else None
    assert (schedule.kind if schedule else None, named.year if named else None) == (kind, year)
    assert plan.unit_ids(task.lead_units) == leads
    assert len(plan.unit_ids(task.lead_units)) == len(task.lead_units)
    assert len(plan.unit_ids(task.coordinating_units)) == len(task.coordinating_units)


def test_task_groups(plan) -> None:
    assert [g.id for g in plan.groups] == ["III.1", "III.2", "III.3", "III.4", "III.5"]


# ---------------------------------------------------------------------- IV


def clean(line: str) -> str:
    return re.sub(r"\s+", " ", BOOKMARK.sub("", line)).strip()


def section_iv_lines() -> list[str]:
    """Every non-empty line of section IV and of the closing, bookmarks removed, spaces normalised."""
    text = source_text()
    body = text[text.index("IV. [bookmark: bookmark175]") :]
    return [line for raw in body.splitlines() if (line := clean(raw))]


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut after each full stop, colon or semicolon that ends a clause."""
    return [part for part in re.split(r"(?<=[.;:])\s+", paragraph) if part]


def transcribed_iv(plan) -> dict[str, tuple[str | None, list[str]]]:
    """id → (title, paragraphs) of ``implementation`` in plan.yaml."""
    return {
        item.id: (item.title, [clean(p) for p in (item.text or "").split("\n") if p.strip()])
        for item in plan.meta.implementation
    }


# The document's section IV, line by line: (item id, what the line is).
IV_LAYOUT = [
    ("IV", "heading"),
    ("IV.1", "heading+text"),
    ("IV.1", "text"),
    ("IV.2", "heading"),
    ("IV.2.a", "text"),
    ("IV.2.b", "text"),
    ("IV.3", "heading"),
    ("IV.3", "text"),
    ("IV.4", "heading"),
    ("IV.4", "text"),
    ("closing", "text"),
    ("closing", "text"),
]
NUMBERING = re.compile(r"^(?:IV\.|\d\.|[a-d]\)) ")


def test_section_iv_layout_is_what_the_test_expects() -> None:
    assert len(section_iv_lines()) == len(IV_LAYOUT)


def test_every_sentence_of_section_iv_and_the_closing_is_transcribed(plan) -> None:
    transcribed = transcribed_iv(plan)
    assert list(transcribed) == ["IV", "IV.1", "IV.2", "IV.2.a", "IV.2.b", "IV.3", "IV.4"]
    closing = [clean(c) for c in plan.meta.closing]
    texts = {key: list(paragraphs) for key, (_, paragraphs) in transcribed.items()} | {"closing": closing}
    checked = 0
    for line, (item, what) in zip(section_iv_lines(), IV_LAYOUT, strict=True):
        line = NUMBERING.sub("", line)
        if what == "heading":
            assert transcribed[item][0] == line, item
            continue
        if what == "heading+text":
            title, line = line.split(": ", 1)
            assert transcribed[item][0] == title, item
        # The next paragraph of that item, word for word: every one of its sentences.
        paragraph = texts[item].pop(0)
        assert sentences(paragraph) == sentences(line), item
        checked += len(sentences(line))
    assert all(not rest for rest in texts.values()), texts
    assert checked == 18  # IV.1: 3 + 1, IV.2.a: 5, IV.2.b: 3, IV.3: 1, IV.4: 3, closing: 2


def test_duties_quote_section_iv(plan) -> None:
    transcribed = transcribed_iv(plan)
    for duty in plan.meta.duties:
        paragraphs = " ".join(transcribed[duty.section][1])
        assert clean(duty.what) in paragraphs, duty.id


def test_section_iv_duties(plan) -> None:
    duties = {d.id: d for d in plan.meta.duties}
    assert set(duties) == {"unit_report", "plan_report", "funding", "union_request"}

    unit_report = duties["unit_report"]
    assert (unit_report.section, unit_report.kind, str(unit_report.deadline)) == ("IV.2.b", "unit_report", "05/11")
    assert plan.unit_ids(unit_report.from_units) == ["cac_phong_thuoc_so", "phong_gddt_huyen"]
    assert plan.unit_ids(unit_report.to_units) == ["phong_tchc"]

    plan_report = duties["plan_report"]
    assert (plan_report.section, plan_report.kind, str(plan_report.deadline)) == ("IV.1", "plan_report", "10/11")
    assert plan.unit_ids(plan_report.from_units) == ["phong_tchc"]
    assert plan.unit_ids(plan_report.to_units) == ["ubnd_tinh", "so_ldtbxh"]
    assert plan_report.function == "chính sách xã hội"

    funding = duties["funding"]
    assert (funding.section, funding.kind, funding.deadline) == ("IV.4", "funding", None)

    request = duties["union_request"]
    assert (request.section, request.kind, request.deadline, request.to_units) == ("IV.3", "request", None, [])
    assert plan.unit_ids(request.from_units) == ["cong_doan_nganh", "to_chuc_ct_xh"]
    assert {plan.units.units[u].kind.value for u in plan.unit_ids(request.from_units)} == {"organisation"}


def test_opening_paragraph(plan) -> None:
    opening = next(clean(line) for line in source_text().splitlines() if "Thực hiện Kế hoạch số 6121" in line)
    assert clean(plan.meta.opening) == opening


def test_full_title_of_kế_hoạch_6121(plan) -> None:
    opening = clean(plan.meta.opening)
    title = clean(next(b.title for b in plan.meta.legal_bases if b.number == "6121/KH-UBND"))
    assert opening == f"Thực hiện {title}, Sở Giáo dục và Đào tạo xây dựng kế hoạch thực hiện như sau:"
    assert title.endswith(
        "về tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội, đáp ứng yêu cầu sự nghiệp xây dựng và bảo vệ Tổ quốc trong giai đoạn mới"
    )


SECTION_STARTS = {
    "I.2.b": "b) [bookmark: bookmark22]",
    "III.2.a": "a) [bookmark: bookmark54]",
    "III.2.b": "b) [bookmark: bookmark58]",
    "III.5": "5. [bookmark: bookmark124]",
    "IV.2.b": "b) [bookmark: bookmark180]",
    "Phần kết": "Trên đây là Kế hoạch",
}


def test_typos_are_the_document_s_own(plan) -> None:
    text = source_text()
    assert plan.meta.typos, "the document's typos are noted"
    for typo in plan.meta.typos:
        start = text.index(SECTION_STARTS[typo.section])
        part = clean(text[start : start + 4000])
        assert typo.written in part, typo
        assert typo.meant != typo.written
    # The transcription keeps them: nothing is corrected.
    assert "báo báo theo quy định" in transcribed_iv(plan)["IV.2.b"][1][0]


def test_reorganisation_facts_are_marked_as_from_outside_the_document(plan) -> None:
    units = plan.units.units
    for unit in units.values():
        if unit.start or unit.end or unit.successors or not unit.in_document:
            assert unit.source, unit.id
    outside_notes = [n for n in plan.meta.notes if n.source]
    assert {n.about for n in outside_notes} == {"IV.1", "IV.2, IV.4", "6.1, 6.9"}
    assert all(b.source for b in plan.meta.breaks)
    # Where the reference says "verify", the plan says so.
    assert units["so_ldtbxh"].verify == "Đối chiếu với quyết định của tỉnh thành lập Sở Nội vụ."
    assert "124" in units["ubnd_cap_xa"].verify
    assert "1671/NQ-UBTVQH15" in units["ubnd_cap_xa"].verify


def test_the_end_of_district_offices_cites_resolution_203_and_law_72(plan) -> None:
    source = plan.units.units["phong_gddt_huyen"].source
    assert "203/2025/QH15" in source
    assert "72/2025/QH15" in source
    assert "202/2025/QH15" not in source
    (merger,) = plan.meta.breaks
    assert (merger.date.isoformat(), merger.kind.value) == ("2025-07-01", "territory")
    assert "202/2025/QH15" in merger.source  # the province merger is Resolution 202


def test_no_file_of_the_plan_cites_202_for_district_offices() -> None:
    for path in sorted(PLAN.glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert not ("202/2025/QH15" in line and "huyện" in line), (path.name, line)


def test_plan_period_and_issuer(plan) -> None:
    assert (plan.meta.period.start, plan.meta.period.end) == (2024, 2030)
    assert plan.meta.symbol == "KH-SGDĐT"
    assert plan.meta.year == 2024
    assert plan.unit_ids([plan.meta.issuing_unit]) == ["so_gddt"]
    assert [b.number for b in plan.meta.legal_bases] == ["68/NQ-CP", "78-CTr/TU", "42-NQ/TW", "6121/KH-UBND"]


@pytest.mark.skipif(not SHARED_SOURCE_DOC.is_file(), reason="shared/ is not checked out next to the repository")
def test_source_copy_is_the_shared_document() -> None:
    assert SOURCE_DOC.read_bytes() == SHARED_SOURCE_DOC.read_bytes()
