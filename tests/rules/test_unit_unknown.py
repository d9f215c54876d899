"""unit-unknown: see ``kh68.lint.rules`` and the README list of rules."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_unknown_unit_id_with_suggestion(fixture_copy: Path) -> None:
    path = fixture_copy / "indicators.yaml"
    replace_in(
        path,
        "responsible_units: [phong_gdtrh]\n    responsible_text: Phòng GDTrH",
        "responsible_units: [phong_gdtr]\n    responsible_text: Phòng GDTrH",
    )
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '[phong_gdtr]')}:25: lỗi: "
        "không có đơn vị 'phong_gdtr' trong units.yaml (có phải ý bạn là 'phong_gdtrh'?) [unit-unknown]"
    )


def test_unknown_unit_in_data_file(example_copy: Path) -> None:
    path = example_copy / "data" / "2025.yaml"
    replace_in(path, "pgd_lam_ha:", "pgd_lam_hx:")  # its progress on III.4, dated 20/6/2025
    assert only_problem(check_fails(example_copy)) == (
        f"{path.as_posix()}:{line_of(path, 'pgd_lam_hx')}:5: lỗi: "
        "không có đơn vị 'pgd_lam_hx' trong units.yaml (có phải ý bạn là 'pgd_lam_ha'?) [unit-unknown]"
    )
