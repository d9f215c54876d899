"""kh68 status: the human table and the JSON, on the demo plan and the real one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, FIXTURE_PLAN, REPO, invoke, replace_in

NARROW = {"COLUMNS": "80"}
EXAMPLE = ["status", "--plan", str(EXAMPLE_PLAN), "--year", "2025", "--today", "2025-11-06"]


def lines(output: str) -> list[str]:
    return [line.rstrip() for line in output.splitlines()]


def test_table_on_the_demo_plan() -> None:
    result = invoke(EXAMPLE, 0, env=NARROW)
    out = lines(result.stdout)
    # III.2.c's progress is dated 07/11/2025: left out on 06/11, and said so (on standard error)
    assert result.stderr == (
        "kh68: cảnh báo: 1 số liệu, tiến độ hay biểu mẫu gửi sau ngày 06/11/2025 không được tính (chưa gửi vào "
        "ngày đó)\n"
    )
    assert out[:3] == [
        "SỐ LIỆU MINH HỌA — không phải số liệu thật",
        "Tình hình thực hiện kế hoạch số …/KH-SGDĐT năm 2025",
        "Ngày xem: 06/11/2025",
    ]
    assert out[4] == "Mã     Chỉ tiêu                Mục tiêu   Đạt được   Chênh  Đánh giá"
    for row in [
        # a target is never cut short: "Triển khai theo đề án" wraps in its column
        "6.1    Hoàn thành phổ cập      Triển             –       –  … Đang triển khai",
        "       giáo dục mầm non cho    khai theo",
        "6.9    Tỷ lệ số huyện, thành   100%              –       –  ∅ Không tính được",
        "Lưu ý về số liệu:",
        "  • 6.2: tạm tính, 7/10 đơn vị, 74% mẫu số",
        "  • 6.2, 6.3, 6.4, 6.5, 6.6, 6.13: không so sánh được do thay đổi địa giới từ",
        "    01/7/2025: tiến độ chỉ tính từ năm 2025",
        # only 6.9 cannot be computed: 6.1's milestone is judged by its state ("Đang triển khai" above)
        "  • 6.9: không còn đơn vị đếm (huyện, thành phố) từ 01/7/2025: tỷ lệ theo huyện,",
        "    thành phố không tính được; kế hoạch không nói đơn vị thay thế",
        # 7 of the 10 communes reported: provisional, never "Đạt"
        "6.2    Tỷ lệ huy động trẻ em   30-35%        32,9%       0  ≈ Tạm tính, 7/10 đơn",
        "       nhà trẻ                            ████████          vị, 74% mẫu số",
        "6.3    Tỷ lệ huy động trẻ em   95%           95,4%    +0,4  ▲ Vượt chỉ tiêu",
        "6.4    Tỷ lệ trẻ em mầm non    99,5%        99,55%   +0,05  ▲ Vượt chỉ tiêu",
        "6.5    Tỷ lệ trường mầm non    60%           58,8%    -1,2  ✗ Chưa đạt",
        "       đạt chuẩn quốc gia                 ███████▉",
        "6.7    Tỷ lệ đi học đúng tuổi  –             94,1%       –  – Không đặt chỉ tiêu",
        "6.13   Tỷ lệ trẻ khuyết tật ở  80%           81,2%    +1,2  ▲ Vượt chỉ tiêu",
        # 2025 is the first year after the break: no progress across it
        "Mã    Mục tiêu cuối kỳ   Tiến độ                  R  Dự báo  Hiện đạt",
        "6.2   35-40% (2030)      Chưa đủ số liệu          –       –  ███████▌",
        "6.5   > 60% (2030)       Chưa đủ số liệu          –       –  ███████▉",
        "6.3   95-97% (2030)      Đã đạt mục tiêu cuối kỳ  –       –  ████████",
        "6.1   Hoàn thành (2030)  Chưa đủ số liệu          –       –",
        "Năm 2025: hạn 05/11/2025 — gửi Phòng Tổ chức hành chính Sở GDĐT: ĐÃ QUÁ HẠN 1",
        "  • Phòng Kế hoạch - Tài chính: chưa gửi",  # its progress is dated 07/11/2025: not sent on 06/11
        "  • UBND xã minh họa 08 (tiếp nhận nhiệm vụ của Phòng GDĐT các huyện, thành phố",
        "Năm 2025: hạn 10/11/2025 — gửi Ủy ban nhân dân tỉnh Lâm Đồng, Sở Nội vụ tỉnh Lâm",
    ]:
        assert row in out, row
    # III.2.c's progress is dated 07/11/2025: not yet sent on 06/11
    assert "10 nhiệm vụ: Thực hiện thường xuyên 2, Chưa triển khai 1, Đang triển khai 2," in out
    assert max(len(line) for line in out) <= 80
    assert "\x1b[" not in "\n".join(out)


def test_no_colour_codes_when_piped_even_if_forced_off(tmp_path: Path) -> None:
    out = invoke(EXAMPLE, 0, env={**NARROW, "NO_COLOR": "1", "FORCE_COLOR": ""}).output
    assert "\x1b[" not in out
    assert "✗ Chưa đạt" in out


def test_json_shape_and_numbers() -> None:
    data = json.loads(invoke([*EXAMPLE, "--format", "json"], 0).stdout)
    assert list(data) == [
        "year",
        "period",
        "today",
        "plan",
        "synthetic",
        "unit",
        "indicators",
        "summary",
        "tasks",
        "reporting",
        "report_text_missing",
        "report_tasks_missing",
    ]
    assert data["summary"] == {
        "exceeded": 3,
        "met": 1,
        "not_met": 1,
        "no_data": 0,
        "no_target": 5,
        "in_progress": 1,
        "provisional": 1,
        "not_computable": 1,
        "no_base": 0,
        "no_state": 0,
    }
    assert (data["year"], data["today"], data["synthetic"]) == (2025, "2025-11-06", True)
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["6.5"] == {
        "id": "6.5",
        "name": "Tỷ lệ trường mầm non đạt chuẩn quốc gia",
        "share_of": None,
        "unit": "%",
        "target": {
            "text": "60",
            "kind": "at_least",
            "min": 60.0,
            "max": None,
            "derived": False,
            "display": "60%",
            "decimals": 2,
        },
        "value": 58.8,
        "value_display": "58,8%",
        "state": None,
        "gap": -1.2,
        "status": "not_met",
        "status_label": "Chưa đạt",
        "provisional": False,
        "coverage": None,
        "comparable_since": 2025,
        "series_break": {"date": "2025-07-01", "text": "không so sánh được do thay đổi địa giới từ 01/7/2025"},
        "unit_of_count_gone": None,
        "notes": ["không so sánh được do thay đổi địa giới từ 01/7/2025: tiến độ chỉ tính từ năm 2025"],
        # 2024 → 2025 crosses the province merger: no change computed
        "previous": {"year": 2024, "value": 55.0, "change": None, "comparable": False},
        "series": [
            {"year": 2023, "value": 52.4},
            {"year": 2024, "value": 55.0},
            {"year": 2025, "value": 58.8},
        ],  # 2026's figures are not known on 06/11/2025
        "final": {"text": "> 60", "kind": "greater_than", "min": 60.0, "exclusive": True, "year": 2030, "goal": 60.0},
        "progress": {
            "category": "not_available",
            "category_label": "Chưa đủ số liệu",
            "ratio": None,
            "projected_final": None,
            "final_year": 2030,
        },
    }
    assert by_id["6.2"]["value"] == round(100 * 10132 / 30800, 4)
    assert (by_id["6.2"]["status"], by_id["6.2"]["status_label"]) == (
        "provisional",
        "Tạm tính, 7/10 đơn vị, 74% mẫu số",
    )
    assert by_id["6.8"]["target"] is None
    assert by_id["6.8"]["value"] is None
    owed = data["reporting"][0]
    assert (owed["duty"], owed["deadline"], owed["days_left"], owed["overdue"]) == (
        "unit_report",
        "2025-11-05",
        -1,
        True,
    )
    # Its progress is dated 07/11/2025: on 06/11 it has not reported yet.
    assert {"unit": "phong_khtc", "reported": False, "date": None, "date_source": None, "late": False} in owed["units"]


def test_derived_milestone_is_marked(example_copy: Path) -> None:
    result = invoke(["status", "--plan", example_copy, "--year", "2027", "--today", "2027-01-10"], 0, env=NARROW)
    out = lines(result.output)
    assert any(line.startswith("6.2 ") and " 32-37%* " in line for line in out)
    assert "*: mốc nội suy giữa hai năm kế hoạch có chỉ tiêu, không phải chỉ tiêu do kế" in out
    data = json.loads(invoke(["status", "--plan", example_copy, "--year", "2027", "--format", "json"], 0).stdout)
    target = data["indicators"][1]["target"]
    assert target == {
        "text": "32-37",
        "kind": "range",
        "min": 32.0,
        "max": 37.0,
        "derived": True,
        "display": "32-37%",
        "decimals": 2,
    }


def test_bundled_plan_has_no_invented_figures() -> None:
    data = json.loads(
        invoke(
            ["status", "--plan", FIXTURE_PLAN, "--year", "2025", "--today", "2025-11-06", "--format", "json"], 0
        ).stdout
    )
    assert data["synthetic"] is False
    # 6.9 counts districts, gone on 01/7/2025: not computable rather than "no data"
    assert {i["status"] for i in data["indicators"]} == {"no_data", "no_target", "not_computable"}
    assert [i["id"] for i in data["indicators"] if i["status"] == "not_computable"] == ["6.9"]
    assert all(i["value"] is None for i in data["indicators"])
    out = invoke(["status", "--plan", FIXTURE_PLAN, "--year", "2025", "--today", "2025-11-06"], 0, env=NARROW).output
    assert "SỐ LIỆU MINH HỌA" not in out


def test_unit_filter_shows_only_what_the_unit_leads() -> None:
    data = json.loads(invoke([*EXAMPLE, "--unit", "Phòng GDTrH", "--format", "json"], 0).stdout)
    assert data["unit"] == "phong_gdtrh"
    assert [i["id"] for i in data["indicators"]] == ["6.7", "6.8", "6.11", "6.12", "6.13"]
    assert data["reporting"][0]["units"] == [
        {"unit": "phong_gdtrh", "reported": True, "date": "2025-11-05", "date_source": "entry", "late": False}
    ]


def test_fail_on_not_met_exits_1() -> None:
    invoke([*EXAMPLE, "--fail-on", "not_met", "--format", "json"], 1)
    invoke(["status", "--plan", FIXTURE_PLAN, "--year", "2025", "--fail-on", "not_met", "--format", "json"], 0)


def test_bad_options_are_usage_errors() -> None:
    out = invoke(["status", "--plan", EXAMPLE_PLAN, "--year", "2040"], 2).output
    assert out == "kh68: lỗi: năm 2040 nằm ngoài thời kỳ kế hoạch và các năm số liệu gốc (2014–2030)\n"
    out = invoke(["status", "--plan", EXAMPLE_PLAN, "--year", "2025", "--unit", "phong_xyz"], 2).output
    assert out.startswith(
        "kh68: lỗi: không có đơn vị 'phong_xyz' trong units.yaml (có phải ý bạn là 'phong_tchc'?); "
        "các mã hợp lệ: cac_don_vi_truong_hoc, cac_phong_chuyen_mon,"
    )
    out = invoke(["status", "--plan", EXAMPLE_PLAN, "--today", "06/13/2025"], 2).output
    assert out == "kh68: lỗi: --today: '06/13/2025' không phải là ngày hợp lệ (dùng dạng 2025-03-15 hoặc 15/3/2025)\n"


def test_plan_problems_stop_status_with_check_messages(example_copy: Path) -> None:
    replace_in(example_copy / "indicators.yaml", 'targets:\n      "2025": 30-35', 'targets:\n      "2025": 30-3x5')
    out = invoke(["status", "--plan", example_copy, "--year", "2025"], 1).output
    assert "indicators.yaml:" in out
    assert ": lỗi: không đọc được chỉ tiêu '30-3x5'" in out
    assert out.endswith("kh68: lỗi: kế hoạch có 1 lỗi; sửa các lỗi trên (kiểm tra lại bằng 'kh68 check')\n")


def test_year_zero_is_not_the_current_year() -> None:
    out = invoke(["status", "--plan", EXAMPLE_PLAN, "--year", "0"], 2).output
    assert out == "kh68: lỗi: năm 0 nằm ngoài thời kỳ kế hoạch và các năm số liệu gốc (2014–2030)\n"


def test_unit_closed_before_the_deadline_owes_no_report() -> None:
    data = json.loads(invoke([*EXAMPLE, "--unit", "pgd_da_lat", "--format", "json"], 0).stdout)
    assert [d["duty"] for d in data["reporting"]] == []
    data = json.loads(
        invoke(
            [
                "status",
                "--plan",
                EXAMPLE_PLAN,
                "--year",
                "2024",
                "--today",
                "2024-11-05",
                "--unit",
                "pgd_da_lat",
                "--format",
                "json",
            ],
            0,
        ).stdout
    )
    # Its figures of 6.2 and its progress on III.4 (04/11/2024, a progress entry, not a form) are its report.
    assert data["reporting"][0]["units"] == [
        {"unit": "pgd_da_lat", "reported": True, "date": "2024-11-04", "date_source": "entry", "late": False}
    ]


def test_days_are_written_in_vietnamese_number_form() -> None:
    out = lines(
        invoke(["status", "--plan", EXAMPLE_PLAN, "--year", "2030", "--today", "2025-11-06"], 0, env=NARROW).output
    )
    assert "Năm 2030: hạn 05/11/2030 — gửi Phòng Tổ chức hành chính Sở GDĐT: còn 1.825 ngày." in out


def test_baseline_year_owes_nothing() -> None:
    out = lines(
        invoke(["status", "--plan", EXAMPLE_PLAN, "--year", "2023", "--today", "2025-11-06"], 0, env=NARROW).output
    )
    assert not any(line.startswith("Hạn ") for line in out)


def test_plan_text_is_printed_as_written_never_as_markup(example_copy: Path) -> None:
    replace_in(
        example_copy / "units.yaml",
        "    name: Phòng Kế hoạch - Tài chính\n",
        '    name: "Phòng [bold]Kế hoạch[/bold] :smile: - Tài chính"\n',
    )
    out = lines(
        invoke(["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-08"], 0, env=NARROW).output
    )
    assert "  • Phòng [bold]Kế hoạch[/bold] :smile: - Tài chính: gửi muộn ngày 07/11/2025" in out


def test_tasks_overdue_and_due_within_a_month(example_copy: Path) -> None:
    # III.2.c timed "Quý II/2026" (due 30/6/2026), III.3.a "tháng 9/2026" (due 30/9/2026), neither reported done
    tasks = example_copy / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8").split("timing: Năm 2024 và các năm tiếp theo.")
    tasks.write_text(
        text[0]
        + "timing: Quý II/2026"
        + text[1]
        + "timing: tháng 9/2026"
        + "timing: Năm 2024 và các năm tiếp theo.".join(text[2:]),
        encoding="utf-8",
    )
    out = " ".join(
        invoke(["status", "--plan", example_copy, "--year", "2026", "--today", "2026-09-10"], 0).output.split()
    )
    assert (  # III.2.a, due 31/12/2025, was reported done on 02/11/2026: not yet known on 10/9/2026
        "Quá hạn: • III.2.a Kiện toàn, sắp xếp tổ chức bộ máy quản lý GDĐT tinh gọn, hiệu quả — hạn 31/12/2025, quá hạn "
        "253 ngày • III.2.b Thực hiện chuyển đổi số sâu rộng, toàn diện và hiệu quả — hạn 31/12/2025, quá hạn 253 ngày "
        "• III.2.c Huy động và tận dụng nguồn lực linh hoạt và có hiệu quả — hạn 30/6/2026, quá hạn 72 ngày "
        "Đến hạn trong 30 ngày tới: • III.3.a Đổi mới giáo dục và đào tạo — hạn 30/9/2026, còn 20 ngày "
    ) in out
    data = json.loads(
        invoke(
            ["status", "--plan", example_copy, "--year", "2026", "--today", "2026-09-10", "--format", "json"], 0
        ).stdout
    )
    due = {t["id"]: (t["timing"], t["due"], t["days_left"], t["overdue"]) for t in data["tasks"] if t["due"]}
    assert due == {
        # reported done on 02/11/2026, after the day seen
        "III.2.a": ("Đến năm 2025 và các năm tiếp theo.", "2025-12-31", -253, True),
        "III.2.b": ("Đến năm 2025 và các năm tiếp theo.", "2025-12-31", -253, True),
        "III.2.c": ("Quý II/2026", "2026-06-30", -72, True),
        "III.3.a": ("tháng 9/2026", "2026-09-30", 20, False),
    }


def test_every_status_has_a_style_and_a_symbol() -> None:
    # a target set against a base year without its figure (no_base) once crashed the table (KeyError)
    from kh68 import vocab
    from kh68.cli.status_table import STATUS_STYLES
    from kh68.kinds.verdict import Status

    assert set(STATUS_STYLES) == set(Status) == set(vocab.STATUS_SYMBOLS)


def test_a_target_without_its_base_years_figure_is_said_so_in_the_table(tmp_path: Path) -> None:
    plan = Path(shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan"))
    indicators = plan / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    assert '"2025": "95"' in text, "the demo plan's 6.3 target for 2025 moved"
    indicators.write_text(
        text.replace('"2025": "95"', '"2025": tăng bình quân 1 điểm phần trăm/năm so với năm 2015', 1), encoding="utf-8"
    )
    out = " ".join(
        invoke(["status", "--plan", plan, "--year", "2025", "--today", "2025-11-06"], 0, env=NARROW).output.split()
    )
    assert "? Chưa có số liệu" in out  # "năm gốc" wraps to the next line


def test_a_bullet_wraps_under_its_text_and_folds_a_word_longer_than_the_line() -> None:
    import io

    from rich.console import Console

    from kh68.cli.status_table import print_lines

    console = Console(file=io.StringIO(), width=24, color_system=None, highlight=False, markup=False)
    print_lines(console, ["Quá hạn:", "• T.1 Tổ chức tập huấn cho giáo viên", "• " + "x" * 30, "• ngắn  "])
    assert console.file.getvalue().splitlines() == [  # type: ignore[attr-defined]
        "Quá hạn:",
        "  • T.1 Tổ chức tập huấn",
        "    cho giáo viên",
        "  • xxxxxxxxxxxxxxxxxxxx",  # never cut to "xxx…": the rest of the word on the next line
        "    xxxxxxxxxx",
        "  • ngắn",
    ]


@pytest.mark.parametrize(
    ("width", "line", "shown"),
    [
        (20, "• " + "x" * 32 + " yy", ["  • xxxxxxxxxxxxxxxx", "    xxxxxxxxxxxxxxxx", "    yy"]),  # no space carried
        (20, "• a\n\n  thụt lề", ["  • a", "", "      thụt lề"]),  # the text's own lines and indent kept
        (20, "• ", ["  •"]),
        (8, "• 中文字符", ["  • 中文", "    字符"]),
        (5, "• 中文字符", ["中文", "字符"]),  # too narrow to indent: the text, not cut
    ],
)
def test_a_bullet_keeps_every_character_at_any_width(width: int, line: str, shown: list[str]) -> None:
    import io

    from rich.console import Console

    from kh68.cli.status_table import print_lines

    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False, markup=False)
    print_lines(console, [line])
    assert console.file.getvalue().splitlines() == shown  # type: ignore[attr-defined]


@pytest.mark.parametrize("columns", ["0", "5", "30"])
def test_a_console_too_narrow_gets_the_narrowest_table_not_a_lost_one(columns: str) -> None:
    args = ["status", "--plan", EXAMPLE_PLAN, "--year", "2025", "--today", "2025-11-06"]
    narrowest = invoke(args, 0, env={"COLUMNS": "70"}).stdout
    shown = invoke(args, 0, env={"COLUMNS": columns}).stdout
    assert shown == narrowest
    assert "\n6.1    Hoàn thành    Triển " in shown  # every id whole, in its column


def test_a_unit_that_leads_no_task_is_told_so() -> None:
    plan = FIXTURE_PLAN.parent / "mot-nam"
    out = invoke(["status", "--plan", plan, "--year", "2026", "--unit", "ubnd_xa", "--today", "2026-12-01"], 0).stdout
    assert "\nNhiệm vụ\nKhông có nhiệm vụ nào.\n" in out


def test_the_progress_table_at_the_narrowest_width_cuts_no_id_number_or_column() -> None:
    """A final target gives way (it wraps between words); ids, R, the forecast and the bar are never cut."""
    plan = FIXTURE_PLAN.parent / "sonla-2954"
    out = lines(
        invoke(["status", "--plan", plan, "--year", "2026", "--today", "2026-11-20"], 0, {"COLUMNS": "70"}).stdout
    )
    start = out.index("Tiến độ đến mục tiêu cuối kỳ")
    assert out[start + 1 : start + 6] == [
        "Mã          Mục tiêu cuối kỳ      Tiến độ          R  Dự báo  Hiện đạt",
        "──────────────────────────────────────────────────────────────────────",
        "XK          ≥ 400.000 nghìn USD   Chưa đủ số liệu  –       –  ▌·······",
        "            (2030)",
        "XK-TB       +10-13%/năm (2030)    Chưa đủ số liệu  –       –",
    ]
    end = next(i for i, line in enumerate(out) if line.startswith("Tiến độ đến mục tiêu cuối kỳ đánh giá"))
    assert not [line for line in out[start:end] if "…" in line]


def test_a_year_with_no_data_file_yet_has_every_part_of_its_report_to_write() -> None:
    """Huế 188 has no data/2026.yaml: nothing of the year's report is written (only its tasks were listed)."""
    args = ["status", "--plan", FIXTURE_PLAN.parent / "hue-188", "--year", "2026", "--today", "2026-12-01"]
    data = json.loads(invoke([*args, "--format", "json"], 0).stdout)
    assert data["report_text_missing"] == [
        "directing_documents",
        "assessment.strengths",
        "assessment.shortcomings",
        "assessment.objective_causes",
        "assessment.subjective_causes",
        "directions",
        "proposals",
    ]
    shown = lines(invoke(args, 0, {"COLUMNS": "100"}).stdout)
    start = next(i for i, line in enumerate(shown) if line.startswith("Báo cáo năm 2026 (kế hoạch không ghi hạn)"))
    assert shown[start] == (
        "Báo cáo năm 2026 (kế hoạch không ghi hạn): phần lời văn còn thiếu các văn bản chỉ đạo, triển khai đã"
    )


