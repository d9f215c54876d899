"""What trying the reports on real plans of other provinces found (tests/fixtures/plans): a plan issued with a
decision, a figure of part of the year, several recipients, a report for one period of a plan reporting by period."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import MONTHLY_DUTY, REPO, invoke, replace_in

FIXTURES = REPO / "tests" / "fixtures" / "plans"
HCM, SON_LA = FIXTURES / "hcm-2820", FIXTURES / "sonla-2954"


def _lines(plan: object, *args: str) -> list[str]:
    return invoke(["report", "--plan", plan, *args], 0).stdout.splitlines()


def test_a_plan_issued_with_a_decision_is_named_by_the_decision() -> None:
    lines = _lines(HCM, "--year", "2026", "--date", "2026-12-20")
    assert lines[8].startswith(
        "**Kết quả thực hiện năm 2026 Kế hoạch ban hành kèm theo Quyết định số 2820/QĐ-UBND ngày 19/11/2025 của Ủy ban "
        "nhân dân Thành phố Hồ Chí Minh về triển khai Quyết định số 06/QĐ-TTg"
    )
    closing = next(line for line in lines if line.startswith("Trên đây"))
    assert closing == (
        "Trên đây là báo cáo kết quả thực hiện năm 2026 Kế hoạch ban hành kèm theo Quyết định số 2820/QĐ-UBND ngày "
        "19/11/2025; Ủy ban nhân dân Thành phố Hồ Chí Minh kính báo cáo Bộ Tài chính xem xét, chỉ đạo./."
    )
    assert not any("Kế hoạch số 2820" in line or "((" in line for line in lines)


def test_the_status_heading_names_the_plan_by_its_number() -> None:
    out = invoke(["status", "--plan", HCM, "--period", "2026-Q4", "--today", "2026-12-10"], 0).stdout
    heading = " ".join(line.strip() for line in out.splitlines()[1:3])
    assert heading == "Tình hình thực hiện kế hoạch ban hành kèm theo Quyết định số 2820/QĐ-UBND quý IV/2026"


def test_a_figure_of_part_of_the_year_is_under_way_never_met_or_missed() -> None:
    lines = _lines(SON_LA, "--year", "2026", "--date", "2026-11-27")
    rows = {line.split(" | ")[0]: line for line in lines if line.startswith("| ")}
    # 6.100 tấn of November's file against 6.400 for the year: not "Chưa đạt" before the year ends; the report is
    # dated before November ends, so its figures go to the day of the document they come from (17/11), neither
    # "đến hết tháng 11/2026" nor the report's own day
    assert rows["| P2.2-L"] == (
        "| P2.2-L | Tổng sản phẩm Nhãn tham gia xuất khẩu | tấn | 6.400 tấn | 6.100 tấn | – | Số liệu đến ngày "
        "17/11/2026, còn thấp hơn chỉ tiêu năm 300 tấn | Đang triển khai | phấn đấu đến năm 2030 đạt 8.500 tấn | (7) |"
    )
    # 28.050 of 240.000, from 2 of 3 communes: neither met nor compared
    assert rows["| XK"] == (
        "| XK | Giá trị hàng hóa tham gia xuất khẩu | nghìn USD | 240.000 nghìn USD | 28.050 nghìn USD (số liệu tháng "
        "11/2026, tạm tính) | – | – | Chưa đánh giá (số liệu tạm tính) | đạt 400 triệu USD | (1) (2) |"
    )
    assert not any("Đạt chỉ tiêu" in line or "Chưa đạt" in line for line in rows.values())


def test_a_figure_of_a_month_is_known_to_the_day_of_its_document_whenever_the_report_is_made() -> None:
    """An official's reading: a November figure from a document of 17/11, in a report made in December, said
    "Số liệu đến hết tháng 11/2026" (no document of 17/11 can carry the whole month)."""
    rows = {line.split(" | ")[0]: line for line in _lines(SON_LA, "--year", "2026") if line.startswith("| ")}
    assert rows["| P2.2-L"] == (
        "| P2.2-L | Tổng sản phẩm Nhãn tham gia xuất khẩu | tấn | 6.400 tấn | 6.100 tấn | – | Số liệu đến ngày "
        "17/11/2026, còn thấp hơn chỉ tiêu năm 300 tấn | Đang triển khai | phấn đấu đến năm 2030 đạt 8.500 tấn | (7) |"
    )
    dated = {line.split(" | ")[0]: line for line in _lines(SON_LA, "--year", "2026", "--date", "2026-12-05")}
    assert dated["| P2.2-L"] == rows["| P2.2-L"]


def test_the_closing_names_every_recipient_of_the_kinh_gui() -> None:
    lines = _lines(SON_LA, "--year", "2026", "--date", "2026-11-27")
    assert "Kính gửi:<br>\\- Tỉnh ủy;<br>\\- Hội đồng nhân dân tỉnh;<br>\\- Ủy ban nhân dân tỉnh Sơn La." in lines
    closing = next(line for line in lines if line.startswith("Trên đây"))
    assert closing.endswith(
        "; Sở Công Thương kính báo cáo Tỉnh ủy, Hội đồng nhân dân tỉnh và Ủy ban nhân dân tỉnh Sơn La./."
    )


def test_a_report_for_a_month_of_a_plan_reporting_monthly() -> None:
    result = invoke(["report", "--plan", SON_LA, "--period", "2026-11", "--date", "2026-12-02"], 0)
    lines = result.stdout.splitlines()
    assert lines[8].startswith("**Kết quả thực hiện tháng 11 năm 2026 Kế hoạch ban hành kèm theo Quyết định số 2954/")
    assert (
        "Thực hiện Kế hoạch ban hành kèm theo Quyết định số 2954/QĐ-UBND ngày 20/11/2025 của Ủy ban nhân dân tỉnh "
        "Sơn La, Sở Công Thương báo cáo kết quả thực hiện tháng 11 năm 2026 như sau:" in lines
    )
    assert result.stderr == (
        "kh68: cảnh báo: báo cáo tháng 11/2026 ghi ngày 02/12/2026 (--date), sau hạn báo cáo ngày 17/11/2026 "
        '(mục "V. CHẾ ĐỘ BÁO CÁO", khoản 2 của Kế hoạch)\n'
        # an official's second reading: "Lưu: VT." without its drafting division was silent here
        "kh68: cảnh báo: đơn vị soạn thảo so_cong_thuong (drafter, mặc định đơn vị đầu tiên của from_units) là "
        "chính cơ quan ban hành báo cáo: nơi nhận ghi 'Lưu: VT.' (Phụ lục I Nghị định 30/2020: 'Lưu: VT, <đơn vị "
        "soạn thảo>', phòng hay đơn vị thuộc cơ quan soạn văn bản); khai báo phòng soạn thảo trong units.yaml (kind: "
        "division, parent: so_cong_thuong, abbreviation) rồi ghi ở drafter của nhiệm vụ báo cáo\n"
        "kh68: cảnh báo: plan.yaml không ghi họ tên người ký (signer: name): dòng họ tên dưới chữ ký để trống\n"
    )


def test_a_period_the_plan_does_not_report_is_refused_naming_its_duties() -> None:
    """Each duty says how often it reports (a probe of a real plan: "không ghi hạn" alone hid that it was yearly)."""
    result = invoke(["report", "--plan", HCM, "--period", "2026-11"], 2)
    assert result.stderr == (
        "kh68: lỗi: kế hoạch không quy định báo cáo tháng 11/2026 (nhiệm vụ báo cáo phụ lục VI.3: báo cáo hằng năm, "
        "không ghi hạn; mục IV.7: báo cáo hằng quý, không ghi hạn); bỏ --period để lập báo cáo năm\n"
    )


def test_the_internal_summary_of_a_period_counts_that_periods_reports() -> None:
    """A new user's and an official's probe: a plan whose units report monthly or quarterly had no internal summary
    but the year's (`--internal --period` was refused)."""
    lines = _lines(SON_LA, "--period", "2026-11", "--internal", "--date", "2026-11-28")
    assert (
        "Tài liệu làm việc nội bộ của Sở Công Thương, tổng hợp nguyên văn báo cáo của các đơn vị để soạn báo cáo "
        "tháng 11/2026 của Sở Công Thương; không gửi kèm báo cáo."
    ) in lines
    assert next(line for line in lines if line.startswith("Hạn gửi báo cáo")).startswith(
        'Hạn gửi báo cáo tháng 11/2026: ngày 15/11/2026 (mục "V. CHẾ ĐỘ BÁO CÁO", khoản 1 của Kế hoạch). Đã nhận '
        "báo cáo của 8/12 đơn vị (6 đúng hạn, 2 chậm)."
    )
    assert "## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12 NĂM 2026" in lines


