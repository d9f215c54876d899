"""The one test of the tool that reads ``plan/``, and the guard that keeps it the only one.

``plan/`` is the department's own data: it edits it freely, together with its own tests in
``plan/tests/`` (the transcription against the source document). The tool's tests run on fixture
plans (``tests/fixtures/plans/``, ``examples/plan``); of ``plan/`` they ask only what CI asks,
that ``kh68 check plan`` passes (``make test`` runs it as well).
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from conftest import invoke

TESTS = Path(__file__).resolve().parent
# The one test allowed to read plan/: (file under tests/, function).
ALLOWED = ("test_bundled_plan.py", "test_kh68_check_plan")
# tests/bench.py is no test (`make bench`): it times `kh68 check plan` in the repository, its chdir and its
# "plan" in different functions, which the scan below (per function) does not join.


def test_kh68_check_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """What CI and ``make test`` run, from the repository's root: no error in the department's plan."""
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    output = invoke(["check", "plan"], 0).output
    assert output.splitlines()[-1].startswith("plan: "), output


# ---------------------------------------------------------------- the guard

# Names that stood for plan/ or a copy of it before the tests moved to fixture plans.
OLD_NAMES = {"PLAN", "plan_copy"}
# Names a test module gives the repository's root.
ROOT_NAMES = {"REPO", "ROOT"}


def _plan_path(node: ast.AST) -> bool:
    """A string naming the folder plan/ or a path inside it, relative to where it is joined or run."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    text = node.value.removeprefix("./").removeprefix("/")
    return text == "plan" or text.startswith("plan/")


