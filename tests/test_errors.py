"""Problem values and their two printed forms."""

from __future__ import annotations

from kh68.cli.problem_formats import github
from kh68.core.errors import Severity, error, warning


def test_parsable_form() -> None:
    assert (
        error("plan/tasks.yaml", 28, 9, "khóa không hợp lệ").parsable()
        == "plan/tasks.yaml:28:9: lỗi: khóa không hợp lệ"
    )
    assert warning("plan/data/2025.yaml", 3, 5, "lệch").parsable() == "plan/data/2025.yaml:3:5: cảnh báo: lệch"


def test_github_form_escapes_properties_and_message() -> None:
    problem = error("plan/a,b:c.yaml", 3, 4, "50% sai\nx")
    assert github(problem) == "::error file=plan/a%2Cb%3Ac.yaml,line=3,col=4::50%25 sai%0Ax"
    assert github(warning("p.yaml", 1, 1, "m")) == "::warning file=p.yaml,line=1,col=1::m"


def test_problems_sort_by_place() -> None:
    later, earlier = error("b.yaml", 1, 1, "x"), error("a.yaml", 9, 1, "x")
    assert sorted([later, earlier]) == [earlier, later]
    assert earlier.severity is Severity.ERROR
    assert Severity.ERROR.label == "lỗi"


def test_a_line_break_in_a_message_cannot_forge_a_line_of_its_own() -> None:
    problem = error("plan/units.yaml", 3, 9, "không có đơn vị 'x\nplan: 0 lỗi, 0 cảnh báo.'\r\n", "unit-unknown")
    assert problem.parsable() == (
        "plan/units.yaml:3:9: lỗi: không có đơn vị 'x\\nplan: 0 lỗi, 0 cảnh báo.'\\n [unit-unknown]"
    )
