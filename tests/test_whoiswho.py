"""Who is who, from the plan: who issues and tracks it, who sends, drafts and signs each report.

On the fixture plans of tests/fixtures/plans (their goldens show the whole documents): a
report drafted by a department for the People's Committee, a commune's report, a division's,
a one-year plan, a plan without vision and indicator table; the YAML of who is who and what
is refused in it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, invoke, line_of, replace_in
from kh68.lint.check import load_plan
from kh68.reading.bodies import body, head_title_of, parent_id, plan_report_sender, stands_for_many
from kh68.reading.enums import DutyKind
from kh68.reading.models import Unit

FIXTURES = REPO / "tests" / "fixtures" / "plans"
HUE, LUONG_MINH, ONE_YEAR = FIXTURES / "hue-188", FIXTURES / "luongminh-16", FIXTURES / "mot-nam"


def _copy(source: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(source, tmp_path / "plan"))


def _report(plan: Path, *args: str) -> list[str]:
    return invoke(["report", "--plan", plan, *args], 0).stdout.splitlines()


# ---------------------------------------------------------------- the report drafted by a department for the UBND


def test_a_report_drafted_by_a_department_is_issued_and_signed_as_the_peoples_committee() -> None:
    lines = _report(HUE, "--year", "2026", "--date", "2026-12-28")
    assert lines[0] == (
        "| **ỦY BAN NHÂN DÂN**<br>**THÀNH PHỐ HUẾ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>"
        "**Độc lập - Tự do - Hạnh phúc** |"
    )
    assert lines[2] == "| Số: …/BC-UBND | *Huế, ngày 28 tháng 12 năm 2026* |"
    # The subject: the plan's own number, date, issuer and title (not its first legal basis, not the tracker).
    assert lines[6] == (
        "**Kết quả thực hiện năm 2026 Kế hoạch số 188/KH-UBND ngày 02/4/2026 của Ủy ban nhân dân thành phố Huế về "
        "phát triển du lịch sinh thái, du lịch cộng đồng thành phố Huế giai đoạn 2026 – 2027**"
    )
    assert lines[8] == "Kính gửi:<br>\\- Thường trực Thành ủy;<br>\\- Thường trực Hội đồng nhân dân thành phố."
    signature = next(line for line in lines if line.startswith("| **Nơi nhận:**"))
    assert signature == (
        "| **Nơi nhận:**<br>\\- Như trên;<br>\\- Chủ tịch, các Phó Chủ tịch UBND thành phố;<br>\\- Sở Du lịch;"
        "<br>\\- Lưu: VT, DL. | **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**PHÓ CHỦ TỊCH**<br><br><br><br> |"
    )
    assert "*(Kèm theo Báo cáo số …/BC-UBND ngày 28 tháng 12 năm 2026 của Ủy ban nhân dân thành phố Huế)*" in lines
    assert not any("Sở Du lịch báo cáo" in line for line in lines)


def test_the_sender_of_the_plan_report() -> None:
    plan = load_plan(HUE)
    sender = plan_report_sender(plan, plan.duty(DutyKind.PLAN_REPORT))
    assert sender.issued_as.unit_id == "ubnd_tp_hue"
    assert sender.drafter == "so_du_lich"
    assert sender.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert sender.archive(plan) == "Lưu: VT, DL."


# ---------------------------------------------------------------- each body's own header


@pytest.mark.parametrize(
    ("plan", "unit", "parent", "own", "symbol", "place", "signature"),
    [
        (
            HUE,
            "ubnd_tp_hue",
            (),
            ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HUẾ"),
            "BC-UBND",
            "Huế",
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ),
        (
            HUE,
            "ubnd_xa_khe_tre",
            (),
            ("ỦY BAN NHÂN DÂN", "XÃ KHE TRE"),
            "BC-UBND",
            "Khe Tre",
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ),
        (HUE, "so_du_lich", ("UBND THÀNH PHỐ HUẾ",), ("SỞ DU LỊCH",), "BC-DL", "Huế", ("GIÁM ĐỐC",)),
        # The police answer to their ministry, not the People's Committee: no "UBND …" line, the name keeps its city.
        (HUE, "cong_an_tp", (), ("CÔNG AN THÀNH PHỐ HUẾ",), "BC-…", "Huế", ("GIÁM ĐỐC",)),
        (
            LUONG_MINH,
            "btt_mttq_xa",
            ("ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH"),
            ("BAN THƯỜNG TRỰC",),
            "BC-MTTQ-BTT",
            "Lương Minh",
            ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"),
        ),
        (
            ONE_YEAR,
            "phong_vhxh",
            ("UBND XÃ MINH HỌA",),
            ("PHÒNG VĂN HÓA - XÃ HỘI",),
            "BC-VHXH",
            "Minh Họa",
            ("TRƯỞNG PHÒNG",),
        ),
        (
            ONE_YEAR,
            "truong_tieu_hoc",
            ("UBND XÃ MINH HỌA",),
            ("TRƯỜNG TIỂU HỌC MINH HỌA",),
            "BC-…",
            "Minh Họa",
            ("HIỆU TRƯỞNG",),
        ),
    ],
)
def test_each_body_is_headed_numbered_dated_and_signed_as_its_data_says(
    plan: Path, unit: str, parent: tuple[str, ...], own: tuple[str, ...], symbol: str, place: str, signature: tuple
) -> None:
    found = body(load_plan(plan), unit)
    assert (found.parent_lines, found.own_lines, found.symbol, found.place, found.signature()) == (
        parent,
        own,
        symbol,
        place,
        signature,
    )


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Sở Xây dựng", "GIÁM ĐỐC"),
        ("Phòng Kinh tế", "TRƯỞNG PHÒNG"),
        ("Ủy ban nhân dân xã An Phú", "CHỦ TỊCH"),
        ("Uỷ ban nhân dân phường Kim Long", "CHỦ TỊCH"),
        ("UBND xã An Phú", "CHỦ TỊCH"),
        ("Ban Quản lý dự án", "TRƯỞNG BAN"),
        ("Tiểu ban thông tin, tuyên truyền", "TRƯỞNG TIỂU BAN"),
        ("Trung tâm Y tế", "GIÁM ĐỐC"),
        ("Chi cục Thủy lợi", "CHI CỤC TRƯỞNG"),
        ("Hiệp hội Du lịch", "THỦ TRƯỞNG ĐƠN VỊ"),
        ("Công an tỉnh", "GIÁM ĐỐC"),
        ("Công an xã Tân Phú", "TRƯỞNG CÔNG AN XÃ"),
        ("Bộ Chỉ huy Quân sự tỉnh", "CHỈ HUY TRƯỞNG"),
        ("Bộ Tư lệnh Thành phố", "TƯ LỆNH"),
        ("Bộ Tài chính", "BỘ TRƯỞNG"),
        ("Bộ đội Biên phòng tỉnh", "CHỈ HUY TRƯỞNG"),
        ("Công an đặc khu Phú Quý", "TRƯỞNG CÔNG AN ĐẶC KHU"),
        ("Công an huyện Đạ Huoai", "THỦ TRƯỞNG ĐƠN VỊ"),  # not known: the default, warned
        ("Trạm Y tế xã Minh Họa", "TRẠM TRƯỞNG"),  # an official: "THỦ TRƯỞNG ĐƠN VỊ" is no title of a trạm y tế
        ("Viện Kiểm sát nhân dân tỉnh", "VIỆN TRƯỞNG"),
        ("Tòa án nhân dân tỉnh", "CHÁNH ÁN"),
        ("Toà án nhân dân tỉnh", "CHÁNH ÁN"),  # the older placement of the tone mark (a review)
        ("Thanh tra Chính phủ", "TỔNG THANH TRA"),
        ("Thanh tra tỉnh", "CHÁNH THANH TRA"),
    ],
)
def test_the_title_of_a_units_head_follows_its_name(name: str, title: str) -> None:
    assert head_title_of(Unit(id="u", name=name)) == title


def test_a_commune_reports_under_its_own_header_and_signs_on_behalf_of_its_committee() -> None:
    lines = _report(HUE, "--year", "2026", "--date", "2026-12-20", "--unit", "ubnd_xa_khe_tre")
    assert lines[0].startswith("| **ỦY BAN NHÂN DÂN**<br>**XÃ KHE TRE** |")
    assert lines[2] == "| Số: …/BC-UBND | *Khe Tre, ngày 20 tháng 12 năm 2026* |"
    # The plan: "gửi Ủy ban nhân dân thành phố (qua Sở Du lịch tổng hợp)" (addressed_to, through to_units)
    assert "Kính gửi: Ủy ban nhân dân thành phố Huế (qua Sở Du lịch)." in lines
    assert (
        "Trên đây là báo cáo kết quả thực hiện năm 2026 của Ủy ban nhân dân xã Khe Tre, kính báo cáo Ủy ban nhân dân "
        "thành phố Huế (qua Sở Du lịch)./."
    ) in lines
    assert (
        "Thực hiện Kế hoạch số 188/KH-UBND ngày 02/4/2026 của Ủy ban nhân dân thành phố Huế, Ủy ban nhân "
        "dân xã Khe Tre báo cáo kết quả thực hiện năm 2026 như sau:"
    ) in lines
    assert (
        "| **Nơi nhận:**<br>\\- Như trên;<br>\\- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br><br> |"
        in lines
    )


def test_the_internal_summary_is_headed_by_the_coordinating_unit_not_twice_by_the_department() -> None:
    lines = _report(HUE, "--year", "2026", "--date", "2026-12-26", "--internal")
    assert lines[0].startswith("| UBND THÀNH PHỐ HUẾ<br>**SỞ DU LỊCH** |")
    lines = _report(ONE_YEAR, "--year", "2026", "--date", "2026-11-26", "--internal")
    assert lines[2].startswith("| UBND XÃ MINH HỌA<br>**PHÒNG VĂN HÓA - XÃ HỘI** |")


# ---------------------------------------------------------------- optional parts, one-year plans


def test_a_plan_without_vision_goal_or_indicator_table_reports_its_tasks_only() -> None:
    assert not (LUONG_MINH / "indicators.yaml").exists()
    invoke(["check", "--strict", LUONG_MINH], 0)
    lines = _report(LUONG_MINH, "--year", "2026", "--date", "2026-04-30")
    assert "### 1\\. Xây dựng, ban hành các văn bản chỉ đạo, hướng dẫn và tài liệu phục vụ công tác bầu cử" in lines
    assert not any("chỉ tiêu" in line.lower() for line in lines)
    assert not any(line.startswith("**Phụ lục") for line in lines)
    # The last year of the plan: directions for the time ahead, not for a year the plan does not reach.
    assert "## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" in lines


def test_a_one_year_plan_has_no_progress_toward_a_final_target() -> None:
    out = invoke(["status", "--plan", ONE_YEAR, "--year", "2026", "--today", "2026-12-01"], 0).stdout
    assert "Tiến độ đến mục tiêu cuối kỳ" not in out
    assert "## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" in _report(ONE_YEAR, "--year", "2026", "--date", "2026-11-30")
    shown = json.loads(
        invoke(["status", "--plan", ONE_YEAR, "--year", "2026", "--today", "2026-12-01", "--format", "json"], 0).stdout
    )
    assert [i["progress"]["final_year"] for i in shown["indicators"]] == [2026, 2026]
    assert all("projected_final" in i["progress"] for i in shown["indicators"])


def test_a_task_of_an_earlier_year_is_said_so_not_said_to_be_ahead() -> None:
    lines = _report(LUONG_MINH, "--year", "2026", "--date", "2026-04-30")
    # Due in quý IV/2025 and never reported done: asked for (it may be done, not recorded), never said ahead, out of
    # the year, nor late in a report that goes out.
    asked = "; nhiệm vụ thực hiện quý IV/2025, đã qua hạn mà chưa có báo cáo hoàn thành. Ghi tiến độ của đơn vị chủ trì"
    earlier = [line for line in lines if asked in line and "[Chưa có nội dung: kết quả thực hiện nhiệm vụ" in line]
    assert earlier
    assert not any("đã quá hạn" in line for line in earlier)  # a task due within 2026 is (an official's reading)


# ---------------------------------------------------------------- what the who-is-who fields refuse


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "TM. ỦY BAN NHÂN DÂN",
            (
                "'TM.' không ghi ở thẩm quyền ký: cơ quan làm việc theo chế độ tập thể ghi collective trong "
                "units.yaml (ví dụ collective: ỦY BAN NHÂN DÂN), báo cáo tự có dòng 'TM. …'"
            ),
        ),
        ("Phó", "'Phó' không phải thẩm quyền ký; dùng một trong: KT., Q., TL., TUQ."),
    ],
)
def test_a_signing_authority_is_one_of_decree_30s(tmp_path: Path, written: str, message: str) -> None:
    plan = _copy(HUE, tmp_path)
    meta = plan / "plan.yaml"
    replace_in(meta, "      authority: KT.\n", f"      authority: {written}\n")
    out = invoke(["check", plan], 1).output.splitlines()
    assert out[0] == f"{meta.as_posix()}:{line_of(meta, 'authority: ')}:18: lỗi: authority: {message} [schema]"


def test_a_delegated_signature_needs_the_signers_title(tmp_path: Path) -> None:
    plan = _copy(HUE, tmp_path)
    meta = plan / "plan.yaml"
    replace_in(meta, "      authority: KT.\n      title: PHÓ CHỦ TỊCH\n", "      authority: TL\n")
    out = invoke(["check", plan], 1).output.splitlines()
    assert out[0] == (
        f"{meta.as_posix()}:{line_of(meta, 'authority: TL')}:7: lỗi: signer: ký TL. cần chức vụ của người ký (title), "
        "ví dụ CHÁNH VĂN PHÒNG [schema]"
    )


@pytest.mark.parametrize(
    ("authority", "lines"),
    [
        ("Q", ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH")),
        ("kt", ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        ("TUQ. CHỦ TỊCH", ("TM. ỦY BAN NHÂN DÂN", "TUQ. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
    ],
)
def test_the_signature_lines_of_each_authority(tmp_path: Path, authority: str, lines: tuple[str, ...]) -> None:
    plan = _copy(HUE, tmp_path)
    replace_in(plan / "plan.yaml", "      authority: KT.\n", f"      authority: {authority}\n")
    loaded = load_plan(plan)
    assert plan_report_sender(loaded, loaded.duty(DutyKind.PLAN_REPORT)).signature == lines


@pytest.mark.parametrize(
    ("authority", "lines"),
    [
        ("KT.", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        ("KT. CHỦ TỊCH", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        ("Q.", ("Q. CHỦ TỊCH",)),
    ],
)
def test_a_peoples_committee_report_signed_without_tm(tmp_path: Path, authority: str, lines: tuple[str, ...]) -> None:
    # Decree 30 also has the head's (or the deputy's) own authority, without "TM. <tập thể>": signer › on_behalf.
    plan = _copy(HUE, tmp_path)
    replace_in(plan / "plan.yaml", "      authority: KT.\n", f"      authority: {authority}\n      on_behalf: false\n")
    loaded = load_plan(plan)
    assert plan_report_sender(loaded, loaded.duty(DutyKind.PLAN_REPORT)).signature == lines
    signature = next(line for line in _report(plan, "--year", "2026") if line.startswith("| **Nơi nhận:**"))
    assert signature.endswith(" | " + "<br>".join(f"**{line}**" for line in lines) + "<br><br><br><br> |")


def test_who_issues_and_signs_a_report_is_said_only_of_the_plan_report(tmp_path: Path) -> None:
    plan = _copy(HUE, tmp_path)
    meta = plan / "plan.yaml"
    replace_in(
        meta,
        "    to_units: [so_du_lich]\n    addressed_to: [ubnd_tp_hue]",
        "    to_units: [so_du_lich]\n    drafter: so_du_lich\n    addressed_to: [ubnd_tp_hue]",
    )
    out = invoke(["check", plan], 1).output.splitlines()
    assert out[0] == (
        f"{meta.as_posix()}:{line_of(meta, '  - id: bao_cao_dinh_ky')}:5: lỗi: drafter chỉ dùng với kind: plan_report "
        "(báo cáo kết quả thực hiện kế hoạch); báo cáo của từng đơn vị mang tiêu đề và chữ ký của chính đơn vị đó "
        "[schema]"
    )


def test_a_recipient_or_issuer_that_is_no_unit_is_refused_where_it_is_written(tmp_path: Path) -> None:
    plan = _copy(HUE, tmp_path)
    meta = plan / "plan.yaml"
    replace_in(meta, "    issued_as: ubnd_tp_hue", "    issued_as: ubnd_tp_hu")
    replace_in(meta, "    copy_to: [lanh_dao_ubnd_tp, so_du_lich]", "    copy_to: [lanh_dao_ubnd, so_du_lich]")
    replace_in(meta, "tracker: so_du_lich ", "tracker: so_du_lic ")
    out = invoke(["check", plan], 1).output.splitlines()
    unknown = "lỗi: không có đơn vị '{}' trong units.yaml (có phải ý bạn là '{}'?) [unit-unknown]"
    assert out[:3] == [
        f"{meta.as_posix()}:{line_of(meta, 'tracker: so_du_lic ')}:10: {unknown.format('so_du_lic', 'so_du_lich')}",
        f"{meta.as_posix()}:{line_of(meta, 'issued_as: ubnd_tp_hu')}:16: {unknown.format('ubnd_tp_hu', 'ubnd_tp_hue')}",
        f"{meta.as_posix()}:{line_of(meta, 'copy_to: [lanh_dao')}:15: {unknown.format('lanh_dao_ubnd', 'lanh_dao_ubnd_tp')}",
    ]


@pytest.mark.parametrize(
    ("plan", "unit", "own"),
    [
        (REPO / "tests" / "fixtures" / "plans" / "hanoi-308", "cong_an_tp", ("CÔNG AN THÀNH PHỐ HÀ NỘI",)),
        (REPO / "tests" / "fixtures" / "plans" / "sonla-2954", "cong_an_tinh", ("CÔNG AN TỈNH SƠN LA",)),
        (REPO / "tests" / "fixtures" / "plans" / "hcm-2820", "bo_tu_lenh_tp", ("BỘ TƯ LỆNH THÀNH PHỐ HỒ CHÍ MINH",)),
    ],
)
def test_an_agency_its_ministry_runs_is_headed_by_its_own_full_name(plan: Path, unit: str, own: tuple[str]) -> None:
    """ "Công an Thành phố" of a plan of the People's Committee of Hà Nội: "CÔNG AN THÀNH PHỐ HÀ NỘI", no "UBND …"
    line above it (it answers to its ministry), its territory taken from the issuer's."""
    issued = body(load_plan(plan), unit)
    assert (issued.parent_lines, issued.own_lines, issued.has_parent) == ((), own, False)


