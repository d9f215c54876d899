"""Writing forms to a folder: never into the plan, every unit checked before the first file."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kh68.core.errors import InputError
from kh68.core.files import ANY_CONTENT, atomic_write_all, guard_output, guard_output_dir
from kh68.core.safetext import listing
from kh68.entry.forms.expected import as_period, form_for
from kh68.entry.forms.generate import file_name, form_bytes
from kh68.entry.forms.layout import FormSpec
from kh68.kinds.periods import Period
from kh68.reading.plan import Plan
from kh68.tracking.tasks import period_owers


@dataclass(frozen=True)
class WrittenForm:
    path: Path
    spec: FormSpec


def made_on(plan: Plan) -> date:
    """The date stamped in a form's properties: the plan's date, else 1 January of its year."""
    return plan.meta.date or date(plan.meta.year, 1, 1)


def write_forms(
    plan: Plan,
    when: Period | int,
    units: list[str],
    folder: Path,
    made: date | None = None,
    *,
    force: bool = False,
) -> list[WrittenForm]:
    """Write one form per unit for a period (a year given as a number: the year's) in ``folder``; nothing is
    written if any unit cannot have one, nor (without ``force``) if a file there differs from the form it would
    be: perhaps a form a unit filled and sent back."""
    guard_output_dir(folder)
    period = as_period(when)
    owers = period_owers(plan, period)
    specs = [form_for(plan, period, unit, owers) for unit in units]
    for spec in specs:  # every path checked before the first file is written
        guard_output(folder / file_name(spec), plan.root)
    stamp = made or made_on(plan)
    made_forms = [
        (folder / file_name(spec), spec, data) for spec, data in zip(specs, _build(specs, stamp), strict=True)
    ]
    if not force:
        _refuse_overwriting([path for path, _, data in made_forms if _differs(path, data)])
    # one batch: a full disk or a size limit at the fifth form leaves none of them (nor old and new forms mixed)
    atomic_write_all([(path, data, ANY_CONTENT) for path, _, data in made_forms])
    return [WrittenForm(path, spec) for path, spec, _ in made_forms]


def _differs(path: Path, data: bytes) -> bool:
    """Whether a file is at ``path`` with other bytes than ``data`` (a form filled, or made another day)."""
    try:
        return path.read_bytes() != data
    except FileNotFoundError:
        return False
    except OSError:
        return True  # unreadable, a folder …: never written over unasked


def _refuse_overwriting(paths: list[Path]) -> None:
    if paths:
        raise InputError(
            f"{paths[0].parent.as_posix()} đã có {listing([p.name for p in paths], SHOWN)} khác biểu mẫu sắp lập (có thể là biểu mẫu đơn vị đã "
            "điền và gửi lại): không ghi đè, không lập tệp nào; chọn thư mục khác (-o) hoặc dùng --force để lập lại"
        )


SHOWN = 5  # files named in the refusal; the others counted


PARALLEL_FROM = 40  # forms; below this, starting workers costs more than it saves


def _build(specs: list[FormSpec], stamp: date) -> Iterator[bytes]:
    """The workbooks' bytes, in order; many forms are built by worker processes where the system forks."""
    workers = min(os.cpu_count() or 1, 8)
    if len(specs) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return (form_bytes(spec, stamp) for spec in specs)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return iter(list(pool.map(form_bytes, specs, [stamp] * len(specs), chunksize=8)))
