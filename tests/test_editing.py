"""kh68 record / kh68 progress: round-trip edits, refusals, atomic writes."""

from __future__ import annotations

import os
import shutil
import stat
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLE_PLAN, FIXTURE_PLAN, invoke, replace_in
from kh68.core.errors import InputError
from kh68.core.files import atomic_write

DATA_2025 = Path("data") / "2025.yaml"


def test_record_changes_one_line_and_keeps_comments_byte_for_byte(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    before = path.read_text(encoding="utf-8").splitlines(keepends=True)
    result = invoke(["record", "6.4", "--year", "2025", "--value", "99,7", "--plan", example_copy, "--force"], 0)
    assert result.output == f"Đã ghi chỉ tiêu 6.4 năm 2025 vào {path.as_posix()}.\n"
    after = path.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    assert changed == [("    value: 99,55\n", "    value: 99,7\n")]
    assert len(before) == len(after)
    assert after[1].startswith("# SỐ LIỆU MINH HỌA")


def test_record_refuses_to_overwrite_a_different_value_without_force(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    before = path.read_bytes()
    result = invoke(["record", "6.4", "--year", "2025", "--value", "99.7", "--plan", example_copy], 1)
    assert result.output == ("kh68: lỗi: chỉ tiêu 6.4 năm 2025 đã có value = 99,55; dùng --force để ghi đè bằng 99,7\n")
    assert path.read_bytes() == before


def test_record_writes_into_the_years_yml_file_never_a_yaml_beside_it(example_copy: Path) -> None:
    """The loader reads data/2025.yml: an edit goes into it (it made data/2025.yaml, a second file of the year,
    and wrote over a figure without --force)."""
    yml = (example_copy / DATA_2025).rename(example_copy / "data" / "2025.yml")
    before = yml.read_bytes()
    result = invoke(["record", "6.4", "--year", "2025", "--value", "99.7", "--plan", example_copy], 1)
    assert result.output == ("kh68: lỗi: chỉ tiêu 6.4 năm 2025 đã có value = 99,55; dùng --force để ghi đè bằng 99,7\n")
    assert (yml.read_bytes(), (example_copy / DATA_2025).exists()) == (before, False)
    invoke(["record", "6.4", "--year", "2025", "--value", "99.7", "--plan", example_copy, "--force"], 0)
    assert (yml.read_bytes().count(b"value: 99.7\n"), (example_copy / DATA_2025).exists()) == (1, False)
    assert invoke(["check", example_copy], 0).output.endswith(": 0 lỗi, 1 cảnh báo.\n")


@pytest.mark.parametrize("name", ["2025.YAML", "2025.Yml"])
def test_record_never_writes_a_second_file_of_the_year_beside_one_in_capitals(example_copy: Path, name: str) -> None:
    """data/2025.YAML, which kh68 does not read (warned): record made data/2025.yaml beside it, a second file of the
    year on Linux and the same file on Windows and macOS. Refused, naming it, nothing written."""
    (example_copy / DATA_2025).rename(example_copy / "data" / name)
    before = sorted(p.name for p in (example_copy / "data").iterdir())
    result = invoke(["record", "6.8", "--year", "2025", "--value", "70", "--plan", example_copy], 1)
    assert result.output == (
        f"kh68: lỗi: {(example_copy / 'data').as_posix()} đã có {name} (tên viết khác chữ hoa, chữ thường: kh68 không "
        "đọc) cho cùng kỳ: đổi tên thành 2025.yaml rồi ghi lại; không ghi gì\n"
    )
    assert sorted(p.name for p in (example_copy / "data").iterdir()) == before


def test_record_same_value_in_other_notation_changes_nothing(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    before = path.read_bytes()
    result = invoke(["record", "6.4", "--year", "2025", "--value", "99.55", "--plan", example_copy], 0)
    assert result.output == f"Không thay đổi: chỉ tiêu 6.4 năm 2025 đã có trong {path.as_posix()}.\n"
    assert path.read_bytes() == before


def test_record_creates_a_year_file_with_quoted_id(example_copy: Path) -> None:
    invoke(["record", "6.10", "--year", "2027", "--value", "98,5", "--source", "BC số 5", "--plan", example_copy], 0)
    text = (example_copy / "data" / "2027.yaml").read_text(encoding="utf-8")
    assert text == (
        "# yaml-language-server: $schema=../../schemas/data.schema.json\n"
        "# Số liệu và tiến độ năm 2027 — ghi bằng 'kh68 record' / 'kh68 progress' hoặc sửa tay.\n"
        "# SỐ LIỆU MINH HỌA (không có thật).\n"
        "year: 2027\n"
        "synthetic: true\n"
        "indicators:\n"
        '  "6.10":\n'
        "    value: 98,5\n"
        "    source:\n"
        "      document: BC số 5\n"
    )
    invoke(["check", example_copy], 0)


def test_record_by_unit_with_numerator_and_denominator(example_copy: Path) -> None:
    invoke(
        [
            "record",
            "6.3",
            "--year",
            "2025",
            "--by",
            "Xã minh họa 07",
            "--numerator",
            "1.234",
            "--denominator",
            "1300",
            "--plan",
            example_copy,
        ],
        0,
    )
    text = (example_copy / DATA_2025).read_text(encoding="utf-8")
    assert "    by_unit:\n      xa_mh_07:\n        numerator: 1.234\n        denominator: 1300\n" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--value", "120", "--force"], "tỷ lệ 120% nằm ngoài khoảng 0–100"),
        (["--by", "xa_mh_07", "--numerator", "20", "--denominator", "10", "--force"], "tử số 20 lớn hơn mẫu số 10"),
        (
            ["--by", "xa_mh_07", "--numerator", "0", "--denominator", "0", "--force"],
            "mẫu số phải lớn hơn 0 (denominator)",
        ),
    ],
)
def test_record_refuses_bad_values_and_leaves_the_file(example_copy: Path, args: list[str], message: str) -> None:
    path = example_copy / DATA_2025
    before = path.read_bytes()
    result = invoke(["record", "6.4", "--year", "2025", *args, "--plan", example_copy], 1)
    assert message in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("99,5x", "'99,5x' không phải là số (dùng dạng 99,5 hoặc 99.5)"),
        (
            "12,500",
            (
                "'12,500' đọc được hai cách: 12,5 (dấu phẩy thập phân) hoặc 12500 "
                "(dấu phẩy ngăn cách hàng nghìn kiểu tiếng Anh); hãy viết 12,5 hoặc 12500"
            ),
        ),
    ],
)
def test_record_refuses_a_value_that_is_no_number_naming_the_option(example_copy: Path, value: str, words: str) -> None:
    path = example_copy / DATA_2025
    before = path.read_bytes()
    result = invoke(["record", "6.4", "--year", "2025", "--value", value, "--plan", example_copy], 2)
    assert result.output == f"kh68: lỗi: --value: {words}\n"
    assert path.read_bytes() == before


