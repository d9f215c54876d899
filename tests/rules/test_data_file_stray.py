"""data-file-stray: see ``kh68.reading.load.scan_data`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke


def check_lines(plan: Path, code: int) -> list[str]:
    return invoke(["check", plan], code).output.splitlines()


def test_files_under_data_that_kh68_does_not_read_are_warnings(example_copy: Path) -> None:
    data = example_copy / "data"
    (data / "2024.YAML").write_bytes((data / "2024.yaml").read_bytes())
    (data / "cu").mkdir()
    (data / "ghi-chu.yaml").write_text("a: 1\n", encoding="utf-8")
    (data / ".gitkeep").write_text("", encoding="utf-8")
    shown = f"{data.as_posix()}"
    assert check_lines(example_copy, 0)[:3] == [
        f"{shown}/2024.YAML:1:1: cảnh báo: đuôi tệp phải viết thường: đổi tên thành 2024.yaml [data-file-stray]",
        (
            f"{shown}/cu:1:1: cảnh báo: kh68 không đọc thư mục con trong data/; số liệu mỗi năm là một tệp "
            "data/<năm>.yaml [data-file-stray]"
        ),
        (
            f"{shown}/ghi-chu.yaml:1:1: cảnh báo: tên tệp số liệu phải là <năm>.yaml (ví dụ 2025.yaml); "
            "kh68 không đọc ghi-chu.yaml [data-file-stray]"
        ),
    ]
    assert invoke(["check", "--strict", example_copy], 1).output.endswith(": 0 lỗi, 3 cảnh báo.\n")
