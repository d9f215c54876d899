"""report-verdict-contradicts: see ``kh68.reading.rules``; the narrative against the report's own verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PLAN_NUMBER_BLANK, SIGNER_NAME_BLANK, SUCCESSOR_TO_VERIFY, invoke, line_of, replace_in

SAID_2025 = "      - công tác hoàn thiện hồ sơ công nhận trường đạt chuẩn quốc gia ở một số đơn vị còn chậm (minh họa)"


@pytest.fixture
def said_wrong(example_copy: Path) -> Path:
    """The demo whose 2025 causes say 6.3 missed its target (it exceeded it) and 6.5 met it (it did not), and whose
    2026 shortcomings say 6.5 missed a 2026 target the plan does not set."""
    replace_in(
        example_copy / "data" / "2025.yaml",
        SAID_2025,
        SAID_2025
        + "\n      - chỉ tiêu 6.3 chưa đạt chỉ tiêu do thiếu phòng học; tỷ lệ trường mầm non đạt chuẩn quốc gia "
        "đạt chỉ tiêu năm 2025 (minh họa)",
    )
    replace_in(
        example_copy / "data" / "2026.yaml",
        "      - tỷ lệ trẻ khuyết tật được tiếp cận giáo dục còn thấp hơn mục tiêu đến năm 2030 (minh họa)",
        "      - tỷ lệ trường mầm non đạt chuẩn quốc gia chưa đạt chỉ tiêu năm 2026 (minh họa)",
    )
    return example_copy


def test_words_that_contradict_the_figures_are_named_with_where_they_are(said_wrong: Path) -> None:
    out = invoke(["check", said_wrong, "--today", "2026-11-10", "--strict"], 1).stdout
    lines = [line for line in out.splitlines() if "[report-verdict-contradicts]" in line]
    y2025, y2026 = said_wrong / "data" / "2025.yaml", said_wrong / "data" / "2026.yaml"
    at2025 = f"{y2025.as_posix()}:{line_of(y2025, 'chỉ tiêu 6.3 chưa đạt')}:9"
    at2026 = f"{y2026.as_posix()}:{line_of(y2026, 'chưa đạt chỉ tiêu năm 2026')}:9"
    assert lines == [
        (
            f"{at2025}: cảnh báo: lời văn nói chỉ tiêu 6.3 'chưa đạt chỉ tiêu', nhưng số liệu năm 2025 là vượt chỉ "
            "tiêu (kết quả 95,4%) [report-verdict-contradicts]"
        ),
        (
            f"{at2025}: cảnh báo: lời văn nói chỉ tiêu 6.5 'đạt chỉ tiêu năm 2025', nhưng số liệu năm 2025 là chưa "
            "đạt chỉ tiêu (kết quả 58,8%) [report-verdict-contradicts]"
        ),
        (
            f"{at2026}: cảnh báo: lời văn nói chỉ tiêu 6.5 'chưa đạt chỉ tiêu năm 2026', nhưng Kế hoạch không đặt "
            "chỉ tiêu năm 2026 cho chỉ tiêu này (kết quả 60,2%) [report-verdict-contradicts]"
        ),
    ]


def test_before_the_report_is_due_the_rule_is_silent(said_wrong: Path) -> None:
    out = invoke(["check", said_wrong, "--today", "2025-11-09"], 0).stdout
    assert "[report-verdict-contradicts]" not in out
    out = invoke(["check", said_wrong, "--today", "2025-11-10"], 0).stdout
    assert out.count("[report-verdict-contradicts]") == 2  # 2025's, not yet 2026's


def test_the_report_says_the_same_as_it_is_written(said_wrong: Path) -> None:
    result = invoke(["report", "--plan", said_wrong, "--year", "2026", "--date", "2026-11-10"], 0)
    assert result.stderr == (
        PLAN_NUMBER_BLANK
        + SIGNER_NAME_BLANK
        + "kh68: cảnh báo: lời văn nói chỉ tiêu 6.5 'chưa đạt chỉ tiêu năm 2026', nhưng Kế hoạch không đặt chỉ tiêu "
        "năm 2026 cho chỉ tiêu này (kết quả 60,2%) (report › assessment › shortcomings, ý 1)\n" + SUCCESSOR_TO_VERIFY
    )
    assert "cảnh báo" not in result.stdout


def test_words_that_agree_or_speak_of_the_final_target_are_not_flagged(example_copy: Path) -> None:
    # the demo's own words: "… đã đạt mục tiêu đến năm 2030" (the final target, not 2026's), "đạt chuẩn" in a name
    out = invoke(["check", example_copy, "--today", "2026-12-31"], 0).stdout
    assert "[report-verdict-contradicts]" not in out


def test_it_can_be_turned_off(said_wrong: Path) -> None:
    plan = said_wrong / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8") + "rules:\n  report-verdict-contradicts: 'off'\n", encoding="utf-8"
    )
    assert "[report-verdict-contradicts]" not in invoke(["check", said_wrong, "--today", "2026-11-10"], 0).stdout
