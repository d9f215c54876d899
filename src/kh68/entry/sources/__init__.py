"""The sources of figures ``kh68 import`` reads, one module each, registered here: the only list of them.

A new kind of file is a module with a class answering ``Source`` (``suffixes``, ``read``) and one line in
``SOURCES``.
"""

from __future__ import annotations

from pathlib import Path

from kh68.entry.sources.base import Intake, Source
from kh68.entry.sources.csv_file import CsvFile
from kh68.entry.sources.excel_form import ExcelForm

SOURCES: tuple[Source, ...] = (
    ExcelForm(),
    CsvFile(),
)

BY_SUFFIX: dict[str, Source] = {suffix: source for source in SOURCES for suffix in source.suffixes}
SUFFIXES: tuple[str, ...] = tuple(BY_SUFFIX)


def source_for(path: Path) -> Source:
    """The source that reads ``path``, by its suffix; a file of another suffix is tried as the first source (an
    Excel form), which says why it cannot open it."""
    return BY_SUFFIX.get(path.suffix.lower(), SOURCES[0])


__all__ = ["SOURCES", "SUFFIXES", "Intake", "Source", "source_for"]