def test_a_month_the_units_report_but_not_the_plan_points_to_a_units_report(example_copy: Path) -> None:
    """A new user's probe: the divisions report monthly, the department yearly: `report --period 2026-11` said only
    to drop --period, though a division's report of the month is made with --unit."""
    replace_in(example_copy / "plan.yaml", "  - id: plan_report\n", MONTHLY_DUTY + "  - id: plan_report\n")
    assert invoke(["report", "--plan", example_copy, "--period", "2026-11"], 2).stderr.endswith(
        "bỏ --period để lập báo cáo năm; báo cáo của một đơn vị cho kỳ này: thêm --unit <đơn vị>\n"
    )


def test_a_date_before_the_plan_or_what_the_report_draws_on_is_warned(tmp_path: Path) -> None:
    """Figures and progress sent after the report's date are left out, and said so (an official's second reading: a
    warning that the report "cited" a progress report of 18/11 beside one that it left 8 of them out)."""
    plan = FIXTURES / "mot-nam"
    done = invoke(["report", "--plan", plan, "--year", "2026", "--date", "2026-01-05", "-o", tmp_path / "r.md"], 0)
    lines = done.stderr.splitlines()
    assert lines[0] == (
        "kh68: cảnh báo: báo cáo năm 2026 ghi ngày 05/01/2026 (--date), trước ngày ban hành Kế hoạch số "
        "05/KH-UBND ngày 15/01/2026"
    )
    assert (
        "kh68: cảnh báo: 4 số liệu, tiến độ hay biểu mẫu gửi sau ngày 05/01/2026 không được tính (chưa gửi vào ngày đó)"
    ) in lines
    assert not any("mà báo cáo trích dẫn" in line for line in lines)
    before_progress = invoke(
        ["report", "--plan", plan, "--year", "2026", "--date", "2026-11-20", "-o", tmp_path / "r.md"], 0
    )
    assert [line for line in before_progress.stderr.splitlines() if "sau ngày" in line] == [
        "kh68: cảnh báo: 1 số liệu, tiến độ hay biểu mẫu gửi sau ngày 20/11/2026 không được tính (chưa gửi vào ngày đó)"
    ]  # a unit's progress it compiles was reported on 25/11
    later = invoke(["report", "--plan", plan, "--year", "2026", "--date", "2026-11-25", "-o", tmp_path / "r.md"], 0)
    assert "--date" not in later.stderr


