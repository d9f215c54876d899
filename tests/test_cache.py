"""The cache of read-only answers (``kh68.app.cache``) behind the thin entry point (``kh68.app.launch``).

``Kh68`` runs a real ``kh68`` process: a probe registered at exit says whether
the command line (and so typer) was imported, that is whether it was a miss.
``InProcess`` runs ``kh68.app.launch.run`` in the test's process (quick: typer is
already imported), counting the runs of the command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kh68 as kh68_package
from conftest import EXAMPLE_PLAN, PLAN, cpu_time, replace_in
from kh68.app import cache, launch

PROBE = (
    "import atexit, os, sys\n"
    "def probe():\n"
    "    heavy = sorted(m for m in ('typer', 'click', 'pydantic', 'rich', 'yaml') if m in sys.modules)\n"
    "    with open(os.environ['PROBE_FILE'], 'a', encoding='utf-8') as f:\n"
    "        f.write(('miss ' if 'kh68.cli' in sys.modules else 'hit ') + ','.join(heavy) + '\\n')\n"
    "atexit.register(probe)\n"
    "import kh68\n"
    "kh68.__version__ = os.environ.get('PROBE_VERSION', kh68.__version__)\n"
    "from kh68.app.launch import main\n"
    "main()\n"
)
STATUS = ["status", "--year", "2025", "--today", "2025-11-06"]


class Kh68:
    """``kh68`` as a user runs it, with its cache in a temporary directory."""

    def __init__(self, tmp_path: Path):
        self.cache = tmp_path / "cache"
        self.probe = tmp_path / "probe.txt"
        self.cwd = tmp_path
        self.env = {k: v for k, v in os.environ.items() if k != "KH68_NO_CACHE"}
        self.env.update(KH68_CACHE_DIR=str(self.cache), PROBE_FILE=str(self.probe), COLUMNS="100")

    def __call__(self, *args: str | Path, **env: str) -> tuple[bytes, bytes, int, str]:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, *map(str, args)],
            capture_output=True,
            cwd=self.cwd,
            env={**self.env, **env},
            check=False,
            timeout=300,  # only bounds a hang (a cache entry that blocks)
        )
        assert b"Traceback" not in done.stderr, done.stderr.decode()
        return done.stdout, done.stderr, done.returncode, self.probe.read_text(encoding="utf-8").splitlines()[-1]

    def truth(self, *args: str | Path, **env: str) -> tuple[bytes, bytes, int]:
        """The answer with the cache off."""
        out, err, code, way = self(*args, KH68_NO_CACHE="1", **env)
        assert way.startswith("miss")
        return out, err, code

    def entries(self) -> list[Path]:
        return sorted(self.cache.iterdir()) if self.cache.is_dir() else []


@pytest.fixture
def kh68(tmp_path: Path) -> Kh68:
    return Kh68(tmp_path)


class InProcess:
    """``kh68.app.launch.run`` with its cache in a temporary directory; same answers as ``Kh68``."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.cache = tmp_path / "cache"
        self.monkeypatch = monkeypatch
        self.capsys = capsys
        monkeypatch.delenv("KH68_NO_CACHE", raising=False)
        monkeypatch.setenv("KH68_CACHE_DIR", str(self.cache))
        monkeypatch.setenv("COLUMNS", "100")
        self.misses = 0
        command_line = launch._command_line

        def counted(argv: list[str]) -> int:
            self.misses += 1
            return command_line(argv)

        monkeypatch.setattr(launch, "_command_line", counted)

    def __call__(self, *args: str | Path, **env: str) -> tuple[str, str, int, str]:
        misses = self.misses
        saved = sys.stdout, sys.stderr
        with self.monkeypatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            try:
                code = launch.run([str(a) for a in args])
            finally:
                sys.stdout, sys.stderr = saved
        out, err = self.capsys.readouterr()
        return out, err, code, "miss" if self.misses > misses else "hit"

    def truth(self, *args: str | Path, **env: str) -> tuple[str, str, int]:
        out, err, code, _ = self(*args, KH68_NO_CACHE="1", **env)
        return out, err, code

    def entries(self) -> list[Path]:
        return sorted(self.cache.iterdir()) if self.cache.is_dir() else []


