"""target-unit: a unit written in a target is the indicator's unit of measure (``500 ha`` of an indicator in ha)."""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.core.vnformat import format_number
from kh68.kinds.measure import fold_unit
from kh68.kinds.phrases import as_written
from kh68.kinds.targets import accepted_forms
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for ind, _year, target, doc, where in ctx.targets():
        written = target.meaning.unit
        if written is not None and not ind.measure.accepts(written, ind.name):
            key = next(iter(type(target.meaning).fields), "at_least")  # the kind's own structured key: "trên" stays >
            said = _message(target.shown, as_written(target.shown, written), ind.unit, ind.id, key)
            yield Finding(doc, where, said)


def _message(text: str, written: str, unit: str, indicator_id: str, key: str = "at_least") -> str:
    if written.replace(" ", "").startswith("%/") and unit.strip() == "%":  # "9,5-10%/năm": a rate each year
        return (
            f"chỉ tiêu {excerpt(text)} ghi {excerpt(written)}, mức của mỗi năm, mà chỉ tiêu {indicator_id} tính bằng %: "
            f"nếu là tốc độ mỗi năm (tăng trưởng bình quân), ghi unit của chỉ tiêu là '{written.strip()}'; nếu là mức "
            "tăng, giảm mỗi năm của tỷ lệ, viết 'tăng bình quân …%/năm'"
        )
    if written.startswith("%") and unit.strip() == "%":  # "5% hoặc thấp hơn": words no rate is of
        return (
            f"chỉ tiêu {excerpt(text)}: sau dấu % là {excerpt(written[1:].strip())}, không phải cái mà tên chỉ tiêu "
            f"{indicator_id} nói là tỷ lệ của nó; các dạng đọc được: {accepted_forms()}"
        )
    said = (
        f"chỉ tiêu {excerpt(text)} ghi đơn vị {excerpt(written)}, khác đơn vị tính {excerpt(unit)} của chỉ tiêu "
        f"{indicator_id}"
    )
    factor = _scale(written, unit)
    if factor is not None:  # "28 nghìn tỷ đồng" of an indicator in tỷ đồng: the same unit, counted in thousands
        shown = format_number(factor, 0)
        said += (
            f": 1 {written.strip()} là {shown} {unit.strip()}; kh68 không tự đổi: ghi dạng cấu trúc giữ lời văn, số "
            f"theo đơn vị tính của chỉ tiêu (nhân {shown}), ví dụ {{text: '…', {key}: …}}"
        )
    return said


_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9}


def _scale(written: str, unit: str) -> float | None:
    """How many of ``unit`` one ``written`` is when they differ only by a word of scale ("nghìn tỷ đồng" of "tỷ
    đồng": 1.000; "tỷ USD" of "triệu USD": 1.000); ``None`` otherwise."""

    def split(words: str) -> tuple[float, str]:
        parts = fold_unit(words).split()
        size = 1.0
        while parts and parts[0] in _SCALES:
            size *= _SCALES[parts.pop(0)]
        return size, " ".join(parts)

    (a, rest_a), (b, rest_b) = split(written), split(unit)
    return a / b if rest_a and rest_a == rest_b and a != b and a > b else None


RULE = Rule(
    "target-unit",
    Severity.ERROR,
    "đơn vị ghi sau số trong chỉ tiêu là đơn vị tính của chỉ tiêu",
    "chỉ tiêu '500 ha' ghi đơn vị 'ha', khác đơn vị tính 'tỷ đồng' của chỉ tiêu 1.2",
    check,
    adjustable=True,
)
