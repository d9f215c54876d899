"""target-direction: the targets' words and the indicator's ``direction`` agree on which way is better.

"Không quá 5" and "giảm 10%" say lower is better; "ít nhất 30%" and "tăng" say higher.
An indicator without ``direction`` takes the one its targets say.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68 import vocab
from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.kinds.verdict import Direction
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for ind, _, target, doc, where in ctx.targets():
        said, better = target.meaning.implied_direction, ind.better
        if target.meaning.ambiguity(ind.measure) is not None:
            continue  # words that read two ways: target-readings says so, naming both
        if target.meaning.always_met(ind.measure, better):
            yield Finding(doc, where, _always_met(target.shown, better))
            continue
        if said is not None and said is not better:
            why = (
                "chiều tốt ghi ở direction"
                if ind.direction is not None
                else "một thứ hạng"
                if ind.measure.is_rank
                else "chỉ tiêu năm trước"
            )
            yield Finding(
                doc,
                where,
                f"chỉ tiêu {excerpt(target.shown)} nói {vocab.DIRECTION_LABELS[said]}, trái với {why} "
                f"({vocab.DIRECTION_LABELS[better]})",
            )


def _always_met(shown: str, better: Direction) -> str:
    """ "0 vụ" of an indicator the higher the better: "≥ 0", met by any count."""
    limit = "không quá" if better is Direction.HIGHER else "ít nhất"
    return (
        f"chỉ tiêu {excerpt(shown)} của một chỉ tiêu {vocab.DIRECTION_LABELS[better]} thì giá trị nào cũng đạt; "
        f"nếu văn bản đặt mức {limit} {excerpt(shown)}, ghi direction: {better.opposite.value} cho chỉ tiêu, hoặc "
        f"viết '{limit} …' trong chỉ tiêu"
    )


RULE = Rule(
    "target-direction",
    Severity.ERROR,
    "lời chỉ tiêu (không quá, giảm / ít nhất, tăng) cùng chiều tốt với chỉ tiêu (direction)",
    "chỉ tiêu 'không quá 5' nói càng thấp càng tốt, trái với chiều tốt ghi ở direction (càng cao càng tốt)",
    check,
    adjustable=True,
)
