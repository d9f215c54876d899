"""``kh68 record`` and ``kh68 progress``: one edit each, through ``apply_edits``.

Everything that makes a write safe (lock, exact text, alias-aware unit keys,
validation as ``kh68 check`` does, atomic write, untouched lines kept byte
for byte) lives in ``kh68.entry.edits`` and is shared with batch writers.
"""

from __future__ import annotations

from pathlib import Path

from kh68.core.errors import InputError, PlanInvalid
from kh68.entry.edits import Edit, FileOutcome, apply_edits, data_path
from kh68.kinds.periods import Period
from kh68.lint.check import check_plan
from kh68.reading.plan import Plan

Outcome = FileOutcome


def plan_for_edit(root: Path, period: Period) -> Plan:
    """The plan to edit ``period``'s data against (a year, or a month, quarter …), loaded without that file.

    That file is read again under its lock by ``apply_edits`` and checked whole,
    with the edit, before anything is written; so it is not parsed twice, and
    ``record --force`` can repair a wrong value already in it. An error in any
    other file is refused here.
    """
    path = data_path(root, period)
    stub = f"year: {period.year}\n" if period.is_year else f"period: {period.key}\n"
    overrides = {path: stub} if path.exists() or path.is_symlink() else None
    plan, problems = check_plan(root, overrides=overrides, errors_only=True)  # only an error refuses the edit
    if plan is None:
        raise PlanInvalid(problems)
    return plan


def apply_one(plan: Plan, edit: Edit, *, force: bool = False) -> Outcome:
    """Apply one edit; a conflict is an ``InputError`` saying to use ``--force``."""
    result = apply_edits(plan, [edit], force=force)
    if result.conflicts:
        raise InputError(result.conflicts[0].message)
    return result.files[0]