def test_a_deadline_every_unit_met_is_past_not_overdue(example_copy: Path) -> None:
    """Đồng Tháp 556: "ĐÃ QUÁ HẠN 21 ngày" was said of a quarter's reports all of which came in time."""
    replace_in(
        example_copy / "plan.yaml",
        "    from_units: [cac_phong_thuoc_so, phong_gddt_huyen]\n",
        "    from_units: [phong_gdtrh]\n",
    )
    lines = invoke(["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-20"], 0).stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Năm 2025: hạn 05/11/2025"))
    assert lines[at : at + 3] == [
        "Năm 2025: hạn 05/11/2025 — gửi Phòng Tổ chức hành chính Sở GDĐT: hạn đã qua 15",
        "ngày.",
        "  • Tất cả đơn vị đã gửi đúng hạn.",
    ]


def test_a_data_file_of_a_period_still_to_come_is_said_never_silently_left_out(example_copy: Path) -> None:
    """Bắc Ninh 144: data/2030.yaml seen in 2026 made every figure of 2030 "chưa có số liệu", with no word why."""
    (example_copy / "data" / "2030.yaml").write_text(
        'year: 2030\nsynthetic: true\nindicators:\n  "6.3": {value: 95}\n', encoding="utf-8"
    )
    warning = (
        "kh68: cảnh báo: số liệu năm 2030 (data/2030.yaml) không được tính: năm 2030 bắt đầu ngày 01/01/2030, sau "
        "ngày xem 05/12/2026; nếu tệp ghi nhầm kỳ, sửa tên tệp và năm trong tệp\n"
    )
    seen = ["--plan", example_copy, "--year", "2030"]
    status = invoke(["status", *seen, "--today", "2026-12-05", "--format", "json"], 0)
    assert status.stderr == warning
    json.loads(status.stdout)  # the JSON stays whole
    report = invoke(["report", *seen, "--date", "2026-12-05"], 0)
    assert warning in report.stderr
    assert invoke(["status", *seen, "--today", "2030-01-01"], 0).stderr == ""  # its year begun: counted
    assert invoke(["status", "--plan", example_copy, "--year", "2026", "--today", "2026-12-05"], 0).stderr == ""


