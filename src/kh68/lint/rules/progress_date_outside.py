"""progress-date-outside: a unit's progress is not dated before the period it reports.

A progress entry's ``date`` (the day the unit reported) before the period its file
reports (``data/2025.yaml`` and a date of 2020) is a typo of the day or the year:
``kh68 import`` refuses a form sent before its reporting year, and this rule says the
same of a date written by hand or by ``kh68 progress``. A date after the day the plan
is seen on is not an error here: ``status --today`` and ``report --date`` take it as
not yet sent (``kh68 progress`` refuses a date still to come).
"""

from __future__ import annotations

from collections.abc import Iterator

from kh68.core.errors import Severity
from kh68.core.vnformat import format_date
from kh68.lint.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for file in ctx.data_files:
        cadence = file.data.cadence
        for task_id, by_unit in file.data.tasks.items():
            for ref, progress in by_unit.items():
                day = progress.date
                if day is not None and day < cadence.first_day:
                    message = (
                        f"tiến độ nhiệm vụ {task_id} của {ref} ghi ngày {format_date(day)}, "
                        f"trước {cadence.label} mà tệp báo cáo"
                    )
                    yield Finding(file.doc, ("tasks", task_id, ref, "date"), message)
                elif day is not None and day.year > cadence.last_day.year + 1:  # 9999-12-31: a typo of the year
                    message = (
                        f"tiến độ nhiệm vụ {task_id} của {ref} ghi ngày {format_date(day)}, cách kỳ báo cáo của tệp "
                        f"({cadence.label}) hơn một năm: ngày hay năm gõ nhầm?"
                    )
                    yield Finding(file.doc, ("tasks", task_id, ref, "date"), message)


RULE = Rule(
    "progress-date-outside",
    Severity.ERROR,
    "ngày báo cáo của tiến độ (tasks › … › date) không trước kỳ mà tệp số liệu báo cáo, không sau kỳ ấy hơn một năm",
    "tiến độ nhiệm vụ 2.1 của phong_a ghi ngày 01/01/2020, trước năm 2025 mà tệp báo cáo",
    check,
    adjustable=True,
)