def test_a_date_before_a_units_source_document_leaves_its_figures_out(tmp_path: Path) -> None:
    args = ["report", "--plan", SON_LA, "--period", "2026-11", "--date", "2026-11-16", "-o", tmp_path / "r.md"]
    said = invoke(args, 0).stderr.splitlines()
    assert (
        "kh68: cảnh báo: 10 số liệu, tiến độ hay biểu mẫu gửi sau ngày 16/11/2026 không được tính (chưa gửi vào ngày "
        "đó)"
    ) in said
    assert not any("21/BC-UBND" in line for line in said)  # of 20/11: left out, never "cited"


def test_a_units_report_is_warned_only_of_its_own_documents_and_progress(tmp_path: Path) -> None:
    """Sơn La: xã Vân Hồ's document of 20/11 is not in so_nnmt's report; Trạm Y tế's progress of 25/11 is in its own."""
    args = ["report", "--plan", SON_LA, "--period", "2026-11", "--unit", "so_nnmt", "--date", "2026-11-14"]
    said = invoke([*args, "-o", tmp_path / "r.md"], 0).stderr
    assert said == (  # 21/BC-UBND of 20/11, another unit's, is not said; its own progress of 18/11 is left out
        "kh68: cảnh báo: units.yaml không ghi chữ viết tắt (abbreviation) của so_nnmt: số, ký hiệu của báo cáo để "
        "'BC-…'\nkh68: cảnh báo: 1 số liệu, tiến độ hay biểu mẫu gửi sau ngày 14/11/2026 không được tính (chưa gửi "
        f"vào ngày đó)\nĐã ghi báo cáo: {tmp_path / 'r.md'}\n"
    )


