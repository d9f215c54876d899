"""The province value of a measurement from its per-unit breakdown, and why a breakdown cannot give one.

Each unit's entry has one form (``UnitForm``): a figure (``value``), a fraction
(``numerator``/``denominator``) or met/not met (``met``). The units of one
measurement combine only when all have the same form and the form suits the
indicator: figures of a count or an amount are summed, fractions give the total
numerator over the total denominator, met entries the share of units met. A
rate's figures are never averaged: that reading is refused (rule
``by-unit-combine``), not guessed.
"""

from __future__ import annotations

from kh68.reading.enums import Basis, UnitForm
from kh68.reading.models import Indicator, Measurement, UnitValue


def form_of(entry: UnitValue) -> UnitForm:
    """The form a unit's entry is written in (the model allows exactly one)."""
    if entry.value is not None:
        return UnitForm.VALUE
    if entry.met is not None:
        return UnitForm.MET
    return UnitForm.FRACTION


def forms_written(m: Measurement) -> set[UnitForm]:
    """The forms the units' entries of ``m`` are written in: ``form_of`` of each, without a call for each."""
    entries = m.by_unit.values()
    forms = set()
    if any(e.value is not None for e in entries):
        forms.add(UnitForm.VALUE)
    if any(e.value is None and e.met is not None for e in entries):
        forms.add(UnitForm.MET)
    if any(e.value is None and e.met is None for e in entries):
        forms.add(UnitForm.FRACTION)
    return forms


def why_not_combined(m: Measurement, indicator: Indicator) -> str | None:
    """Why the units' entries of ``m`` give no value for ``indicator``, or ``None`` when they do (or are none)."""
    forms = forms_written(m)
    if len(forms) > 1:
        written = ", ".join(sorted(f.value for f in forms))
        return f"các đơn vị ghi số liệu theo nhiều dạng ({written}); ghi cùng một dạng để gộp được"
    if forms == {UnitForm.VALUE} and not indicator.measure.adds_up:
        return (
            f"giá trị (value) của từng đơn vị tính bằng '{indicator.unit}' không cộng được "
            "(lấy trung bình các tỷ lệ thì sai): ghi tử số và mẫu số (numerator, denominator) của từng đơn vị"
        )
    return None  # met entries of an indicator not counted in units met: measurement-kind says so


def computed_value(m: Measurement, indicator: Indicator) -> float | None:
    """The province value from a per-unit breakdown: a sum, a ratio of sums, or a share of units met."""
    entries = list(m.by_unit.values())
    if not entries or why_not_combined(m, indicator) is not None:
        return None
    form = form_of(entries[0])
    scale = 100.0 if indicator.measure.is_percent else 1.0
    if form is UnitForm.VALUE:
        return sum(e.value for e in entries if e.value is not None)
    if form is UnitForm.FRACTION:
        # The model guarantees numerator and denominator come together, the denominator positive.
        numerators = sum(e.numerator or 0 for e in entries)
        denominators = sum(e.denominator or 0 for e in entries)
        return scale * numerators / denominators
    if indicator.basis is not Basis.SHARE_OF_UNITS:
        return None
    return scale * sum(1 for e in entries if e.met) / len(entries)


def unit_value(entry: UnitValue, indicator: Indicator) -> float | None:
    """One unit's own figure from its entry: its value, its fraction as a rate, or met as 100% (not met 0%)."""
    scale = 100.0 if indicator.measure.is_percent else 1.0
    form = form_of(entry)
    if form is UnitForm.VALUE:
        return entry.value
    if form is UnitForm.FRACTION:
        return scale * (entry.numerator or 0) / (entry.denominator or 1)
    return scale if entry.met else 0.0
