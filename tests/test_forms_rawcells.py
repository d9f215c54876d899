"""A returned form's cells as stored (``kh68.entry.forms.rawcells``): values no spreadsheet program writes are
refused naming the sheet and the cell, before openpyxl reads them; phonetic guides are no part of a value."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from tests.formtools import FORM, make_form, sent, snapshot

from conftest import invoke


def _stored(path: Path, cell: str, xml: str, *, twice: bool = False) -> Path:
    """``cell`` of the indicators sheet (sheet2.xml) stored as ``xml`` (its attributes and content), as a tool
    that writes the file by hand would; ``twice``: and written a second time after it."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet2.xml":
                new = f'<c r="{cell}" {xml}</c>'.encode()
                data, count = re.subn(
                    rf'<c r="{cell}"[^>]*?(?:/>|>.*?</c>)'.encode(), new + (new if twice else b""), data
                )
                assert count == 1
            target.writestr(info, data)
    return path


def _form(example_copy: Path, tmp_path: Path) -> Path:
    from tests.formtools import fill

    return fill(make_form(example_copy, tmp_path / "forms"), sent(4, 11))


@pytest.mark.parametrize(
    ("xml", "said"),
    [
        ('t="n"><v>NaN</v>', "giá trị lưu trong tệp là 'NaN', không phải một số Excel ghi được"),
        ('t="n"><v>0x10</v>', "giá trị lưu trong tệp là '0x10', không phải một số Excel ghi được"),
        ('t="n"><v>1e400</v>', "giá trị lưu trong tệp là '1e400', không phải một số Excel ghi được"),
        ('t="s"><v>99999</v>', "giá trị lưu trong tệp là '99999', chỉ tới một chữ không có trong tệp"),
        ('t="b"><v>2</v>', "giá trị lưu trong tệp là '2', không phải giá trị đúng/sai"),
        ('t="d"><v>hôm qua</v>', "giá trị lưu trong tệp là 'hôm qua', không phải một ngày"),
        ('t="x"><v>1</v>', "kiểu ô 'x' không phải kiểu Excel ghi"),
    ],
)
def test_a_value_no_spreadsheet_writes_is_refused_at_its_cell(
    example_copy: Path, tmp_path: Path, xml: str, said: str
) -> None:
    """A hostile probe: these failed in openpyxl as "(ValueError)", "(IndexError)", or read 1e400 as infinity."""
    form = _stored(_form(example_copy, tmp_path), "G8", xml)
    before = snapshot(example_copy)
    result = invoke(["import", "--plan", example_copy, form], 1)
    assert result.stderr.splitlines() == [
        f"{FORM}: bị từ chối, không ghi gì từ tệp này",
        f"kh68: lỗi: {FORM} › Chỉ tiêu › G8: {said} (tệp đã bị sửa ngoài Excel)",
    ]
    assert snapshot(example_copy) == before


def test_a_cell_written_twice_is_refused(example_copy: Path, tmp_path: Path) -> None:
    """Two ``<c r="G8">`` (5, then 6): openpyxl kept the second in silence."""
    form = _stored(_form(example_copy, tmp_path), "G8", 't="n"><v>5</v>', twice=True)
    assert invoke(["import", "--plan", example_copy, form], 1).stderr.splitlines()[1] == (
        f"kh68: lỗi: {FORM} › Chỉ tiêu › G8: ô được ghi hai lần trong tệp (tệp đã bị sửa ngoài Excel)"
    )


def test_a_phonetic_guide_is_no_part_of_a_value(example_copy: Path, tmp_path: Path) -> None:
    """The reading written over Japanese text (``rPh``) made openpyxl fail with "(TypeError)": the value is its
    text alone."""
    form = _stored(
        _form(example_copy, tmp_path), "G8", 't="inlineStr"><is><t>32,5</t><rPh sb="0" eb="1"><t>9</t></rPh></is>'
    )
    invoke(["import", "--plan", example_copy, form, "--force"], 0)
    assert "    value: 32.5\n" in (example_copy / "data" / "2025.yaml").read_text(encoding="utf-8")
