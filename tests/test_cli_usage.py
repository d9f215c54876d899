"""Mistakes in the command line itself are said in Vietnamese, with exit code 2."""

from __future__ import annotations

import pytest

from conftest import EXAMPLE_PLAN
from kh68.cli import run
from kh68.cli.common import translate_usage_error


@pytest.mark.parametrize(
    ("argv", "first_line"),
    [
        (
            ["status", "--year", "abc"],
            "kh68: lỗi: giá trị của --year không hợp lệ: 'abc' không phải là một năm (viết bằng chữ số 0–9, ví dụ 2025)",
        ),
        (
            ["status", "--year", "-1"],
            "kh68: lỗi: giá trị của --year không hợp lệ: '-1' không phải là một năm (viết bằng chữ số 0–9, ví dụ 2025)",
        ),
        (["status", "--stat"], "kh68: lỗi: không có tùy chọn --stat (có phải ý bạn là --today?)"),
        (["statuss"], "kh68: lỗi: không có lệnh 'statuss' (có phải ý bạn là status?)"),
        (["record"], "kh68: lỗi: thiếu đối số CHỈ_TIÊU"),
        (["check", "a", "b"], "kh68: lỗi: thừa đối số: b"),
        (
            ["status", "--format", "xml"],
            "kh68: lỗi: giá trị 'xml' của --format không hợp lệ; chọn một trong: 'table', 'json'",
        ),
    ],
)
def test_usage_errors_in_vietnamese(capsys: pytest.CaptureFixture[str], argv: list[str], first_line: str) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == first_line
    assert err[1].startswith("Xem 'kh68")
    assert err[1].endswith(" --help' để biết cách dùng.")


def test_a_record_without_year_or_period_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["record", "6.1", "--plan", str(EXAMPLE_PLAN)]) == 2
    assert (
        capsys.readouterr().err == "kh68: lỗi: thiếu tùy chọn bắt buộc --year (hoặc --period, ví dụ --period 2026-11)\n"
    )


def test_exit_codes_pass_through(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(EXAMPLE_PLAN)]) == 0
    assert run(["check", "khong-co"]) == 2
    assert (
        run(["status", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--fail-on", "not_met", "--format", "json"]) == 1
    )
    capsys.readouterr()


def test_plain_kh68_shows_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([]) == 0
    assert capsys.readouterr().out.startswith("Cách dùng: kh68 [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")


def test_unknown_messages_are_kept() -> None:
    assert translate_usage_error("Something new happened") == "Something new happened"


@pytest.mark.parametrize("year", ["2025.0", "2_025", "+2025", "２０２５", "٢٠٢٥", "0x7e9", "2025 5", "9" * 5000])
@pytest.mark.parametrize("command", [["status"], ["report"], ["record", "6.3", "--value", "1"]])
def test_a_year_is_ascii_digits_as_in_a_data_file(
    capsys: pytest.CaptureFixture[str], command: list[str], year: str
) -> None:
    assert run([*command, "--plan", str(EXAMPLE_PLAN), "--year", year]) == 2
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith("kh68: lỗi: giá trị của --year không hợp lệ: '")
    assert first.endswith(" không phải là một năm (viết bằng chữ số 0–9, ví dụ 2025)")
    assert len(first) < 200  # a 5.000-digit "year" is quoted as an excerpt
