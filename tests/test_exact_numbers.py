"""Numbers are stored as given, and ``check`` and ``record`` accept and refuse exactly the same ones.

``record`` reads its number options with the data files' own reader before it writes: a number refused
is a usage error naming the option, in ``check``'s words; a number that breaks a rule of the plan
(a percentage over 100) is refused with ``check``'s file and line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, check_fails, invoke, replace_in
from kh68.entry.textedit import render_scalar

LINE = "    value: 99,55\n"  # indicator 6.4 (a percentage), line 27 of data/2025.yaml

REFUSED = [
    "9 5",
    "９５",  # fullwidth
    "٩٥",  # Arabic-Indic
    "९५",  # Devanagari
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "1e2",
    "0x10",
    "1_000",
    "99,5,1",
    "1.234.5",
    ",5",
    "5,",
    "",
    "1" * 300,
    "0," + "0" * 20 + "1",
    "1234567890123456",  # 16 digits: beyond what a float compares exactly
    "100,0000001",  # just over 100%
    "-0,0000001",
    "12\u00a05",
    "7.080",
    "-7.080",
    # two readings, or English grouping: never a guess (tests/test_numbers_everywhere.py has the words)
    "12,500",
    "99,500",
    "1,234",
    "1,234,567",
    "1,234.5",
]
# numbers, but not percentages: refused by a rule of the plan (7.080 is 7080)
OUT_OF_RANGE = ["100,0000001", "-0,0000001", "7.080", "-7.080"]
ACCEPTED = ["0,0000001", "99.5", "99,5", "100", "0", "+5", "99,999999999999", "000100", "55"]
ACCEPTED += ["7.08", "0.125", "0,125", "7,1250", "7.1250", "99.50", "099,5"]  # one reading only


def _problems(output: str) -> list[str]:
    """The problem lines, with the file path (which differs between the two runs) cut off."""
    lines = output.splitlines()
    return [line.split("/data/", 1)[1] for line in lines if ": lỗi: " in line and not line.startswith("kh68:")]


def _fresh(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(EXAMPLE_PLAN, tmp_path / name))


@pytest.mark.parametrize("text", REFUSED + ACCEPTED)
def test_check_and_record_agree_on_every_number(tmp_path: Path, text: str) -> None:
    by_hand = _fresh(tmp_path, "by_hand")
    data = by_hand / "data" / "2025.yaml"
    written = f"    value: {render_scalar(text)}\n"
    data.write_text(data.read_text(encoding="utf-8").replace(LINE, written), encoding="utf-8")
    checked = invoke(["check", by_hand], 1 if text in REFUSED else 0)

    by_record = _fresh(tmp_path, "by_record")
    target = by_record / "data" / "2025.yaml"
    before = target.read_bytes()
    expected_exit = 0 if text in ACCEPTED else 1 if text in OUT_OF_RANGE else 2
    args = ["record", "6.4", "--year", "2025", "--value", text, "--force", "--plan", by_record]
    recorded = invoke(args, expected_exit)

    if expected_exit == 0:
        assert target.read_bytes() == data.read_bytes()  # stored exactly as typed, as a hand edit would be
        return
    assert target.read_bytes() == before
    if expected_exit == 1:
        assert _problems(recorded.output) == _problems(checked.output)
        assert _problems(checked.output), checked.output
        return
    [problem] = _problems(checked.output)
    words = problem.removeprefix("2025.yaml:27:12: lỗi: value: ").removesuffix(" [schema]")
    assert problem == f"2025.yaml:27:12: lỗi: value: {words} [schema]"
    assert recorded.output == f"kh68: lỗi: --value: {words}\n"  # check's words, naming the option


def test_the_refusals_say_what_is_wrong(tmp_path: Path) -> None:
    root = _fresh(tmp_path, "plan")
    args = ["record", "6.4", "--year", "2025", "--force", "--plan", root]
    outputs = {text: invoke([*args, "--value", text], 2).output for text in ("9 5", "NaN", "1" * 300, "1,234")}
    assert outputs == {
        "9 5": "kh68: lỗi: --value: '9 5' không phải là số (dùng dạng 99,5 hoặc 99.5)\n",
        "NaN": "kh68: lỗi: --value: 'NaN' không phải là số (dùng dạng 99,5 hoặc 99.5)\n",
        "1" * 300: f"kh68: lỗi: --value: '{'1' * 40}…' (300 ký tự) có quá 15 chữ số: "
        "quá lớn hoặc quá dài để so sánh chính xác\n",
        "1,234": "kh68: lỗi: --value: '1,234' đọc được hai cách: 1,234 (dấu phẩy thập phân) hoặc 1234 (dấu phẩy "
        "ngăn cách hàng nghìn kiểu tiếng Anh); hãy viết 1,2340 hoặc 1234\n",
    }
    result = invoke([*args, "--value", "100,0000001"], 1)  # a number, but no percentage: the file's line
    assert _problems(result.output) == [
        "2025.yaml:27:12: lỗi: tỷ lệ 100,0000001% nằm ngoài khoảng 0–100 [percent-range]"
    ]


@pytest.mark.parametrize(
    "args",
    [["check"], ["status", "--plan"], ["report", "--year", "2025", "--plan"], ["export", "--plan"]],
)
def test_a_bad_number_in_a_data_file_is_an_error_everywhere(tmp_path: Path, args: list[str]) -> None:
    root = _fresh(tmp_path, "plan")
    data = root / "data" / "2025.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace(LINE, "    value: ９９,５\n"), encoding="utf-8")
    result = invoke([*args, root], 1)
    assert _problems(result.output) == [
        "2025.yaml:27:12: lỗi: value: '９９,５' không phải là số (dùng dạng 99,5 hoặc 99.5) [schema]"
    ]


def test_counts_are_stored_as_typed_and_checked_as_check_does(tmp_path: Path) -> None:
    root = _fresh(tmp_path, "plan")
    args = ["record", "6.2", "--year", "2025", "--by", "xa_mh_07", "--force", "--plan", root]
    result = invoke([*args, "--numerator", "1 2", "--denominator", "3620"], 2)
    assert result.output == "kh68: lỗi: --numerator: '1 2' không phải là số nguyên không âm\n"
    data = root / "data" / "2025.yaml"
    replace_in(data, "xa_mh_07: {numerator: 1188,", "xa_mh_07: {numerator: 1 2,")
    assert _problems(check_fails(root)) == [
        "2025.yaml:22:29: lỗi: numerator: '1 2' không phải là số nguyên không âm [schema]"
    ]
    replace_in(data, "xa_mh_07: {numerator: 1 2,", "xa_mh_07: {numerator: 1188,")
    invoke([*args, "--numerator", "1.200", "--denominator", "3 620"], 0)
    text = (root / "data" / "2025.yaml").read_text(encoding="utf-8")
    assert "      xa_mh_07: {numerator: 1.200, denominator: 3 620}\n" in text
