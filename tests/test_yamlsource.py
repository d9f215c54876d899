"""The positioned, safe YAML reader: ``kh68.reading.source``."""

from __future__ import annotations

import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from conftest import REPO, cpu_time
from kh68.reading.source import NEAR_TOP_WIDTH, SourceError, decode, nodes_near_top, parse_document, read_document

F = Path("f.yaml")


def parse(text: str):
    return parse_document(F, text)


def fails(text: str) -> str:
    with pytest.raises(SourceError) as info:
        parse(text)
    return info.value.problem.parsable()


def test_positions_are_one_based_line_and_column() -> None:
    doc = parse("a: 1\nlist:\n  - x\n  - {k: v}\nnested:\n  deep: text\n")
    assert doc.data == {"a": "1", "list": ["x", {"k": "v"}], "nested": {"deep": "text"}}
    assert doc.position(()) == (1, 1)
    assert doc.position(("a",), key=True) == (1, 1)
    assert doc.position(("a",)) == (1, 4)
    assert doc.position(("list", 0)) == (3, 5)
    assert doc.position(("list", 1)) == (4, 5)
    assert doc.position(("list", 1, "k"), key=True) == (4, 6)
    assert doc.position(("list", 1, "k")) == (4, 9)
    assert doc.position(("nested", "deep"), key=True) == (6, 3)
    assert doc.position(("nested", "deep")) == (6, 9)


@pytest.mark.parametrize("released", [False, True])
def test_a_missing_part_of_a_path_gives_the_nearest_ancestor(released: bool) -> None:
    """Whether the nodes of the first parse are still held or composed again, positions agree."""
    doc = parse("a: 1\nlist:\n  - x\n  - {k: v}\nnested:\n  deep: text\n")
    if released:
        doc.release_nodes()
    assert doc.position(("nested", "missing")) == (6, 3)
    assert doc.position(("nested", "missing"), key=True) == (5, 1)
    assert doc.position(("list", 7, "k")) == (3, 3)
    assert doc.position(("list", 1, "k", "deeper"), key=True) == (4, 6)
    assert doc.position(("list", 0), key=True) == (2, 1)
    assert doc.position(("nowhere",), key=True) == (1, 1)


def test_position_falls_back_to_nearest_ancestor() -> None:
    doc = parse("outer:\n  inner: 1\n")
    assert doc.position(("outer", "inner", "missing")) == (2, 10)
    assert doc.position(("outer", "missing"), key=True) == (1, 1)
    assert doc.position(("outer", "inner"), key=True) == (2, 3)
    assert doc.position(()) == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: 6.10", "6.10"),
        ("id: 6.1", "6.1"),
        ("x: no", "no"),
        ("x: yes", "yes"),
        ("x: on", "on"),
        ("x: off", "off"),
        ("x: 2025-11-05", "2025-11-05"),
        ("x: 0x1F", "0x1F"),
        ("x: 1_000", "1_000"),
        ("x: 012", "012"),
        ("x: .inf", ".inf"),
        ("x: 1e3", "1e3"),
        ("x: 99,5", "99,5"),
        ("x: '~'", "~"),
        ("x: ''", ""),
    ],
)
def test_scalars_stay_the_text_written(text: str, expected: str) -> None:
    assert parse(text).data == {text.split(":")[0]: expected}


@pytest.mark.parametrize("text", ["x:", "x: ~", "x: null", "x: Null"])
def test_plain_nulls_become_none(text: str) -> None:
    assert parse(text).data == {"x": None}


def test_keys_stay_text() -> None:
    assert parse("2025: a\nno: b\n6.10: c\n").data == {"2025": "a", "no": "b", "6.10": "c"}