def test_a_report_leaves_out_what_units_sent_after_its_date(tmp_path: Path) -> None:
    """An official's reading: a report dated 17/11 quoted figures and progress dated 20/11, and counted their unit as
    having reported, undated. Trạm Y tế's progress of 25/11 is not in its report dated 19/11; it is on 26/11."""
    args = ["report", "--plan", FIXTURES / "mot-nam", "--year", "2026", "--unit", "tram_y_te", "-o", tmp_path / "u.md"]
    assert invoke([*args, "--date", "2026-11-19"], 0).stderr == (
        "kh68: cảnh báo: 1 số liệu, tiến độ hay biểu mẫu gửi sau ngày 19/11/2026 không được tính (chưa gửi vào ngày "
        f"đó)\nĐã ghi báo cáo: {tmp_path / 'u.md'}\n"
    )  # an official's second reading: its own progress was left out without a word
    said = (tmp_path / "u.md").read_text(encoding="utf-8")
    assert "Khám cho 312 người cao tuổi (minh họa)." not in said
    assert "đơn vị chưa ghi tiến độ nhiệm vụ II.3 năm 2026" in said
    invoke([*args, "--date", "2026-11-26"], 0)
    assert "Khám cho 312 người cao tuổi (minh họa)." in (tmp_path / "u.md").read_text(encoding="utf-8")
    internal = ["report", "--plan", SON_LA, "--period", "2026-11", "--internal", "-o", tmp_path / "i.md"]
    invoke([*internal, "--date", "2026-11-17"], 0)
    said = (tmp_path / "i.md").read_text(encoding="utf-8")
    assert "| 11 | Ủy ban nhân dân xã Vân Hồ | – | chưa gửi |" in said  # its report is of 20/11
    assert "Đã nhận báo cáo của 6/12 đơn vị (6 đúng hạn). 6 đơn vị chưa gửi." in said
    invoke([*internal, "--date", "2026-11-25"], 0)
    assert "| 11 | Ủy ban nhân dân xã Vân Hồ | 20/11/2026 | chậm 5 ngày |" in (tmp_path / "i.md").read_text("utf-8")


def test_a_date_before_the_period_reported_is_warned(tmp_path: Path) -> None:
    args = ["report", "--plan", SON_LA, "--period", "2026-11", "--date", "2026-10-20", "-o", tmp_path / "r.md"]
    assert invoke(args, 0).stderr.splitlines()[0] == (
        "kh68: cảnh báo: báo cáo tháng 11/2026 ghi ngày 20/10/2026 (--date), trước khi tháng 11/2026 bắt đầu "
        "(01/11/2026)"
    )


def test_a_units_report_says_of_a_task_not_due_this_year_what_the_plans_report_says() -> None:
    """HCM 2820: so_xay_dung's I.4 is due in quý II/2027; its report of quý IV/2026 does not ask for a result."""
    lines = _lines(HCM, "--period", "2026-Q4", "--date", "2026-12-15", "--unit", "so_xay_dung")
    start = lines.index(
        "### 1\\. Tham gia rà soát, đơn giản hóa các thủ tục hành chính liên quan đến quy hoạch (mục I.4)"
    )
    assert lines[start + 2] == "Thực hiện quý II/2027; quý IV/2026 chưa đến kỳ thực hiện."  # its report is of a quarter


def test_a_units_report_says_what_it_did_on_the_tasks_it_coordinates(tmp_path: Path) -> None:
    """Huế 188: Sở Tài chính leads no task and coordinates V.8 and V.12; its report said only "Đơn vị không chủ trì
    nhiệm vụ nào", its work as coordinator left out."""
    plan = Path(shutil.copytree(FIXTURES / "hue-188", tmp_path / "hue"))
    args = ["--year", "2026", "--date", "2026-11-04", "--unit", "so_tai_chinh"]
    assert (
        "Đơn vị không chủ trì nhiệm vụ nào của Kế hoạch; đơn vị phối hợp thực hiện nhiệm vụ V.8, V.12, chưa ghi "
        "tiến độ phối hợp." in _lines(plan, *args)
    )
    (plan / "data").mkdir()
    (plan / "data" / "2026.yaml").write_text(
        "year: 2026\ntasks:\n  V.8:\n    so_tai_chinh:\n      state: in_progress\n      date: 2026-10-20\n"
        "      results: Hướng dẫn thủ tục tài chính cho 12 hộ kinh doanh homestay\n",
        encoding="utf-8",
    )
    lines = _lines(plan, *args)
    heading = next(i for i, line in enumerate(lines) if "(mục V.8, đơn vị phối hợp)" in line)
    assert lines[heading].startswith("### 1\\. Hướng dẫn đăng ký kinh doanh")
    assert lines[heading + 2] == "Hướng dẫn thủ tục tài chính cho 12 hộ kinh doanh homestay."


