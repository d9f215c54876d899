"""kh68 report (Markdown): structure, escaping, templates in the sandbox, bad input."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import (
    EXAMPLE_BLANKS,
    EXAMPLE_PLAN,
    FIXTURE_PLAN,
    PLAN_NUMBER_BLANK,
    REPO,
    invoke,
    line_of,
    replace_in,
)
from kh68.outputs.render import f_md, f_md_cell, f_ngay, f_ngay_dai, f_so

REPORT = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10"]


@functools.cache
def _report() -> str:
    """What ``kh68 REPORT`` prints: it only reads the committed demo plan, so it is made once per process for the
    many tests that read it."""
    return invoke(REPORT, 0).stdout


SECTIONS = [
    "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
    "II. KẾT QUẢ THỰC HIỆN",
    "III. ĐÁNH GIÁ CHUNG",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
    "V. KIẾN NGHỊ, ĐỀ XUẤT",
]
GROUPS = [
    "1.1. Nâng cao nhận thức về vị trí, vai trò của chính sách xã hội",
    "1.2. Nâng cao năng lực, hiệu lực quản lý Nhà nước",
    "1.3. Nâng cao chất lượng nguồn nhân lực",
    "1.4. Bảo đảm mọi người dân được tiếp cận, thụ hưởng các dịch vụ giáo dục cơ bản có chất lượng",
    "1.5. Đề nghị Tổ chức Công đoàn và các tổ chức chính trị xã hội trong đơn vị, trường học trong công tác phối hợp",
]
ANNEX_HEADER = [
    "Mã",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Chỉ tiêu năm 2025",
    "Kết quả năm 2025",
    "Kết quả năm 2024",
    "So sánh với chỉ tiêu",
    "Đánh giá",
    "Mục tiêu đến năm 2030",
    "Nguồn, ghi chú",
]
IDS = [f"6.{i}" for i in range(1, 14)]


def parse(text: str):
    return MarkdownIt("commonmark").enable("table").parse(text)


def headings(tokens, level: str) -> list[str]:
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == level]


def tables(tokens) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    found, rows, row = [], [], None
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            row.append(tokens[i + 1].content)
        elif t.type == "tr_close":
            rows.append(row)
        elif t.type == "table_close":
            found.append(rows)
    return found


def indicator_table(text: str) -> list[list[str]]:
    table = [t for t in tables(parse(text)) if t[0][0] == "Mã"]
    assert len(table) == 1
    return table[0]


# ------------------------------------------------------------------ structure


def test_markdown_parses_into_the_expected_headings_and_table() -> None:
    text = _report()
    tokens = parse(text)
    assert headings(tokens, "h1") == ["BÁO CÁO"]
    assert headings(tokens, "h2") == SECTIONS
    assert headings(tokens, "h3") == [
        "1\\. Kết quả thực hiện các nhiệm vụ, giải pháp chủ yếu",
        "2\\. Kết quả thực hiện các chỉ tiêu chủ yếu",
        "1\\. Ưu điểm",
        "2\\. Tồn tại, hạn chế",
        "3\\. Nguyên nhân",
    ]
    assert [h.replace("\\", "") for h in headings(tokens, "h4")] == [
        *GROUPS,
        "a) Nguyên nhân khách quan",
        "b) Nguyên nhân chủ quan",
    ]
    rows = indicator_table(text)
    assert rows[0] == ANNEX_HEADER
    assert [r[0] for r in rows[1:]] == IDS
    assert all(len(r) == 10 for r in rows)
    by_id = {r[0]: r for r in rows[1:]}
    # one comparison wording in the whole report: the difference of two rates in "điểm phần trăm"
    assert by_id["6.3"][3:8] == ["95%", "95,4%", "94,6%", "Vượt chỉ tiêu 0,4 điểm phần trăm", "Vượt chỉ tiêu"]
    assert by_id["6.5"][3:8] == ["60%", "58,8%", "55%", "Thấp hơn chỉ tiêu 1,2 điểm phần trăm", "Chưa đạt"]
    # bounds in words, as the prose says them ("> 60" and "95- 97" in the plan)
    assert (by_id["6.5"][8], by_id["6.3"][8], by_id["6.2"][3]) == ("trên 60%", "95-97%", "30-35%")  # the plan's words
    # 7 of the 10 communes reported: provisional, never "Đạt", not compared
    assert by_id["6.2"][4:8] == ["32,9% (tạm tính)", "30,74%", "–", "Chưa đánh giá (số liệu tạm tính)"]
    assert by_id["6.10"][3:8] == ["–", "Chưa có số liệu", "–", "–", "Không đặt chỉ tiêu năm 2025"]
    # a count over districts after they ceased: no figure, one word
    assert by_id["6.9"][3:8] == ["100%", "–", "–", "–", "Không tính được"]
    for wrong in ("điểm %", "% so với chỉ tiêu", "\\>", "95- 97"):
        assert wrong not in text


def test_the_indicator_paragraph_counts_names_and_compares() -> None:
    text = _report()
    assert (
        "Năm 2025, Kế hoạch đặt chỉ tiêu cụ thể cho 08/13 chỉ tiêu chủ yếu; kết quả thực hiện: vượt 03 chỉ tiêu "
        "(6.3, 6.4, 6.13), đạt 01 chỉ tiêu (6.6), chưa đạt 01 chỉ tiêu (6.5), đang triển khai 01 chỉ tiêu (6.1), "
        "chưa đánh giá được 02 chỉ tiêu (số liệu tạm tính: 6.2; không tính được: 6.9). Kế hoạch không đặt chỉ tiêu "
        "năm 2025 cho 05 chỉ tiêu còn lại (6.7, 6.8, 6.10, 6.11, 6.12).\n"
    ) in text
    assert (
        "Chỉ tiêu chưa đạt: chỉ tiêu 6.5 (tỷ lệ trường mầm non đạt chuẩn quốc gia) đạt 58,8%, "
        "thấp hơn chỉ tiêu 1,2 điểm phần trăm (chỉ tiêu năm 2025: 60%).\n"
    ) in text
    # a provisional figure, as an official says it
    assert (
        "Chỉ tiêu 6.2 (tỷ lệ huy động trẻ em nhà trẻ) đạt 32,9% (số liệu tạm tính, mới có 07/10 xã, phường, đặc khu "
        "báo cáo), chưa đánh giá so với chỉ tiêu năm 2025 (30-35%).\n"
    ) in text
    # without a target for the year: the value and the distance to the final target, with the pace needed
    assert (
        "- Chỉ tiêu 6.7 (tỷ lệ đi học đúng tuổi cấp trung học cơ sở) đạt 94,1%; mục tiêu đến năm 2030 trên 95%, "
        "còn thấp hơn 0,9 điểm phần trăm, bình quân mỗi năm cần tăng trên 0,18 điểm phần trăm.\n"
    ) in text
    # 2024 → 2025 crosses the province merger of 01/7/2025: no change is stated, and the body says why, with the
    # basis the plan records
    assert "So với năm 2024" not in text
    assert (
        "Theo Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh, từ ngày "
        "01/7/2025, tỉnh Lâm Đồng, tỉnh Đắk Nông và tỉnh Bình Thuận hợp nhất thành tỉnh Lâm Đồng mới: số liệu từ năm "
        "2025 tính trên địa bàn rộng hơn số liệu năm 2024 trở về trước. Vì vậy, Báo cáo không so sánh kết quả năm "
        "2025 với năm 2024 của các chỉ tiêu 6.2, 6.3, 6.4, 6.5, 6.6, 6.13; chỉ tiêu năm 2025 của Kế hoạch được đặt "
        "trước ngày 01/7/2025.\n"
    ) in text
    # a unit of count that ceased: the legal basis and a proposal, not "không còn đơn vị đếm"; only 6.9, which
    # cannot be computed: 6.1's target for 2025 is a milestone, judged by its state ("đang triển khai" above)
    assert (
        "Chỉ tiêu 6.9 của Kế hoạch tính theo số huyện, thành phố; theo Nghị quyết số 203/2025/QH15 ngày "
        "16/6/2025 của Quốc hội sửa đổi, bổ sung một số điều của Hiến pháp và Luật Tổ chức chính quyền địa phương "
        "số 72/2025/QH15 ngày 16/6/2025, từ ngày 01/7/2025 không còn huyện, thành phố, nên năm 2025 không tính được "
        "chỉ tiêu này theo cách tính của Kế hoạch. Sở Giáo dục và Đào tạo tỉnh Lâm Đồng đề nghị Ủy ban nhân dân "
        "tỉnh Lâm Đồng xem xét, điều chỉnh cách tính chỉ tiêu này.\n"
    ) in text
    assert "không còn đơn vị đếm" not in text


def test_the_yearly_pace_is_rounded_toward_the_requirement_at_the_targets_precision() -> None:
    """1,42 left over 4 years is 0,355 a year: said 0,36, never 0,35 (rounded up, the official never understates
    what is required); 0,01 over 4 years is 0,0025: said "chưa đến 0,01" at the target's precision, not 0,003 (an
    official read a bare 0,01 as four times what is needed)."""
    text = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2026", "--date", "2026-11-10"], 0).stdout
    assert (
        "mục tiêu đến năm 2030 là 35-40%, còn thấp hơn 1,42 điểm phần trăm, bình quân mỗi năm cần tăng 0,36 "
        "điểm phần trăm;"
    ) in text
    assert (
        "mục tiêu đến năm 2030 là 99,97%, còn thấp hơn 0,01 điểm phần trăm, bình quân mỗi năm cần tăng chưa đến "
        "0,01 điểm phần trăm;"
    ) in text
    # a strict target: 0,5 over 4 years is 0,125 a year, "trên 0,13"
    assert "còn thấp hơn 0,5 điểm phần trăm, bình quân mỗi năm cần tăng trên 0,13 điểm phần trăm;" in text
    assert "0,35 điểm phần trăm" not in text
    assert "0,003" not in text


def test_an_indicator_judged_by_its_state_is_never_also_said_not_computable() -> None:
    """6.1 counts districts, which ceased on 01/7/2025, but its 2025 target is a milestone judged by its state: the
    report counts it "đang triển khai" and says its unit of count ceased, never that it cannot be computed."""
    text = _report()
    assert "đang triển khai 01 chỉ tiêu (6.1)" in text
    assert "Chỉ tiêu 6.1, 6.9" not in text
    assert "Chỉ tiêu 6.1: tính theo số huyện, thành phố; từ ngày 01/7/2025 không còn huyện, thành phố.\n" in text
    assert (
        "Chỉ tiêu 6.9: tính theo số huyện, thành phố; từ ngày 01/7/2025 không còn huyện, thành phố nên không tính "
        "được.\n"
    ) in text
    # the division responsible for 6.1 alone: no sentence on indicators not computable, no proposal
    own = invoke(
        ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-04", "--unit", "phong_gdth_gdmn"], 0
    ).stdout
    assert "không tính được" not in own
    assert "điều chỉnh cách tính" not in own
    # status says the same
    shown = invoke(["status", "--plan", EXAMPLE_PLAN, "--year", "2025", "--format", "json"], 0).stdout
    assert "tỷ lệ theo huyện, thành phố không tính được" in shown  # 6.9
    assert shown.count("tỷ lệ theo huyện, thành phố không tính được") == 1


def test_the_annex_says_once_which_previous_figures_cross_the_merger() -> None:
    """The 2024 column is shown, but 2024 was counted over the districts; 6.1 and 6.9 count districts."""
    lines = _report().splitlines()
    start = lines.index("Nguồn số liệu và ghi chú:")
    assert [line for line in lines[start + 1 : start + 11] if line] == [
        "Dấu – ở cột chỉ tiêu năm 2025: Kế hoạch không đặt chỉ tiêu năm 2025.",
        "Chỉ tiêu 6.1: tính theo số huyện, thành phố; từ ngày 01/7/2025 không còn huyện, thành phố.",
        "Chỉ tiêu 6.9: tính theo số huyện, thành phố; từ ngày 01/7/2025 không còn huyện, thành phố nên không tính được.",
        (
            "Kết quả năm 2024 của chỉ tiêu 6.2, 6.3, 6.4, 6.5, 6.6, 6.13: không so sánh được do thay đổi địa giới "
            "từ 01/7/2025."
        ),
        (
            "(1) Chỉ tiêu 6.1, chỉ tiêu năm 2025: Triển khai các nội dung đề án phổ cập giáo dục mầm non cho trẻ mẫu "
            "giáo từ 3 đến 5 tuổi theo giai đoạn."
        ),
    ]


def test_opening_cites_the_province_plan_once_and_closing_is_customary() -> None:
    text = _report()
    opening = next(line for line in text.splitlines() if line.startswith("Thực hiện "))
    # the province's plan cited once, by number, date and issuer: the subject line says what it is about
    assert opening == (
        "Thực hiện Kế hoạch số 6121/KH-UBND ngày 22/7/2024 của UBND tỉnh Lâm Đồng, Sở Giáo dục và Đào tạo tỉnh Lâm Đồng "
        "báo cáo kết quả thực hiện năm 2025 (số liệu tính đến ngày 31/10/2025) như sau:"
    )
    # the recipient the plan names ceased: who receives the report instead, on what basis and what it took over (the
    # fields its successor entry lists: the Sở Nội vụ took part of the Sở LĐTBXH's social policy, not all of it)
    assert (
        f"{opening}\n\nKế hoạch giao báo cáo Sở Lao động – Thương binh và Xã hội; theo Nghị định số 45/2025/NĐ-CP "
        "ngày 28/02/2025 của Chính phủ, từ ngày 01/3/2025, lĩnh vực lao động, tiền lương, việc làm, người có công, "
        "bình đẳng giới của Sở Lao động – Thương binh và Xã hội do Sở Nội vụ tỉnh Lâm Đồng tiếp nhận, nên Báo cáo này "
        "gửi Sở Nội vụ tỉnh Lâm Đồng.\n"
    ) in text
    assert text.count("Trên đây là báo cáo kết quả thực hiện") == 1
    assert (
        text.count(
            # two recipients in the Kính gửi: the body above (kind authority) is "kính báo cáo", the fellow Sở is
            # sent it to compile — a Sở does not "kính báo cáo" a peer Sở
            "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng xem xét, chỉ đạo và gửi "
            "Sở Nội vụ tỉnh Lâm Đồng để tổng hợp./."
        )
        == 1
    )
    assert "kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng và Sở Nội vụ" not in text


def test_the_departments_words_are_used_and_placeholders_show_what_is_missing(example_copy: Path) -> None:
    text = _report()
    assert (
        "- Kế hoạch số 05/KH-MH ngày 10/02/2025 về triển khai nhiệm vụ năm 2025 thực hiện Nghị quyết số 68/NQ-CP (minh họa);"
        in text
    )
    # bulleted items start with a capital letter, end with ";" and the last with "."
    assert "- Đề nghị Ủy ban nhân dân tỉnh bổ sung biên chế giáo viên mầm non cho vùng khó khăn (minh họa).\n" in text
    assert "Chưa có nội dung" not in text
    data = example_copy / "data" / "2025.yaml"
    replace_in(
        data,
        "  proposals:\n    - đề nghị Ủy ban nhân dân tỉnh bổ sung biên chế giáo viên mầm non cho vùng khó khăn (minh họa)\n",
        "",
    )
    draft = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert (
        "## V. KIẾN NGHỊ, ĐỀ XUẤT\n\n**\\[Chưa có nội dung: kiến nghị, đề xuất. Ghi vào mục report › proposals "
        "của tệp data/2025.yaml. Kiến nghị, đề xuất các đơn vị đã báo cáo: Phòng Kế hoạch - Tài chính (nhiệm vụ "
        "III.2.c): Đề nghị bố trí kinh phí cho các trường vùng khó khăn (minh họa); Phòng Giáo dục Tiểu học - Giáo "
        "dục Mầm non (nhiệm vụ III.4): Đề nghị UBND tỉnh bổ sung biên chế giáo viên mầm non (minh họa).\\]**\n"
    ) in draft


def test_header_block_number_date_and_signature() -> None:
    text = _report()
    header = tables(parse(text))[0]
    assert header == [
        [
            "UBND TỈNH LÂM ĐỒNG<br><strong>SỞ GIÁO DỤC VÀ ĐÀO TẠO</strong>".replace("<strong>", "**").replace(
                "</strong>", "**"
            ),
            "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**",
        ],
        ["Số: …/BC-SGDĐT", "*Lâm Đồng, ngày 10 tháng 11 năm 2025*"],
    ]
    # The subject is the plan's own number (not yet written: "…"), year, issuer and title, not its first legal basis.
    assert (
        "\n**Kết quả thực hiện năm 2025 Kế hoạch số …/KH-SGDĐT năm 2024 của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng "
        "về thực hiện Nghị quyết số 68/NQ-CP ngày 09/5/2024 của Chính phủ và Chương trình hành động số 78-CTr/TU "
    ) in text
    # Kính gửi the duty's recipients acting on the day (the Sở LĐTBXH's successor for social policy), each on its line.
    assert "\nKính gửi:<br>\\- Ủy ban nhân dân tỉnh Lâm Đồng;<br>\\- Sở Nội vụ tỉnh Lâm Đồng.\n" in text
    # Nơi nhận: "Như trên" stands for them; the drafting division (the duty's from_units) keeps the copy.
    assert ("| **Nơi nhận:**<br>\\- Như trên;<br>\\- Lưu: VT, TCHC. | **GIÁM ĐỐC**<br><br><br><br> |") in text


@pytest.mark.parametrize(
    ("day", "line"),
    [
        ("2026-02-03", "Lâm Đồng, ngày 03 tháng 02 năm 2026"),
        ("2026-09-05", "Lâm Đồng, ngày 05 tháng 9 năm 2026"),  # not 2025: the figures are as of 31/10/2025
        ("2025-11-21", "Lâm Đồng, ngày 21 tháng 11 năm 2025"),
    ],
)
def test_dates_follow_decree_30(day: str, line: str) -> None:
    """Leading zero for days below 10 and for months 1 and 2 only (February, September, November)."""
    text = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", day], 0).stdout
    assert f"*{line}*" in text
    # the annex's "Kèm theo" line says the date as the date line does
    assert (
        f"*(Kèm theo Báo cáo số …/BC-SGDĐT {line.split(', ', 1)[1]} của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng)*" in text
    )


def test_without_a_date_the_signer_writes_it_in(tmp_path: Path) -> None:
    """Without --date: "ngày … tháng … năm …" on the date line and in the annex, for the signer; no warning."""
    result = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2025"], 0)
    assert "| Số: …/BC-SGDĐT | *Lâm Đồng, ngày … tháng … năm …* |" in result.stdout
    assert (
        "*(Kèm theo Báo cáo số …/BC-SGDĐT ngày … tháng … năm … của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng)*"
        in result.stdout
    )
    assert result.stderr == EXAMPLE_BLANKS  # no warning of the date


def test_a_date_after_the_deadline_is_a_warning() -> None:
    result = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2026-12-04"], 0)
    assert result.stderr == (
        "kh68: cảnh báo: báo cáo năm 2025 ghi ngày 04/12/2026 (--date), sau hạn báo cáo ngày 10/11/2025 "
        "(mục IV.1 của Kế hoạch)\n" + EXAMPLE_BLANKS
    )
    assert "*Lâm Đồng, ngày 04 tháng 12 năm 2026*" in result.stdout
    assert "cảnh báo" not in result.stdout
    unit = invoke([*REPORT[:-1], "2025-11-06", "--unit", "phong_gdtrh"], 0)
    assert unit.stderr == (
        "kh68: cảnh báo: báo cáo năm 2025 ghi ngày 06/11/2025 (--date), sau hạn báo cáo ngày 05/11/2025 "
        "(mục IV.2.b của Kế hoạch)\n" + PLAN_NUMBER_BLANK
    )
    assert invoke([*REPORT[:-1], "2025-11-05", "--unit", "phong_gdtrh"], 0).stderr == PLAN_NUMBER_BLANK


def test_synthetic_plan_says_so_and_real_plan_does_not() -> None:
    notice = "SỐ LIỆU MINH HỌA: báo cáo này được lập từ kế hoạch mẫu có số liệu minh họa"
    assert _report().count(notice) == 2
    real = invoke(["report", "--plan", FIXTURE_PLAN, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert notice not in real
    rows = indicator_table(real)
    assert {r[0]: r[4] for r in rows[1:]} == {i: "–" if i == "6.9" else "Chưa có số liệu" for i in IDS}
    assert "\n**\\[Chưa có nội dung: các văn bản chỉ đạo, triển khai đã ban hành." in real


def test_units_and_lateness_stay_in_the_internal_summary() -> None:
    text = _report()
    assert "Phòng Kế hoạch - Tài chính" not in text
    assert "chậm 2 ngày" not in text
    assert "07/11/2025" not in text
    internal = invoke([*REPORT, "--internal"], 0).stdout
    assert "# TỔNG HỢP\n" in internal
    assert "| 1 | Phòng Kế hoạch - Tài chính | 07/11/2025 | chậm 2 ngày |\n" in internal
    # 4 divisions (not Phòng TCHC, which receives) and 10 communes: 6 sent figures without a date (not "on time");
    # 3 have not reported, and a department can only ask a commune's People's Committee ("chưa nhận được")
    assert (
        "Đã nhận báo cáo của 11/14 đơn vị (4 đúng hạn, 1 chậm, 6 không ghi ngày gửi). Chưa nhận được báo cáo của 3 "
        "đơn vị ngoài quyền chỉ đạo của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng (đề nghị báo cáo, không giao nhiệm vụ)."
    ) in internal
    assert "| 6 | UBND xã minh họa 02 | – | đã gửi, không ghi ngày |\n" in internal
    assert "| 12 | UBND xã minh họa 08 | – | chưa nhận được (đề nghị báo cáo) |\n" in internal
    assert "chưa gửi" not in internal
    assert (
        "- Phòng Kế hoạch - Tài chính (mục III.2.c): Đề nghị bố trí kinh phí cho các trường vùng khó khăn (minh họa);"
        in internal
    )
    assert "Nơi nhận" not in internal


def test_a_divisions_report_is_its_own(tmp_path: Path) -> None:
    text = invoke([*REPORT, "--unit", "Phòng GDTrH"], 0).stdout
    assert "| Số: …/BC-GDTrH | *Lâm Đồng, ngày 10 tháng 11 năm 2025* |" in text
    # Under its department's full name (with the province), its own name without the department's
    assert "| SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LÂM ĐỒNG<br>**PHÒNG GIÁO DỤC TRUNG HỌC** |" in text
    assert "\nKính gửi: Phòng Tổ chức hành chính.\n" in text
    assert "| **Nơi nhận:**<br>\\- Như trên;<br>\\- Lưu: VT, GDTrH. | **TRƯỞNG PHÒNG**<br><br><br><br> |" in text
    assert "GIÁM ĐỐC" not in text
    assert [r[0] for r in indicator_table(text)[1:]] == ["6.7", "6.8", "6.11", "6.12", "6.13"]
    assert "Phòng Kế hoạch - Tài chính" not in text
    assert "\nDuy trì sĩ số, giảm tỷ lệ học sinh bỏ học (minh họa).\n" in text
    # its closing hands the report to the coordinating division; "Kính gửi" is said once, above
    assert (
        "\nTrên đây là báo cáo kết quả thực hiện năm 2025 của Phòng Giáo dục Trung học, gửi Phòng Tổ chức hành chính "
        "để tổng hợp./.\n"
    ) in text


@pytest.mark.parametrize(
    ("year", "unit", "day", "message"),
    [
        (
            "2025",
            "pgd_lam_ha",
            "2025-11-10",
            (
                "không lập báo cáo năm 2025 của pgd_lam_ha (hạn báo cáo 05/11/2025): pgd_lam_ha đã chấm dứt hoạt động "
                "từ 01/7/2025; nhiệm vụ chuyển cho ubnd_cap_xa (giáo dục mầm non, tiểu học, trung học cơ sở), so_gddt "
                "(trung học phổ thông và các đơn vị khác)"
            ),
        ),
        (
            "2026",
            "PGDĐT Cát Tiên",  # by one of its names
            "2026-11-10",
            (
                "không lập báo cáo năm 2026 của pgd_cat_tien (hạn báo cáo 05/11/2026): pgd_cat_tien đã sáp nhập vào "
                "pgd_da_huoai từ 01/12/2024"
            ),
        ),
        (
            "2024",
            "xa_mh_01",
            "2024-11-10",
            "không lập báo cáo năm 2024 của xa_mh_01 (hạn báo cáo 05/11/2024): xa_mh_01 bắt đầu hoạt động từ 01/7/2025",
        ),
        (
            "2024",
            "pgd_cat_tien",
            "2026-11-10",
            (
                "không lập báo cáo của pgd_cat_tien ghi ngày 10/11/2026 (--date): pgd_cat_tien đã sáp nhập vào "
                "pgd_da_huoai từ 01/12/2024; ghi --date trong thời gian đơn vị hoạt động (đến 30/11/2024)"
            ),
        ),
        (
            "2025",
            "xa_mh_01",
            "2025-06-30",
            (
                "không lập báo cáo của xa_mh_01 ghi ngày 30/6/2025 (--date): xa_mh_01 bắt đầu hoạt động từ 01/7/2025; "
                "ghi --date trong thời gian đơn vị hoạt động (từ 01/7/2025)"
            ),
        ),
    ],
    ids=[
        "ceased-during-the-year",
        "merged-before-the-year",
        "starts-after-the-year",
        "dated-after-it-ceased",
        "dated-before-it-started",
    ],
)
def test_a_unit_reports_only_while_it_exists(tmp_path: Path, year: str, unit: str, day: str, message: str) -> None:
    for fmt in ("md", "docx"):
        out = tmp_path / f"bao-cao.{fmt}"
        args = ["report", "--plan", EXAMPLE_PLAN, "--year", year, "--unit", unit, "--date", day, "--format", fmt]
        result = invoke([*args, "-o", out], 2)
        assert result.stdout == ""
        assert result.stderr == f"kh68: lỗi: {message}\n"
        assert not out.exists()


@pytest.mark.parametrize("unit", ["so_khcn", "Sở Khoa học và Công nghệ"], ids=["by-id", "by-name"])
def test_the_coordinating_unit_has_no_report_to_itself(unit: str) -> None:
    """Hà Nội 308: the units report to Sở Khoa học và Công nghệ, itself one of the Sở reporting; its report would
    say "Kính gửi: Sở Khoa học và Công nghệ" to itself: refused (exit 2), naming it."""
    hanoi = REPO / "tests" / "fixtures" / "plans" / "hanoi-308"
    result = invoke(["report", "--plan", hanoi, "--year", "2025", "--date", "2025-12-19", "--unit", unit], 2)
    assert result.stdout == ""
    assert result.stderr == (
        "kh68: lỗi: Sở Khoa học và Công nghệ (so_khcn) là đơn vị đầu mối nhận báo cáo của các đơn vị, không lập "
        "báo cáo gửi chính mình; bỏ --unit để lập báo cáo chung của kế hoạch\n"
    )


@pytest.mark.parametrize(
    ("unit", "which"),
    [
        (
            "cac_phong_thuoc_so",
            (
                "Các phòng thuộc Sở GDĐT (cac_phong_thuoc_so) là nhiều cơ quan, đơn vị chung một tên, không phải một cơ "
                "quan ban hành văn bản: không lập báo cáo mang tên chung; lập báo cáo của từng đơn vị: --unit phong_tchc, "
                "phong_khtc, phong_gdth_gdmn, phong_gdtrh, phong_qlcl_gdtx"
            ),
        ),
        (
            "UBND cấp xã",
            (
                "Ủy ban nhân dân các xã, phường, đặc khu (ubnd_cap_xa) là nhiều cơ quan, đơn vị chung một tên, không phải "
                "một cơ quan ban hành văn bản: không lập báo cáo mang tên chung; lập báo cáo của từng đơn vị: --unit "
                "xa_mh_01, xa_mh_02, xa_mh_03, xa_mh_04, xa_mh_05, xa_mh_06, xa_mh_07, xa_mh_08, xa_mh_09, xa_mh_10"
            ),
        ),
        (
            "ubnd_xa_phuong",
            (
                "Ủy ban nhân dân các xã, phường (ubnd_xa_phuong) là nhiều cơ quan, đơn vị chung một tên, không phải một "
                "cơ quan ban hành văn bản: không lập báo cáo mang tên chung; ghi từng đơn vị vào units.yaml để lập báo "
                "cáo của đơn vị đó"
            ),
        ),
    ],
    ids=["members", "a-group-by-its-short-name", "a-collective-name-without-members"],
)
def test_many_bodies_under_one_name_issue_no_report(tmp_path: Path, unit: str, which: str) -> None:
    """A header names one issuing body (Decree 30): "ỦY BAN NHÂN DÂN CÁC XÃ, PHƯỜNG, ĐẶC KHU" signing "CHỦ TỊCH"
    is no one's report: refused (exit 2), naming the units that can report."""
    out = tmp_path / "bao-cao.docx"
    plan = EXAMPLE_PLAN if unit != "ubnd_xa_phuong" else REPO / "tests" / "fixtures" / "plans" / "hue-188"
    args = ["report", "--plan", plan, "--year", "2026", "--date", "2026-11-04", "--unit", unit, "-o", out]
    result = invoke(args, 2)
    assert (result.stdout, result.stderr) == ("", f"kh68: lỗi: {which}\n")
    assert not out.exists()


