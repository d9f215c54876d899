"""The batch API of ``kh68.entry.edits``: all or nothing, exact text, alias-aware units, minimal edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import invoke, replace_in
from kh68.core.errors import PlanInvalid, UsageError
from kh68.entry.edits import Conflict, ProgressEdit, ValueEdit, apply_edits
from kh68.kinds.verdict import TaskState
from kh68.lint.check import load_plan


def _bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _changed_lines(before: bytes, after: bytes) -> list[tuple[str, str]]:
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    import difflib

    diff = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [("".join(old[i1:i2]), "".join(new[j1:j2])) for tag, i1, i2, j1, j2 in diff.get_opcodes() if tag != "equal"]


def test_a_batch_writes_each_file_once_changing_only_its_lines(example_copy: Path) -> None:
    plan = load_plan(example_copy)
    before = _bytes(example_copy)
    edits = [
        ValueEdit("6.4", 2025, value="0,0000001"),
        ValueEdit("6.2", 2025, numerator="1200", denominator="3600", unit="xa_mh_07"),
        ValueEdit("6.2", 2025, numerator="15", denominator="20", unit="Xã minh họa 01"),
        ProgressEdit("III.1.a", 2024, "phong_tchc", TaskState.DONE, results="Xong (minh họa)."),
    ]
    result = apply_edits(plan, edits, force=True)
    assert result.conflicts == ()
    assert [(f.path.name, f.changed, f.created) for f in result.files] == [
        ("2024.yaml", True, False),
        ("2025.yaml", True, False),
    ]
    after = _bytes(example_copy)
    assert _changed_lines(before["data/2025.yaml"], after["data/2025.yaml"]) == [
        (
            "      xa_mh_01: {numerator: 1768, denominator: 5200}\n",
            "      xa_mh_01: {numerator: 15, denominator: 20}\n",
        ),
        (
            "      xa_mh_07: {numerator: 1188, denominator: 3600}\n",
            "      xa_mh_07: {numerator: 1200, denominator: 3600}\n",
        ),
        ("    value: 99,55\n", "    value: 0,0000001\n"),
    ]
    assert {k for k in before if before[k] != after[k]} == {"data/2024.yaml", "data/2025.yaml"}
    invoke(["check", example_copy], 0)


def test_new_keys_are_inserted_after_the_last_sibling_in_its_indentation(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("\n  ", "\n    ").replace("\n      ", "\n        "), encoding="utf-8")
    before = path.read_bytes()
    plan = load_plan(example_copy)
    edits = [
        ValueEdit("6.4", 2025, numerator="5", denominator="10", unit="xa_mh_03"),
        ValueEdit("6.4", 2025, note="ghi chú: có dấu hai chấm"),
        ValueEdit("6.8", 2025, value="12"),
    ]
    apply_edits(plan, edits, force=True)
    assert _changed_lines(before, path.read_bytes()) == [
        (
            "",
            (
                "        by_unit:\n"
                "            xa_mh_03:\n"
                "                numerator: 5\n"
                "                denominator: 10\n"
                '        note: "ghi chú: có dấu hai chấm"\n'
            ),
        ),
        ("", '    "6.8":\n        value: 12\n'),
    ]
    invoke(["check", example_copy], 0)


def test_a_conflict_anywhere_in_the_batch_writes_nothing(example_copy: Path) -> None:
    plan = load_plan(example_copy)
    before = _bytes(example_copy)
    ok = ValueEdit("6.8", 2025, value="12")
    clash = ValueEdit("6.4", 2025, value="99,6")
    result = apply_edits(plan, [ok, clash])
    assert result.conflicts == (Conflict(clash, "chỉ tiêu 6.4 năm 2025", "value", "99,55", "99,6"),)
    assert result.conflicts[0].message == (
        "chỉ tiêu 6.4 năm 2025 đã có value = 99,55; dùng --force để ghi đè bằng 99,6"
    )
    assert not result.written
    assert _bytes(example_copy) == before


def test_an_invalid_value_anywhere_in_the_batch_writes_nothing(example_copy: Path) -> None:
    plan = load_plan(example_copy)
    before = _bytes(example_copy)
    edits = [ValueEdit("6.8", 2024, value="12"), ValueEdit("6.4", 2025, value="9 5")]
    with pytest.raises(PlanInvalid) as caught:
        apply_edits(plan, edits, force=True)
    assert [p.message for p in caught.value.problems] == ["value: '9 5' không phải là số (dùng dạng 99,5 hoặc 99.5)"]
    assert _bytes(example_copy) == before


def test_an_edit_needs_exactly_one_form_of_value(example_copy: Path) -> None:
    plan = load_plan(example_copy)
    with pytest.raises(UsageError, match="cần đúng một trong"):
        apply_edits(plan, [ValueEdit("6.4", 2025, value="1", met=True)])


def test_record_finds_an_entry_written_under_a_unit_alias(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "      xa_mh_07: {numerator: 1188", "      Xã minh họa 07: {numerator: 1188")
    invoke(["check", example_copy], 0)
    before = path.read_bytes()
    args = ["record", "6.2", "--year", "2025", "--by", "xa_mh_07", "--numerator", "1200", "--denominator", "3600"]
    result = invoke([*args, "--plan", example_copy], 1)
    assert result.output == (
        "kh68: lỗi: chỉ tiêu 6.2 năm 2025 của xa_mh_07 đã có numerator = 1.188; dùng --force để ghi đè bằng 1.200\n"
    )
    assert path.read_bytes() == before
    invoke([*args, "--plan", example_copy, "--force"], 0)
    assert _changed_lines(before, path.read_bytes()) == [
        (
            "      Xã minh họa 07: {numerator: 1188, denominator: 3600}\n",
            "      Xã minh họa 07: {numerator: 1200, denominator: 3600}\n",
        )
    ]


def test_progress_finds_an_entry_written_under_a_unit_alias(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  III.1.a:\n    phong_tchc:", "  III.1.a:\n    Phòng TCHC:", 1), encoding="utf-8")
    invoke(["check", example_copy], 0)
    before = path.read_bytes()
    args = ["progress", "III.1.a", "--year", "2025", "--unit", "phong_tchc", "--state", "done"]
    result = invoke([*args, "--plan", example_copy], 1)
    assert "đã có state = ongoing; dùng --force" in result.output
    invoke([*args, "--plan", example_copy, "--force"], 0)
    assert _changed_lines(before, path.read_bytes()) == [("      state: ongoing\n", "      state: done\n")]


def test_markers_mixed_line_ends_and_block_scalars_elsewhere_stay_byte_for_byte(example_copy: Path) -> None:
    path = example_copy / "data" / "2024.yaml"
    body = (
        "---\r\n"
        "year: 2024\n"
        "synthetic: true\r\n"
        "indicators:\n"
        '   "6.4":\r\n'
        "      value: 98,1\n"
        "      note: |\n"
        "         dòng một\r\n"
        "         dòng hai\n"
        '   "6.3":\n'
        "      value: 90\r\n"
        "...\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    plan = load_plan(example_copy)
    apply_edits(plan, [ValueEdit("6.4", 2024, value="98,2"), ValueEdit("6.3", 2024, note="mới")], force=True)
    expected = body.replace("      value: 98,1\n", "      value: 98,2\n").replace(
        "      value: 90\r\n", "      value: 90\r\n      note: mới\r\n"
    )
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")
    invoke(["check", example_copy], 0)
