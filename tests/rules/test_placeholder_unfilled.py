"""placeholder-unfilled: a place the skeleton of ``kh68 init`` leaves to fill is reported where it is, until filled."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO, invoke, line_of, replace_in

FIXTURE = REPO / "tests" / "fixtures" / "plans" / "mot-nam"


def _plan(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "plan"))


def test_a_placeholder_left_in_a_plan_file_is_a_warning_on_its_line(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    units = plan / "units.yaml"
    replace_in(units, "name: Đảng ủy xã Minh Họa", 'name: "Đảng ủy <Tên xã>"')
    out = invoke(["check", plan], 0).output
    line = line_of(units, "<Tên xã>")
    warning = "cảnh báo: chưa điền '<Tên xã>': thay bằng nội dung của kế hoạch [placeholder-unfilled]"
    assert out.splitlines() == [f"{units.as_posix()}:{line}:11: {warning}", f"{plan.as_posix()}: 0 lỗi, 1 cảnh báo."]
    invoke(["check", "--strict", plan], 1)


def test_each_placeholder_of_a_file_in_the_order_written(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    meta = plan / "plan.yaml"
    replace_in(meta, "place: Minh Họa", 'place: "<Địa danh>"')
    replace_in(meta, "title: Xây dựng đời sống văn hóa cơ sở năm 2026", 'title: "<Trích yếu> năm 2026"')
    lines = invoke(["check", plan], 0).output.splitlines()
    said = "thay bằng nội dung của kế hoạch [placeholder-unfilled]"
    assert lines == [
        f"{meta.as_posix()}:{line_of(meta, '<Trích yếu>')}:8: cảnh báo: chưa điền '<Trích yếu>': {said}",
        f"{meta.as_posix()}:{line_of(meta, '<Địa danh>')}:8: cảnh báo: chưa điền '<Địa danh>': {said}",
        f"{plan.as_posix()}: 0 lỗi, 2 cảnh báo.",
    ]


def test_angle_brackets_that_are_no_placeholder_are_text(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    tasks = plan / "tasks.yaml"
    replace_in(
        tasks, "text: Tổ chức học sinh ra quân", 'text: "Số vụ < 5, điểm > 8 (<3> lần): Tổ chức học sinh ra quân'
    )
    replace_in(tasks, "giữ gìn vệ sinh trường lớp (minh họa).", 'giữ gìn vệ sinh trường lớp (minh họa)."')
    out = invoke(["check", plan], 0).output
    assert out == f"{plan.as_posix()}: không có lỗi — 2 chỉ tiêu, 3 nhiệm vụ, 6 đơn vị, số liệu 1 năm.\n"


def test_the_skeleton_of_init_is_clean_once_filled(isolated: Path) -> None:
    target = isolated / "moi"
    invoke(["init", "--no-git", str(target)], 0)
    filled = 0
    for path in (target / "plan").glob("*.yaml"):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            value, hash_, comment = ("", "", line) if line.lstrip().startswith("#") else line.partition(" #")
            while found := re.search(r'"[^"\n]*<[^"\n]*>[^"\n]*"', value):  # comments may show examples
                filled += 1
                value = f"{value[: found.start()]}Điền {filled}{value[found.end() :]}"
            lines.append(value + hash_ + comment)
        path.write_text("".join(lines), encoding="utf-8")
    assert filled == 17
    out = invoke(["check", "--strict", target / "plan"], 0).output
    assert out.endswith("/plan: không có lỗi — 0 chỉ tiêu, 1 nhiệm vụ, 3 đơn vị, số liệu 1 năm.\n")
