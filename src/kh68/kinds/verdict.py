"""The closed vocabularies every kind speaks: which way is better, a task's state, a verdict.

Their Vietnamese words live with the outputs (``kh68.vocab``); here they are
values that code compares (``status is Status.MET``), never strings.
"""

from __future__ import annotations

from enum import StrEnum


# Which way is better for an indicator. (No docstring: pydantic would put it in the Vietnamese JSON Schema.)
class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"

    @property
    def sign(self) -> int:
        """+1 when higher is better, -1 when lower is better."""
        return 1 if self is Direction.HIGHER else -1

    @property
    def opposite(self) -> Direction:
        return Direction.LOWER if self is Direction.HIGHER else Direction.HIGHER


# A task's (or a qualitative target's) state as a unit reports it. (No docstring: see Direction.)
class TaskState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ONGOING = "ongoing"


class Status(StrEnum):
    """Where a period's value stands against the target in force."""

    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    NO_TARGET = "no_target"
    IN_PROGRESS = "in_progress"
    PROVISIONAL = "provisional"  # aggregated from fewer units than expected: never "Đạt"
    NOT_COMPUTABLE = "not_computable"  # the unit of count no longer exists
    NO_BASE = "no_base"  # a target set against a base year whose figure is not recorded
    NO_STATE = "no_state"  # a figure against the words of a milestone ("Triển khai theo đề án"), judged by a state


STATE_STATUS: dict[TaskState, Status] = {
    TaskState.DONE: Status.MET,
    TaskState.IN_PROGRESS: Status.IN_PROGRESS,
    TaskState.ONGOING: Status.IN_PROGRESS,
    TaskState.NOT_STARTED: Status.NOT_MET,
}
"""A reported state as a verdict on a completion or milestone target."""