@pytest.mark.parametrize(
    ("unit", "why"),
    [
        ("ubnd_tinh", "Ủy ban nhân dân tỉnh Lâm Đồng (ubnd_tinh) là nơi nhận báo cáo của Kế hoạch"),
        (
            "so_gddt",
            (
                "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng (so_gddt) là cơ quan ban hành hoặc theo dõi Kế hoạch, báo cáo bằng "
                "báo cáo chung của Kế hoạch"
            ),
        ),
    ],
)
def test_the_body_above_the_units_has_no_units_report(tmp_path: Path, unit: str, why: str) -> None:
    """The province's committee wrote "ỦY BAN NHÂN DÂN TỈNH … Kính gửi: Phòng Tổ chức hành chính" to a division."""
    out = tmp_path / "r.md"
    args = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10", "--unit", unit, "-o", out]
    assert invoke(args, 2).stderr == (
        f"kh68: lỗi: {why}, không lập báo cáo của đơn vị; bỏ --unit để lập báo cáo chung của kế hoạch\n"
    )
    assert not out.exists()


def test_a_unit_that_started_during_the_year_says_from_when_it_reports() -> None:
    text = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", "xa_mh_01", "--date", "2025-11-06"], 0)
    assert (
        "(mục IV.2.b), UBND xã minh họa 01 báo cáo kết quả thực hiện năm 2025 (từ ngày 01/7/2025, ngày đơn vị "
        "bắt đầu hoạt động) như sau:\n"
    ) in text.stdout
    in_2026 = invoke(
        ["report", "--plan", EXAMPLE_PLAN, "--year", "2026", "--unit", "xa_mh_01", "--date", "2026-11-06"], 0
    )
    assert "báo cáo kết quả thực hiện năm 2026 như sau:\n" in in_2026.stdout
    # a unit that ceased after the reporting day reports that year, dated while it still acted
    invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2024", "--unit", "pgd_cat_tien", "--date", "2024-11-05"], 0)


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.md"
    result = invoke([*REPORT, "-o", out], 0)
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == _report()


