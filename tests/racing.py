"""Edits raced against a run of kh68, at chosen points inside it (for tests/test_cache.py).

A cached run touches the plan in a fixed order: the cache lists the plan's two
folders and reads every file for its key, the command lists and reads them
again, and the cache reads them once more before it keeps the answer. A
``Racer`` counts those touches as Python's audit events announce them (a folder
listed, a file opened, and the file object then made on the open descriptor,
between the opening and the reading) and, just before the touch numbered N,
does what it was given for N: replace, rename or rewrite a plan file, or fail
as the machine does (raise an error, receive a signal).

An edit done there lands between two steps of the run exactly as a concurrent
editor's could, but at a point chosen in advance: the race is real and never
flaky. The same ``Racer`` runs inside the test's process or, through
``PRELUDE``, inside a real ``kh68`` process.

Steps, as JSON-friendly lists:

* ``["replace", source, target]``: ``os.replace``; ``["rename", source, target]``: ``os.rename``;
* ``["write", target, source]``: rewrite ``target`` in place (same inode) with the bytes of ``source``,
  through a descriptor opened before the run (so that the run sees no extra opening);
* ``["raise", name]``: raise one of ``FAILURES`` or an ``OSError`` by its errno name (``ENOSPC``, ``EMFILE``…);
* ``["kill", signal name]``: send the signal to the process itself.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from typing import Any

EVENTS = ("open", "os.listdir", "os.scandir")
Step = list[str]


class Racer:
    """Does ``steps[n]`` just before the run's touch of the plan numbered ``n`` (counted from 0)."""

    current: Racer | None = None

    def __init__(self, plan: str, steps: dict[int, list[Step]]):
        self.plan = os.path.realpath(plan)
        self.steps = steps
        self.touches = 0
        self.done: list[int] = []  # the touches before which steps were done
        self._after_plan_open = False
        self._busy = False
        self._written: dict[str, tuple[int, bytes]] = {}
        for step in (s for group in steps.values() for s in group):
            if step[0] == "write":
                with open(step[2], "rb") as source:
                    self._written[step[2]] = (os.open(step[1], os.O_RDWR), source.read())

    def __enter__(self) -> Racer:
        _hook_once()
        Racer.current = self
        return self

    def __exit__(self, *exc: object) -> None:
        Racer.current = None
        for fd, _ in self._written.values():
            os.close(fd)

    def touch(self, event: str, args: tuple[Any, ...]) -> None:
        if self._busy or event not in EVENTS or not args:
            return
        what = args[0]
        if isinstance(what, int):  # the file object made on a descriptor just opened
            if not (event == "open" and self._after_plan_open):
                return
            self._after_plan_open = False
        else:
            try:
                real = os.path.realpath(os.fsdecode(what))
            except (TypeError, ValueError):
                return
            if real != self.plan and not real.startswith(self.plan + os.sep):
                self._after_plan_open = False
                return
            self._after_plan_open = event == "open"
        number = self.touches
        self.touches += 1
        if number in self.steps:
            self._busy = True
            try:
                self.done.append(number)
                for step in self.steps[number]:
                    self._do(step)
            finally:
                self._busy = False

    def _do(self, step: Step) -> None:
        kind = step[0]
        if kind == "replace":
            os.replace(step[1], step[2])
        elif kind == "rename":
            os.rename(step[1], step[2])
        elif kind == "write":
            fd, data = self._written[step[2]]
            os.ftruncate(fd, 0)
            os.pwrite(fd, data, 0)
        elif kind == "raise":
            raise machine_failure(step[1])
        elif kind == "kill":
            os.kill(os.getpid(), getattr(signal, step[1]))
        else:
            raise ValueError(kind)


FAILURES = {
    "MemoryError": MemoryError,
    "RuntimeError": RuntimeError,
    "RecursionError": RecursionError,
    "KeyboardInterrupt": KeyboardInterrupt,
}


def machine_failure(name: str) -> BaseException:
    if name.startswith("E"):  # ENOSPC, EMFILE, EACCES, …
        number = getattr(errno, name)
        return OSError(number, os.strerror(number))
    return FAILURES[name]()


def do_steps(steps: list[Step]) -> None:
    """Do ``steps`` now, outside any run (to set up a state)."""
    racer = Racer("/", {0: steps})
    try:
        for step in steps:
            racer._do(step)
    finally:
        for fd, _ in racer._written.values():
            os.close(fd)


_hooked = False


def _hook_once() -> None:
    global _hooked
    if not _hooked:
        sys.addaudithook(_audit)
        _hooked = True


def _audit(event: str, args: tuple[Any, ...]) -> None:
    racer = Racer.current
    if racer is not None:
        racer.touch(event, args)


# Run in a real ``kh68`` process: ``python -c PRELUDE ARGS`` with RACE_PLAN and RACE_STEPS (JSON) set;
# the touches done are appended to RACE_DONE. As tests/test_cache.py's PROBE, it notes hit or miss.
PRELUDE = """
import atexit, json, os, sys
sys.path.insert(0, os.environ["RACE_TESTS"])
from racing import Racer
steps = {int(n): s for n, s in json.loads(os.environ["RACE_STEPS"]).items()}
racer = Racer(os.environ["RACE_PLAN"], steps)
def probe():
    with open(os.environ["RACE_DONE"], "a", encoding="utf-8") as f:
        way = "miss" if "kh68.cli" in sys.modules else "hit"
        f.write(json.dumps({"way": way, "done": racer.done, "touches": racer.touches}) + "\\n")
atexit.register(probe)
from kh68.app.launch import main
racer.__enter__()
main()
"""