def test_the_plans_typos_are_written_as_meant_in_a_report_never_in_its_files(tmp_path: Path) -> None:
    """An official: "rác thác", "sảm phẩm", "fanpge" — typos plan.yaml lists — were printed in a report the UBND
    signs. A typo is a whole word: one written "page" leaves the "page" of "fanpage" alone."""
    plan = Path(shutil.copytree(FIXTURES / "hue-188", tmp_path / "plan"))
    listed = '  - {section: Phụ lục II.8, written: "fanpge", meant: "fanpage"}\n'
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert listed in text
    page = '  - {section: thử, written: "page", meant: "PAGE"}\n'
    (plan / "plan.yaml").write_text(text.replace(listed, listed + page), encoding="utf-8")
    before = {p: p.read_bytes() for p in plan.rglob("*.yaml")}
    report = invoke(["report", "--plan", plan, "--year", "2026", "--date", "2026-11-10"], 0).stdout
    for written, meant in (("rác thác", "rác thải"), ("sảm phẩm", "sản phẩm"), ("fanpge", "fanpage")):
        assert (written in report, meant in report) == (False, True), written
    assert "PAGE" not in report
    assert {p: p.read_bytes() for p in plan.rglob("*.yaml")} == before


def test_a_task_is_numbered_only_as_an_official_numbers_a_list() -> None:
    """An official: "1b)", "2-b)", "a.1)" and "1.1) (1) Tổ chức …" are no list an official writes: a task's id is its
    number only when it is a number or a letter (else a dash), and a name that carries its own number says it."""
    luongminh = invoke(["report", "--plan", FIXTURES / "luongminh-16", "--year", "2026", "--date", "2026-11-10"], 0)
    assert "**(1) Tổ chức hiệp thương lần thứ nhất:" in luongminh.stdout
    assert "**1.1) " not in luongminh.stdout
    assert "**2-b) " not in luongminh.stdout
    hcm = invoke(["report", "--plan", HCM, "--year", "2026", "--date", "2026-12-15"], 0).stdout
    assert "**1b) " not in hcm
    # an item the document does not number is an item of the list (a dash), not a paragraph standing alone between
    # "1)" and "2)" (an official's reading: nobody could cite it)
    assert "**\\- Xây dựng hạ tầng kỹ thuật dự phòng" in hcm


def test_a_typo_whose_meaning_is_an_explanation_is_never_pasted_into_a_report(tmp_path: Path) -> None:
    """A review: Hà Nội 308 lists "danh mục dữ liệu Thành phố và dữ liệu Thành phố" as meaning "(văn bản lặp 'dữ
    liệu Thành phố')": a report wrote the note in place of the words. A note (in brackets) is kept out, as is a typo
    marked fix: false; one typo is never corrected by another."""
    plan = Path(shutil.copytree(FIXTURES / "hue-188", tmp_path / "plan"))
    listed = '  - {section: Phụ lục II.8, written: "fanpge", meant: "fanpage"}\n'
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    more = (
        '  - {section: a, written: "sản phẩm", meant: "(văn bản ghi sai)"}\n'
        '  - {section: c, written: "fanpage", meant: "FANPAGE"}\n'
    )
    kept = ('written: "rác thác", meant: "rác thải"}', 'written: "rác thác", meant: "rác thải", fix: false}')
    (plan / "plan.yaml").write_text(text.replace(listed, listed + more).replace(*kept), encoding="utf-8")
    report = invoke(["report", "--plan", plan, "--year", "2026", "--date", "2026-11-10"], 0).stdout
    assert "(văn bản ghi sai)" not in report
    assert "rác thác" in report  # fix: false
    # the document's own "fanpage" (I.6) is written FANPAGE; its "fanpge" (II.8) fanpage, never then FANPAGE
    assert "(bản đồ số, VR 3600, FANPAGE," in report
    assert "( bản đồ số, VR 3600, fanpage," in report
    assert "( bản đồ số, VR 3600, FANPAGE," not in report


def test_a_typo_of_a_figure_or_a_date_never_rewrites_a_report_and_one_text_has_one_reading(tmp_path: Path) -> None:
    """A probe: typos "95,4" → "100" and "2025" → "2026" rewrote the figures and dates of a signed report."""
    plan = Path(shutil.copytree(FIXTURES / "hue-188", tmp_path / "plan"))
    listed = '  - {section: Phụ lục II.8, written: "fanpge", meant: "fanpage"}\n'
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    args = ["report", "--plan", plan, "--year", "2026", "--date", "2026-11-10"]
    before = invoke(args, 0).stdout
    figures = (
        '  - {section: a, written: "2026", meant: "2027"}\n  - {section: b, written: "10/11", meant: "11/11"}\n'
        '  - {section: c, written: "năm 2026", meant: "năm 2027"}\n'  # a review: the report's own date changed
    )
    (plan / "plan.yaml").write_text(text.replace(listed, listed + figures), encoding="utf-8")
    assert invoke(args, 0).stdout == before
    kept = '  - {section: c, written: "fanpge", meant: "fan page", fix: false}\n'  # never read: no second reading
    (plan / "plan.yaml").write_text(text.replace(listed, listed + kept), encoding="utf-8")
    invoke(["check", plan], 0)
    twice = '  - {section: c, written: "fanpge", meant: "fan page"}\n'
    (plan / "plan.yaml").write_text(text.replace(listed, listed + twice), encoding="utf-8")
    assert "'fanpge' đọc được hai cách: 'fanpage' hoặc 'fan page'; giữ một cách đọc [schema]" in (
        invoke(["check", plan], 1).output
    )