def test_a_day_before_the_plans_own_day_is_shown_with_the_plans_words(tmp_path: Path) -> None:
    """Bắc Ninh 144: "trước ngày 15/11 hằng năm" was shown "hạn 14/11/2026" alone, as if the plan said 14/11."""
    out = invoke(
        ["status", "--plan", FIXTURE_PLAN.parent / "sonla-2954", "--year", "2026", "--today", "2026-11-20"],
        0,
        env={"COLUMNS": "200"},
    ).stdout
    assert "Năm 2026: hạn 29/11/2026 (kế hoạch ghi: trước ngày 30/11 hàng năm) — gửi " in out


def test_a_duty_on_request_is_never_owed_nor_the_years_report(example_copy: Path) -> None:
    """A second plan_report duty "khi có yêu cầu" (Bắc Ninh 144) neither adds a deadline nor becomes the year's."""
    on_request = (
        "  - id: dot_xuat\n    section: IV.3\n    kind: plan_report\n    what: báo cáo đột xuất khi có yêu cầu.\n"
        "    from_units: [phong_tchc]\n    to_units: [ubnd_tinh]\n    deadline: khi có yêu cầu\n"
    )
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", on_request + "  - id: plan_report\n")
    invoke(["check", example_copy], 0)
    args = ["status", "--plan", example_copy, "--year", "2026", "--today", "2026-11-20", "--format", "json"]
    reporting = json.loads(invoke(args, 0).stdout)["reporting"]
    assert [(d["duty"], d["deadline"]) for d in reporting] == [
        ("unit_report", "2026-11-05"),
        ("plan_report", "2026-11-10"),
    ]
    made = invoke(["report", "--plan", example_copy, "--year", "2026", "--date", "2026-11-12"], 0)
    assert "sau hạn báo cáo ngày 10/11/2026 (mục IV.1 của Kế hoạch)" in made.stderr  # the yearly duty's, not IV.3