class _Scan(ast.NodeVisitor):
    """The lines of one module under tests/ that reach the repository's plan/, and how."""

    def __init__(self, depth: int) -> None:
        self.depth = depth  # folders between the module and the repository's root (tests/x.py: 1)
        self.roots = set(ROOT_NAMES)
        self.function: list[str] = []
        self.found: list[tuple[str | None, int, str]] = []

    def hit(self, node: ast.AST, what: str) -> None:
        self.found.append((self.function[0] if self.function else None, getattr(node, "lineno", 0), what))

    def is_root(self, node: ast.AST) -> bool:
        """``REPO``, ``ROOT``, ``Path(__file__).resolve().parents[1]``, ``Path(__file__).parent.parent``, …"""
        if isinstance(node, ast.Name):
            return node.id in self.roots
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "parents"
            and isinstance(node.slice, ast.Constant)
        ):
            return node.slice.value == self.depth and "__file__" in ast.unparse(node.value)
        ups = 0
        while isinstance(node, ast.Attribute) and node.attr == "parent":
            ups, node = ups + 1, node.value
        return ups == self.depth + 1 and "__file__" in ast.unparse(node)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.function.append(node.name)
        moved_to_repo = [
            call
            for call in ast.walk(node)
            if isinstance(call, ast.Call)
            and ast.unparse(call.func).endswith("chdir")
            and call.args
            and self.is_root(call.args[0])
        ]
        if moved_to_repo and any(_plan_path(n) for n in ast.walk(node)):
            self.hit(moved_to_repo[0], "chdir to the repository and 'plan'")
        self.generic_visit(node)
        self.function.pop()

    def visit_Assign(self, node: ast.Assign) -> None:
        if not self.function and self.is_root(node.value):
            self.roots |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in OLD_NAMES:
            self.hit(node, node.id)

    def visit_arg(self, node: ast.arg) -> None:
        if node.arg in OLD_NAMES:
            self.hit(node, node.arg)

    def visit_alias(self, node: ast.alias) -> None:
        if {node.name, node.asname} & OLD_NAMES:
            self.hit(node, f"import {node.name}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in OLD_NAMES:
            self.hit(node, node.attr)
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if isinstance(node.op, ast.Div) and self.is_root(node.left) and _plan_path(node.right):
            self.hit(node, ast.unparse(node))
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for value, after in zip(node.values, node.values[1:], strict=False):
            if isinstance(value, ast.FormattedValue) and self.is_root(value.value) and _plan_path(after):
                self.hit(node, ast.unparse(node))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        # REPO.joinpath("plan"), os.path.join(REPO, "plan"), Path(REPO, "plan")
        if isinstance(func, ast.Attribute) and func.attr == "joinpath" and self.is_root(func.value):
            if node.args and _plan_path(node.args[0]):
                self.hit(node, ast.unparse(node))
        elif len(node.args) >= 2 and self.is_root(node.args[0]) and _plan_path(node.args[1]):
            self.hit(node, ast.unparse(node))
        # subprocess.run([..., "plan"], cwd=REPO)
        for keyword in node.keywords:
            if (
                keyword.arg == "cwd"
                and self.is_root(keyword.value)
                and any(_plan_path(n) for arg in node.args for n in ast.walk(arg))
            ):
                self.hit(node, f"cwd={ast.unparse(keyword.value)} and 'plan'")
        self.generic_visit(node)


def plan_uses(source: str, depth: int = 1) -> list[tuple[str | None, int, str]]:
    """(function or None, line, what) for each use of the repository's plan/ in a test module's ``source``."""
    scan = _Scan(depth)
    scan.visit(ast.parse(source))
    return scan.found


def test_no_test_but_one_reads_the_department_s_plan() -> None:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(TESTS)
        for function, line, what in plan_uses(path.read_text(encoding="utf-8"), depth=len(relative.parts)):
            if (relative.as_posix(), function) != ALLOWED:
                found.append(f"tests/{relative.as_posix()}:{line}: {what}")
    assert found == [], (
        "các bài kiểm thử của kh68 chạy trên kế hoạch mẫu (FIXTURE_PLAN, fixture_copy, EXAMPLE_PLAN), "
        "không đọc plan/:\n" + "\n".join(found)
    )


def test_the_guard_sees_the_one_allowed_test() -> None:
    """A guard that found nothing anywhere could not fail: it finds the use it allows."""
    found = plan_uses(Path(__file__).read_text(encoding="utf-8"))
    assert {function for function, _line, _what in found} == {ALLOWED[1]}


@pytest.mark.parametrize(
    "source",
    [
        "from conftest import PLAN",
        "import conftest\nx = conftest.PLAN / 'units.yaml'",
        "def test_x(plan_copy):\n    pass",
        'x = REPO / "plan"',
        'x = ROOT / "plan" / "units.yaml"',
        'x = ROOT / "plan/units.yaml"',
        'x = Path(__file__).resolve().parents[1] / "plan"',
        'x = Path(__file__).parent.parent / "plan"',
        'HERE = Path(__file__).resolve().parents[1]\nx = HERE / "plan"',
        'x = REPO.joinpath("plan")',
        'x = os.path.join(REPO, "plan")',
        'x = f"{REPO}/plan"',
        'subprocess.run(["kh68", "check", "plan"], cwd=REPO)',
        'def test_x(monkeypatch):\n    monkeypatch.chdir(ROOT)\n    invoke(["check", "plan"], 0)',
    ],
)
def test_the_guard_finds(source: str) -> None:
    assert plan_uses(textwrap.dedent(source)), source


@pytest.mark.parametrize(
    "source",
    [
        'x = EXAMPLE_PLAN / "data"',
        'x = FIXTURE_PLAN / "units.yaml"',
        'x = tmp_path / "plan"',
        'x = repo / "plan" / "indicators.yaml"',
        'x = ROOT / "examples" / "plan"',
        'x = Path(__file__).resolve().parent / "plan"',
        'assert line == "plan/indicators.yaml:9:12: lỗi: x"',
        'names = [":(icase)PLAN", "KH68_PLAN"]',
        "env = {'KH68_PLAN': str(x)}",
        'subprocess.run(["git", "ls-files"], cwd=ROOT)',
        'def test_x(monkeypatch, git_repo):\n    monkeypatch.chdir(git_repo)\n    invoke(["check", "plan"], 0)',
        "def test_x(fixture_copy):\n    plan = fixture_copy\n    # plan/ of the repository",
    ],
)
def test_the_guard_passes(source: str) -> None:
    assert plan_uses(textwrap.dedent(source)) == [], source


def test_the_guard_counts_folders_from_the_repository() -> None:
    """In tests/rules/, the repository is parents[2] (parents[1] is tests/)."""
    assert plan_uses('x = Path(__file__).resolve().parents[2] / "plan"', depth=2)
    assert not plan_uses('x = Path(__file__).resolve().parents[1] / "plan"', depth=2)