def test_duplicate_key_names_both_lines() -> None:
    assert fails("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: lỗi: khóa 'a' bị lặp (đã có ở dòng 1) [yaml-duplicate-key]"


def test_duplicate_key_differing_only_in_normalisation() -> None:
    text = unicodedata.normalize("NFC", "tên: 1\n") + unicodedata.normalize("NFD", "tên: 2\n")
    with pytest.raises(SourceError, match="bị lặp"):
        parse_document(F, decode(F, text.encode("utf-8")))


def test_unsafe_tag_is_refused_without_running_anything(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    problem = fails(f'a: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert problem.startswith("f.yaml:1:4: lỗi: thẻ YAML 'tag:yaml.org,2002:python/object/apply:os.system'")
    assert "không được phép" in problem
    assert not marker.exists()


@pytest.mark.parametrize("text", ["a: !custom x\n", "a: !!binary aGk=\n", "a: !!set {x}\n", "a: !!omap [x: 1]\n"])
def test_other_tags_are_refused(text: str) -> None:
    assert "không được phép" in fails(text)


def test_explicit_standard_tags_are_accepted_as_text() -> None:
    assert parse("a: !!str 6.10\nb: !!int 5\n").data == {"a": "6.10", "b": "5"}


def test_alias_is_refused() -> None:
    # libyaml hands back the anchored node itself for an alias, so the problem
    # points at the anchored value (the alias has no node of its own).
    problem = fails("a: &x [1, 2]\nb: *x\n")
    assert problem.startswith("f.yaml:1:4: lỗi: không hỗ trợ anchor/alias YAML")


def test_recursive_alias_is_refused() -> None:
    assert "anchor/alias" in fails("a: &x [*x]\n")


@pytest.mark.parametrize("text", ["? [a, b]\n: 1\n", "? {k: v}\n: 1\nnote: 'R&D'\n"])
def test_complex_key_is_refused(text: str) -> None:
    assert (
        fails(text)
        == "f.yaml:1:3: lỗi: khóa phải là một chuỗi đơn giản (không hỗ trợ khóa phức hợp hay '<<') [yaml-complex-key]"
    )


@pytest.mark.parametrize("mark", ["&", "*", "!", "<<"])
def test_text_with_anchor_characters_in_quotes_reads_the_same(mark: str) -> None:
    # Such a text is read by the thorough builder, any other by the quick one: same data, same positions.
    text = f'a: "x {mark} y"\nlist: [1, ~, "~", {{k: v}}]\nnested:\n  deep: null\n'
    quick = parse(text.replace(mark, "và"))
    thorough = parse(text)
    assert thorough.data == {"a": f"x {mark} y", "list": ["1", None, "~", {"k": "v"}], "nested": {"deep": None}}
    assert quick.data == {**thorough.data, "a": "x và y"}
    paths = [(), ("a",), ("list", 1), ("list", 3, "k"), ("nested", "deep")]
    assert [quick.position(p) for p in paths] == [thorough.position(p) for p in paths]
    assert [quick.position(p, key=True) for p in paths] == [thorough.position(p, key=True) for p in paths]
    assert thorough.position(("list", 3, "k")) == (2, 23)


def test_merge_key_is_refused() -> None:
    assert "'<<'" in fails("base: {x: 1}\nb:\n  <<: {y: 2}\n")


def billion_laughs(levels: int = 10) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_fast_and_small() -> None:
    text = billion_laughs()  # 10**10 strings if expanded
    tracemalloc.start()
    try:
        with cpu_time() as spent, pytest.raises(SourceError, match="anchor/alias"):
            parse(text)
        elapsed = spent()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("text", "prefix", "words"),
    [
        ("a: [x, y\n", "f.yaml:2:1: lỗi: YAML không hợp lệ:", "'[' mở ở dòng 1 chưa đóng"),
        ("a: {x: 1\n", "f.yaml:2:1: lỗi: YAML không hợp lệ:", "'{' mở ở dòng 1 chưa đóng"),
        ('a: "abc\n', "f.yaml:2:1: lỗi: YAML không hợp lệ:", "chuỗi trong dấu nháy mở ở dòng 1 chưa đóng"),
        ("a: b: c\n", "f.yaml:1:5: lỗi: YAML không hợp lệ:", "dấu ':' không hợp lệ"),
        ("a:\n  - x\n - y\n", "f.yaml:3:2: lỗi: YAML không hợp lệ:", "thụt lề"),
        ("a: 1\n- b\n", "f.yaml:2:1: lỗi: YAML không hợp lệ:", "thụt lề"),
        ("a: 1\nb\nc: 2\n", "f.yaml:3:1: lỗi: YAML không hợp lệ:", "thiếu dấu ':'"),
        ("a:\n\tb: 1\n", "f.yaml:2:1: lỗi: YAML không hợp lệ:", "tab"),
        ("a: 1\n---\nb: 2\n", "f.yaml:2:1: lỗi: YAML không hợp lệ:", "một tài liệu YAML"),
        ("a: *x\n", "f.yaml:1:4: lỗi: YAML không hợp lệ:", "alias không được định nghĩa"),
        ("a: @x\n", "f.yaml:1:4: lỗi: YAML không hợp lệ:", "dấu nháy"),
        ('a: "\\q"\n', "f.yaml:1:5: lỗi: YAML không hợp lệ:", "ký tự thoát"),
    ],
)
def test_syntax_errors_are_positioned_and_in_vietnamese(text: str, prefix: str, words: str) -> None:
    problem = fails(text)
    assert problem.startswith(prefix)
    assert words in problem
    assert "did not find" not in problem
    assert "found" not in problem


@pytest.mark.parametrize("text", ["", "\n", "# chỉ có chú thích\n", "---\n"])
def test_empty_file(text: str) -> None:
    assert fails(text) == "f.yaml:1:1: lỗi: tệp rỗng: cần một bảng khóa–giá trị (mapping) [yaml-empty]"


# ------------------------------------------------------------------ encoding


def test_utf8_bom_and_crlf_are_accepted() -> None:
    plain = parse_document(F, decode(F, "a: Ủy ban\nb:\n  - x\n".encode()))
    dos = parse_document(F, decode(F, b"\xef\xbb\xbf" + "a: Ủy ban\r\nb:\r\n  - x\r\n".encode()))
    assert dos.data == plain.data
    paths = [("a",), ("b", 0)]
    assert [dos.position(p) for p in paths] == [plain.position(p) for p in paths] == [(1, 4), (3, 5)]


def test_nfd_text_is_normalised_to_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "tên: Phòng Giáo dục Trung học\n")
    assert nfd.encode() != unicodedata.normalize("NFC", nfd).encode()
    doc = parse_document(F, decode(F, nfd.encode("utf-8")))
    assert doc.data == {"tên": "Phòng Giáo dục Trung học"}
    assert all(unicodedata.is_normalized("NFC", s) for s in (*doc.data, *doc.data.values()))


def test_windows_1258_is_refused_with_position() -> None:
    # Windows-1258 writes Vietnamese as base letters plus combining tone marks.
    raw = unicodedata.normalize("NFD", "a: 1\nb: Phòng Giáo dục\n").encode("cp1258")
    with pytest.raises(SourceError) as info:
        decode(F, raw)
    problem = info.value.problem
    assert (problem.line, problem.column) == (2, 7)
    assert "không phải UTF-8" in problem.message
    assert "Windows-1258" in problem.message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused(codec: str) -> None:
    with pytest.raises(SourceError) as info:
        decode(F, "a: Phòng\n".encode(codec))
    assert (
        info.value.problem.parsable()
        == "f.yaml:1:1: lỗi: tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8 [file-encoding]"
    )


def test_utf32_is_named_as_such() -> None:
    with pytest.raises(SourceError, match="UTF-32"):
        decode(F, "a: 1\n".encode("utf-32"))


def test_character_cut_off_at_the_end_says_truncated() -> None:
    raw = "a: 1\nb: Ủ".encode()[:-1]
    with pytest.raises(SourceError) as info:
        decode(F, raw)
    assert (
        info.value.problem.parsable()
        == "f.yaml:2:4: lỗi: tệp bị cắt cụt: kết thúc giữa chừng một ký tự UTF-8 [file-encoding]"
    )


def test_read_document_shows_display_name(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: [1\n")
    with pytest.raises(SourceError) as info:
        read_document(path, "plan/x.yaml")
    assert info.value.problem.path == "plan/x.yaml"


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="không đọc được tệp"):
        read_document(tmp_path / "nope.yaml")


def test_columns_count_characters_not_bytes() -> None:
    doc = parse("tên: Ủy\nđơn: [Ủy, Bạn]\n")
    assert doc.position(("tên",)) == (1, 6)
    assert doc.position(("đơn", 1)) == (2, 11)
    assert fails("tên: Ủy: b\n").startswith("f.yaml:1:8: lỗi: YAML không hợp lệ: dấu ':'")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\nb: x\x00y\n",
            "f.yaml:2:5: lỗi: tệp chứa ký tự điều khiển U+0000, không được phép trong YAML [yaml-syntax]",
        ),
        (
            "tên: Ủy ban\nb: Phòng x\x07y\n",
            "f.yaml:2:11: lỗi: tệp chứa ký tự điều khiển U+0007, không được phép trong YAML [yaml-syntax]",
        ),
    ],
)
def test_control_characters_are_positioned_on_one_line(text: str, expected: str) -> None:
    assert fails(text) == expected


