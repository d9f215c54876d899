"""report-not-owed: a unit a reporting duty names that owes no report is told so, never dropped in silence.

An organisation outside the authority of the body that issues the plan (``kind:
organisation``: a mass organisation, an association, a business) is asked, not
assigned: kh68 neither waits for its report nor reminds it, whether the duty names
it or a group it belongs to. A plan that asks it for a report says so with a duty of
``kind: request``; one that assigns it a report gives the unit another kind.
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.enums import DutyKind, UnitKind
from kh68.reading.plan import Plan
from kh68.vocab import unit_kind_label


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.whole_plan:
        return
    plan = ctx.plan
    for i, duty in enumerate(plan.meta.duties):
        if duty.kind is DutyKind.REQUEST:
            continue
        for j, ref in enumerate(duty.from_units):
            uid = plan.units.resolve(ref)  # unknown: unit-unknown's
            asked = [m for m in plan.units.expand(uid) if _asked(plan, m)] if uid else []
            if asked:
                yield Finding(ctx.doc("plan"), ("duties", i, "from_units", j), _message(plan, duty.id, uid, asked))


def _asked(plan: Plan, unit_id: str) -> bool:
    return plan.units.units[unit_id].kind is UnitKind.ORGANISATION


def _message(plan: Plan, duty_id: str, ref: str | None, asked: list[str]) -> str:
    kind = unit_kind_label(plan, UnitKind.ORGANISATION)
    named = ", ".join(asked)
    who = f"{named} là {kind}" if asked == [ref] else f"trong {ref} có {named} là {kind}"
    return (
        f"{who}: được đề nghị, không phải gửi báo cáo của nhiệm vụ {duty_id} (kh68 không chờ, không nhắc); "
        "nếu kế hoạch giao đơn vị báo cáo, sửa kind của đơn vị trong units.yaml; nếu chỉ đề nghị, "
        "ghi một nhiệm vụ kind: request"
    )


RULE = Rule(
    "report-not-owed",
    Severity.WARNING,
    "đơn vị mà nhiệm vụ báo cáo nêu tên (from_units) nhưng không phải gửi báo cáo (tổ chức ngoài quyền quản lý) "
    "được nói ra, không bị bỏ qua trong im lặng",
    (
        "tinh_doan là tổ chức ngoài quyền quản lý của cơ quan ban hành: được đề nghị, không phải gửi báo cáo của "
        "nhiệm vụ unit_report (kh68 không chờ, không nhắc); nếu kế hoạch giao đơn vị báo cáo, sửa kind của đơn vị "
        "trong units.yaml; nếu chỉ đề nghị, ghi một nhiệm vụ kind: request"
    ),
    check,
    adjustable=True,
)