def test_a_part_of_the_final_year_is_never_said_to_miss_the_final_target(tmp_path: Path) -> None:
    """A review: a March figure of the final year was "Không đạt mục tiêu cuối kỳ" beside "Đang triển khai"; the
    pace and the final verdict take whole years only."""
    plan = Path(shutil.copytree(FIXTURE_PLAN.parent / "sonla-2954", tmp_path / "plan"))
    month = (plan / "data" / "2026-11.yaml").read_text(encoding="utf-8").replace("2026-11", "2030-03")
    month = re.sub(r"2026-1[01]-([0-9]{2})", r"2030-03-\1", month).replace("year: 2026", "year: 2030")
    (plan / "data" / "2030-03.yaml").write_text(month, encoding="utf-8")
    args = ["status", "--plan", plan, "--period", "2030-03", "--today", "2030-04-20", "--format", "json"]
    [row] = [i for i in json.loads(invoke(args, 0).stdout)["indicators"] if i["id"] == "P2.2-L"]
    assert (row["status"], row["progress"]["category"]) == ("in_progress", "not_available")


def test_in_january_the_years_view_lists_the_year_befores_reports_due_then(example_copy: Path) -> None:
    """A review and a probe: the second half's report due 05/01 was in no view of January but the year before's."""
    half = (
        "  - id: half_year_report\n    section: IV.2.e\n    kind: unit_report\n    what: báo cáo 6 tháng.\n"
        "    from_units: [phong_gdtrh]\n    to_units: [phong_tchc]\n    deadline: 05/01 và 05/07\n"
    )
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", half + "  - id: plan_report\n")
    args = ["status", "--plan", example_copy, "--today", "2026-01-03"]
    out = " ".join(invoke(args, 0, env={"COLUMNS": "120"}).stdout.split())
    assert "6 tháng cuối năm 2025: hạn 05/01/2026 — gửi Phòng Tổ chức hành chính Sở GDĐT: còn 2 ngày." in out
    reporting = json.loads(invoke([*args, "--format", "json"], 0).stdout)["reporting"]
    assert [(d["period"], d["deadline"]) for d in reporting][:2] == [("2025-H2", "2026-01-05"), ("2026", "2026-11-05")]


