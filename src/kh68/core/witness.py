"""What a command met on its way, told to whoever listens: the cache, before it keeps an answer.

Three kinds of news, each told where it happens:

* ``read(path, data)``: the bytes a file gave (``kh68.core.files.read_regular``),
  or ``None`` when reading it failed;
* ``absent(path)``: a file looked for and not there (``kh68.reading.load``);
* ``listed(folder, names)``: the names a folder held when listed
  (``kh68.core.files.folder_entries``), or ``None`` when it could not be listed;
* ``fault(exc)``: the machine, not the plan, had a say in the answer: an OS
  error met on the way (``kh68.reading.load``), or the command ended on one, on
  a lack of memory, a stop or a defect of kh68 (``kh68.cli.outcome.guarded``).

With nobody listening (every command but a cache miss) each costs one test of
an empty list. A listener must not raise: what it hears is evidence, never a
reason for the command to fail.
"""

from __future__ import annotations

from typing import Any, Protocol


class Listener(Protocol):
    def read(self, path: Any, data: bytes | None) -> None: ...

    def absent(self, path: Any) -> None: ...

    def listed(self, folder: Any, names: list[str] | None) -> None: ...

    def fault(self, exc: BaseException) -> None: ...


_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """Tell ``listener`` everything from now on, until ``stop(listener)``."""
    _listeners.append(listener)


def stop(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def read(path: Any, data: bytes | None) -> None:
    for listener in _listeners:
        listener.read(path, data)


def absent(path: Any) -> None:
    for listener in _listeners:
        listener.absent(path)


def listed(folder: Any, names: list[str] | None) -> None:
    for listener in _listeners:
        listener.listed(folder, names)


def fault(exc: BaseException) -> None:
    for listener in _listeners:
        listener.fault(exc)
