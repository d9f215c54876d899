"""file-unreadable: a data file that cannot be read (here: a directory named like one)."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, only_problem


def test_a_directory_named_like_a_data_file(example_copy: Path) -> None:
    (example_copy / "data" / "2027.yaml").mkdir()
    assert only_problem(check_fails(example_copy)) == (
        f"{example_copy.as_posix()}/data/2027.yaml:1:1: lỗi: không đọc được tệp: "
        "đường dẫn là một thư mục, không phải tệp thông thường [file-unreadable]"
    )
