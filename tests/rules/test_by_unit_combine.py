"""by-unit-combine: a per-unit breakdown is summed (counts, amounts), a ratio of sums (rates) or a share of units
met; a breakdown that can only be combined by a guess is refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import check_fails, invoke, line_of, only_error, replace_in

VALUES = {"xa_mh_01": "1.768", "xa_mh_02": "1.584", "xa_mh_03": "1.209", "xa_mh_04": "2.135"}


def _values_per_unit(plan: Path, unit_of_measure: str) -> Path:
    """Indicator 6.2 in ``unit_of_measure``, its 2025 figures written per unit as values (``1.768`` is 1768)."""
    replace_in(plan / "indicators.yaml", '    name: Tỷ lệ huy động trẻ em nhà trẻ\n    unit: "%"',
               f'    name: Số trẻ em nhà trẻ ra lớp\n    unit: "{unit_of_measure}"')  # fmt: skip
    data = plan / "data" / "2025.yaml"
    text = data.read_text(encoding="utf-8")
    text = re.sub(r"      (xa_mh_0[1-7]): \{numerator: \d+, denominator: \d+\}\n", "", text)
    text = text.replace("    expected_denominator: 41600   # số trẻ trong độ tuổi nhà trẻ của cả tỉnh (minh họa)\n", "")
    rows = "".join(f"      {unit}: {{value: {value}}}\n" for unit, value in VALUES.items())
    data.write_text(text.replace("    by_unit:   # 7 trong 10 xã đã báo cáo: giá trị toàn tỉnh là tạm tính\n",
                                 f"    by_unit:\n{rows}"), encoding="utf-8")  # fmt: skip
    return data


def test_values_of_a_count_are_summed_with_their_coverage(example_copy: Path) -> None:
    _values_per_unit(example_copy, "trẻ")
    args = ["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-06", "--format", "json"]
    row = next(r for r in json.loads(invoke(args, 0).stdout)["indicators"] if r["id"] == "6.2")
    assert (row["value"], row["status"]) == (1768 + 1584 + 1209 + 2135, "provisional")
    assert row["coverage"]["reported"] == list(VALUES)
    assert row["coverage"]["missing"] == [f"xa_mh_{n:02d}" for n in range(5, 11)]


def test_values_of_a_rate_are_refused_not_averaged(example_copy: Path) -> None:
    data = _values_per_unit(example_copy, "%")
    replace_in(data, "{value: 1.768}", "{value: 34}")
    replace_in(data, "{value: 1.584}", "{value: 33}")
    replace_in(data, "{value: 1.209}", "{value: 31}")
    replace_in(data, "{value: 2.135}", "{value: 35}")
    assert only_error(check_fails(example_copy)) == (
        f"{data.as_posix()}:{line_of(data, 'by_unit:')}:5: lỗi: chỉ tiêu 6.2: giá trị (value) của từng đơn vị tính "
        "bằng '%' không cộng được (lấy trung bình các tỷ lệ thì sai): ghi tử số và mẫu số (numerator, denominator) "
        "của từng đơn vị [by-unit-combine]"
    )


def test_values_per_person_are_refused_too(example_copy: Path) -> None:
    data = _values_per_unit(example_copy, "triệu đồng/người")
    assert only_error(check_fails(example_copy)).startswith(
        f"{data.as_posix()}:{line_of(data, 'by_unit:')}:5: lỗi: chỉ tiêu 6.2: giá trị (value) của từng đơn vị tính "
        "bằng 'triệu đồng/người' không cộng được"
    )


def test_entries_of_two_forms_are_refused(example_copy: Path) -> None:
    data = _values_per_unit(example_copy, "trẻ")
    replace_in(data, "{value: 1.768}", "{numerator: 1768, denominator: 5200}")
    assert only_error(check_fails(example_copy)) == (
        f"{data.as_posix()}:{line_of(data, 'by_unit:')}:5: lỗi: chỉ tiêu 6.2: các đơn vị ghi số liệu theo nhiều dạng "
        "(numerator/denominator, value); ghi cùng một dạng để gộp được [by-unit-combine]"
    )


def test_fractions_of_a_rate_combine_without_a_word(example_copy: Path) -> None:
    assert "[by-unit-combine]" not in invoke(["check", example_copy], 0).stdout
