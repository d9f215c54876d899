"""kh68 report --format html: self-contained, escaped, one chart per indicator with data."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import EXAMPLE_PLAN, REPO, invoke, replace_in

HTML = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--format", "html"]


def test_unit_text_is_escaped(example_copy: Path) -> None:
    data = example_copy / "data" / "2025.yaml"
    replace_in(
        data,
        "results: Lập dự toán kinh phí năm 2026 (minh họa).",
        "results: \"<script>alert('x')</script> & <b>đậm</b>\"",
    )
    replace_in(
        data, "note: Một số trường chưa hoàn thành hồ sơ công nhận (minh họa).", 'note: "<img src=x onerror=alert(1)>"'
    )
    html = invoke(
        ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10", "--format", "html"], 0
    ).stdout
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>đậm" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;" in html
    assert "Chỉ tiêu 6.5, ghi chú: &lt;img src=x onerror=alert(1)&gt;" in html


def test_one_svg_per_indicator_with_data() -> None:
    html = invoke(HTML, 0).stdout
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    labels = [re.search(r'aria-label="Chỉ tiêu ([0-9.]+):', s).group(1) for s in svgs]
    # indicators with a measured value in some year up to 2025 (6.1 has only a state, 6.8, 6.10-6.12 nothing)
    assert labels == ["6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.9", "6.13"]
    chart = svgs[0]
    assert chart.count("<circle") == 3  # 2023, 2024, 2025 (not 2026: later than the report)
    # The province merger of 01/7/2025 is marked, and no line joins 2024 to 2025.
    assert chart.count('stroke-dasharray="4,3"') == 1
    assert "<title>Không so sánh được do thay đổi địa giới từ 01/7/2025</title>" in chart
    assert chart.count("<polyline") == 1  # 2023–2024; 2025 alone after the break
    assert "Mục tiêu 2030: 35-40" in chart
    assert "32,9%" in chart


def test_table_rows_carry_status_class_and_text_label() -> None:
    html = invoke(HTML, 0).stdout
    rows = re.findall(r'<tr class="([a-z_]+)" id="chi-tieu-([0-9.]+)">(.*?)</tr>', html, re.S)
    assert [r[1] for r in rows] == [f"6.{i}" for i in range(1, 14)]
    cells = {r[1]: (r[0], re.findall(r"<td[^>]*>(.*?)</td>", r[2])) for r in rows}
    assert cells["6.3"][0] == "exceeded"
    assert cells["6.3"][1][7] == "Vượt chỉ tiêu"
    assert cells["6.5"][0] == "not_met"
    assert cells["6.5"][1][6] == "Thấp hơn chỉ tiêu 1,2 điểm phần trăm"
    assert cells["6.10"][0] == "no_target"
    # a cell's text wraps inside its cell; only the code and the note numbers never wrap
    assert '<td class="center">58,8%</td>' in html
    assert '<td class="center so">6.5</td>' in html


def test_prints_on_a4_with_decree_30_margins_and_a_landscape_annex() -> None:
    html = invoke(HTML, 0).stdout
    assert "@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }" in html
    assert "@page phu-luc { size: A4 landscape; margin: 20mm 15mm 20mm 30mm; }" in html
    assert '<section class="phu-luc">' in html
    # the annex's columns fit the landscape text width (297 - 30 - 15 mm) and the table is laid out fixed
    widths = [float(w) for w in re.findall(r'<col style="width:([0-9.]+)mm">', html)]
    assert sum(widths) == 252
    assert "table-layout: fixed" in html
    assert "overflow-wrap: anywhere" in html
    # a heading stays with what follows; the charts' introduction with their first row; the closing with the
    # signature; the closing banner with the page before it
    assert "break-after: avoid" in html
    assert '<div class="hang-bieu-do">\n<p class="doan truoc-bieu-do">' in html
    assert '<p class="doan ket">' in html
    assert ".minh-hoa.cuoi { break-before: avoid;" in html


def test_self_contained_and_says_synthetic() -> None:
    html = invoke(HTML, 0).stdout
    assert html.startswith("<!DOCTYPE html>")
    for external in ("<link", "<script", "src=", "@import", "url(", "https://"):
        assert external not in html
    assert html.count("SỐ LIỆU MINH HỌA") == 2
    assert "<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>" in html


def test_codes_in_the_annex_are_kept_on_one_line() -> None:
    """A code ("XK-TB", "P2.1-L") is never broken at its hyphen: its cell is ``white-space: nowrap``."""
    sonla = REPO / "tests" / "fixtures" / "plans" / "sonla-2954"
    html = invoke(["report", "--plan", sonla, "--year", "2026", "--date", "2026-11-27", "--format", "html"], 0).stdout
    assert '<td class="center so">XK-TB</td>' in html
    assert '<td class="center so">P2.1-L</td>' in html
    assert "td.so { white-space: nowrap; }" in html


def test_kinh_gui_of_several_recipients_is_one_block_their_dashes_aligned() -> None:
    """As in Word: "Kính gửi:" then a line per recipient under its colon (each line centred set the dashes askew)."""
    html = invoke(HTML, 0).stdout
    assert (
        '<p class="kinh-gui nhieu">Kính gửi:<span>- Ủy ban nhân dân tỉnh Lâm Đồng;</span>'
        "<span>- Sở Nội vụ tỉnh Lâm Đồng.</span></p>"
    ) in html
    assert ".kinh-gui.nhieu { text-align: left; padding-left: 3.5cm; }" in html
    single = invoke([*HTML[:-2], "--unit", "phong_gdtrh", "--format", "html"], 0).stdout
    assert '<p class="kinh-gui">Kính gửi: Phòng Tổ chức hành chính.</p>' in single
