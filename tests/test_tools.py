"""The probes of tests/tools.py: a program that is there but cannot do the job counts as missing.

Each fake here is a shell script standing where the real program would be (``KH68_SOFFICE``,
PATH); the probes are called uncached (``check``), so the session's own findings are untouched.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools import PROBES, Tool, check

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the fakes are POSIX shell scripts")

# Arguments as LibreOffice takes them: --convert-to FORMAT, --outdir DIR, then the source file.
ARGUMENTS = """
while [ $# -gt 0 ]; do
  case "$1" in
    --convert-to) to=$2; shift ;;
    --outdir) out=$2; shift ;;
    -*) ;;
    *) source=$1 ;;
  esac
  shift
done
name=$(basename "$source")
stem=${name%.*}
mkdir -p "$out"
"""
# LibreOffice installed with Writer only: a .docx becomes a PDF; a spreadsheet is not loaded,
# which it says and still exits 0.
WRITER_ONLY = (
    ARGUMENTS
    + """
case "$source" in
  *.docx) printf '%%PDF-1.4\\n' > "$out/$stem.$to" ;;
  *) echo "Error: source file could not be loaded" ;;
esac
exit 0
"""
)
# A converter that writes a file of the right name holding nothing readable.
JUNK = (
    ARGUMENTS
    + """
echo junk > "$out/$stem.$to"
exit 0
"""
)


def _fake(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / "bin" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return path


def test_a_libreoffice_with_writer_only_is_writer_but_not_calc(tmp_path: Path, monkeypatch) -> None:
    soffice = _fake(tmp_path, "soffice", WRITER_ONLY)
    monkeypatch.setenv("KH68_SOFFICE", str(soffice))
    assert check("writer") == Tool("writer", (str(soffice),))
    assert check("calc") == (
        f"needs LibreOffice Calc (open and re-save a .xlsx): {soffice} did not open and re-save a two-cell .xlsx "
        "(exit 0, 'Error: source file could not be loaded'); install it with: apt-get install libreoffice-calc-nogui"
    )


def test_a_converter_that_writes_junk_is_neither_writer_nor_calc(tmp_path: Path, monkeypatch) -> None:
    soffice = _fake(tmp_path, "soffice", JUNK)
    monkeypatch.setenv("KH68_SOFFICE", str(soffice))
    writer, calc = check("writer"), check("calc")
    assert writer == (
        f"needs LibreOffice Writer (a .docx to PDF): {soffice} did not convert a one-paragraph .docx to PDF "
        "(exit 0, nothing printed); install it with: apt-get install libreoffice-writer-nogui"
    )
    assert isinstance(calc, str)
    assert calc.startswith(f"needs LibreOffice Calc (open and re-save a .xlsx): {soffice} re-saved a .xlsx that ")
    assert calc.endswith("; install it with: apt-get install libreoffice-calc-nogui")


def test_no_libreoffice_at_all(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KH68_SOFFICE", str(tmp_path / "khong-co"))
    assert check("writer") == (
        f"needs LibreOffice Writer (a .docx to PDF): KH68_SOFFICE={str(tmp_path / 'khong-co')!r} is not a file; "
        "install it with: apt-get install libreoffice-writer-nogui"
    )


@pytest.mark.parametrize(
    ("key", "program", "body", "why"),
    [
        ("pdftotext", "pdftotext", "exit 0\n", "did not find the text of a one-page PDF (exit 0, nothing printed)"),
        ("git", "git", "echo 'git: broken' >&2; exit 1\n", "failed in a new folder (exit 1, 'git: broken')"),
        ("chromium", "chromium", "exit 0\n", "took no screenshot of a small page (exit 0, nothing printed)"),
        ("actionlint", "actionlint", "exit 0\n", "did not report the unknown key on line 7 of a broken workflow"),
        # user namespaces not allowed (a container's seccomp, a sysctl)
        (
            "offline",
            "unshare",
            "echo 'unshare: unshare failed: Operation not permitted' >&2; exit 1\n",
            "did not run a command without network (exit 1, 'unshare: unshare failed: Operation not permitted')",
        ),
    ],
)
def test_a_program_on_path_that_cannot_do_the_job_is_missing(
    tmp_path: Path, monkeypatch, key: str, program: str, body: str, why: str
) -> None:
    fake = _fake(tmp_path, program, body)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    found = check(key)
    assert isinstance(found, str)
    assert found.startswith(f"needs {PROBES[key].what}: ")
    assert why in found
    assert found.endswith(f"; install it with: {PROBES[key].install}")


def test_the_probe_pdf_is_one_that_pdftotext_reads(tmp_path: Path) -> None:
    """Where poppler is installed, the hand-made PDF of the probe is a real one (else the probe proves nothing)."""
    found = check("pdftotext")
    if isinstance(found, str) and "no pdftotext on PATH" in found:
        pytest.skip(found)
    assert isinstance(found, Tool), found