def test_a_plan_whose_period_is_over_is_seen_in_its_last_year() -> None:
    """An official's reading: `kh68 status --plan` of a plan of 2025 in December 2026 failed (exit 2, "năm 2026 nằm
    ngoài thời kỳ kế hoạch"). Without --year, the year is the plan's nearest one, said on standard error."""
    plan = REPO / "tests" / "fixtures" / "plans" / "hanoi-308"
    result = invoke(["status", "--plan", plan, "--today", "2026-12-05"], 0)
    assert result.stderr == "kh68: cảnh báo: năm 2026 ngoài các năm của kế hoạch (2015–2025): xem năm 2025\n"
    assert "năm 2025" in result.stdout.splitlines()[1]
    assert invoke(["status", "--plan", plan, "--year", "2026", "--today", "2026-12-05"], 2).stderr.startswith(
        "kh68: lỗi: năm 2026 nằm ngoài"
    )


def test_a_baseline_year_is_seen_as_itself() -> None:
    """A review: Sơn La's plan (2026–2030, with figures of 2025) seen in December 2025 jumped to 2026, an empty view."""
    plan = REPO / "tests" / "fixtures" / "plans" / "sonla-2954"
    result = invoke(["status", "--plan", plan, "--today", "2025-12-01"], 0)
    assert " ".join(result.stdout.splitlines()[:2]).endswith("năm  2025")
    assert "ngoài các năm của kế hoạch" not in result.stderr


