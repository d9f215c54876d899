"""file-stray: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke


def test_a_yaml_file_kh68_does_not_read_is_a_warning(fixture_copy: Path) -> None:
    (fixture_copy / "chi-tieu-moi.yaml").write_text("indicators: []\n", encoding="utf-8")
    out = invoke(["check", fixture_copy], 0).output
    assert out.splitlines()[0] == (
        f"{(fixture_copy / 'chi-tieu-moi.yaml').as_posix()}:1:1: cảnh báo: kh68 không đọc tệp chi-tieu-moi.yaml: "
        "kế hoạch gồm indicators.yaml, plan.yaml, tasks.yaml, units.yaml và data/<năm>.yaml [file-stray]"
    )
    invoke(["check", "--strict", fixture_copy], 1)
