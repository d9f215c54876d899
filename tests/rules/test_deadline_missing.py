"""deadline-missing: a duty reporting each period (``period``) without a deadline is told so, never given a day."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import invoke, line_of, replace_in
from kh68.kinds.periods import accepted_forms

FORMS = accepted_forms()


@pytest.mark.parametrize(("period", "words"), [("quarterly", "hằng quý"), ("yearly", "hằng năm")])
def test_a_period_without_a_deadline_is_a_warning_naming_the_accepted_forms(
    fixture_copy: Path, period: str, words: str
) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, "    deadline: 05/11\n", f"    period: {period}\n")
    out = invoke(["check", fixture_copy], 0).output.splitlines()
    assert out == [
        (
            f"{path.as_posix()}:{line_of(path, f'period: {period}')}:13: cảnh báo: nhiệm vụ unit_report ({words}) "
            "không có hạn (deadline): kh68 liệt kê từng kỳ, không tự đặt ngày, không tính đúng hạn, quá "
            f"hạn; nếu văn bản ghi hạn, chép nguyên văn, các dạng đọc được: {FORMS} [deadline-missing]"
        ),
        f"{fixture_copy.as_posix()}: 0 lỗi, 1 cảnh báo.",
    ]


def test_a_period_with_its_deadline_or_no_period_at_all_is_fine(fixture_copy: Path) -> None:
    path = fixture_copy / "plan.yaml"
    replace_in(path, "    deadline: 05/11\n", "    period: yearly\n    deadline: 05/11\n")
    invoke(["check", "--strict", fixture_copy], 0)
    replace_in(path, "    period: yearly\n    deadline: 05/11\n", "")  # no period, no day: nothing listed, no warning
    invoke(["check", "--strict", fixture_copy], 0)
