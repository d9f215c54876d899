"""The pictures of the manual, made by ``make docs`` from markers written right above each image link.

``<!-- picture: kh68 ARGS -o OUT | page N -->`` then ``![…](../hinh/name.png)``: kh68 writes OUT
(a Word report, a form; on a copy of the plans it names), LibreOffice turns it into PDF and
``pdftoppm`` draws page N (``page-with TEXT``: the first page with TEXT; ``dpi D``; ``crop H``: the
top H pixels). ``| chart WxH``: the first chart of an HTML report, drawn by headless Chromium.
Where a program is missing the picture is left as it is and the reason is said; a picture is
rewritten only when its bytes differ, so that a second ``make docs`` leaves the tree unchanged.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

RESOLUTION = 60  # dots per inch: an A4 page about 500 pixels wide, legible on a screen
TIMEOUT = 180
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


class Skipped(Exception):
    """A picture not made here, and why."""


def _run(argv: list[str], cwd: Path) -> None:
    try:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Skipped(f"{argv[0]}: {exc}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        raise Skipped(f"{Path(argv[0]).name} thoát với mã {done.returncode}: {said[-1] if said else ''}")


def _program(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise Skipped(f"không có {names[0]}")


def _soffice_pdf(source: Path) -> Path:
    from kh68.outputs.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        raise Skipped("không có LibreOffice (soffice)")
    work = source.parent
    _run(
        [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "pdf"),
            str(source),
        ],
        work,
    )
    return work / "pdf" / f"{source.stem}.pdf"


def _page_with(pdf: Path, text: str) -> int:
    """The number of the first page of ``pdf`` whose text contains ``text`` (pdftotext)."""
    pdftotext = _program("pdftotext")
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=False, timeout=TIMEOUT)
    for number, page in enumerate(pages.stdout.decode("utf-8", "replace").split("\f"), 1):
        if text in page:
            return number
    raise Skipped(f"không trang nào của {pdf.name} có {text!r}")


def _page_png(pdf: Path, page: int, target: Path, resolution: int = RESOLUTION, height: int | None = None) -> Path:
    """Page ``page`` of ``pdf`` as a PNG (its top ``height`` pixels only, when given)."""
    pdftoppm = _program("pdftoppm")
    stem = target.with_suffix("")
    crop = ["-x", "0", "-y", "0", "-W", "0", "-H", str(height)] if height else []
    pages = ["-f", str(page), "-l", str(page), "-singlefile"]
    _run([pdftoppm, "-png", "-r", str(resolution), *crop, *pages, str(pdf), str(stem)], pdf.parent)
    return stem.with_suffix(".png")


_PICTURE = re.compile(r"^<!-- picture: (?P<spec>.+?) -->\n!\[[^\]\n]*\]\((?P<target>[^)\s]+)\)", re.M)


def pictures_of(text: str) -> list[tuple[str, str]]:
    """The picture markers of a Markdown text: (spec, the path of the image linked right under it)."""
    return [(m["spec"], m["target"]) for m in _PICTURE.finditer(text)]


def make_picture(spec: str, work: Path) -> Path:
    """The PNG a marker ``kh68 ARGS -o OUT | page N`` (``page-with TEXT``, ``dpi D``, ``crop H``, ``chart WxH``) makes."""
    import shlex

    from kh68.cli.docrun import REPO, run_kh68

    command, *shaping = spec.split(" | ")
    words = shlex.split(command)
    if words[0] != "kh68" or "-o" not in words:
        raise Skipped(f"không hiểu {command!r}: cần kh68 … -o TỆP")
    options = {name: value for name, _, value in (part.strip().partition(" ") for part in shaping)}
    for word in words[1:]:
        if not word.startswith("-") and (REPO / word).exists() and not (work / word).exists():
            shutil.copytree(REPO / word, work / word) if (REPO / word).is_dir() else shutil.copy(
                REPO / word, work / word
            )
    code, output = run_kh68(words[1:], work)
    if code != 0:
        raise Skipped(f"{command}: mã thoát {code}: {output.strip().splitlines()[-1:]}")
    out = work / words[words.index("-o") + 1]
    if out.is_dir():
        made = sorted(out.glob("*.xlsx"))
        if len(made) != 1:
            raise Skipped(f"{command} lập {len(made)} tệp thay vì một")
        out = made[0]
    if "chart" in options:
        return _chart(out, options["chart"], work)
    pdf = _soffice_pdf(out)
    page = (
        _page_with(pdf, shlex.split(options["page-with"])[0]) if "page-with" in options else int(options.get("page", 1))
    )
    height = int(options["crop"]) if "crop" in options else None
    return _page_png(pdf, page, work / "hinh", int(options.get("dpi", RESOLUTION)), height)


def _chart(html_file: Path, size: str, work: Path) -> Path:
    chromium = _program(*CHROMIUM_NAMES)
    html = html_file.read_text(encoding="utf-8")
    figure = re.search(r"<figure class=\"bieu-do-khoi\">.*?</figure>", html, flags=re.S)
    if figure is None:
        raise Skipped("báo cáo HTML không có biểu đồ")
    style = re.search(r"<style>.*?</style>", html, flags=re.S)
    width, _, height = size.partition("x")
    page = work / "bieu-do.html"
    page.write_text(
        '<!doctype html><html lang="vi"><meta charset="utf-8">'
        f'{style[0] if style else ""}<body style="margin:8px;width:{int(width) - 20}px">{figure[0]}</body></html>',
        encoding="utf-8",
    )
    shot = work / "bieu-do.png"
    _run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}", f"--screenshot={shot}",
         f"--window-size={width},{height}", page.as_uri()],
        work,
    )  # fmt: skip
    return shot


def make_pictures(pages: list[Path]) -> Iterator[str]:
    """Make the picture of every marker of ``pages`` it can; one line per picture redrawn or skipped."""
    from kh68.cli.docrun import shown as _shown

    for page in pages:
        for spec, target in pictures_of(page.read_text(encoding="utf-8")):
            final = (page.parent / target).resolve()
            with tempfile.TemporaryDirectory(prefix="kh68-docs-") as tmp:
                try:
                    made = make_picture(spec, Path(tmp))
                except Skipped as exc:
                    yield f"bỏ qua ảnh {_shown(final)}: {exc}"
                    continue
                if not final.is_file() or made.read_bytes() != final.read_bytes():
                    final.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(made, final)
                    yield f"đã vẽ lại {_shown(final)}"
