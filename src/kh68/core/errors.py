"""Problems found in a plan, and the few exceptions kh68 raises.

A ``Problem`` is a value: the domain produces problems, only the CLI prints
them. Exceptions form a small hierarchy; the CLI turns each into an exit code
in one place (``kh68.cli``).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from operator import attrgetter
from pathlib import Path

from kh68.core.startup import Stopped
from kh68.core.vnformat import format_number


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "lỗi" if self is Severity.ERROR else "cảnh báo"


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a plan file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    rule: str = ""  # a stable rule id ("unit-unknown"), shown as "[unit-unknown]"

    def parsable(self) -> str:
        """``file:line:col: lỗi: message [rule]`` on one line: a line break in the message is shown as ``\\n``,
        so no text quoted from a plan can forge a line of its own."""
        suffix = f" [{self.rule}]" if self.rule else ""
        message = _one_line(self.message)
        return f"{self.path}:{self.line}:{self.column}: {self.severity.label}: {message}{suffix}"


def _one_line(text: str) -> str:
    if "\n" not in text and "\r" not in text:
        return text
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r")


PROBLEM_ORDER = attrgetter("path", "line", "column", "message")
"""How problems are listed: by file, line, column, then message."""


def error(path: Path | str, line: int, column: int, message: str, rule: str = "") -> Problem:
    return Problem(path if path.__class__ is str else str(path), line, column, Severity.ERROR, message, rule)


def warning(path: Path | str, line: int, column: int, message: str, rule: str = "") -> Problem:
    return Problem(str(path), line, column, Severity.WARNING, message, rule)


class ExitCode(IntEnum):
    OK = 0
    PROBLEMS = 1
    USAGE = 2
    INTERNAL = 70  # a defect of kh68 itself (EX_SOFTWARE); never the way an input is handled
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


def stop_exit_code(exc: KeyboardInterrupt) -> int:
    """The exit code of a stop: 130 for Ctrl-C, 128 + the signal's number for another signal."""
    return exc.exit_code if isinstance(exc, Stopped) else ExitCode.INTERRUPTED


class Kh68Error(Exception):
    """Base of every error kh68 reports to a user (message in Vietnamese)."""

    exit_code = ExitCode.PROBLEMS


class UsageError(Kh68Error):
    """The command was called wrongly: no such directory, bad option value."""

    exit_code = ExitCode.USAGE


class PlanDirMissing(UsageError):
    """There is no plan directory where one was looked for; the CLI adds how to name or make one."""


class NotInPlan(Kh68Error):
    """A unit, indicator, task or year asked for that the plan does not have (the message lists what it has).

    Raised by the plan, which knows nothing of a command line; the CLI says which exit code it is
    (``kh68.cli.outcome.exit_code_of``).
    """


class InputError(Kh68Error):
    """A value given on the command line or in a file is not acceptable."""


class TemplateFailure(Kh68Error):
    """A report template could not be read, compiled or rendered."""


class ExternalToolError(Kh68Error):
    """A program kh68 needs for one output (LibreOffice for PDF) is absent or failed."""


class PlanInvalid(Kh68Error):
    """The plan has errors; ``problems`` says where."""

    def __init__(self, problems: list[Problem], message: str | None = None):
        self.problems = problems
        errors = format_number(sum(p.severity is Severity.ERROR for p in problems), 0)
        super().__init__(message or f"kế hoạch có {errors} lỗi; sửa các lỗi trên (kiểm tra lại bằng 'kh68 check')")


class EditRefused(PlanInvalid):
    """An edit (record, progress, import) whose new text would not pass ``kh68 check``: the errors are the edit's
    own (the files on disk have none), at places of a text never written."""


_OS_REASON_BY_NAME = {
    "EACCES": "không có quyền truy cập",
    "EPERM": "không có quyền truy cập",
    "ENOTDIR": "đường dẫn đi qua một tệp, không phải thư mục",
    "EEXIST": "đường dẫn đi qua một tệp, không phải thư mục",
    "ENOENT": "tệp không tồn tại",
    "EISDIR": "đây là một thư mục, không phải tệp",
    "ENOSPC": "ổ đĩa đã đầy",
    "EDQUOT": "đã vượt hạn mức dung lượng được cấp",
    "EFBIG": "tệp quá lớn",
    "EROFS": "ổ đĩa chỉ cho phép đọc",
    "ENAMETOOLONG": "tên tệp hoặc đường dẫn quá dài",
    "ELOOP": "đường dẫn có liên kết tượng trưng (symlink) vòng lặp",
    "EIO": "lỗi đọc/ghi của thiết bị (ổ đĩa hoặc mạng)",
    "EMFILE": "đang mở quá nhiều tệp cùng lúc",
    "ENFILE": "hệ thống đang mở quá nhiều tệp cùng lúc",
    "EBUSY": "tệp hoặc thiết bị đang được chương trình khác dùng",
    "ETXTBSY": "tệp đang được chương trình khác dùng",
    "EPIPE": "nơi nhận dữ liệu đã đóng",
    "ENXIO": "không có thiết bị hoặc chương trình nào ở đầu kia",
    "ENODEV": "không có thiết bị này",
    "EAGAIN": "tài nguyên tạm thời chưa sẵn sàng",
    "EXDEV": "không chuyển được tệp sang ổ đĩa khác",
    "ENOTEMPTY": "thư mục không rỗng",
    "EINVAL": "tên tệp hoặc đường dẫn không hợp lệ",
    "ETIMEDOUT": "hết thời gian chờ",
    "ENOMEM": "không đủ bộ nhớ",
}
# Names missing on a platform (Windows lacks some) are skipped.
_OS_REASONS = {getattr(errno, name): text for name, text in _OS_REASON_BY_NAME.items() if hasattr(errno, name)}


def os_reason(exc: OSError) -> str:
    """The reason of an OS error in Vietnamese (errno and system wording for a rare one)."""
    if exc.errno is None and exc.strerror:  # kh68's own (a FIFO where a file should be): already said
        return exc.strerror
    reason = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return reason
    code = errno.errorcode.get(exc.errno, str(exc.errno)) if exc.errno is not None else type(exc).__name__
    return f"lỗi hệ điều hành {code}: {exc.strerror or exc}"
