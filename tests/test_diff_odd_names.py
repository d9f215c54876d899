"""kh68 diff on a history holding file names that are not UTF-8."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE_PLAN, invoke


@pytest.mark.skipif(os.name == "nt", reason="needs byte file names (POSIX)")
@pytest.mark.needs("git")
def test_a_name_that_is_not_utf8_in_a_revision_is_no_traceback(tmp_path: Path) -> None:
    plan = Path(shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan"))
    (plan / "data" / os.fsdecode(b"b\xe1o-c\xe1o.yaml")).write_text("x: 1\n", encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=kh68", "-c", "user.email=kh68@example.invalid", "commit", "-qm", "kế hoạch")
    lines = invoke(["diff", "HEAD", "HEAD", "--plan", plan], 0).output.splitlines()
    assert lines[0].startswith("Thay đổi kế hoạch: HEAD (")
    assert lines[1:] == [
        "Kế hoạch có số liệu minh họa (không có thật).",
        "Không có thay đổi về mục tiêu, chỉ tiêu, nhiệm vụ, đơn vị hay số liệu.",
    ]
