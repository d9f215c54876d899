"""kh68.core.safetext: what plan text may not carry on terminals, in Markdown and in XML."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from kh68.core.safetext import (
    excerpt,
    for_document,
    for_terminal,
    for_terminal_keeping_sgr,
    markdown_escape,
    unsafe_characters,
    xml_safe,
)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("bell\x07", "bell\\x07"),
        ("cr\roverwrite", "cr\\x0doverwrite"),
        ("del\x7f", "del\\u007f"),
        ("csi\x9b31m", "csi\\u009b31m"),
        ("rlo\u202eabc\u202c", "rlo\\u202eabc\\u202c"),
        ("iso\u2066x\u2069", "iso\\u2066x\\u2069"),
        ("mark\u200f", "mark\\u200f"),
        ("bom\ufeff", "bom\\ufeff"),
        ("tag\U000e0041", "tag\\udb40\\udc41"),
        ("surrogate\udcff", "surrogate\\udcff"),
        ("Trường Mầm non 1\n\tdòng 2", "Trường Mầm non 1\n\tdòng 2"),
    ],
)
def test_for_terminal_shows_unsafe_characters_as_escapes(raw: str, shown: str) -> None:
    assert for_terminal(raw) == shown


def test_for_terminal_keeps_json_valid_and_equal() -> None:
    value = {"ten": "a\x9b\u202e\U000e0041\x7f\udcff"}
    text = for_terminal(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value


def test_for_terminal_keeping_sgr_lets_only_colours_pass() -> None:
    assert for_terminal_keeping_sgr("\x1b[1;31mđỏ\x1b[0m \x1b]0;t\x07") == "\x1b[1;31mđỏ\x1b[0m \\x1b]0;t\\x07"


def test_unsafe_characters_lists_each_once() -> None:
    assert unsafe_characters("a\u202eb\u202ec\x1b") == ["\\u202e", "\\x1b"]


HOSTILE_MARKDOWN = [
    "# Tiêu đề giả",
    "## Tiêu đề giả",
    "###### Tiêu đề giả",
    "\n\n\u00a0 ## Tiêu đề giả",
    "\u2003\u3000\u202f\t### Tiêu đề giả",
    "Dòng 1\n## Dòng 2",
    "- mục giả\n* mục\n+ mục",
    "1. một\n2) hai",
    "> trích dẫn",
    "dòng\n===",
    "dòng\n---",
    "***",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[bấm vào](https://evil.example) ![ảnh](x.png)",
    "https://evil.example www.evil.example",
    "**đậm** _nghiêng_ ~~gạch~~ `mã`",
    "```\ncode\n```",
    "~~~\ncode",
    "| a | b |\n|---|---|\n| c | d |",
    "&lt;b&gt; &amp;",
    "    thụt lề như mã",
    "$x^2$ và $$y$$",
    "chú thích[^1]\n[^1]: giả",
    "\\*",
    "dòng 1  \ndòng 2\\",
    "<!-- ẩn -->\n<div>khối</div>",
]


@pytest.mark.parametrize("raw", HOSTILE_MARKDOWN)
def test_markdown_escape_creates_no_structure(raw: str) -> None:
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(markdown_escape(raw))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert [c.type for c in tokens[1].children or []] == ["text"]
    assert tokens[1].children[0].content == " ".join(line.strip() for line in raw.splitlines() if line.strip())


MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")


@pytest.mark.parametrize("raw", HOSTILE_MARKDOWN)
def test_markdown_escape_with_hard_breaks_creates_no_structure_even_in_a_list_item(raw: str) -> None:
    """The ``md`` filter's form (``newline="\\\n"``) after the template's ``- ``: one list item of text lines."""
    tokens = MD.parse("- " + markdown_escape(raw, newline="\\\n") + "\n")
    assert [t.type for t in tokens] == [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ]
    assert {c.type for c in tokens[3].children or []} <= {"text", "hardbreak"}
    shown = "".join(c.content if c.type == "text" else "\n" for c in tokens[3].children or [])
    assert shown == "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def test_markdown_escape_drops_trailing_spaces_and_controls() -> None:
    assert markdown_escape("dòng  ") == "dòng"
    assert markdown_escape("a  \nb \x1b[31mđỏ\x07", newline="\\\n") == "a\\\nb \\[31mđỏ"
    assert markdown_escape("\x07## x\u2028\u202e- y") == "\\## x \\- y"


def test_markdown_escape_in_a_table_cell_stays_in_the_cell() -> None:
    cell = markdown_escape("a | b\n# c", newline="<br>")
    assert cell == "a \\| b<br>\\# c"
    html = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(f"| x |\n|---|\n| {cell} |\n")
    assert html.count("<td>") == 1


def test_markdown_escape_breaks_mentions_and_autolinks() -> None:
    assert markdown_escape("@admin a@b.vn http://x.vn www.y.vn") == "@\u200badmin a@\u200bb.vn http\\://x.vn www\\.y.vn"


def test_markdown_escape_leaves_plain_vietnamese_and_numbers_alone() -> None:
    assert markdown_escape("Tỷ lệ 99,5% (năm 2025), mục III.1.a: đạt") == "Tỷ lệ 99,5% (năm 2025), mục III.1.a: đạt"


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("a\x1b[31mb\x1b[0m\x07", "a[31mb[0m"),
        ("\x00\x01\x08\x0e\x1f\x7f\x80\x84\x86\x9b\x9f.", "."),
        ("rlo\u202eabc\u202c \u2066x\u2069 \u200e\u200f\u061c.", "rloabc x ."),
        ("bom\ufeff tag\U000e0041 \ufffe\uffff \udcff \ufff9.", "bom tag   ."),
        ("1\r\n2\r3\v4\f5\x1c6\x1d7\x1e8\x859\u2028a\u2029b", "1\n2\n3\n4\n5\n6\n7\n8\n9\na\nb"),
        ("Trường Mầm non 1\n\tdòng 2 \u00a0\u3000 @ 🙂", "Trường Mầm non 1\n\tdòng 2 \u00a0\u3000 @ 🙂"),
        # a hostile-input probe: characters that show nothing reached the reports
        ("a\u200bb\u00adc\u2060d\ufe0fe\ufffcf\U000e0100g\ue000h", "abcdefgh"),
    ],
)
def test_for_document_removes_controls_and_makes_line_breaks_newlines(raw: str, written: str) -> None:
    assert for_document(raw) == written


def test_for_document_keeps_every_character_but_what_a_terminal_escapes_and_xml_cannot_hold() -> None:
    # The Basic Multilingual Plane, the next two, the tags' plane and the last code points.
    every = "".join(map(chr, [*range(0x30000), *range(0xE0000, 0xE1000), *range(0x10FF00, 0x110000)]))
    written = for_document(every)
    escaped_on_a_terminal = set(every) - set(for_terminal(every))  # the escapes are ASCII, already in every
    assert len(escaped_on_a_terminal) > 2000
    assert set(every) - set(written) == escaped_on_a_terminal | {"\u200b"}  # kh68's own Markdown writes U+200B
    assert xml_safe(written) == written


def test_xml_safe_replaces_what_xml_cannot_hold() -> None:
    assert xml_safe("a\x00b\x0bc\x1bd\udcffe\ufffef\tg\nh") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\tg\nh"
    assert xml_safe("Trường 🙂") == "Trường 🙂"


def test_excerpt_is_short_one_line_and_safe() -> None:
    assert excerpt("9" * 500) == "'" + "9" * 40 + "…' (500 ký tự)"
    assert excerpt("a\nb\x1b") == "'a\\nb\\x1b'"
    assert excerpt("ngắn", limit=10) == "'ngắn'"


def test_an_excerpt_keeps_the_commas_of_the_text() -> None:
    assert excerpt("1,5; 2,5" + "x" * 2000) == "'1,5; 2,5" + "x" * 32 + "…' (2.008 ký tự)"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # a second hostile-input probe: a unit's name with a line break printed a GitHub Actions command of its own
        ("Trường A\n    ::error file=README.md,line=1::Kế hoạch đã bị hủy", "Trường A\n    :\u200b:error file="),
        ("không có đơn vị '##[error]x'", "không có đơn vị '#\u200b#[error]x'"),
        ("::error file=plan.yaml,line=3::kh68's own", "::error file=plan.yaml,line=3::kh68's own"),
        ("tỷ lệ 1:2 :: trong câu", "tỷ lệ 1:2 :: trong câu"),
    ],
)
def test_plan_text_starts_no_workflow_command_on_a_line_of_its_own(text: str, shown: str) -> None:
    assert for_terminal(text).startswith(shown)