def test_record_year_outside_the_data_range(example_copy: Path) -> None:
    result = invoke(["record", "6.4", "--year", "2031", "--value", "99", "--plan", example_copy], 2)
    assert result.output == "kh68: lỗi: năm 2031 nằm ngoài thời kỳ kế hoạch và các năm số liệu gốc (2014–2030)\n"
    assert not (example_copy / "data" / "2031.yaml").exists()


def test_record_a_state_where_a_number_is_taken(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    before = path.read_bytes()
    result = invoke(["record", "6.1", "--year", "2025", "--value", "50", "--plan", example_copy], 0)
    assert "Đã ghi" in result.output  # 6.1 is a share of districts: a value is accepted
    path.write_bytes(before)
    result = invoke(["record", "6.2", "--year", "2027", "--by", "xa_mh_07", "--met", "--plan", example_copy], 1)
    assert "chỉ tiêu 6.2 không tính theo tỷ lệ đơn vị đạt chuẩn" in result.output


def test_record_on_a_read_only_file_leaves_it_intact(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        result = invoke(["record", "6.4", "--year", "2025", "--value", "99.9", "--force", "--plan", example_copy], 1)
    finally:
        path.chmod(0o644)
    assert result.output == f"kh68: lỗi: tệp {path.as_posix()} chỉ đọc; không ghi gì\n"
    assert path.read_bytes() == before


def test_atomic_write_failure_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2025.yaml"
    path.write_bytes(b"year: 2025\n")

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError, match=r"không ghi được tệp .*: ổ đĩa đã đầy; tệp cũ giữ nguyên"):
        atomic_write(path, b"year: 2026\n")
    assert path.read_bytes() == b"year: 2025\n"
    assert [p.name for p in tmp_path.iterdir()] == ["2025.yaml"]


def test_atomic_write_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "2025.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    atomic_write(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_progress_records_and_refuses_overwrite(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    args = [
        "progress",
        "III.3.b",
        "--year",
        "2025",
        "--unit",
        "Phòng TCHC",
        "--state",
        "in_progress",
        "--result",
        "Tuyển dụng 12 giáo viên | đợt 1",
        "--date",
        "04/11/2025",
        "--plan",
        example_copy,
    ]
    result = invoke(args, 0)
    assert result.output == f"Đã ghi tiến độ nhiệm vụ III.3.b năm 2025 của Phòng TCHC vào {path.as_posix()}.\n"
    text = path.read_text(encoding="utf-8")
    assert text.endswith(
        "  III.3.b:\n"
        "    phong_tchc:\n"
        "      state: in_progress\n"
        "      date: 2025-11-04\n"
        "      results: Tuyển dụng 12 giáo viên | đợt 1\n"
    )
    before = path.read_bytes()
    result = invoke([*args[:7], "done", *args[8:]], 1)
    assert "đã có state = in_progress; dùng --force để ghi đè bằng done" in result.output
    assert path.read_bytes() == before


