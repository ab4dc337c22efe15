"""``ipplan init DIR --from draft.yaml``: a new plan folder from a draft targets.yaml (as
``ipplan propose --format yaml`` writes it), checked as a plan before anything is written.

The draft is read exactly as ``targets.yaml`` is (:func:`ipplan.data.plan.read_plan`), so
every problem is reported at once with the draft's own file name, line and column, and
nothing is written when there is one. ``actuals_from`` names a plan whose actuals files
are copied, byte for byte, for the indicators the draft keeps (the figures of the old
plan are the history of the new one).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ipplan.core.errors import DataError, PlanError, Problem, UsageError
from ipplan.core.model import Plan
from ipplan.data.plan import TARGETS, read_plan
from ipplan.data.safeio import MAX_PLAN_BYTES, read_limited


def read_draft(draft: Path) -> tuple[bytes, Plan]:
    """The draft's bytes and the plan they make; PlanError with every problem if unusable."""
    try:  # a regular file of at most the size of a targets.yaml (ipplan.data.safeio)
        raw = read_limited(draft, MAX_PLAN_BYTES, "init.from_unreadable")
    except DataError as exc:
        if not isinstance(exc.__cause__, OSError):
            raise  # not a regular file, or too large
        raise UsageError("init.from_unreadable", path=str(draft),
                         reason=exc.problems[0].params["reason"]) from None  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / TARGETS).write_bytes(raw)
        plan, problems = read_plan(Path(folder))
    errors = [_relocated(p, str(draft)) for p in problems if p.severity == "error"]
    if plan is None or errors:
        raise PlanError(problems=errors or [_relocated(p, str(draft)) for p in problems])
    return raw, plan


def _relocated(problem: Problem, file: str) -> Problem:
    return Problem(problem.code, problem.params, file, problem.line, problem.column,
                   problem.severity)  # fmt: skip


def draft_files(draft: Path, actuals_from: Plan | None = None) -> dict[str, bytes]:
    """Relative path → content of the new plan folder: the draft as targets.yaml, and the
    actuals of ``actuals_from`` for every indicator the draft keeps."""
    raw, plan = read_draft(draft)
    files = {TARGETS: raw}
    source = actuals_from.actuals_dir if actuals_from is not None else None
    if source is not None:
        for ind in plan.indicators:
            path = source / f"{ind.id}.csv"
            if path.is_file():
                try:
                    files[f"actuals/{ind.id}.csv"] = path.read_bytes()
                except OSError as exc:
                    raise UsageError("init.from_unreadable", path=str(path),
                                     reason=exc.strerror or str(exc)) from None  # fmt: skip
    return files
