"""Text from people is data in every document: the department's ``report:`` block and the units' progress texts.

Each hostile text below is written into every field of the report block of ``data/2025.yaml``
(references, directing documents, group summary, assessment, directions, proposals) and, by
``kh68 progress``, into every progress text of one task (results, difficulties, directions,
proposals). Every document (the report, a division's report, the internal summary) is then
written in every format and path (Markdown on stdout and with ``-o``, HTML, Word) and compared
with the same documents made from a plain text in the same fields: the data may change the
words, never the structure (Markdown tokens, HTML tags, Word elements), and no control
character reaches any file.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLE_PLAN, invoke, made_once, replace_in
from docx_outline import outline

MARK = "ĐỘC"  # in every hostile text: counted in each document, so that no field goes unseen
PLAIN = "LÀNH văn bản bình thường của đơn vị"

HOSTILE = {
    "blank-lines-nbsp-heading": f"\n\n\u00a0 ## {MARK} tiêu đề giả",
    "unicode-spaces-heading": f"\u2003\u3000\u202f\u2009\u2000\u200a\t###### {MARK} tiêu đề giả",
    "bullets": f"- {MARK} mục giả\n+ mục\n* mục",
    "ordered-list": f"1. {MARK} một\n2) hai",
    "quote-and-table": f"> {MARK} trích dẫn\n| a | b |\n|---|---|\n| c | d |",
    "setext-underlines": f"{MARK} dòng\n===\ndòng\n---\n***",
    "fences": f"```\n{MARK} mã\n```\n~~~\nmã",
    "html-blocks": f"<!-- {MARK} -->\n<div>khối</div>\n<script>alert(1)</script>",
    "indented-code": f"{MARK}\n\n    mã thụt lề\n\t\tmã",
    "hard-breaks-and-backslashes": f"{MARK} dòng 1  \ndòng 2\\\ndòng 3\\",
    "inline": f"[{MARK}](http://x.vn) **đậm** _n_ `m` ![a](b.png) &amp; @ai www.x.vn <b>",
    "c0-c1-controls": f"\x1b[31m{MARK}\x1b[0m\x07\x9b2J\x00\x7f\x08\x1b]0;tiêu đề\x07 chữ",
    "bidi-and-invisible": f"\u202e{MARK}\u202c \u2066đảo\u2069 \u200fdấu\ufeff \U000e0041\u061c",
    "line-separators": f"{MARK}\u2028## hai\u2029- ba\x0b> bốn\x0c# năm\x85=== sáu\r1. bảy\x1c# tám\r\n- chín",
}

# Where the fields show: each document has MARK once per field it shows.
SHOWN = {
    # 6 lists of the assessment, directions, proposals; the group summary; kind, issuer and subject of a
    # reference and of a directing document; the results of the task's progress.
    "report": 14,
    # results, difficulties, directions, proposals of the division's progress
    "unit": 4,
    "internal": 4,
}
TASK, UNIT = "III.2.b", "phong_khtc"  # a division that reports (the coordinating division receives, it has no report)
DOCUMENTS = {"report": [], "unit": ["--unit", UNIT], "internal": ["--internal"]}

# What no file may hold: C0 controls but tab and newline, DEL, C1, bidi controls and marks, line and
# paragraph separators, BOM, interlinear annotations, tags, noncharacters, lone surrogates; and U+FFFD
# (a control replaced rather than removed).
CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\ufeff\ufff9-\ufffd\ufffe\uffff\ud800-\udfff\U000e0000-\U000e007f]"
)


# ------------------------------------------------------------------ the plans


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar with every character but printable ASCII escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def report_block(text: str) -> str:
    q = yaml_quoted(text)
    cited = f"""\
    - kind: {q}
      number: 05/KH-MH
      date: 2025-02-10
      issuer: {q}
      subject: {q}
"""
    return f"""\