# ------------------------------------------------------------------ escaping


def test_pipes_and_line_breaks_in_unit_text_do_not_break_the_table(example_copy: Path) -> None:
    data = example_copy / "data" / "2025.yaml"
    replace_in(
        data, "note: Một số trường chưa hoàn thành hồ sơ công nhận (minh họa).", 'note: "Cột | thừa\\n- dòng hai *đậm*"'
    )
    replace_in(
        data,
        "results: Lập dự toán kinh phí năm 2026 (minh họa).",
        'results: "a | b\\n# không phải tiêu đề\\n1. không phải danh sách"',
    )
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    rows = indicator_table(text)
    assert len(rows) == 14
    assert all(len(r) == 10 for r in rows)
    assert "(8) Chỉ tiêu 6.5, ghi chú: Cột \\| thừa - dòng hai \\*đậm\\*" in text
    tokens = parse(text)
    assert headings(tokens, "h1") == ["BÁO CÁO"]
    assert headings(tokens, "h2") == SECTIONS
    assert (
        "c) Huy động và tận dụng nguồn lực linh hoạt và có hiệu quả: a \\| b # không phải tiêu đề 1. không phải danh sách.\n"
        in text
    )


def test_filters() -> None:
    assert f_so(1234.5) == "1.234,5"
    assert f_so(99.5) == "99,5"
    assert f_so(None) == ""
    assert f_ngay(__import__("datetime").date(2025, 1, 5)) == "05/01/2025"
    assert f_ngay_dai("2025-01-05") == "ngày 05 tháng 01 năm 2025"
    assert f_md_cell("a|b\r\nc\n\n<x>") == "a\\|b<br>c<br>\\<x\\>"
    assert f_md("- a\n2) b\n*c*") == "\\- a\\\n2\\) b\\\n\\*c\\*"


