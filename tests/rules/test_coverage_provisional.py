"""coverage-provisional: an aggregated value that not every expected unit reported (a warning; error under --strict)."""

from __future__ import annotations

from pathlib import Path

from conftest import DEMO_PROVISIONAL, EXAMPLE_PLAN, invoke, line_of, replace_in


def test_seven_of_ten_communes_is_provisional() -> None:
    data = (EXAMPLE_PLAN / "data" / "2025.yaml").as_posix()
    line = f"{data}:12:3: {DEMO_PROVISIONAL} (chưa báo cáo: xa_mh_08, xa_mh_09, xa_mh_10) [coverage-provisional]"
    assert invoke(["check", EXAMPLE_PLAN], 0).output.splitlines()[0] == line
    assert invoke(["check", "--strict", EXAMPLE_PLAN], 1).output.splitlines()[0] == line


def test_all_ten_is_complete(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(
        path,
        "      xa_mh_07: {numerator: 1188, denominator: 3600}\n",
        "      xa_mh_07: {numerator: 1188, denominator: 3600}\n"
        "      xa_mh_08: {numerator: 1700, denominator: 5000}\n"
        "      xa_mh_09: {numerator: 700, denominator: 2500}\n"
        "      xa_mh_10: {numerator: 1000, denominator: 3300}\n",
    )
    invoke(["check", "--strict", example_copy], 0)


def test_a_province_value_written_directly_is_not_provisional(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.2":\n    source:', '  "6.2":\n    value: 32,9\n    source:')
    assert line_of(path, "value: 32,9") == 13  # a value written directly: the province's own
    invoke(["check", "--strict", example_copy], 0)
