"""kh68.reading.models: what every model shares (``Strict``)."""

from __future__ import annotations

import copy
import pickle

import pytest

from kh68.reading.models import Indicator, Measurement, Typo


def _indicator() -> Indicator:
    data = {"id": "1", "name": "Tỷ lệ", "unit": "%", "targets": {"2025": "95"}, "responsible_units": ["a"]}
    return Indicator.model_validate(data)


def test_a_private_attribute_is_read_and_a_missing_one_is_an_attribute_error() -> None:
    indicator = _indicator()
    indicator.number_as("7")
    assert indicator.label == "7"
    with pytest.raises(AttributeError, match="'Indicator' object has no attribute 'nothing'"):
        _ = indicator.nothing  # type: ignore[attr-defined]


def test_a_model_not_yet_initialised_has_no_attribute_and_never_recurses() -> None:
    """A review: the fast path read ``__pydantic_private__`` through itself on a model made by ``__new__``."""
    bare = Measurement.__new__(Measurement)
    assert (hasattr(bare, "_written"), getattr(bare, "anything", None)) == (False, None)


def test_a_model_copies_and_pickles_with_its_private_attributes() -> None:
    indicator = _indicator()
    indicator.number_as("7")
    for twin in (copy.copy(indicator), copy.deepcopy(indicator), pickle.loads(pickle.dumps(indicator))):
        assert (twin.label, twin.id) == ("7", "1")


@pytest.mark.parametrize(
    ("typo", "fixed"),
    [
        ({"written": "rác thác", "meant": "rác thải"}, True),
        ({"written": "năm 2026", "meant": "năm 2027"}, False),  # a digit: only with fix: true
        ({"written": "năm 2026", "meant": "năm 2027", "fix": True}, True),
        ({"written": "V. CHẾ ĐỘ", "meant": "VI. CHẾ ĐỘ (văn bản có hai mục V)"}, False),  # an explanation
        ({"written": "rác thác", "meant": "rác thải", "fix": False}, False),
    ],
)
def test_a_typo_is_written_as_meant_in_reports_as_fix_and_its_words_say(typo: dict[str, object], fixed: bool) -> None:
    assert Typo.model_validate({"section": "I", **typo}).fixed_in_reports is fixed
