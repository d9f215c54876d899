"""``kh68 check`` end to end: exit codes, formats, and every kind of bad input.

Each bad input is written into a copy of the fixture plan ``FIXTURE_PLAN`` (a frozen copy of the
real plan, without data files), or of the demo plan in ``examples/plan`` when data files are needed,
and must give exit 1 and a ``path:line:column: lỗi: …`` line in Vietnamese at the offending key or value.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from conftest import (
    DEMO_PROVISIONAL,
    EXAMPLE_PLAN,
    FIXTURE_PLAN,
    check_fails,
    invoke,
    line_of,
    only_problem,
    problem_lines,
    replace_in,
)

# ---------------------------------------------------------------- clean runs


def test_real_plan_is_clean() -> None:
    out = invoke(["check", FIXTURE_PLAN], 0).output
    assert (
        out.strip() == f"{FIXTURE_PLAN.as_posix()}: không có lỗi — 13 chỉ tiêu, 10 nhiệm vụ, 20 đơn vị, số liệu 0 năm."
    )


def test_example_plan_is_clean_but_for_its_provisional_value() -> None:
    data = (EXAMPLE_PLAN / "data" / "2025.yaml").as_posix()
    expected = [
        f"{data}:12:3: {DEMO_PROVISIONAL} (chưa báo cáo: xa_mh_08, xa_mh_09, xa_mh_10) [coverage-provisional]",
        f"{EXAMPLE_PLAN.as_posix()}: 0 lỗi, 1 cảnh báo.",
    ]
    assert invoke(["check", EXAMPLE_PLAN], 0).output.splitlines() == expected
    # Under --strict a provisional value is an error.
    assert invoke(["check", EXAMPLE_PLAN, "--strict"], 1).output.splitlines() == expected


def test_plan_option_and_environment_variable(fixture_copy: Path) -> None:
    assert "không có lỗi" in invoke(["check", "--plan", fixture_copy], 0).output
    assert "không có lỗi" in invoke(["check"], 0, env={"KH68_PLAN": str(fixture_copy)}).output


def test_argument_wins_over_environment(fixture_copy: Path, tmp_path: Path) -> None:
    invoke(["check", fixture_copy], 0, env={"KH68_PLAN": str(tmp_path / "nowhere")})


# ------------------------------------------------------------- usage errors


@pytest.mark.parametrize("how", ["argument", "option", "env"])
def test_missing_directory_is_usage_error(tmp_path: Path, how: str) -> None:
    missing = tmp_path / "khong-co"
    args, env = {
        "argument": (["check", missing], None),
        "option": (["check", "--plan", missing], None),
        "env": (["check"], {"KH68_PLAN": str(missing)}),
    }[how]
    out = invoke(args, 2, env=env).output
    assert f"kh68: lỗi: không có thư mục kế hoạch '{missing}'" in out


def test_export_missing_directory_is_usage_error(tmp_path: Path) -> None:
    out = invoke(["export", "--plan", tmp_path / "khong-co"], 2).output
    assert "không có thư mục kế hoạch" in out


def test_bad_format_is_usage_error(fixture_copy: Path) -> None:
    invoke(["check", fixture_copy, "--format", "xml"], 2)


# ---------------------------------------------------------- output formats


def test_summary_line_counts_problems(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "indicators.yaml", '"2030": "90"', '"2030": "190"')
    replace_in(fixture_copy / "indicators.yaml", '"2025": "80"', '"2025": "180"')
    out = check_fails(fixture_copy)
    assert out.splitlines()[-1] == f"{fixture_copy.as_posix()}: 2 lỗi, 0 cảnh báo."


def test_github_format(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"2030": "190"')
    line = line_of(path, '"2030": "190"')
    out = check_fails(fixture_copy, "--format", "github")
    assert (
        f"::error file={path.as_posix()},line={line},col=15,title=percent-range::chỉ tiêu '190' nằm ngoài khoảng 0–100%25"
        in out.splitlines()
    )
    assert not problem_lines(out)


def test_problems_are_sorted_by_file_and_line(fixture_copy: Path) -> None:
    replace_in(
        fixture_copy / "tasks.yaml",
        "lead_units: [phong_tchc]\n        lead_text: Phòng Tổ chức hành chính Sở.",
        "lead_units: [phong_tch]\n        lead_text: Phòng Tổ chức hành chính Sở.",
    )
    replace_in(
        fixture_copy / "indicators.yaml", "responsible_units: [phong_qlcl_gdtx]", "responsible_units: [phong_qlcl]"
    )
    replace_in(fixture_copy / "indicators.yaml", '"2030": "90"', '"2030": "190"')
    lines = problem_lines(check_fails(fixture_copy))
    keys = [(ln.split(":")[0], int(ln.split(":")[1])) for ln in lines]
    assert keys == sorted(keys)
    assert len(keys) == 3


# ---------------------------------------------------------- warnings, strict


def make_warning(root: Path) -> tuple[Path, int]:
    """An explicit province value for 6.2 that differs from its by_unit sums."""
    path = root / "data" / "2025.yaml"
    replace_in(path, '  "6.2":\n    source:', '  "6.2":\n    value: 50\n    source:')
    return path, line_of(path, "value: 50")


def test_warning_does_not_fail_without_strict(example_copy: Path) -> None:
    path, line = make_warning(example_copy)
    out = invoke(["check", example_copy], 0).output
    assert only_problem(out) == (
        f"{path.as_posix()}:{line}:12: cảnh báo: giá trị ghi 50 khác giá trị tính từ các đơn vị 32,9 (lệch hơn 0,05) [computed-mismatch]"
    )
    assert out.splitlines()[-1] == f"{example_copy.as_posix()}: 0 lỗi, 1 cảnh báo."  # a value: not provisional


def test_strict_makes_warning_fail(example_copy: Path) -> None:
    make_warning(example_copy)
    out = invoke(["check", example_copy, "--strict"], 1).output
    assert "cảnh báo: giá trị ghi 50" in out


def test_warning_in_github_format(example_copy: Path) -> None:
    path, line = make_warning(example_copy)
    out = invoke(["check", example_copy, "--format", "github"], 0).output
    assert f"::warning file={path.as_posix()},line={line},col=12,title=computed-mismatch::giá trị ghi 50" in out


# ---------------------------------------------------------- YAML-level input


# ------------------------------------------------------- implicit YAML typing


def export_json(root: Path) -> dict:
    return json.loads(invoke(["export", "--plan", root], 0).stdout)


def test_unquoted_id_6_10_stays_text(fixture_copy: Path) -> None:
    replace_in(fixture_copy / "indicators.yaml", 'id: "6.10"', "id: 6.10")
    replace_in(fixture_copy / "indicators.yaml", 'id: "6.1"\n', "id: 6.1\n")
    invoke(["check", fixture_copy], 0)
    ids = [i["id"] for i in export_json(fixture_copy)["indicators"]]
    assert ids[0] == "6.1"
    assert ids[9] == "6.10"


def test_yes_no_on_and_dates_stay_text(fixture_copy: Path) -> None:
    tasks = fixture_copy / "tasks.yaml"
    replace_in(tasks, "title: Tổ chức khen thưởng, tôn vinh kịp thời", "title: no")
    replace_in(tasks, "title: Phát triển nguồn nhân lực chất lượng cao", "title: 2025-11-05")
    replace_in(tasks, "title: Đổi mới giáo dục và đào tạo", "title: on")
    indicators = fixture_copy / "indicators.yaml"
    replace_in(indicators, "name: Tỷ lệ hoàn thành cấp tiểu học", "name: yes")
    replace_in(
        indicators,
        "notes: [Ô đơn vị chủ trì để trống trong bảng (ô gộp với dòng 6.11).]",
        "notes: [2025-11-05, off, 1e3]",
    )
    data = export_json(fixture_copy)
    titles = {t["id"]: t["title"] for t in data["tasks"]}
    assert titles["III.1.b"] == "no"
    assert titles["III.3.b"] == "2025-11-05"
    assert titles["III.3.a"] == "on"
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["6.10"]["name"] == "yes"
    assert by_id["6.12"]["notes"] == ["2025-11-05", "off", "1e3"]


# ------------------------------------------------------- encodings, same plan


def test_bom_and_crlf_give_the_same_plan(fixture_copy: Path) -> None:
    before = export_json(fixture_copy)
    for path in fixture_copy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    invoke(["check", fixture_copy], 0)
    assert export_json(fixture_copy) == before


def test_nfd_gives_the_same_plan(fixture_copy: Path) -> None:
    before = invoke(["export", "--plan", fixture_copy], 0).stdout
    for path in fixture_copy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert (fixture_copy / "units.yaml").read_bytes() != (FIXTURE_PLAN / "units.yaml").read_bytes()
    assert invoke(["export", "--plan", fixture_copy], 0).stdout == before


# ------------------------------------------------------------ plan contents


def test_a_file_given_as_the_plan_directory(tmp_path: Path) -> None:
    afile = tmp_path / "plan.yaml"
    afile.write_text("a: 1\n", encoding="utf-8")
    assert invoke(["check", afile], 2).output == f"kh68: lỗi: '{afile}' là một tệp, không phải thư mục kế hoạch\n"


def test_a_plan_file_with_errors_says_the_checks_across_files_did_not_run(fixture_copy: Path) -> None:
    """Its errors leave no plan to check across files: the count says more may follow, never that it is all."""
    path = fixture_copy / "tasks.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("lead_units:", "lead_unit:", 1), "utf-8")
    assert check_fails(fixture_copy).splitlines()[-1] == (
        f"{fixture_copy.as_posix()}: 2 lỗi, 0 cảnh báo; chưa kiểm tra chéo giữa các tệp (mã, năm, đơn vị tính…) vì "
        "các lỗi trên: sửa rồi chạy lại."
    )


def test_a_data_file_with_errors_is_checked_across_files_all_the_same(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2025", "year: 2025\nyeer: 1", 1), "utf-8")
    assert check_fails(example_copy).splitlines()[-1] == f"{example_copy.as_posix()}: 1 lỗi, 0 cảnh báo."
