"""``make docs``: every generated part of the README and of the manual in ``docs/``, written afresh.

What the documentation shows is produced here, so it cannot drift from what kh68 does:

- the tables of ``kh68.outputs.forms_table`` (target, timing and deadline forms, rules)
  between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->``, in any Markdown file;
- **samples**: the output of a command, run in-process on a copy of a named plan, with a fixed
  terminal width, between ``<!-- sample: STEPS [| FILTER]... -->`` and ``<!-- /sample -->``
  (the grammar is in ``Sample``);
- the **command reference** (``docs/huong-dan/tham-chieu-lenh.md``) from the CLI's own help, and
  the **rule reference** (``docs/huong-dan/tham-chieu-quy-tac.md``) from the rules' own
  documentation (id, level, whether a plan may change it, what it checks, a message it gives);
- the pictures under ``<!-- picture: … -->`` markers where LibreOffice, pdftoppm and Chromium are
  present (``kh68.cli.docpictures``); what is skipped is said (``--no-pictures``: none).

``python -m kh68.cli.docgen`` writes; ``--check`` only lists what differs (exit 1), naming the file
and the marker, as ``tests/test_docs_samples.py`` does.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kh68.cli.docrun import REPO, WIDTH, run_kh68, shown
from kh68.lint.rules import ALL_RULES
from kh68.outputs.forms_table import fill

MANUAL = Path("docs") / "huong-dan"
COMMANDS_PAGE = MANUAL / "tham-chieu-lenh.md"
RULES_PAGE = MANUAL / "tham-chieu-quy-tac.md"
_SAMPLE = re.compile(
    r"^(?P<indent>[ ]*)<!-- sample: (?P<spec>.+?) -->\n(?P<body>.*?)^(?P=indent)<!-- /sample -->$", re.M | re.S
)
_GENERATED_FILE = "<!-- Tệp này do `make docs` viết ra từ {source}; đừng sửa tay. -->\n\n"


class SampleError(Exception):
    """A sample marker that cannot be run (its file and marker are named)."""


# ---------------------------------------------------------------- running kh68 in-process


# ---------------------------------------------------------------- samples


@dataclass
class Sample:
    """One sample marker: ``<!-- sample: STEP && STEP ... | FILTER | FILTER -->``.

    Steps run in a fresh temporary directory into which every repository path that a step names
    (``examples/plan``, ``tests/fixtures/plans/hue-188``) is copied first, so a sample that writes
    (``record``, ``form -o``, ``import``) never touches the repository:

    - ``kh68 ARGS``: run kh68 in-process; the last step's output is the sample;
    - ``cp SRC DST``: copy a repository file or folder to DST (``cp tests/fixtures/plans/lamdong-nq68 plan``);
    - ``replace FILE OLD NEW``: replace the first OLD in FILE (``\\n`` in OLD and NEW is a line break);
    - ``csv FILE``: the sample is that file of the repository as it is (an example file a test runs).

    Filters shape what is shown: ``from TEXT`` (start at the first line containing TEXT),
    ``lines 1-12,20-24`` (those lines, ``…`` where lines are left out), ``json indicators.4`` (that part
    of a JSON output, indented), ``lang json`` (the fence),
    ``until TEXT`` (stop before the next line containing TEXT), ``no-prompt`` (no ``$ command`` line
    above the output), ``exit N`` (the last command must end with exit code N: an example that must be
    accepted says ``exit 0``). ``…`` marks where lines of the output are left out.
    """

    spec: str
    steps: list[list[str]] = field(default_factory=list)
    filters: list[tuple[str, str]] = field(default_factory=list)
    lang: str = "text"
    prompt: bool = True
    exit_code: int | None = None

    @classmethod
    def parse(cls, spec: str) -> Sample:
        sample = cls(spec)
        parts = spec.split(" | ")
        for step in parts[0].split(" && "):
            words = shlex.split(step)
            if not words or words[0] not in ("kh68", "cp", "replace", "file"):
                raise SampleError(f"bước không hiểu được: {step!r} (kh68 …, cp …, replace …, file …)")
            sample.steps.append(words)
        if sample.steps[-1][0] not in ("kh68", "file"):
            raise SampleError("bước cuối phải là một lệnh kh68 (hoặc file TỆP)")
        for part in parts[1:]:
            name, _, value = part.strip().partition(" ")
            if name == "lang":
                sample.lang = value
            elif name == "exit":
                sample.exit_code = int(value)
            elif name == "no-prompt":
                sample.prompt = False
            elif name in ("from", "until", "lines", "json"):
                sample.filters.append((name, value))
            else:
                raise SampleError(f"bộ lọc không hiểu được: {part!r} (from, until, lines, json, exit, lang, no-prompt)")
        return sample

    def produce(self) -> str:
        """The fenced block this sample stands for: ``$ command`` and its output (shaped by the filters)."""
        with tempfile.TemporaryDirectory(prefix="kh68-docs-") as tmp:
            work = Path(tmp)
            code, output = 0, ""
            self._copy_named(work)
            for words in self.steps:
                code, output = self._step(words, work)
        last = self.steps[-1]
        if self.exit_code is not None and code != self.exit_code:
            raise SampleError(f"mã thoát {code}, không phải {self.exit_code}:\n{output}")
        whole = output.rstrip("\n").split("\n")
        lines = whole
        for name, value in self.filters:
            lines = _FILTERS[name](lines, value)
        if lines and lines[0] != whole[0] and lines[0] != "…":
            lines = ["…", *lines]
        if lines and lines[-1] != whole[-1] and lines[-1] != "…":
            lines = [*lines, "…"]
        shown = "\n".join(line.rstrip() for line in lines)
        if self.prompt and last[0] == "kh68":
            shown = f"$ {shlex.join(last)}\n{shown}"
        fence = "````" if "```" in shown else "```"
        return f"{fence}{self.lang}\n{shown}\n{fence}\n"

    def _copy_named(self, work: Path) -> None:
        """Copy every repository path the steps name (a folder before the files in it) into ``work``."""
        made = {Path(words[2]) for words in self.steps if words[0] == "cp"}  # what the steps make themselves
        named = {
            word
            for words in self.steps
            if words[0] in ("kh68", "replace")
            for word in words[1:]
            if not word.startswith("-")
            and word
            and (REPO / word).exists()
            and not any(target == Path(word) or target in Path(word).parents for target in made)
        }
        for word in sorted(named, key=lambda w: len(Path(w).parts)):
            if not any((work / parent).exists() for parent in [word, *map(str, Path(word).parents)] if parent != "."):
                _copy(REPO / word, work / word)

    def _step(self, words: list[str], work: Path) -> tuple[int, str]:
        if words[0] == "cp":
            _, source, target = words
            _copy(REPO / source, work / target)
            return 0, ""
        if words[0] == "replace":
            _, name, old, new = words
            path = work / name
            text = path.read_text(encoding="utf-8")
            old, new = old.replace("\\n", "\n"), new.replace("\\n", "\n")
            if old not in text:
                raise SampleError(f"replace: không có {old!r} trong {name}")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            return 0, ""
        if words[0] == "file":
            return 0, (REPO / words[1]).read_text(encoding="utf-8")
        code, output = run_kh68(words[1:], work)
        if "Traceback" in output:
            raise SampleError(f"kh68 in ra traceback:\n{output}")
        return code, output


def _copy(source: Path, target: Path) -> None:
    if not source.exists():
        raise SampleError(f"không có {source.relative_to(REPO)} trong kho")
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    else:
        shutil.copyfile(source, target)


def _from(lines: list[str], text: str) -> list[str]:
    for i, line in enumerate(lines):
        if text in line:
            return lines[i:]
    raise SampleError(f"from: không dòng nào có {text!r}")


def _until(lines: list[str], text: str) -> list[str]:
    for i, line in enumerate(lines[1:], 1):
        if text in line:
            while i > 1 and not lines[i - 1].strip():
                i -= 1
            return lines[:i]
    raise SampleError(f"until: không dòng nào có {text!r}")


def _lines(lines: list[str], value: str) -> list[str]:
    shown: list[str] = []
    last = 0
    for span in value.replace("$", str(len(lines))).split(","):
        first, _, end = span.partition("-")
        a, b = int(first), int(end or first)
        if a > len(lines):
            raise SampleError(f"lines {span}: kết quả chỉ có {len(lines)} dòng")
        if a > last + 1:
            shown.append("…")
        shown += lines[a - 1 : b]
        last = b
    return shown


def _json(lines: list[str], path: str) -> list[str]:
    import json

    # the JSON on standard output; a warning on standard error ("kh68: cảnh báo: …") is no part of it
    value = json.loads("\n".join(line for line in lines if not line.startswith("kh68: ")))
    for key in path.split("."):
        value = value[int(key)] if isinstance(value, list) else value[key]
    return json.dumps(value, ensure_ascii=False, indent=2).split("\n")


_FILTERS: dict[str, Callable[[list[str], str], list[str]]] = {
    "from": _from,
    "until": _until,
    "lines": _lines,
    "json": _json,
}


@dataclass(frozen=True)
class Found:
    """A sample marker of a file, and what its block is and should be."""

    path: Path
    line: int
    spec: str
    written: str
    produced: str


def samples_of(path: Path, text: str) -> Iterator[Found]:
    """Every sample marker of ``text`` (the file ``path``), run."""
    for match in _SAMPLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        try:
            produced = Sample.parse(match["spec"]).produce()
        except (SampleError, ValueError, OSError, LookupError) as exc:
            raise SampleError(f"{shown(path)}:{line}: <!-- sample: {match['spec']} -->: {exc}") from None
        yield Found(path, line, match["spec"], match["body"], _indented(produced, match["indent"]))


def _indented(block: str, indent: str) -> str:
    return "".join(f"{indent}{line}" if line.strip() else line for line in block.splitlines(keepends=True))


def fill_samples(path: Path, text: str) -> str:
    """``text`` with the block of every sample marker written afresh."""
    produced = {found.line: found.produced for found in samples_of(path, text)}

    def replace(match: re.Match[str]) -> str:
        line = text.count("\n", 0, match.start()) + 1
        indent = match["indent"]
        return f"{indent}<!-- sample: {match['spec']} -->\n{produced[line]}{indent}<!-- /sample -->"

    return _SAMPLE.sub(replace, text)


# ---------------------------------------------------------------- references


def command_reference() -> str:
    """The manual's command reference: ``kh68 --help`` and every command's ``--help``, as kh68 prints them."""
    from typer.main import get_command

    import kh68.cli

    group = get_command(kh68.cli.app)
    ctx = group.make_context("kh68", [], resilient_parsing=True)
    names = group.list_commands(ctx)  # type: ignore[attr-defined]
    out = [
        _GENERATED_FILE.format(source="chính hướng dẫn của kh68 (`kh68 --help`, `kh68 LỆNH --help`)"),
        "# Tham chiếu lệnh\n\n",
        (
            "Mỗi lệnh với hướng dẫn kh68 in ra (`kh68 LỆNH --help`, cửa sổ lệnh rộng "
            f"{WIDTH} cột). Cách dùng từng lệnh có ví dụ: [Các lệnh](lenh.md).\n\n"
        ),
        "| Lệnh | Làm gì |\n| --- | --- |\n",
    ]
    for name in names:
        command = group.get_command(ctx, name)  # type: ignore[attr-defined]
        if command is None or command.hidden:
            continue
        out.append(f"| [`kh68 {name}`](#kh68-{name}) | {command.get_short_help_str(limit=200)} |\n")
    out.append("\n## `kh68`\n\n")
    out.append(_help_block([]))
    for name in names:
        command = group.get_command(ctx, name)  # type: ignore[attr-defined]
        if command is None or command.hidden:
            continue
        out.append(f"\n## `kh68 {name}`\n\n")
        out.append(_help_block([name]))
    return "".join(out)


def _help_block(args: list[str]) -> str:
    with tempfile.TemporaryDirectory(prefix="kh68-docs-") as tmp:
        _, text = run_kh68([*args, "--help"], Path(tmp))
    shown = "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n"))
    return f"```text\n$ {shlex.join(['kh68', *args, '--help'])}\n{shown}\n```\n"


def rule_reference() -> str:
    """The manual's rule reference, one section per rule, from the rules' own documentation."""
    out = [
        _GENERATED_FILE.format(source="chính các quy tắc của kh68"),
        "# Tham chiếu quy tắc kiểm tra\n\n",
        (
            "Mỗi quy tắc `kh68 check` áp dụng, theo thứ tự kiểm tra: mã (in trong ngoặc vuông sau mỗi lỗi), "
            "mức (lỗi làm `kh68 check` thoát với mã 1; cảnh báo chỉ khi có `--strict`), kế hoạch có được tắt "
            "hay đổi mức không (`plan.yaml` › `rules`, chú thích `# kh68: disable-line MÃ`), quy tắc kiểm tra "
            "gì và một thông báo nó in ra. Cách dùng: [Quy tắc kiểm tra](quy-tac.md).\n\n"
        ),
        "| Mã | Mức | Tắt, đổi mức được |\n| --- | --- | --- |\n",
    ]
    out += [f"| [`{r.id}`](#{r.id}) | {r.severity.label} | {'có' if r.adjustable else 'không'} |\n" for r in ALL_RULES]
    for rule in ALL_RULES:
        out.append(f"\n## `{rule.id}`\n\n")
        out.append(f"- Mức: **{rule.severity.label}**\n")
        out.append(f"- Tắt, đổi mức được: {'có' if rule.adjustable else 'không'}\n")
        out.append(f"- Kiểm tra: {rule.summary}\n")
        out.append(f"- Ví dụ thông báo: `… {rule.severity.label}: {rule.example} [{rule.id}]`\n")
    return "".join(out)


GENERATED_PAGES: dict[Path, Callable[[], str]] = {COMMANDS_PAGE: command_reference, RULES_PAGE: rule_reference}
"""The pages of the manual written whole by ``make docs``."""


# ---------------------------------------------------------------- the whole documentation


def documents(root: Path = REPO) -> list[Path]:
    """The Markdown files whose markers ``make docs`` fills: the README and every page under ``docs/``."""
    pages = sorted(p for p in (root / "docs").rglob("*.md") if p.relative_to(root) not in GENERATED_PAGES)
    return [root / "README.md", *pages]


def expected(path: Path, text: str) -> str:
    """What the file ``path`` should hold: its tables and samples written afresh."""
    return fill_samples(path, fill(text))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    pictures = "--no-pictures" not in argv
    differ: list[str] = []
    for name, make in GENERATED_PAGES.items():
        path = REPO / name
        text = make()
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            differ.append(f"{name}: viết lại từ kh68")
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for path in documents():
        text = path.read_text(encoding="utf-8")
        try:
            new = expected(path, text)
        except SampleError as exc:
            print(f"make docs: {exc}", file=sys.stderr)
            return 1
        if new != text:
            differ.append(f"{shown(path)}: các bảng, kết quả mẫu viết lại")
            if not check:
                path.write_text(new, encoding="utf-8")
    if pictures and not check:
        from kh68.cli.docpictures import make_pictures

        for line in make_pictures(documents()):
            print(f"make docs: {line}")
    for line in differ:
        print(("khác: " if check else "đã viết: ") + line)
    return 1 if check and differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