@pytest.fixture
def inproc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> InProcess:
    return InProcess(tmp_path, monkeypatch, capsys)


def _broken(example_copy: Path) -> Path:
    replace_in(example_copy / "data" / "2025.yaml", "xa_mh_01: {numerator: 1768", "xa_mh_01: {numerator: 9999")
    (example_copy / "stray.yaml").write_text("a: 1\n", encoding="utf-8")
    return example_copy


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["check", PLAN], 0),
        (["check", "khong-co"], 2),
        ([*STATUS, "--plan", EXAMPLE_PLAN, "--fail-on", "not_met"], 1),
    ],
)
def test_a_hit_repeats_stdout_stderr_and_exit_code_byte_for_byte(kh68: Kh68, args: list, exit_code: int) -> None:
    truth = kh68.truth(*args)
    assert truth[2] == exit_code
    first = kh68(*args)
    second = kh68(*args)
    assert first[3].startswith("miss")
    assert first[:3] == truth
    assert second == (*truth, "hit ")  # and nothing heavy was imported for it
    assert len(kh68.entries()) == 1


def test_the_answers_of_every_read_only_command_are_repeated(inproc: InProcess, example_copy: Path) -> None:
    broken = _broken(Path(shutil.copytree(example_copy, example_copy.parent / "broken")))
    for args in (
        [*STATUS, "--plan", example_copy],
        [*STATUS, "--plan", example_copy, "--format", "json"],
        ["export", "--plan", example_copy],
        ["check", broken],
        ["check", "--strict", "--format", "github", broken],
        [*STATUS, "--plan", broken],
        ["export", "--plan", broken],
    ):
        truth = inproc.truth(*args)
        assert inproc(*args) == (*truth, "miss")
        assert inproc(*args) == (*truth, "hit")
    assert truth[2] == 1
    assert "9.999" in truth[1]
    assert len(inproc.entries()) == 7


def _edit_value(plan: Path) -> None:
    replace_in(plan / "data" / "2025.yaml", "xa_mh_01: {numerator: 1768", "xa_mh_01: {numerator: 1778")


def _edit_plan_file(plan: Path) -> None:
    replace_in(plan / "indicators.yaml", "name: Tỷ lệ huy động trẻ em nhà trẻ", "name: Tỷ lệ trẻ em nhà trẻ")


def _touch_only(plan: Path) -> None:
    for path in (plan / "data" / "2025.yaml", plan / "units.yaml"):
        later = time.time() + 3600
        os.utime(path, (later, later))


def _stray_file(plan: Path) -> None:
    (plan / "ghi-chu.yaml").write_text("a: 1\n", encoding="utf-8")


def _stray_data_file(plan: Path) -> None:
    (plan / "data" / "2026.yml").write_text("year: 2026\n", encoding="utf-8")


def _remove_data_file(plan: Path) -> None:
    (plan / "data" / "2024.yaml").unlink()


@pytest.mark.parametrize(
    ("change", "way"),
    [
        (_edit_value, "miss"),
        (_edit_plan_file, "miss"),
        (_touch_only, "hit"),
        (_stray_file, "miss"),
        (_stray_data_file, "miss"),
        (_remove_data_file, "miss"),
    ],
)
def test_a_change_to_the_plan_is_a_miss_and_only_that(inproc: InProcess, example_copy: Path, change, way: str) -> None:
    commands = (["check", example_copy], [*STATUS, "--plan", example_copy, "--format", "json"])
    before = [inproc(*args)[:3] for args in commands]
    change(example_copy)
    after = []
    for args in commands:
        after.append(inproc.truth(*args))
        assert inproc(*args) == (*after[-1], way)
        assert inproc(*args) == (*after[-1], "hit")
    if way == "miss":
        assert after != before  # the change shows, so a stale answer would have been caught