def test_record_keeps_crlf_line_ends_and_the_bom(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    original = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + original)
    before = path.read_bytes()
    result = invoke(["record", "6.4", "--year", "2025", "--value", "99.55", "--plan", example_copy], 0)
    assert result.output.startswith("Không thay đổi:")
    assert path.read_bytes() == before
    invoke(["record", "6.4", "--year", "2025", "--value", "99,7", "--force", "--plan", example_copy], 0)
    after = path.read_bytes()
    assert after == before.replace(b"    value: 99,55\r\n", b"    value: 99,7\r\n")


def test_record_force_repairs_a_wrong_value_already_in_the_file(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    replace_in(path, "    value: 95,4\n", "    value: 105,4\n")
    invoke(["check", example_copy], 1)
    result = invoke(["record", "6.3", "--year", "2025", "--value", "95,4", "--force", "--plan", example_copy], 0)
    assert result.output == f"Đã ghi chỉ tiêu 6.3 năm 2025 vào {path.as_posix()}.\n"
    invoke(["check", example_copy], 0)


def test_record_elsewhere_in_a_broken_plan_is_refused(example_copy: Path) -> None:
    replace_in(example_copy / "data" / "2024.yaml", "    value: 55\n", "    value: 155\n")
    before = (example_copy / DATA_2025).read_bytes()
    result = invoke(["record", "6.4", "--year", "2025", "--value", "99.7", "--force", "--plan", example_copy], 1)
    assert "2024.yaml" in result.output
    assert "tỷ lệ 155% nằm ngoài khoảng 0–100" in result.output
    assert (example_copy / DATA_2025).read_bytes() == before


def test_record_into_a_section_of_the_wrong_shape(example_copy: Path) -> None:
    path = example_copy / "data" / "2023.yaml"
    path.write_text("year: 2023\nindicators: []\n", encoding="utf-8")
    result = invoke(["record", "6.4", "--year", "2023", "--value", "99", "--plan", example_copy], 1)
    assert (
        result.output
        == f"kh68: lỗi: {path.as_posix()}: 'indicators' phải là một bảng khóa–giá trị; chạy 'kh68 check'\n"
    )
    assert path.read_text(encoding="utf-8") == "year: 2023\nindicators: []\n"


def test_progress_unknown_state(example_copy: Path) -> None:
    result = invoke(
        ["progress", "III.4", "--year", "2025", "--unit", "phong_tchc", "--state", "finished", "--plan", example_copy],
        2,
    )
    assert "finished" in result.output


def _odd_layout(path: Path, *, empty_value: bool) -> bytes:
    """The 2025 file with a flow mapping, a CRLF line, a deeper indent, document markers (and a key with no value)."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('  "6.4":\n    value: 99,55\n', '  "6.4": {value: 99.55}   # flow\r\n')
    text = text.replace('  "6.7":\n    value: 94,1\n', "  '6.7':\n      value: 94,1\r\n")
    if empty_value:
        text = text.replace('  "6.13":\n    value: 81,2\n', '  "6.13":   # chưa có\n')
    path.write_bytes(("---\n" + text + "...\n").encode("utf-8"))
    return path.read_bytes()


@pytest.mark.parametrize(
    ("args", "old", "new"),
    [
        (
            ["6.4", "--value", "99,6", "--force"],
            b'  "6.4": {value: 99.55}   # flow\r\n',
            b'  "6.4": {value: "99,6"}   # flow\r\n',
        ),
        (
            ["6.4", "--note", "có dấu phẩy, {ngoặc}"],
            b'  "6.4": {value: 99.55}   # flow\r\n',
            '  "6.4": {value: 99.55, note: "có dấu phẩy, {ngoặc}"}   # flow\r\n'.encode(),
        ),
        (
            ["6.13", "--value", "81,2", "--source", "CV số 1, ngày 2"],
            '  "6.13":   # chưa có\n'.encode(),
            # below the key, as every other entry of the file (its comment stays on the key's line)
            '  "6.13":   # chưa có\n    value: 81,2\n    source:\n      document: CV số 1, ngày 2\n'.encode(),
        ),
    ],
    ids=["value-in-flow-mapping", "key-added-to-flow-mapping", "key-with-no-value"],
)
def test_record_into_flow_mappings_and_empty_values_changes_only_that_entry(
    example_copy: Path, args: list[str], old: bytes, new: bytes
) -> None:
    """Not a round trip through ruamel.yaml: markers, CRLF and the other indentation stay as they were."""
    path = example_copy / DATA_2025
    before = _odd_layout(path, empty_value=args[0] == "6.13")
    invoke(["check", example_copy], 1 if args[0] == "6.13" else 0)  # "6.13:" with no value is an error the edit repairs
    invoke(["record", *args[:1], "--year", "2025", *args[1:], "--plan", example_copy], 0)
    assert before.count(old) == 1
    assert path.read_bytes() == before.replace(old, new)
    invoke(["check", example_copy], 0)


def test_progress_replacing_a_folded_block_changes_only_its_lines(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    old = "      results: Tổ chức quán triệt, tuyên truyền kế hoạch đến các phòng, đơn vị, trường học (minh họa).\n"
    block = "      results: >-   # dài\n        Tổ chức quán triệt,\n        tuyên truyền (minh họa).\n\n"
    replace_in(path, old, block)
    before = path.read_bytes()
    args = ["III.1.a", "--year", "2025", "--unit", "phong_tchc", "--state", "ongoing", "--force"]
    invoke(["progress", *args, "--result", "Đã quán triệt xong (minh họa).", "--plan", example_copy], 0)
    new = "      results: Đã quán triệt xong (minh họa).   # dài\n\n"  # the header's comment stays
    assert path.read_bytes() == before.replace(block.encode(), new.encode())


def test_a_new_unit_follows_the_one_line_style_of_its_siblings(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    before = path.read_bytes()
    figures = ["--numerator", "1", "--denominator", "2"]
    invoke(["record", "6.2", "--year", "2025", "--by", "xa_mh_08", *figures, "--plan", example_copy], 0)
    last = b"      xa_mh_07: {numerator: 1188, denominator: 3600}\n"
    assert path.read_bytes() == before.replace(last, last + b"      xa_mh_08: {numerator: 1, denominator: 2}\n")


def test_a_new_breakdown_under_an_indicator_whose_last_entry_is_braced_is_written_in_blocks(
    example_copy: Path,
) -> None:
    path = example_copy / DATA_2025
    figures = ["--numerator", "1", "--denominator", "2"]
    invoke(["record", "6.3", "--year", "2025", "--by", "xa_mh_01", *figures, "--plan", example_copy, "--force"], 0)
    text = path.read_text(encoding="utf-8")
    source = "    source: {document: Báo cáo minh họa số 01/BC-MH, date: 2025-10-30, unit: phong_gdth_gdmn}\n"
    assert (
        f'  "6.3":\n    value: 95,4\n{source}    by_unit:\n      xa_mh_01:\n        numerator: 1\n        denominator: 2\n'
        in text
    )


def _year_file(example_copy: Path, body: str) -> Path:
    path = example_copy / DATA_2025
    path.write_bytes(f"year: 2025\nsynthetic: true\nindicators:\n{body}".encode())
    return path


@pytest.mark.parametrize(
    ("body", "args", "after"),
    [
        (  # the comment on a block scalar's header line stays; the blank lines and comment after it too
            '  "6.1":\n    state: in_progress\n    note: |+ # giữ\n      dòng một\n      dòng hai\n\n\n    # sau\n',
            ["6.1", "--note", "mới", "--force"],
            '  "6.1":\n    state: in_progress\n    note: mới # giữ\n\n\n    # sau\n',
        ),
        (  # an empty value at the very end of a file without a final newline, and a new key after it
            '  "6.4":\n    value:',
            ["6.4", "--value", "95,4", "--source", "x"],
            '  "6.4":\n    value: 95,4\n    source:\n      document: x\n',
        ),
        (  # a key written without a colon inside {...}
            '  "6.3": {value: 1, note}\n',
            ["6.3", "--note", "ghi chú"],
            '  "6.3": {value: 1, note: ghi chú}\n',
        ),
        (
            '  "6.3": {value: 1, source}\n',
            ["6.3", "--source", "VB 1"],
            '  "6.3": {value: 1, source: {document: VB 1}}\n',
        ),
    ],
    ids=["block-header-comment", "empty-value-at-end-of-file", "flow-key-without-colon", "flow-section-without-colon"],
)
def test_record_fills_odd_but_valid_layouts_in_place(
    example_copy: Path, body: str, args: list[str], after: str
) -> None:
    path = _year_file(example_copy, body)
    invoke(["record", args[0], "--year", "2025", *args[1:], "--plan", example_copy], 0)
    assert path.read_text(encoding="utf-8") == f"year: 2025\nsynthetic: true\nindicators:\n{after}"


def test_an_empty_value_of_a_block_key_is_filled_below_it_never_all_on_its_line() -> None:
    """``indicators: {}`` of a new plan (kh68 init) gets its entries as block lines, reviewable one by one in git;
    the key's comment stays on its line. Inside a flow mapping, the entry stays inline."""
    from kh68.entry.datafile import UnitKey
    from kh68.entry.textedit import TextDocument

    same = lambda ref: ref  # noqa: E731
    document = TextDocument(Path("2026.yaml"), "year: 2026\nindicators: {}   # chưa có\ntasks: ~\nx: {a: {}}\n")
    document.set(("indicators", "1"), "value", "55,2", same)
    document.set(("indicators", "1", "source"), "unit", "don_vi", same)
    document.set(("tasks", "2.1", UnitKey("don_vi")), "state", "done", same)
    document.set(("x", "a"), "b", "1", same)
    assert document.text() == (
        "year: 2026\n"
        "indicators:   # chưa có\n"
        '  "1":\n'
        "    value: 55,2\n"
        "    source:\n"
        "      unit: don_vi\n"
        "tasks:\n"
        '  "2.1":\n'
        "    don_vi:\n"
        "      state: done\n"
        "x: {a: {b: 1}}\n"
    )


@pytest.mark.parametrize("flow", [False, True])
@pytest.mark.parametrize(
    "text", ["0", "007", "2140", "99.5", "1.250", "2025-11-04", "done", "in_progress", "x1", "a" * 64, "2025-13-45"]
)
def test_a_value_surely_plain_reads_back_as_itself_as_a_composed_document_says(text: str, flow: bool) -> None:
    """The values a form writes (counts, days, states) skip composing a document to know they may stay plain."""
    from kh68.entry import textedit
    from kh68.reading.source import compose_nodes

    assert textedit._SURELY_PLAIN.fullmatch(text)
    node = compose_nodes(f"{{k: {text}}}\n" if flow else f"k: {text}\n")
    value = node.value[0][1]  # type: ignore[union-attr]
    assert (value.value, value.style or None, value.tag) == (text, None, "tag:yaml.org,2002:str")  # plain
    assert textedit.render_scalar(text, flow=flow) == text


@pytest.mark.parametrize("text", ["null", "Null", "~", ""])
def test_a_null_word_is_never_surely_plain(text: str) -> None:
    from kh68.entry.textedit import render_scalar

    assert render_scalar(text) == f'"{text}"'


@pytest.mark.parametrize("text", ["no", "on", "Yes", "OFF", "True", "n"])
def test_a_word_other_tools_read_as_true_or_false_is_written_quoted(text: str) -> None:
    """A hostile probe: a unit id ``no`` was written plain, the key ``False`` to PyYAML and YAML 1.1 linters."""
    from kh68.entry.textedit import render_scalar

    assert (render_scalar(text), render_scalar(text, is_key=True)) == (f'"{text}"', f'"{text}"')
    assert yaml.safe_load(f"{render_scalar(text, is_key=True)}: {render_scalar(text)}\n") == {text: text}


def test_the_booleans_kh68_writes_stay_plain_as_values_and_are_quoted_as_keys() -> None:
    from kh68.entry.textedit import render_scalar

    assert [render_scalar("true"), render_scalar("false"), render_scalar("true", is_key=True)] == [
        "true",
        "false",
        '"true"',
    ]


def test_a_text_kh68s_reader_would_take_for_a_merge_key_is_written_quoted(example_copy: Path) -> None:
    invoke(["record", "6.3", "--year", "2025", "--note", "<<", "--plan", example_copy], 0)
    assert '    note: "<<"\n' in (example_copy / DATA_2025).read_text(encoding="utf-8")
    invoke(["check", example_copy], 0)


def test_an_edit_of_a_file_that_already_has_errors_names_them_where_they_are_on_disk(example_copy: Path) -> None:
    path = example_copy / DATA_2025
    path.write_text(path.read_text(encoding="utf-8") + "extra_key: 1\n", encoding="utf-8")
    before = path.read_bytes()
    line = before.count(b"\n")
    result = invoke(["record", "6.8", "--year", "2025", "--value", "50", "--plan", example_copy], 1)
    assert result.output.splitlines() == [
        (
            f"{path.as_posix()}:{line}:1: lỗi: khóa không hợp lệ 'extra_key'; các khóa hợp lệ: year, period, "
            "synthetic, indicators, tasks, report, forms [key-unknown]"
        ),
        f"kh68: lỗi: {path.as_posix()} đã có lỗi trước khi ghi (như kh68 check báo): sửa rồi ghi lại; tệp giữ nguyên",
    ]
    assert path.read_bytes() == before


@pytest.mark.parametrize(("typed", "written"), [("98%", "98"), ("98,5 %", "98,5")])
def test_record_reads_a_rate_typed_with_its_percent_sign_as_a_form_does(
    example_copy: Path, typed: str, written: str
) -> None:
    invoke(["record", "6.4", "--year", "2025", "--value", typed, "--force", "--plan", example_copy], 0)
    assert f"value: {written}\n" in (example_copy / DATA_2025).read_text(encoding="utf-8")


def test_record_reads_an_amount_typed_with_its_own_unit_and_refuses_a_percent_sign(tmp_path: Path) -> None:
    plan = Path(shutil.copytree(FIXTURE_PLAN.parent / "sonla-2954", tmp_path / "plan"))
    path = plan / "data" / "2026.yaml"
    args = ["record", "P1.I.1-DT", "--year", "2026", "--force", "--plan", plan, "--value"]
    before = path.read_bytes()
    result = invoke([*args, "11,5%"], 2)
    assert result.output == (
        "kh68: lỗi: --value: '11,5%': chỉ tiêu này tính bằng ha, không phải %; ghi số không kèm %\n"
    )
    assert path.read_bytes() == before
    invoke([*args, "26.120 ha"], 0)
    assert "value: 26.120\n" in path.read_text(encoding="utf-8")


def test_record_refuses_an_amount_typed_with_another_unit_naming_both(tmp_path: Path) -> None:
    """A review: "26.120 tấn" of an indicator in ha was only "không phải là số" by record, where a form named the unit."""
    plan = Path(shutil.copytree(FIXTURE_PLAN.parent / "sonla-2954", tmp_path / "plan"))
    args = ["record", "P1.I.1-DT", "--year", "2026", "--force", "--plan", plan, "--value", "26.120 tấn"]
    assert invoke(args, 2).output == "kh68: lỗi: --value: '26.120 tấn': chỉ tiêu này tính bằng ha, không phải 'tấn'\n"


def test_record_says_a_period_that_has_not_begun(example_copy: Path) -> None:
    """A probe: a figure recorded for 2030 (a year typed wrong, most likely) was written without a word, and status
    and report then left it out."""
    from datetime import date

    from kh68.core.vnformat import format_date

    year = date.today().year + 2
    result = invoke(["record", "6.4", "--year", str(year), "--value", "99", "--plan", example_copy], 0)
    assert result.stderr == (
        f"kh68: cảnh báo: năm {year} bắt đầu ngày 01/01/{year}, sau hôm nay ({format_date(date.today())}): kh68 status "
        "và kh68 report chỉ tính nội dung này từ ngày đó; nếu gõ nhầm năm hay kỳ, ghi lại cho đúng\n"
    )
    assert (
        invoke(["record", "6.4", "--year", "2025", "--value", "99", "--force", "--plan", example_copy], 0).stderr == ""
    )


def test_control_characters_of_peoples_text_are_never_written(example_copy: Path, tmp_path: Path) -> None:
    """A hostile probe: ESC, BEL and U+202E in a CSV's note and in --result were written into data/2025.yaml, which
    check then flagged (text-control-chars). They are left out as they are written, the rest kept."""
    csv = tmp_path / "s.csv"
    csv.write_text('indicator,year,unit,value,note\n6.8,2025,,76,"a\x1b[31mb\x07 \u202eX"\n', encoding="utf-8")
    invoke(["import", "--plan", example_copy, csv, "--force"], 0)
    result = "x\x1b[2J\u202eY\r\nZ"
    args = ["progress", "III.1.a", "--plan", example_copy, "--year", "2025", "--unit", "phong_gdtrh"]
    invoke([*args, "--state", "done", "--result", result, "--force"], 0)
    text = (example_copy / DATA_2025).read_text(encoding="utf-8")
    assert "    note: a[31mb X\n" in text
    assert 'results: "x[2JY\\nZ"' in text
    assert "text-control-chars" not in invoke(["check", example_copy], 0).output


def test_peoples_text_is_written_composed_and_the_same_text_decomposed_is_no_conflict(
    example_copy: Path, tmp_path: Path
) -> None:
    """A hostile probe: "Báo cáo minh họa số 02/BC-MH" typed on a Mac (NFD: its accents apart) was a conflict with
    the same words already written, shown as two identical texts; a CSV's NFD note was written decomposed, and the
    same CSV in NFC then refused."""
    decomposed = unicodedata.normalize("NFD", "Báo cáo minh họa số 02/BC-MH")
    args = ["record", "6.5", "--year", "2025", "--value", "58,8", "--plan", example_copy]
    assert invoke([*args, "--source", decomposed], 0).output.startswith("Không thay đổi: chỉ tiêu 6.5 năm 2025")
    csv = tmp_path / "nfd.csv"
    csv.write_text(
        "indicator,year,unit,value,note\n6.8,2025,,76," + unicodedata.normalize("NFD", "Ghi chú có dấu") + "\n",
        encoding="utf-8-sig",
    )
    invoke(["import", "--plan", example_copy, csv, "--force"], 0)
    assert "    note: Ghi chú có dấu\n" in (example_copy / DATA_2025).read_text(encoding="utf-8")  # composed
    csv.write_text("indicator,year,unit,value,note\n6.8,2025,,76,Ghi chú có dấu\n", encoding="utf-8")
    assert invoke(["import", "--plan", example_copy, csv], 0).output.endswith("không có gì thay đổi.\n")


def test_a_conflict_shows_an_invisible_character_of_the_value(example_copy: Path) -> None:
    """A probe: "đã có results = abc​def; … ghi đè bằng abcdef" read as two same values (a zero-width space)."""
    args = ["progress", "III.1.a", "--plan", example_copy, "--year", "2025", "--unit", "phong_gdtrh", "--state"]
    invoke([*args, "in_progress", "--result", "abcxyz", "--force"], 0)
    replace_in(example_copy / DATA_2025, "results: abcxyz", 'results: "abc\\u200bdef"')  # written by hand
    result = invoke([*args, "in_progress", "--result", "abcdef"], 1)
    assert result.output.endswith("results = abc\\u200bdef; dùng --force để ghi đè bằng abcdef\n")


def test_an_invisible_character_typed_in_peoples_text_is_not_written(example_copy: Path) -> None:
    """A hostile-input probe: a zero-width space reached the reports; typed, it is left out as the reports leave it."""
    args = ["progress", "III.1.a", "--plan", example_copy, "--year", "2025", "--unit", "phong_gdtrh", "--state"]
    invoke([*args, "in_progress", "--result", "abc\u200bdef\u00ad", "--force"], 0)
    assert "      results: abcdef\n" in (example_copy / DATA_2025).read_text(encoding="utf-8")


@pytest.mark.parametrize("written", ["Đang triển khai", "ĐANG TRIỂN KHAI", "in_progress"])
def test_a_state_is_given_by_its_code_or_as_the_form_writes_it(example_copy: Path, written: str) -> None:
    """A new user's probe: `--state "Đang triển khai"` (the form's words) was refused for an English code."""
    args = ["progress", "III.1.a", "--plan", example_copy, "--year", "2025", "--unit", "phong_gdtrh", "--force"]
    invoke([*args, "--state", written], 0)
    assert "      state: in_progress\n" in (example_copy / DATA_2025).read_text(encoding="utf-8")


def test_a_state_neither_way_is_refused_naming_both() -> None:
    result = invoke(
        ["progress", "III.1.a", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", "phong_gdtrh", "--state", "xong"], 2
    )
    assert result.stderr == (
        "kh68: lỗi: giá trị 'xong' của --state không hợp lệ; chọn một trong: not_started (Chưa triển khai); "
        "in_progress (Đang triển khai); done (Hoàn thành); ongoing (Thực hiện thường xuyên)\n"
    )


def test_a_file_whose_lines_end_with_cr_alone_is_refused_untouched(example_copy: Path) -> None:
    """A hostile-input probe: a data file of an old Mac's line ends (CR) passed check, and record wrote its figure at
    the end (under report:) and blamed a line the file did not have."""
    path = example_copy / DATA_2025
    path.write_bytes(b'year: 2025\rsynthetic: true\rindicators:\r  "6.3":\r    value: 95\r')
    before = path.read_bytes()
    result = invoke(["record", "6.8", "--year", "2025", "--value", "50", "--plan", example_copy], 1)
    assert result.stderr == (
        f"kh68: lỗi: {path.as_posix()}: tệp xuống dòng bằng ký tự CR (kiểu máy Mac cũ), kh68 không sửa được mà giữ "
        "nguyên từng byte; mở tệp bằng trình soạn thảo, lưu với kiểu xuống dòng LF hoặc CRLF (Windows) rồi ghi lại; "
        "không ghi gì\n"
    )
    assert path.read_bytes() == before
