"""Words of the CLI itself: what a command says it did."""

WORDS: dict[str, dict[str, str]] = {}
