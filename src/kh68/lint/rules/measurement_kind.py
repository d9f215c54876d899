"""measurement-kind: a measurement has the form its indicator takes (number, state, units met)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.enums import Basis


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        for ind_id, m in file.data.indicators.items():
            indicator = ctx.plan.indicator(ind_id)
            if indicator is None:
                continue
            loc = ("indicators", ind_id)
            if m.value is not None and not indicator.takes_value:
                yield Finding(file.doc, (*loc, "value"), f"chỉ tiêu {ind_id} ghi trạng thái (state), không ghi số")
            if m.state is not None and not indicator.takes_state:
                yield Finding(file.doc, (*loc, "state"), f"chỉ tiêu {ind_id} ghi số (value), không ghi trạng thái")
            if indicator.basis is Basis.SHARE_OF_UNITS:
                continue
            for ref, entry in m.by_unit.items():
                if entry.met is not None:
                    message = f"chỉ tiêu {ind_id} không tính theo tỷ lệ đơn vị đạt chuẩn"
                    yield Finding(file.doc, (*loc, "by_unit", ref, "met"), message)


RULE = Rule(
    "measurement-kind",
    Severity.ERROR,
    "số liệu ghi đúng dạng của chỉ tiêu: số (value), trạng thái (state), hoặc đạt chuẩn (met) theo đơn vị",
    "chỉ tiêu 1.1 ghi trạng thái (state), không ghi số",
    check,
)
