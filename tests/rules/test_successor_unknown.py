"""successor-unknown: a successor that is not a unit of units.yaml."""

from __future__ import annotations

from conftest import invoke, line_of, only_error, replace_in


def test_a_successor_that_is_not_a_unit(fixture_copy):
    path = fixture_copy / "units.yaml"
    replace_in(
        path,
        "- {unit: so_gddt, function: giáo dục nghề nghiệp}",
        "- {unit: so_gddtt, function: giáo dục nghề nghiệp}",
    )
    out = invoke(["check", fixture_copy], 1).output
    assert only_error(out) == (
        f"{path.as_posix()}:{line_of(path, 'so_gddtt')}:16: lỗi: đơn vị kế thừa: không có đơn vị 'so_gddtt' "
        "trong units.yaml (có phải ý bạn là 'so_gddt'?) [successor-unknown]"
    )