# ------------------------------------------------------------------ templates


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_custom_template_gets_the_context_and_filters(tmp_path: Path) -> None:
    tpl = write(
        tmp_path,
        "ngan.md.j2",
        "{{ header.number_line }} | {{ year }} | {{ annex.table.rows|length }} | {{ 1234.5|so }} | {{ date|ngay }}"
        " | {{ annex.table.rows[4].cells[4] }} | {{ sections[2].heading }}\n",
    )
    out = invoke([*REPORT, "--template", tpl], 0).stdout
    assert out == "Số: …/BC-SGDĐT | 2025 | 13 | 1.234,5 | 10/11/2025 | 58,8% | III. ĐÁNH GIÁ CHUNG\n"


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    tpl = write(tmp_path, "xau.md.j2", "Báo cáo\n{{ ''.__class__.__mro__ }}\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"kh68: lỗi: {tpl}:2: mẫu báo cáo dùng thao tác không được phép (chỉ được đọc dữ liệu báo cáo và dùng các bộ lọc): "
    )
    assert "__class__" in result.stderr


def test_template_cannot_call_methods_that_change_data(tmp_path: Path) -> None:
    tpl = write(tmp_path, "xau2.md.j2", "{{ chi_tieu.append(1) }}{{ nguoi_ky.update(chuc_vu='x') }}\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stderr.startswith(f"kh68: lỗi: {tpl}:1: mẫu báo cáo dùng thao tác không được phép")


def test_misspelt_variable_fails_with_its_line(tmp_path: Path) -> None:
    tpl = write(tmp_path, "sai.md.j2", "# {{ title }}\n\n{{ nam_bao_cao }}\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stderr == (f"kh68: lỗi: {tpl}:3: mẫu báo cáo dùng biến 'nam_bao_cao' không có\n")


def test_misspelt_attribute_fails_with_its_line(tmp_path: Path) -> None:
    tpl = write(tmp_path, "sai2.md.j2", "{% for ct in annex.table.rows %}\n{{ ct.ten_chi_tieu }}\n{% endfor %}\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stderr == f"kh68: lỗi: {tpl}:2: mẫu báo cáo dùng thuộc tính 'ten_chi_tieu' không có trong Row\n"


def test_template_syntax_error_is_file_line_message(tmp_path: Path) -> None:
    tpl = write(tmp_path, "cu-phap.md.j2", "dòng 1\ndòng 2\n{% for x in chi_tieu %}\n{{ x.ma }}\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stderr == (
        f"kh68: lỗi: {tpl}:4: lỗi cú pháp mẫu: mẫu kết thúc khi còn khối chưa đóng: đang cần thẻ 'endfor' hoặc "
        "'else'; khối trong cùng chưa đóng là 'for'\n"
    )


def test_missing_template(tmp_path: Path) -> None:
    result = invoke([*REPORT, "--template", tmp_path / "khong-co.md.j2"], 1)
    assert result.stderr == (
        f"kh68: lỗi: không đọc được mẫu báo cáo '{tmp_path / 'khong-co.md.j2'}': tệp không tồn tại.\n"
    )


def test_unreadable_template(tmp_path: Path) -> None:
    tpl = tmp_path / "nhi-phan.md.j2"
    tpl.write_bytes(b"\xff\xfe\x00bad")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stderr.startswith(f"kh68: lỗi: không đọc được mẫu báo cáo '{tpl}': ")


# ------------------------------------------------------------------ bad input


def test_year_outside_the_plan_period() -> None:
    result = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2023"], 2)
    assert result.stderr == ("kh68: lỗi: năm 2023 nằm ngoài thời kỳ kế hoạch (2024–2030)\n")
    invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2031"], 2)


def test_unknown_unit_lists_valid_ids() -> None:
    result = invoke([*REPORT, "--unit", "phong_gdth"], 2)
    assert result.stderr.startswith("kh68: lỗi: không có đơn vị 'phong_gdth' trong units.yaml (có phải ý bạn là")
    assert "; các mã hợp lệ: cac_don_vi_truong_hoc, cac_phong_chuyen_mon," in result.stderr
    assert "phong_gdth_gdmn, phong_gdtrh," in result.stderr


def test_bad_date() -> None:
    result = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-13-01"], 2)
    assert result.stderr == (
        "kh68: lỗi: --date: '2025-13-01' không phải là ngày hợp lệ (dùng dạng 2025-03-15 hoặc 15/3/2025)\n"
    )


def test_docx_needs_an_output_file() -> None:
    result = invoke([*REPORT, "--format", "docx"], 2)
    assert result.stderr == "kh68: lỗi: báo cáo Word (--format docx) cần tên tệp: thêm -o bao-cao.docx.\n"


def test_plan_problems_are_those_of_check_and_no_report(example_copy: Path) -> None:
    replace_in(example_copy / "data" / "2025.yaml", "    value: 95,4", "    value: chín lăm")
    check = invoke(["check", example_copy], 1).stdout.splitlines()
    result = invoke(["report", "--plan", example_copy, "--year", "2025"], 1)
    assert result.stdout == ""
    problems = [line for line in check if line.startswith(str(example_copy))][:-1]
    assert problems
    assert result.stderr.splitlines()[: len(problems)] == problems
    assert result.stderr.splitlines()[-1].startswith("kh68: lỗi: ")
    assert len(result.stderr.splitlines()) == len(problems) + 1


def test_check_and_status_do_not_import_jinja_or_docx() -> None:
    code = "import sys, kh68.cli; print(sorted(m for m in ('jinja2', 'docx', 'markupsafe') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_shipped_templates_are_found(fmt: str) -> None:
    from kh68.outputs.render import templates_dir

    assert (templates_dir() / f"report.{fmt}.j2").is_file()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ range(10**9)|list }}", ":1: range() quá lớn: 1.000.000.000 phần tử (tối đa 100.000).\n"),
        (
            "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
            ": mẫu báo cáo gọi lại chính nó không dừng (đệ quy vô hạn).",
        ),
    ],
)
def test_a_runaway_template_is_an_error_not_a_traceback(tmp_path: Path, text: str, message: str) -> None:
    tpl = write(tmp_path, "xau.md.j2", text + "\n")
    result = invoke([*REPORT, "--template", tpl], 1)
    assert result.stderr.startswith(f"kh68: lỗi: {tpl}")
    assert message in result.stderr


