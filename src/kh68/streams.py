"""The console streams as every kh68 command sets them up (no third-party import here)."""

from __future__ import annotations

import sys


def utf8_streams() -> None:
    """Print Vietnamese correctly whatever the console code page (Windows)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
