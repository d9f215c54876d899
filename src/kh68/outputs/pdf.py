"""PDF from the Word document, by LibreOffice (``soffice --headless --convert-to pdf``).

LibreOffice runs in a temporary directory, with its own throw-away profile (so that a
LibreOffice the user has open does not block it) and a time limit.  Where it is absent
or fails, a Vietnamese message says so and what to do instead.
"""

from __future__ import annotations

import os
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


def pdf_from_docx(docx: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
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
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False, cwd=folder)
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
        return result.read_bytes()