report:
  data_as_of: 2025-10-31
  references:
{cited}  directing_documents:
{cited}  group_summaries:
    "III.4": {q}
  assessment:
    strengths: [{q}]
    shortcomings: [{q}]
    objective_causes: [{q}]
    subjective_causes: [{q}]
  directions: [{q}]
  proposals: [{q}]
"""


def plan_with(root: Path, text: str) -> Path:
    """The demo plan with ``text`` in every field of the 2025 report block and in every progress text of TASK."""
    plan = Path(shutil.copytree(EXAMPLE_PLAN, root / "plan"))
    data = plan / "data" / "2025.yaml"
    yaml = data.read_text(encoding="utf-8")
    start, end = yaml.index("\nreport:\n") + 1, yaml.index("\ntasks:\n") + 1
    data.write_text(yaml[:start] + report_block(text) + yaml[end:], encoding="utf-8")
    fields = ["--result", "--difficulties", "--directions", "--proposals"]
    args = [x for field in fields for x in (field, text)]
    invoke(["progress", TASK, "--year", "2025", "--unit", UNIT, "--state", "in_progress", *args, "--plan", plan], 0)
    return plan


# ------------------------------------------------------------------ the documents


@dataclass(frozen=True)
class Written:
    stdout: str  # what the command printed (Markdown only)
    file: bytes  # what it wrote with -o


class Documents:
    """Each case's plan and documents, written once. A plan and the plain documents (which every test compares
    with) once per run for all the xdist workers (``made_once``); a hostile document, which one test reads, where
    that test runs."""

    def __init__(self, factory: pytest.TempPathFactory):
        self.factory = factory
        self.base = factory.mktemp("loi-van")

    @functools.cache  # noqa: B019 (one instance per module run, which the cache may keep alive)
    def plan(self, case: str) -> Path:
        text = PLAIN if case == "plain" else HOSTILE[case]
        return made_once(self.factory, f"people-text-{case}", lambda folder: plan_with(folder, text)) / "plan"

    @functools.cache  # noqa: B019
    def written(self, case: str, document: str, fmt: str) -> Written:
        if case == "plain":
            name = f"people-text-plain-{document}-{fmt}"
            folder = made_once(self.factory, name, lambda folder: self._write(case, document, fmt, folder))
        else:
            folder = self.base / case / document / fmt
            folder.mkdir(parents=True)
            self._write(case, document, fmt, folder)
        return Written((folder / "stdout").read_text(encoding="utf-8"), (folder / f"document.{fmt}").read_bytes())

    def _write(self, case: str, document: str, fmt: str, folder: Path) -> None:
        args = ["report", "--plan", self.plan(case), "--year", "2025", "--date", "2025-11-10", *DOCUMENTS[document]]
        stdout = invoke([*args, "--format", fmt], 0).stdout if fmt == "md" else ""
        (folder / "stdout").write_text(stdout, encoding="utf-8")
        invoke([*args, "--format", fmt, "-o", folder / f"document.{fmt}"], 0)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Documents:
    return Documents(tmp_path_factory)


def assert_no_control(text: str, where: str = "") -> None:
    found = sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(text)})
    assert not found, f"control characters in {where or 'the output'}: {found}"


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# What a line of text is made of in Markdown; any other inline token (emphasis, link, code, HTML) is structure.
TEXT_TOKENS = {"text", "softbreak", "hardbreak"}


def markdown_shape(text: str) -> list[object]:
    """The structure of a Markdown document: its block tokens, and the inline structure within each line."""
    shape: list[object] = []
    for token in MD.parse(text):
        if token.type == "inline":
            shape.append([child.type for child in token.children or [] if child.type not in TEXT_TOKENS])
        else:
            shape.append((token.type, token.tag, token.level))
    return shape


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, *(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.events.append(("decl", decl))

    def handle_pi(self, data: str) -> None:
        self.events.append(("pi", data))


def html_shape(text: str) -> list[tuple[str, ...]]:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.events


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist() if name.endswith((".xml", ".rels"))}


def docx_skeleton(xml: str) -> list[str]:
    """The element tags of document.xml in order, without the text: what Word lays out."""
    return re.findall(r"<(/?[\w:]+)", xml)


CASES = sorted(HOSTILE)


# ------------------------------------------------------------------ the tests


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
@pytest.mark.parametrize("case", CASES)
def test_people_text_creates_no_markdown_structure(case: str, document: str, documents: Documents) -> None:
    hostile, plain = documents.written(case, document, "md"), documents.written("plain", document, "md")
    text = hostile.file.decode("utf-8")
    assert hostile.stdout == text  # stdout and -o write the same document
    assert_no_control(text)
    assert markdown_shape(text) == markdown_shape(plain.file.decode("utf-8"))
    assert text.count(MARK) == SHOWN[document] == plain.file.decode("utf-8").count(PLAIN.split()[0])


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
@pytest.mark.parametrize("case", CASES)
def test_people_text_creates_no_html_structure(case: str, document: str, documents: Documents) -> None:
    hostile, plain = documents.written(case, document, "html"), documents.written("plain", document, "html")
    text = hostile.file.decode("utf-8")
    assert_no_control(text)
    assert html_shape(text) == html_shape(plain.file.decode("utf-8"))
    assert text.count(MARK) == SHOWN[document] == plain.file.decode("utf-8").count(PLAIN.split()[0])


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
@pytest.mark.parametrize("case", CASES)
def test_people_text_creates_no_word_structure(case: str, document: str, documents: Documents) -> None:
    hostile, plain = documents.written(case, document, "docx"), documents.written("plain", document, "docx")
    parts, plain_parts = docx_parts(hostile.file), docx_parts(plain.file)
    for name, xml in parts.items():
        assert_no_control(xml, name)
    body = parts["word/document.xml"]
    assert docx_skeleton(body) == docx_skeleton(plain_parts["word/document.xml"])
    assert body.count(MARK) == SHOWN[document] == plain_parts["word/document.xml"].count(PLAIN.split()[0])


# ------------------------------------------------------------------ the lines as written

REPORT = ["report", "--year", "2025", "--date", "2025-11-10"]


def test_a_heading_in_the_report_block_is_a_line_of_text_in_every_format(example_copy: Path, tmp_path: Path) -> None:
    data = example_copy / "data" / "2025.yaml"
    strength = yaml_quoted("\n\n\u00a0 ## Tiêu đề giả\x1b[31m đỏ\x07  ")
    replace_in(data, "    strengths:\n", f"    strengths:\n      - {strength}\n")
    args = [*REPORT, "--plan", example_copy]
    stdout = invoke(args, 0).stdout
    invoke([*args, "-o", tmp_path / "r.md"], 0)
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == stdout
    assert "- \\## Tiêu đề giả\\[31m đỏ;\n" in stdout
    invoke([*args, "--format", "html", "-o", tmp_path / "r.html"], 0)
    assert '<p class="doan">- ## Tiêu đề giả[31m đỏ;</p>\n' in (tmp_path / "r.html").read_text(encoding="utf-8")
    invoke([*args, "--format", "docx", "-o", tmp_path / "r.docx"], 0)
    assert "Normal | - ## Tiêu đề giả[31m đỏ;" in outline(tmp_path / "r.docx")


def test_line_breaks_of_a_group_summary_are_hard_breaks_each_line_escaped(example_copy: Path) -> None:
    summary = yaml_quoted("Dòng 1  \n\u00a0## dòng 2\u2028\n\n    - dòng 3\\\r\n=== \x1b[1mdòng 4")
    data = example_copy / "data" / "2025.yaml"
    written = data.read_text(encoding="utf-8")
    start = written.index('    "III.4": >-\n')
    data.write_text(f'{written[:start]}    "III.4": {summary}\n{written[written.index("  assessment:") :]}', "utf-8")
    out = invoke([*REPORT, "--plan", example_copy], 0).stdout
    assert "\nDòng 1\\\n\\## dòng 2\\\n\\- dòng 3\\\\\\\n\\=== \\[1mdòng 4\n\n" in out


def test_a_progress_text_is_a_line_of_text_in_the_division_report_and_the_summary(example_copy: Path) -> None:
    text = "\n\u00a0\u00a0### Khó khăn\x1b[2J\x07\n==="
    progress = ["progress", TASK, "--year", "2025", "--unit", UNIT, "--state", "in_progress", "--date", "2025-11-03"]
    invoke([*progress, "--difficulties", text, "--plan", example_copy], 0)
    unit = invoke([*REPORT, "--plan", example_copy, "--unit", UNIT], 0).stdout
    assert "\n## III. KHÓ KHĂN, VƯỚNG MẮC\n\n- \\### Khó khăn\\[2J ===;\n- Nguồn kinh phí" in unit
    internal = invoke([*REPORT, "--plan", example_copy, "--internal"], 0).stdout
    assert "\n- Phòng Kế hoạch - Tài chính (mục III.2.b): ### Khó khăn\\[2J ===;\n" in internal


def test_every_part_of_a_document_holds_document_text() -> None:
    """A part (and so any field a part gains) passes its texts through ``for_document`` when it is made."""
    import dataclasses

    import kh68.outputs.document as d

    parts = [c for c in vars(d).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert len(parts) == 14
    assert [p.__name__ for p in parts if not issubclass(p, d.DocumentPart)] == []
    assert d.Paragraph("a\x1b[31mb\x07\u202e").text == "a[31mb"
    assert d.Items(("x\u2028y\x00", "z")).lines == ("x\ny", "z")
    assert d.Row(("\x9b1 ô",), status="met").cells == ("1 ô",)
    svg = d.Svg("<svg/>")
    assert d.Figure(svg, "chú\x1bthích").svg is svg


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_plan_text_carries_no_control_character_into_any_file(example_copy: Path, tmp_path: Path, fmt: str) -> None:
    """The plan's own words (an indicator's name, shown in the annex, its chart and the body) are held the same way."""
    name = yaml_quoted(f"\n\u00a0## {MARK}\x1b[31m tên\x07\u202e\u2028- giả")
    replace_in(example_copy / "indicators.yaml", "name: Tỷ lệ huy động trẻ em nhà trẻ", f"name: {name}")
    out = tmp_path / f"r.{fmt}"
    invoke([*REPORT, "--plan", example_copy, "--format", fmt, "-o", out], 0)
    texts = docx_parts(out.read_bytes()) if fmt == "docx" else {fmt: out.read_text(encoding="utf-8")}
    for where, text in texts.items():
        assert_no_control(text, where)
    shown = "".join(texts.values())
    # the body (its provisional figure is said there) and the annex; in html also the chart's label, title and caption
    assert shown.count(MARK) == {"md": 2, "html": 5, "docx": 2}[fmt]
    if fmt == "md":
        assert f"| \\## {MARK}\\[31m tên<br>\\- giả |" in shown


def test_a_units_name_with_control_characters_makes_a_form_that_holds_none(example_copy: Path, tmp_path: Path) -> None:
    """Its name goes into the cells and into the workbook's properties (the title Excel shows): both as data."""
    name = yaml_quoted(f"Phòng Giáo dục Trung học {MARK}\x07\x1b[31m")
    replace_in(example_copy / "units.yaml", "    name: Phòng Giáo dục Trung học\n", f"    name: {name}\n")
    args = ["form", "--plan", example_copy, "--year", "2025", "--unit", "phong_gdtrh", "--date", "2025-10-01"]
    invoke([*args, "-o", tmp_path / "out"], 0)
    with zipfile.ZipFile(tmp_path / "out" / "bao-cao-2025-phong-gdtrh.xlsx") as book:
        properties = book.read("docProps/core.xml").decode("utf-8")
    assert_no_control(properties, "docProps/core.xml")  # the cells hold U+FFFD, compared as such when read back
    assert f">Báo cáo năm 2025 — Phòng Giáo dục Trung học {MARK}[31m</dc:title>" in properties