PLAN_FILES = sorted(
    path
    for plan in [*(REPO / "tests" / "fixtures" / "plans").iterdir(), REPO / "examples" / "plan"]
    if plan.is_dir()
    for path in [*plan.glob("*.yaml"), *plan.glob("data/*.yaml")]
)


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_positions_near_the_top_are_kept_when_the_graph_goes(path: Path) -> None:
    """Every path at most two keys deep (and a miss or a step below one) is positioned after ``release_nodes``
    as before it, and those near the top without composing the text again."""
    doc = read_document(path)
    near = list(nodes_near_top(doc._nodes()))  # type: ignore[arg-type]
    locs = [*near, *((*loc, "không-có") for loc in near[:40]), *((*loc, 0) for loc in near[:40])]
    before = {loc: (doc.position(loc), doc.position(loc, key=True)) for loc in locs}
    doc.release_nodes()
    for loc in near:
        assert (doc.position(loc), doc.position(loc, key=True)) == before[loc]
    assert doc._root is None  # nothing composed again
    assert {loc: (doc.position(loc), doc.position(loc, key=True)) for loc in locs} == before


def test_a_long_list_near_the_top_keeps_only_its_first_entries() -> None:
    text = "units:\n" + "".join(f"  - id: u{i}\n" for i in range(NEAR_TOP_WIDTH + 5))
    doc = parse_document(Path("units.yaml"), text)
    doc.release_nodes()
    assert doc.position(("units", NEAR_TOP_WIDTH - 1)) == (NEAR_TOP_WIDTH + 1, 5)
    assert doc._root is None
    assert doc.position(("units", NEAR_TOP_WIDTH + 4)) == (NEAR_TOP_WIDTH + 6, 5)  # composed again
    assert doc._root is not None
