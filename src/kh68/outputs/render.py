"""Render the report context through a Jinja template in a sandbox.

Templates are the user's to change, and may come from a pull request: they run
in ``SandboxedEnvironment`` with ``StrictUndefined`` (its messages in Vietnamese: ``jinja_words``), so a template can read the
context and use the filters below, and nothing else.  Every failure becomes a
``TemplateFailure`` naming the template file and line.

What a template prints is escaped by the output format, not by the template's
file name: HTML output is autoescaped; in Markdown output every ``{{ … }}`` goes
through ``markdown_escape`` (the ``md``/``md_cell`` filters and ``|safe`` mark text
that is already Markdown; ``|e`` is ``markdown_escape`` too). In both, every text
printed is first ``for_document`` (no control character reaches the file); only
``Markup`` — the template's own ``|safe`` text, kh68's own SVG — passes as it is.
A render has a time limit (``TIME_LIMIT`` seconds,
checked in every loop and macro; a user's template also runs in a child process killed at it: ``kh68.outputs.isolated``)
and an output limit (``OUTPUT_LIMIT`` characters).
"""

from __future__ import annotations

import functools
import re
import string
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from kh68.core.errors import TemplateFailure, os_reason
from kh68.core.files import templates_dir
from kh68.core.safetext import excerpt, for_document, markdown_escape
from kh68.core.vnformat import format_date, format_number, format_value, long_date, parse_date
from kh68.outputs import isolated
from kh68.outputs.jinja_words import VietnameseUndefined, jinja_message, python_message

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
    """A date as dd/mm/yyyy; None (a date left for the signer) → '…/…/…'."""
    if value is None or value == "":
        return "…/…/…"
    if isinstance(value, str):
        value = parse_date(value)
    return format_date(value)


def f_ngay_dai(value: Any) -> str:
    """A date as 'ngày 05 tháng 11 năm 2025'; None (a date left for the signer) → 'ngày … tháng … năm …'."""
    if value is None or value == "":
        return "ngày … tháng … năm …"
    if isinstance(value, str):
        value = parse_date(value)
    return long_date(value)


def f_md(value: Any) -> Markup:
    """Plan or unit text for a Markdown paragraph or list item: Markdown characters escaped,
    line breaks kept as hard breaks, blank lines dropped (the text stays one block)."""
    return Markup("" if value is None else markdown_escape(str(value), newline="\\\n"))


def f_md_cell(value: Any) -> Markup:
    """Text for a Markdown table cell: Markdown characters (``|`` too) escaped, line breaks → ``<br>``."""
    return Markup("" if value is None else markdown_escape(str(value), newline="<br>"))


def _md_finalize(value: Any) -> Any:
    """Every ``{{ … }}`` of a Markdown template: escaped unless already Markdown (``Markup``)."""
    if isinstance(value, Markup):
        return value
    return markdown_escape("" if value is None else str(value))


def _md_escape(value: Any) -> Markup:
    """``|e``, ``|escape``, ``|forceescape`` in Markdown: Markdown escaping (HTML escaping alone lets "## …" through)."""
    return value if isinstance(value, Markup) else Markup(_md_finalize(value))


def _html_finalize(value: Any) -> Any:
    """Every ``{{ … }}`` of an HTML template, before autoescape: no control character (``Markup`` passes as it is)."""
    if hasattr(value, "__html__"):
        return value
    return for_document(str(value))


def _md_join(value: Iterable[Any], d: str = "") -> Markup:
    """``join`` for Markdown: each item escaped (unless already Markdown), the separator is the template's."""
    return Markup(str(d).join(_md_finalize(item) for item in value))


FILTERS = {
    "so": f_so,
    "gia_tri": f_gia_tri,
    "ngay": f_ngay,
    "ngay_dai": f_ngay_dai,
    "md": f_md,
    "md_cell": f_md_cell,
}


# ---------------------------------------------------------------- limits