def test_a_task_is_named_by_its_short_title_where_its_title_is_a_list_of_units() -> None:
    """An official's reading: "III.2.d Các phòng thuộc Sở, các đơn vị trường học; phòng GDĐT …" named a task by the
    units of its heading, where the report says "Giám sát, thanh tra, kiểm tra việc thực hiện chính sách"."""
    out = invoke(EXAMPLE, 0, env={"COLUMNS": "200"}).output
    assert "• III.2.d Giám sát, thanh tra, kiểm tra việc thực hiện chính sách — " in out
    assert "III.2.d Các phòng thuộc Sở" not in out


def test_a_period_no_duty_reports_on_is_refused_naming_the_plans_periods() -> None:
    # the demo plan reports by year: a quarter's view printed the year's figures under the quarter's name
    args = ["status", "--plan", str(EXAMPLE_PLAN), "--period", "2026-Q3"]
    result = invoke(args, 2)
    assert result.stdout == ""
    assert result.stderr == (
        "kh68: lỗi: --period 2026-Q3: kế hoạch không quy định báo cáo quý III/2026; các kỳ báo cáo năm 2026 "
        "của kế hoạch: 2026 (năm)\n"
    )


def test_a_figure_against_the_words_of_a_milestone_waits_for_a_state_not_for_data(example_copy: Path) -> None:
    """A hostile probe: 80% against 2025's "Triển khai theo đề án" (6.1) was "Chưa có số liệu" beside the 80%."""
    data = example_copy / "data" / "2025.yaml"
    replace_in(data, '  "6.1":\n    state: in_progress\n', '  "6.1":\n    value: 80\n')
    args = ["status", "--plan", example_copy, "--year", "2025", "--today", "2025-11-20", "--format", "json"]
    found = next(i for i in json.loads(invoke(args, 0).stdout)["indicators"] if i["id"] == "6.1")
    assert (found["value_display"], found["status"], found["status_label"]) == ("80%", "no_state", "Chưa có trạng thái")


