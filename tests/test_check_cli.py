"""``kh68 check`` end to end: exit codes, formats, and every kind of bad input.

Each bad input is written into a copy of the real plan (or of the demo plan in
``examples/plan`` when data files are needed) and must give exit 1 and a
``path:line:column: lỗi: …`` line in Vietnamese at the offending key or value.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, PLAN, invoke, line_of, replace_in


def check_fails(root: Path, *extra: str) -> str:
    result = invoke(["check", root, *extra], 1)
    return result.output


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^.+:\d+:\d+: (lỗi|cảnh báo): ", line)]


def only_problem(output: str) -> str:
    lines = problem_lines(output)
    assert len(lines) == 1, output
    return lines[0]


# ---------------------------------------------------------------- clean runs


def test_real_plan_is_clean() -> None:
    out = invoke(["check", PLAN], 0).output
    assert out.strip() == f"{PLAN.as_posix()}: không có lỗi — 13 chỉ tiêu, 10 nhiệm vụ, 16 đơn vị, số liệu 0 năm."


def test_example_plan_is_clean() -> None:
    out = invoke(["check", EXAMPLE_PLAN, "--strict"], 0).output
    assert "không có lỗi" in out
    assert "số liệu 3 năm" in out


def test_plan_option_and_environment_variable(plan_copy: Path) -> None:
    assert "không có lỗi" in invoke(["check", "--plan", plan_copy], 0).output
    assert "không có lỗi" in invoke(["check"], 0, env={"KH68_PLAN": str(plan_copy)}).output


def test_argument_wins_over_environment(plan_copy: Path, tmp_path: Path) -> None:
    invoke(["check", plan_copy], 0, env={"KH68_PLAN": str(tmp_path / "nowhere")})


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


def test_bad_format_is_usage_error(plan_copy: Path) -> None:
    invoke(["check", plan_copy, "--format", "xml"], 2)


def test_missing_plan_file(plan_copy: Path) -> None:
    (plan_copy / "tasks.yaml").unlink()
    line = only_problem(check_fails(plan_copy))
    assert line == f"{plan_copy.as_posix()}/tasks.yaml:1:1: lỗi: thiếu tệp tasks.yaml trong thư mục kế hoạch"


# ---------------------------------------------------------- output formats


def test_summary_line_counts_problems(plan_copy: Path) -> None:
    replace_in(plan_copy / "indicators.yaml", '"2030": "90"', '"2030": "190"')
    replace_in(plan_copy / "indicators.yaml", '"2025": "80"', '"2025": "180"')
    out = check_fails(plan_copy)
    assert out.splitlines()[-1] == f"{plan_copy.as_posix()}: 2 lỗi, 0 cảnh báo."


def test_github_format(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"2030": "190"')
    line = line_of(path, '"2030": "190"')
    out = check_fails(plan_copy, "--format", "github")
    assert (
        f"::error file={path.as_posix()},line={line},col=15::chỉ tiêu '190' nằm ngoài khoảng 0–100%25"
        in out.splitlines()
    )
    assert not problem_lines(out)


def test_problems_are_sorted_by_file_and_line(plan_copy: Path) -> None:
    replace_in(
        plan_copy / "tasks.yaml",
        "lead_units: [phong_tchc]\n        lead_text: Phòng Tổ chức hành chính Sở.",
        "lead_units: [phong_tch]\n        lead_text: Phòng Tổ chức hành chính Sở.",
    )
    replace_in(plan_copy / "indicators.yaml", "responsible_units: [phong_qlcl_gdtx]", "responsible_units: [phong_qlcl]")
    replace_in(plan_copy / "indicators.yaml", '"2030": "90"', '"2030": "190"')
    lines = problem_lines(check_fails(plan_copy))
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
        f"{path.as_posix()}:{line}:12: cảnh báo: giá trị ghi 50 khác giá trị tính từ các đơn vị 32,81 (lệch hơn 0,05)"
    )
    assert out.splitlines()[-1] == f"{example_copy.as_posix()}: 0 lỗi, 1 cảnh báo."


def test_strict_makes_warning_fail(example_copy: Path) -> None:
    make_warning(example_copy)
    out = invoke(["check", example_copy, "--strict"], 1).output
    assert "cảnh báo: giá trị ghi 50" in out


def test_warning_in_github_format(example_copy: Path) -> None:
    path, line = make_warning(example_copy)
    out = invoke(["check", example_copy, "--format", "github"], 0).output
    assert f"::warning file={path.as_posix()},line={line},col=12::giá trị ghi 50" in out


def test_value_within_tolerance_gives_no_warning(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.2":\n    source:', '  "6.2":\n    value: 32,83\n    source:')
    invoke(["check", example_copy, "--strict"], 0)


# ---------------------------------------------------------- YAML-level input


def test_invalid_yaml_syntax(plan_copy: Path) -> None:
    path = plan_copy / "tasks.yaml"
    replace_in(path, "title: Tổ chức khen thưởng, tôn vinh kịp thời", "title: [Tổ chức khen thưởng, tôn vinh kịp thời")
    opened = line_of(path, "title: [Tổ chức")
    line = only_problem(check_fails(plan_copy))
    # libyaml notices the problem on the next line; the message names the line of the '['.
    assert line == (
        f"{path.as_posix()}:{opened + 1}:13: lỗi: YAML không hợp lệ: "
        f"thiếu dấu ',' hoặc ']' (danh sách '[' mở ở dòng {opened} chưa đóng?)"
    )


def test_truncated_file(plan_copy: Path) -> None:
    path = plan_copy / "units.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text.index("short_names: [Phòng GDTH") + len("short_names: [Phòng GDTH")
    path.write_text(text[:cut], encoding="utf-8")
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(f"{path.as_posix()}:{text[:cut].count(chr(10)) + 2}:1: lỗi: YAML không hợp lệ:")
    assert "chưa đóng" in line


def test_truncated_inside_a_character(plan_copy: Path) -> None:
    path = plan_copy / "units.yaml"
    raw = path.read_bytes()
    cut = raw.index("Ủy ban".encode()) + 1  # 'Ủ' is 3 bytes in UTF-8
    path.write_bytes(raw[:cut])
    line = only_problem(check_fails(plan_copy))
    line_number = raw[:cut].count(b"\n") + 1
    assert line.startswith(f"{path.as_posix()}:{line_number}:")
    assert "tệp bị cắt cụt" in line


@pytest.mark.parametrize("content", [b"", b"\n\n", "# chỉ có chú thích\n".encode()])
def test_empty_file(plan_copy: Path, content: bytes) -> None:
    (plan_copy / "units.yaml").write_bytes(content)
    assert only_problem(check_fails(plan_copy)) == (
        f"{plan_copy.as_posix()}/units.yaml:1:1: lỗi: tệp rỗng: cần một bảng khóa–giá trị (mapping)"
    )


def test_list_where_mapping_expected_at_top(plan_copy: Path) -> None:
    (plan_copy / "units.yaml").write_text("- id: so_gddt\n  name: Sở\n", encoding="utf-8")
    assert only_problem(check_fails(plan_copy)) == (
        f"{plan_copy.as_posix()}/units.yaml:1:1: lỗi: "
        "cần một bảng khóa–giá trị (mapping), không phải danh sách hay giá trị đơn"
    )


def test_list_where_mapping_expected_inside(plan_copy: Path) -> None:
    path = plan_copy / "plan.yaml"
    replace_in(
        path, "period:\n  start: 2024           # kế hoạch ban hành năm 2024\n  end: 2030", "period: [2024, 2030]"
    )
    line = only_problem(check_fails(plan_copy))
    assert (
        line
        == f"{path.as_posix()}:{line_of(path, 'period: [')}:9: lỗi: period: cần một bảng khóa–giá trị (mapping), không phải danh sách hay giá trị đơn"
    )


def test_mapping_where_list_expected(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(
        path,
        "responsible_units: [phong_gdtrh]\n    responsible_text: Phòng GDTrH",
        "responsible_units: {a: phong_gdtrh}\n    responsible_text: Phòng GDTrH",
    )
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(
        f"{path.as_posix()}:{line_of(path, 'responsible_units: {a')}:24: lỗi: responsible_units: cần một danh sách"
    )


def test_duplicate_mapping_keys(plan_copy: Path) -> None:
    path = plan_copy / "units.yaml"
    replace_in(
        path,
        "  - id: phong_khtc\n    name: Phòng Kế hoạch - Tài chính",
        "  - id: phong_khtc\n    name: KHTC\n    name: Phòng Kế hoạch - Tài chính",
    )
    first = line_of(path, "name: KHTC")
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{first + 1}:5: lỗi: khóa 'name' bị lặp (đã có ở dòng {first})"
    )


def test_unsafe_tag_is_rejected_and_not_executed(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = plan_copy / "units.yaml"
    replace_in(path, "name: Ủy ban nhân dân tỉnh Lâm Đồng", 'name: !!python/object/apply:os.system ["touch marker"]')
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(f"{path.as_posix()}:{line_of(path, '!!python')}:11: lỗi: thẻ YAML")
    assert "không được phép" in line
    assert not (tmp_path / "marker").exists()
    assert not (plan_copy / "marker").exists()


def test_billion_laughs_is_rejected_quickly(plan_copy: Path) -> None:
    rows = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    (plan_copy / "units.yaml").write_text("\n".join(rows) + "\nunits: []\n", encoding="utf-8")
    start = time.perf_counter()
    out = check_fails(plan_copy)
    assert time.perf_counter() - start < 1.0
    assert only_problem(out).startswith(f"{plan_copy.as_posix()}/units.yaml:1:")
    assert "không hỗ trợ anchor/alias YAML" in out


def test_windows_1258_file(plan_copy: Path) -> None:
    path = plan_copy / "units.yaml"
    text = unicodedata.normalize("NFD", path.read_text(encoding="utf-8").replace("ơ", "o").replace("ư", "u"))
    path.write_bytes(text.encode("cp1258", errors="replace"))
    line = only_problem(check_fails(plan_copy))
    assert re.match(rf"^{re.escape(path.as_posix())}:\d+:\d+: lỗi: tệp không phải UTF-8", line), line
    assert "Windows-1258" in line
    assert "hãy lưu lại với mã hóa UTF-8" in line


def test_utf16_file_with_bom(plan_copy: Path) -> None:
    path = plan_copy / "units.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:1:1: lỗi: tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8"
    )


# ------------------------------------------------------- implicit YAML typing


def export_json(root: Path) -> dict:
    return json.loads(invoke(["export", "--plan", root], 0).stdout)


def test_unquoted_id_6_10_stays_text(plan_copy: Path) -> None:
    replace_in(plan_copy / "indicators.yaml", 'id: "6.10"', "id: 6.10")
    replace_in(plan_copy / "indicators.yaml", 'id: "6.1"\n', "id: 6.1\n")
    invoke(["check", plan_copy], 0)
    ids = [i["id"] for i in export_json(plan_copy)["indicators"]]
    assert ids[0] == "6.1"
    assert ids[9] == "6.10"


def test_id_6_1_twice_is_a_duplicate(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, 'id: "6.10"', "id: 6.1")
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{line_of(path, '- id: 6.1')}:9: lỗi: mã chỉ tiêu '6.1' bị trùng (đã dùng ở mục thứ 1)"
    )


def test_yes_no_on_and_dates_stay_text(plan_copy: Path) -> None:
    tasks = plan_copy / "tasks.yaml"
    replace_in(tasks, "title: Tổ chức khen thưởng, tôn vinh kịp thời", "title: no")
    replace_in(tasks, "title: Phát triển nguồn nhân lực chất lượng cao", "title: 2025-11-05")
    replace_in(tasks, "title: Đổi mới giáo dục và đào tạo", "title: on")
    indicators = plan_copy / "indicators.yaml"
    replace_in(indicators, "name: Tỷ lệ hoàn thành cấp tiểu học", "name: yes")
    replace_in(
        indicators,
        "notes: [Ô đơn vị chủ trì để trống trong bảng (ô gộp với dòng 6.11).]",
        "notes: [2025-11-05, off, 1e3]",
    )
    data = export_json(plan_copy)
    titles = {t["id"]: t["title"] for t in data["tasks"]}
    assert titles["III.1.b"] == "no"
    assert titles["III.3.b"] == "2025-11-05"
    assert titles["III.3.a"] == "on"
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["6.10"]["name"] == "yes"
    assert by_id["6.12"]["notes"] == ["2025-11-05", "off", "1e3"]


# ------------------------------------------------------- encodings, same plan


def test_bom_and_crlf_give_the_same_plan(plan_copy: Path) -> None:
    before = export_json(plan_copy)
    for path in plan_copy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    invoke(["check", plan_copy], 0)
    assert export_json(plan_copy) == before


def test_nfd_gives_the_same_plan(plan_copy: Path) -> None:
    before = invoke(["export", "--plan", plan_copy], 0).stdout
    for path in plan_copy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert (plan_copy / "units.yaml").read_bytes() != (PLAN / "units.yaml").read_bytes()
    assert invoke(["export", "--plan", plan_copy], 0).stdout == before


# ------------------------------------------------------------ plan contents


def test_percentage_target_above_100(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"2030": "190"')
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{line_of(path, '190')}:15: lỗi: chỉ tiêu '190' nằm ngoài khoảng 0–100%"
    )


def test_percentage_range_target_above_100(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": 35-40', '"2030": 95-120')
    assert "chỉ tiêu '95-120' nằm ngoài khoảng 0–100%" in only_problem(check_fails(plan_copy))


def test_percentage_data_value_outside_0_100(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "value: 95,4", "value: 195,4")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, '195,4')}:12: lỗi: tỷ lệ 195,4% nằm ngoài khoảng 0–100"
    )


def test_negative_percentage_by_unit(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "pgd_lam_ha: {numerator: 1190, denominator: 3620}", "pgd_lam_ha: {value: -3}")
    line = only_problem(check_fails(example_copy))
    assert line.startswith(f"{path.as_posix()}:{line_of(path, 'value: -3')}:")
    assert "tỷ lệ -3% nằm ngoài khoảng 0–100" in line


def test_unparseable_data_value(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "value: 95,4", "value: 9O,4")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, '9O,4')}:12: lỗi: value: '9O,4' không phải là số (dùng dạng 99,5 hoặc 99.5)"
    )


def test_unknown_unit_id_with_suggestion(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(
        path,
        "responsible_units: [phong_gdtrh]\n    responsible_text: Phòng GDTrH",
        "responsible_units: [phong_gdtr]\n    responsible_text: Phòng GDTrH",
    )
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{line_of(path, '[phong_gdtr]')}:25: lỗi: "
        "không có đơn vị 'phong_gdtr' trong units.yaml (có phải ý bạn là 'phong_gdtrh'?)"
    )


def test_unknown_unit_in_data_file(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "pgd_lam_ha:", "pgd_lam_hx:")
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'pgd_lam_hx')}:7: lỗi: "
        "không có đơn vị 'pgd_lam_hx' trong units.yaml (có phải ý bạn là 'pgd_lam_ha'?)"
    )


def test_unknown_key_with_suggestion(plan_copy: Path) -> None:
    path = plan_copy / "tasks.yaml"
    replace_in(path, "lead_units: [phong_khtc, phong_gddt_huyen]", "lead_unit: [phong_khtc, phong_gddt_huyen]")
    lines = problem_lines(check_fails(plan_copy))
    expected = (
        f"{path.as_posix()}:{line_of(path, 'lead_unit:')}:9: lỗi: "
        "khóa không hợp lệ 'lead_unit' (có phải ý bạn là 'lead_units'?)"
    )
    assert expected in lines
    assert any("thiếu trường bắt buộc 'lead_units'" in line for line in lines)


def test_unknown_key_without_close_match_lists_valid_keys(plan_copy: Path) -> None:
    path = plan_copy / "plan.yaml"
    replace_in(path, "place: Lâm Đồng", "place: Lâm Đồng\nzzz: 1")
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(
        f"{path.as_posix()}:{line_of(path, 'zzz')}:1: lỗi: khóa không hợp lệ 'zzz'; các khóa hợp lệ: number, symbol"
    )


def test_unknown_key_in_data_file(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(
        path, "pgd_lam_ha: {numerator: 1190, denominator: 3620}", "pgd_lam_ha: {numerator: 1190, denominater: 3620}"
    )
    lines = problem_lines(check_fails(example_copy))
    assert any(
        ln.startswith(f"{path.as_posix()}:{line_of(path, 'denominater')}:")
        and "khóa không hợp lệ 'denominater' (có phải ý bạn là 'denominator'?)" in ln
        for ln in lines
    ), lines


def test_duplicate_indicator_ids(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, 'id: "6.11"', 'id: "6.10"')
    second = [n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if 'id: "6.10"' in ln][1]
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{second}:9: lỗi: mã chỉ tiêu '6.10' bị trùng (đã dùng ở mục thứ 10)"
    )


def test_duplicate_task_ids(plan_copy: Path) -> None:
    path = plan_copy / "tasks.yaml"
    replace_in(path, "id: III.1.b", "id: III.1.a")
    second = [n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "- id: III.1.a" in ln][1]
    assert only_problem(check_fails(plan_copy)) == f"{path.as_posix()}:{second}:13: lỗi: mã nhiệm vụ 'III.1.a' bị trùng"


def test_target_year_outside_plan_period(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"2031": "90"')
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{line_of(path, '2031')}:7: lỗi: năm 2031 nằm ngoài thời kỳ kế hoạch 2024–2030"
    )


def test_target_year_not_a_number(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": "90"', '"203O": "90"')
    assert only_problem(check_fails(plan_copy)) == (
        f"{path.as_posix()}:{line_of(path, '203O')}:7: lỗi: 203O: cần một số nguyên"
    )


def test_unparseable_target(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2025": 99,5\n      "2030": 99,5', '"2025": 9O,5\n      "2030": 99,5')
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(f"{path.as_posix()}:{line_of(path, '9O,5')}:15: lỗi: ")
    assert "không đọc được chỉ tiêu '9O,5'" in line


def test_reversed_target_range(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": 35-40', '"2030": 40-35')
    assert "khoảng chỉ tiêu '40-35' có cận dưới lớn hơn cận trên" in only_problem(check_fails(plan_copy))


def test_unknown_state_lists_choices_in_vietnamese(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, '  "6.1":\n    state: in_progress', '  "6.1":\n    state: dang_lam')
    line = only_problem(check_fails(example_copy))
    assert line == (
        f"{path.as_posix()}:{line_of(path, 'dang_lam')}:12: lỗi: state: giá trị 'dang_lam' không hợp lệ; "
        "chọn một trong: 'not_started', 'in_progress', 'done', 'ongoing'"
    )


def test_data_year_not_matching_file_name(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "year: 2025", "year: 2024")
    assert f"{path.as_posix()}:4:7: lỗi: năm 2024 không khớp tên tệp 2025.yaml" in problem_lines(
        check_fails(example_copy)
    )


def test_duplicate_unit_ids_point_at_the_right_entries(plan_copy: Path) -> None:
    path = plan_copy / "units.yaml"
    replace_in(path, "  - id: phong_khtc\n", "  - id: phong_tchc\n")
    replace_in(path, "successors: [so_gddt]", "successors: [so_gddtt]")
    lines = problem_lines(check_fails(plan_copy))
    dup = [n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ln == "  - id: phong_tchc"][1]
    assert f"{path.as_posix()}:{dup}:9: lỗi: mã đơn vị 'phong_tchc' bị trùng (đã dùng ở mục thứ 5)" in lines
    # The unit after the duplicate still gets its own line, not its neighbour's.
    assert any(ln.startswith(f"{path.as_posix()}:{line_of(path, 'so_gddtt')}:") and "so_gddtt" in ln for ln in lines), (
        lines
    )


def test_two_data_files_for_one_year(example_copy: Path) -> None:
    data = example_copy / "data"
    (data / "2025.yml").write_bytes((data / "2025.yaml").read_bytes())
    assert only_problem(check_fails(example_copy)) == (
        f"{(data / '2025.yml').as_posix()}:4:7: lỗi: số liệu năm 2025 đã có trong tệp 2025.yaml"
    )


@pytest.mark.parametrize(
    ("old", "new", "key", "suggestion"),
    [
        (
            "source: {document: Báo cáo minh họa số 02/BC-MH,",
            "source: {documnet: Báo cáo minh họa số 02/BC-MH,",
            "documnet",
            "document",
        ),
        ("      difficulties: Thiếu giáo viên", "      dificulties: Thiếu giáo viên", "dificulties", "difficulties"),
        ("year: 2025", "yaer: 2025", "yaer", "year"),
    ],
)
def test_unknown_nested_keys_in_data_file(example_copy: Path, old: str, new: str, key: str, suggestion: str) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, old, new)
    lines = problem_lines(check_fails(example_copy))
    expected = f"khóa không hợp lệ '{key}' (có phải ý bạn là '{suggestion}'?)"
    assert any(ln.startswith(f"{path.as_posix()}:{line_of(path, key)}:") and ln.endswith(expected) for ln in lines), (
        lines
    )


def test_unknown_key_in_plan_period(plan_copy: Path) -> None:
    path = plan_copy / "plan.yaml"
    replace_in(path, "  end: 2030", "  ends: 2030")
    lines = problem_lines(check_fails(plan_copy))
    assert (
        f"{path.as_posix()}:{line_of(path, 'ends:')}:3: lỗi: khóa không hợp lệ 'ends' (có phải ý bạn là 'end'?)"
        in lines
    )


def test_a_comparison_without_a_number_is_an_error(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": "> 60"', '"2030": "> sáu mươi"')
    line = only_problem(check_fails(plan_copy))
    assert line.startswith(f"{path.as_posix()}:{line_of(path, 'sáu mươi')}:")
    assert "không đọc được chỉ tiêu '> sáu mươi'" in line


def test_a_near_miss_of_hoan_thanh_is_a_warning(plan_copy: Path) -> None:
    path = plan_copy / "indicators.yaml"
    replace_in(path, '"2030": Hoàn thành', '"2030": Hoàn thanh')
    out = invoke(["check", plan_copy], 0).output
    assert (
        f"{path.as_posix()}:{line_of(path, 'Hoàn thanh')}:15: cảnh báo: 'Hoàn thanh' được hiểu là mốc định tính; nếu là chỉ tiêu hoàn thành, viết 'Hoàn thành'"
        in out
    )
    invoke(["check", "--strict", plan_copy], 1)


def test_a_file_given_as_the_plan_directory(tmp_path: Path) -> None:
    afile = tmp_path / "plan.yaml"
    afile.write_text("a: 1\n", encoding="utf-8")
    assert invoke(["check", afile], 2).output == f"kh68: lỗi: '{afile}' là một tệp, không phải thư mục kế hoạch\n"


def test_a_yaml_file_kh68_does_not_read_is_a_warning(plan_copy: Path) -> None:
    (plan_copy / "chi-tieu-moi.yaml").write_text("indicators: []\n", encoding="utf-8")
    out = invoke(["check", plan_copy], 0).output
    assert out.splitlines()[0] == (
        f"{(plan_copy / 'chi-tieu-moi.yaml').as_posix()}:1:1: cảnh báo: kh68 không đọc tệp chi-tieu-moi.yaml: "
        "kế hoạch gồm indicators.yaml, plan.yaml, tasks.yaml, units.yaml và data/<năm>.yaml [file-not-read]"
    )
    invoke(["check", "--strict", plan_copy], 1)
