"""kh68: a government plan kept as YAML, checked, measured and reported.

The public Python API lives here; the command line (``kh68.cli``) is a thin
layer over it.
"""

from kh68.errors import Kh68Error, PlanInvalid, Problem, Severity, UsageError
from kh68.load import check_plan, load_plan

__version__ = "0.1.0"

__all__ = [
    "Kh68Error",
    "PlanInvalid",
    "Problem",
    "Severity",
    "UsageError",
    "check_plan",
    "load_plan",
]
