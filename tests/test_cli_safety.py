"""What the CLI guarantees whatever the input: clean terminal text, an exit code, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE_BLANKS, EXAMPLE_PLAN, invoke, replace_in, sigterm_after_rename

from kh68.cli.outcome import PLAN_DIR_HINT

pytestmark = pytest.mark.slow  # real kh68 processes: closed streams, pipes, signals, terminals (make test runs them; make test-fast leaves them out)

HOSTILE_NAME = "Tỷ lệ \x1b[31mĐỎ\x1b]0;pwned\x07 \u202eabc\u2066 \x9b2J nhà trẻ"
SHOWN_NAME = "Tỷ lệ \\x1b[31mĐỎ\\x1b]0;pwned\\x07 \\u202eabc\\u2066 \\u009b2J nhà trẻ"


def kh68(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kh68", *args], stdout=stdout, stderr=subprocess.PIPE, timeout=120, check=False
    )


@pytest.fixture
def hostile_plan(example_copy: Path) -> Path:
    name = HOSTILE_NAME.encode("unicode_escape").decode("ascii")
    replace_in(example_copy / "indicators.yaml", "name: Tỷ lệ huy động trẻ em nhà trẻ", f'name: "{name}"')
    return example_copy


def test_status_table_shows_control_characters_as_escapes(hostile_plan: Path) -> None:
    out = invoke(["status", "--plan", hostile_plan, "--today", "2025-11-05"], 0, env={"COLUMNS": "80"}).output
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\x9b" not in out
    assert "\\x1b[31mĐỎ" in out
    table = out.split("\n\n")[1].splitlines()  # the escapes are laid out with the text: the table keeps its width
    assert max(map(len, table)) == 80


def test_export_json_keeps_the_value_but_not_the_raw_characters(hostile_plan: Path) -> None:
    import json

    out = invoke(["export", "--plan", hostile_plan], 0).output
    assert "\u202e" not in out
    assert "\x9b" not in out
    assert "\x07" not in out
    names = [i["name"] for i in json.loads(out)["indicators"]]
    assert HOSTILE_NAME in names


def test_a_real_terminal_gets_colours_but_never_plan_escapes(hostile_plan: Path) -> None:
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: kh68 on a pseudo-terminal
        os.environ.update(FORCE_COLOR="1", COLUMNS="200", TERM="xterm")
        os.execv(
            sys.executable,
            [sys.executable, "-m", "kh68", "status", "--plan", str(hostile_plan), "--today", "2025-11-05"],
        )
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    out = b"".join(chunks).decode("utf-8")
    assert "\x1b[1m" in out  # kh68's own bold title
    assert "\x1b]" not in out
    assert "\u202e" not in out
    assert "\x07" not in out
    assert "\x1b[31mĐỎ" not in out
    assert "\\x1b[31mĐỎ" in out


def test_messages_escape_what_the_user_typed() -> None:
    out = invoke(["status", "--plan", "không\x1b[2J có\u202e"], 2).output
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "kh68: lỗi: không có thư mục kế hoạch 'không\\x1b[2J có\\u202e'" in out


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--plan", str(EXAMPLE_PLAN), "--today", "2025-11-05"],
        ["export", "--plan", str(EXAMPLE_PLAN)],
        ["report", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--date", "2025-11-05"],
        ["schema", "--help"],
    ],
)
def test_a_closed_pipe_ends_quietly_with_exit_0(args: list[str]) -> None:
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    done = kh68(*args, stdout=reader.stdin)
    reader.stdin.close()
    reader.wait()
    assert done.returncode == 0, done.stderr.decode()
    said = done.stderr.decode().splitlines()
    assert [line for line in said if not line.startswith("kh68: cảnh báo: ")] == []  # a report's warnings only
    assert (args[0] == "report") == (EXAMPLE_BLANKS.splitlines()[0] in said)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_under_stdout_is_said_in_vietnamese() -> None:
    with open("/dev/full", "wb") as full:
        done = kh68("export", "--plan", str(EXAMPLE_PLAN), stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode() == "kh68: lỗi: không ghi được kết quả ra đầu ra chuẩn: ổ đĩa đã đầy\n"


# ---------------------------------------------------------------- stopped by a signal
#
# The child says, on a line of its own, when it has reached the point to interrupt (and how it
# then handles each stop signal); only then is the signal sent. So nothing races the machine's
# load: the timeouts below only bound a hang. The child starts with SIGINT, SIGTERM and SIGHUP
# as a terminal gives them (default, unblocked), whatever pytest inherited: under `nohup` or as
# a background job of a script (`make test &`), where SIGINT is ignored and a Python child
# would not even turn Ctrl-C into KeyboardInterrupt.

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP) if os.name == "posix" else ()
HANG = 120  # seconds; a child that works reaches its mark and stops in well under a second
# The child's side: ready(WORD) prints its mark, "WORD SIGINT=handled SIGTERM=handled SIGHUP=ignored";
# until_a_signal() then waits for a signal's handler to run. Not time.sleep(): a signal that lands
# after Python's last check for signals and before the sleep starts (a child preempted there, on
# a loaded machine) is handled only when the sleep ends. Python writes a byte to the wakeup fd
# for each signal it catches, so select() returns whenever the signal came, and the handler runs
# as soon as Python code runs again.
SAY_READY = """
import os, select, signal
_woken, _wake = os.pipe()
os.set_blocking(_wake, False)
signal.set_wakeup_fd(_wake)

