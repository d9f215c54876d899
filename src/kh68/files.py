"""Files of kh68's own: where the shipped templates are, and writing without half files."""

from __future__ import annotations

import os
import stat
import tempfile
from importlib import resources
from pathlib import Path

from kh68.errors import InputError, UsageError, os_reason


def templates_dir() -> Path:
    """The shipped templates: ``kh68/templates`` in a wheel, else the repository's ``templates/``.

    An editable install does not contain the wheel's copy, hence the fallback.
    """
    packaged = resources.files("kh68") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[2] / "templates"
    if source.is_dir():
        return source
    raise UsageError("không tìm thấy thư mục templates của kh68 (bản cài đặt thiếu tệp)")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A read-only file is refused (even for root, who could replace it); any
    OS error leaves the old file as it was and no temporary file behind.
    """
    if path.exists() and not path.stat().st_mode & stat.S_IWUSR:
        raise InputError(f"tệp {path.as_posix()} chỉ đọc; không ghi gì")
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            Path(temp).chmod(stat.S_IMODE(path.stat().st_mode))
        Path(temp).replace(path)
    except OSError as exc:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        raise InputError(f"không ghi được tệp {path.as_posix()}: {os_reason(exc)}; tệp cũ giữ nguyên") from None
