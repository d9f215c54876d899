"""The manual's page "Dùng trong CI" (docs/huong-dan/ci.md) shows the snippets that the tests exercise.

``kh68 init`` writes the same ``.pre-commit-config.yaml`` and workflow (the default
local hook, and the hook pinned with ``--hook-repo``/``--hook-rev``); ``test_init.py``
runs the workflow's steps, ``test_init_hooks.py`` the local hook through the real
pre-commit and git (offline) and the workflow through actionlint, ``test_precommit.py``
the pinned hook.
"""

from __future__ import annotations

import re
from pathlib import Path

from kh68.repo.scaffold import scaffold_files

ROOT = Path(__file__).resolve().parents[1]


def readme_ci_blocks() -> list[str]:
    text = (ROOT / "docs" / "huong-dan" / "ci.md").read_text(encoding="utf-8")
    return re.findall(r"^```ya?ml\n(.*?)^```", text, flags=re.M | re.S)


def test_readme_shows_the_snippets_the_tests_exercise():
    # X.Y.Z where kh68 writes its own version, so that a release changes the version in one place only.
    files = scaffold_files(version="X.Y.Z")
    blocks = readme_ci_blocks()
    assert files[".pre-commit-config.yaml"] in blocks
    assert files[".github/workflows/plan.yml"] in blocks
    pinned = scaffold_files("https://git.example.org/so-gd/kh68.git", "v1.2.0")
    assert pinned[".pre-commit-config.yaml"] in blocks
