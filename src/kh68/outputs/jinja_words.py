"""Jinja's messages in Vietnamese, in one place.

Jinja writes its errors in English and has no translations. A report template is
the user's own text, so what is wrong in it is said to the user: the undefined
values through ``VietnameseUndefined`` (the ``undefined`` class of the sandbox,
which words the message where Jinja would), and every other message of the
parser, the lexer, the compiler and the sandbox by ``jinja_message``, which knows
their fixed forms. A message of another form (a later Jinja's) is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined
from jinja2.utils import missing

# The names Jinja gives tokens in its messages (jinja2.lexer._describe_token_type).
TOKENS = {
    "begin of comment": "'{#'",
    "end of comment": "'#}'",
    "comment": "chú thích",
    "begin of statement block": "'{%'",
    "end of statement block": "'%}'",
    "begin of print statement": "'{{'",
    "end of print statement": "'}}'",
    "begin of line statement": "đầu dòng lệnh",
    "end of line statement": "cuối dòng lệnh",
    "template data / text": "chữ của mẫu",
    "end of template": "hết mẫu",
    "name": "một tên",
    "integer": "một số",
    "float": "một số",
    "string": "một chuỗi",
}


def _what(obj: Any) -> str:
    """The value an attribute or element was looked for in, as the user's template sees it."""
    if obj is None:
        return "giá trị rỗng (None)"
    kinds: dict[type, str] = {dict: "bảng", list: "danh sách", tuple: "danh sách", str: "chuỗi"}
    return kinds.get(type(obj), type(obj).__name__)


class VietnameseUndefined(StrictUndefined):
    """``StrictUndefined`` whose error says in Vietnamese what the template used that is not there."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        name = self._undefined_name
        if self._undefined_hint:
            return jinja_message(self._undefined_hint)
        if self._undefined_obj is missing:
            return f"mẫu báo cáo dùng biến {name!r} không có"
        if not isinstance(name, str):
            return f"mẫu báo cáo dùng phần tử {name!r} không có trong {_what(self._undefined_obj)}"
        return f"mẫu báo cáo dùng thuộc tính {name!r} không có trong {_what(self._undefined_obj)}"


def _token(described: str) -> str:
    """A token as Jinja describes it (``'end of print statement'``, ``'name'``, ``'x'``), in Vietnamese."""
    bare = described[1:-1] if len(described) >= 2 and described[0] == described[-1] == "'" else described
    return TOKENS.get(bare, f"'{bare}'")


def _tokens(listed: str) -> str:
    """Jinja's ``'endfor' or 'else'`` as ``'endfor' hoặc 'else'``."""
    return " hoặc ".join(_token(part) for part in listed.split(" or "))


def _unclosed(match: re.Match[str]) -> str:
    parts = []
    if match["looking"]:
        parts.append(f"đang cần thẻ {_tokens(match['looking'])}")
    if match["block"]:
        parts.append(f"khối trong cùng chưa đóng là '{match['block']}'")
    return "; ".join(parts)


_TAG_CONTEXT = (
    r"(?: You probably made a nesting mistake\. Jinja is expecting this tag, but currently looking for (?P<nested>.+?)\.)?"
    r"(?: Jinja was looking for the following tags: (?P<looking>.+?)\.)?"
    r"(?: The innermost block that needs to be closed is '(?P<block>[^']+)'\.)?"
)


def _unknown_tag(match: re.Match[str]) -> str:
    said = f"thẻ không biết hoặc không đúng chỗ '{match['tag']}'"
    if match["nested"]:
        said += f" (có lẽ các khối lồng nhau sai: thẻ này chưa đến lượt, đang cần {_tokens(match['nested'])})"
    rest = _unclosed(match)
    return f"{said}; {rest}" if rest else said


def _end_of_template(match: re.Match[str]) -> str:
    rest = _unclosed(match)
    return "mẫu kết thúc khi còn khối chưa đóng" + (f": {rest}" if rest else "")


_FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(rf"Unexpected end of template\.{_TAG_CONTEXT}"), _end_of_template),
    (re.compile(rf"Encountered unknown tag '(?P<tag>[^']+)'\.{_TAG_CONTEXT}"), _unknown_tag),
    (
        re.compile(r"unexpected end of template, expected (?P<want>'.+')\."),
        lambda m: f"mẫu kết thúc giữa chừng: còn thiếu {_token(m['want'])}",
    ),
    (
        re.compile(r"expected token (?P<want>'.+'), got (?P<got>'.+')"),
        lambda m: f"cần {_token(m['want'])} nhưng gặp {_token(m['got'])}",
    ),
    (
        re.compile(r"unexpected (?P<got>'.+'), expected (?P<want>'.+')"),
        lambda m: f"gặp {_token(m['got'])} ở chỗ cần {_token(m['want'])}",
    ),
    (re.compile(r"unexpected char (?P<char>'.+') at \d+"), lambda m: f"ký tự không dùng được ở đây {m['char']}"),
    (re.compile(r"unexpected (?P<got>'.+')"), lambda m: f"{_token(m['got'])} không đúng chỗ"),
    (re.compile(r"No filter named (?P<name>'.+?')(?: found)?\."), lambda m: f"không có bộ lọc {m['name']}"),
    (
        re.compile(r"No test named (?P<name>'.+?')(?: found)?\."),
        lambda m: f"không có phép thử (sau 'is') {m['name']}",
    ),
    (re.compile(r"block (?P<name>'.+') defined twice"), lambda m: f"khối {m['name']} được định nghĩa hai lần"),
    (re.compile(r"tag name expected"), lambda m: "thiếu tên thẻ sau '{%'"),
    (re.compile(r"Missing end of comment tag"), lambda m: "chú thích '{#' không có '#}' đóng"),
    (re.compile(r"Missing end of raw directive"), lambda m: "khối raw không có endraw"),
    (re.compile(r"expected name or number"), lambda m: "sau dấu chấm cần một tên hoặc một số"),
    (re.compile(r"expected subscript expression"), lambda m: "trong [ ] cần một chỉ số"),
    (
        re.compile(r"access to attribute (?P<name>'.+') of (?P<type>'.+') object is unsafe\."),
        lambda m: f"không được đọc thuộc tính {m['name']} của một {m['type']}",
    ),
    (re.compile(r"(?P<what>.+) is not safely callable"), lambda m: f"không được gọi {m['what']}"),
]


# Python's own errors raised by what a template computes ({{ 1 + "a" }}, {{ x / 0 }}).
_PYTHON_FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"unsupported operand type\(s\) for (?P<op>\S+): '(?P<a>\w+)' and '(?P<b>\w+)'"),
        lambda m: f"phép {m['op']} không dùng được giữa {m['a']} và {m['b']}",
    ),
    (re.compile(r"(?:float )?division by zero|integer (?:division or )?modulo by zero"), lambda m: "chia cho 0"),
    (
        re.compile(r"could not convert string to float: (?P<value>.+)"),
        lambda m: f"không đọc được {m['value']} thành số",
    ),
    (
        re.compile(r"invalid literal for int\(\) with base 10: (?P<value>.+)"),
        lambda m: f"không đọc được {m['value']} thành số nguyên",
    ),
    (
        re.compile(r"(?P<name>\w+)\(\) takes (?P<n>\d+) positional arguments? but (?P<m>\d+) (?:was|were) given"),
        lambda m: f"{m['name']}() nhận {m['n']} đối số, mẫu đưa {m['m']}",
    ),
]


def python_message(exc: BaseException) -> str:
    """The message of a Python error a template's computation raised, in Vietnamese where its form is known."""
    message = str(exc)
    for pattern, words in _PYTHON_FORMS:
        match = pattern.fullmatch(message)
        if match:
            return words(match)
    return message


def jinja_message(message: str) -> str:
    """Jinja's English ``message`` in Vietnamese where its form is known, else as it is."""
    for pattern, words in _FORMS:
        match = pattern.fullmatch(message)
        if match:
            return words(match)
    return message
