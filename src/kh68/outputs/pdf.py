"""PDF from the Word document, by LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice runs in a temporary directory, with its own throw-away profile (so that a
LibreOffice the user has open does not block it) and a time limit.  Where it is absent
or fails, a Vietnamese message says so and what to do instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from kh68.core.errors import ExternalToolError

TIMEOUT_SECONDS = 180
WINDOWS_PLACES = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
)
MISSING = (
    "không tìm thấy LibreOffice (lệnh soffice) để chuyển sang PDF. Cài LibreOffice (https://www.libreoffice.org), "
    "hoặc lập bản Word bằng --format docx rồi dùng Word để lưu thành PDF."
)


def find_soffice() -> str | None:
    """The LibreOffice program: ``KH68_SOFFICE``, else ``soffice``/``libreoffice`` on PATH, else its usual place."""
    own = os.environ.get("KH68_SOFFICE")
    if own is not None:
        return own if Path(own).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((str(p) for p in WINDOWS_PLACES if p.is_file()), None)


_STAMP = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:([0-9]{14})")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]{32})")


def reproducible(pdf: bytes, made: dt.date) -> bytes:
    """The same document as the same bytes: LibreOffice writes the time of the run as the PDF's creation date and a
    random file identifier (a hostile probe: two runs differed). The dates become the day the document is made, the
    identifier and LibreOffice's checksum a digest of the rest; each value keeps its length, so every offset of the
    file holds."""
    day = made.strftime("%Y%m%d000000").encode()
    dated = _STAMP.sub(lambda m: m[0][: m.start(1) - m.start(0)] + day, pdf)
    rest = _CHECKSUM.sub(b"", _ID.sub(b"", dated))
    digest = hashlib.md5(rest, usedforsecurity=False).hexdigest().upper().encode()
    named = _ID.sub(lambda m: m[0].replace(m[1], digest).replace(m[2], digest), dated)
    return _CHECKSUM.sub(lambda m: m[0].replace(m[1], digest), named)


def pdf_from_docx(docx: bytes, timeout: float = TIMEOUT_SECONDS, *, made: dt.date | None = None) -> bytes:
    program = find_soffice()
    if program is None:
        raise ExternalToolError(MISSING)
    with tempfile.TemporaryDirectory(prefix="kh68-pdf-") as work:
        folder = Path(work)
        source = folder / "bao-cao.docx"
        source.write_bytes(docx)
        profile = (folder / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            # in UTC: the creation date's zone is the same wherever the report is made (its bytes with it)
            env = {**os.environ, "TZ": "UTC"}
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False, cwd=folder, env=env)
        except subprocess.TimeoutExpired:
            raise ExternalToolError(
                f"LibreOffice không chuyển xong sang PDF sau {int(timeout)} giây; thử lại, hoặc dùng --format docx."
            ) from None
        except OSError as exc:
            raise ExternalToolError(f"không chạy được LibreOffice ({program}): {exc.strerror or exc}.") from None
        result = folder / "bao-cao.pdf"
        if done.returncode != 0 or not result.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            reason = f": {detail[-1]}" if detail else ""
            raise ExternalToolError(f"LibreOffice không chuyển được báo cáo sang PDF (mã {done.returncode}){reason}.")
        pdf = result.read_bytes()
        return reproducible(pdf, made) if made is not None else pdf