@pytest.mark.parametrize(
    ("name", "many"),
    [
        ("Ủy ban nhân dân các xã, phường", True),
        (
            "Ủy ban nhân dân xã, phường",
            True,
        ),  # Hà Nội 308's ubnd_xa_phuong: it was headed "ỦY BAN NHÂN DÂN / XÃ, PHƯỜNG"
        ("UBND cấp xã", True),
        ("Ủy ban nhân dân xã, phường, đặc khu", True),
        ("Các phòng thuộc Sở", True),
        ("UBND xã, thị xã", True),  # "thị xã" is one level, not "thị" and "xã"
        ("UBND thị xã Ba Đồn", False),
        ("Ủy ban nhân dân xã Khe Tre", False),
        ("UBND phường Kim Long", False),
        ("Ủy ban nhân dân tỉnh", False),  # one level alone: the plan's own province
        ("UBND cấp tỉnh", False),
        ("Sở Tài chính", False),
    ],
)
def test_many_bodies_under_one_name(name: str, many: bool) -> None:
    assert stands_for_many(Unit(id="u", name=name)) is many


def test_a_plan_report_addressed_to_a_body_through_its_recipient(example_copy: Path) -> None:
    """``addressed_to``: a plan that writes "báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ)" — the report is addressed to
    the province through the Sở (its recipient), in the Kính gửi line and in the closing."""
    replace_in(
        example_copy / "plan.yaml",
        "    to_units: [ubnd_tinh, so_ldtbxh]\n",
        "    to_units: [so_noi_vu]\n    addressed_to: [ubnd_tinh]\n",
    )
    lines = invoke(["report", "--plan", example_copy, "--year", "2025", "--date", "2025-11-10"], 0).stdout.splitlines()
    assert "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng (qua Sở Nội vụ tỉnh Lâm Đồng)." in lines
    closing = next(line for line in lines if line.startswith("Trên đây"))
    assert closing.endswith(
        "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng kính báo cáo Ủy ban nhân dân tỉnh Lâm Đồng (qua Sở Nội vụ tỉnh Lâm Đồng) "
        "xem xét, chỉ đạo./."
    )


