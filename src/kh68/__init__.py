"""kh68: a government plan kept as YAML, checked, measured and reported.

The public Python API::

    from kh68 import check_plan, load_plan, Problem
    plan, problems = check_plan(Path("plan"))

Names are imported on first use, so ``import kh68`` stays cheap.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing would cost every start, a cache hit most
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Kh68Error": "kh68.core.errors",
    "PlanInvalid": "kh68.core.errors",
    "Problem": "kh68.core.errors",
    "Severity": "kh68.core.errors",
    "UsageError": "kh68.core.errors",
    "check_plan": "kh68.lint.check",
    "load_plan": "kh68.lint.check",
    "build_status": "kh68.outputs.status_view",
    "evaluate": "kh68.tracking.engine",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        from importlib import import_module

        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kh68' has no attribute {name!r}")
