"""Render the report context through a Jinja template in a sandbox.

Templates are the user's to change, and may come from a pull request: they run
in ``SandboxedEnvironment`` with ``StrictUndefined``, so a template can read the
context and use the filters below, and nothing else.  Every failure becomes a
``TemplateFailure`` naming the template file and line.
"""

from __future__ import annotations

import re
import traceback
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from kh68.errors import TemplateFailure, os_reason
from kh68.files import templates_dir
from kh68.outputs.report_context import long_date
from kh68.vnformat import format_date, format_number, format_value

DEFAULT_TEMPLATES = {"md": "report.md.j2", "html": "report.html.j2"}


# ---------------------------------------------------------------- filters


def f_so(value: Any, decimals: int = 2) -> str:
    """Vietnamese number: 1234.5 → 1.234,5; None → ''."""
    if value is None or value == "":
        return ""
    return format_number(float(value), decimals)


def f_gia_tri(value: Any, unit: str = "", decimals: int = 2) -> str:
    """A value with its unit: 99.5, '%' → 99,5%."""
    if value is None or value == "":
        return ""
    return format_value(float(value), unit, decimals)


def f_ngay(value: Any) -> str:
    """A date as dd/mm/yyyy; None → ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return format_date(value)


def f_ngay_dai(value: Any) -> str:
    """A date as 'ngày 05 tháng 11 năm 2025'."""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return long_date(value)


_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")


def _escape_md_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match:
        marker = match.group(2)
        if marker[0].isdigit():
            line = line[: match.end() - 1] + "\\" + line[match.end() - 1 :]
        else:
            line = line[: match.start(2)] + "\\" + line[match.start(2) :]
    return line


def f_md(value: Any) -> str:
    """Plan or unit text for a Markdown paragraph or list item: Markdown characters escaped,
    line breaks kept as hard breaks, blank lines dropped (the text stays one block)."""
    if value is None:
        return ""
    lines = [line.strip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\\\n".join(_escape_md_line(line) for line in lines if line)


def f_md_cell(value: Any) -> str:
    """Text for a Markdown table cell: Markdown characters (``|`` too) escaped, line breaks → ``<br>``."""
    if value is None:
        return ""
    lines = [line.strip() for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "<br>".join(_INLINE.sub(r"\\\1", line) for line in lines if line)


FILTERS = {
    "so": f_so,
    "gia_tri": f_gia_tri,
    "ngay": f_ngay,
    "ngay_dai": f_ngay_dai,
    "md": f_md,
    "md_cell": f_md_cell,
}


# ---------------------------------------------------------------- rendering


class _TextLoader(jinja2.BaseLoader):
    """Templates given as text, keeping their path as file name (for error lines)."""

    def __init__(self, sources: dict[str, str]):
        self.sources = sources

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        if template not in self.sources:
            raise TemplateNotFound(template)
        return self.sources[template], template, lambda: True


def make_env(shipped: Path, own: dict[str, str] | None = None) -> ImmutableSandboxedEnvironment:
    """The sandbox: the shipped templates, plus a user's template given as text.

    A user's template is loaded from its text alone, so ``{% include %}`` can
    reach the shipped templates but no other file next to it.
    """
    loader: jinja2.BaseLoader = jinja2.FileSystemLoader(str(shipped))
    if own:
        loader = jinja2.ChoiceLoader([_TextLoader(own), loader])
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml", "html.j2", "htm.j2", "svg.j2"),
            default_for_string=False,
            default=False,
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def _safe_charts(context: dict[str, Any]) -> dict[str, Any]:
    """The charts are kh68's own escaped SVG: let the HTML template insert them."""
    rows = [dict(row, bieu_do=Markup(row["bieu_do"])) for row in context.get("chi_tieu", [])]
    return dict(context, chi_tieu=rows)


def _where(exc: BaseException, names: set[str]) -> tuple[str | None, int | None]:
    """File and line of the innermost template frame of ``exc``'s traceback."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename in names or frame.filename.endswith((".j2", ".jinja", ".jinja2", ".html", ".md")):
            found = (frame.filename, frame.lineno)
    return found


def _read_template(path: Path) -> str:
    if not path.exists():
        raise TemplateFailure(f"không đọc được mẫu báo cáo '{path}': tệp không tồn tại.")
    if not path.is_file():
        raise TemplateFailure(f"không đọc được mẫu báo cáo '{path}': đây là thư mục, không phải tệp.")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TemplateFailure(f"không đọc được mẫu báo cáo '{path}': tệp không phải UTF-8.") from None
    except OSError as exc:
        raise TemplateFailure(f"không đọc được mẫu báo cáo '{path}': {os_reason(exc)}.") from None


def render(context: dict[str, Any], fmt: str = "md", template: Path | None = None) -> str:
    """The report text from ``template`` (default: the shipped one for ``fmt``)."""
    shipped = templates_dir()
    if template is None:
        own, name, shown = None, DEFAULT_TEMPLATES[fmt], DEFAULT_TEMPLATES[fmt]
    else:
        template = Path(template)
        own, name, shown = {str(template): _read_template(template)}, str(template), str(template)
    env = make_env(shipped, own)
    names = {str(shipped / name), name, shown}

    def at(filename: str | None, line: int | None) -> str:
        if filename is None or filename == name:
            filename = shown
        return f"{filename}:{line}" if line else filename

    try:
        tmpl = env.get_template(name)
        text = tmpl.render(_safe_charts(context))
    except TemplateSyntaxError as exc:
        raise TemplateFailure(f"{at(exc.filename, exc.lineno)}: lỗi cú pháp mẫu: {exc.message}") from None
    except TemplateNotFound as exc:
        raise TemplateFailure(f"{shown}: không tìm thấy mẫu '{exc.name}'.") from None
    except SecurityError as exc:
        file, line = _where(exc, names)
        raise TemplateFailure(
            f"{at(file, line)}: mẫu báo cáo dùng thao tác không được phép (chỉ được đọc dữ liệu báo cáo "
            f"và dùng các bộ lọc): {exc}"
        ) from None
    except UndefinedError as exc:
        file, line = _where(exc, names)
        raise TemplateFailure(f"{at(file, line)}: biến hoặc thuộc tính không có trong dữ liệu báo cáo: {exc}") from None
    except jinja2.TemplateError as exc:
        file, line = _where(exc, names)
        raise TemplateFailure(f"{at(file, line)}: lỗi khi dựng báo cáo: {exc}") from None
    except RecursionError:
        raise TemplateFailure(f"{shown}: mẫu báo cáo gọi lại chính nó không dừng (đệ quy vô hạn).") from None
    except Exception as exc:  # a template is user code: whatever it raises is its error, not a crash
        file, line = _where(exc, names)
        raise TemplateFailure(f"{at(file, line)}: lỗi khi dựng báo cáo ({type(exc).__name__}): {exc}") from None
    if not text.endswith("\n"):
        text += "\n"
    return text