def test_a_template_cannot_include_files_next_to_it(tmp_path: Path) -> None:
    (tmp_path / "bi-mat.txt").write_text("BÍ MẬT\n", encoding="utf-8")
    tpl = write(tmp_path, "lo.md.j2", '{% include "bi-mat.txt" %}\n')
    result = invoke([*REPORT, "--template", tpl], 1)
    assert "BÍ MẬT" not in result.output
    assert result.stderr == f"kh68: lỗi: {tpl}: không tìm thấy mẫu 'bi-mat.txt'.\n"


def test_a_directory_given_as_template(tmp_path: Path) -> None:
    result = invoke([*REPORT, "--template", tmp_path], 1)
    assert result.stderr == (
        f"kh68: lỗi: không đọc được mẫu báo cáo '{tmp_path}': đường dẫn là một thư mục, không phải tệp thông thường.\n"
    )


def test_the_signer_comes_from_plan_yaml(example_copy: Path) -> None:
    plan_yaml = example_copy / "plan.yaml"
    plan_yaml.write_text(
        plan_yaml.read_text(encoding="utf-8")
        + "signer:\n  authority: KT. GIÁM ĐỐC\n  title: PHÓ GIÁM ĐỐC\n  name: Nguyễn Văn A\n",
        encoding="utf-8",
    )
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert "| **KT. GIÁM ĐỐC**<br>**PHÓ GIÁM ĐỐC**<br><br><br><br>**Nguyễn Văn A** |" in text
    default = _report()
    assert "| **GIÁM ĐỐC**<br><br><br><br> |" in default


def test_an_output_path_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("x\n", encoding="utf-8")
    out = blocker / "bao-cao.docx"
    result = invoke([*REPORT, "--format", "docx", "-o", out], 1)
    assert result.stderr == (
        f"kh68: lỗi: không ghi được tệp {out.as_posix()}: {blocker.as_posix()} là một tệp, không phải thư mục; "
        "không ghi gì\n"
    )
    assert blocker.read_text(encoding="utf-8") == "x\n"


