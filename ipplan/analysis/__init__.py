"""From observations to figures and words: series, the figures of methods.md,
evaluation, projections, verdicts, checks, units, what is needed, proposals."""
