"""The ``kh68`` program validates a plan with kh68's models alone: no pydantic plugin takes part.

pydantic hands every model it validates to each plugin installed in the environment
(entry points of the group ``pydantic``): a plugin sees every value of the plan, may log it
elsewhere and may change what validation answers, so the same plan could be read one way on
one machine and another way on the next. Finding those plugins also costs every run of kh68
the import of ``importlib.metadata`` and a scan of every installed distribution: about 21 ms of
a 0,28 s ``kh68 check``.

pydantic's own switch (``PYDANTIC_DISABLE_PLUGINS``) is read only after that import, so the
launcher puts in the loader's place, before pydantic is imported, a module whose
``get_plugins`` answers "none". Whatever else pydantic asks of its loader comes from the real
one, loaded then. Only the ``kh68`` program does this: code that imports kh68 as a library,
and its own models, keep their plugins.
"""

from __future__ import annotations

import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"


def keep_out() -> None:
    """No pydantic plugin in this process, unless pydantic's loader has already run here."""
    if LOADER in sys.modules:
        return
    loader = types.ModuleType(LOADER, "pydantic's plugin loader as the kh68 program has it: no plugin.")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    loader.__getattr__ = _from_real_loader  # type: ignore[method-assign]
    sys.modules[LOADER] = loader


def _no_plugins() -> tuple[()]:
    return ()


_real: list[types.ModuleType] = []


def _from_real_loader(name: str) -> Any:
    """Anything but ``get_plugins`` asked of the loader: the real module's (a later pydantic may ask more)."""
    if name.startswith("__"):  # what the import system asks of any module (``__path__``): a plain module's answer
        raise AttributeError(name)
    if not _real:
        from importlib import import_module
        from importlib.machinery import PathFinder
        from importlib.util import module_from_spec

        spec = PathFinder.find_spec(LOADER, import_module("pydantic.plugin").__path__)
        if spec is None or spec.loader is None:
            raise AttributeError(name)
        module = module_from_spec(spec)
        spec.loader.exec_module(module)
        _real.append(module)
    return getattr(_real[0], name)
