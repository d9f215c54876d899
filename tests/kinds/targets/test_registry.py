"""The table of target kinds: every kind reads its own phrasings, and nothing else reads them."""

from __future__ import annotations

import pytest

from kh68.kinds.targets import KINDS, TargetUnparsable, from_fields, parse_target, structured_fields

PHRASINGS = [(kind.kind, text) for kind in KINDS for text in kind.phrasings if not text.startswith("(")]


@pytest.mark.parametrize(("kind", "text"), PHRASINGS)
def test_each_phrasing_a_kind_lists_is_read_as_that_kind(kind: str, text: str) -> None:
    assert parse_target(text).kind == kind


def test_every_kind_says_itself_for_the_readme() -> None:
    for kind in KINDS:
        assert kind.example, kind
        assert kind.meaning, kind
        assert kind.phrasings, kind
        assert kind.fields, kind


def test_the_structured_form_names_its_kind_by_one_key() -> None:
    assert from_fields({"at_most": 5.0}, "tối đa 5").kind == "at_most"
    with pytest.raises(TargetUnparsable, match="có 2 khóa loại chỉ tiêu \\(at_least, at_most\\)"):
        from_fields({"at_least": 1.0, "at_most": 5.0}, "x")
    with pytest.raises(TargetUnparsable, match="khóa tolerance không dùng với chỉ tiêu loại at_least"):
        from_fields({"at_least": 1.0, "tolerance": 5.0}, "x")


def test_one_type_per_structured_key() -> None:
    fields = structured_fields()
    assert fields["relative"] == fields["relative"]
    assert list(fields)[:5] == ["at_least", "greater_than", "at_most", "less_than", "range"]