def ready(word):
    kinds = {signal.SIG_IGN: "ignored", signal.SIG_DFL: "default"}
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    print(word, *(f"{s.name}={kinds.get(signal.getsignal(s), 'handled')}" for s in signals), flush=True)

def until_a_signal():
    while True:
        select.select([_woken], [], [])
        os.read(_woken, 512)
"""


def _signals_as_a_terminal_gives_them(ignored: tuple[int, ...] = ()) -> None:
    """In the child before exec: each stop signal default and unblocked, but ``ignored`` (as ``nohup`` does)."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN if signum in ignored else signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def _start(script: str, *args: str, ignored: tuple[int, ...] = ()) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", SAY_READY + script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "KH68_NO_CACHE": "1"},
        preexec_fn=lambda: _signals_as_a_terminal_gives_them(ignored),
    )


def _at_mark(proc: subprocess.Popen[bytes], word: str) -> dict[str, str]:
    """Wait (at most ``HANG``) for the child's mark ``word``; how it handles each stop signal there."""
    line: list[bytes] = []
    reader = threading.Thread(target=lambda: line.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(HANG)
    if not line:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"the child did not reach '{word}' in {HANG} s\n{err.decode()}")
    said = line[0].decode()
    if not said.startswith(f"{word} "):
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"the child printed {said!r} instead of '{word} …'\n{err.decode()}")
    return dict(item.split("=") for item in said.removeprefix(word).split())


def _stopped(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    """The child's exit code and stderr once it has stopped (at most ``HANG`` seconds)."""
    try:
        _, err = proc.communicate(timeout=HANG)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"still running {HANG} s after the signal\n{err.decode()}")
    return proc.returncode, err.decode()