def test_markdown_written_with_o_is_the_same_as_stdout(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.md"
    result = invoke([*REPORT, "-o", out], 0)
    assert result.stdout == ""
    assert result.stderr == f"{EXAMPLE_BLANKS}Đã ghi báo cáo: {out}\n"
    assert out.read_text(encoding="utf-8") == _report()


def test_a_user_html_template_escapes_like_the_shipped_one(tmp_path: Path) -> None:
    html = write(tmp_path, "rieng.html.j2", "{{ '<b>' }} {{ header.issuing_body }}\n")
    assert invoke([*REPORT, "--format", "html", "--template", html], 0).stdout == "&lt;b&gt; SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
    md = write(tmp_path, "rieng.md.j2", "{{ '<b>' }} {{ '<i>'|safe }}\n")
    assert invoke([*REPORT, "--template", md], 0).stdout == "\\<b\\> <i>\n"


@pytest.mark.parametrize(
    ("deadline", "judging", "state"),
    [
        ("05/11", "", "đúng hạn"),  # a day written plain includes it
        ("trước ngày 05/11", "", "chậm 1 ngày"),  # "trước ngày X": X is already late, as the words say
        ("trước ngày 05/11", "judging: {before_day_inclusive: true}\n", "đúng hạn"),  # unless the plan says otherwise
    ],
)
def test_whether_before_a_day_includes_it_is_the_plans_rule(
    example_copy: Path, deadline: str, judging: str, state: str
) -> None:
    """The division that sent on 05/11 (Phòng Giáo dục Trung học), under each way the deadline may be written."""
    plan = example_copy / "plan.yaml"
    replace_in(
        plan,
        "    to_units: [phong_tchc]\n    deadline: 05/11\n",
        f"    to_units: [phong_tchc]\n    deadline: {deadline}\n",
    )
    plan.write_text(plan.read_text(encoding="utf-8") + judging, encoding="utf-8")
    internal = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-08", "--internal"], 0)
    assert f"| 3 | Phòng Giáo dục Trung học | 05/11/2025 | {state} |\n" in internal.stdout


def test_the_closing_says_kinh_bao_cao_only_to_bodies_above_the_sender(example_copy: Path) -> None:
    """Built from the units' kinds and parents: a fellow agency the report also goes to is sent it, never "kính báo
    cáo"; an agency that is the sender's parent is above it."""
    closing = "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng xem xét, chỉ đạo"
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert f"{closing} và gửi Sở Nội vụ tỉnh Lâm Đồng để tổng hợp./." in text
    # the fellow Sở made the sender's parent: above it, "kính báo cáo" both, neither singled out to direct
    replace_in(example_copy / "units.yaml", "  - id: so_gddt\n", "  - id: so_gddt\n    parent: so_noi_vu\n")
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert (
        "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng và Sở Nội vụ tỉnh Lâm Đồng./."
    ) in text


def test_documents_of_other_bodies_are_said_as_theirs_never_as_the_reporting_bodys(example_copy: Path) -> None:
    """A Sở's guidance in a report the department sends is said as the Sở's, under its own sentence; one naming the
    reporting body (by a name kh68 knows) or none is the body's own."""
    replace_in(
        example_copy / "data" / "2025.yaml",
        "      subject: về việc báo cáo kết quả thực hiện Kế hoạch năm 2025 (minh họa)\n",
        "      subject: về việc báo cáo kết quả thực hiện Kế hoạch năm 2025 (minh họa)\n"
        "      issuer: Sở Giáo dục và Đào tạo tỉnh Lâm Đồng\n"
        "    - kind: Hướng dẫn\n      number: 15/HD-SYT\n      date: 2025-06-02\n      issuer: Sở Y tế tỉnh Lâm Đồng\n"
        "      subject: về y tế trường học năm 2025 (minh họa)\n",
    )
    args = ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10", "-o", "-"]
    out = invoke(args, 0).stdout.splitlines()
    start = out.index("## I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI")
    assert out[start + 2 : start + 10] == [
        "Năm 2025, Sở Giáo dục và Đào tạo tỉnh Lâm Đồng đã ban hành các văn bản chỉ đạo, triển khai thực hiện Kế hoạch:",
        "",
        "- Kế hoạch số 05/KH-MH ngày 10/02/2025 về triển khai nhiệm vụ năm 2025 thực hiện Nghị quyết số 68/NQ-CP (minh họa);",
        (
            "- Công văn số 120/MH-TCHC ngày 05/9/2025 của Sở Giáo dục và Đào tạo tỉnh Lâm Đồng về việc báo cáo kết quả "
            "thực hiện Kế hoạch năm 2025 (minh họa)."
        ),
        "",
        "Các cơ quan, đơn vị đã ban hành văn bản triển khai thực hiện Kế hoạch:",
        "",
        "- Hướng dẫn số 15/HD-SYT ngày 02/6/2025 của Sở Y tế tỉnh Lâm Đồng về y tế trường học năm 2025 (minh họa).",
    ]


def test_what_units_yaml_leaves_unsaid_of_the_sender_is_warned_with_what_the_report_writes_instead() -> None:
    args = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-04", "-o", "-"]
    result = invoke([*args, "--unit", "cong_doan_nganh"], 0)
    assert result.stderr.splitlines() == [
        PLAN_NUMBER_BLANK.rstrip("\n"),
        (
            "kh68: cảnh báo: units.yaml không ghi chữ viết tắt (abbreviation) của cong_doan_nganh: số, ký hiệu của "
            "báo cáo để 'BC-…'"
        ),
        (
            "kh68: cảnh báo: units.yaml không ghi chức danh người đứng đầu (head_title) của cong_doan_nganh: chỗ ký "
            "để 'THỦ TRƯỞNG ĐƠN VỊ'"
        ),
    ]
    assert "| Số: …/BC-… |" in result.stdout
    # GDTH-GDMN, TRƯỞNG PHÒNG: nothing to say of the sender; the plan's number, as of every report
    assert invoke([*args, "--unit", "phong_gdth_gdmn"], 0).stderr == PLAN_NUMBER_BLANK


@pytest.mark.parametrize("folder", ["moi/", "co-san/"])
def test_an_output_naming_a_folder_is_refused_never_written_as_a_file_of_that_name(tmp_path: Path, folder: str) -> None:
    (tmp_path / "co-san").mkdir()
    out = f"{tmp_path.as_posix()}/{folder}"
    result = invoke(["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "-o", out], 2)
    assert result.stderr == f"kh68: lỗi: -o {out}: cần tên tệp báo cáo, không phải thư mục (ví dụ {out}bao-cao.md)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["co-san"]


def test_a_source_that_names_only_its_unit_says_who_reported_it(example_copy: Path) -> None:
    """Without a document, the unit is the source itself (was "nguồn số liệu: (Phòng …)." as if a sender)."""
    replace_in(
        example_copy / "data" / "2025.yaml",
        '    source: {document: Báo cáo minh họa số 01/BC-MH, date: 2025-10-30, unit: phong_gdth_gdmn}\n  "6.4":',
        '    source: {unit: phong_gdth_gdmn}\n  "6.4":',
    )
    out = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10", "-o", "-"], 0).stdout
    assert "\n(6) Chỉ tiêu 6.3, nguồn số liệu: do Phòng Giáo dục Tiểu học - Giáo dục Mầm non báo cáo.\n" in out


def test_more_indicators_than_a_sentence_lists_are_counted_and_sent_to_the_annex() -> None:
    """75 codes of a generated plan are read by nobody: past ten, the body counts them; the annex lists each."""
    sonla = FIXTURE_PLAN.parent / "sonla-2954"
    out = invoke(["report", "--plan", sonla, "--year", "2026", "--date", "2026-11-27", "-o", "-"], 0).stdout
    summary = next(line for line in out.splitlines() if line.startswith("Năm 2026, Kế hoạch đặt chỉ tiêu cụ thể"))
    assert "chưa có số liệu của năm làm gốc để tính mức tăng, giảm: 11 chỉ tiêu" in summary
    assert "đang triển khai 02 chỉ tiêu (P2.2-L, P2.7-GT)" in summary  # two: named
    assert max(len(part.split(", ")) for part in summary.split(":")) <= 10


def test_ids_the_document_never_gave_stay_out_of_the_report(tmp_path: Path) -> None:
    """Sơn La's document numbers no indicator (its ids were made for kh68): with indicator_ids_in_document: false,
    the report names each by its number in the plan's list, the annex's first column is "STT", and no id made
    for kh68 is printed (they went to the Tỉnh ủy as "P2.2-L, P2.7-GT")."""
    sonla = Path(shutil.copytree(FIXTURE_PLAN.parent / "sonla-2954", tmp_path / "sonla"))
    replace_in(sonla / "plan.yaml", "date: 2025-11-20\n", "date: 2025-11-20\nindicator_ids_in_document: false\n")
    out = invoke(["report", "--plan", sonla, "--year", "2026", "--date", "2026-11-27", "-o", "-"], 0).stdout
    summary = next(line for line in out.splitlines() if line.startswith("Năm 2026, Kế hoạch đặt chỉ tiêu cụ thể"))
    assert "đang triển khai 02 chỉ tiêu (số 14, 30)" in summary
    assert "| STT | Chỉ tiêu | Đơn vị tính |" in out
    assert "| 1 | Giá trị hàng hóa tham gia xuất khẩu | nghìn USD |" in out
    ids = [i["id"] for i in yaml.safe_load((sonla / "indicators.yaml").read_text(encoding="utf-8"))["indicators"]]
    assert [i for i in ids if re.search(rf"(?<![\w.-]){re.escape(i)}(?![\w.-])", out)] == []


def test_a_units_report_of_a_plan_that_asks_units_for_none_is_refused() -> None:
    """No duty of kind unit_report: nobody to send it to, nothing to cite; never a report with no addressee."""
    plan = FIXTURE_PLAN.parent / "luongminh-16"
    args = ["report", "--plan", plan, "--year", "2025", "--date", "2025-12-15", "--unit", "pct_thuong_truc", "-o", "-"]
    result = invoke(args, 2)
    assert result.stdout == ""
    assert result.stderr == (
        "kh68: lỗi: kế hoạch không giao các đơn vị báo cáo (không có nhiệm vụ kind: unit_report trong plan.yaml), nên "
        "không có báo cáo của pct_thuong_truc; bỏ --unit để lập báo cáo chung của kế hoạch\n"
    )


def test_the_format_is_the_one_the_files_suffix_names_unless_said_and_never_another(tmp_path: Path) -> None:
    args = ["report", "--plan", EXAMPLE_PLAN, "--year", "2025", "--date", "2025-11-10"]
    invoke([*args, "-o", tmp_path / "bao-cao.docx"], 0)
    assert (tmp_path / "bao-cao.docx").read_bytes()[:2] == b"PK"  # Word, not Markdown in a .docx
    invoke([*args, "-o", tmp_path / "bao-cao.htm"], 0)
    assert (tmp_path / "bao-cao.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    refused = invoke([*args, "--format", "md", "-o", tmp_path / "khac.docx"], 2)
    assert refused.stderr == (
        f"kh68: lỗi: --format md nhưng -o {tmp_path / 'khac.docx'} là tệp Word: bỏ --format để lập theo đuôi tệp, "
        "hoặc ghi tệp đuôi .md\n"
    )
    assert not (tmp_path / "khac.docx").exists()
    invoke([*args, "--format", "md", "-o", tmp_path / "bao-cao.txt"], 0)  # a suffix of no format: as asked
    # without --format, a suffix of a format kh68 does not write is refused (a probe: "-o bc.doc" wrote Markdown)
    for name in ("bc.doc", "bc.odt"):
        refused = invoke([*args, "-o", tmp_path / name], 2)
        assert refused.stderr == (
            f"kh68: lỗi: -o {tmp_path / name}: kh68 không lập tệp {Path(name).suffix}; đuôi tệp kh68 lập được: .docx, "
            ".htm, .html, .markdown, .md, .pdf (hoặc ghi --format để chọn định dạng)\n"
        )
        assert not (tmp_path / name).exists()
    # a suffix that names no document is part of the name (a date with dots): Markdown, as without one
    invoke([*args, "-o", tmp_path / "bao-cao-ngay-10.11.2025"], 0)
    assert (tmp_path / "bao-cao-ngay-10.11.2025").read_text(encoding="utf-8").startswith("> **SỐ LIỆU MINH HỌA")


def test_a_group_refused_names_the_units_that_report_in_the_year() -> None:
    """The district offices ceased on 01/7/2025: the advice listed them (each then refused) for a report of 2026."""
    args = ["report", "--plan", EXAMPLE_PLAN, "--year", "2026", "--date", "2026-11-10", "--unit", "phong_gddt_huyen"]
    assert invoke([*args, "-o", "-"], 2).stderr.endswith(
        "lập báo cáo của từng đơn vị: --unit xa_mh_01, xa_mh_02, xa_mh_03, xa_mh_04, xa_mh_05, xa_mh_06, xa_mh_07, "
        "xa_mh_08, xa_mh_09, xa_mh_10\n"
    )


@pytest.mark.parametrize("value", ["60", "59,9990", "60,0040"])
def test_a_value_on_a_bound_it_must_pass_is_said_so_never_short_by_nothing(example_copy: Path, value: str) -> None:
    """Bắc Ninh 144: 60% against "trên 60%" was "còn thấp hơn 0 điểm phần trăm, bình quân mỗi năm cần tăng trên
    0 điểm phần trăm", in the body and the annex; the pace is worked out from the distance as printed. A value is
    judged as shown (59,9990 and 60,0040 are 60%), as the year's target is."""
    invoke(["record", "6.5", "--year", "2026", "--value", value, "--force", "--plan", example_copy], 0)
    text = invoke(["report", "--plan", example_copy, "--year", "2026", "--date", "2026-11-10"], 0).stdout
    assert "mục tiêu đến năm 2030 trên 60%, mới bằng mức mục tiêu (phải vượt mức này);" in text
    assert "| So với mục tiêu năm 2030: mới bằng mức mục tiêu (phải vượt mức này) |" in text
    assert " 0 điểm phần trăm" not in text


def test_a_value_on_a_bound_below_it_must_pass_is_told_to_be_lower(example_copy: Path) -> None:
    """A hostile probe: 95% against "dưới 95%" was "mới bằng mức mục tiêu (phải vượt mức này)"."""
    replace_in(example_copy / "indicators.yaml", '      "2030": "> 95"\n', '      "2030": "dưới 95"\n')
    invoke(["record", "6.7", "--year", "2026", "--value", "95", "--force", "--plan", example_copy], 0)
    text = invoke(["report", "--plan", example_copy, "--year", "2026", "--date", "2026-11-10"], 0).stdout
    assert "mục tiêu đến năm 2030 dưới 95%, mới bằng mức mục tiêu (phải thấp hơn mức này);" in text
    assert "phải vượt" not in text


def test_the_closing_says_what_the_plan_says_the_recipient_does_with_the_report(example_copy: Path) -> None:
    """An official: a report the plan asks "để tổng hợp, báo cáo Chính phủ" closed "xem xét, chỉ đạo" all the same."""
    replace_in(
        example_copy / "plan.yaml",
        "    deadline: 10/11\n",
        "    deadline: 10/11\n    purpose: để tổng hợp, báo cáo Bộ Giáo dục và Đào tạo.\n",
    )
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-08"], 0).stdout
    assert "kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng để tổng hợp, báo cáo Bộ Giáo dục và Đào tạo" in text
    assert "xem xét, chỉ đạo" not in text
    replace_in(example_copy / "plan.yaml", "    kind: unit_report\n", "    kind: unit_report\n    purpose: để biết\n")
    assert "purpose chỉ dùng với kind: plan_report" in invoke(["check", example_copy], 1).output


def test_a_fact_the_plan_marks_to_verify_is_warned_when_the_report_states_it() -> None:
    """An official: the report said the Sở Nội vụ took over the Sở LĐTBXH's field, which units.yaml marks "verify";
    said on standard error, once for the two bodies it concerns, never in the document."""
    result = invoke(["report", "--plan", FIXTURE_PLAN, "--year", "2025", "--date", "2025-11-08"], 0)
    warning = (
        "kh68: cảnh báo: báo cáo nêu thông tin ngoài văn bản kế hoạch về Sở Lao động – Thương binh và Xã hội và Sở "
        "Nội vụ tỉnh Lâm Đồng mà units.yaml ghi cần xác minh: Đối chiếu với quyết định của tỉnh thành lập Sở Nội vụ; "
        "xác minh trước khi trình ký"
    )
    assert result.stderr.splitlines().count(warning) == 1
    assert "xác minh" not in result.stdout


def test_the_plans_purpose_is_said_to_a_fellow_body_that_alone_receives_the_report(example_copy: Path) -> None:
    """A review: a purpose was dropped when no recipient was above the sender ("gửi … để tổng hợp" all the same)."""
    plan = example_copy / "plan.yaml"
    replace_in(plan, "    to_units: [ubnd_tinh, so_ldtbxh]\n", "    to_units: [so_ldtbxh]\n")
    replace_in(plan, "    deadline: 10/11\n", "    deadline: 10/11\n    purpose: để tổng hợp, báo cáo Bộ Nội vụ\n")
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-08"], 0).stdout
    assert "gửi Sở Nội vụ tỉnh Lâm Đồng để tổng hợp, báo cáo Bộ Nội vụ./." in text


@pytest.mark.parametrize(
    ("purpose", "closing"),
    [
        ("để tổng hợp./.", "kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng để tổng hợp và gửi"),
        (
            "|-\n      để tổng hợp,\n      báo cáo Bộ",  # a block keeps its line break: the validator joins it
            "kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng để tổng hợp, báo cáo Bộ và gửi",
        ),
    ],
)
def test_a_purpose_is_one_clause_of_the_closing(example_copy: Path, purpose: str, closing: str) -> None:
    """A probe: "để tổng hợp./." closed "… để tổng hợp./ và gửi …"; a line break broke the sentence."""
    replace_in(example_copy / "plan.yaml", "    deadline: 10/11\n", f"    deadline: 10/11\n    purpose: {purpose}\n")
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-08"], 0).stdout
    assert closing in " ".join(text.split())


@pytest.mark.parametrize("purpose", ['"."', "kính báo cáo Bộ"])
def test_a_purpose_without_words_or_repeating_the_closing_is_refused(example_copy: Path, purpose: str) -> None:
    replace_in(example_copy / "plan.yaml", "    deadline: 10/11\n", f"    deadline: 10/11\n    purpose: {purpose}\n")
    assert "[schema]" in invoke(["check", example_copy], 1).output


@pytest.mark.parametrize(
    ("purpose", "said"),
    [
        ('"."', "mục đích báo cáo (purpose) cần lời văn, ví dụ 'để tổng hợp, báo cáo Chính phủ'"),
        (
            "kính báo cáo Bộ",
            (
                "mục đích báo cáo (purpose) không lặp lại 'kính báo cáo': câu kết đã có 'kính báo cáo <nơi nhận>'; ghi "
                "việc nơi nhận làm, ví dụ 'để tổng hợp, báo cáo Chính phủ'"
            ),
        ),
    ],
)
def test_a_refused_purpose_says_why_at_its_line(example_copy: Path, purpose: str, said: str) -> None:
    """A review: the two refusals of a purpose were tested only for their rule."""
    plan = example_copy / "plan.yaml"
    replace_in(plan, "    deadline: 10/11\n", f"    deadline: 10/11\n    purpose: {purpose}\n")
    assert invoke(["check", example_copy], 1).output.splitlines()[0] == (
        f"{plan.as_posix()}:{line_of(plan, 'purpose:')}:14: lỗi: purpose: {said} [schema]"
    )


def test_a_plan_whose_year_file_is_yml_is_told_to_write_into_it(example_copy: Path) -> None:
    """data/2025.yml (the loader reads it; record writes into it): every placeholder, the status reminder and the
    internal summary named data/2025.yaml, a file that is not there. The same documents, with the file's own name."""
    data = example_copy / "data" / "2025.yaml"
    replace_in(
        data,
        "  proposals:\n    - đề nghị Ủy ban nhân dân tỉnh bổ sung biên chế giáo viên mầm non cho vùng khó khăn (minh họa)\n",
        "",
    )
    runs = {
        "report": ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"],
        "internal": ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10", "--internal"],
        "unit": ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10", "--unit", "phong_khtc"],
        "status": ["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-04"],
    }
    as_yaml = {name: invoke(args, 0).stdout for name, args in runs.items()}
    data.rename(data.with_suffix(".yml"))
    as_yml = {name: invoke(args, 0).stdout for name, args in runs.items()}
    assert {name: "data/2025.yaml" in text for name, text in as_yaml.items()} == dict.fromkeys(runs, True)
    assert as_yml == {name: text.replace("data/2025.yaml", "data/2025.yml") for name, text in as_yaml.items()}


def _reported_under_way(plan: Path, timing: str) -> None:
    """Task III.1.a of the example plan timed ``timing``, its lead's 2025 progress "in_progress"."""
    replace_in(
        plan / "tasks.yaml",
        '        timing: Thường xuyên\n        note: Văn bản ghi "11 chỉ tiêu"',
        f'        timing: {timing}\n        note: Văn bản ghi "11 chỉ tiêu"',
    )
    replace_in(
        plan / "data" / "2025.yaml",
        "    phong_tchc:\n      state: ongoing\n      date: 2025-11-03\n      results: Tổ chức quán triệt",
        "    phong_tchc:\n      state: in_progress\n      date: 2025-11-03\n      results: Tổ chức quán triệt",
    )


def test_work_reported_under_way_past_its_deadline_is_said_behind(example_copy: Path) -> None:
    """A real plan's probe: a task of "Quý I - II/2025" reported in progress in November was printed with its results
    alone, as if on time. Its report says it is behind the plan's time."""
    _reported_under_way(example_copy, "Quý I - II/2025")
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout
    assert (
        "a) Tuyên truyền, giáo dục nâng cao nhận thức: Tổ chức quán triệt, tuyên truyền kế hoạch đến các phòng, đơn "
        "vị, trường học (minh họa). Nhiệm vụ chưa hoàn thành theo thời gian Kế hoạch đề ra (quý I - II/2025).\n"
    ) in text


def test_a_deadline_after_the_period_reported_on_is_never_said_missed(example_copy: Path) -> None:
    """A review: a task due in quý I/2026, signed in May 2026 for the 2025 report, was said behind in the 2025
    report. Only a deadline within the period reported on is."""
    _reported_under_way(example_copy, "Quý I/2026")
    text = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2026-05-01"], 0).stdout
    assert (
        "\na) Tuyên truyền, giáo dục nâng cao nhận thức: Tổ chức quán triệt, tuyên truyền kế hoạch đến các phòng, đơn "
        "vị, trường học (minh họa).\n"
    ) in text


def test_the_internal_summary_of_a_plan_reporting_monthly_counts_the_latest_month_due(tmp_path: Path) -> None:
    """A new user's probe: the units report only monthly; the year's summary counted January's report ("Hạn gửi
    báo cáo: ngày 19/01/2026 … 0/2 đơn vị") while quoting November's."""
    plan = Path(shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "mot-nam", tmp_path / "plan"))
    replace_in(plan / "plan.yaml", "    deadline: 20/11\n", "    deadline: trước ngày 20 hằng tháng\n")
    internal = invoke(["report", "--plan", plan, "--year", "2026", "--internal", "--date", "2026-11-25"], 0)
    said = next(line for line in internal.stdout.splitlines() if line.startswith("Hạn gửi báo cáo"))
    assert said.startswith("Hạn gửi báo cáo tháng 11/2026: ngày 19/11/2026 (mục III.2 của Kế hoạch). ")


def test_a_commune_reports_on_the_tasks_it_took_over_from_a_district_office() -> None:
    """An official's reading: "Đơn vị không chủ trì nhiệm vụ nào của Kế hoạch." in the report of a commune that took
    over the district offices' tasks (III.4) on 01/7/2025 and sent its progress of III.4 on 04/11/2025."""
    text = invoke([*REPORT[:-1], "2025-11-05", "--unit", "xa_mh_01"], 0).stdout
    assert "Đơn vị không chủ trì nhiệm vụ nào" not in text
    assert (
        "### 4\\. Bảo đảm mọi người dân được tiếp cận, thụ hưởng các dịch vụ giáo dục cơ bản có chất lượng (mục III.4)"
        "\n\nTiếp nhận các trường mầm non, tiểu học, trung học cơ sở từ phòng GDĐT (minh họa).\n"
    ) in text
    status = invoke(
        [
            "status",
            "--plan",
            EXAMPLE_PLAN,
            "--year",
            "2025",
            "--today",
            "2025-11-05",
            "--unit",
            "xa_mh_01",
            "--format",
            "json",
        ],
        0,
    ).stdout
    assert "III.4" in [t["id"] for t in json.loads(status)["tasks"]]


def test_a_report_the_body_that_made_a_basis_signs_does_not_cite_that_basis_as_asking_for_it(tmp_path: Path) -> None:
    """A probe of a real plan: the People's Committee's own report (its second reporting duty) opened "Thực hiện Văn
    bản số 92/KH-UBND … của UBND tỉnh, Ủy ban nhân dân tỉnh … báo cáo": its own document, cited as what asked for the
    report, because the Sở's report to it came first."""
    root = Path(shutil.copytree(REPO / "tests" / "fixtures" / "plans" / "hanoi-308", tmp_path / "plan"))
    replace_in(
        root / "plan.yaml",
        "  - id: bao_cao_de_an_06\n",
        "  - id: so_bao_cao_ubnd\n    section: III.1\n    kind: plan_report\n    what: Sở báo cáo UBND (minh họa).\n"
        "    from_units: [so_khcn]\n    to_units: [ubnd_tp_ha_noi]\n    deadline: trước ngày 20 hằng tháng\n"
        "  - id: bao_cao_de_an_06\n",
    )
    args = ["report", "--plan", root, "--period", "2025-12", "--date", "2025-12-20", "--duty", "bao_cao_de_an_06"]
    text = invoke(args, 0).stdout
    opening = next(line for line in text.splitlines() if "báo cáo kết quả thực hiện" in line)
    assert opening.startswith("Ủy ban nhân dân thành phố Hà Nội báo cáo kết quả thực hiện tháng 12 năm 2025 (")
