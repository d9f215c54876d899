"""kh68 report --format html: self-contained, escaped, one chart per indicator with data."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import EXAMPLE_PLAN, invoke, replace_in

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
    assert "Ghi chú: &lt;img src=x onerror=alert(1)&gt;" in html


def test_one_svg_per_indicator_with_data() -> None:
    html = invoke(HTML, 0).stdout
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    labels = [re.search(r'aria-label="Chỉ tiêu ([0-9.]+):', s).group(1) for s in svgs]
    # indicators with a measured value in some year up to 2025 (6.1 has only a state, 6.8, 6.10-6.12 nothing)
    assert labels == ["6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.9", "6.13"]
    chart = svgs[0]
    assert chart.count("<circle") == 3  # 2023, 2024, 2025
    assert "Mục tiêu 2030: 35-40" in chart
    assert "32,81%" in chart


def test_table_rows_carry_status_class_and_text_label() -> None:
    html = invoke(HTML, 0).stdout
    rows = re.findall(r'<tr class="([a-z_]+)" id="chi-tieu-([0-9.]+)">(.*?)</tr>', html, re.S)
    assert [r[1] for r in rows] == [f"6.{i}" for i in range(1, 14)]
    status = {r[1]: (r[0], re.search(r'<span class="tt">(.*?)</span>', r[2]).group(1)) for r in rows}
    assert status["6.3"] == ("exceeded", "Vượt chỉ tiêu")
    assert status["6.5"] == ("not_met", "Chưa đạt")
    assert status["6.10"] == ("no_target", "Không đặt chỉ tiêu")


def test_self_contained_and_says_synthetic() -> None:
    html = invoke(HTML, 0).stdout
    assert html.startswith("<!DOCTYPE html>")
    for external in ("<link", "<script", "src=", "@import", "url(", "https://"):
        assert external not in html
    assert html.count("SỐ LIỆU MINH HỌA") == 2
    assert "<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>" in html
