"""The rules a loaded plan is checked against, one module each (as yamllint's rules are).

``run(ctx)`` applies every rule of ``RULES`` and yields ``Problem`` values, each
carrying its rule's id (printed as ``[unit-unknown]``) and severity. The rules
applied while a file is read (YAML syntax, encoding, schema) are declared in
``kh68.reading.ruledoc``; ``ALL_RULES`` lists both, in the README's order.

How to add a rule
-----------------
1. Write ``src/kh68/lint/rules/<name>.py`` (``name`` is the id with ``_``):
   a function ``check(ctx: Context) -> Iterator[Finding]`` and, at the end,
   ``RULE = Rule(id, Severity.ERROR | Severity.WARNING, summary, example, check)``.
   The id is stable, lower-case, dashed, thing first: ``unit-unknown``,
   ``deadline-impossible``; ``summary`` and ``example`` are Vietnamese and go
   into the README list.
2. ``ctx.plan`` is the loaded ``Plan`` (its ``documents`` give positions);
   ``ctx.data_files`` the data files being checked (``path``, ``doc``, ``data``);
   ``ctx.documents`` every document in scope. When ``ctx.whole_plan`` is false
   (one data file checked alone before ``kh68 record`` writes it) a rule looks
   at ``ctx.data_files`` only: start a plan-file rule with
   ``if not ctx.whole_plan: return``.
3. Yield ``Finding(doc, loc, message)``: ``loc`` is the key path in the file
   (``("indicators", 3, "targets", "2025")``), ``key=True`` to point at the key
   rather than its value. The runner turns it into a positioned ``Problem``.
   Never recurse over plan data (a hostile file nests deeply): keep a stack.
4. Register the module: import it below and add its ``RULE`` to ``RULES``.
5. Add ``tests/rules/test_<name>.py``: a plan that breaks the rule gives the
   exact ``kh68 check`` line (file:line:column, message, ``[id]``) and exit code;
   one that keeps it gives none. Add the rule to the README table
   (``tests/rules/test_catalogue.py`` fails until both exist).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kh68.core.errors import Problem
from kh68.lint.rules import (
    break_outside_period,
    by_unit_combine,
    completion_near_miss,
    computed_mismatch,
    coverage_empty_group,
    coverage_provisional,
    cumulative_falls,
    data_as_of_outside_year,
    deadline_impossible,
    deadline_missing,
    expected_denominator_below,
    figures_same_day,
    id_duplicate,
    indicator_unknown,
    measurement_kind,
    percent_range,
    placeholder_unfilled,
    progress_date_outside,
    purpose_unsaid,
    report_group_unknown,
    report_not_owed,
    report_sent_unknown,
    report_text_missing,
    report_verdict_contradicts,
    reporter_not_applicable,
    source_date_outside,
    successor_cycle,
    successor_unknown,
    target_direction,
    target_readings,
    target_unit,
    target_year,
    task_target_year,
    task_unknown,
    text_control_chars,
    timing_outside_period,
    unit_duplicate,
    unit_end_before_start,
    unit_group_cycle,
    unit_group_depth,
    unit_inactive,
    unit_name_clash,
    unit_unknown,
    value_negative,
    year_duplicate,
    year_file_mismatch,
    year_out_of_period,
)
from kh68.lint.rules.base import Context, Finding, Rule
from kh68.reading.load import DataFile
from kh68.reading.ruledoc import READ_RULES, RuleDoc

RULES: tuple[Rule, ...] = (
    id_duplicate.RULE,
    unit_unknown.RULE,
    unit_name_clash.RULE,
    unit_end_before_start.RULE,
    unit_group_cycle.RULE,
    unit_group_depth.RULE,
    successor_unknown.RULE,
    successor_cycle.RULE,
    unit_inactive.RULE,
    reporter_not_applicable.RULE,
    report_not_owed.RULE,
    coverage_empty_group.RULE,
    coverage_provisional.RULE,
    break_outside_period.RULE,
    deadline_impossible.RULE,
    deadline_missing.RULE,
    purpose_unsaid.RULE,
    year_out_of_period.RULE,
    year_file_mismatch.RULE,
    year_duplicate.RULE,
    data_as_of_outside_year.RULE,
    progress_date_outside.RULE,
    source_date_outside.RULE,
    timing_outside_period.RULE,
    percent_range.RULE,
    value_negative.RULE,
    target_unit.RULE,
    target_direction.RULE,
    target_readings.RULE,
    target_year.RULE,
    task_target_year.RULE,
    completion_near_miss.RULE,
    indicator_unknown.RULE,
    task_unknown.RULE,
    unit_duplicate.RULE,
    report_group_unknown.RULE,
    report_sent_unknown.RULE,
    measurement_kind.RULE,
    by_unit_combine.RULE,
    computed_mismatch.RULE,
    cumulative_falls.RULE,
    expected_denominator_below.RULE,
    figures_same_day.RULE,
    text_control_chars.RULE,
    placeholder_unfilled.RULE,
    report_text_missing.RULE,
    report_verdict_contradicts.RULE,
)

ALL_RULES: tuple[RuleDoc, ...] = READ_RULES + RULES
RULES_BY_ID: dict[str, RuleDoc] = {rule.id: rule for rule in ALL_RULES}


def run(ctx: Context, rules: Iterable[Rule] = RULES) -> Iterator[Problem]:
    """Every problem ``rules`` find in ``ctx``, positioned and labelled with its rule id."""
    for rule in rules:
        for found in rule.check(ctx):
            line, column = found.doc.position(found.loc, key=found.key)
            yield Problem(str(found.doc.path), line, column, rule.severity, found.message, rule.id)


__all__ = ["ALL_RULES", "RULES", "RULES_BY_ID", "Context", "DataFile", "Finding", "Rule", "run"]
