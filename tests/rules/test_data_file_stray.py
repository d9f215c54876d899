"""data-file-stray: see ``kh68.reading.load.scan_data`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import DEMO_PROVISIONAL, invoke


def check_lines(plan: Path, code: int) -> list[str]:
    return invoke(["check", plan], code).output.splitlines()


def test_files_under_data_that_kh68_does_not_read_are_warnings(example_copy: Path) -> None:
    data = example_copy / "data"
    (data / "2024.YAML").write_bytes((data / "2024.yaml").read_bytes())
    (data / "cu").mkdir()
    (data / "ghi-chu.yaml").write_text("a: 1\n", encoding="utf-8")
    (data / ".gitkeep").write_text("", encoding="utf-8")
    shown = f"{data.as_posix()}"
    lines = [line for line in check_lines(example_copy, 0) if DEMO_PROVISIONAL not in line]
    assert lines[:3] == [
        f"{shown}/2024.YAML:1:1: cảnh báo: đuôi tệp phải viết thường: đổi tên thành 2024.yaml [data-file-stray]",
        (
            f"{shown}/cu:1:1: cảnh báo: kh68 không đọc thư mục con trong data/; số liệu mỗi năm, mỗi kỳ là một tệp "
            "data/<năm>.yaml, data/<kỳ>.yaml [data-file-stray]"
        ),
        (
            f"{shown}/ghi-chu.yaml:1:1: cảnh báo: tên tệp số liệu phải là <năm>.yaml hoặc <kỳ>.yaml (ví dụ 2025.yaml, "
            "2026-11.yaml của tháng 11, 2026-Q3.yaml của quý III, 2026-H1.yaml của 6 tháng đầu năm); "
            "kh68 không đọc ghi-chu.yaml [data-file-stray]"
        ),
    ]
    # and the demo's own provisional 6.2 of 2025
    assert invoke(["check", "--strict", example_copy], 1).output.endswith(": 0 lỗi, 4 cảnh báo.\n")


def test_a_period_file_with_an_upper_case_extension_is_told_its_name(example_copy: Path) -> None:
    data = example_copy / "data"
    (data / "2025-Q1.YAML").write_text("period: 2025-Q1\n", encoding="utf-8")
    lines = [line for line in check_lines(example_copy, 0) if "data-file-stray" in line]
    assert lines == [
        (
            f"{data.as_posix()}/2025-Q1.YAML:1:1: cảnh báo: đuôi tệp phải viết thường: đổi tên thành 2025-Q1.yaml "
            "[data-file-stray]"
        )
    ]
