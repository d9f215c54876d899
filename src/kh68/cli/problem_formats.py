"""How ``kh68 check`` prints problems: one renderer per format, registered in ``FORMATS``.

``parsable`` (``tệp:dòng:cột: lỗi: … [rule]``, what editors and grep read), ``github``
(GitHub Actions workflow commands: annotations on the offending lines), ``json``
(for other programs: every problem, with a count). ``auto`` is ``github`` inside
GitHub Actions, ``parsable`` elsewhere, as yamllint does. Problems are values
(``kh68.core.errors.Problem``); only these renderers give them a shape.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from enum import StrEnum

from kh68.core.errors import Problem, Severity


class ProblemFormat(StrEnum):
    parsable = "parsable"
    github = "github"
    json = "json"
    auto = "auto"

    def chosen(self) -> ProblemFormat:
        """``auto`` as the environment decides: GitHub Actions sets ``GITHUB_ACTIONS=true``."""
        if self is not ProblemFormat.auto:
            return self
        return ProblemFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else ProblemFormat.parsable


def github(problem: Problem) -> str:
    """A GitHub Actions workflow command (an annotation on the offending line)."""
    level = "error" if problem.severity is Severity.ERROR else "warning"
    title = f",title={_escape(problem.rule, True)}" if problem.rule else ""
    where = f"file={_escape(problem.path, True)},line={problem.line},col={problem.column}"
    return f"::{level} {where}{title}::{_escape(problem.message)}"


def _escape(text: str, is_property: bool = False) -> str:
    """Escaping of workflow commands: %, CR, LF everywhere; ':' and ',' in properties."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


def as_json(problems: Sequence[Problem], root: str) -> str:
    """Every problem as JSON (valid JSON whatever the plan's text holds), with the counts."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    data = {
        "plan": root,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [
            {
                "file": p.path,
                "line": p.line,
                "column": p.column,
                "severity": p.severity.value,
                "rule": p.rule or None,
                "message": p.message,
            }
            for p in problems
        ],
    }
    import json  # only this format needs it

    return json.dumps(data, ensure_ascii=False, indent=2)


LINE_FORMATS: dict[ProblemFormat, Callable[[Problem], str]] = {
    ProblemFormat.parsable: Problem.parsable,
    ProblemFormat.github: github,
}
"""The formats that print one line per problem (a long list of one kind is summarised)."""