@pytest.mark.parametrize(
    "then",
    [{"COLUMNS": "60"}, {"NO_COLOR": "1"}, {"KH68_PLAN": str(PLAN)}, {"TERM": "dumb"}, {"KH68_DEBUG": "1"}],
)
def test_the_environment_is_in_the_key(inproc: InProcess, then: dict) -> None:
    args = ["status", "--today", "2025-11-06"]
    inproc(*args, KH68_PLAN=str(EXAMPLE_PLAN))
    assert inproc(*args, KH68_PLAN=str(EXAMPLE_PLAN))[3] == "hit"
    env = {"KH68_PLAN": str(EXAMPLE_PLAN), **then}
    assert inproc(*args, **env) == (*inproc.truth(*args, **env), "miss")


def test_another_version_of_kh68_is_a_miss(inproc: InProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["check", EXAMPLE_PLAN]
    inproc(*args)
    assert inproc(*args)[3] == "hit"
    monkeypatch.setattr(kh68_package, "__version__", "99.0")
    assert inproc(*args)[3] == "miss"


def test_another_day_is_another_answer(inproc: InProcess) -> None:
    base = ["status", "--plan", EXAMPLE_PLAN, "--year", "2025"]
    first = inproc(*base, "--today", "2025-11-06")
    answer = inproc(*base, "--today", "2025-12-31")
    assert answer == (*inproc.truth(*base, "--today", "2025-12-31"), "miss")
    assert answer[0] != first[0]


def test_todays_date_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["status", "--plan", str(EXAMPLE_PLAN)]
    today, _ = cache.key(argv, str(EXAMPLE_PLAN), "0.1.0")
    tomorrow = time.localtime(time.time() + 86400)
    monkeypatch.setattr(time, "localtime", lambda *_: tomorrow)
    assert cache.key(argv, str(EXAMPLE_PLAN), "0.1.0")[0] != today


@pytest.mark.parametrize("damage", ["empty", "garbage", "cut", "flip"])
def test_a_damaged_entry_is_a_miss(inproc: InProcess, damage: str) -> None:
    args = [*STATUS, "--plan", EXAMPLE_PLAN]
    truth = inproc.truth(*args)
    inproc(*args)
    (entry,) = inproc.entries()
    blob = entry.read_bytes()
    damaged = {
        "empty": b"",
        "garbage": b"garbage",
        "cut": blob[: len(blob) // 2],
        "flip": blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:],
    }[damage]
    entry.write_bytes(damaged)
    assert inproc(*args) == (*truth, "miss")
    assert inproc(*args) == (*truth, "hit")


@pytest.mark.parametrize("where", ["under-a-file", "inside-the-plan"])
def test_a_cache_that_cannot_be_written_changes_nothing(inproc: InProcess, example_copy: Path, where: str) -> None:
    blocker = example_copy.parent / "a-file"
    blocker.write_text("", encoding="utf-8")
    folder = blocker / "cache" if where == "under-a-file" else example_copy / ".cache"
    args = ["check", example_copy]
    truth = inproc.truth(*args)
    for _ in range(2):
        assert inproc(*args, KH68_CACHE_DIR=str(folder)) == (*truth, "miss")
    assert not folder.exists()


def test_an_unwritable_cache_is_silent_in_a_real_process(kh68: Kh68, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    truth = kh68.truth("check", PLAN)
    answer = kh68("check", PLAN, KH68_CACHE_DIR=str(tmp_path / "a-file" / "cache"))
    assert answer[:3] == truth
    assert answer[3].startswith("miss")


def test_no_cache_turns_it_off(inproc: InProcess) -> None:
    for _ in range(2):
        assert inproc("check", PLAN, KH68_NO_CACHE="1")[3] == "miss"
    assert inproc.entries() == []


def test_writing_commands_are_never_cached(inproc: InProcess, example_copy: Path) -> None:
    args = ["record", "6.2", "--year", "2025", "--value", "50", "--plan", example_copy]
    assert inproc(*args)[2:] == (0, "miss")
    assert inproc(*args)[2:] == (0, "miss")
    assert inproc.entries() == []


@pytest.mark.parametrize(
    ("argv", "root"),
    [
        (["check"], "plan"),
        (["check", "kh"], "kh"),
        (["check", "--plan", "kh"], "kh"),
        (["check", "--plan=kh", "--strict", "--format", "github"], "kh"),
        (["check", "a", "--plan", "b"], "a"),
        (["check", "--plan", ""], ""),
        (["status", "--plan", "kh", "--year", "2025", "--fail-on", "not_met", "--fail-on=no_data"], "kh"),
        (["export", "--plan", "kh"], "kh"),
        (["check", "--help"], None),
        (["check", "a", "b"], None),
        (["check", "--plan"], None),
        (["check", "--strict=1"], None),
        (["status", "kh"], None),
        (["status", "-h"], None),
        (["record", "6.2", "--year", "2025"], None),
        (["report", "--year", "2025"], None),
        (["--help"], None),
        ([], None),
    ],
)
def test_which_command_lines_are_answered_from_the_cache(argv: list[str], root: str | None) -> None:
    assert launch.plan_root(argv) == root


def test_plan_root_falls_back_to_kh68_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KH68_PLAN", "o-day")
    assert launch.plan_root(["status"]) == "o-day"
    monkeypatch.setenv("KH68_PLAN", "")
    assert launch.plan_root(["status"]) == "plan"


def test_a_run_that_reads_outside_the_key_is_not_stored(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    (plan / "extra").mkdir(parents=True)
    _, covered = cache.key(["check", str(plan)], str(plan), "0.1.0")
    recording = cache.Recording(str(plan), covered | {str(plan / "plan.yaml")})
    recording.note("open", str(plan / "plan.yaml"))
    recording.note("os.listdir", str(plan))
    recording.note("open", os.devnull)
    recording.note("open", cache.__file__)
    assert recording.complete
    for event, path in [("open", plan / "extra" / "x.yaml"), ("os.scandir", plan / "extra"), ("open", tmp_path / "o")]:
        recording = cache.Recording(str(plan), covered)
        recording.note(event, str(path))
        assert not recording.complete, (event, path)


def test_cache_directory_by_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("KH68_NO_CACHE", "KH68_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.directory(str(PLAN)) == str(tmp_path / ".cache" / "kh68")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory(str(PLAN)) == str(tmp_path / "xdg" / "kh68")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # not absolute: ignored, as the XDG spec says
    assert cache.directory(str(PLAN)) == str(tmp_path / ".cache" / "kh68")
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert cache.directory(str(PLAN)) == str(tmp_path / "Local" / "kh68" / "Cache")
    monkeypatch.setenv("KH68_CACHE_DIR", str(tmp_path / "own"))
    assert cache.directory(str(PLAN)) == str(tmp_path / "own")
    monkeypatch.setenv("KH68_NO_CACHE", "1")
    assert cache.directory(str(PLAN)) is None


@pytest.mark.skipif(os.name != "posix", reason="FIFOs as on POSIX")
def test_an_entry_that_is_a_fifo_is_a_miss_not_a_hang(kh68: Kh68) -> None:
    truth = kh68.truth("check", PLAN)
    kh68("check", PLAN)
    (entry,) = kh68.entries()
    entry.unlink()
    os.mkfifo(entry)
    answer = kh68("check", PLAN)  # a hang fails this test after 300 s
    assert answer[:3] == truth
    assert answer[3].startswith("miss")


def test_a_huge_sparse_file_in_the_plan_is_never_hashed(kh68: Kh68, example_copy: Path) -> None:
    huge = example_copy / "data" / "2024.yaml"
    huge.unlink()
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    with cpu_time() as spent:
        out, err, code, way = kh68("check", example_copy)
    assert spent() < 10
    assert code == 1
    assert "tệp quá lớn (2.048 MiB, tối đa 64 MiB)" in (out + err).decode()
    assert way.startswith("miss")
    assert kh68.entries() == []  # an answer whose key could not be made is not stored


def test_a_stderr_that_cannot_be_written_does_not_change_a_hit(kh68: Kh68, tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    truth = kh68.truth("check", PLAN)
    kh68("check", PLAN)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-c", PROBE, "check", str(PLAN)],
            stdout=subprocess.PIPE,
            stderr=full,
            cwd=kh68.cwd,
            env=kh68.env,
            check=False,
        )
    assert (done.stdout, done.returncode) == (truth[0], truth[2])
    assert kh68.probe.read_text(encoding="utf-8").splitlines()[-1].startswith("hit")
