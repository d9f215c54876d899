"""yaml-tag: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check_fails, line_of, only_problem, replace_in


def test_unsafe_tag_is_rejected_and_not_executed(
    fixture_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = fixture_copy / "units.yaml"
    replace_in(path, "name: Ủy ban nhân dân tỉnh Lâm Đồng", 'name: !!python/object/apply:os.system ["touch marker"]')
    line = only_problem(check_fails(fixture_copy))
    assert line == (
        f"{path.as_posix()}:{line_of(path, '!!python')}:11: lỗi: thẻ YAML "
        "'tag:yaml.org,2002:python/object/apply:os.system' không được phép trong tệp kế hoạch [yaml-tag]"
    )
    assert not (tmp_path / "marker").exists()
    assert not (fixture_copy / "marker").exists()
