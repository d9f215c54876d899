"""Meaning of target and timing texts: ``kh68.reading.targets``."""

import pytest

from kh68.kinds.phrases import fold
from kh68.kinds.verdict import Direction
from kh68.reading.targets import TimingKind, TimingSpec, parse_timing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thường xuyên", TimingSpec(TimingKind.ONGOING)),
        ("Thường xuyên.", TimingSpec(TimingKind.ONGOING)),
        ("Năm 2024 và các năm tiếp theo.", TimingSpec(TimingKind.FROM_YEAR, 2024)),
        ("Từ năm 2026 và các năm tiếp theo", TimingSpec(TimingKind.FROM_YEAR, 2026)),
        ("Đến năm 2025 và các năm tiếp theo.", TimingSpec(TimingKind.BY_YEAR, 2025)),
        ("Khi tiến hành sơ kết, tổng kết Nghị quyết.", TimingSpec(TimingKind.AT_REVIEW)),
        ("  khi  tiến hành sơ kết,  tổng kết Nghị quyết", TimingSpec(TimingKind.AT_REVIEW)),
    ],
)
def test_parse_timing(text: str, expected: TimingSpec) -> None:
    assert parse_timing(text) == expected


@pytest.mark.parametrize("text", ["Sớm nhất có thể", "2025", ""])
def test_parse_timing_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="không hiểu thời gian thực hiện"):
        parse_timing(text)


def test_timing_active_in() -> None:
    assert not TimingSpec(TimingKind.FROM_YEAR, 2025).active_in(2024)
    assert TimingSpec(TimingKind.FROM_YEAR, 2025).active_in(2025)
    assert TimingSpec(TimingKind.BY_YEAR, 2025).active_in(2024)
    assert TimingSpec(TimingKind.ONGOING).active_in(2030)


def test_fold_unifies_dashes_spaces_case() -> None:
    assert fold("Phòng GDTH – GDMN") == fold("Phòng GDTH - GDMN") == fold("phòng  gdth-gdmn")


def test_models_validate_into_the_enums() -> None:
    from conftest import indicator
    from kh68.reading.models import Duty
    from kh68.reading.targets import Basis, DutyKind

    ind = indicator({2025: "2"}, direction="lower", basis="share_of_units")
    assert ind.direction is Direction.LOWER
    assert ind.basis is Basis.SHARE_OF_UNITS
    duty = Duty.model_validate(
        {"id": "bao_cao", "section": "IV.2", "what": "Báo cáo", "from_units": "a", "kind": "unit_report"}
    )
    assert duty.kind is DutyKind.UNIT_REPORT
    assert (Direction.HIGHER.sign, Direction.LOWER.sign) == (1, -1)
