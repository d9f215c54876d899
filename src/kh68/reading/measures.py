"""The province value of a measurement from its per-unit breakdown."""

from __future__ import annotations

from kh68.reading.models import Indicator, Measurement


def computed_value(m: Measurement, indicator: Indicator) -> float | None:
    """The province value from a per-unit breakdown: sums, never a mean of rates."""
    entries = list(m.by_unit.values())
    if not entries:
        return None
    scale = 100.0 if indicator.unit == "%" else 1.0
    # The model guarantees numerator and denominator come together, the denominator positive.
    fractions = [(e.numerator, e.denominator) for e in entries if e.numerator is not None and e.denominator is not None]
    if len(fractions) == len(entries):
        return scale * sum(n for n, _ in fractions) / sum(d for _, d in fractions)
    if all(e.met is not None for e in entries):
        return scale * sum(1 for e in entries if e.met) / len(entries)
    return None