TIME_LIMIT = 10.0  # seconds for one render
OUTPUT_LIMIT = 20_000_000  # characters of output (and of any one value a template builds)
_TICK = "kh68_tick"
_SIZED = "kh68_sized"


class RenderLimit(Exception):
    """A template went past a limit; ``str()`` is the Vietnamese reason."""


class _Budget:
    """Time and size left to one render."""

    def __init__(self, seconds: float, size: int):
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.size = size

    def tick(self) -> str:
        if time.monotonic() > self.deadline:
            raise RenderLimit(
                f"mẫu báo cáo chạy quá {format_number(self.seconds, 1)} giây nên đã bị dừng (vòng lặp quá lớn?)"
            )
        return ""

    def check_size(self, value: Any) -> Any:
        if isinstance(value, str | bytes | list | tuple | dict) and len(value) > self.size:
            raise RenderLimit(self.too_big())
        return value

    def check_numbers(self, values: Iterable[Any]) -> None:
        """An integer argument larger than the output limit (``|center(10**9)``) builds gigabytes: refused."""
        for value in values:
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > self.size:
                raise RenderLimit(f"giá trị {format_number(value, 0)} quá lớn cho mẫu báo cáo")

    def too_big(self) -> str:
        return f"mẫu báo cáo sinh quá {format_number(self.size, 0)} ký tự nên đã bị dừng"

    def check_format(self, value: Any, arguments: tuple[Any, ...] | dict[Any, Any] = ()) -> None:
        """A format whose width or precision is larger than the output limit builds gigabytes before any result
        could be measured: refused, written in the format (``"{:>3000000000}"``, ``"%03000000000d"``) or given as
        an argument (``"%*d" % (10**9, 1)``, ``"{:{w}}".format_map({"w": 10**9})``). Only a conversion's own
        numbers count: digits of the text around it ("Số 0123456789: {}") are text."""
        if not isinstance(value, str):
            return
        specs = [m[0] for m in _PERCENT_SPEC.finditer(value)] if "%" in value else []
        specs += _brace_specs(value)
        for digits in (d for spec in specs for d in _DIGIT_RUNS.findall(spec)):
            if len(digits) > len(str(self.size)) or int(digits) > self.size:
                raise RenderLimit(f"độ rộng {excerpt(digits)} trong chuỗi định dạng quá lớn cho mẫu báo cáo")
        self.check_numbers(arguments.values() if isinstance(arguments, dict) else arguments)


_DIGIT_RUNS = re.compile(r"[0-9]+")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?[hlL]?[a-zA-Z%]")