def test_a_body_outside_the_coordinating_division_addresses_its_department_through_it() -> None:
    """An official's reading: a commune's report said "Kính gửi: Phòng Tổ chức hành chính Sở GDĐT." — a division of
    a Sở, with the Sở's abbreviation. A body outside the Sở addresses the Sở through its division; a division of the
    Sở still addresses its fellow division."""
    commune = _report(REPO / "examples" / "plan", "--year", "2025", "--date", "2025-11-03", "--unit", "xa_mh_01")
    assert "Kính gửi: Sở Giáo dục và Đào tạo tỉnh Lâm Đồng (qua Phòng Tổ chức hành chính)." in commune
    assert next(line for line in commune if line.startswith("Trên đây")).endswith(
        ", gửi Sở Giáo dục và Đào tạo tỉnh Lâm Đồng (qua Phòng Tổ chức hành chính) để tổng hợp./."
    )
    division = _report(REPO / "examples" / "plan", "--year", "2025", "--date", "2025-11-03", "--unit", "phong_gdtrh")
    assert "Kính gửi: Phòng Tổ chức hành chính." in division


def test_a_division_of_a_plan_a_division_tracks_belongs_to_their_body_not_to_it(tmp_path: Path) -> None:
    """A new user's probe: with "tracker: phong_vhxh" (a division of the xã), a fellow division's report was headed
    "PHÒNG VĂN HÓA - XÃ HỘI / PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ", as if one division were part of the other."""
    plan = Path(shutil.copytree(FIXTURES / "mot-nam", tmp_path / "plan"))
    with (plan / "units.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n  - id: phong_ktht\n    name: Phòng Kinh tế, Hạ tầng và Đô thị\n    kind: division\n")
    replace_in(
        plan / "plan.yaml",
        "    from_units: [truong_tieu_hoc, tram_y_te]",
        "    from_units: [truong_tieu_hoc, tram_y_te, phong_ktht]",
    )
    loaded = load_plan(plan)
    assert (parent_id(loaded, "phong_ktht"), parent_id(loaded, "phong_vhxh")) == ("ubnd_xa", "ubnd_xa")
    text = invoke(["report", "--plan", plan, "--year", "2026", "--unit", "phong_ktht", "--date", "2026-11-25"], 0)
    header = next(line for line in text.stdout.splitlines() if line.startswith("| "))
    assert header.startswith("| UBND XÃ MINH HỌA<br>**PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ** |")
