"""Small messages in Vietnamese, with hints: a missing plan folder says how to name or make one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import invoke

HINT = (
    "Gợi ý: chỉ thư mục kế hoạch bằng --plan <thư mục> hoặc biến môi trường KH68_PLAN; "
    "chưa có kế hoạch thì tạo một kế hoạch mới bằng kh68 init <thư mục>.\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["check"],
        ["export"],
        ["report", "--year", "2025"],
        ["record", "1", "--year", "2025", "--value", "1"],
        ["form", "--year", "2025", "-o", "bieu-mau"],
    ],
    ids=lambda args: args[0],
)
def test_no_plan_folder_says_how_to_name_or_make_one(tmp_path: Path, monkeypatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KH68_PLAN", raising=False)
    result = invoke(args, 2)
    assert result.stdout == ""
    assert result.stderr == "kh68: lỗi: không có thư mục kế hoạch 'plan'\n" + HINT
    assert list(tmp_path.iterdir()) == []


def test_the_plan_folder_named_and_not_there(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co"
    assert (
        invoke(["status", "--plan", missing], 2).stderr == f"kh68: lỗi: không có thư mục kế hoạch '{missing}'\n" + HINT
    )
    assert invoke(["check", missing], 2).stderr == f"kh68: lỗi: không có thư mục kế hoạch '{missing}'\n" + HINT


def test_a_plan_folder_that_is_something_else_gets_no_such_hint(tmp_path: Path) -> None:
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    assert invoke(["check", tmp_path / "tep"], 2).stderr == (
        f"kh68: lỗi: '{tmp_path / 'tep'}' là một tệp, không phải thư mục kế hoạch\n"
    )
    if os.name == "posix":
        (tmp_path / "lien-ket").symlink_to(tmp_path / "da-chuyen")
        assert invoke(["check", tmp_path / "lien-ket"], 2).stderr == (
            f"kh68: lỗi: không có thư mục kế hoạch '{tmp_path / 'lien-ket'}': liên kết tượng trưng (symlink) "
            f"trỏ tới nơi không có ({tmp_path / 'da-chuyen'})\n"
        )


def test_init_from_a_missing_plan_says_it_of_from(tmp_path: Path) -> None:
    result = invoke(["init", "--no-git", "--from", tmp_path / "khong-co", tmp_path / "moi"], 2)
    assert result.output == f"kh68: lỗi: --from: không có thư mục kế hoạch '{(tmp_path / 'khong-co').as_posix()}'\n"
