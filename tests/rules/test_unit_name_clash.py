"""unit-name-clash: a name that two units claim."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, line_of, only_problem, replace_in


def test_a_short_name_of_two_units_is_reported_at_the_second(fixture_copy: Path) -> None:
    path = fixture_copy / "units.yaml"
    replace_in(path, "short_names: [Phòng KHTC, KHTC]", "short_names: [Phòng KHTC, KHTC, tchc]")
    assert only_problem(check_fails(fixture_copy)) == (
        f"{path.as_posix()}:{line_of(path, '- id: phong_khtc')}:5: lỗi: "
        "tên gọi 'tchc' đã thuộc về đơn vị 'phong_tchc' [unit-name-clash]"
    )
