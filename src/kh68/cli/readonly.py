"""The work of the read-only commands (``check``, ``export``, ``status``), without the option parser.

The typer commands (``kh68.cli.check``, ``kh68.cli.status``) parse their options and call these.
On a cache miss the launcher (``kh68.app.launch``), which has already read the command line for the
cache key, calls them itself (``run_direct``): building typer's parser is a seventh of a ``check``.
It does so only for a command line whose every value converts plainly (a format among the choices,
a year of digits, a path that is not empty); anything else goes to typer, which says what is wrong
exactly as it always does. ``tests/test_readonly.py`` runs both ways on the same command lines and
compares every byte and exit code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from kh68.app.streams import utf8_streams
from kh68.cli.outcome import (
    PLAN_ENV,
    CommandExit,
    console,
    count_problems,
    echo,
    guarded,
    new_command,
    parse_day,
    plain_year,
    plan_dir,
    print_problems,
    safe_streams,
    say_stopped,
    when,
)
from kh68.cli.problem_formats import ProblemFormat, as_json
from kh68.core.errors import ExitCode, UsageError


class ReadOnlyLine(Protocol):
    """A read-only command line as the launcher read it (``kh68.app.launch.CommandLine``)."""

    name: str
    values: dict[str, list[str]]  # each option's values, in order
    flags: set[str]
    arguments: list[str]


class StatusFormat(StrEnum):
    table = "table"
    json = "json"


CHECK_FORMAT = ProblemFormat.parsable
"""``check --format`` when not given (the typer option's default too)."""
STATUS_FORMAT = StatusFormat.table
"""``status --format`` when not given (the typer option's default too)."""


class FailOn(StrEnum):
    not_met = "not_met"
    no_data = "no_data"


NOT_CROSS_CHECKED = "; chưa kiểm tra chéo giữa các tệp (mã, năm, đơn vị tính…) vì các lỗi trên: sửa rồi chạy lại"
"""Said when a plan file's errors leave no plan to check across files: more problems may show once they are fixed."""


def run_check(directory: Path | None, plan: Path | None, fmt: ProblemFormat, strict: bool, today: str | None) -> None:
    """``kh68 check``: the problems of the plan, then one line that counts them (or describes the plan)."""
    from kh68.core.vnformat import format_number
    from kh68.lint.check import checked

    day = parse_day(today, "--today")
    root = directory or plan_dir(plan)
    found = checked(root, today=day, judge=_report_verdicts)
    loaded, problems = found.plan, found.problems
    chosen = fmt.chosen()
    errors, warnings = count_problems(problems)
    if chosen is ProblemFormat.json:
        echo(as_json(problems, root.as_posix()))
        if errors or (strict and warnings):
            raise CommandExit(ExitCode.PROBLEMS)
        return
    print_problems(problems, chosen, err=False)
    if errors or warnings or loaded is None:
        counted = f"{format_number(errors, 0)} lỗi, {format_number(warnings, 0)} cảnh báo"
        echo(f"{root.as_posix()}: {counted}{'' if found.cross_checked else NOT_CROSS_CHECKED}.")
    else:
        echo(
            f"{root.as_posix()}: không có lỗi — {len(loaded.indicators)} chỉ tiêu, {len(loaded.tasks)} nhiệm vụ, "
            f"{len(loaded.units.units)} đơn vị, số liệu {len(loaded.data)} năm."
        )
    if errors or (strict and warnings):
        raise CommandExit(ExitCode.PROBLEMS)


def _require_some_report(plan: Any, cadence: Any) -> None:
    """``status --period``: a period some duty reports on (a unit's report or the plan's), as ``form`` and ``report``
    ask; a quarter of a plan that reports yearly is refused, naming the periods it reports (it printed the year's)."""
    from kh68.domain.deadlines import periods
    from kh68.entry.forms.expected import periods_text
    from kh68.reading.enums import DutyKind

    asked = {p for d in plan.meta.duties if d.kind is not DutyKind.REQUEST for p in periods(d, cadence.year)}
    if cadence in asked or cadence in (plan.files or {}):  # a period figures were recorded for is seen too
        return
    known = sorted(asked, key=lambda p: (-p.rhythm.months, p.last_day))
    said = periods_text(known) if known else "không có (kế hoạch không ghi nhiệm vụ báo cáo nào)"
    raise UsageError(
        f"--period {cadence.key}: kế hoạch không quy định báo cáo {cadence.label}; các kỳ báo cáo năm {cadence.year} "
        f"của kế hoạch: {said}"
    )


def _report_verdicts(plan: Any, files: Any, year: int) -> Any:
    """The report's verdicts, for the rule comparing the narrative with them (imported only when it has claims)."""
    from kh68.outputs.narrative import report_verdicts

    return report_verdicts(plan, files, year)


def run_export(plan: Path | None) -> None:
    """``kh68 export``: the checked plan as JSON."""
    from kh68.lint.check import load_plan
    from kh68.outputs.export import plan_to_dict

    loaded = load_plan(plan_dir(plan))
    echo(_json(plan_to_dict(loaded)))


def run_status(
    year: int | None,
    period: str | None,
    plan: Path | None,
    unit: str | None,
    today: str | None,
    fmt: StatusFormat,
    fail_on: list[FailOn] | None,
) -> None:
    """``kh68 status``: the status view of a year or period, as a table or JSON."""
    from kh68.lint.check import load_plan
    from kh68.outputs.status_view import build_status, reminder, unwritten, view_to_dict

    loaded = load_plan(plan_dir(plan))
    day = parse_day(today, "--today")
    span = loaded.meta.period
    first = loaded.first_year()  # its baseline years too, as --year takes them
    within = min(max(day.year, first), span.end)  # a plan whose period is over: its last year, said
    if year is None and period is None and within != day.year:
        echo(
            f"kh68: cảnh báo: năm {day.year} ngoài các năm của kế hoạch ({first}–{span.end}): xem năm {within}",
            err=True,
        )
    year, cadence = when(year, period, default=within)
    loaded.require_year(year)
    if cadence is not None and not cadence.is_year:
        _require_some_report(loaded, cadence)
    unit_id = loaded.require_unit(unit) if unit is not None else None
    view = build_status(loaded, year, day, unit_id, cadence)
    for warning in view.unseen_warnings:  # on standard error: the table or the JSON stays what it is
        echo(f"kh68: cảnh báo: {warning}", err=True)
    if fmt is StatusFormat.json:
        data = view_to_dict(view)
        if unit_id is None:  # of the report the view is seen for: the year's, or the month's or quarter's
            parts, tasks = unwritten(loaded, year, cadence)
            data["report_text_missing"] = [p.value for p in parts]
            data["report_tasks_missing"] = [t.id for t in tasks]
        echo(_json(data))
    else:
        from kh68.cli.status_table import print_lines, print_status

        shown = console(soft_wrap=False)
        print_status(view, shown)
        note = reminder(loaded, year, day, cadence) if unit_id is None else ""
        if note:  # wrapped at the table's width, as every other line of the status
            shown.print()
            print_lines(shown, [note])
    failing = {f.value for f in fail_on or []}
    if any(r.status.value in failing for r in view.results):
        raise CommandExit(ExitCode.PROBLEMS)


def _json(data: object) -> str:
    import json  # only the JSON outputs need it

    return json.dumps(data, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- run from the launcher


def run_direct(line: ReadOnlyLine) -> int | None:
    """The exit code of ``line`` run without typer; ``None`` when a value is not plain (typer then runs it)."""
    call = _CALLS[line.name](line)
    if call is None:
        return None
    new_command()
    try:
        with guarded():
            utf8_streams()
            safe_streams()
            call()
    except CommandExit as exc:
        return exc.code
    except KeyboardInterrupt as exc:  # between the guard's end and here
        return say_stopped(exc)
    return ExitCode.OK


class _NotPlain(Exception):
    """A value the launcher leaves to typer's parser (which converts it, or says why it cannot)."""


def _last(line: ReadOnlyLine, option: str) -> str | None:
    values = line.values.get(option)
    return values[-1] if values else None


def _path(text: str | None) -> Path | None:
    if text is None:
        return None
    if not text:
        raise _NotPlain
    return Path(text)


def _plan(line: ReadOnlyLine) -> Path | None:
    """``--plan``, else the environment variable typer reads for it (an empty one is not set)."""
    given = _last(line, "--plan")
    return _path(given if given is not None else os.environ.get(PLAN_ENV) or None)


def _choice(kind: type[StrEnum], text: str | None, default: StrEnum) -> Any:
    """The option's choice; not given: ``default``; anything but a choice, even empty: typer's to refuse."""
    if text is None:
        return default
    if text not in kind._value2member_map_:
        raise _NotPlain
    return kind(text)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = plain_year(text)
    if year is None:
        raise _NotPlain
    return year


def _check(line: ReadOnlyLine) -> Callable[[], None]:
    directory = _path(line.arguments[0]) if line.arguments else None
    fmt = _choice(ProblemFormat, _last(line, "--format"), CHECK_FORMAT)
    plan, strict, today = _plan(line), "--strict" in line.flags, _last(line, "--today")
    return lambda: run_check(directory, plan, fmt, strict, today)


def _export(line: ReadOnlyLine) -> Callable[[], None]:
    plan = _plan(line)
    return lambda: run_export(plan)


def _status(line: ReadOnlyLine) -> Callable[[], None]:
    year, period, plan = _year(_last(line, "--year")), _last(line, "--period"), _plan(line)
    unit, today = _last(line, "--unit"), _last(line, "--today")
    fmt = _choice(StatusFormat, _last(line, "--format"), STATUS_FORMAT)
    fail_on = [_choice(FailOn, text, FailOn.not_met) for text in line.values.get("--fail-on", [])] or None
    return lambda: run_status(year, period, plan, unit, today, fmt, fail_on)


def _plainly(
    build: Callable[[ReadOnlyLine], Callable[[], None]],
) -> Callable[[ReadOnlyLine], Callable[[], None] | None]:
    def call(line: ReadOnlyLine) -> Callable[[], None] | None:
        try:
            return build(line)
        except _NotPlain:
            return None

    return call


_CALLS = {"check": _plainly(_check), "export": _plainly(_export), "status": _plainly(_status)}
"""The read-only commands the launcher runs itself: the same as ``kh68.app.launch``'s table (a test checks)."""
