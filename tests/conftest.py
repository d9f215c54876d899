"""Shared fixtures and helpers for the kh68 tests (keep this file small)."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import typer.main
import typer.testing
from typer.testing import CliRunner, Result

import kh68.cli
import tools
from tools import PROBES, probe

# typer's CliRunner, and kh68.cli.run, build the click command of the app again at every invoke (about 25 ms,
# a fifth of a Markdown report); the app does not change while the tests run, so each process builds it once.
typer.main.get_command = typer.testing._get_command = functools.cache(typer.main.get_command)

# No test sees an answer cached by another run (tests/test_cache.py turns it on in a temporary directory).
os.environ["KH68_NO_CACHE"] = "1"

REPO = Path(__file__).resolve().parents[1]
# The tests run on fixture plans, never on plan/ (the department's own, which it edits freely; only
# test_bundled_plan.py runs `kh68 check plan` on it). FIXTURE_PLAN: a frozen copy of plan/ (no data
# files), see tests/fixtures/plans/README.md.
FIXTURE_PLAN = REPO / "tests" / "fixtures" / "plans" / "lamdong-nq68"
EXAMPLE_PLAN = REPO / "examples" / "plan"
PLAN_NUMBER_BLANK = (
    "kh68: cảnh báo: plan.yaml không ghi số của kế hoạch (number): báo cáo viết 'Kế hoạch số …/KH-SGDĐT năm 2024'; "
    "điền số trước khi trình ký\n"
)
SIGNER_NAME_BLANK = (
    "kh68: cảnh báo: plan.yaml không ghi họ tên người ký (signer: name): dòng họ tên dưới chữ ký để trống\n"
)
SUCCESSOR_TO_VERIFY = (
    "kh68: cảnh báo: báo cáo nêu thông tin ngoài văn bản kế hoạch về Sở Lao động – Thương binh và Xã hội và Sở Nội vụ "
    "tỉnh Lâm Đồng mà units.yaml ghi cần xác minh: Đối chiếu với quyết định của tỉnh thành lập Sở Nội vụ; xác minh "
    "trước khi trình ký\n"
)
EXAMPLE_BLANKS = PLAN_NUMBER_BLANK + SIGNER_NAME_BLANK + SUCCESSOR_TO_VERIFY
"""What every report of the example plan to the province from 01/3/2025 warns of: its document leaves the number
blank, names no signer, and sends it to the successor of a body that ceased, which units.yaml marks to verify."""
# The demo's units before and after the reorganisation of 01/7/2025.
DISTRICTS = [
    "pgd_da_lat", "pgd_bao_loc", "pgd_bao_lam", "pgd_cat_tien", "pgd_da_huoai", "pgd_da_teh",
    "pgd_di_linh", "pgd_dam_rong", "pgd_don_duong", "pgd_duc_trong", "pgd_lac_duong", "pgd_lam_ha",
]  # fmt: skip
COMMUNES = [f"xa_mh_{i:02d}" for i in range(1, 11)]


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist, the controller makes the folder where the workers share the tools they probed."""
    if config.getoption("numprocesses", None) and not hasattr(config, "workerinput"):
        os.environ[tools.SHARED] = tempfile.mkdtemp(prefix="kh68-tools-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and tools.SHARED in os.environ:
        shutil.rmtree(os.environ.pop(tools.SHARED), ignore_errors=True)


# The modules that try many cases of one property, each through the whole command line (hostile texts in
# every document and format, numbers on every way in, broken and odd forms, template limits), or every
# fixture plan and every documented sample: marked ``thorough``. make test-fast leaves them out for the edit
# loop, make test and CI run them. (Marked here rather than in each module, which other changes touch often.)
THOROUGH = {
    "test_people_text.py",
    "test_numbers_everywhere.py",
    "test_forms_bad_input.py",
    "test_forms_any_excel.py",
    "test_forms_periods.py",
    "test_render_safety.py",
    "test_docs_samples.py",
    "test_report_golden.py",
    "test_exact_numbers.py",
    "test_real_fixtures.py",
    "test_report_other_plans.py",
    "test_diff_odd_names.py",
}


def pytest_itemcollected(item: pytest.Item) -> None:
    """The tests of ``THOROUGH`` are marked so as they are collected, before ``-m`` selects."""
    if item.path.name in THOROUGH and item.path.parent.name == "tests":
        item.add_marker(pytest.mark.thorough)


# The tests that take longest (seconds of CPU each, most of them real processes), longest first, but for the
# two of test_record_concurrency: xdist hands each worker two tests at the start, so that those two run one after
# the other on one worker, the kills (timed on how long a record takes) first, before the 20 records at once
# that load both cores. The other worker builds the wheel (the wheelhouse it fetches is then there for
# pre-commit and the workflow's install) and installs it; the races of the cache go to whichever frees first.
LONGEST = (
    "tests/test_record_concurrency.py::test_a_killed_record_leaves_the_old_or_the_new_file_and_the_next_write_cleans_up",
    "tests/test_record_concurrency.py::test_simultaneous_records_on_one_year_file_lose_nothing",
    "tests/test_release.py::test_make_dist_builds_a_wheel_and_an_sdist_that_twine_passes",
    "tests/test_release.py::test_the_installed_wheel_runs_from_outside_the_source_tree",
    "tests/test_cache.py::test_edits_raced_against_cached_runs_never_leave_a_wrong_answer",
    "tests/test_cache.py::test_edits_raced_against_real_kh68_processes_never_leave_a_wrong_answer",
    "tests/test_precommit.py::test_the_workflow_installs_the_same_kh68_from_the_pinned_source",
    "tests/test_precommit.py::test_hook_passes_on_the_bundled_plan",
    "tests/test_cache.py::test_the_races_find_the_wrong_answers_of_a_cache_that_only_watches_what_is_opened",
)


def _longest_first(items: list[pytest.Item]) -> None:
    """The order of the run: the modules of the tests of ``LONGEST`` (in that order, those tests first in
    their module, in that order too), then the modules with a slow test, then the rest. A module stays in one piece, so that
    a module fixture is made once per worker that runs its tests, not again each time the module comes back.
    """
    rank: dict[str, int] = {}
    for item in items:
        module, name = item.nodeid.split("::")[0], item.nodeid.split("[")[0]
        here = LONGEST.index(name) if name in LONGEST else len(LONGEST) + (0 if item.get_closest_marker("slow") else 1)
        rank[module] = min(rank.get(module, here), here)
    order = {id(item): index for index, item in enumerate(items)}

    def key(item: pytest.Item) -> tuple[int, int, int]:
        name = item.nodeid.split("[")[0]
        return (
            rank[item.nodeid.split("::")[0]],
            LONGEST.index(name) if name in LONGEST else len(LONGEST),
            order[id(item)],
        )

    items.sort(key=key)


@pytest.hookimpl(trylast=True)  # after -m and -k
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest tests run first (a stable sort, the same in every xdist worker): the workers of ``make test``
    (``--dist worksteal``) start on them and share the short ones out to the end. A
    ``needs`` mark must name a tool of tests/tools.py."""
    _longest_first(items)
    for item in items:
        for mark in item.iter_markers("needs"):
            for key in mark.args:
                if key not in PROBES:
                    raise pytest.UsageError(f"{item.nodeid}: needs({key!r}): no such tool in tests/tools.py")


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures are made
def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.needs("calc", ...)``: skipped, saying why, unless each tool does its job (tests/tools.py).

    A tool is probed when the first test that needs it starts (once per run, tests/tools.py), not when the
    tests are collected: the run starts at once, and the other worker goes on with its tests meanwhile.
    """
    for mark in item.iter_markers("needs"):
        for key in mark.args:
            found = probe(key)
            if isinstance(found, str):  # reported at the test, as a skip mark is
                raise pytest.skip.Exception(found, _use_item_location=True)


@pytest.fixture(scope="module")
def demo():
    """The demo plan, loaded once per test module (tests only read it)."""
    from kh68.lint.check import load_plan

    return load_plan(EXAMPLE_PLAN)


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """The folder ``name``, filled by ``make(folder)`` once per run and shared by the xdist workers.

    For a costly setup that the tests only read once it is made (kh68 built and installed in a venv): the
    first worker to ask makes it, under a lock, the others wait and use it. A ``make`` that fails or skips
    leaves nothing, and the next worker to ask tries again.
    """
    from filelock import FileLock

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, where each worker has its own base folder
    folder = root / name
    with FileLock(str(root / f"{name}.lock")):
        if not (folder / ".made").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            (folder / ".made").touch()
    return folder


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """kh68's dependencies and build backend as wheels, fetched once per run (tests/installs.py)."""
    from installs import make_wheelhouse

    return made_once(tmp_path_factory, "wheelhouse", make_wheelhouse)


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture plan ``FIXTURE_PLAN`` (no data files)."""
    return Path(shutil.copytree(FIXTURE_PLAN, tmp_path / "plan"))


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the synthetic demo plan in ``examples/plan`` (with data files)."""
    return Path(shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan"))


def invoke(args: list[str], exit_code: int, env: dict[str, str] | None = None) -> Result:
    """Run ``kh68 ARGS``; assert the exit code and that no traceback escaped."""
    result = CliRunner().invoke(kh68.cli.app, [str(a) for a in args], env=env)
    output = result.output
    assert result.exit_code == exit_code, f"exit {result.exit_code} != {exit_code}\n{output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output, output
    return result


def check_fails(root: Path, *extra: str) -> str:
    """The output of ``kh68 check ROOT``, which must exit 1."""
    return invoke(["check", root, *extra], 1).output


# The demo plan's one deliberate warning: 6.2 in 2025 is aggregated from 7 of the 10 communes
# expected (test_check_cli.test_example_plan_is_clean_but_for_its_provisional_value asserts it);
# problem_lines looks past it.
DEMO_PROVISIONAL = "cảnh báo: chỉ tiêu 6.2 năm 2025: giá trị tạm tính, 7/10 đơn vị đã báo cáo"


def problem_lines(output: str) -> list[str]:
    """The ``path:line:column: lỗi|cảnh báo: …`` lines of ``output`` (but the demo's deliberate warning)."""
    return [
        line
        for line in output.splitlines()
        if re.match(r"^.+:\d+:\d+: (lỗi|cảnh báo): ", line) and DEMO_PROVISIONAL not in line
    ]


def only_problem(output: str) -> str:
    """The one problem line of ``output`` (fail if there are more or none)."""
    lines = problem_lines(output)
    assert len(lines) == 1, output
    return lines[0]


def only_error(output: str) -> str:
    """The one error line of ``output`` (fail if there are more or none); warnings are ignored."""
    lines = [line for line in output.splitlines() if ": lỗi: " in line]
    assert len(lines) == 1, output
    return lines[0]


def add_line_after(path: Path, anchor: str, line: str) -> int:
    """Insert ``line`` after the one line containing ``anchor``; return its 1-based number."""
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = line_of(path, anchor)
    text.insert(at, line + "\n")
    path.write_text("".join(text), encoding="utf-8")
    return at + 1


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a text file (fail if it is not there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of ``path`` containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def indicator(targets: dict, *, direction: str = "higher", basis: str = "value", unit: str = "%", id: str = "9.1"):
    """A small indicator for engine tests, with its targets as written in a plan."""
    from kh68.reading.models import Indicator

    return Indicator.model_validate(
        {
            "id": id,
            "name": "Chỉ tiêu thử",
            "unit": unit,
            "direction": direction,
            "basis": basis,
            "targets": targets,
            "responsible_units": ["phong_a"],
        }
    )


@contextmanager
def cpu_time() -> Iterator[Callable[[], float]]:
    """The CPU seconds spent inside the block by this process and the children it waited for.

    A budget such as "refused at once, without reading the 2 GB" is about the work done: on
    the wall clock it also counts the time other processes had the CPU, and fails on a loaded
    machine (the tests share two cores). ``with cpu_time() as spent: ...; assert spent() < 1``.
    """

    def now() -> float:
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system

    start = now()
    yield lambda: now() - start


# ---------------------------------------------------------------- git

needs_git = pytest.mark.needs("git")

# A known committer, and no user or system configuration of the machine the tests run on.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run ``git ARGS`` in ``repo`` (it must succeed); its output, stripped."""
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=True).stdout.strip()


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path`` outside any git work tree, git configured as ``GIT_ENV`` says (for kh68's own git calls too)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    return tmp_path


@pytest.fixture
def git_repo(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo plan committed on ``main`` as ``plan/``; the working directory is the repository."""
    root = isolated / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(EXAMPLE_PLAN, root / "plan")
    git(root, "add", ".")
    git(root, "commit", "-qm", "kế hoạch")
    monkeypatch.chdir(root)
    monkeypatch.delenv("KH68_PLAN", raising=False)
    return root


# A monthly duty added to the demo plan (tests of reporting by period): the divisions report to the coordinating
# division before the 15th of every month.
MONTHLY_DUTY = """  - id: monthly_report
    section: IV.2.c
    kind: unit_report
    what: báo cáo tiến độ thực hiện trước ngày 15 hằng tháng, gửi Phòng Tổ chức hành chính Sở GDĐT.
    from_units: [cac_phong_thuoc_so]
    to_units: [phong_tchc]
    deadline: trước ngày 15 hằng tháng
"""


@contextmanager
def sigterm_after_rename(monkeypatch: pytest.MonkeyPatch, on: Callable[[Path], bool] = lambda _target: True):
    """SIGTERM sent to this process right after a rename onto a target ``on`` accepts, with kh68's stop handler
    installed (the one the launcher installs) for the block; the handler before it put back after."""
    import signal

    from kh68.app.streams import stop_on_signals

    replace = Path.replace

    def rename_then_stop(self: Path, target: Path) -> Path:
        done = replace(self, target)
        if on(Path(target)):
            os.kill(os.getpid(), signal.SIGTERM)
        return done

    monkeypatch.setattr(Path, "replace", rename_then_stop)
    before = signal.getsignal(signal.SIGTERM)
    stop_on_signals()
    try:
        yield before
    finally:
        signal.signal(signal.SIGTERM, before)
