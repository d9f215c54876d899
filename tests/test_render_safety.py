"""Report templates: escaping by output format, and limits on time and size."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from tests.conftest import EXAMPLE_PLAN, cpu_time, invoke, replace_in

import kh68.outputs.render
from kh68.core.errors import TemplateFailure
from kh68.outputs import isolated

REPORT = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10"]


def template(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_html_output_is_autoescaped_whatever_the_template_is_called(tmp_path: Path) -> None:
    for name in ("rieng.md.j2", "rieng.txt", "rieng"):
        tpl = template(tmp_path, name, "{{ '<script>x</script>' }} {{ header.issuing_body }}\n")
        out = invoke([*REPORT, "--format", "html", "--template", tpl], 0).stdout
        assert out == "&lt;script&gt;x&lt;/script&gt; SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"


def test_no_control_character_of_a_value_reaches_an_html_file(tmp_path: Path) -> None:
    text = (
        "{{ header.symbol ~ '\x1b[31m<đỏ>\x07\u202e' }}|{{ (header.symbol ~ '\x00\u2028x')|lower }}"
        "|{{ (header.symbol ~ '\x1b')|safe }}\n"
    )
    tpl = template(tmp_path, "rieng.html.j2", text)
    invoke([*REPORT, "--format", "html", "--template", tpl, "-o", tmp_path / "r.html"], 0)
    # What the template marks |safe is its own text, written as it is.
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == "BC-SGDĐT[31m&lt;đỏ&gt;|bc-sgdđt\nx|BC-SGDĐT\x1b\n"


def test_escape_filters_of_a_markdown_template_escape_markdown(tmp_path: Path) -> None:
    tpl = template(tmp_path, "rieng.md.j2", "{{ '## a\x07'|e }} {{ '- b'|escape }} {{ '**c**'|forceescape }}\n")
    assert invoke([*REPORT, "--template", tpl], 0).stdout == "\\## a \\- b \\*\\*c\\*\\*\n"


def test_every_expression_of_a_markdown_template_is_escaped(example_copy: Path, tmp_path: Path) -> None:
    replace_in(
        example_copy / "indicators.yaml",
        "name: Tỷ lệ huy động trẻ em nhà trẻ",
        'name: "# Tiêu đề giả\\n- mục <img src=x> [a](http://x.vn) @admin | ô"',
    )
    tpl = template(
        tmp_path,
        "rieng.md.j2",
        "{{ annex.table.rows[1].cells[1] }}\n\n{{ annex.table.rows[:2]|map(attribute='cells')|map('first')|join(', ') }}\n",
    )
    out = invoke(["report", "--plan", example_copy, "--year", "2025", "--template", tpl], 0).stdout
    assert out == ("\\# Tiêu đề giả \\- mục \\<img src=x\\> \\[a\\](http\\://x.vn) @\u200badmin \\| ô\n\n6.1, 6.2\n")
    tokens = MarkdownIt().parse(out)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"] * 2


def test_safe_marks_a_templates_own_markdown(tmp_path: Path) -> None:
    tpl = template(tmp_path, "rieng.md.j2", "{{ '**đậm**'|safe }} {{ '**đậm**' }} {{ year|md }}\n")
    assert invoke([*REPORT, "--template", tpl], 0).stdout == "**đậm** \\*\\*đậm\\*\\* 2025\n"


@pytest.mark.parametrize(
    "text",
    [
        "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
        (
            "{% for a in annex.table.rows %}{% for b in annex.table.rows %}{% for c in annex.table.rows %}{% for d in annex.table.rows %}"
            "{% for e in annex.table.rows %}{% for f in annex.table.rows %}{% for g in annex.table.rows %}"
            "{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"
        ),
        "{% macro d(n) %}{% if n %}{{ d(n-1) }}{{ d(n-1) }}{% endif %}{% endmacro %}{{ d(40) }}",
    ],
)
def test_a_template_that_runs_too_long_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(kh68.outputs.render, "TIME_LIMIT", 0.5)
    tpl = template(tmp_path, "cham.md.j2", text + "\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stdout == ""
    assert result.stderr == f"kh68: lỗi: {tpl}:1: mẫu báo cáo chạy quá 0,5 giây nên đã bị dừng (vòng lặp quá lớn?).\n"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{% for i in range(100000) %}{{ "x" * 1000 }}{% endfor %}', ""),  # caught on the output
        ('{{ "a" * 10**12 }}', ":1"),  # caught on the value, with its line
        ('{% set ns = namespace(s="x") %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}', ":1"),
        (
            '{% set ns = namespace(s="x") %}{% for i in range(60) %}{% set ns.s = ns.s|replace("x", "xx") %}{% endfor %}',
            ":1",
        ),
    ],
)
def test_a_template_that_writes_too_much_is_stopped(tmp_path: Path, text: str, where: str) -> None:
    tpl = template(tmp_path, "to.md.j2", text + "\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stdout == ""
    assert result.stderr == f"kh68: lỗi: {tpl}{where}: mẫu báo cáo sinh quá 20.000.000 ký tự nên đã bị dừng.\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{{ "x"|center(10**9) }}', "giá trị 1.000.000.000 quá lớn cho mẫu báo cáo."),
        ("{{ 2 ** 100000 }}", "lũy thừa quá lớn (số mũ 100.000, tối đa 1.000)."),
        ("{{ range(10**9)|list }}", "range() quá lớn: 1.000.000.000 phần tử (tối đa 100.000)."),
        ("{{ ((10**1000)**1000)**1000 > 5 }}", "số quá lớn (khoảng 1.000.022 chữ số, tối đa 3.000)."),
        ("{{ (10**1000) * (10**1000) * (10**1000) * (10**1000) }}", "số quá lớn (khoảng 4.000 chữ số, tối đa 3.000)."),
        ("{{ ('x' * 1000000)|wordwrap(1)|length }}", "wordwrap nhận tối đa 100.000 ký tự."),
        ("{{ 10**400 * 1.5 }}", "số quá lớn để tính (vượt giới hạn của số thực)."),
        # widths in a format string build gigabytes before any result is measured
        ('{{ "{:>3000000000}".format("x") }}', "độ rộng '3000000000' trong chuỗi định dạng quá lớn cho mẫu báo cáo."),
        ('{{ "%03000000000d"|format(1) }}', "độ rộng '03000000000' trong chuỗi định dạng quá lớn cho mẫu báo cáo."),
        ('{{ "%.900000000f" % 1.5 }}', "độ rộng '900000000' trong chuỗi định dạng quá lớn cho mẫu báo cáo."),
        # a width given as an argument
        ('{{ "%*d" % (1400000000, 1) }}', "giá trị 1.400.000.000 quá lớn cho mẫu báo cáo."),
        ('{{ "{x:{w}}".format_map({"x": 1, "w": 300000000}) }}', "giá trị 300.000.000 quá lớn cho mẫu báo cáo."),
        ('{{ "%*d"|format(1400000000, 1) }}', "giá trị 1.400.000.000 quá lớn cho mẫu báo cáo."),
    ],
)
def test_operations_that_would_build_gigabytes_are_refused(tmp_path: Path, text: str, message: str) -> None:
    tpl = template(tmp_path, "lon.md.j2", text + "\n")
    assert invoke([*REPORT, "--template", tpl], 1).stderr == f"kh68: lỗi: {tpl}:1: {message}\n"


def test_formatting_within_bounds_still_works(tmp_path: Path) -> None:
    text = (
        '{{ "{:0>6}".format("ab") }}|{{ "%05.1f" % 2.5 }}|{{ "%s-%s"|format(1, 2) }}'
        '|{{ "ĐT 02633822123: %s" % "x" }}|{{ "Số 0123456789: {}".format(1) }}\n'
    )
    tpl = template(tmp_path, "f.md.j2", text)  # digits of the text around a conversion are text, not widths
    assert invoke([*REPORT, "--template", tpl], 0).stdout == "0000ab|002.5|1-2|ĐT 02633822123: x|Số 0123456789: 1\n"


def test_lipsum_is_not_available(tmp_path: Path) -> None:
    tpl = template(tmp_path, "l.md.j2", "{{ lipsum(1000) }}\n")
    assert invoke([*REPORT, "--template", tpl], 1).stderr == (
        f"kh68: lỗi: {tpl}:1: mẫu báo cáo dùng biến 'lipsum' không có\n"
    )


def test_a_fifo_given_as_template_is_refused_without_waiting(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "mau.md.j2"
    os.mkfifo(fifo)
    assert invoke([*REPORT, "--template", fifo], 1).stderr == (
        f"kh68: lỗi: không đọc được mẫu báo cáo '{fifo}': đường dẫn là một ống dẫn (FIFO), không phải tệp thông thường.\n"
    )


@pytest.mark.parametrize("text", ["{{ 1 }}" * 30_000, "x" * 200_001, "ệ" * 200_001])
def test_a_template_too_long_to_compile_in_time_is_refused_before_compiling(tmp_path: Path, text: str) -> None:
    tpl = template(tmp_path, "dai.md.j2", text)
    with cpu_time() as spent:
        assert invoke([*REPORT, "--template", tpl], 1).stderr == (
            f"kh68: lỗi: {tpl}: mẫu báo cáo dài quá 200.000 ký tự nên không được dựng.\n"
        )
    assert spent() < 3


def test_a_template_nested_too_deep_for_python_is_a_template_error(tmp_path: Path) -> None:
    tpl = template(tmp_path, "sau.md.j2", "{% for a in range(2) %}" * 120 + "x" + "{% endfor %}" * 120)
    assert invoke([*REPORT, "--template", tpl], 1).stderr == (
        f"kh68: lỗi: {tpl}: mẫu báo cáo lồng nhau quá sâu (quá nhiều khối for/if lồng trong nhau).\n"
    )


def test_a_compiled_template_is_reused_only_for_the_same_text_and_output_format(tmp_path: Path) -> None:
    render = kh68.outputs.render.render
    tpl = template(tmp_path, "rieng.j2", "{{ x }}\n")
    assert render({"x": "# <a>"}, "md", tpl) == "\\# \\<a\\>\n"
    assert render({"x": "# <a>"}, "html", tpl) == "# &lt;a&gt;\n"
    assert render({"x": "# <a>"}, "md", tpl) == "\\# \\<a\\>\n"
    tpl.write_text("{{ x }}!\n{{ y }}\n", encoding="utf-8")  # the same file, another text
    with pytest.raises(kh68.outputs.render.TemplateFailure, match=r"rieng.j2:2: "):
        render({"x": "# <a>"}, "html", tpl)
    assert render({"x": "# <a>", "y": 1}, "html", tpl) == "# &lt;a&gt;!\n1\n"


def test_a_compiled_template_is_kept_by_size_limit_too(tmp_path: Path) -> None:
    """Jinja works out constant expressions when it compiles, through the sized filters: under the limit in force."""
    render = kh68.outputs.render.render
    tpl = template(tmp_path, "rieng.md.j2", '{% set s = "ab"|center(5000) %}{{ s|length }}\n')
    assert render({}, "md", tpl) == "5000\n"
    with pytest.raises(kh68.outputs.render.TemplateFailure, match=r"giá trị 5\.000 quá lớn cho mẫu báo cáo"):
        render({}, "md", tpl, size=1000)


def test_at_most_a_few_compiled_templates_are_kept(tmp_path: Path) -> None:
    kept = kh68.outputs.render._COMPILED
    for i in range(kept.KEPT + 5):
        assert kh68.outputs.render._render({}, "md", template(tmp_path, f"t{i}.j2", f"{i}\n")) == f"{i}\n"
    assert len(kept.code) == kept.KEPT


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a child process is forked where the system can")
def test_one_long_step_of_a_template_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    """A hostile-input probe: "sum" of a hundred thousand lists is one C call the sandbox's clock never sees; it ran
    for 18 minutes and ignored Ctrl-C. Rendered in a child process, it is killed at the limit (and its grace)."""
    path = template(tmp_path, "hang.j2", "{{ ([range(1000)|list]*100000)|sum(start=[])|length }}\n")
    started = time.monotonic()
    with pytest.raises(TemplateFailure) as info:
        kh68.outputs.render.render({}, "md", path, seconds=0.5)
    assert str(info.value) == f"{path}: mẫu báo cáo chạy quá 0,5 giây nên đã bị dừng (một phép tính quá lớn?)."
    assert time.monotonic() - started < 0.5 + isolated.GRACE + 2


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a child process is forked where the system can")
def test_a_failure_in_the_child_is_said_as_in_the_parent(tmp_path: Path) -> None:
    path = template(tmp_path, "bad.j2", "{{ khong_co }}\n")
    with pytest.raises(TemplateFailure) as info:
        kh68.outputs.render.render({}, "md", path)
    assert str(info.value) == f"{path}:1: mẫu báo cáo dùng biến 'khong_co' không có"
    assert kh68.outputs.render.render({"a": "ok"}, "md", template(tmp_path, "ok.j2", "{{ a }}")) == "ok\n"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a child process is forked where the system can")
def test_a_child_that_dies_before_it_writes_is_said_so(tmp_path: Path) -> None:
    """A review: the parent read whatever the child wrote as a pickled object; it reads text, and a child killed
    (out of memory, a signal) is said to have ended abnormally."""

    def dies() -> str:
        os.kill(os.getpid(), signal.SIGKILL)
        return ""

    with pytest.raises(TemplateFailure) as info:
        isolated.run(dies, 5, "mau.j2: chạy quá lâu")
    assert str(info.value) == f"mau.j2: {isolated.ENDED}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child's memory is bounded on Linux")
def test_a_template_that_takes_memory_beyond_the_bound_is_stopped(tmp_path: Path, monkeypatch) -> None:
    """A second hostile-input probe: a template built 4,7 GB of strings (the CPU time was bounded, memory not)."""
    monkeypatch.setattr(isolated, "MEMORY", 200 * 2**20)
    text = "{% set ns = namespace(l=[]) %}{% for i in range(40) %}{% set ns.l = ns.l + ['x' * 19000000] %}{% endfor %}"
    path = template(tmp_path, "mem.j2", text + "{{ ns.l|length }}")
    with pytest.raises(TemplateFailure) as info:
        kh68.outputs.render.render({}, "md", path)
    assert str(info.value) == f"{path}: mẫu báo cáo cần quá nhiều bộ nhớ nên đã bị dừng."
