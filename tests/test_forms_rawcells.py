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
        ('t="n"><v>３０</v>', "giá trị lưu trong tệp là '３０', không phải một số Excel ghi được"),  # Python reads 30
        ('t="n"><v>1e-400</v>', "giá trị lưu trong tệp là '1e-400', không phải một số Excel ghi được"),  # reads 0
        ('t="n"><v> 30 </v>', "giá trị lưu trong tệp là ' 30 ', không phải một số Excel ghi được"),
        ('t="s"><v>٥</v>', "giá trị lưu trong tệp là '٥', chỉ tới một chữ không có trong tệp"),
        ('t="d"><v>2025-02-30</v>', "giá trị lưu trong tệp là '2025-02-30', không phải một ngày"),
        ('t="d"><v>P1D</v>', "giá trị lưu trong tệp là 'P1D', không phải một ngày"),
        ('t="inlineStr"><is><t>1</t><t>20</t></is>', "chữ trong ô được ghi thành hai phần rời"),
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


def test_a_cells_name_no_spreadsheet_writes_is_refused(example_copy: Path, tmp_path: Path) -> None:
    """ "g8", "G0008": openpyxl read them as G8."""
    form = _stored(_form(example_copy, tmp_path), "G8", 't="n"><v>5</v>')
    with zipfile.ZipFile(form) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            target.writestr(info, data.replace(b'<c r="G8" ', b'<c r="g8" ') if "sheet2" in info.filename else data)
    assert invoke(["import", "--plan", example_copy, form], 1).stderr.splitlines()[1] == (
        f"kh68: lỗi: {FORM} › Chỉ tiêu › g8: tên ô 'g8' không phải tên ô Excel ghi (tệp đã bị sửa ngoài Excel)"
    )


def test_the_shared_strings_are_found_where_the_workbook_says() -> None:
    """A review: the shared strings were looked for at xl/sharedStrings.xml only; a workbook may name another part."""
    from kh68.entry.forms.rawcells import stored_value_problems

    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        b'Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="/xl/strings.xml"/></Relationships>'
    )
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    book = (
        b"<workbook " + main + b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<sheets><sheet name="Trang" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    contents = {
        "xl/workbook.xml": book,
        "xl/_rels/workbook.xml.rels": rels,
        "xl/strings.xml": b"<sst " + main + b"><si><t>a</t></si><si><t>b</t></si></sst>",
        "xl/worksheets/sheet1.xml": b"<worksheet " + main + b'><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c>'
        b'<c r="B1" t="s"><v>2</v></c></row></sheetData></worksheet>',
    }
    assert stored_value_problems(contents) == [
        "Trang › B1: giá trị lưu trong tệp là '2', chỉ tới một chữ không có trong tệp (tệp đã bị sửa ngoài Excel)"
    ]