def _brace_specs(text: str) -> list[str]:
    """The format specs of a ``str.format`` string (``>10`` of ``"{:>10}"``); none when it is not one."""
    try:
        return [spec for _, field, spec, _ in string.Formatter().parse(text) if field is not None and spec]
    except ValueError:  # not a valid format string: str.format refuses it itself
        return []


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with a clock in every loop and macro and no operator that builds gigabytes."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    budget = _Budget(TIME_LIMIT, OUTPUT_LIMIT)
    kh68_format = "md"  # the output format, which decides escaping

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        block: Any
        for block in tree.find_all((nodes.For, nodes.Macro, nodes.CallBlock)):
            tick = nodes.ExprStmt(nodes.Call(nodes.Name(_TICK, "load"), [], [], None, None))
            tick.set_lineno(block.lineno)
            block.body.insert(0, tick)
        return _SizedConcat().visit(tree)  # type: ignore[no-any-return]

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 1000:
            raise RenderLimit(f"lũy thừa quá lớn (số mũ {format_number(right, 0)}, tối đa 1.000)")
        _bounded_int(operator, left, right)
        if operator == "%":
            self.budget.check_format(left, right if isinstance(right, tuple | dict) else (right,))
        if operator == "*" and isinstance(left, int) and isinstance(right, str | list | tuple):
            left, right = right, left
        repeats = operator == "*" and isinstance(left, str | list | tuple) and isinstance(right, int)
        if repeats and len(left) * right > self.budget.size:
            raise RenderLimit(self.budget.too_big())
        return self.budget.check_size(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Any:
        """``"…".format(…)``: its format string's widths checked first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        self.budget.check_format(value.__self__)
        budget = self.budget

        def checked(*args: Any, **kwargs: Any) -> Any:
            for mapping in (a for a in args if isinstance(a, dict)):  # format_map's values are its arguments
                budget.check_numbers(mapping.values())
            return wrapped(*args, **kwargs)

        return checked

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if __obj is not _range:
            self.budget.check_numbers((*args, *kwargs.values()))
        return self.budget.check_size(super().call(__context, __obj, *args, **kwargs))


INT_BITS = 10_000
"""The largest integer a template may compute, in bits (about 3.000 digits; a report's figures need a few)."""


def _bounded_int(operator: str, left: Any, right: Any) -> None:
    """Refuse an integer product or power past ``INT_BITS`` before computing it (``(10**1000)**1000`` would run
    for hours, out of reach of the time limit, which is checked between steps)."""
    if not (isinstance(left, int) and isinstance(right, int)):
        return
    if operator == "**" and right > 0:
        bits = left.bit_length() * right
    elif operator == "*":
        bits = left.bit_length() + right.bit_length()
    else:
        return
    if bits > INT_BITS:
        raise RenderLimit(f"số quá lớn (khoảng {format_number(bits * 0.30103, 0)} chữ số, tối đa 3.000)")


def _format_bounded(budget: _Budget, format_filter: Callable[..., Any]) -> Callable[..., Any]:
    """``|format``: its format string's widths checked first (``"%03000000000d"|format(1)``)."""

    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        budget.check_format(value, (*args, *kwargs.values()))
        return format_filter(value, *args, **kwargs)

    return bounded


WRAP_LIMIT = 100_000
"""Characters ``wordwrap`` takes: its time grows with the square of its input, beyond the time limit's reach."""


def _wordwrap_bounded(wordwrap: Any) -> Any:
    @functools.wraps(wordwrap)
    def bounded(environment: Any, value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and len(value) > WRAP_LIMIT:
            raise RenderLimit(f"wordwrap nhận tối đa {format_number(WRAP_LIMIT, 0)} ký tự")
        return wordwrap(environment, value, *args, **kwargs)

    return bounded


class _SizedConcat(NodeTransformer):
    """``a ~ b`` checked against the size limit (doubling a string in a loop stops at it)."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        sized = nodes.Call(nodes.Name(_SIZED, "load"), [node], [], None, None)
        sized.set_lineno(node.lineno)
        return sized


def _sized_filter(budget: _Budget, func: Any) -> Any:
    """A filter whose result is checked against the size limit (``|replace`` doubling a string)."""

    @functools.wraps(func)
    def sized(*args: Any, **kwargs: Any) -> Any:
        budget.check_numbers((*args, *kwargs.values()))
        return budget.check_size(func(*args, **kwargs))

    return sized


def _range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise RenderLimit(
            f"range() quá lớn: {format_number(len(rng), 0)} phần tử (tối đa {format_number(MAX_RANGE, 0)})"
        )
    return rng


# ---------------------------------------------------------------- rendering


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the process, by template, text, output format and size limit.

    Each render has its own sandbox (its own budget), but what a template compiles
    to depends only on its text, on how the output is escaped (the format's filters
    and finalize) and on the size limit (Jinja folds constant expressions while
    compiling, through the sized filters): compiling the shipped report again for
    every render took longer than rendering it. A changed text has another
    checksum, so it is compiled again; nothing is written to disk, and at most
    ``KEPT`` templates are kept.
    """

    KEPT = 32

    def __init__(self) -> None:
        self.code: dict[tuple[str, int, str, str], Any] = {}

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> tuple[str, int, str, str]:
        env: _Sandbox = bucket.environment  # type: ignore[assignment]
        return env.kh68_format, env.budget.size, bucket.key, bucket.checksum

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self.code.get(self._key(bucket))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if len(self.code) >= self.KEPT:
            del self.code[next(iter(self.code))]  # the oldest
        self.code[self._key(bucket)] = bucket.code


_COMPILED = _CompiledTemplates()


class _TextLoader(jinja2.BaseLoader):
    """Templates given as text, keeping their path as file name (for error lines)."""

    def __init__(self, sources: dict[str, str]):
        self.sources = sources

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        if template not in self.sources:
            raise TemplateNotFound(template)
        return self.sources[template], template, lambda: True


def make_env(
    shipped: Path, own: dict[str, str] | None = None, fmt: str = "md", budget: _Budget | None = None
) -> ImmutableSandboxedEnvironment:
    """The sandbox: the shipped templates, plus a user's template given as text.

    A user's template is loaded from its text alone, so ``{% include %}`` can
    reach the shipped templates but no other file next to it. Escaping follows
    ``fmt``, the output format, whatever the templates are called.
    """
    loader: jinja2.BaseLoader = jinja2.FileSystemLoader(str(shipped))
    if own:
        loader = jinja2.ChoiceLoader([_TextLoader(own), loader])
    env = _Sandbox(
        loader=loader,
        undefined=VietnameseUndefined,
        autoescape=fmt == "html",
        finalize=_md_finalize if fmt == "md" else _html_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_COMPILED,
    )
    env.budget = budget or _Budget(TIME_LIMIT, OUTPUT_LIMIT)
    env.kh68_format = fmt  # what the compiled templates are kept by (``_CompiledTemplates``)
    env.filters.update(FILTERS)
    if fmt == "md":
        env.filters.update(join=_md_join, e=_md_escape, escape=_md_escape, forceescape=_md_escape)
    env.filters["wordwrap"] = _wordwrap_bounded(env.filters["wordwrap"])
    env.filters["format"] = _format_bounded(env.budget, env.filters["format"])
    env.filters = {name: _sized_filter(env.budget, func) for name, func in env.filters.items()}
    env.globals.pop("lipsum", None)  # builds any amount of text, and at random
    env.globals["range"] = _range
    env.globals[_TICK] = env.budget.tick
    env.globals[_SIZED] = env.budget.check_size
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


SOURCE_LIMIT = 200_000  # characters of a template's text: the shipped ones are a few thousand


def _read_template(path: Path) -> str:
    """A user's template as text; one too long to compile within the time limit is refused first."""
    from kh68.core.files import read_regular

    try:
        if path.stat().st_size > SOURCE_LIMIT * 4:  # UTF-8 takes at most 4 bytes a character
            raise TemplateFailure(_too_long(path))
        text = read_regular(path).decode("utf-8")
        if len(text) > SOURCE_LIMIT:
            raise TemplateFailure(_too_long(path))
        return text
    except UnicodeDecodeError:
        raise TemplateFailure(f"không đọc được mẫu báo cáo '{path}': tệp không phải UTF-8.") from None
    except OSError as exc:
        raise TemplateFailure(f"không đọc được mẫu báo cáo '{path}': {os_reason(exc)}.") from None


def _too_long(path: Path) -> str:
    return f"{path}: mẫu báo cáo dài quá {format_number(SOURCE_LIMIT, 0)} ký tự nên không được dựng."


def _collect(chunks: Iterable[str], budget: _Budget) -> str:
    """The rendered text, stopped as soon as it passes the output or the time limit."""
    parts = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > budget.size:
            raise RenderLimit(budget.too_big())
        budget.tick()
        parts.append(chunk)
    return "".join(parts)


def render(
    context: dict[str, Any],
    fmt: str = "md",
    template: Path | None = None,
    *,
    seconds: float | None = None,
    size: int | None = None,
) -> str:
    """The report text from ``template`` (default: the shipped one for ``fmt``). A user's template renders in a
    child process killed at the time limit (``kh68.outputs.isolated``): one step of it may be a long C call the
    sandbox's clock never sees."""
    if template is None:
        return _render(context, fmt, None, seconds=seconds, size=size)
    limit = TIME_LIMIT if seconds is None else seconds
    job = functools.partial(_render, context, fmt, template, seconds=seconds, size=size)
    too_long = (
        f"{template}: mẫu báo cáo chạy quá {format_number(limit, 1)} giây nên đã bị dừng (một phép tính quá lớn?)."
    )
    return isolated.run(job, limit, too_long)


def _render(
    context: dict[str, Any],
    fmt: str,
    template: Path | None,
    *,
    seconds: float | None = None,
    size: int | None = None,
) -> str:
    shipped = templates_dir()
    if template is None:
        own, name, shown = None, DEFAULT_TEMPLATES[fmt], DEFAULT_TEMPLATES[fmt]
    else:
        template = Path(template)
        own, name, shown = {str(template): _read_template(template)}, str(template), str(template)
    budget = _Budget(TIME_LIMIT if seconds is None else seconds, OUTPUT_LIMIT if size is None else size)
    env = make_env(shipped, own, fmt, budget)
    names = {str(shipped / name), name, shown}

    def at(filename: str | None, line: int | None) -> str:
        if filename is None or filename == name:
            filename = shown
        return f"{filename}:{line}" if line else filename

    try:
        tmpl = env.get_template(name)
        text = _collect(tmpl.generate(_safe_charts(context)), budget)
    except RenderLimit as exc:
        file, line = _where(exc, names)
        raise TemplateFailure(f"{at(file, line)}: {exc}.") from None
    except TemplateSyntaxError as exc:
        said = jinja_message(exc.message or "")
        raise TemplateFailure(f"{at(exc.filename, exc.lineno)}: lỗi cú pháp mẫu: {said}") from None
    except TemplateNotFound as exc:
        raise TemplateFailure(f"{shown}: không tìm thấy mẫu '{exc.name}'.") from None
    except SecurityError as exc:
        file, line = _where(exc, names)
        raise TemplateFailure(
            f"{at(file, line)}: mẫu báo cáo dùng thao tác không được phép (chỉ được đọc dữ liệu báo cáo "
            f"và dùng các bộ lọc): {jinja_message(str(exc))}"
        ) from None
    except UndefinedError as exc:
        file, line = _where(exc, names)
        raise TemplateFailure(f"{at(file, line)}: {jinja_message(str(exc))}") from None
    except jinja2.TemplateError as exc:
        file, line = _where(exc, names)
        raise TemplateFailure(f"{at(file, line)}: lỗi khi dựng báo cáo: {jinja_message(str(exc))}") from None
    except RecursionError:
        raise TemplateFailure(f"{shown}: mẫu báo cáo gọi lại chính nó không dừng (đệ quy vô hạn).") from None
    except OverflowError as exc:  # a number past what a float holds (10**400 * 1.5)
        file, line = _where(exc, names)
        raise TemplateFailure(f"{at(file, line)}: số quá lớn để tính (vượt giới hạn của số thực).") from None
    except MemoryError:
        raise TemplateFailure(f"{shown}: mẫu báo cáo cần quá nhiều bộ nhớ nên đã bị dừng.") from None
    except SyntaxError:  # Python's compiler on what Jinja made of the template: too many nested blocks
        raise TemplateFailure(
            f"{shown}: mẫu báo cáo lồng nhau quá sâu (quá nhiều khối for/if lồng trong nhau)."
        ) from None
    except Exception as exc:  # a template is user code: whatever it raises is its error, not a crash
        file, line = _where(exc, names)
        raise TemplateFailure(
            f"{at(file, line)}: lỗi khi dựng báo cáo ({type(exc).__name__}): {python_message(exc)}"
        ) from None
    if not text.endswith("\n"):
        text += "\n"
    return text