def test_indicators_without_a_target_or_a_figure_are_said_once() -> None:
    """An official's reading: "Kế hoạch không đặt chỉ tiêu năm 2026 cho 04 chỉ tiêu còn lại (TC-L, …)." and then
    "Các chỉ tiêu mà Kế hoạch không đặt chỉ tiêu năm 2026 cũng chưa có số liệu: TC-L, …" said the same list twice;
    and a state glued to its placeholder ("thực hiện thường xuyên [Chưa có nội dung …")."""
    lines = _lines(SON_LA, "--year", "2026", "--date", "2026-12-05")
    summary = next(line for line in lines if line.startswith("Năm 2026, Kế hoạch đặt chỉ tiêu"))
    assert summary.endswith(
        "Kế hoạch không đặt chỉ tiêu năm 2026 cho 04 chỉ tiêu còn lại (TC-L, TC-GT, CB-L, CB-GT), các chỉ tiêu này "
        "cũng chưa có số liệu."
    )
    assert not any(line.startswith("Các chỉ tiêu mà Kế hoạch") for line in lines)
    assert any("nông thôn: thực hiện thường xuyên. \\[Chưa có nội dung: kết quả cụ thể" in line for line in lines)


def test_a_departments_own_report_names_no_drafting_division_it_was_not_given() -> None:
    """An official's reading: "Lưu: VT, SCT." put the Sở itself where its drafting division goes (Decree 30,
    Appendix I); without a ``drafter`` the line is "Lưu: VT." for the official to complete."""
    lines = _lines(SON_LA, "--year", "2026", "--date", "2026-12-05")
    assert next(line for line in lines if "Lưu: VT" in line).split("<br>")[2] == "\\- Lưu: VT. | **GIÁM ĐỐC**"


def test_a_months_report_whose_figures_are_all_dated_before_its_end_is_known_to_their_latest_day(
    tmp_path: Path,
) -> None:
    """An official's reading: November's report said "ĐẾN HẾT THÁNG 11 NĂM 2026" above rows "Số liệu đến ngày
    17/11/2026" (a report due mid-month). When every figure of the month comes from a document dated before its end,
    the report's figures go to the latest of those days; undated figures go to the day their units reported, when all
    reported before the end (a second reading: "ĐẾN HẾT THÁNG 11" of figures reported by 20/11)."""
    plan = Path(shutil.copytree(SON_LA, tmp_path / "sonla"))
    month = plan / "data" / "2026-11.yaml"
    for undated in ('{value: "2.150"}', '{value: "1.380"}', '{value: "1.120"}', "{value: 760}"):
        replace_in(month, undated, undated[:-1] + ", source: {document: BC 1, date: 2026-11-16}}")
    lines = _lines(plan, "--period", "2026-11")
    assert "**KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NGÀY 20/11/2026**" in lines
    assert "**KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NGÀY 20/11/2026**" in _lines(SON_LA, "--period", "2026-11")
    # a unit that reported after the month's end: its undated figures may go to the end
    late = Path(shutil.copytree(SON_LA, tmp_path / "late"))
    replace_in(
        late / "data" / "2026-11.yaml",
        "so_nnmt: {state: ongoing, date: 2026-11-13,",
        "so_nnmt: {state: ongoing, date: 2026-12-02,",
    )
    assert "**KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU ĐẾN HẾT THÁNG 11 NĂM 2026**" in _lines(late, "--period", "2026-11")


