"""purpose-unsaid: a report on the plan whose words say what its recipient does with it gives that ``purpose``.

"… báo cáo về Cục Cảnh sát … để tổng hợp, báo cáo Chính phủ, Thủ tướng Chính phủ": without
``purpose`` the report's closing asks the recipient to "xem xét, chỉ đạo", which a body that only
compiles the reports (a ministry's department, a fellow Sở) does not do for the sender.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.safetext import excerpt
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.enums import DutyKind

_PURPOSE = re.compile(r"\bđể\s+(?:tổng hợp|theo dõi|báo cáo|phối hợp|biết|kiểm tra|giám sát)[^.;]*", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    for i, duty in enumerate(ctx.plan.meta.duties):
        if duty.kind is not DutyKind.PLAN_REPORT or duty.purpose is not None:
            continue
        found = _PURPOSE.search(" ".join(duty.what.split()))
        if found is not None:
            yield Finding(ctx.doc("plan"), ("duties", i, "what"), _message(duty.id, found[0].strip(" ,")))


def _message(duty_id: str, words: str) -> str:
    return (
        f"nhiệm vụ {duty_id} ghi nơi nhận làm gì với báo cáo ({excerpt(words, 120)}) mà không ghi purpose: câu "
        f"kết của báo cáo sẽ viết 'xem xét, chỉ đạo'; ghi purpose: {excerpt(words, 120)}"
    )


RULE = Rule(
    "purpose-unsaid",
    Severity.WARNING,
    "báo cáo kế hoạch mà lời văn nói nơi nhận làm gì với báo cáo ('để tổng hợp, báo cáo Chính phủ') ghi purpose",
    _message("bao_cao_de_an_06", "để tổng hợp, báo cáo Chính phủ, Thủ tướng Chính phủ"),
    check,
    adjustable=True,
)
