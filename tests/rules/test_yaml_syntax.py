"""yaml-syntax: see ``kh68.reading.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_invalid_yaml_syntax(plan_copy: Path) -> None:
    path = plan_copy / "tasks.yaml"
    replace_in(path, "title: Tổ chức khen thưởng, tôn vinh kịp thời", "title: [Tổ chức khen thưởng, tôn vinh kịp thời")
    opened = line_of(path, "title: [Tổ chức")
    line = only_problem(check_fails(plan_copy))
    # libyaml notices the problem on the next line; the message names the line of the '['.
    assert line == (
        f"{path.as_posix()}:{opened + 1}:13: lỗi: YAML không hợp lệ: "
        f"thiếu dấu ',' hoặc ']' (danh sách '[' mở ở dòng {opened} chưa đóng?) [yaml-syntax]"
    )


def test_truncated_file(plan_copy: Path) -> None:
    path = plan_copy / "units.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text.index("short_names: [Phòng GDTH") + len("short_names: [Phòng GDTH")
    path.write_text(text[:cut], encoding="utf-8")
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(f"{path.as_posix()}:{text[:cut].count(chr(10)) + 2}:1: lỗi: YAML không hợp lệ:")
    assert "chưa đóng" in line