def test_a_period_figures_were_recorded_for_is_seen_though_no_duty_reports_it(example_copy: Path) -> None:
    """A review: `record --period 2026-Q4` was accepted, then `status --period 2026-Q4` refused the quarter."""
    invoke(["record", "6.8", "--period", "2026-Q4", "--value", "80", "--plan", example_copy], 0)
    args = ["status", "--plan", example_copy, "--period", "2026-Q4", "--today", "2027-01-10", "--format", "json"]
    found = next(i for i in json.loads(invoke(args, 0).stdout)["indicators"] if i["id"] == "6.8")
    assert found["value_display"] == "80%"


def test_a_report_written_in_the_years_file_counts_for_the_second_half_year(example_copy: Path) -> None:
    """A probe of a real plan (Đồng Nai 179): a unit of a six-monthly duty that wrote its report in data/2026.yaml
    was "chưa gửi" under the second half, whose report is the year's."""
    replace_in(example_copy / "plan.yaml", "    deadline: 05/11\n", "    deadline: trước ngày 15/6 và 15/11\n")
    args = ["--plan", example_copy]
    invoke(["progress", "III.1.b", "--year", "2026", "--unit", "phong_tchc", "--state", "in_progress", *args], 0)
    invoke(
        [
            "progress",
            "III.1.b",
            "--year",
            "2026",
            "--unit",
            "phong_gdtrh",
            "--state",
            "in_progress",
            "--date",
            "2026-12-05",
            *args,
        ],
        0,
    )
    status = ["status", *args, "--year", "2026", "--today", "2026-12-20", "--format", "json"]
    reporting = json.loads(invoke(status, 0).stdout)["reporting"]
    sent = {
        r["period"]: {u["unit"]: u["reported"] for u in r["units"]} for r in reporting if r["duty"] == "unit_report"
    }
    assert (sent["2026-H1"]["phong_gdtrh"], sent["2026-H2"]["phong_gdtrh"]) == (False, True)
