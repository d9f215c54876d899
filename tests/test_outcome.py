"""How a command ends (``kh68.cli.outcome``): a stop is a stop even when a library turned it into its own error."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLE_PLAN
from kh68.cli.outcome import CommandExit, guarded, new_command
from kh68.core.startup import Stopped

STOPPED = "kh68: lỗi: đã dừng theo yêu cầu\n"


def _ended(capsys: pytest.CaptureFixture[str], error: BaseException) -> tuple[int, str]:
    new_command()
    with pytest.raises(CommandExit) as ended:
        with guarded():
            raise error
    return ended.value.code, capsys.readouterr().err


def _wrapped(stop: KeyboardInterrupt) -> Exception:
    """An error of a library's own, raised while it handled ``stop`` (its context)."""
    try:
        raise stop
    except KeyboardInterrupt:
        try:
            raise RuntimeError("Error calling __set_name__")  # as Python 3.11 creating a class
        except RuntimeError as error:
            return error


def test_an_error_raised_while_a_stop_was_handled_is_the_stop(capsys: pytest.CaptureFixture[str]) -> None:
    assert _ended(capsys, _wrapped(KeyboardInterrupt())) == (130, STOPPED)
    assert _ended(capsys, _wrapped(Stopped(15))) == (143, STOPPED)


def test_an_error_after_a_stop_signal_of_the_command_is_the_stop(capsys: pytest.CaptureFixture[str]) -> None:
    """A library that swallows the stop into an error without a cause (pydantic's SchemaError)."""
    new_command()
    Stopped(15)  # the handler's record of SIGTERM
    with pytest.raises(CommandExit) as ended:
        with guarded():
            raise ValueError("SchemaError: function-after validator")
    assert (ended.value.code, capsys.readouterr().err) == (143, STOPPED)


def test_a_stop_of_an_earlier_command_does_not_make_a_defect_a_stop(capsys: pytest.CaptureFixture[str]) -> None:
    Stopped(15)
    code, err = _ended(capsys, ValueError("a defect"))
    assert code == 70
    assert err.startswith("kh68: lỗi: lỗi nội bộ của kh68 (ValueError)")


# A real kh68 process: SIGTERM arrives while the plan is validated, and the validation answers with an error of
# its own that does not name the stop (as pydantic's SchemaError does when the signal comes during its build).
SWALLOWED = """
import os, signal, sys
from kh68.reading import load
validated = load._Loader._validated
def stopped_inside(self, doc, model):
    try:
        os.kill(os.getpid(), signal.SIGTERM)
    except KeyboardInterrupt:
        raise RuntimeError("validator build failed") from None
    return validated(self, doc, model)
load._Loader._validated = stopped_inside
sys.argv = ["kh68", *sys.argv[1:]]
from kh68.app.launch import main
main()
"""


@pytest.mark.parametrize("command", [["status", "--plan"], ["check"], ["record", "6.2", "--year", "2025", "--plan"]])
def test_a_stop_a_library_swallowed_ends_the_real_process_as_a_stop(command: list[str]) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SWALLOWED,
            *command,
            str(EXAMPLE_PLAN),
            *(["--value", "1"] if "record" in command else []),
        ],
        capture_output=True,
        text=True,
        env={"KH68_NO_CACHE": "1", "PATH": ""},
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (143, "", STOPPED)
