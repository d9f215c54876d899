"""report-not-owed: an organisation a reporting duty names, itself or in a group, is said to owe no report."""

from __future__ import annotations

from pathlib import Path

from conftest import invoke, line_of, replace_in

OWN = "    from_units: [cac_phong_thuoc_so, phong_gddt_huyen]\n"
ADVICE = (
    "được đề nghị, không phải gửi báo cáo của nhiệm vụ unit_report (kh68 không chờ, không nhắc); nếu kế hoạch giao "
    "đơn vị báo cáo, sửa kind của đơn vị trong units.yaml; nếu chỉ đề nghị, ghi một nhiệm vụ kind: request "
    "[report-not-owed]"
)


def test_an_organisation_named_by_a_reporting_duty_is_a_warning_at_its_name(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, OWN, "    from_units: [cac_phong_thuoc_so, phong_gddt_huyen, cong_doan_nganh]\n")
    line = line_of(path, "cong_doan_nganh]")
    assert invoke(["check", fixture_copy], 0).output.splitlines() == [
        (
            f"{path.as_posix()}:{line}:56: cảnh báo: cong_doan_nganh là tổ chức ngoài quyền quản lý của cơ quan ban "
            f"hành: {ADVICE}"
        ),
        f"{fixture_copy.as_posix()}: 0 lỗi, 1 cảnh báo.",
    ]


def test_one_inside_a_group_the_duty_names_is_said_with_the_group(fixture_copy: Path) -> None:
    replace_in(
        fixture_copy / "units.yaml",
        "    members: [phong_tchc, phong_khtc, phong_gdth_gdmn, phong_gdtrh, phong_qlcl_gdtx]\n",
        "    members: [phong_tchc, phong_khtc, phong_gdth_gdmn, phong_gdtrh, phong_qlcl_gdtx, to_chuc_ct_xh]\n",
    )
    path = fixture_copy / "plan.yaml"
    out = invoke(["check", fixture_copy], 0).output.splitlines()
    assert out[0] == (
        f"{path.as_posix()}:{line_of(path, OWN.strip())}:18: cảnh báo: trong cac_phong_thuoc_so có to_chuc_ct_xh là "
        f"tổ chức ngoài quyền quản lý của cơ quan ban hành: {ADVICE}"
    )


def test_a_request_to_organisations_is_what_the_plan_should_write(fixture_copy: Path) -> None:
    """The fixture asks the union and the organisations for a report by a duty of kind request: nothing to say."""
    invoke(["check", "--strict", fixture_copy], 0)
