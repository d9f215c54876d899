"""Every kind of target, timing and reporting period is a frozen dataclass whose every field is one."""

from __future__ import annotations

import dataclasses

import pytest

from kh68.kinds.periods import KINDS as PERIODS
from kh68.kinds.targets import KINDS as TARGETS
from kh68.kinds.timings import KINDS as TIMINGS

ALL = [*TARGETS, *TIMINGS, *PERIODS]


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.__name__)
def test_every_annotated_attribute_of_a_kind_is_a_field(kind: type) -> None:
    """A kind not decorated itself (it adds no field) inherits its base's methods: an attribute it annotates
    without ``@dataclass`` would be silently no field at all."""
    annotated = {
        name
        for cls in kind.__mro__
        for name, hint in vars(cls).get("__annotations__", {}).items()
        if "ClassVar" not in str(hint)
    }
    assert annotated == {f.name for f in dataclasses.fields(kind)}
    assert kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
