"""The documentation cannot drift: every sample, table and reference is what ``make docs`` writes now.

Each sample of README.md and docs/ (``<!-- sample: … -->`` … ``<!-- /sample -->``) is run again,
in-process on a copy of the plan it names, and compared with the committed block; a difference
names the file, the line of the marker and the marker. The pictures are not looked at (they need
LibreOffice and Chromium), but each one must be linked, and each link must point at a picture.
"""

from __future__ import annotations

import difflib
import re
import shutil

import pytest

from conftest import EXAMPLE_PLAN, REPO, invoke
from kh68.cli.docgen import GENERATED_PAGES, documents, samples_of

PAGES = documents()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_sample_is_the_real_output(path) -> None:
    text = path.read_text(encoding="utf-8")
    differ = []
    for found in samples_of(path, text):
        if found.written != found.produced:
            diff = "".join(
                difflib.unified_diff(found.written.splitlines(True), found.produced.splitlines(True), "viết", "thật")
            )
            differ.append(f"{path.relative_to(REPO)}:{found.line}: <!-- sample: {found.spec} -->\n{diff}")
    assert not differ, "chạy make docs để viết lại các kết quả mẫu:\n" + "\n".join(differ)


@pytest.mark.parametrize("name", list(GENERATED_PAGES), ids=str)
def test_the_references_are_what_kh68_says_of_itself(name) -> None:
    path = REPO / name
    assert path.is_file(), f"{name}: chạy make docs"
    assert path.read_text(encoding="utf-8") == GENERATED_PAGES[name](), f"{name}: chạy make docs để viết lại"


def test_the_readme_and_the_manual_have_samples() -> None:
    counts = {p.relative_to(REPO).as_posix(): p.read_text(encoding="utf-8").count("<!-- sample: ") for p in PAGES}
    assert counts["README.md"] >= 5
    assert sum(counts.values()) >= 30, counts


def test_the_readme_fits_on_a_few_screens() -> None:
    assert len((REPO / "README.md").read_text(encoding="utf-8").splitlines()) < 300


def test_every_picture_is_linked_and_every_link_has_its_picture() -> None:
    linked = set()
    for path in [*PAGES, *(REPO / name for name in GENERATED_PAGES)]:
        for target in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", path.read_text(encoding="utf-8")):
            picture = (path.parent / target).resolve()
            assert picture.is_file(), f"{path.relative_to(REPO)}: {target} không có"
            linked.add(picture)
    pictures = {p.resolve() for p in (REPO / "docs").rglob("*") if p.suffix.lower() in (".png", ".jpg", ".svg", ".gif")}
    assert pictures - linked == set(), "ảnh không được trang nào dùng: xóa đi"
    assert len(linked) >= 4


def test_every_relative_link_of_the_manual_reaches_a_file() -> None:
    for path in [*PAGES, *(REPO / name for name in GENERATED_PAGES)]:
        for target in re.findall(r"\]\(([^)\s#]+)(?:#[^)\s]*)?\)", path.read_text(encoding="utf-8")):
            if "://" not in target:
                assert (path.parent / target).exists(), f"{path.relative_to(REPO)}: liên kết {target} không tới tệp nào"


@pytest.mark.parametrize("example", ["so-lieu.csv", "so-lieu-theo-ky.csv"])
def test_the_csv_examples_are_accepted_on_the_demo_they_describe(tmp_path, example) -> None:
    plan = shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan")
    csv = REPO / "docs" / "huong-dan" / "vi-du" / example
    result = invoke(["import", "--plan", plan, csv], 0)
    assert "1 tệp được nhận, 0 tệp bị từ chối; đã ghi" in result.output
    invoke(["check", plan, "--today", "2025-11-06"], 0)
