"""How a plan sets kh68 check's rules: ``plan.yaml`` › ``rules`` and ``# kh68: disable-line`` comments.

As yamllint's configuration and inline disabling, and sqlfluff's ``noqa``:

* ``rules: {coverage-provisional: error, file-stray: off}`` turns a rule off or
  changes its level for the whole plan;
* ``# kh68: disable-line rule-id[, rule-id]`` at the end of a line silences those
  rules on that line, ``# kh68: disable-next-line rule-id`` on the next one.

Only an adjustable rule may be set (``RuleDoc.adjustable``): a rule whose finding
leaves the plan unreadable or ambiguous stays as it is. A rule id that is no rule,
or a fixed one, is itself an error (``rule-config``), at its key or comment.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from kh68.core.errors import Problem, Severity, error
from kh68.core.safetext import excerpt
from kh68.reading.models import RuleLevel
from kh68.reading.ruledoc import RULE_CONFIG, RuleDoc
from kh68.reading.source import Document

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*kh68:\s*(?P<what>disable-line|disable-next-line)\s+(?P<ids>[a-z0-9, -]+?)\s*$")


def can_stop(rule: RuleDoc, levels: Mapping[str, RuleLevel]) -> bool:
    """Whether what ``rule`` finds is an error, as the plan sets its rules (``levels``)."""
    level = levels.get(rule.id) if rule.adjustable else None
    return rule.severity is Severity.ERROR if level is None else level is RuleLevel.ERROR


def configured(
    problems: Iterable[Problem],
    levels: Mapping[str, RuleLevel],
    documents: Iterable[Document],
    rules: Mapping[str, RuleDoc],
    plan_doc: Document | None,
) -> list[Problem]:
    """``problems`` as the plan sets its rules: off ones dropped, levels changed, silenced lines left out;
    with a ``rule-config`` error for each setting kh68 cannot honour."""
    found = list(_level_errors(levels, rules, plan_doc))
    silenced: dict[str, dict[int, set[str]]] = {}
    for doc in documents:
        lines, errors = _directives(doc, rules)
        found += errors
        if lines:
            silenced[str(doc.path)] = lines
    for problem in problems:
        rule = rules.get(problem.rule)
        if rule is None or not rule.adjustable:
            found.append(problem)
            continue
        if problem.rule in silenced.get(problem.path, {}).get(problem.line, ()):
            continue
        level = levels.get(problem.rule)
        if level is RuleLevel.OFF:
            continue
        if level is not None:
            problem = replace(problem, severity=Severity.ERROR if level is RuleLevel.ERROR else Severity.WARNING)
        found.append(problem)
    return found


def _level_errors(
    levels: Mapping[str, RuleLevel], rules: Mapping[str, RuleDoc], plan_doc: Document | None
) -> Iterable[Problem]:
    for rule_id in levels:
        message = _refusal(rule_id, rules)
        if message is not None and plan_doc is not None:
            line, column = plan_doc.position(("rules", rule_id), key=True)
            yield error(plan_doc.path, line, column, message, RULE_CONFIG.id)


def _refusal(rule_id: str, rules: Mapping[str, RuleDoc]) -> str | None:
    """Why ``rule_id`` cannot be set, or ``None``."""
    rule = rules.get(rule_id)
    if rule is None:
        close = difflib.get_close_matches(rule_id, list(rules), n=1) if len(rule_id) < 100 else []
        hint = f" (có phải ý bạn là '{close[0]}'?)" if close else ""
        return f"không có quy tắc {excerpt(rule_id)}{hint}"
    if not rule.adjustable:
        return (
            f"quy tắc {rule_id} không tắt hay đổi mức được: lỗi này làm kế hoạch không đọc được hay đọc được hai cách"
        )
    return None


def _directives(doc: Document, rules: Mapping[str, RuleDoc]) -> tuple[dict[int, set[str]], list[Problem]]:
    """The lines of ``doc`` each ``# kh68: disable-…`` comment silences, and the errors in those comments."""
    silenced: dict[int, set[str]] = {}
    errors: list[Problem] = []
    if b"kh68:" not in doc.utf8:
        return silenced, errors
    for number, line in enumerate(doc.text.splitlines(), 1):
        if "kh68:" not in line or (match := _DIRECTIVE.search(line)) is None:
            continue
        target = number + 1 if match["what"] == "disable-next-line" else number
        for rule_id in (part.strip() for part in match["ids"].split(",") if part.strip()):
            message = _refusal(rule_id, rules)
            if message is None:
                silenced.setdefault(target, set()).add(rule_id)
            else:
                errors.append(error(doc.path, number, match.start("ids") + 1, message, RULE_CONFIG.id))
    return silenced, errors
