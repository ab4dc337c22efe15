"""Words of `ipplan show`: every figure with its formula, the history, the projections."""

WORDS: dict[str, dict[str, str]] = {}
