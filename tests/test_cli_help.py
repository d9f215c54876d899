"""Help is in Vietnamese throughout, the option parser's own words included; ``--version``."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
import typer
from typer.main import get_command

import kh68
import kh68.cli
import kh68.cli.commandline
from conftest import invoke
from kh68.cli.help import translate_help

COMMANDS = sorted(get_command(kh68.cli.app).commands)  # type: ignore[attr-defined]
ENGLISH = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "default:",
    "required",
    "env var",
    "<str>",
    "<int>",
    "<path>",
    "OPTIONS",
    "COMMAND",
    "ARGS",
]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=lambda c: " ".join(c) or "kh68")
def test_help_has_no_english_words(command: list[str]) -> None:
    out = invoke([*command, "--help"], 0).output
    assert out.startswith(f"Cách dùng: kh68 {' '.join(command)}".rstrip() + " [TÙY_CHỌN]")
    assert "Hiện hướng dẫn này rồi thoát." in out
    for word in ENGLISH:
        assert word not in out, (word, out)
    # A type or argument name the parser took from the code (<list[Path]>, {paths}), not a Vietnamese one.
    assert re.findall(r"<[A-Za-z_\[\]]+>|\{[a-z_]+\}|list\[", out) == [], out
    # typer's braces around a required argument ({CHỈ_TIÊU}): the usage line names it plainly.
    assert "{" not in out.splitlines()[0], out


def test_check_help_in_full() -> None:
    out = invoke(["check", "--help"], 0).output
    assert out.splitlines()[0] == "Cách dùng: kh68 check [TÙY_CHỌN] [THƯ_MỤC]"
    assert "\nĐối số:\n  THƯ_MỤC <đường_dẫn>  Thư mục kế hoạch (thay cho --plan).\n" in out
    assert "\nTùy chọn:\n  --plan <đường_dẫn>" in out
    assert "[biến môi trường: KH68_PLAN]" in out
    assert "[mặc định: parsable]" in out


def test_root_help_lists_commands_under_a_vietnamese_heading() -> None:
    out = invoke(["--help"], 0).output
    assert out.splitlines()[0] == "Cách dùng: kh68 [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]..."
    assert "\nLệnh:\n  check " in out
    assert "  --version  Hiện phiên bản của kh68 rồi thoát.\n" in out


def test_required_is_said_in_vietnamese() -> None:
    assert (
        "CHỈ_TIÊU <chữ>  Mã chỉ tiêu (id trong indicators.yaml).  [bắt buộc]" in invoke(["record", "--help"], 0).output
    )


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Show this message and exit.", "Hiện hướng dẫn này rồi thoát."),
        (
            "Thư mục.  [env var: KH68_PLAN; default: plan; required]",
            "Thư mục.  [biến môi trường: KH68_PLAN; mặc định: plan; bắt buộc]",
        ),
        ("Năm [2025] của báo cáo.", "Năm [2025] của báo cáo."),
    ],
)
def test_translate_help(english: str, vietnamese: str) -> None:
    assert translate_help(english) == vietnamese


def test_version() -> None:
    assert invoke(["--version"], 0).output == f"kh68 {kh68.__version__}\n"
    assert kh68.__version__ == version("kh68")


def test_an_option_given_several_times_shows_one_value_of_it() -> None:
    out = invoke(["status", "--help"], 0).output
    assert (
        "  --fail-on <not_met|no_data>  Thoát với mã 1 nếu có chỉ tiêu ở tình trạng này\n"
        "                               (dùng trong CI); ghi nhiều lần để chọn nhiều tình\n"
        "                               trạng: --fail-on not_met --fail-on no_data.\n"
    ) in out
    assert "\n  TỆP <đường_dẫn>  Các biểu mẫu .xlsx" in invoke(["import", "--help"], 0).output  # <list[Path]>


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        (["record"], "Cách dùng: kh68 record [TÙY_CHỌN] CHỈ_TIÊU"),
        (["progress"], "Cách dùng: kh68 progress [TÙY_CHỌN] NHIỆM_VỤ"),
        (["init"], "Cách dùng: kh68 init [TÙY_CHỌN] THƯ_MỤC"),
        (["import"], "Cách dùng: kh68 import [TÙY_CHỌN] TỆP..."),
        (["check"], "Cách dùng: kh68 check [TÙY_CHỌN] [THƯ_MỤC]"),
    ],
)
def test_usage_names_a_required_argument_plainly(command: list[str], usage: str) -> None:
    assert invoke([*command, "--help"], 0).output.splitlines()[0] == usage


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_built_alone_is_the_command_of_the_whole_app(name: str) -> None:
    """``kh68 NAME …`` builds NAME alone (kh68.cli.commandline._narrowed): its parameters and help are those of the whole app's."""
    whole = get_command(kh68.cli.app)
    alone = get_command(kh68.cli.commandline._narrowed(name))
    assert list(alone.commands) == [name]  # type: ignore[attr-defined]
    assert [p.name for p in alone.params] == [p.name for p in whole.params]
    ctx = typer.Context(whole, info_name="kh68")
    a = alone.commands[name]  # type: ignore[attr-defined]
    w = whole.commands[name]  # type: ignore[attr-defined]
    assert [(p.name, p.opts, p.required, p.default, p.multiple) for p in a.params] == [
        (p.name, p.opts, p.required, p.default, p.multiple) for p in w.params
    ]
    assert a.get_help(typer.Context(a, info_name=name, parent=ctx)) == w.get_help(
        typer.Context(w, info_name=name, parent=ctx)
    )


@pytest.mark.parametrize("first", ["", "--help", "--version", "chek", "CHECK"])
def test_anything_but_a_command_name_gets_the_whole_app(first: str) -> None:
    assert kh68.cli.commandline._narrowed(first) is kh68.cli.app
