"""kh68.reading.models: what every model shares (``Strict``)."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest

from kh68.reading.models import Indicator, Measurement, Typo, YearData


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


def _file() -> YearData:
    data = YearData.model_validate(
        {
            "period": "2026-11",
            "indicators": {
                "1": {
                    "by_unit": {
                        "xa_a": {"value": 5, "source": {"document": "Báo cáo số 1", "date": "2026-11-10"}},
                        "xa_b": {"value": 7},  # undated: of xa_b's report, dated by its form
                        "xa_c": {"value": 9},  # undated, nothing of xa_c dated: kept
                    }
                },
                "2": {"value": 3, "source": {"document": "Báo cáo số 2", "date": "2026-11-20", "unit": "xa_a"}},
            },
            "tasks": {"1.1": {"xa_a": {"state": "ongoing", "date": "2026-11-21"}, "xa_c": {"state": "ongoing"}}},
            "forms": {"xa_b": {"received": "2026-11-18", "version": 3, "fingerprint": "f"}},
        }
    )
    data.key_units(lambda ref: ref)
    return data


def test_a_file_as_it_stood_on_a_day_leaves_out_what_was_sent_after_it() -> None:
    """An official's reading: a report dated 17/11 counted a unit's figures of 20/11 as sent, undated."""
    seen = _file().sent_by(date(2026, 11, 15))
    assert {i: sorted(m.by_unit) for i, m in seen.indicators.items()} == {"1": ["xa_a", "xa_c"]}
    assert (seen.tasks, list(seen.forms)) == ({"1.1": {"xa_c": seen.tasks["1.1"]["xa_c"]}}, [])
    seen.key_units(lambda ref: ref)  # keyed again, as a plan keeps it
    assert (sorted(seen.indicators["1"].by_id), list(seen.received), list(seen.progress["1.1"])) == (
        ["xa_a", "xa_c"],
        [],
        ["xa_c"],
    )


def test_a_file_on_a_day_after_everything_in_it_is_the_file_itself() -> None:
    data = _file()
    assert data.sent_by(date(2026, 11, 21)) is data
    assert data.sent_by(date(2026, 11, 20)).tasks["1.1"].keys() == {"xa_c"}


def test_a_units_figure_is_dated_by_the_report_that_carried_it_never_by_its_progress() -> None:
    """A review: a commune's figure of 6.2, carried by a division's report of 30/10, left the view of 03/11 because
    the commune's progress of a task was dated 04/11 (7/10 communes became 6/10)."""
    data = YearData.model_validate(
        {
            "year": 2025,
            "indicators": {
                "6.2": {
                    "source": {"document": "Báo cáo số 1", "date": "2025-10-30", "unit": "phong"},
                    "by_unit": {"xa_a": {"numerator": 1, "denominator": 2}},
                },
                "6.3": {"by_unit": {"xa_b": {"value": 5}, "xa_c": {"value": 7, "source": {"date": "2025-11-20"}}}},
                "6.4": {"by_unit": {"xa_c": {"value": 9}}},  # undated: xa_c's report of 20/11 carried it
            },
            "tasks": {"1.1": {"xa_a": {"state": "ongoing", "date": "2025-11-04"}}},
        }
    )
    data.key_units(lambda ref: ref)
    seen = data.sent_by(date(2025, 11, 3))
    assert {i: sorted(m.by_unit) for i, m in seen.indicators.items()} == {"6.2": ["xa_a"], "6.3": ["xa_b"]}
    assert (seen.tasks, seen.left_out) == ({}, {"xa_c": 2, "xa_a": 1})