def test_the_internal_summary_of_the_year_says_which_months_report_it_quotes() -> None:
    """An official's reading: section I listed Sở Khoa học và Công nghệ as "chưa gửi" (the year's report), then
    section II quoted its report as "(đang triển khai, ngày 18/11/2026)": it was November's report."""
    lines = _lines(SON_LA, "--year", "2026", "--internal", "--date", "2026-11-28")
    assert "| 4 | Sở Khoa học và Công nghệ | – | chưa gửi |" in lines
    assert (
        "- Sở Khoa học và Công nghệ (đang triển khai, báo cáo tháng 11/2026, ngày 18/11/2026): Hỗ trợ đăng ký bảo hộ "
        "nhãn hiệu xoài tại 01 thị trường (minh họa)."
    ) in lines


def test_a_units_report_cites_a_numbered_section_of_the_plan_never_a_named_part() -> None:
    """An official's reading: "Thực hiện Kế hoạch số 188/KH-UBND … (phần kết), …" does not belong in a signed text."""
    lines = _lines(FIXTURES / "hue-188", "--year", "2026", "--unit", "ubnd_xa_khe_tre", "--date", "2026-12-20")
    assert (
        "Thực hiện Kế hoạch số 188/KH-UBND ngày 02/4/2026 của Ủy ban nhân dân thành phố Huế, Ủy ban nhân dân xã "
        "Khe Tre báo cáo kết quả thực hiện năm 2026 như sau:"
    ) in lines


def test_a_final_target_of_another_year_than_the_annexs_column_says_its_year(example_copy: Path) -> None:
    """A probe of a real plan: under "Mục tiêu đến năm 2030", a target set for 2026 alone read as the plan's 2030
    target."""
    with (example_copy / "indicators.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n  - id: "9.9"\n    name: Số doanh nghiệp minh họa\n    unit: doanh nghiệp\n    targets:\n'
            '      "2026": tối thiểu 20\n    responsible_units: [phong_khtc]\n'
        )
    lines = _lines(example_copy, "--year", "2026", "--date", "2026-11-10")
    assert next(line for line in lines if line.startswith("| 9.9 |")).endswith(
        "| tối thiểu 20 doanh nghiệp (năm 2026) |  |"
    )
    assert any(line.startswith("| 6.6 |") and line.endswith("| 99,97% |  |") for line in lines)  # 2030's: as it is


def test_a_task_past_its_deadline_in_the_year_is_said_overdue_in_the_report(tmp_path: Path) -> None:
    """An official's reading: status said of Huế's II.1 "hạn 30/6/2026, quá hạn 181 ngày", the report nothing."""
    args = ["report", "--plan", FIXTURES / "hue-188", "--year", "2026", "--date", "2026-12-28", "-o", tmp_path / "r.md"]
    invoke(args, 0)
    said = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert (
        "\\[Chưa có nội dung: kết quả thực hiện nhiệm vụ II.1 năm 2026; nhiệm vụ có hạn ngày 30/6/2026, đã quá hạn mà "
        "chưa có báo cáo hoàn thành. Ghi tiến độ" in said
    )
    root = Path(shutil.copytree(FIXTURES / "hue-188", tmp_path / "plan"))
    member = ["progress", "II.1", "--year", "2026", "--unit", "ubnd_xa_phuong", "--plan", root]
    invoke([*member, "--state", "not_started", "--date", "2026-12-01"], 0)
    invoke([*args[:2], root, *args[3:]], 0)
    said = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert (
        "thông tin..): chưa triển khai. Nhiệm vụ chưa hoàn thành theo thời gian Kế hoạch đề ra (quý I–II/2026)." in said
    )


def test_a_one_off_task_done_in_an_earlier_year_is_said_done(example_copy: Path, tmp_path: Path) -> None:
    """A probe of a real plan: a task of 2026, done in 2026, was "Chưa có báo cáo" in 2027's status and its report
    said only "nhiệm vụ thực hiện năm 2026, trước năm 2027"."""
    tasks = example_copy / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    start = text.index("id: III.2.a")
    timing = text.index("timing:", start)
    tasks.write_text(text[:timing] + "timing: Năm 2026" + text[text.index("\n", timing) :], encoding="utf-8")
    status = invoke(
        ["status", "--plan", example_copy, "--year", "2027", "--today", "2027-12-01", "--format", "json"], 0
    )
    assert [t["state"] for t in json.loads(status.output)["tasks"] if t["id"] == "III.2.a"] == ["done"]
    invoke(["report", "--plan", example_copy, "--year", "2027", "--date", "2027-11-09", "-o", tmp_path / "r.md"], 0)
    assert (
        "a) Kiện toàn, sắp xếp tổ chức bộ máy quản lý GDĐT tinh gọn, hiệu quả: nhiệm vụ thực hiện năm 2026, trước năm "
        "2027, đã hoàn thành (báo cáo năm 2026)."
    ) in (tmp_path / "r.md").read_text(encoding="utf-8").splitlines()


