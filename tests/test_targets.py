"""Meaning of target and timing texts: ``kh68.reading.targets``."""

import pytest

from kh68.reading.targets import (
    Direction,
    TargetKind,
    TargetSpec,
    TimingKind,
    TimingSpec,
    fold,
    parse_target,
    parse_timing,
)

K = TargetKind


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("99,5", K.AT_LEAST, 99.5, None),
        ("99.5", K.AT_LEAST, 99.5, None),
        ("95", K.AT_LEAST, 95, None),
        ("100", K.AT_LEAST, 100, None),
        ("99,96", K.AT_LEAST, 99.96, None),
        ("≥ 90", K.AT_LEAST, 90, None),
        (">= 90", K.AT_LEAST, 90, None),
        ("90%", K.AT_LEAST, 90, None),
        ("30-35", K.RANGE, 30, 35),
        ("95- 97", K.RANGE, 95, 97),
        ("95 – 97", K.RANGE, 95, 97),
        ("30%-35%", K.RANGE, 30, 35),
        ("> 60", K.GREATER_THAN, 60, None),
        (">60", K.GREATER_THAN, 60, None),
        ("> 99,5", K.GREATER_THAN, 99.5, None),
        ("Hoàn thành", K.COMPLETION, None, None),
        ("hoàn  thành", K.COMPLETION, None, None),
        ("Triển khai theo đề án", K.MILESTONE, None, None),
        ("-", K.NONE, None, None),
        ("–", K.NONE, None, None),
        ("", K.NONE, None, None),
    ],
)
def test_parse_target(text: str, kind: TargetKind, low: float | None, high: float | None) -> None:
    spec = parse_target(text)
    assert spec == TargetSpec(kind, low, high)
    assert spec.kind.numeric == (kind in (K.AT_LEAST, K.RANGE, K.GREATER_THAN))


def test_completion_in_nfd_is_recognised() -> None:
    import unicodedata

    assert parse_target(unicodedata.normalize("NFD", "Hoàn thành")).kind is K.COMPLETION


@pytest.mark.parametrize("text", ["9O,5", "99,5 %%", "30-", "khoảng 95", "> 6O"])
def test_parse_target_rejects_text_with_digits_it_cannot_read(text: str) -> None:
    with pytest.raises(ValueError, match="không đọc được chỉ tiêu"):
        parse_target(text)


def test_parse_target_rejects_reversed_range() -> None:
    with pytest.raises(ValueError, match="cận dưới lớn hơn cận trên"):
        parse_target("97-95")


def test_bound_is_lower_end() -> None:
    assert parse_target("95- 97").min == 95
    assert parse_target("> 60").min == 60


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


def test_goal_is_the_bound_a_value_must_reach() -> None:
    assert parse_target("30-35").goal(Direction.HIGHER) == 30
    assert parse_target("30-35").goal(Direction.LOWER) == 35
    assert parse_target("> 60").goal(Direction.LOWER) == 60
    assert parse_target("Hoàn thành").goal(Direction.HIGHER) is None


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
