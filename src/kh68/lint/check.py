"""``kh68 check``: load, then the domain, then the rules.

``check_plan`` returns every problem found (errors and warnings): those of reading
(``kh68.reading.load``) and those of every rule (``kh68.lint.rules``), as the plan
sets its rules (``kh68.lint.config``); ``load_plan`` returns the plan or raises
``PlanInvalid``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kh68.core.errors import PROBLEM_ORDER, PlanInvalid, Problem, Severity
from kh68.lint.config import can_stop, configured
from kh68.lint.rules import RULES, RULES_BY_ID, Context, run
from kh68.reading.load import Loaded, gc_paused, read_data_file, read_plan
from kh68.reading.plan import Plan
from kh68.reading.source import Document

if TYPE_CHECKING:
    from kh68.reading.narrative import Judge


def check_plan(
    root: Path,
    overrides: dict[Path, str] | None = None,
    today: date | None = None,
    judge: Judge | None = None,
    *,
    errors_only: bool = False,
) -> tuple[Plan | None, list[Problem]]:
    """Load ``root``; return the plan (``None`` when it has errors) and all problems.

    ``overrides`` maps file paths to text to check instead of what is on disk
    (how ``kh68 record`` validates an edit before writing it); ``today``: the day
    rules that depend on it (a report text due by then) judge against; ``judge``: the
    report's verdicts, for the rule that compares the narrative with them;
    ``errors_only``: a rule that can only warn, as the plan sets its rules, is run only
    when the plan has errors (for a caller that needs only to know whether it has any:
    a plan without errors is returned without those warnings).
    """
    found = checked(root, overrides, today, judge, errors_only=errors_only)
    return found.plan, found.problems


@dataclass(frozen=True)
class Checked:
    """What ``check_plan`` found, and whether the rules across files ran (not when a plan file has errors)."""

    plan: Plan | None
    problems: list[Problem]
    cross_checked: bool


def checked(
    root: Path,
    overrides: dict[Path, str] | None = None,
    today: date | None = None,
    judge: Judge | None = None,
    *,
    errors_only: bool = False,
) -> Checked:
    """``check_plan``, saying also whether the rules across files ran."""
    with gc_paused():
        loaded = read_plan(root, overrides)
        plan = _linted(loaded, today, judge, errors_only)
    # Without duplicates, in the order found (nearly the listed order, which a sort then finds fast).
    problems = sorted(dict.fromkeys(loaded.problems), key=PROBLEM_ORDER)
    cross_checked = loaded.plan is not None
    if any(p.severity is Severity.ERROR for p in problems):
        return Checked(None, problems, cross_checked)
    return Checked(plan, problems, cross_checked)


def _linted(loaded: Loaded, today: date | None, judge: Judge | None, errors_only: bool) -> Plan | None:
    """Run the rules over a loaded plan, as the plan sets them, and attach the data files without errors."""
    plan = loaded.plan
    levels = loaded.meta.rules if loaded.meta is not None else {}
    if plan is not None:
        context = Context(plan, loaded.files, today=today, judge=judge)
        later = [rule for rule in RULES if errors_only and not can_stop(rule, levels)]  # rules that can only warn
        loaded.problems += run(context, [rule for rule in RULES if rule not in later])
        if later and any(p.severity is Severity.ERROR for p in loaded.problems):
            loaded.problems += run(context, later)  # refused: the refusal lists every problem, as check does
    docs = loaded.documents
    loaded.problems = configured(loaded.problems, levels, docs.values(), RULES_BY_ID, docs.get("plan"))
    if plan is None:
        return None
    # A data file with errors is left out (so a second file for a year never replaces the first).
    rejected = {p.path for p in loaded.problems if p.severity is Severity.ERROR}
    plan.keep({file.data.cadence: file.data for file in loaded.files if str(file.doc.path) not in rejected})
    return plan


def check_data_text(plan: Plan, path: Path, text: str) -> list[Problem]:
    """Problems of one data file's new ``text`` against the loaded ``plan``.

    How an edit is checked before it is written: the plan files are not read again.
    """
    return check_data_file(plan, path, text)[0]


def check_data_file(plan: Plan, path: Path, text: str) -> tuple[list[Problem], Document | None]:
    """``check_data_text``, and the parsed document (to read the edited values back)."""
    with gc_paused():  # as in check_plan: collections over the loaded plan would cost more than the parse
        problems, doc, file = read_data_file(plan, path, text)
        if file is not None:
            problems += run(Context(plan, (file,), whole_plan=False))
    # As the plan sets its rules (a rule it turned off refuses no edit); its settings' own errors are check's to say.
    return configured(problems, plan.meta.rules, [doc] if doc else [], RULES_BY_ID, None), doc


def load_plan(root: Path) -> Plan:
    """The validated plan; ``PlanInvalid`` (with the problems) if it has errors.

    Only errors stop it, so the rules that can only warn run only to list them with the errors.
    """
    plan, problems = check_plan(root, errors_only=True)
    if plan is None:
        raise PlanInvalid(problems)
    return plan
