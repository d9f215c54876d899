"""The formats ``kh68 report`` writes, one table: Markdown, HTML, Word, PDF.

A renderer is a unit: it turns a ``StateDocument`` into bytes, says whether it needs an
output file (binary), whether it takes a Jinja template (``--template``) or a reference
Word file (``--reference-docx``). Its libraries (jinja2, python-docx, LibreOffice) are
imported only when it runs. A new format is one function and one row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kh68.outputs.document import StateDocument


@dataclass(frozen=True)
class Options:
    template: Path | None = None  # another Jinja template (text formats)
    reference: Path | None = None  # the office's Word file for styles (Word, PDF)


@dataclass(frozen=True)
class Renderer:
    name: str  # how messages name the format: "Word"
    binary: bool  # needs ``-o`` (cannot go to the terminal)
    templated: bool  # takes ``--template``
    styled: bool  # takes ``--reference-docx``
    render: Callable[[StateDocument, Options], bytes]
    note: str = ""  # for the help: what it needs


def _text(fmt: str) -> Callable[[StateDocument, Options], bytes]:
    def render(document: StateDocument, options: Options) -> bytes:
        from kh68.outputs.render import render as render_text

        return render_text(document.template_vars(), fmt, options.template).encode("utf-8")

    return render


def _docx(document: StateDocument, options: Options) -> bytes:
    from kh68.outputs.word import docx_bytes

    return docx_bytes(document, options.reference)


def _pdf(document: StateDocument, options: Options) -> bytes:
    from kh68.outputs.pdf import pdf_from_docx

    return pdf_from_docx(_docx(document, options), made=document.made)


RENDERERS: dict[str, Renderer] = {
    "md": Renderer("Markdown", binary=False, templated=True, styled=False, render=_text("md")),
    "html": Renderer("HTML", binary=False, templated=True, styled=False, render=_text("html")),
    "docx": Renderer("Word", binary=True, templated=False, styled=True, render=_docx),
    "pdf": Renderer("PDF", binary=True, templated=False, styled=True, render=_pdf, note="cần LibreOffice"),
}