SECOND_REPORT = """  - id: bao_cao_bo
    section: IV.1
    kind: plan_report
    what: tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Giáo dục và Đào tạo trước ngày 15/12 hằng năm.
    from_units: [phong_tchc]
    to_units: [ubnd_tinh]
    deadline: trước ngày 15/12 hằng năm
  - id: funding
"""


def test_a_plan_with_two_reports_to_higher_bodies_says_which_and_takes_duty(example_copy: Path, tmp_path: Path) -> None:
    """A new user's plan: a Sở's report to the province and the province's to a ministry, both yearly; kh68 made the
    second without a word, and nothing chose the first."""
    replace_in(example_copy / "plan.yaml", "  - id: funding\n", SECOND_REPORT)
    args = ["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-09", "-o", tmp_path / "r.md"]
    said = invoke(args, 0).stderr
    assert (
        "kh68: cảnh báo: kế hoạch có 2 báo cáo gửi cấp trên cho năm 2025: đã lập báo cáo của nhiệm vụ plan_report; "
        "báo cáo khác (bao_cao_bo): thêm --duty <mã>\n"
    ) in said
    late = "sau hạn báo cáo ngày 10/11/2025 (mục IV.1 của Kế hoạch)"
    assert late in invoke([*args, "--date", "2025-12-10"], 0).stderr  # the first report's deadline
    chosen = invoke([*args, "--duty", "bao_cao_bo", "--date", "2025-12-10"], 0).stderr
    assert late not in chosen  # due 14/12: in time
    assert "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng." in (tmp_path / "r.md").read_text(encoding="utf-8").splitlines()
    assert invoke([*args, "--duty", "khong_co"], 2).stderr == (
        "kh68: lỗi: --duty 'khong_co': không có nhiệm vụ báo cáo kết quả thực hiện kế hoạch này; các nhiệm vụ: "
        "plan_report, bao_cao_bo\n"
    )
    assert invoke([*args, "--duty", "bao_cao_bo", "--internal"], 2).stderr == (
        "kh68: lỗi: --duty chọn báo cáo gửi cấp trên: không dùng cùng --unit hay --internal.\n"
    )


def test_a_years_report_of_a_plan_asking_for_months_only_says_so(tmp_path: Path) -> None:
    """An official's reading: Hà Nội 308 asks for a report each month; `--year 2025` made "Kết quả thực hiện năm
    2025" of December's figures without a word."""
    args = ["report", "--plan", FIXTURES / "hanoi-308", "--year", "2025", "--date", "2025-12-19", "-o"]
    assert (
        "kh68: cảnh báo: kế hoạch không quy định báo cáo năm: nhiệm vụ bao_cao_de_an_06 báo cáo hằng tháng; báo cáo "
        "này tổng hợp cả năm 2025 (số liệu đến hết năm), không phải báo cáo kế hoạch yêu cầu (báo cáo kỳ cuối năm: "
        "--period 2025-12)\n"
    ) in invoke([*args, tmp_path / "r.md"], 0).stderr


def test_the_second_half_years_report_is_the_years(example_copy: Path, tmp_path: Path) -> None:
    """A new user's probe: of a duty "6 tháng (trước ngày 20/6) và năm (trước ngày 20/12)", `--period 2025-H2` was
    "Kết quả thực hiện 6 tháng cuối năm 2025" with "PHƯƠNG HƯỚNG … 6 THÁNG ĐẦU NĂM 2026"; the year's report had no
    deadline to be late against."""
    replace_in(
        example_copy / "plan.yaml",
        "    deadline: 10/11\n",
        "    deadline: 6 tháng (trước ngày 20/6) và năm (trước ngày 20/12)\n",
    )
    for chosen in (["--period", "2025-H2"], ["--year", "2025"]):
        args = ["report", "--plan", example_copy, *chosen, "--date", "2025-12-25", "-o", tmp_path / "r.md"]
        said = invoke(args, 0).stderr
        assert (
            "kh68: cảnh báo: báo cáo năm 2025 ghi ngày 25/12/2025 (--date), sau hạn báo cáo ngày 19/12/2025 (mục IV.1 "
            "của Kế hoạch)\n"
        ) in said
        lines = (tmp_path / "r.md").read_text(encoding="utf-8").splitlines()
        assert any(line.startswith("**Kết quả thực hiện năm 2025 Kế hoạch") for line in lines)
        assert "## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026" in lines