SLOW_CHECK = """
import kh68.lint.check as load
load.checked = lambda *a, **k: (ready("bắt đầu"), until_a_signal())  # what kh68 check reads the plan with
import sys
from kh68.cli import main
sys.argv = ["kh68", "check", sys.argv[1]]
main()
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_with_exit_130() -> None:
    proc = _start(SLOW_CHECK, str(EXAMPLE_PLAN))
    assert _at_mark(proc, "bắt đầu")["SIGINT"] == "handled"
    proc.send_signal(signal.SIGINT)
    assert _stopped(proc) == (130, "kh68: lỗi: đã dừng theo yêu cầu\n")


def test_an_internal_error_is_exit_70_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import kh68.lint.check

    def broken(*_args: object, **_keywords: object) -> None:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(kh68.lint.check, "checked", broken)  # what kh68 check reads the plan with
    out = invoke(["check", EXAMPLE_PLAN], 70).output
    assert out == (
        "kh68: lỗi: lỗi nội bộ của kh68 (RuntimeError); đây là lỗi của chương trình, không phải của kế hoạch. "
        "Chạy lại với KH68_DEBUG=1 để xem chi tiết và báo cho người bảo trì.\n"
    )


def test_kh68_debug_shows_the_traceback_of_an_internal_error() -> None:
    code = SLOW_CHECK.replace('(ready("bắt đầu"), until_a_signal())', "1 / 0")
    done = subprocess.run(
        [sys.executable, "-c", code, str(EXAMPLE_PLAN)], capture_output=True, env={**os.environ, "KH68_DEBUG": "1"}
    )
    assert done.returncode == 70
    err = done.stderr.decode()
    assert err.startswith("Traceback (most recent call last):")
    assert "ZeroDivisionError" in err
    assert "kh68: lỗi: lỗi nội bộ của kh68 (ZeroDivisionError)" in err


def _thousand_bad_values(example_copy: Path) -> None:
    rows = "".join(f"      u{i}: {{numerator: x, denominator: 10}}\n" for i in range(1000))
    (example_copy / "data" / "2025.yaml").write_text(
        f'year: 2025\nsynthetic: true\nindicators:\n  "6.2":\n    by_unit:\n{rows}', encoding="utf-8"
    )


def test_status_counts_a_thousand_errors_in_vietnamese_number_form(example_copy: Path) -> None:
    _thousand_bad_values(example_copy)
    out = invoke(["status", "--plan", example_copy], 1).output
    assert out.endswith("kh68: lỗi: kế hoạch có 1.000 lỗi; sửa các lỗi trên (kiểm tra lại bằng 'kh68 check')\n")


def test_a_thousand_problems_of_one_kind_are_summarised(example_copy: Path) -> None:
    _thousand_bad_values(example_copy)
    lines = invoke(["check", example_copy], 1).output.splitlines()
    data = f"{example_copy.as_posix()}/data/2025.yaml"
    assert lines[0] == f"{data}:6:23: lỗi: numerator: 'x' không phải là số nguyên không âm [schema]"
    assert lines[9] == f"{data}:15:23: lỗi: numerator: 'x' không phải là số nguyên không âm [schema]"
    assert lines[10:] == [
        f"{data}: … và 990 lỗi khác cùng loại [schema]",
        f"{example_copy.as_posix()}: 1.000 lỗi, 0 cảnh báo.",
    ]


def test_the_word_report_holds_plan_text_without_its_control_characters(hostile_plan: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "bao-cao.docx"
    invoke(["report", "--plan", hostile_plan, "--year", "2025", "--format", "docx", "-o", out], 0)
    texts = [cell.text for table in docx.Document(str(out)).tables for row in table.rows for cell in row.cells]
    # ESC, BEL, CSI and the bidi controls are removed (safetext.for_document), not replaced by U+FFFD.
    assert "Tỷ lệ [31mĐỎ]0;pwned abc 2J nhà trẻ" in texts


LONG = "x" * 1_000_000
CUT = "'" + "x" * 40 + "…' (1.000.000 ký tự)"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "units.yaml",
            "units:\n",
            f"{LONG}: 1\nunits:\n",
            "YAML không hợp lệ: khóa dài quá 1.024 ký tự (YAML không nhận khóa dài hơn); hãy rút ngắn khóa [yaml-syntax]",
        ),
        (
            "data/2025.yaml",
            '  "6.4":\n',
            f'  "{LONG}":\n    value: 1\n  "6.4":\n',
            "YAML không hợp lệ: khóa dài quá 1.024 ký tự (YAML không nhận khóa dài hơn); hãy rút ngắn khóa [yaml-syntax]",
        ),
        (
            "data/2025.yaml",
            '  "6.4":\n',
            f'  ? "{LONG}"\n  : value: 1\n  "6.4":\n',
            (
                f"không có chỉ tiêu {CUT} (các mã: 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8, 6.9, 6.10, 6.11, 6.12, 6.13)"
                " [indicator-unknown]"
            ),
        ),
        (
            "data/2025.yaml",
            '  "6.4":\n',
            f'  ? {LONG}\n  : value: 1\n  "6.4":\n',
            (
                f"không có chỉ tiêu {CUT} (các mã: 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8, 6.9, 6.10, 6.11, 6.12, 6.13)"
                " [indicator-unknown]"
            ),
        ),
        (
            "data/2025.yaml",
            "    state: in_progress\n    note: Đang",
            f"    state: {LONG}\n    note: Đang",
            (
                f"state: giá trị {CUT} không hợp lệ; chọn một trong: 'not_started', 'in_progress', 'done', 'ongoing'"
                " [schema]"
            ),
        ),
        (
            "indicators.yaml",
            '"2030": 35-40',
            f'"2030": "> {LONG}"',
            "không đọc được chỉ tiêu '> " + "x" * 38 + "…' (1.000.002 ký tự); các dạng đọc được: 99,5 | ít nhất 30% | "
            "trên 60 | không quá 5 | dưới 5 | 30-35 | khoảng 500 | giảm 10% so với năm 2025 | tăng bình quân 8%/năm | "
            "trung bình mỗi năm từ 05 trở lên | tổng giai đoạn 5.000 ha | Hoàn thành | - | mốc định tính không có chữ số "
            "(hoặc dạng cấu trúc {at_least: 3, text: '…'}) [target-unparsable]",
        ),
    ],
)
def test_messages_quote_only_an_excerpt_of_a_huge_value(
    example_copy: Path, file: str, old: str, new: str, message: str
) -> None:
    replace_in(example_copy / file, old, new)
    out = invoke(["check", example_copy], 1).output
    lines = [line for line in out.splitlines() if ": lỗi: " in line]
    assert len(lines) == 1, out[:2000]
    assert lines[0].endswith(message)
    assert max(len(line) for line in out.splitlines()) < 600  # the path, the excerpt and at most a list of forms


def test_a_value_not_in_a_list_of_choices_is_quoted_as_an_excerpt_on_one_line(example_copy: Path) -> None:
    value = "share_of_units\\nplan: 0 lỗi, 0 cảnh báo." + "x" * 200
    replace_in(
        example_copy / "indicators.yaml",
        '    unit: "%"\n    basis: share_of_units\n    targets:\n      "2025":\n        text: Triển khai',
        f'    unit: "%"\n    basis: "{value}"\n    targets:\n      "2025":\n        text: Triển khai',
    )
    result = invoke(["check", example_copy], 1)
    path = (example_copy / "indicators.yaml").as_posix()
    assert (
        f"{path}:9:12: lỗi: basis: giá trị 'share_of_units\\nplan: 0 lỗi, 0 cảnh báo.x…' (239 ký tự) "
        "không hợp lệ; chọn một trong: 'value', 'share_of_units' [schema]\n"
    ) in result.output
    assert "\nplan: 0 lỗi" not in result.output


def test_the_word_report_of_a_plan_with_a_very_long_title_is_written(example_copy: Path, tmp_path: Path) -> None:
    import docx

    long = "Thực hiện chương trình " + "về phát triển kinh tế tư nhân " * 12
    text = (example_copy / "plan.yaml").read_text(encoding="utf-8")
    start = text.index("title: >-\n")
    end = text.index("\nparent_body:")
    (example_copy / "plan.yaml").write_text(text[:start] + f"title: {long.strip()}" + text[end:], encoding="utf-8")
    out = tmp_path / "bao-cao.docx"
    invoke(["report", "--plan", example_copy, "--year", "2025", "--format", "docx", "-o", out], 0)
    title = docx.Document(str(out)).core_properties.title
    assert len(title) == 255
    # The subject names the plan by its own number and title.
    assert title.startswith("Báo cáo kết quả thực hiện năm 2025 Kế hoạch số …/KH-SGDĐT năm 2024 của Sở Giáo dục và")
    assert "về thực hiện chương trình về phát triển kinh tế tư nhân về" in title
    assert title.endswith("…")


# ---------------------------------------------------------------- closed and full standard streams, signals


def kh68_closed(args: list[str], close: tuple[int, ...], **options: object) -> subprocess.CompletedProcess[bytes]:
    """``kh68 ARGS`` with the file descriptors ``close`` closed (``>&-``, ``2>&-``)."""

    def closing() -> None:
        for fd in close:
            os.close(fd)

    return subprocess.run(
        [sys.executable, "-m", "kh68", *args],
        capture_output=True,
        preexec_fn=closing,
        timeout=120,
        check=False,
        env={**os.environ, "KH68_NO_CACHE": "1"},
        **options,
    )


@pytest.mark.skipif(os.name != "posix", reason="closing a standard descriptor as a POSIX shell does")
@pytest.mark.parametrize(
    "args", [["status", "--plan", str(EXAMPLE_PLAN), "--year", "2025"], ["check", str(EXAMPLE_PLAN)], ["--version"]]
)
def test_a_closed_stdout_is_a_quiet_exit_0(args: list[str]) -> None:
    done = kh68_closed(args, (1,))
    assert done.returncode == 0
    assert done.stderr == b""


@pytest.mark.skipif(os.name != "posix", reason="closing a standard descriptor as a POSIX shell does")
def test_a_closed_stderr_keeps_the_exit_code_of_the_error() -> None:
    done = kh68_closed(["status", "--plan", "khong-co"], (2,))
    assert done.returncode == 2
    assert done.stdout == b""


@pytest.mark.skipif(os.name != "posix", reason="closing a standard descriptor as a POSIX shell does")
def test_record_with_closed_streams_still_records_and_says_it_with_the_exit_code(example_copy: Path) -> None:
    args = ["record", "6.3", "--year", "2025", "--value", "96", "--force", "--plan", str(example_copy)]
    done = kh68_closed(args, (1, 2))
    assert done.returncode == 0
    assert "value: 96" in (example_copy / "data" / "2025.yaml").read_text(encoding="utf-8")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_stderr_does_not_change_the_exit_code_of_a_usage_error() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kh68", "status", "--khong-co"], stdout=full, stderr=full, timeout=60, check=False
        )
    assert done.returncode == 2


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "cp1252"}, {"LANG": "C", "LC_ALL": "C"}, {"TERM": "dumb"}],
    ids=["ascii", "cp1252", "LANG=C", "TERM=dumb"],
)
def test_vietnamese_survives_any_console_encoding(env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kh68", "status", "--plan", "khong-co"],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, **env, "KH68_NO_CACHE": "1"},
    )
    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == f"kh68: lỗi: không có thư mục kế hoạch 'khong-co'\n{PLAN_DIR_HINT}\n"


SLOW_RECORD = """
import sys
import kh68.entry.datafile as datafile
real = datafile.DataFile.open.__func__

