"""deadline-missing: a duty that reports each period (``period``) has a deadline, or is told it has none.

A plan may state how often a duty reports without a day ("định kỳ hằng quý"). kh68
then lists the report of each period with no deadline ("kế hoạch không ghi hạn"):
it never invents one, so nothing of that duty is late or overdue. Decree 09/2019/NĐ-CP
leaves the deadline to the regime that sets the report; kh68 applies no default.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.kinds.periods import accepted_forms
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.enums import DutyKind
from kh68.vocab import RHYTHM_WORDS


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for i, duty in enumerate(ctx.plan.meta.duties):
        if duty.deadline is None and duty.period is not None and duty.kind is not DutyKind.REQUEST:
            yield Finding(ctx.doc("plan"), ("duties", i, "period"), _message(duty.id, RHYTHM_WORDS[duty.period]))


def _message(duty_id: str, rhythm: str) -> str:
    return (
        f"nhiệm vụ {duty_id} ({rhythm}) không có hạn (deadline): kh68 liệt kê từng kỳ, không tự "
        f"đặt ngày, không tính đúng hạn, quá hạn; nếu văn bản ghi hạn, chép nguyên văn, các dạng đọc được: "
        f"{accepted_forms()}"
    )


RULE = Rule(
    "deadline-missing",
    Severity.WARNING,
    "nhiệm vụ có kỳ báo cáo (period) có hạn báo cáo (deadline); không có thì kh68 không tự đặt ngày",
    _message("bao_cao_quy", "hằng quý"),
    check,
    adjustable=True,
)
