"""A read-only command run by the launcher without typer (``kh68.cli.readonly.run_direct``) says and exits exactly
as the typer command line does; a value it does not read plainly is left to typer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kh68.cli
from conftest import EXAMPLE_PLAN, FIXTURE_PLAN, replace_in
from kh68.app.launch import _READ_ONLY, CommandLine, read_only
from kh68.cli.outcome import PLAN_ENV
from kh68.cli.readonly import _CALLS, CHECK_FORMAT, STATUS_FORMAT, run_direct

EXAMPLE = "@example"
FIXTURE = "@fixture"
BROKEN = "@broken"
MISSING = "@missing"

SAME = [
    ["check", FIXTURE],
    ["check", EXAMPLE],
    ["check", EXAMPLE, "--strict"],
    ["check", "--plan", EXAMPLE],
    ["check", f"--plan={EXAMPLE}"],
    ["check", "--plan", MISSING, EXAMPLE],
    ["check", EXAMPLE, "--format", "json"],
    ["check", EXAMPLE, "--format=github"],
    ["check", EXAMPLE, "--format", "auto"],
    ["check", EXAMPLE, "--format", "parsable", "--format", "json"],
    ["check", EXAMPLE, "--today", "2025-11-06"],
    ["check", EXAMPLE, "--today", "06/11/2025"],
    ["check", EXAMPLE, "--today", "2025-13-40"],
    ["check", BROKEN],
    ["check", BROKEN, "--format", "json"],
    ["check", MISSING],
    ["check"],
    ["export", "--plan", EXAMPLE],
    ["export", "--plan", BROKEN],
    ["status", "--plan", EXAMPLE, "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--year", "2025", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--year", " 2025 ", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--year", "2025", "--format", "json", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--period", "2025-Q4", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--year", "2024", "--period", "2025-11", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--period", "2025-Q5", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--year", "1999", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--unit", "xa_mh_01", "--year", "2025", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--unit", "không_có", "--year", "2025", "--today", "2025-11-06"],
    ["status", "--plan", EXAMPLE, "--year", "2025", "--today", "2025-11-06", "--fail-on", "not_met"],
    [
        "status",
        "--plan",
        EXAMPLE,
        "--year",
        "2025",
        "--today",
        "2025-11-06",
        "--fail-on=no_data",
        "--fail-on",
        "not_met",
    ],
    ["status", "--plan", FIXTURE, "--today", "2025-11-06"],
    ["status", "--plan", BROKEN, "--today", "2025-11-06"],
    ["status", "--plan", MISSING, "--today", "2025-11-06"],
]

LEFT_TO_TYPER = [
    ["check", EXAMPLE, "--format", "JSON"],
    ["check", EXAMPLE, "--format="],
    ["check", EXAMPLE, "--strict", "--format", ""],
    ["status", "--plan", EXAMPLE, "--format", ""],
    ["check", "--plan", ""],
    ["check", ""],
    ["status", "--plan", EXAMPLE, "--year", "2025.0"],
    ["status", "--plan", EXAMPLE, "--year", "+2025"],
    ["status", "--plan", EXAMPLE, "--format", "xml"],
    ["status", "--plan", EXAMPLE, "--fail-on", "late"],
]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("plans")
    broken = Path(shutil.copytree(EXAMPLE_PLAN, root / "broken"))
    replace_in(broken / "units.yaml", "id: xa_mh_01", "id: Xã-1")
    return {
        EXAMPLE: str(EXAMPLE_PLAN),
        FIXTURE: str(FIXTURE_PLAN),
        BROKEN: str(broken),
        MISSING: str(root / "no-such-plan"),
    }


def _filled(argv: list[str], plans: dict[str, str]) -> list[str]:
    def fill(token: str) -> str:
        for name, path in plans.items():
            token = token.replace(name, path)
        return token

    return [fill(token) for token in argv]


def _run(capsys: pytest.CaptureFixture[str], call) -> tuple[int | None, str, str]:  # type: ignore[no-untyped-def]
    code = call()
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("argv", SAME, ids=" ".join)
def test_run_without_typer_says_and_exits_as_the_command_line(
    argv: list[str], plans: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(plans[MISSING]).parent)  # ``kh68 check`` alone: no ./plan here
    monkeypatch.delenv("KH68_PLAN", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    args = _filled(argv, plans)
    line = read_only(args)
    assert line is not None
    direct = _run(capsys, lambda: run_direct(line))
    assert direct[0] is not None, "left to typer"
    through_typer = _run(capsys, lambda: kh68.cli.run(args))
    assert direct == through_typer
    assert "Traceback" not in direct[1] + direct[2]


@pytest.mark.parametrize(
    ("variable", "argv"),
    [(FIXTURE, ["check"]), ("", ["check"]), (MISSING, ["check", "--plan", FIXTURE]), (FIXTURE, ["export"])],
)
def test_the_plan_of_the_environment_is_read_as_typer_reads_it(
    variable: str,
    argv: list[str],
    plans: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(Path(plans[MISSING]).parent)  # no ./plan here
    monkeypatch.setenv("KH68_PLAN", _filled([variable], plans)[0])
    args = _filled(argv, plans)
    line = read_only(args)
    assert line is not None
    direct = _run(capsys, lambda: run_direct(line))
    assert direct == _run(capsys, lambda: kh68.cli.run(args))
    assert direct[0] == (2 if variable == "" else 0)


def test_the_plan_of_the_environment_names_the_plan(
    plans: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KH68_PLAN", plans[FIXTURE])
    line = read_only(["check"])
    assert line is not None
    direct = _run(capsys, lambda: run_direct(line))
    assert direct[1] == f"{plans[FIXTURE]}: không có lỗi — 13 chỉ tiêu, 10 nhiệm vụ, 20 đơn vị, số liệu 0 năm.\n"


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_a_value_not_read_plainly_is_left_to_typer(
    argv: list[str], plans: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    line = read_only(_filled(argv, plans))
    assert line is not None
    assert run_direct(line) is None
    assert capsys.readouterr() == ("", "")


def test_the_launcher_runs_each_read_only_command_it_understands() -> None:
    assert set(_CALLS) == set(_READ_ONLY)


def test_defaults_and_environment_are_the_typer_options_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the launcher takes when an option is not given is what typer takes."""
    from typer.main import get_command

    group = get_command(kh68.cli.app)
    params = {name: {p.name: p for p in group.commands[name].params} for name in _READ_ONLY}  # type: ignore[attr-defined]
    assert params["check"]["fmt"].default is CHECK_FORMAT
    assert params["status"]["fmt"].default is STATUS_FORMAT
    assert {name: p["plan"].envvar for name, p in params.items()} == dict.fromkeys(_READ_ONLY, PLAN_ENV)
    monkeypatch.setenv(PLAN_ENV, "ke-hoach")
    assert CommandLine("check").plan_root() == "ke-hoach"  # the cache key's plan: the same variable


# A real kh68 process on a cache miss: which of the heavy libraries it imported, said at exit.
IMPORTED = """
import atexit, sys
atexit.register(lambda: print(sorted(m for m in ("typer", "click", "kh68.cli.common", "importlib.metadata") if m in sys.modules)))
sys.argv = ["kh68", *sys.argv[1:]]
from kh68.app.launch import main
main()
"""


@pytest.mark.parametrize("argv", [["check", FIXTURE], ["status", "--plan", FIXTURE], ["export", "--plan", FIXTURE]])
def test_a_miss_of_a_read_only_command_runs_without_typer(argv: list[str], plans: dict[str, str]) -> None:
    env = {"KH68_NO_CACHE": "1", "PATH": "", "COLUMNS": "100"}
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED, *_filled(argv, plans)], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
