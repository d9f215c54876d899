"""Writing forms to a folder: never into the plan, every unit checked before the first file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kh68.entry.forms.expected import form_for
from kh68.entry.forms.generate import file_name, form_bytes
from kh68.entry.forms.layout import FormSpec
from kh68.errors import UsageError
from kh68.files import atomic_write
from kh68.reading.plan import Plan


@dataclass(frozen=True)
class WrittenForm:
    path: Path
    spec: FormSpec


def made_on(plan: Plan) -> date:
    """The date stamped in a form's properties: the plan's date, else 1 January of its year."""
    return plan.meta.date or date(plan.meta.year, 1, 1)


def write_forms(plan: Plan, year: int, units: list[str], folder: Path, made: date | None = None) -> list[WrittenForm]:
    """Write one form per unit in ``folder``; nothing is written if any unit cannot have one."""
    if _inside(folder, plan.root):
        raise UsageError(f"không ghi biểu mẫu vào thư mục kế hoạch ({folder.as_posix()}); chọn thư mục khác bằng -o")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"'{folder.as_posix()}' là một tệp, không phải thư mục")
    specs = [form_for(plan, year, unit) for unit in units]
    stamp = made or made_on(plan)
    written = []
    for spec in specs:
        path = folder / file_name(spec)
        atomic_write(path, form_bytes(spec, stamp))
        written.append(WrittenForm(path, spec))
    return written


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
