"""The plan's closed vocabularies: ``kh68.reading.enums`` (and the folding every phrase is matched by)."""

from kh68.kinds.phrases import fold
from kh68.kinds.verdict import Direction


def test_fold_unifies_dashes_spaces_case() -> None:
    assert fold("Phòng GDTH – GDMN") == fold("Phòng GDTH - GDMN") == fold("phòng  gdth-gdmn")


def test_models_validate_into_the_enums() -> None:
    from conftest import indicator
    from kh68.reading.enums import Basis, DutyKind
    from kh68.reading.models import Duty

    ind = indicator({2025: "2"}, direction="lower", basis="share_of_units")
    assert ind.direction is Direction.LOWER
    assert ind.basis is Basis.SHARE_OF_UNITS
    duty = Duty.model_validate(
        {"id": "bao_cao", "section": "IV.2", "what": "Báo cáo", "from_units": "a", "kind": "unit_report"}
    )
    assert duty.kind is DutyKind.UNIT_REPORT
    assert (Direction.HIGHER.sign, Direction.LOWER.sign) == (1, -1)