def slow_open(cls, *args, **kwargs):
    opened = real(cls, *args, **kwargs)
    ready("đang ghi")
    until_a_signal()
    return opened

datafile.DataFile.open = classmethod(slow_open)
from kh68.app.launch import main
sys.argv = ["kh68", *sys.argv[1:]]
main()
"""
RECORD = ["record", "6.3", "--year", "2025", "--value", "96", "--force", "--plan"]
STOPPED = "kh68: lỗi: đã dừng theo yêu cầu\n"


def _temporary_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".kh68-tmp-" in p.name]


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)], ids=["INT", "TERM", "HUP"]
)
def test_a_signal_during_record_stops_it_cleanly_with_the_data_file_unchanged(
    example_copy: Path, signum: int, code: int
) -> None:
    path = example_copy / "data" / "2025.yaml"
    before = path.read_bytes()
    proc = _start(SLOW_RECORD, *RECORD, str(example_copy))
    assert _at_mark(proc, "đang ghi") == {"SIGINT": "handled", "SIGTERM": "handled", "SIGHUP": "handled"}
    proc.send_signal(signum)
    assert _stopped(proc) == (code, STOPPED)
    assert path.read_bytes() == before
    assert _temporary_files(path.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize(
    ("ignored", "then", "code"),
    [(signal.SIGHUP, signal.SIGTERM, 143), (signal.SIGTERM, signal.SIGHUP, 129)],
    ids=["nohup", "TERM-ignored"],
)
def test_a_stop_signal_ignored_by_the_parent_stays_ignored(
    example_copy: Path, ignored: int, then: int, code: int
) -> None:
    """As under ``nohup``: the ignored signal does nothing; another one still stops record cleanly."""
    path = example_copy / "data" / "2025.yaml"
    before = path.read_bytes()
    proc = _start(SLOW_RECORD, *RECORD, str(example_copy), ignored=(ignored,))
    handling = _at_mark(proc, "đang ghi")
    assert handling[signal.Signals(ignored).name] == "ignored"
    assert handling[signal.Signals(then).name] == "handled"
    proc.send_signal(ignored)  # discarded by the kernel on sending, being ignored: nothing is pending after it
    proc.send_signal(then)
    assert _stopped(proc) == (code, STOPPED)
    assert path.read_bytes() == before
    assert _temporary_files(path.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_sigterm_during_check_says_it_stopped() -> None:
    script = SLOW_CHECK.replace("from kh68.cli import main", "from kh68.app.launch import main")
    proc = _start(script, str(EXAMPLE_PLAN))
    assert _at_mark(proc, "bắt đầu")["SIGTERM"] == "handled"
    proc.send_signal(signal.SIGTERM)
    assert _stopped(proc) == (143, STOPPED)


def test_a_stop_while_options_are_parsed_is_said_too(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import kh68.cli
    from kh68.cli.help import VietnameseGroup

    def stopped(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(VietnameseGroup, "resolve_command", stopped)  # inside the parser, before any command runs
    assert kh68.cli.run(["check", str(EXAMPLE_PLAN)]) == 130
    assert capsys.readouterr().err == "kh68: lỗi: đã dừng theo yêu cầu\n"


def test_status_heading_escapes_the_plans_symbol_before_its_layout(example_copy: Path) -> None:
    replace_in(example_copy / "plan.yaml", "symbol: KH-SGDĐT", 'symbol: "KH-SGDĐT\\e[31m' + "x" * 60 + '"')
    out = invoke(["status", "--plan", example_copy, "--today", "2025-11-05"], 0, env={"COLUMNS": "80"}).output
    heading = out.split("\nNgày xem")[0].splitlines()[1:]
    assert "\x1b" not in out
    assert "\\x1b[31m" in "".join(heading)
    assert max(map(len, heading)) <= 80


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_a_stop_after_the_files_are_written_says_they_were(
    example_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """SIGTERM during the rename waits for it: the file holds the new text, and the message says so (it said
    only "đã dừng theo yêu cầu", as if nothing were written)."""
    import kh68.cli
    from kh68.core.files import shown_path

    path = example_copy / "data" / "2025.yaml"
    with sigterm_after_rename(monkeypatch):
        code = kh68.cli.run(
            ["record", "6.8", "--year", "2025", "--value", "70,5", "--force", "--plan", str(example_copy)]
        )
    said = f"kh68: lỗi: đã dừng theo yêu cầu (đã ghi xong {shown_path(path)})\n"
    assert (code, capsys.readouterr().err) == (143, said)
    assert '  "6.8":\n    value: 70,5\n' in path.read_text(encoding="utf-8")
